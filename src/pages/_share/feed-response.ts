// One RSS 2.0 response from feed items (@astrojs/rss). The channel link carries the base
// path (context.site does not), items carry their own GUIDs (not permalinks: a report's
// URL stays while its content follows the data) and no build date is written, so the same
// data gives the same bytes.
import rss from '@astrojs/rss';
import type { FeedItem } from './feed-items.ts';

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function feedResponse(title: string, description: string, base: URL, items: FeedItem[]): Promise<Response> {
  return rss({
    title,
    description,
    site: base.href,
    trailingSlash: true,
    customData: '<language>en</language>',
    items: items.map((item) => ({
      title: item.title,
      link: item.link,
      pubDate: new Date(`${item.date}T00:00:00Z`),
      description: item.description,
      content: item.content,
      customData: `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>`,
    })),
  });
}

/** The site's absolute URL with its base path, e.g. https://host/three-walls/. */
export const siteBase = (site: URL | undefined): URL => {
  if (!site) throw new Error('astro.config.mjs has no `site`: feeds need absolute URLs');
  return new URL(import.meta.env.BASE_URL, site);
};
