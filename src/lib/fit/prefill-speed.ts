// Prompt processing is compute-bound: about 2 FLOPs per active parameter per token
// (Kaplan et al. 2020, "Scaling Laws", C_forward = 2N), at a fitted share of the GPU's
// peak FP16 tensor throughput. With a layer split, cards process their layers in turn.
// Attention's quadratic term is left out: it is small next to the weights below ~32K tokens.
// Weights in system RAM are copied to the GPU once per micro-batch (host-link.ts), which
// bounds prefill from below in time: 512 tokens cannot go faster than those bytes travel.
import type { Calibration } from './calibration.ts';
import type { Pools } from './memory-pools.ts';
import { N_UBATCH } from './kv-cache.ts';

export const TTFT_PROMPT_TOKENS = 8192;

/** Seconds per prompt token from compute alone, or null when a throughput is unknown. */
export function computeSecondsPerToken(pools: Pools, activeParams: number, moe: boolean, cpuTflops: number | null, calibration: Calibration): number | null {
  const flopsPerToken = 2 * activeParams;
  const efficiency = (backend: string) => (calibration.prefillEfficiency[backend] ?? 0.3) * (moe ? calibration.moePrefillFactor : 1);
  if (pools.gpus.length === 0) return cpuTflops === null ? null : flopsPerToken / (cpuTflops * 1e12 * efficiency('cpu'));
  const free = pools.gpus.reduce((s, g) => s + g.freeBytes, 0);
  let seconds = 0;
  for (const gpu of pools.gpus) {
    if (gpu.fp16Tflops === null) return null;
    const share = free > 0 ? gpu.freeBytes / free : 1 / pools.gpus.length;
    seconds += (share * flopsPerToken) / (gpu.fp16Tflops * 1e12 * efficiency(gpu.backend));
  }
  return seconds;
}

/** Prefill tokens per second with `ramWeightBytes` of weights streamed over the first card's link per micro-batch. */
export function prefillTokensPerSecond(computeSeconds: number | null, pools: Pools, ramWeightBytes: number, calibration: Calibration): number | null {
  if (computeSeconds === null) return null;
  const link = (pools.gpus[0]?.hostLinkBytesPerSecond ?? Infinity) * calibration.hostLinkEfficiency;
  const streamSeconds = ramWeightBytes > 0 && Number.isFinite(link) ? ramWeightBytes / link / N_UBATCH : 0;
  return 1 / (computeSeconds + streamSeconds);
}

export function timeToFirstTokenSeconds(prefillTokensPerSecondValue: number | null): number | null {
  return prefillTokensPerSecondValue === null ? null : TTFT_PROMPT_TOKENS / prefillTokensPerSecondValue;
}
