// The site feed: every report in full, and every dated verdict change on every rig.
import type { APIRoute } from 'astro';
import { siteData } from '../node/site-data.ts';
import { SITE_NAME } from '../site-config.ts';
import { changeItems, newestFirst, reportItems } from './_share/feed-items.ts';
import { feedResponse, siteBase } from './_share/feed-response.ts';

export const GET: APIRoute = async (context) => {
  const site = siteData();
  const base = siteBase(context.site);
  const items = [...(await reportItems(site, base)), ...site.catalogue.rigs.flatMap((r) => changeItems(site, base, r.id))];
  return feedResponse(
    `${SITE_NAME}: model-fit reports`,
    'Can this model run on that rig, how fast, and which wall stops it: a full report per model, and an item whenever a verdict changes.',
    base,
    newestFirst(items),
  );
};
