// Serves one share card from the content-hash cache (src/node/og-render.ts) and counts
// rendered vs reused cards. The count lives on globalThis because the endpoints run inside
// Astro's bundled build while the summary line is printed by an integration in
// astro.config.mjs (same process, different module instances).
import { cachedCardPng } from '../../node/og-render.ts';
import type { CardProps } from '../../lib/og/card.ts';

export interface CardCounts { rendered: number; reused: number }

const KEY = Symbol.for('three-walls.og-cards');
type WithCounts = typeof globalThis & { [KEY]?: CardCounts };

export function cardCounts(): CardCounts {
  const g = globalThis as WithCounts;
  return (g[KEY] ??= { rendered: 0, reused: 0 });
}

export async function cardResponse(props: CardProps): Promise<Response> {
  const { png, rendered } = await cachedCardPng(props);
  cardCounts()[rendered ? 'rendered' : 'reused']++;
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
