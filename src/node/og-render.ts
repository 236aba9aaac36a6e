// Renders share cards to PNG (satori -> SVG -> sharp -> PNG) with a content-hash cache, so a
// build with unchanged data renders no card again. Fonts come from @fontsource/inter (npm),
// read once; nothing is fetched at build time.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH, shareCard, type CardProps } from '../lib/og/card.ts';

/** Bump when the card's markup changes, so cached images are not reused. */
const CARD_VERSION = 2;
const require = createRequire(import.meta.url);
const fontFile = (weight: number) => require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`);
const fonts = [400, 700, 800].map((weight) => ({ name: 'Inter', weight: weight as 400 | 700 | 800, style: 'normal' as const, data: fs.readFileSync(fontFile(weight)) }));
const fontVersion = (require('@fontsource/inter/package.json') as { version: string }).version;

export const ogCacheDir = () => path.resolve(process.env.THREEWALLS_OG_CACHE ?? 'node_modules/.cache/three-walls-og');

export const cardKey = (props: CardProps) =>
  createHash('sha256').update(JSON.stringify({ CARD_VERSION, fontVersion, props })).digest('hex').slice(0, 32);

export async function renderCardPng(props: CardProps): Promise<Buffer> {
  const svg = await satori(shareCard(props) as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts });
  return sharp(Buffer.from(svg)).png({ compressionLevel: 6 }).toBuffer();
}

export interface CachedRender { png: Buffer; rendered: boolean }

/** The card's PNG from the cache when its inputs are unchanged, else rendered and stored. */
export async function cachedCardPng(props: CardProps): Promise<CachedRender> {
  const file = path.join(ogCacheDir(), `${cardKey(props)}.png`);
  if (fs.existsSync(file)) return { png: fs.readFileSync(file), rendered: false };
  const png = await renderCardPng(props);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, png);
  return { png, rendered: true };
}
