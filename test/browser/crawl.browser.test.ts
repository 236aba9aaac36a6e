// A crawl of the built site from the home page, in the browser: every internal link, image,
// script, stylesheet, feed, share card and API file an HTML page points at must exist
// (fragments included: "#x" needs an element with id "x"), every page must be reachable,
// and no page may log a console error.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchedPage } from './support/browser.ts';
import { openSite } from './support/session.ts';
import { DIST, distReady, toLocal } from './support/site.ts';

interface PageFacts { refs: string[]; ids: string[] }

/** Every page in dist/ as its URL path below the base: "", "models/x/", ... (not 404.html). */
function builtPages(dir = DIST, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return builtPages(path.join(dir, e.name), `${prefix}${e.name}/`);
    return e.name === 'index.html' ? [prefix] : [];
  }).sort();
}

describe.skipIf(!distReady)('crawl of the built site', () => {
  const site = openSite();

  it('finds no broken internal link and no console error on any page', async () => {
    const { page, errors } = await watchedPage(site.browser);
    const pages = new Map<string, PageFacts>();
    const files = new Map<string, number>();
    const broken: string[] = [];
    const queue = [site.server.root];
    const internal = (href: string) => href.startsWith(site.server.root);
    const isPage = (href: string) => new URL(href).pathname.endsWith('/');

    while (queue.length > 0) {
      const target = queue.shift()!;
      if (pages.has(target)) continue;
      const response = await page.goto(target);
      if (response?.status() !== 200) broken.push(`${target}: HTTP ${response?.status()}`);
      const facts = await page.evaluate(() => ({
        refs: [
          ...[...document.querySelectorAll<HTMLAnchorElement | HTMLLinkElement>('a[href], link[href]')].map((e) => e.href),
          ...[...document.querySelectorAll<HTMLImageElement | HTMLScriptElement>('img[src], script[src], source[src]')].map((e) => e.src),
          ...[...document.querySelectorAll('meta[property="og:image"], meta[property="og:url"]')].map((e) => e.getAttribute('content') ?? ''),
        ],
        ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
      }));
      facts.refs = facts.refs.map((r) => toLocal(r, site.server.origin)).filter(internal);
      pages.set(target, facts);
      for (const ref of facts.refs) {
        const bare = ref.replace(/#.*$/, '');
        if (isPage(bare)) {
          if (!pages.has(bare) && !queue.includes(bare)) queue.push(bare);
        } else if (!files.has(bare)) {
          files.set(bare, (await fetch(bare)).status);
        }
      }
    }

    for (const [url, status] of files) if (status !== 200) broken.push(`${url}: HTTP ${status}`);
    for (const [from, facts] of pages) {
      for (const ref of facts.refs) {
        const hash = new URL(ref).hash.slice(1);
        const target = pages.get(ref.replace(/#.*$/, ''));
        if (hash && target && !target.ids.includes(decodeURIComponent(hash))) broken.push(`${from} -> ${ref}: no element with id "${hash}"`);
      }
    }
    expect(broken).toEqual([]);
    expect(errors).toEqual([]);
    // Every built page is reachable by links from the home page.
    expect([...pages.keys()].map((u) => u.slice(site.server.root.length)).sort()).toEqual(builtPages());
    // The crawl checked feeds, share cards and API files too, not only pages.
    const seen = [...files.keys()].map((u) => u.slice(site.server.root.length));
    expect(seen).toContain('rss.xml');
    expect(seen.some((f) => f.startsWith('og/models/'))).toBe(true);
    expect(seen.some((f) => /^rigs\/[^/]+\/rss\.xml$/.test(f))).toBe(true);
    expect(seen.some((f) => /^api\/fit\/[^/]+\.json$/.test(f))).toBe(true);
    await page.close();
  }, 240_000);
});
