// KV cache and recurrent state, by attention kind, at a context length and a number of
// sequences (llama-server's slots), laid out as llama.cpp allocates them. Rules, from the
// llama.cpp source (ggml-org/llama.cpp; checked against its own allocation by test/oracle/):
// - the context is padded to 256 cells (src/llama-context.cpp, llama_context constructor:
//   cparams.n_ctx = GGML_PAD(cparams.n_ctx, 256)); with a unified KV cache every slot shares
//   those cells (n_ctx_seq = n_ctx), which is how llama-server runs its default 4 slots
//   (tools/server/server.cpp: "using n_parallel = 4 and kv_unified = true");
// - each layer stores K and V rows of n_embd_k_gqa / n_embd_v_gqa per cell
//   (src/llama-kv-cache.cpp, llama_kv_cache constructor: ggml_new_tensor_3d(type_k, n_embd_k_gqa,
//   kv_size, n_stream)); MLA layers store only K, one latent of kv_lora_rank + rope dims
//   (has_v = !is_mla in the same constructor);
// - sliding-window layers get their own cache of GGML_PAD(min(n_ctx, n_swa x slots + n_ubatch), 256)
//   cells when unified (src/llama-kv-cache-iswa.cpp, llama_kv_cache_iswa constructor, size_swa);
// - recurrent layers keep one F32 row of R (conv) and S (state) per sequence
//   (src/llama-memory-recurrent.cpp constructor, mem_size = max(1, n_seq_max) from
//   llama_model::create_memory; n_embd_r / n_embd_s in src/llama-hparams.cpp).
import type { AttentionGroup } from '../schema/attention.ts';
import type { KvPrecision } from './types.ts';

/** Bytes per cached element: f16, and ggml's q8_0 (34 B / 32) and q4_0 (18 B / 32) blocks. */
export const KV_BYTES_PER_ELEMENT: Record<KvPrecision, number> = { f16: 2, q8_0: 34 / 32, q4_0: 18 / 32 };

/** llama.cpp's default micro-batch (-ub, common/common.h n_ubatch), which also pads sliding windows. */
export const N_UBATCH = 512;
const CONTEXT_PADDING = 256;
const STATE_BYTES_PER_ELEMENT = 4; // recurrent state is F32 (GGML_TYPE_F32 in create_memory)

export interface KvOptions {
  /** Sequences sharing one unified cache: llama-server's slots (-np); 1 for `-np 1`. */
  sequences?: number;
}

export const padContext = (tokens: number) => Math.ceil(tokens / CONTEXT_PADDING) * CONTEXT_PADDING;

/** Cells a group's cache holds when the context is `contextTokens` long, shared by `sequences` slots. */
export function cachedTokens(group: AttentionGroup, contextTokens: number, sequences = 1): number {
  const context = padContext(contextTokens);
  switch (group.kind) {
    case 'sliding':
      return Math.min(context, padContext(group.window * sequences + N_UBATCH));
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

/** Fixed recurrent state of one linear/SSM layer for one sequence, bytes: S (state heads x key x
 * value) plus R, the last conv_kernel - 1 inputs of every conv channel. */
export function recurrentStateBytes(group: AttentionGroup): number {
  if (group.kind !== 'linear') return 0;
  const state = group.state_heads * group.state_key_dim * group.state_value_dim;
  const conv = ((group.conv_kernel ?? 1) - 1) * (group.conv_channels ?? 0);
  return (state + conv) * STATE_BYTES_PER_ELEMENT;
}

/** KV cache plus recurrent state for all groups, bytes. */
export function kvCacheBytes(groups: AttentionGroup[], contextTokens: number, precision: KvPrecision, options: KvOptions = {}): number {
  const sequences = Math.max(1, options.sequences ?? 1);
  let bytes = 0;
  for (const group of groups) {
    bytes += group.layers * cachedTokens(group, contextTokens, sequences) * elementsPerToken(group) * KV_BYTES_PER_ELEMENT[precision];
    bytes += group.layers * sequences * recurrentStateBytes(group);
  }
  return Math.ceil(bytes);
}
