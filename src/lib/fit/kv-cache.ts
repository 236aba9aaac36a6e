// KV cache and recurrent state, by attention kind, at a context length.
// Sources: llama.cpp src/llama-kv-cache.cpp (K and V per layer, context padded to 256 with
// flash attention), src/llama-kv-cache-iswa.cpp (sliding layers hold
// min(n_ctx, n_swa + n_ubatch) tokens), the MLA path that caches one latent of
// kv_lora_rank + rope dims and no V, and recurrent layers whose F32 state does not grow.
import type { AttentionGroup } from '../schema/attention.ts';
import type { KvPrecision } from './types.ts';

/** Bytes per cached element: f16, and ggml's q8_0 (34 B / 32) and q4_0 (18 B / 32) blocks. */
export const KV_BYTES_PER_ELEMENT: Record<KvPrecision, number> = { f16: 2, q8_0: 34 / 32, q4_0: 18 / 32 };

/** llama.cpp's default micro-batch (-ub), which also pads sliding windows. */
export const N_UBATCH = 512;
const CONTEXT_PADDING = 256;
const STATE_BYTES_PER_ELEMENT = 4; // recurrent state is F32

export const padContext = (tokens: number) => Math.ceil(tokens / CONTEXT_PADDING) * CONTEXT_PADDING;

/** Tokens a group's cache holds when the context is `contextTokens` long. */
export function cachedTokens(group: AttentionGroup, contextTokens: number): number {
  const context = padContext(contextTokens);
  switch (group.kind) {
    case 'sliding':
      return Math.min(context, padContext(group.window + N_UBATCH));
    case 'compressed':
      return Math.ceil(context / group.ratio);
    case 'linear':
      return 0;
    default:
      return context;
  }
}

/** Cached elements per token per layer (0 for recurrent layers). */
export function elementsPerToken(group: AttentionGroup): number {
  switch (group.kind) {
    case 'full':
    case 'sliding':
      return group.kv_heads * (group.head_dim + (group.value_head_dim ?? group.head_dim));
    case 'mla':
      return group.kv_lora_rank + group.rope_head_dim;
    case 'compressed':
      return group.kv_heads * group.head_dim * (group.shared_kv ? 1 : 2);
    case 'linear':
      return 0;
  }
}

/** Fixed recurrent state of one linear/SSM layer, bytes (does not grow with context). */
export function recurrentStateBytes(group: AttentionGroup): number {
  if (group.kind !== 'linear') return 0;
  const state = group.state_heads * group.state_key_dim * group.state_value_dim;
  const conv = ((group.conv_kernel ?? 1) - 1) * (group.conv_channels ?? 0);
  return (state + conv) * STATE_BYTES_PER_ELEMENT;
}

/** KV cache plus recurrent state for all groups, bytes. */
export function kvCacheBytes(groups: AttentionGroup[], contextTokens: number, precision: KvPrecision): number {
  let bytes = 0;
  for (const group of groups) {
    bytes += group.layers * cachedTokens(group, contextTokens) * elementsPerToken(group) * KV_BYTES_PER_ELEMENT[precision];
    bytes += group.layers * recurrentStateBytes(group);
  }
  return Math.ceil(bytes);
}
