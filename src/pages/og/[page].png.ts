// The site's own share card (/og/home.png), used by every page without a card of its own.
// A dynamic route only so that THREEWALLS_SKIP_OG=1 can leave it out: a static route's file
// is always emitted, and the benchmark's OG-off build must render no card at all.
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../node/site-data.ts';
import { cardResponse } from '../_share/card-response.ts';
import { homeCard } from '../_share/cards.ts';
import { OG_ENABLED } from '../_share/og.ts';

export const getStaticPaths = (() => (OG_ENABLED ? [{ params: { page: 'home' }, props: { card: homeCard(siteData()) } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => cardResponse(props.card);
