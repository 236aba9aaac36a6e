// KV cache by attention kind, checked against hand arithmetic from llama.cpp's layout
// (test/oracle/ checks the same functions against llama.cpp's own allocation).
import { describe, expect, it } from 'vitest';
import type { AttentionGroup } from '../src/lib/schema/attention.ts';
import { cachedTokens, kvCacheBytes, padContext, recurrentStateBytes } from '../src/lib/fit/kv-cache.ts';

const full = (layers: number, kv_heads: number, head_dim: number): AttentionGroup => ({ kind: 'full', layers, kv_heads, head_dim });
const sliding27b: AttentionGroup = { kind: 'sliding', layers: 52, window: 1024, kv_heads: 16, head_dim: 128 };
const gdn30: AttentionGroup = { kind: 'linear', layers: 30, state_heads: 32, state_key_dim: 128, state_value_dim: 128, conv_kernel: 4, conv_channels: 8192 };

describe.each([
  // Llama 3.1 8B: 32 layers x 8 KV heads x 128 x (K+V) x 2 bytes = 128 KiB per token
  { name: 'GQA caches K and V for every KV head', groups: [full(32, 8, 128)], ctx: 8192, kv: 'f16' as const, bytes: 32 * 8 * 256 * 2 * 8192 },
  // DeepSeek V3: 61 layers x (512 latent + 64 rope) x 2 bytes, no separate V
  { name: 'MLA caches one latent per layer', groups: [{ kind: 'mla', layers: 61, kv_lora_rank: 512, rope_head_dim: 64 } as AttentionGroup], ctx: 4096, kv: 'f16' as const, bytes: 61 * 576 * 2 * 4096 },
  // Gemma 3 27B: 52 sliding layers hold window 1024 + ubatch 512 = 1536 tokens, 10 full layers hold all
  { name: 'sliding layers are capped at the window', groups: [{ kind: 'sliding', layers: 52, window: 1024, kv_heads: 16, head_dim: 128 } as AttentionGroup, full(10, 16, 128)], ctx: 32768, kv: 'f16' as const, bytes: 52 * 1536 * 16 * 256 * 2 + 10 * 32768 * 16 * 256 * 2 },
  // q8_0 stores 34 bytes per 32 elements
  { name: 'q8_0 KV takes 34/32 bytes per element', groups: [full(32, 8, 128)], ctx: 8192, kv: 'q8_0' as const, bytes: 32 * 8 * 256 * 8192 * (34 / 32) },
  // q4_0 stores 18 bytes per 32 elements
  { name: 'q4_0 KV takes 18/32 bytes per element', groups: [full(32, 8, 128)], ctx: 8192, kv: 'q4_0' as const, bytes: 32 * 8 * 256 * 8192 * (18 / 32) },
  // DeepSeek V4 CSA: one shared 512-wide entry per 4 tokens
  { name: 'compressed layers cache one entry per ratio tokens', groups: [{ kind: 'compressed', layers: 21, ratio: 4, kv_heads: 1, head_dim: 512, shared_kv: true } as AttentionGroup], ctx: 32768, kv: 'f16' as const, bytes: 21 * 8192 * 512 * 2 },
  // llama-server's default 4 unified slots share the full layers' 32768 cells: no more than one slot
  { name: '4 slots share the full layers\' cells', groups: [full(32, 8, 128)], ctx: 32768, kv: 'f16' as const, sequences: 4, bytes: 32 * 8 * 256 * 2 * 32768 },
  // Gemma 3 27B, 4 slots: sliding layers hold 4 x 1024 + 512 = 4608 cells (llama_kv_cache_iswa size_swa)
  { name: '4 slots hold 4 x window + ubatch sliding cells', groups: [sliding27b, full(10, 16, 128)], ctx: 32768, kv: 'f16' as const, sequences: 4, bytes: 52 * 4608 * 16 * 256 * 2 + 10 * 32768 * 16 * 256 * 2 },
  // gpt-oss: window 128 x 4 slots + 512 = 1024 cells, already a multiple of 256
  { name: 'a small window grows with the slots too', groups: [{ kind: 'sliding', layers: 12, window: 128, kv_heads: 8, head_dim: 64 } as AttentionGroup], ctx: 32768, kv: 'f16' as const, sequences: 4, bytes: 12 * 1024 * 8 * 128 * 2 },
  // Qwen3.5 Gated DeltaNet, 4 slots: one F32 state row per sequence (mem_size = n_seq_max)
  { name: 'recurrent state is kept once per slot', groups: [gdn30], ctx: 32768, kv: 'f16' as const, sequences: 4, bytes: 4 * 30 * (32 * 128 * 128 + 3 * 8192) * 4 },
  // MLA with 4 slots: the latent cache is shared like any full cache
  { name: 'MLA latents are shared by the slots', groups: [{ kind: 'mla', layers: 61, kv_lora_rank: 512, rope_head_dim: 64 } as AttentionGroup], ctx: 4096, kv: 'q8_0' as const, sequences: 4, bytes: 61 * 576 * (34 / 32) * 4096 },
])('$name', ({ groups, ctx, kv, bytes, ...rest }) => {
  it('matches the hand arithmetic', () => {
    const sequences = 'sequences' in rest ? (rest.sequences as number) : undefined;
    expect(kvCacheBytes(groups, ctx, kv, sequences === undefined ? {} : { sequences })).toBe(Math.ceil(bytes));
  });
});

