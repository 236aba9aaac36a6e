// The compute buffer: the scratch llama.cpp reserves for the worst-case graph of one
// micro-batch, as the printed llama-server command runs it (flash attention on, n_ubatch 512).
// What llama.cpp reserves (src/llama-context.cpp, llama_context::sched_reserve): a graph of
// n_ubatch tokens with n_outputs = min(n_ubatch, n_outputs_max) logit rows, and llama-server
// sets n_outputs_max to slots x (1 + draft tokens) (tools/server/server-context.cpp,
// server_output_limits), so with `-np 1` and no draft model one row of logits, not 512.
// ggml-alloc (ggml/src/ggml-alloc.c) then packs the graph's tensors, reusing freed ones, so
// the buffer is the inputs that live the whole graph (the flash-attention KQ mask, f16
// [n_kv, n_ubatch] per KV cache: llm_graph_input_attn_kv in src/llama-graph.cpp) plus the
// largest working set of any one stage. Those working sets are counted in f32 activations of
// n_ubatch rows; their coefficients are fitted to llama.cpp's own figures (the
// "compute buffer size" it logs) by test/oracle/, which checks them within 5 %.
// The last block runs its FFN on the output rows only (inp_out_ids), so every stage here is
// a full-width block's.
import type { AttentionGroup } from '../schema/attention.ts';
import type { ModelData } from '../schema/index.ts';
import { MiB } from '../units.ts';
import { cachedTokens, N_UBATCH, padContext, recurrentStateBytes } from './kv-cache.ts';
import { DEFAULT_CONTEXT_TOKENS } from './options.ts';
import type { KvPrecision } from './types.ts';

export interface ComputeBufferOptions {
  /** Planned context (the KQ mask spans the whole cache); default 32,768. */
  contextTokens?: number;
  /** llama-server slots sharing the unified cache (-np); default 1. */
  sequences?: number;
  /** Logit rows reserved; llama-server's n_outputs_max is one per slot. */
  outputs?: number;
  /** Dense FFN width (intermediate_size); estimated from the parameter count when absent. */
  ffnWidth?: number;
  /** One routed expert's FFN width (moe_intermediate_size); estimated from active parameters when absent. */
  expertWidth?: number;
  /** KV precision (-ctk/-ctv): quantized K and V are Hadamard-rotated in the graph, which moves the FFN stage. */
  kvPrecision?: KvPrecision;
}

const F32 = 4;
const F16 = 2;
/** Bytes of f32 activations `width` wide for one micro-batch. */
const act = (width: number) => N_UBATCH * F32 * width;
/** Gated DeltaNet's chunked scan keeps chunk x chunk decay and attention matrices (build_delta_net
 * in src/models/delta-net-base.cpp); fitted as a constant at n_ubatch 512. */
const DELTA_NET_CHUNK_BYTES = 24 * MiB;
/** Mamba-2 style SSM layers (ggml_ssm_conv + ggml_ssm_scan), as opposed to delta-net linear attention. */
const SSM_ARCHITECTURE = /mamba|nemotron_h|falcon_h|jamba|granite.*hybrid|plamo2/i;

/** KQ masks: one f16 [cells, n_ubatch] per KV cache (the full one and, with sliding layers, the SWA one). */
export function maskBytes(groups: AttentionGroup[], contextTokens: number, sequences: number): number {
  const caches = new Map<string, number>();
  for (const g of groups) {
    if (g.kind === 'linear') continue;
    const cache = g.kind === 'sliding' ? 'swa' : g.kind === 'compressed' ? `compressed-${g.ratio}` : 'full';
    caches.set(cache, Math.max(caches.get(cache) ?? 0, cachedTokens(g, contextTokens, sequences)));
  }
  let bytes = 0;
  for (const cells of caches.values()) bytes += N_UBATCH * F16 * cells;
  return bytes;
}

/** Hidden-width tensors alive beside a dense FFN: four with an f16 cache; with a quantized cache
 * (K and V rotated, attn_rot_k/v in src/llama-kv-cache.cpp) three, or five under Gemma's sandwich
 * norms (post_attention_norm, post_ffw_norm in src/models/gemma3.cpp). Fitted (test/oracle/). */
function denseHiddenTensors(model: ModelData, kv: KvPrecision): number {
  if (kv === 'f16') return 4;
  return /gemma/i.test(model.architecture) ? 5 : 3;
}

/** Dense SwiGLU FFN: gate, up and their product (n_ff wide) beside the hidden-width tensors. */
export const denseFfnBytes = (hidden: number, ffn: number, hiddenTensors = 4) => act(3 * ffn + hiddenTensors * hidden);

/** Routed experts (build_moe_ffn): gate/up/product are k x expert wide, the experts' outputs k x
 * hidden. Those outputs stack on top when they cannot reuse two freed gate/up blocks. Beside them
 * three hidden-width tensors and the attention output (query width when wider than hidden). */
