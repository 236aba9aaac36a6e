// One rig's feed: every dated verdict change of any model on this rig.
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../../node/site-data.ts';
import { SITE_NAME } from '../../../site-config.ts';
import { changeItems, newestFirst } from '../../_share/feed-items.ts';
import { feedResponse, siteBase } from '../../_share/feed-response.ts';

export const getStaticPaths = (() => siteData().catalogue.rigs.map((r) => ({ params: { slug: r.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = (context) => {
  const site = siteData();
  const rig = site.rig(context.params.slug!);
  const base = siteBase(context.site);
  return feedResponse(
    `${SITE_NAME}: ${rig.data.name}`,
    `Every day a model's verdict on ${rig.data.name} changed: support merged, a quant published or pulled.`,
    base,
    newestFirst(changeItems(site, base, rig.id)),
    new URL(`rigs/${rig.id}/`, base).href,
  );
};
