// Gzipped bytes a reader downloads for one page: its HTML plus the CSS and JS it links.
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

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

/**
 * What a report asks of its reader: prose words (outside tables, code, folded details,
 * figures and the calculator, the same rule as test/browser/reading-report.browser.test.ts)
 * and the page height at 1280 px and 390 px, measured in Debian's chromium. Without a
 * browser, the height is estimated as 27 px per 11 prose words plus 36 px per table row
 * outside folds (a line of body text at 1280 px, and a table row), and said to be an estimate.
 */
export interface ReadingFigures { page: string; words: number; desktopPx: number; phonePx: number; estimated: boolean }

/** Runs in the page: the prose word count of a report, by the rule above. */
export const PROSE_WORDS_SCRIPT = `(() => {
  const body = document.querySelector('.report-body');
  if (!body) return -1;
  const clone = body.cloneNode(true);
  clone.querySelectorAll('table, .table-wrap, pre, code, details, figure, svg, [data-pagefind-ignore]').forEach((e) => e.remove());
  return (clone.textContent.match(/\\S+/g) || []).length;
})()`;

function estimate(html: string): { words: number; px: number } {
  const body = html.slice(html.indexOf('class="report-body"'), html.indexOf('data-pagefind-ignore'));
  const open = body.replace(/<details[\s\S]*?<\/details>/g, '');
  const rows = (open.match(/<tr[\s>]/g) ?? []).length;
  const prose = open.replace(/<(table|pre|figure|svg)[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' ');
  const words = (prose.match(/\S+/g) ?? []).length;
  return { words, px: Math.round((words / 11) * 27 + rows * 36) };
}

export async function readingFigures(dist: string, base: string): Promise<ReadingFigures[]> {
  const pages = fs.readdirSync(path.join(dist, 'models')).map((m) => `models/${m}/index.html`).filter((p) => fs.existsSync(path.join(dist, p)));
  const browser = await openChromium();
  if (!browser) return pages.map((page) => { const e = estimate(fs.readFileSync(path.join(dist, page), 'utf8')); return { page, words: e.words, desktopPx: e.px, phonePx: e.px * 2, estimated: true }; });
  const server = await serveFolder(dist, base);
  const out: ReadingFigures[] = [];
  try {
    for (const width of [1280, 390]) {
      const tab = await browser.newPage({ viewport: { width, height: 900 } });
      for (const page of pages) {
        await tab.goto(`${server.origin}${base}${page.replace(/index\.html$/, '')}`);
        const words = (await tab.evaluate(PROSE_WORDS_SCRIPT)) as number;
        const height = await tab.evaluate(() => document.documentElement.scrollHeight);
        const row = out.find((r) => r.page === page) ?? (out.push({ page, words, desktopPx: 0, phonePx: 0, estimated: false }), out.at(-1)!);
        if (width === 1280) row.desktopPx = height;
        else row.phonePx = height;
      }
      await tab.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

/** Debian's chromium via playwright-core (CHROMIUM_PATH overrides), or null when there is none. */
async function openChromium(): Promise<Browser | null> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) return null;
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}

/** dist/ under its base path on 127.0.0.1, enough for a page and its CSS. */
async function serveFolder(dist: string, base: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(dist, pathname.slice(base.length));
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!pathname.startsWith(base) || !file.startsWith(dist) || !fs.existsSync(file)) return void res.writeHead(404).end();
    const type = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml' }[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type }).end(fs.readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((done) => server.close(() => done())) };
}
