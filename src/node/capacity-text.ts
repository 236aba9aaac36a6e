// The "What actually runs" table `npm run fit -- --capacity` prints.
import type { CapacityResult } from '../lib/fit/index.ts';

const billions = (params: number) => (params === 0 ? 'nothing' : `~${(params / 1e9).toFixed(params >= 1e10 ? 0 : 1)}B`);

export function formatCapacity(result: CapacityResult, rigName: string): string {
  return [
    `What actually runs on ${rigName}`,
    `(fits in memory at a ${result.contextTokens.toLocaleString('en-US')}-token context and decodes at ${result.minTokensPerSecond} tok/s or more)`,
    '',
    ...result.dense.map((d) => `  dense at ${d.quant.padEnd(7)} up to ${billions(d.maxParams)} parameters`),
    `  MoE at ${result.moe.quant.padEnd(9)} up to ${billions(result.moe.maxTotalParams)} total parameters`,
  ].join('\n');
}