describe('one slot is the default', () => {
  it('kvCacheBytes(groups, ctx, precision) budgets what -np 1 allocates', () => {
    expect(kvCacheBytes([sliding27b, full(10, 16, 128)], 32768, 'f16')).toBe(kvCacheBytes([sliding27b, full(10, 16, 128)], 32768, 'f16', { sequences: 1 }));
  });
  it('Gemma 3 27B at 32K: 3.11 GiB with one slot, 4.33 GiB with the server\'s default four', () => {
    const groups = [sliding27b, full(10, 16, 128)];
    expect((kvCacheBytes(groups, 32768, 'f16') / 2 ** 30).toFixed(2)).toBe('3.11');
    expect((kvCacheBytes(groups, 32768, 'f16', { sequences: 4 }) / 2 ** 30).toFixed(2)).toBe('4.33');
  });
});

describe('linear attention and SSM layers', () => {
  // Qwen3.5 Gated DeltaNet: 32 heads x 128 x 128 F32 state + 3 x 8192 conv inputs
  const gdn: AttentionGroup = { kind: 'linear', layers: 30, state_heads: 32, state_key_dim: 128, state_value_dim: 128, conv_kernel: 4, conv_channels: 8192 };
  it('keep a fixed F32 state', () => {
    expect(recurrentStateBytes(gdn)).toBe((32 * 128 * 128 + 3 * 8192) * 4);
  });
  it('do not grow with context', () => {
    expect(kvCacheBytes([gdn], 1, 'f16')).toBe(kvCacheBytes([gdn], 262144, 'f16'));
  });
  it('ignore KV precision', () => {
    expect(kvCacheBytes([gdn], 4096, 'q4_0')).toBe(kvCacheBytes([gdn], 4096, 'f16'));
  });
});

describe('context padding', () => {
  it.each([
    [1, 256], // even one token reserves a 256-token block
    [256, 256],
    [257, 512],
    [32768, 32768],
  ])('%i tokens occupy %i cache slots', (tokens, slots) => {
    expect(padContext(tokens)).toBe(slots);
  });
  it('a short context never caches more than it holds in a sliding layer', () => {
    expect(cachedTokens({ kind: 'sliding', layers: 1, window: 4096, kv_heads: 1, head_dim: 1 }, 1000)).toBe(1024);
  });
  it('nor with more slots', () => {
    expect(cachedTokens({ kind: 'sliding', layers: 1, window: 4096, kv_heads: 1, head_dim: 1 }, 1000, 4)).toBe(1024);
  });
});
