// Quality tier of a file: from its effective bits per weight, unless data overrides it
// with a source; a file its makers pulled is broken from the day it was pulled.
// Thresholds follow the common reading of llama.cpp perplexity/KLD tables: 4-bit K-quants
// and up are close to the original, 3-bit loses noticeably, 2-bit and below breaks down.
import type { QualityTier } from '../schema/index.ts';

export const QUALITY_FLOOR: QualityTier = 'fair';

const TIER_MIN_BITS: [QualityTier, number][] = [
  ['good', 4.0],
  ['fair', 3.0],
  ['degraded', 2.0],
];

export function tierFromBits(bitsPerWeight: number): QualityTier {
  for (const [tier, min] of TIER_MIN_BITS) if (bitsPerWeight >= min) return tier;
  return 'broken';
}

const ORDER: QualityTier[] = ['good', 'fair', 'degraded', 'broken'];
export const tierRank = (tier: QualityTier) => ORDER.indexOf(tier);
export const meetsFloor = (tier: QualityTier) => tierRank(tier) <= tierRank(QUALITY_FLOOR);
