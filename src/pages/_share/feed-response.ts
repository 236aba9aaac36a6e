// One RSS 2.0 response from feed items (@astrojs/rss). The channel link carries the base
// path (context.site does not), items carry their own GUIDs (not permalinks: a report's
// URL stays while its content follows the data) and no build date is written, so the same
// data gives the same bytes.
//
// Titles and descriptions are plain text made from data strings (model, rig, engine and
// file names), and feed readers show both as HTML once the XML is decoded: so each is
// HTML-escaped here, the one place every feed passes through, and a name such as
// `<img src=x onerror=…>` reads as text. `content` is already sanitized HTML (report-html.ts).
import { getRssString } from '@astrojs/rss';
import type { FeedItem } from './feed-items.ts';

/** Plain text as HTML (or XML) text; for titles and descriptions the XML builder escapes once more, for the XML itself. */
export const escapeHtml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The feed's XML: pure apart from @astrojs/rss, so tests can read it directly. */
export function feedXml(title: string, description: string, base: URL, items: FeedItem[]): Promise<string> {
  return getRssString({
    title: escapeHtml(title),
    description: escapeHtml(description),
    site: base.href,
    trailingSlash: true,
    customData: '<language>en</language>',
    items: items.map((item) => ({
      title: escapeHtml(item.title),
      link: item.link,
      pubDate: new Date(`${item.date}T00:00:00Z`),
      description: escapeHtml(item.description),
      content: item.content,
      customData: `<guid isPermaLink="false">${escapeHtml(item.guid)}</guid>`,
    })),
  });
}

export async function feedResponse(title: string, description: string, base: URL, items: FeedItem[]): Promise<Response> {
  return new Response(await feedXml(title, description, base, items), { headers: { 'Content-Type': 'application/xml' } });
}

/** The site's absolute URL with its base path, e.g. https://host/three-walls/. */
export const siteBase = (site: URL | undefined): URL => {
  if (!site) throw new Error('astro.config.mjs has no `site`: feeds need absolute URLs');
  return new URL(import.meta.env.BASE_URL, site);
};
