// Decode speed: each token reads the weights it uses and the KV cache once, from wherever
// they live. Time per token = sum over tiers of bytes read there / (that tier's bandwidth x
// its fitted efficiency), plus a fixed cost per layer (kernel launches, synchronisation).
// Layer split across GPUs runs the cards in turn, so their times add rather than divide.
// (Roofline after zeux.io/2024/03/15/llm-inference-sol; tiers as martinalderson.com's
// local-llm-speed-calculator; constants fitted to data/measurements by scripts/calibrate.ts.)
import type { Calibration } from './calibration.ts';
import type { Pools } from './memory-pools.ts';
import { contentBytes, type PlacementResult, type TierContent } from './placement.ts';

export interface DecodeInput {
  pools: Pools;
  placed: PlacementResult;
  /** KV bytes at full planned context (how the cache is spread is in `placed`). */
  kvBytesAtContext: number;
  expertActiveFraction: number;
  layers: number;
}

/**
 * Time per token is affine in the KV bytes read (the weights' part is fixed): the seconds at
 * no KV read and the seconds per KV byte read, so every depth costs one multiply. Null when
 * a tier's bandwidth is unknown.
 */
export function decodeTimeModel(input: DecodeInput, calibration: Calibration): { fixedSeconds: number; secondsPerKvByte: number } | null {
  const { pools, placed } = input;
  if (placed.placement === 'none') return null;
  let fixedSeconds = 0;
  let secondsPerKvByte = 0;
  // Each tier reads its weights (experts at k/E) and its share of the KV cache read.
  const tier = (t: TierContent, bandwidth: number) => {
    fixedSeconds += (t.denseBytes + t.expertBytes * input.expertActiveFraction) / bandwidth;
    if (input.kvBytesAtContext > 0) secondsPerKvByte += t.kvBytes / input.kvBytesAtContext / bandwidth;
  };
  placed.gpus.forEach((t, i) => {
    const gpu = pools.gpus[i]!;
    tier(t, gpu.bandwidthBytesPerSecond * (calibration.gpuBandwidthEfficiency[gpu.backend] ?? 0.6));
  });
  tier(placed.ram, pools.ram.bandwidthBytesPerSecond * calibration.ramBandwidthEfficiency);
  if (contentBytes(placed.disk) > 0) {
    if (pools.disk.bandwidthBytesPerSecond === null) return null;
    tier(placed.disk, pools.disk.bandwidthBytesPerSecond);
  }
  fixedSeconds += input.layers * (calibration.perLayerSeconds[pools.gpus[0]?.backend ?? 'cpu'] ?? 0);
  return { fixedSeconds, secondsPerKvByte };
}
