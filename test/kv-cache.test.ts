// KV cache by attention kind, checked against hand arithmetic from llama.cpp's layout.
import { describe, expect, it } from 'vitest';
import type { AttentionGroup } from '../src/lib/schema/attention.ts';
import { cachedTokens, kvCacheBytes, padContext, recurrentStateBytes } from '../src/lib/fit/kv-cache.ts';

const full = (layers: number, kv_heads: number, head_dim: number): AttentionGroup => ({ kind: 'full', layers, kv_heads, head_dim });

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
])('$name', ({ groups, ctx, kv, bytes }) => {
  it('matches the hand arithmetic', () => {
    expect(kvCacheBytes(groups, ctx, kv)).toBe(Math.ceil(bytes));
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
});
