// Issue 15, item 7, as a client sees the built site: every post has its own share card, not
// the home one; cards balance their lines and say which data day they show; a rig's feed
// links its channel to the rig's page and dates itself from the data; no feed item keeps a
// sentence that points at something the feed does not carry; the API's byte counts are whole.
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareCard } from '../../src/lib/og/card.ts';
import { pngSize } from './support/png.ts';
import { serveDist, type StaticServer } from './support/server.ts';
import { DIST, distReady, PUBLIC_ROOT, readDist, toLocal } from './support/site.ts';

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'item' });
const ogBuilt = distReady && fs.existsSync(path.join(DIST, 'og'));
const meta = (html: string, property: string) => new RegExp(`<meta property="${property}" content="([^"]+)"`).exec(html)?.[1];

interface Node { type: string; props: { style?: Record<string, unknown>; children?: unknown } }
const texts = (node: unknown, out: { text: string; style: Record<string, unknown> }[] = []) => {
  const n = node as Node;
  if (!n || typeof n !== 'object') return out;
  if (typeof n.props?.children === 'string') out.push({ text: n.props.children, style: n.props.style ?? {} });
  else if (Array.isArray(n.props?.children)) for (const c of n.props.children) texts(c, out);
  return out;
};

describe('share cards balance their lines and carry their date', () => {
  it('the title and the figure\'s meaning wrap balanced; the footer says "as of"', () => {
    const card = shareCard({ siteName: 'Three Walls', kicker: 'Model report', title: 'A model name long enough to wrap twice', verdict: 'runs', verdictLabel: 'Runs', walls: [], figure: '~225 tok/s', figureMeaning: 'predicted decode for the pick at 16,384 tokens deep, faster than the daily driver.', footer: 'x', asOf: '2026-08-31' });
    const nodes = texts(card);
    expect(nodes.find((n) => n.text.startsWith('A model name'))?.style.textWrap).toBe('balance');
    expect(nodes.find((n) => n.text.startsWith('predicted decode'))?.style.textWrap).toBe('balance');
    expect(nodes.some((n) => n.text === 'as of 2026-08-31')).toBe(true);
  });
});

describe.skipIf(!distReady)('posts, feeds and the API as built (issue 15)', () => {
  let server: StaticServer;
  beforeAll(async () => { server = await serveDist(); });
  afterAll(() => server?.close());
  const text = async (file: string) => { const r = await fetch(`${server.root}${file}`); expect(r.status, file).toBe(200); return r.text(); };

  it.skipIf(!ogBuilt)('every post has its own 1200x630 share card', async () => {
    const posts = fs.readdirSync(path.join(DIST, 'posts')).filter((p) => fs.existsSync(path.join(DIST, 'posts', p, 'index.html')));
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) {
      const image = meta(readDist(`posts/${post}/index.html`), 'og:image');
      expect(image).toBe(`${PUBLIC_ROOT}og/posts/${post}.png`);
      const png = await fetch(toLocal(image!, server.origin));
      expect(pngSize(new Uint8Array(await png.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
    }
  });

  it('a rig\'s feed links to the rig, with lastBuildDate its newest item\'s day', async () => {
    const rigs = (JSON.parse(await text('api/rigs.json')) as { id: string }[]).map((r) => r.id);
    for (const rig of rigs) {
      const { rss } = parser.parse(await text(`rigs/${rig}/rss.xml`)) as { rss: { channel: { link: string; lastBuildDate?: string; item?: { pubDate: string }[] } } };
      expect(rss.channel.link).toBe(`${PUBLIC_ROOT}rigs/${rig}/`);
      const items = rss.channel.item ?? [];
      if (items.length === 0) continue;
      const newest = Math.max(...items.map((i) => Date.parse(i.pubDate)));
      expect(Date.parse(rss.channel.lastBuildDate ?? ''), rig).toBe(newest);
    }
  });

  it('no report in the feed ends a paragraph on a colon with nothing after it', async () => {
    const { rss } = parser.parse(await text('rss.xml')) as { rss: { channel: { item: { guid: { '#text': string }; 'content:encoded'?: string }[] } } };
    const dangling = rss.channel.item.flatMap((i) => [...(i['content:encoded'] ?? '').matchAll(/<p>([^<]*:)<\/p>(?!\s*<(ul|ol|table|div|figure|pre|details))/g)].map((m) => `${i.guid['#text']}: ${m[1]}`));
    expect(dangling).toEqual([]);
  });

  it('every byte count in the JSON API is a whole number', async () => {
    const files = ['api/models.json', 'api/rigs.json', ...fs.readdirSync(path.join(DIST, 'api/fit')).map((f) => `api/fit/${f}`)];
    const fractional: string[] = [];
    const walk = (value: unknown, at: string) => {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${at}[${i}]`));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${at}.${k}`);
      else if (typeof value === 'number' && !Number.isInteger(value) && /bytes|size|memory|bandwidth|ram\b/i.test(at)) fractional.push(`${at} = ${value}`);
    };
    for (const file of files) walk(JSON.parse(await text(file)), file);
    expect(fractional.slice(0, 10)).toEqual([]);
  });
});
