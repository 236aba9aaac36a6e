// What a reader and a link preview see: search from the home page to a report, the report's
// share meta (Open Graph, Twitter, JSON-LD Article) with a card that loads at 1200x630,
// and a rig page with its own card and feed. No page logs a console error.
import { describe, expect, it } from 'vitest';
import { watchedPage } from './support/browser.ts';
import { openSite } from './support/session.ts';
import { pngSize } from './support/png.ts';
import { distReady, PUBLIC_ROOT, toLocal } from './support/site.ts';

describe.skipIf(!distReady)('share cards and search in the built site', () => {
  const site = openSite();

  it('finds a model with the search box on the home page and follows it to its report', async () => {
    const { page, errors } = await watchedPage(site.browser);
    await page.goto(site.server.root);
    const input = page.locator('#search input');
    await input.fill('ZAYA1');
    const result = page.locator('#search a.pagefind-ui__result-link', { hasText: 'ZAYA1-8B' }).first();
    await result.waitFor({ timeout: 15_000 });
    expect(await result.getAttribute('href')).toBe(`${new URL(site.server.root).pathname}models/zaya1-8b/`);
    await result.click();
    await page.waitForURL(`${site.server.root}models/zaya1-8b/`);
    expect(await page.locator('h1').textContent()).toContain('ZAYA1-8B');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives a report the share meta and a 1200x630 card that loads', async () => {
    const { page, errors } = await watchedPage(site.browser);
    const response = await page.goto(`${site.server.root}models/deepseek-v4-pro/`);
    expect(response?.status()).toBe(200);
    const meta = await page.evaluate(() => {
      const get = (selector: string) => document.querySelector(selector)?.getAttribute('content') ?? null;
      return {
        title: get('meta[property="og:title"]'),
        description: get('meta[property="og:description"]'),
        image: get('meta[property="og:image"]'),
        url: get('meta[property="og:url"]'),
        type: get('meta[property="og:type"]'),
        twitter: get('meta[name="twitter:card"]'),
        jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent ?? 'null')),
        feed: document.querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href') ?? null,
      };
    });
    expect(meta.title).toContain('DeepSeek V4-Pro');
    expect(meta.description?.length).toBeGreaterThan(20);
    expect(meta.image).toBe(`${PUBLIC_ROOT}og/models/deepseek-v4-pro.png`);
    expect(meta.url).toBe(`${PUBLIC_ROOT}models/deepseek-v4-pro/`);
    expect(meta.type).toBe('article');
    expect(meta.twitter).toBe('summary_large_image');
    expect(meta.feed).toBe(`${new URL(site.server.root).pathname}rss.xml`);
    expect(meta.jsonLd).toHaveLength(1);
    const [article] = meta.jsonLd;
    expect(article).toMatchObject({ '@context': 'https://schema.org', '@type': 'Article', url: meta.url, image: [meta.image] });
    expect(article.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(article.dateModified >= article.datePublished).toBe(true);

    // The card as a crawler fetches it (PNG header), and as a browser draws it.
    const local = toLocal(meta.image!, site.server.origin);
    const png = await fetch(local);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(pngSize(new Uint8Array(await png.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
    const drawn = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return { width: img.naturalWidth, height: img.naturalHeight };
    }, local);
    expect(drawn).toEqual({ width: 1200, height: 630 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a rig page with its own card and feed', async () => {
    const { page, errors } = await watchedPage(site.browser);
    await page.goto(site.server.root);
    await page.locator('ul.rigs a', { hasText: 'Homelab' }).first().click();
    await page.waitForURL(`${site.server.root}rigs/homelab-rtx5090/`);
    expect(await page.locator('h1').textContent()).toContain('Homelab');
    expect(await page.locator('table').count()).toBeGreaterThan(1);
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(image).toBe(`${PUBLIC_ROOT}og/rigs/homelab-rtx5090.png`);
    const feeds = await page.locator('link[rel="alternate"][type="application/rss+xml"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    expect(feeds).toEqual([`${new URL(site.server.root).pathname}rss.xml`, `${new URL(site.server.root).pathname}rigs/homelab-rtx5090/rss.xml`]);
    const png = await fetch(toLocal(image!, site.server.origin));
    expect(pngSize(new Uint8Array(await png.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
