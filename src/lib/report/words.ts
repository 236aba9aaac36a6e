// Words and number formats every report section shares, so a verdict, a placement or a
// speed reads the same in the title, the tables, the prose and on the rig pages.
import type { FitResult, Placement, QuantResult, Verdict } from '../fit/types.ts';
import type { QualityTier } from '../schema/index.ts';
import { formatFileSize, formatGiB, formatTokensPerSecond } from '../units.ts';

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

/** Predicted speeds are estimates, marked with "~"; the rounding is the site's one (units.ts). */
export function predictedSpeed(tokensPerSecond: number | null): string {
  return tokensPerSecond === null ? 'unknown' : `~${formatTokensPerSecond(tokensPerSecond)}`;
}

/** Measured speeds, rounded the same way as predictions so one figure never reads two ways. */
export function measuredSpeed(tokensPerSecond: number | null): string {
  return tokensPerSecond === null ? '—' : formatTokensPerSecond(tokensPerSecond);
}

/**
 * The speed the verdict judges (half the planned context in the cache), with the empty-context
 * figure llama-bench's tg128 measures beside it: "~180 tok/s at 16,384 tokens deep (~225 tok/s empty)".
 */
export function judgedSpeed(q: QuantResult, r: Pick<FitResult, 'judgedDepthTokens'>): string {
  const judged = predictedSpeed(q.decodeTokensPerSecondAtJudgedDepth);
  if (q.decodeTokensPerSecondAtJudgedDepth === null) return judged;
  return `${judged} at ${r.judgedDepthTokens.toLocaleString('en-US')} tokens deep (${predictedSpeed(q.decodeTokensPerSecond)} empty)`;
}

/** "Q4_K_M at 20.5 GiB (22.0 GB)": a file named with its size by the one unit rule. */
export const fileText = (q: { name: string; weightsBytes: number }) => `${q.name} at ${formatFileSize(q.weightsBytes)}`;

/** A date the data knows only as "on or before" reads "by 2026-05-07"; an exact one "on 2026-05-07". */
export const onDate = (date: string, precision?: string) => `${precision === 'on-or-before' ? 'by' : 'on'} ${date}`;

/** The same for table cells and after "since": the bare date, or "by <date>". */
export const dateCell = (date: string, precision?: string) => (precision === 'on-or-before' ? `by ${date}` : date);

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
