// One engine's outcome for a model on a rig, and the order that picks the best of them.
// The walls are judged per engine because engines differ in what they load (formats,
// restricted files, conversions) and in where they may put the bytes (offload or not).
import type { EngineData } from '../schema/index.ts';
import { engineReadsFile } from './loadability.ts';
import { choosePick } from './pick.ts';
import type { QuantResult, StackState, Verdict, Wall } from './types.ts';
import type { ReasonCode } from './reasons.ts';
import { decideVerdict } from './verdict.ts';
import { quantizationWall, stackWall } from './walls.ts';

export interface Judgement {
  stack: StackState;
  quants: QuantResult[];
  quantization: Wall;
  stackWall: Wall & { link: string | null };
  pick: QuantResult | null;
  verdict: Verdict;
  reason: ReasonCode;
}

export function judgeEngine(stack: StackState, engine: EngineData | undefined, quants: QuantResult[], size: Wall): Judgement {
  const merged = stack.status === 'merged';
  // A converted file exists only once the engine's converter knows the architecture.
  const reads = (q: QuantResult) => engineReadsFile(stack.engine!, engine, q) && (merged || !q.converted);
  let quantization = quantizationWall(quants.filter(reads));
  if (quantization.blocked && !quantizationWall(quants.filter((q) => !q.converted)).blocked) quantization = { blocked: true, reason: 'no-loadable-file' };
  const stackResult = stackWall(stack);
  const pick = size.blocked || quantization.blocked ? null : choosePick(quants, reads);
  const { verdict, reason } = decideVerdict(size, quantization, stackResult, pick);
  return { stack, quants, quantization, stackWall: stackResult, pick, verdict, reason };
}

const VERDICT_RANK: Record<Verdict, number> = { runs: 0, 'runs-slowly': 1, 'not-ready': 2, 'cloud-only': 3, 'not-released': 4 };
export const verdictRank = (v: Verdict) => VERDICT_RANK[v];

/** How close a blocked quantization wall is to falling: something fits, then good files that need disk. */
const QUANTIZATION_RANK: Partial<Record<ReasonCode, number>> = { 'viable-quant-fits': 0, 'fitting-quants-below-floor': 1, 'viable-quants-need-disk': 2, 'no-loadable-file': 3, 'no-quants-published': 4 };

/**
 * Best first: the better verdict, then the faster pick at the judged depth, then the
 * quantization wall nearest to falling (an engine that offloads sees more files fit); ties
 * keep the rig's order.
 */
export function rankOutcomes(outcomes: Judgement[]): Judgement[] {
  const speed = (o: Judgement) => o.pick?.decodeTokensPerSecondAtJudgedDepth ?? 0;
  const wall = (o: Judgement) => QUANTIZATION_RANK[o.quantization.reason] ?? 5;
  return outcomes
    .map((o, i) => [o, i] as const)
    .sort(([a, i], [b, j]) => verdictRank(a.verdict) - verdictRank(b.verdict) || speed(b) - speed(a) || wall(a) - wall(b) || i - j)
    .map(([o]) => o);
}
