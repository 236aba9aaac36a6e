// A post's share card, so a shared post shows its own title, not the home card. Not
// generated when THREEWALLS_SKIP_OG=1.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { cardResponse } from '../../_share/card-response.ts';
import { postCard } from '../../_share/cards.ts';
import { OG_ENABLED } from '../../_share/og.ts';

export const getStaticPaths = (async () => {
  if (!OG_ENABLED) return [];
  const posts = await getCollection('posts', (p) => !p.data.draft);
  return posts.map((p) => ({ params: { slug: p.id }, props: { card: postCard(p.data) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => cardResponse(props.card);
