// The rig page's answer to "what actually runs on it", in sentences: the weights ceiling in
// VRAM at the planned context, the largest model of each kind all in VRAM, and what offload
// to RAM adds. Every figure is the engine's capacity result (src/lib/fit/capacity.ts).
import type { CapacityResult } from '../fit/capacity.ts';
import type { RigData } from '../schema/index.ts';
import { formatFileSize, formatGiB } from '../units.ts';
import { gpuSummary } from './facts.ts';
import { listText } from './words.ts';

const b = (params: number) => (params === 0 ? 'nothing' : `~${(params / 1e9).toFixed(params >= 1e10 ? 0 : 1)}B`);

const vramBytes = (rig: RigData) => (rig.unified_memory ? (rig.gpu_memory_limit ?? rig.system_ram.size) : rig.gpus.reduce((s, g) => s + (g.memory ?? 0) * g.count, 0));

function kinds(r: CapacityResult, field: 'maxParamsInVram' | 'maxParams'): string {
  const dense = listText(r.dense.map((d) => `${b(d[field])} at ${d.quant}`));
  const moe = b(field === 'maxParams' ? r.moe.maxTotalParams : r.moe.maxTotalParamsInVram);
  return `dense models up to ${dense}, and MoE models up to ${moe} total at ${r.moe.quant}`;
}

/** Two or three sentences, answer first; `results` are the capacity at each speed floor, lowest floor first. */
export function capacityAnswer(rig: RigData, results: CapacityResult[]): string[] {
  const first = results[0];
  if (!first) return [];
  const context = first.contextTokens.toLocaleString('en-US');
  if (rig.gpus.length === 0) return [`This rig has no GPU: every model runs from system RAM. At a ${context}-token context and ${first.minTokensPerSecond} tok/s or faster: ${kinds(first, 'maxParams')}.`];
  const out = [`The ${gpuSummary(rig)}'s ${formatGiB(vramBytes(rig), 0)} gives a model about ${formatFileSize(first.weightsCeilingBytes)} of weights at a ${context}-token context, once the KV cache and the runtime's overheads (driver, compute buffer, safety margin) are counted.`];
  for (const r of results) out.push(`All in VRAM at ${r.minTokensPerSecond} tok/s or faster: ${kinds(r, 'maxParamsInVram')}.`);
  out.push(`With experts or layers offloaded to system RAM, and still at ${first.minTokensPerSecond} tok/s: ${kinds(first, 'maxParams')}. Offload buys size, not speed: every token waits for the RAM.`);
  return out;
}

/** Where the engine's figures part from the seed post's table, and why. */
export function seedPostDifference(results: CapacityResult[]): string {
  const slow = results[0]!;
  const fast = results.at(-1)!;
  const dense = (r: CapacityResult) => b(r.dense.find((d) => d.quant === 'Q4_K_M')?.maxParamsInVram ?? 0);
  return [
    `The post's ceiling of 24–28 GB of weights agrees with the engine's ${formatFileSize(slow.weightsCeilingBytes)}.`,
    `Its dense sizes (~27B at Q4_K_M) sit between the engine's two floors: ${dense(slow)} still fits and decodes at ${slow.minTokensPerSecond} tok/s, but only ${dense(fast)} keeps the ${fast.minTokensPerSecond}+ tok/s the post's agentic coding runs at, because a dense model reads every weight for every token.`,
    `For MoE the engine allows more than the post's ~35B (${b(fast.moe.maxTotalParamsInVram)} in VRAM even at ${fast.minTokensPerSecond} tok/s): a token reads only the active experts, so the limit is the memory, not the speed.`,
  ].join(' ');
}
