// The built site's machine-readable files, read as a client would over HTTP: the RSS feeds
// (a real XML parse), the JSON API (the same shape as the CLI's --json), robots.txt, the
// sitemap and the 404 page. No browser needed, but they need dist/, like the browser tests.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDist, type StaticServer } from './support/server.ts';
import { distReady, PUBLIC_ROOT, toLocal } from './support/site.ts';

interface Item { title: string; link: string; guid: { '#text': string; '@_isPermaLink': string }; pubDate: string; description: string; 'content:encoded'?: string }

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'item' || name === 'sitemap' || name === 'url' });

describe.skipIf(!distReady)('feeds, JSON API, robots.txt and 404 of the built site', () => {
  let server: StaticServer;
  const get = async (file: string) => {
    const response = await fetch(`${server.root}${file}`);
    expect(response.status, file).toBe(200);
    return response;
  };
  const feed = async (file: string) => parser.parse(await (await get(file)).text()) as { rss: { channel: { link: string; item?: Item[] } } };
  let models: { id: string; name: string }[];
  let rigs: { id: string; name: string }[];

  beforeAll(async () => {
    server = await serveDist();
    models = await (await get('api/models.json')).json();
    rigs = await (await get('api/rigs.json')).json();
  });
  afterAll(() => server?.close());

  it('publishes one feed item per report plus one per dated verdict change, newest first', async () => {
    const { rss } = await feed('rss.xml');
    expect(rss.channel.link).toBe(PUBLIC_ROOT);
    const items = rss.channel.item ?? [];
    const guids = items.map((i) => i.guid['#text']);
    expect(new Set(guids).size).toBe(items.length);
    const reports = items.filter((i) => !i.guid['#text'].includes('/'));
    expect(reports.map((i) => i.guid['#text']).sort()).toEqual(models.map((m) => m.id).sort());
    for (const r of reports) {
      expect(r.link).toBe(`${PUBLIC_ROOT}models/${r.guid['#text']}/`);
      expect(r['content:encoded']?.length).toBeGreaterThan(2000);
      expect(r['content:encoded']).not.toMatch(/<(script|style|svg)\b|\sclass=|data-astro/i);
      expect(r['content:encoded']).not.toMatch(/\s(href|src)="\//);
    }
    const changes = items.filter((i) => i.guid['#text'].includes('/'));
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes) expect(c.guid['#text']).toMatch(/^[^/]+\/[^/]+\/\d{4}-\d{2}-\d{2}$/);
    expect(changes.some((c) => / now runs on /.test(c.title))).toBe(true);
    const dates = items.map((i) => Date.parse(i.pubDate));
    expect(dates.every((d) => Number.isFinite(d))).toBe(true);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    // Every item points at a page that exists.
    for (const link of new Set(items.map((i) => i.link))) expect((await fetch(toLocal(link, server.origin))).status, link).toBe(200);
  });

  it('gives every rig a feed of the verdict changes on it, the same items as the site feed', async () => {
    const site = (await feed('rss.xml')).rss.channel.item ?? [];
    let total = 0;
    for (const rig of rigs) {
      const items = (await feed(`rigs/${rig.id}/rss.xml`)).rss.channel.item ?? [];
      total += items.length;
      for (const item of items) {
        expect(item.guid['#text'].split('/')[1]).toBe(rig.id);
        expect(site.find((s) => s.guid['#text'] === item.guid['#text'])?.title).toBe(item.title);
      }
    }
    expect(total).toBe(site.filter((i) => i.guid['#text'].includes('/')).length);
  });

  it('serves every model and rig as JSON, and each rig\'s fit results in the shape of `npm run fit -- --json`', async () => {
    expect(models.length).toBeGreaterThan(0);
    expect(models.map((m) => m.id)).toEqual([...models.map((m) => m.id)].sort());
    expect(models[0]).toMatchObject({ id: expect.any(String), name: expect.any(String), parameters: expect.any(Object), quants: expect.any(Array) });
    for (const rig of rigs) {
      const fits = (await (await get(`api/fit/${rig.id}.json`)).json()) as { model: string; rig: string }[];
      expect(fits.map((f) => f.model)).toEqual(models.map((m) => m.id));
      expect(new Set(fits.map((f) => f.rig))).toEqual(new Set([rig.id]));
    }
    const root = path.resolve(import.meta.dirname, '../..');
    const cli = JSON.parse(execFileSync(process.execPath, ['scripts/fit.ts', 'zaya1-8b', '--rig', 'homelab-rtx5090', '--json'], { cwd: root, encoding: 'utf8' }));
    const api = ((await (await get('api/fit/homelab-rtx5090.json')).json()) as { model: string }[]).find((f) => f.model === 'zaya1-8b');
    expect(api).toEqual(cli);
  });

  it('points robots.txt at the sitemap under the base path, and the sitemap at every page', async () => {
    const robots = await (await get('robots.txt')).text();
    expect(robots).toContain(`Sitemap: ${PUBLIC_ROOT}sitemap-index.xml`);
    const index = parser.parse(await (await get('sitemap-index.xml')).text()) as { sitemapindex: { sitemap: { loc: string }[] } };
    const urls = [];
    for (const { loc } of index.sitemapindex.sitemap) {
      const map = parser.parse(await (await fetch(toLocal(loc, server.origin))).text()) as { urlset: { url: { loc: string }[] } };
      urls.push(...map.urlset.url.map((u) => u.loc));
    }
    expect(urls).toContain(`${PUBLIC_ROOT}models/zaya1-8b/`);
    expect(urls.every((u) => u.startsWith(PUBLIC_ROOT))).toBe(true);
    expect(urls.some((u) => u.includes('404'))).toBe(false);
  });

  it('answers a missing page with the 404 page', async () => {
    const response = await fetch(`${server.root}models/no-such-model/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('No page here');
  });
});
