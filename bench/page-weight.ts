// Gzipped bytes a reader downloads for one page: its HTML plus the CSS and JS it links.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight { htmlBytes: number; cssBytes: number; jsBytes: number; totalBytes: number }

const gz = (file: string) => gzipSync(fs.readFileSync(file)).length;

/** `page` is a path inside dist/ (e.g. "models/x/index.html"); `base` the site's base path. */
export function pageWeight(dist: string, page: string, base: string, includeScripts = true): PageWeight {
  const html = fs.readFileSync(path.join(dist, page), 'utf8');
  const local = (href: string) => path.join(dist, href.replace(base, '/').replace(/^\//, ''));
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => local(m[1]!));
  const js = includeScripts ? [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => local(m[1]!)) : [];
  // Module scripts import further chunks: follow static and dynamic imports once.
  const seen = new Set(js);
  for (const file of [...js]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import\(|from)\s*["']\.\/([^"']+\.js)["']/g)) {
      const chunk = path.join(path.dirname(file), m[1]!);
      if (!seen.has(chunk) && fs.existsSync(chunk)) { seen.add(chunk); js.push(chunk); }
    }
  }
  const htmlBytes = gzipSync(html).length;
  const cssBytes = css.filter(fs.existsSync).reduce((s, f) => s + gz(f), 0);
  const jsBytes = js.filter(fs.existsSync).reduce((s, f) => s + gz(f), 0);
  return { htmlBytes, cssBytes, jsBytes, totalBytes: htmlBytes + cssBytes + jsBytes };
}