export function moeFfnBytes(hidden: number, expertWidth: number, used: number, queryWidth = hidden): number {
  const [outputs, gated] = [used * hidden, 3 * used * expertWidth];
  return act((hidden > 2 * expertWidth ? outputs + gated : Math.max(outputs, gated)) + 3 * hidden + Math.max(hidden, queryWidth));
}

/** Query width of the full/sliding layers: heads x head_dim. */
function queryWidth(model: ModelData, hidden: number): number {
  const g = model.attention.groups.find((x) => x.kind === 'full' || x.kind === 'sliding');
  return g && (g.kind === 'full' || g.kind === 'sliding') ? (model.attention.heads ?? 0) * g.head_dim : hidden;
}

/** MLA attention with absorbed weights (src/models/deepseek2.cpp): per head the query in latent
 * space (kv_lora_rank + rope, twice: built and concatenated) and the rope parts. */
export const mlaBytes = (hidden: number, heads: number, g: Extract<AttentionGroup, { kind: 'mla' }>) =>
  act(heads * (2 * (g.kv_lora_rank + g.rope_head_dim) + 3 * g.rope_head_dim) + 3 * hidden);

/** A linear-attention block: Mamba-2's conv and scan (conv channels, d_inner, one layer's state per
 * sequence) or Gated DeltaNet's value-wide projections and its chunk matrices. */
export function linearBytes(model: ModelData, g: Extract<AttentionGroup, { kind: 'linear' }>, hidden: number, sequences: number): number {
  const inner = g.state_heads * g.state_value_dim;
  if (SSM_ARCHITECTURE.test(model.architecture)) return act(2.75 * (g.conv_channels ?? inner) + 2 * inner + 3.5 * hidden) + sequences * recurrentStateBytes(g);
  return act(3 * inner + 3 * hidden) + DELTA_NET_CHUNK_BYTES;
}

/** The output head: logits (n_vocab f32 per reserved row) beside the last hidden states. */
export const outputBytes = (vocab: number, hidden: number, outputs: number) => outputs * vocab * F32 + act(2 * hidden);

/** Attention parameters of one block, for estimating FFN widths from the parameter count. */
function attentionParams(model: ModelData, hidden: number): number {
  const g = model.attention.groups.find((x) => x.kind === 'full' || x.kind === 'sliding');
  if (!g || (g.kind !== 'full' && g.kind !== 'sliding')) return 4 * hidden * hidden;
  const heads = model.attention.heads ?? Math.round(hidden / g.head_dim);
  return 2 * hidden * heads * g.head_dim + 2 * hidden * g.kv_heads * g.head_dim;
}

/** FFN width per block left over once embeddings and attention are taken from `billions`. */
function ffnFromParameters(model: ModelData, hidden: number, billions: number): number {
  const vocab = model.vocab_size ?? 0;
  const perBlock = (billions * 1e9 - 2 * vocab * hidden) / model.attention.layers;
  return Math.max(hidden / 4, (perBlock - attentionParams(model, hidden)) / (3 * hidden));
}

/** The largest working set of any stage, bytes. */
function stageBytes(model: ModelData, hidden: number, o: Required<Pick<ComputeBufferOptions, 'sequences' | 'outputs' | 'kvPrecision'>> & ComputeBufferOptions): number {
  const moe = model.moe;
  const stages = [outputBytes(model.vocab_size ?? 0, hidden, o.outputs)];
  const activeFfn = () => ffnFromParameters(model, hidden, model.parameters.active_billions ?? model.parameters.total_billions);
  if (moe) stages.push(moeFfnBytes(hidden, o.expertWidth ?? activeFfn() / moe.experts_per_token, moe.experts_per_token, queryWidth(model, hidden)));
  if (!moe || (moe.dense_leading_layers ?? 0) > 0) {
    const ffn = o.ffnWidth ?? (moe ? activeFfn() : ffnFromParameters(model, hidden, model.parameters.total_billions));
    stages.push(denseFfnBytes(hidden, ffn, denseHiddenTensors(model, o.kvPrecision)));
  }
  for (const g of model.attention.groups) {
    if (g.kind === 'mla') stages.push(mlaBytes(hidden, model.attention.heads ?? 1, g));
    if (g.kind === 'linear') stages.push(linearBytes(model, g, hidden, o.sequences));
  }
  return Math.max(...stages);
}

/** Compute buffer llama.cpp reserves for this model, bytes (flash attention on, n_ubatch 512). */
export function computeBufferBytes(model: ModelData, options: ComputeBufferOptions = {}): number {
  const sequences = Math.max(1, options.sequences ?? 1);
  const outputs = options.outputs ?? sequences;
  const context = padContext(options.contextTokens ?? DEFAULT_CONTEXT_TOKENS);
  const hidden = model.attention.hidden_size;
  const masks = maskBytes(model.attention.groups, context, sequences);
  if (hidden === undefined) return masks + outputs * (model.vocab_size ?? 0) * F32;
  return Math.ceil(masks + stageBytes(model, hidden, { ...options, sequences, outputs, kvPrecision: options.kvPrecision ?? 'f16' }));
}
