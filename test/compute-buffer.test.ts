// The compute buffer against figures llama.cpp logged ("CPU compute buffer size is ... MiB",
// flash attention on, n_ubatch 512, one slot) for real models' widths in two-block synthetic
// GGUFs, recorded with the oracle's binding (test/oracle/llama-ffi.ts), so the rule is checked
// even where the oracle is not installed.
import { describe, expect, it } from 'vitest';
import { computeBufferBytes } from '../src/lib/fit/compute-buffer.ts';
import type { ModelData } from '../src/lib/schema/index.ts';
import { MiB } from '../src/lib/units.ts';

function model(hidden: number, heads: number, kvHeads: number, vocab: number, moe?: ModelData['moe']): ModelData {
  return {
    architecture: 'llama', vocab_size: vocab, parameters: { total_billions: 1 }, ...(moe ? { moe } : {}),
    attention: { layers: 2, hidden_size: hidden, heads, groups: [{ kind: 'full', layers: 2, kv_heads: kvHeads, head_dim: 128 }] },
  } as unknown as ModelData;
}

describe.each([
  // Llama 3.1 8B widths (4096 hidden, 14336 FFN) at 512 tokens of context
  { name: 'Llama 3.1 8B', m: model(4096, 32, 8, 128256), ffnWidth: 14336, context: 512, mib: 116.5117 },
  // Gemma 3 27B widths (5376 hidden, 21504 FFN)
  { name: 'Gemma 3 27B widths', m: model(5376, 32, 16, 32000), ffnWidth: 21504, context: 512, mib: 166.0117 },
  // Llama 3.3 70B widths (8192 hidden, 28672 FFN)
  { name: 'Llama 3.3 70B widths', m: model(8192, 64, 8, 32000), ffnWidth: 28672, context: 512, mib: 232.5117 },
  // 512 logit rows (what llama-cli and llama-bench reserve) instead of llama-server's one per slot
  { name: 'logits for a whole ubatch', m: model(4096, 32, 8, 128256), ffnWidth: 14336, context: 512, outputs: 512, mib: 266.502 },
  // DeepSeek V3's routed-expert widths (7168 hidden, 8 of 2048-wide experts)
  { name: 'DeepSeek V3 expert widths', m: model(7168, 32, 4, 32000, { experts: 16, experts_per_token: 8 }), expertWidth: 2048, context: 512, mib: 258.5117 },
  // The flash-attention mask grows with the context: f16 [32768 cells, 512 tokens] = 32 MiB
  { name: 'Llama 3.2 1B at 32K', m: model(2048, 32, 8, 128256), ffnWidth: 8192, context: 32768, mib: 96.0117 },
])('$name', ({ m, mib, context, ...o }) => {
  it('is within 5 % of what llama.cpp reserved', () => {
    const bytes = computeBufferBytes(m, { contextTokens: context, ...o });
    expect(Math.abs(bytes / (mib * MiB) - 1)).toBeLessThanOrEqual(0.05);
  });
});
