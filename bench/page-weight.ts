// Gzipped bytes a reader downloads for one page: its HTML plus the CSS and JS it links.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  htmlBytes: number;
  cssBytes: number;
  jsBytes: number;
  totalBytes: number;
  jsFiles: { file: string; bytes: number }[];
  /** The calculator's data, which rides in the HTML as one JSON script (counted in htmlBytes too). */
  islandDataBytes: number;
}

const gz = (file: string) => gzipSync(fs.readFileSync(file)).length;

/** `page` is a path inside dist/ (e.g. "models/x/index.html"); `base` the site's base path. */
export function pageWeight(dist: string, page: string, base: string, includeScripts = true): PageWeight {
  const html = fs.readFileSync(path.join(dist, page), 'utf8');
  const local = (href: string) => path.join(dist, href.replace(base, '/').replace(/^\//, ''));
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => local(m[1]!));
  const js = includeScripts ? [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => local(m[1]!)) : [];
  // Module scripts load further chunks (imports, and Vite's preload helper naming them in
  // strings): follow every sibling file a script names.
  const seen = new Set(js);
  for (let i = 0; i < js.length; i++) {
    const file = js[i]!;
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/[\w.-]+\.js\b/g)) {
      const chunk = path.join(path.dirname(file), m[0]);
      if (!seen.has(chunk) && fs.existsSync(chunk)) {
        seen.add(chunk);
        js.push(chunk);
      }
    }
  }
  const htmlBytes = gzipSync(html).length;
  const cssBytes = css.filter(fs.existsSync).reduce((s, f) => s + gz(f), 0);
  const jsFiles = js.filter(fs.existsSync).map((f) => ({ file: path.relative(dist, f), bytes: gz(f) }));
  const jsBytes = jsFiles.reduce((s, f) => s + f.bytes, 0);
  const islandData = /<script type="application\/json">([\s\S]*?)<\/script>/.exec(html)?.[1];
  const islandDataBytes = islandData === undefined ? 0 : gzipSync(islandData).length;
  return { htmlBytes, cssBytes, jsBytes, totalBytes: htmlBytes + cssBytes + jsBytes, jsFiles, islandDataBytes };
}

/** The calculator island: its bundles under _astro/ (search is Pagefind's own files) and its data. */
export function islandBytes(weight: PageWeight): number {
  return weight.jsFiles.filter((f) => f.file.startsWith('_astro/')).reduce((s, f) => s + f.bytes, 0) + weight.islandDataBytes;
}
