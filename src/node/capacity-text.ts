// The "What actually runs" table `npm run fit -- --capacity` prints: the weights ceiling in
// VRAM, then the largest model of each kind all in VRAM and with offload to RAM allowed.
import type { CapacityResult } from '../lib/fit/index.ts';
import { formatFileSize } from '../lib/units.ts';

const billions = (params: number) => (params === 0 ? 'nothing' : `~${(params / 1e9).toFixed(params >= 1e10 ? 0 : 1)}B`);

export function formatCapacity(result: CapacityResult, rigName: string): string {
  const context = result.contextTokens.toLocaleString('en-US');
  const row = (kind: string, inVram: number, withOffload: number) => `  ${kind.padEnd(22)} ${billions(inVram).padEnd(14)} ${billions(withOffload)}`;
  return [
    `What actually runs on ${rigName}`,
    `(at a ${context}-token context, decoding at ${result.minTokensPerSecond} tok/s or more)`,
    '',
    `Weights the GPU holds once the KV cache and overheads are counted: ${result.weightsCeilingBytes === 0 ? 'none (no GPU)' : formatFileSize(result.weightsCeilingBytes)}`,
    '',
    `  ${'kind'.padEnd(22)} ${'all in VRAM'.padEnd(14)} with RAM offload`,
    ...result.dense.map((d) => row(`dense at ${d.quant}`, d.maxParamsInVram, d.maxParams)),
    row(`MoE at ${result.moe.quant} (total)`, result.moe.maxTotalParamsInVram, result.moe.maxTotalParams),
  ].join('\n');
}
