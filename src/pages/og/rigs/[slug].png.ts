// A rig page's share card: how many models run on it. Not generated when THREEWALLS_SKIP_OG=1.
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../../node/site-data.ts';
import { cardResponse } from '../../_share/card-response.ts';
import { rigCard } from '../../_share/cards.ts';
import { OG_ENABLED } from '../../_share/og.ts';

export const getStaticPaths = (() => {
  if (!OG_ENABLED) return [];
  const site = siteData();
  return site.catalogue.rigs.map((r) => ({ params: { slug: r.id }, props: { card: rigCard(site, r.id) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => cardResponse(props.card);
