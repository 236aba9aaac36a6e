// The engine result in the shape `npm run fit -- --json` and /api/fit/<rig>.json publish.
import type { FitQuant } from '../lib/fit/index.ts';
import type { FitResult } from '../lib/fit/types.ts';

export function fitJson(result: FitResult) {
  return {
    model: result.model,
    rig: result.rig,
    asOf: result.asOf,
    contextTokens: result.contextTokens,
    kvPrecision: result.kvPrecision,
    verdict: result.verdict,
    reason: result.reason,
    walls: result.walls,
    pick: result.pick,
    engine: result.engine,
    minimumBytes: result.minimumBytes,
    memoryBytes: result.memoryBytes,
    quants: result.quants.map((q) => ({
      name: q.name,
      format: q.format,
      native: q.native,
      bitsPerWeight: round(q.bitsPerWeight, 3),
      weightsBytes: q.weightsBytes,
      kvCacheBytes: q.kvCacheBytes,
      overheadBytes: q.overheadBytes,
      totalBytes: q.totalBytes,
      placement: q.placement,
      tiers: q.tiers,
      headroomBytes: Math.round(q.headroomBytes),
      quality: q.quality,
      decodeTokensPerSecond: roundOrNull(q.decodeTokensPerSecond, 1),
      decodeTokensPerSecondAtContext: roundOrNull(q.decodeTokensPerSecondAtContext, 1),
      measuredTokensPerSecond: q.measuredTokensPerSecond,
      prefillTokensPerSecond: roundOrNull(q.prefillTokensPerSecond, 0),
      timeToFirstToken8kSeconds: roundOrNull(q.timeToFirstToken8kSeconds, 2),
      command: q.command,
      benchCommand: q.benchCommand,
    })),
  };
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));
const roundOrNull = (v: number | null, digits: number) => (v === null ? null : round(v, digits));
