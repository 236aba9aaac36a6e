// Words and number formats every report section shares, so a verdict, a placement or a
// speed reads the same in the title, the tables, the prose and on the rig pages.
import type { Placement, QuantResult, Verdict } from '../fit/types.ts';
import type { QualityTier } from '../schema/index.ts';
import { formatGiB } from '../units.ts';

export const VERDICT_LABEL: Record<Verdict, string> = {
  runs: 'Runs',
  'runs-slowly': 'Runs slowly',
  'not-ready': 'Not ready',
  'cloud-only': 'Cloud only',
  'not-released': 'Not released yet',
};

export const PLACEMENT_LABEL: Record<Placement, string> = {
  vram: 'all in VRAM',
  'vram+ram': 'VRAM + system RAM',
  disk: 'spills to disk',
  none: 'does not fit',
};

export const QUALITY_LABEL: Record<QualityTier, string> = {
  good: 'good',
  fair: 'fair',
  degraded: 'degraded',
  broken: 'broken',
};

/** Predicted speeds are estimates: rounded to what the model can promise, marked with "~". */
export function predictedSpeed(tokensPerSecond: number | null): string {
  if (tokensPerSecond === null) return 'unknown';
  const rounded = tokensPerSecond >= 100 ? Math.round(tokensPerSecond / 10) * 10 : tokensPerSecond >= 10 ? Math.round(tokensPerSecond) : Math.round(tokensPerSecond * 10) / 10;
  return `~${rounded.toLocaleString('en-US')} tok/s`;
}

/** Measured speeds are shown as the source gave them. */
export function measuredSpeed(tokensPerSecond: number | null): string {
  return tokensPerSecond === null ? '—' : `${tokensPerSecond.toLocaleString('en-US', { maximumFractionDigits: 1 })} tok/s`;
}

/** "1.6 trillion", "284B", "760M" parameters. */
export function formatParams(billions: number): string {
  if (billions >= 1000) return `${(billions / 1000).toLocaleString('en-US', { maximumFractionDigits: 2 })} trillion`;
  if (billions >= 1) return `${billions.toLocaleString('en-US', { maximumFractionDigits: 1 })}B`;
  return `${Math.round(billions * 1000)}M`;
}

export const formatTokens = (tokens: number) => `${tokens.toLocaleString('en-US')} tokens`;

/** Headroom in the tier the placement fills last, or how far over: always GiB (memory). */
export function headroomText(q: QuantResult): string {
  const fits = q.placement === 'vram' || q.placement === 'vram+ram';
  return fits ? `${formatGiB(q.headroomBytes)} free` : `${formatGiB(-q.headroomBytes)} over`;
}

/** "12.8 GiB of VRAM to spare": headroom is in the tier the placement fills last. */
export function spareText(q: QuantResult): string {
  return `${formatGiB(q.headroomBytes)} of ${q.placement === 'vram' ? 'VRAM' : 'RAM'} to spare`;
}

/** Whole days from one ISO date to another (dates from data, never the clock). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "a, b and c". */
export function listText(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** A ratio people can say aloud: "8.7x". */
export const times = (ratio: number) => `${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)}x`;
