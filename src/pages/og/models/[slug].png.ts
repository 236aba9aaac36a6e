// A model report's share card (1200x630 PNG): verdict on the house rig, the three walls, the
// number that decides it. Not generated when THREEWALLS_SKIP_OG=1.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { siteData } from '../../../node/site-data.ts';
import { cardResponse } from '../../_share/card-response.ts';
import { modelCard } from '../../_share/cards.ts';
import { OG_ENABLED } from '../../_share/og.ts';

export const getStaticPaths = (async () => {
  if (!OG_ENABLED) return [];
  const site = siteData();
  const reports = await getCollection('reports');
  return reports
    .filter((r) => site.catalogue.models.some((m) => m.id === r.data.model))
    .map((r) => ({ params: { slug: r.data.model }, props: { card: modelCard(site, r.data, r.body ?? '') } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => cardResponse(props.card);
