// Decode speed: each token reads the weights it uses and the KV cache once, from wherever
// they live. Time per token = sum over tiers of bytes read there / (that tier's bandwidth x
// its fitted efficiency), plus a fixed cost per layer (kernel launches, synchronisation).
// Layer split across GPUs runs the cards in turn, so their times add rather than divide.
// (Roofline after zeux.io/2024/03/15/llm-inference-sol; tiers as martinalderson.com's
// local-llm-speed-calculator; constants fitted to data/measurements by scripts/calibrate.ts.)
import type { Calibration } from './calibration.ts';
import type { Pools } from './memory-pools.ts';
import type { PlacementResult, TierContent } from './placement.ts';

export interface DecodeInput {
  pools: Pools;
  placed: PlacementResult;
  /** KV bytes at full planned context (how the cache is spread is in `placed`). */
  kvBytesAtContext: number;
  /** KV bytes actually read per token at the depth being predicted. */
  kvReadBytes: number;
  expertActiveFraction: number;
  layers: number;
}

function bytesRead(tier: TierContent, input: DecodeInput): number {
  const kvShare = input.kvBytesAtContext > 0 ? tier.kvBytes / input.kvBytesAtContext : 0;
  return tier.denseBytes + tier.expertBytes * input.expertActiveFraction + input.kvReadBytes * kvShare;
}

/**
 * Time per token is affine in the KV bytes read (the weights' part is fixed): the seconds at
 * no KV read and the seconds per KV byte read, so every depth costs one multiply. Null when
 * a tier's bandwidth is unknown.
 */
export function decodeTimeModel(input: Omit<DecodeInput, 'kvReadBytes'>, calibration: Calibration): { fixedSeconds: number; secondsPerKvByte: number } | null {
  const at0 = decodeSeconds({ ...input, kvReadBytes: 0 }, calibration);
  if (at0 === null) return null;
  const unit = input.kvBytesAtContext > 0 ? decodeSeconds({ ...input, kvReadBytes: input.kvBytesAtContext }, calibration) : at0;
  return { fixedSeconds: at0, secondsPerKvByte: input.kvBytesAtContext > 0 && unit !== null ? (unit - at0) / input.kvBytesAtContext : 0 };
}

/** Predicted tokens per second, or null when a tier's bandwidth is unknown. */
export function decodeTokensPerSecond(input: DecodeInput, calibration: Calibration): number | null {
  const seconds = decodeSeconds(input, calibration);
  return seconds !== null && seconds > 0 ? 1 / seconds : null;
}

function decodeSeconds(input: DecodeInput, calibration: Calibration): number | null {
  const { pools, placed } = input;
  if (placed.placement === 'none') return null;
  let seconds = 0;
  placed.gpus.forEach((tier, i) => {
    const gpu = pools.gpus[i]!;
    const efficiency = calibration.gpuBandwidthEfficiency[gpu.backend] ?? 0.6;
    seconds += bytesRead(tier, input) / (gpu.bandwidthBytesPerSecond * efficiency);
  });
  seconds += bytesRead(placed.ram, input) / (pools.ram.bandwidthBytesPerSecond * calibration.ramBandwidthEfficiency);
  const diskRead = bytesRead(placed.disk, input);
  if (diskRead > 0) {
    if (pools.disk.bandwidthBytesPerSecond === null) return null;
    seconds += diskRead / pools.disk.bandwidthBytesPerSecond;
  }
  const backend = pools.gpus[0]?.backend ?? 'cpu';
  seconds += input.layers * (calibration.perLayerSeconds[backend] ?? 0);
  return seconds;
}
