// The seed post's "What Actually Runs on a 32 GB GPU" table, as the post printed it, so the
// house rig's page can set the engine's figures beside it and say where they differ. These
// are the post's claims (a source), not inputs to any verdict.
import type { CapacityResult } from '../fit/capacity.ts';
import { formatFileSize } from '../units.ts';
import type { Cell, TableData } from './table-types.ts';

export const SEED_POST_URL = 'https://dev.to/carryologist/thursday-thoughts-the-models-we-cant-run-57c3';

/** "capped at roughly 24–28 GB of weights (leaving room for KV cache)"; dense ~14B Q8, ~20B Q6, ~27B Q4; MoE ~35B Q4. */
const POST = { ceiling: '24–28 GB', dense: { Q8_0: 14, Q6_K: 20, Q4_K_M: 27 } as Record<string, number>, moe: 35 };

const b = (params: number) => (params === 0 ? 'nothing' : `~${(params / 1e9).toFixed(params >= 1e10 ? 0 : 1)}B`);

/** The post beside the engine: all in VRAM at each floor (the post's "models that fly" are in VRAM). */
export function seedPostComparison(results: CapacityResult[]): TableData {
  const floors = results.map((r) => `Engine, in VRAM, ${r.minTokensPerSecond} tok/s or faster`);
  const rows: Cell[][] = [
    ['Weights the card holds', POST.ceiling, ...results.map((r) => formatFileSize(r.weightsCeilingBytes))],
    ...(results[0]?.dense ?? []).map((d, i): Cell[] => [`Dense at ${d.quant}`, `~${POST.dense[d.quant] ?? '?'}B`, ...results.map((r) => b(r.dense[i]!.maxParamsInVram))]),
    ['MoE at Q4_K_M (total)', `~${POST.moe}B`, ...results.map((r) => b(r.moe.maxTotalParamsInVram))],
  ];
  return { caption: 'The seed post\'s table beside the engine', columns: ['', 'The post', ...floors], rows, rowHeaders: true };
}
