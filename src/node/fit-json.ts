// The engine result in the shape `npm run fit -- --json` and /api/fit/<rig>.json publish.
import type { FitQuant } from '../lib/fit/index.ts';
import type { Lever } from '../lib/fit/levers.ts';
import type { FitResult } from '../lib/fit/types.ts';

export function fitJson(result: FitResult, levers?: Lever[]) {
  return {
    model: result.model,
    rig: result.rig,
    asOf: result.asOf,
    contextTokens: result.contextTokens,
    judgedDepthTokens: result.judgedDepthTokens,
    kvPrecision: result.kvPrecision,
    released: result.released,
    verdict: result.verdict,
    reason: result.reason,
    walls: result.walls,
    pick: result.pick,
    engine: result.engine,
    byEngine: result.byEngine.map((e) => ({ ...e, decodeTokensPerSecondAtJudgedDepth: roundOrNull(e.decodeTokensPerSecondAtJudgedDepth, 1) })),
    ...(levers ? { levers: levers.map((l) => ({ ...l, decodeTokensPerSecondAtJudgedDepth: roundOrNull(l.decodeTokensPerSecondAtJudgedDepth, 1) })) } : {}),
    minimumBytes: Math.round(result.minimumBytes),
    memoryBytes: { gpu: Math.round(result.memoryBytes.gpu), ram: Math.round(result.memoryBytes.ram), total: Math.round(result.memoryBytes.total) },
    quants: result.quants.map((q) => ({
      name: q.name,
      format: q.format,
      native: q.native,
      converted: q.converted,
      loadableBy: q.loadableBy,
      bitsPerWeight: round(q.bitsPerWeight, 3),
      weightsBytes: Math.round(q.weightsBytes),
      kvCacheBytes: Math.round(q.kvCacheBytes),
      overheadBytes: Math.round(q.overheadBytes),
      totalBytes: Math.round(q.totalBytes),
      placement: q.placement,
      // Byte counts are whole bytes: the engine's shares of a file are fractional.
      tiers: { gpuBytes: q.tiers.gpuBytes.map(Math.round), ramBytes: Math.round(q.tiers.ramBytes), diskBytes: Math.round(q.tiers.diskBytes) },
      headroomBytes: Math.round(q.headroomBytes),
      quality: q.quality,
      decodeTokensPerSecond: roundOrNull(q.decodeTokensPerSecond, 1),
      decodeTokensPerSecondAtContext: roundOrNull(q.decodeTokensPerSecondAtContext, 1),
      decodeTokensPerSecondAtJudgedDepth: roundOrNull(q.decodeTokensPerSecondAtJudgedDepth, 1),
      measuredTokensPerSecond: q.measuredTokensPerSecond,
      prefillTokensPerSecond: roundOrNull(q.prefillTokensPerSecond, 0),
      timeToFirstToken8kSeconds: roundOrNull(q.timeToFirstToken8kSeconds, 2),
      convertCommand: q.convertCommand,
      command: q.command,
      benchCommand: q.benchCommand,
    })),
  };
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));
const roundOrNull = (v: number | null, digits: number) => (v === null ? null : round(v, digits));
