// What a verdict is waiting for, in bytes: the largest file that would fit this rig, the
// size a file at the quality floor would have, and the memory a rig would need. Reports say
// "a good quant under N GB" or "a rig with M GiB" from these, so the placement rule
// (weights + KV cache against the memory left after overheads) stays in the engine.
import type { ModelData } from '../schema/index.ts';
import { kvCacheBytes } from './kv-cache.ts';
import { modelProfile } from './model-profile.ts';
import { meetsFloor, tierFromBits } from './quality.ts';
import type { FitContext, FitResult, FitRig } from './types.ts';
import { isViable } from './walls.ts';

export interface FitThresholds {
  /** KV cache at the planned context, bytes (the same for every file). */
  kvCacheBytes: number;
  /** Largest weights file that fits beside the KV cache: VRAM + RAM if the engine offloads, else VRAM. */
  maxWeightsBytes: number;
  /** Largest weights file that fits beside the KV cache in VRAM alone. */
  maxVramWeightsBytes: number;
  /** Fewest bits per weight whose derived quality tier meets the floor. */
  floorBitsPerWeight: number;
  /** Size of a file of this model at exactly the floor's bits per weight. */
  floorWeightsBytes: number;
  /** Memory for the model (after overheads) a rig needs to hold the floor-sized file and its KV cache. */
  floorNeedsBytes: number;
  /** The same for the smallest published file at or above the floor; null when there is none. */
  viableNeedsBytes: number | null;
}

/** Bisection over tierFromBits, so the answer follows quality.ts if its thresholds move. */
export function floorBitsPerWeight(): number {
  let low = 0;
  let high = 64;
  for (let i = 0; i < 50; i++) {
    const mid = (low + high) / 2;
    if (meetsFloor(tierFromBits(mid))) high = mid;
    else low = mid;
  }
  return Math.round(high * 1e6) / 1e6;
}

export function fitThresholds(model: ModelData, rig: FitRig, context: FitContext, result: FitResult): FitThresholds {
  const kv = kvCacheBytes(model.attention.groups, result.contextTokens, result.kvPrecision);
  // The engine the verdict is for (evaluateFit's choice), else the one closest to support.
  const engine = context.engines[result.engine ?? result.stack.engine ?? rig.data.engines[0] ?? ''];
  const offload = engine?.offload === 'layers';
  const floorBits = floorBitsPerWeight();
  const floorWeightsBytes = Math.ceil((modelProfile(model).totalParams * floorBits) / 8);
  const viable = result.quants.filter(isViable).map((q) => q.weightsBytes);
  return {
    kvCacheBytes: kv,
    maxWeightsBytes: Math.max(0, (offload ? result.memoryBytes.total : result.memoryBytes.gpu) - kv),
    maxVramWeightsBytes: Math.max(0, result.memoryBytes.gpu - kv),
    floorBitsPerWeight: floorBits,
    floorWeightsBytes,
    floorNeedsBytes: floorWeightsBytes + kv,
    viableNeedsBytes: viable.length > 0 ? Math.min(...viable) + kv : null,
  };
}
