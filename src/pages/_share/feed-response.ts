// One RSS 2.0 response from feed items (@astrojs/rss). The channel link carries the base
// path (context.site does not), items carry their own GUIDs (not permalinks: a report's
// URL stays while its content follows the data), and lastBuildDate is the newest item's date
// (from the data, never the clock), so the same data gives the same bytes.
//
// Titles and descriptions are plain text made from data strings (model, rig, engine and
// file names), and feed readers show both as HTML once the XML is decoded: so each is
// HTML-escaped here, the one place every feed passes through, and a name such as
// `<img src=x onerror=…>` reads as text. `content` is already sanitized HTML (report-html.ts).
import { getRssString } from '@astrojs/rss';
import type { FeedItem } from './feed-items.ts';

/** Plain text as HTML (or XML) text; for titles and descriptions the XML builder escapes once more, for the XML itself. */
export const escapeHtml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** RFC 822, as RSS wants it, for a YYYY-MM-DD day from the data. */
const rssDate = (day: string) => new Date(`${day}T00:00:00Z`).toUTCString();

/**
 * The feed's XML: pure apart from @astrojs/rss, so tests can read it directly. `link` is the
 * channel's page (a rig's feed links to the rig), default the site's home.
 */
export function feedXml(title: string, description: string, base: URL, items: FeedItem[], link: string = base.href): Promise<string> {
  const newest = items.reduce((max, item) => (item.date > max ? item.date : max), '');
  return getRssString({
    title: escapeHtml(title),
    description: escapeHtml(description),
    site: link,
    trailingSlash: true,
    customData: `<language>en</language>${newest ? `<lastBuildDate>${rssDate(newest)}</lastBuildDate>` : ''}`,
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

export async function feedResponse(title: string, description: string, base: URL, items: FeedItem[], link?: string): Promise<Response> {
  return new Response(await feedXml(title, description, base, items, link), { headers: { 'Content-Type': 'application/xml' } });
}

/** The site's absolute URL with its base path, e.g. https://host/three-walls/. */
export const siteBase = (site: URL | undefined): URL => {
  if (!site) throw new Error('astro.config.mjs has no `site`: feeds need absolute URLs');
  return new URL(import.meta.env.BASE_URL, site);
};
