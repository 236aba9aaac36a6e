// Small synthetic models, one per architecture the engine has to get right: the GGUF
// metadata and tensors llama.cpp loads, and the same shape as the engine's attention groups.
// Tensor names and shapes follow each architecture's load_arch_tensors in the pinned
// llama.cpp (src/models/<arch>.cpp, helpers create_tensor_qkv / create_tensor_gate_up_exps in
// src/llama-model.cpp); metadata keys are LLM_KV_NAMES in src/llama-arch.cpp. Widths are
// a real family member's where that stays small, with few layers and few experts.
import type { AttentionGroup } from '../../src/lib/schema/attention.ts';
import type { ModelData } from '../../src/lib/schema/index.ts';
import type { GgufTensor, GgufValue } from '../support/gguf-writer.ts';

export interface Synthetic {
  name: string;
  metadata: Record<string, GgufValue>;
  tensors: GgufTensor[];
  model: ModelData;
  /** FFN widths the schema does not carry, passed to computeBufferBytes. */
  widths: { ffnWidth?: number; expertWidth?: number };
}

const u32 = (value: number): GgufValue => ({ type: 'uint32', value });
const f32 = (value: number): GgufValue => ({ type: 'float32', value });
/** Q8_0 when rows split into 32-element blocks (mul_mat weights), else F32 (norms, biases, conv). */
const w = (name: string, ...dims: number[]): GgufTensor => ({ name, type: dims[0]! % 32 === 0 && dims.length > 1 ? 8 : 0, dims });
const norm = (name: string, n: number): GgufTensor => ({ name, type: 0, dims: [n] });

interface Base { arch: string; vocab: number; embd: number; layers: number; heads: number; kvHeads: number; headDim: number; ff: number }

/** Keys every architecture reads (llama_model_base::load_hparams) and a vocabulary of the real size:
 * tokenizer "none" with <arch>.vocab_size gives that many tokens (llama_vocab::impl::load). */
function metadata(b: Base, extra: Record<string, GgufValue>): Record<string, GgufValue> {
  const a = b.arch;
  return {
    'general.architecture': { type: 'string', value: a },
    'general.name': { type: 'string', value: `synthetic ${a}` },
    'general.file_type': u32(7), // MOSTLY_Q8_0
    'tokenizer.ggml.model': { type: 'string', value: 'none' },
    [`${a}.vocab_size`]: u32(b.vocab),
    [`${a}.context_length`]: u32(131072),
    [`${a}.embedding_length`]: u32(b.embd),
    [`${a}.block_count`]: u32(b.layers),
    [`${a}.feed_forward_length`]: u32(b.ff),
    [`${a}.attention.head_count`]: u32(b.heads),
    [`${a}.attention.head_count_kv`]: u32(b.kvHeads),
    [`${a}.attention.key_length`]: u32(b.headDim),
    [`${a}.attention.value_length`]: u32(b.headDim),
    [`${a}.rope.dimension_count`]: u32(b.headDim),
    [`${a}.attention.layer_norm_rms_epsilon`]: f32(1e-6),
    ...extra,
  };
}

function embeddings(b: Base, tiedOutput = true): GgufTensor[] {
  const t = [w('token_embd.weight', b.embd, b.vocab), norm('output_norm.weight', b.embd)];
  return tiedOutput ? t : [...t, w('output.weight', b.embd, b.vocab)];
}

function attention(b: Base, i: number, qDim = b.heads * b.headDim): GgufTensor[] {
  const kv = b.kvHeads * b.headDim;
  return [norm(`blk.${i}.attn_norm.weight`, b.embd), w(`blk.${i}.attn_q.weight`, b.embd, qDim), w(`blk.${i}.attn_k.weight`, b.embd, kv), w(`blk.${i}.attn_v.weight`, b.embd, kv), w(`blk.${i}.attn_output.weight`, b.heads * b.headDim, b.embd)];
}

const qkNorms = (b: Base, i: number) => [norm(`blk.${i}.attn_q_norm.weight`, b.headDim), norm(`blk.${i}.attn_k_norm.weight`, b.headDim)];

function denseFfn(b: Base, i: number, ff = b.ff): GgufTensor[] {
  return [norm(`blk.${i}.ffn_norm.weight`, b.embd), w(`blk.${i}.ffn_gate.weight`, b.embd, ff), w(`blk.${i}.ffn_up.weight`, b.embd, ff), w(`blk.${i}.ffn_down.weight`, ff, b.embd)];
}

function experts(b: Base, i: number, ff: number, n: number): GgufTensor[] {
  return [w(`blk.${i}.ffn_gate_inp.weight`, b.embd, n), w(`blk.${i}.ffn_gate_exps.weight`, b.embd, ff, n), w(`blk.${i}.ffn_up_exps.weight`, b.embd, ff, n), w(`blk.${i}.ffn_down_exps.weight`, ff, b.embd, n)];
}

const layerRange = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Enough of a ModelData for the engine's memory functions. */
function modelData(b: Base, tensors: GgufTensor[], groups: AttentionGroup[], moe?: ModelData['moe']): ModelData {
  const count = (t: GgufTensor) => t.dims.reduce((x, y) => x * y, 1);
  const total = tensors.reduce((n, t) => n + count(t), 0);
  const routed = tensors.filter((t) => t.name.includes('_exps.')).reduce((n, t) => n + count(t), 0);
  const active = moe ? total - routed * (1 - moe.experts_per_token / moe.experts) : undefined;
  return {
    name: `synthetic ${b.arch}`, vendor: 'test', released: '2026-01-01', licence: 'MIT', architecture: b.arch,
    parameters: { total_billions: total / 1e9, ...(active ? { active_billions: active / 1e9 } : {}) }, max_context_tokens: 131072, vocab_size: b.vocab,
    attention: { layers: b.layers, hidden_size: b.embd, heads: b.heads, groups },
    ...(moe ? { moe } : {}),
    native: { dtype: 'bf16' }, quants: [], support: {}, sources: [],
  } as unknown as ModelData;
}

const full = (layers: number, b: Base): AttentionGroup => ({ kind: 'full', layers, kv_heads: b.kvHeads, head_dim: b.headDim });

/** Llama 3.2 1B's widths (GQA: 32 query heads share 8 KV heads), two blocks. */
function llama(): Synthetic {
  const b: Base = { arch: 'llama', vocab: 128256, embd: 2048, layers: 2, heads: 32, kvHeads: 8, headDim: 64, ff: 8192 };
  const tensors = [...embeddings(b), ...layerRange(b.layers).flatMap((i) => [...attention(b, i), ...denseFfn(b, i)])];
  return { name: 'llama', metadata: metadata(b, {}), tensors, model: modelData(b, tensors, [full(b.layers, b)]), widths: { ffnWidth: b.ff } };
}

/** Gemma 3 1B's widths; sliding_window_pattern 6 (src/models/gemma3.cpp load_swa_pattern(ml, 6)):
 * five sliding layers then one full. */
export function gemma3(o: { embd?: number; ff?: number; heads?: number; headDim?: number } = {}): Synthetic {
  const b: Base = { arch: 'gemma3', vocab: 262144, embd: o.embd ?? 1152, layers: 6, heads: o.heads ?? 4, kvHeads: 1, headDim: o.headDim ?? 256, ff: o.ff ?? 6912 };
  const window = 512;
  const tensors = [...embeddings(b), ...layerRange(b.layers).flatMap((i) => [
    ...attention(b, i), ...qkNorms(b, i), norm(`blk.${i}.post_attention_norm.weight`, b.embd), ...denseFfn(b, i), norm(`blk.${i}.post_ffw_norm.weight`, b.embd),
  ])];
  const groups: AttentionGroup[] = [{ kind: 'sliding', layers: 5, window, kv_heads: b.kvHeads, head_dim: b.headDim }, full(1, b)];
  return { name: 'gemma3', metadata: metadata(b, { 'gemma3.attention.sliding_window': u32(window) }), tensors, model: modelData(b, tensors, groups), widths: { ffnWidth: b.ff } };
}

/** Qwen3 8B's widths, with q/k norms. */
function qwen3(): Synthetic {
  const b: Base = { arch: 'qwen3', vocab: 151936, embd: 4096, layers: 2, heads: 32, kvHeads: 8, headDim: 128, ff: 12288 };
  const tensors = [...embeddings(b), ...layerRange(b.layers).flatMap((i) => [...attention(b, i), ...qkNorms(b, i), ...denseFfn(b, i)])];
  return { name: 'qwen3', metadata: metadata(b, {}), tensors, model: modelData(b, tensors, [full(b.layers, b)]), widths: { ffnWidth: b.ff } };
}

/** Qwen3 30B-A3B's widths (expert FFN 768, 8 of the experts per token), 16 experts instead of 128. */
function qwen3moe(): Synthetic {
  const b: Base = { arch: 'qwen3moe', vocab: 151936, embd: 2048, layers: 2, heads: 32, kvHeads: 4, headDim: 128, ff: 6144 };
  const [n, used, ff] = [16, 8, 768];
  const tensors = [...embeddings(b, false), ...layerRange(b.layers).flatMap((i) => [
    ...attention(b, i), ...qkNorms(b, i), norm(`blk.${i}.ffn_norm.weight`, b.embd), ...experts(b, i, ff, n),
  ])];
  const meta = metadata(b, { 'qwen3moe.expert_count': u32(n), 'qwen3moe.expert_used_count': u32(used), 'qwen3moe.expert_feed_forward_length': u32(ff) });
  return { name: 'qwen3moe', metadata: meta, tensors, model: modelData(b, tensors, [full(b.layers, b)], { experts: n, experts_per_token: used }), widths: { expertWidth: ff } };
}

/** DeepSeek V3's MLA (q_lora_rank 1536, kv_lora_rank 512, rope 64, nope 128, v 128) at fewer heads;
 * one dense leading block then two MoE blocks with a shared expert (two, because the last
 * block runs its FFN on the output rows only: llm_graph_context inp_out_ids). The GGUF stores the MLA
 * form (src/models/deepseek2.cpp): key_length 576 = kv_lora_rank + rope, value_length 512,
 * one KV head, key/value_length_mla 192/128, attn_k_b and attn_v_b split per head. */
export function deepseek2(o: { embd?: number; ff?: number; used?: number; expertFf?: number; heads?: number } = {}): Synthetic {
  const b: Base = { arch: 'deepseek2', vocab: 129280, embd: o.embd ?? 2048, layers: 3, heads: o.heads ?? 16, kvHeads: 1, headDim: 576, ff: o.ff ?? 6144 };
  const [qLora, kvLora, rope, nope, v] = [1536, 512, 64, 128, 128];
  const [n, used, ff] = [16, o.used ?? 8, o.expertFf ?? 512];
  const attn = (i: number) => [
    norm(`blk.${i}.attn_norm.weight`, b.embd), norm(`blk.${i}.attn_q_a_norm.weight`, qLora), norm(`blk.${i}.attn_kv_a_norm.weight`, kvLora),
    w(`blk.${i}.attn_q_a.weight`, b.embd, qLora), w(`blk.${i}.attn_q_b.weight`, qLora, b.heads * (nope + rope)),
    w(`blk.${i}.attn_kv_a_mqa.weight`, b.embd, kvLora + rope), w(`blk.${i}.attn_k_b.weight`, nope, kvLora, b.heads),
    w(`blk.${i}.attn_v_b.weight`, kvLora, v, b.heads), w(`blk.${i}.attn_output.weight`, b.heads * v, b.embd),
  ];
  const moe = (i: number) => [
    norm(`blk.${i}.ffn_norm.weight`, b.embd), ...experts(b, i, ff, n), norm(`blk.${i}.exp_probs_b.bias`, n),
    w(`blk.${i}.ffn_gate_shexp.weight`, b.embd, ff), w(`blk.${i}.ffn_up_shexp.weight`, b.embd, ff), w(`blk.${i}.ffn_down_shexp.weight`, ff, b.embd),
  ];
  const tensors = [...embeddings(b, false), ...attn(0), ...denseFfn(b, 0), ...attn(1), ...moe(1), ...attn(2), ...moe(2)];
  const meta = metadata(b, {
    'deepseek2.attention.value_length': u32(kvLora), 'deepseek2.rope.dimension_count': u32(rope),
    'deepseek2.attention.q_lora_rank': u32(qLora), 'deepseek2.attention.kv_lora_rank': u32(kvLora),
    'deepseek2.attention.key_length_mla': u32(nope + rope), 'deepseek2.attention.value_length_mla': u32(v),
    'deepseek2.leading_dense_block_count': u32(1), 'deepseek2.expert_count': u32(n), 'deepseek2.expert_used_count': u32(used),
    'deepseek2.expert_shared_count': u32(1), 'deepseek2.expert_feed_forward_length': u32(ff),
    'deepseek2.expert_weights_scale': f32(2.5), 'deepseek2.expert_weights_norm': { type: 'bool', value: true }, 'deepseek2.expert_gating_func': u32(2),
  });
  const groups: AttentionGroup[] = [{ kind: 'mla', layers: b.layers, kv_lora_rank: kvLora, rope_head_dim: rope }];
  return { name: 'deepseek2', metadata: meta, tensors, model: modelData(b, tensors, groups, { experts: n, experts_per_token: used, shared_experts: 1, dense_leading_layers: 1 }), widths: { ffnWidth: b.ff, expertWidth: ff } };
}

/** Qwen3.5's Gated DeltaNet hybrid (src/models/qwen35.cpp): full_attention_interval 4, so
 * blocks 0-2 are linear and block 3 full (gated query: q is 2 x heads x head_dim); linear
 * blocks keep a 128 x 128 state per value head and a conv over q, k and v. */
export function qwen35(o: { embd?: number; ff?: number; kHeads?: number; vHeads?: number } = {}): Synthetic {
  const b: Base = { arch: 'qwen35', vocab: 248320, embd: o.embd ?? 2048, layers: 4, heads: 16, kvHeads: 2, headDim: 256, ff: o.ff ?? 6144 };
  const [dState, kHeads, vHeads, conv] = [128, o.kHeads ?? 16, o.vHeads ?? 32, 4];
  const [keyDim, valueDim] = [dState * kHeads, dState * vHeads];
  const linear = (i: number) => [
    norm(`blk.${i}.attn_norm.weight`, b.embd), w(`blk.${i}.attn_qkv.weight`, b.embd, 2 * keyDim + valueDim), w(`blk.${i}.attn_gate.weight`, b.embd, valueDim),
    w(`blk.${i}.ssm_conv1d.weight`, conv, 2 * keyDim + valueDim), norm(`blk.${i}.ssm_dt.bias`, vHeads), norm(`blk.${i}.ssm_a`, vHeads),
    w(`blk.${i}.ssm_beta.weight`, b.embd, vHeads), w(`blk.${i}.ssm_alpha.weight`, b.embd, vHeads), norm(`blk.${i}.ssm_norm.weight`, dState),
    w(`blk.${i}.ssm_out.weight`, valueDim, b.embd),
  ];
  const block = (i: number) => [
    ...(i % 4 === 3 ? [...attention(b, i, 2 * b.heads * b.headDim), ...qkNorms(b, i)] : linear(i)),
    norm(`blk.${i}.post_attention_norm.weight`, b.embd), w(`blk.${i}.ffn_gate.weight`, b.embd, b.ff), w(`blk.${i}.ffn_up.weight`, b.embd, b.ff), w(`blk.${i}.ffn_down.weight`, b.ff, b.embd),
  ];
  const tensors = [...embeddings(b, false), ...layerRange(b.layers).flatMap(block)];
  const meta = metadata(b, {
    'qwen35.rope.dimension_count': u32(64), 'qwen35.rope.dimension_sections': { type: 'array', of: 'int32', value: [11, 11, 10, 0] },
    'qwen35.full_attention_interval': u32(4), 'qwen35.ssm.conv_kernel': u32(conv), 'qwen35.ssm.inner_size': u32(valueDim),
    'qwen35.ssm.state_size': u32(dState), 'qwen35.ssm.time_step_rank': u32(vHeads), 'qwen35.ssm.group_count': u32(kHeads),
  });
  const groups: AttentionGroup[] = [
    { kind: 'linear', layers: 3, state_heads: vHeads, state_key_dim: dState, state_value_dim: dState, conv_kernel: conv, conv_channels: 2 * keyDim + valueDim },
    full(1, b),
  ];
  return { name: 'qwen35', metadata: meta, tensors, model: modelData(b, tensors, groups), widths: { ffnWidth: b.ff } };
}

/** Mamba-2 (src/models/mamba2.cpp) at Codestral Mamba's state shape: d_inner 2 x embd,
 * d_state 128, 8 groups, heads of 64; state d_state x d_inner, conv over d_inner + 2 x groups x d_state. */
export function mamba2(o: { embd?: number; groups?: number; headDim?: number } = {}): Synthetic {
  const b: Base = { arch: 'mamba2', vocab: 32768, embd: o.embd ?? 1024, layers: 2, heads: 0, kvHeads: 0, headDim: 0, ff: 0 };
  const [dInner, dState, groups, conv] = [2 * b.embd, 128, o.groups ?? 8, 4];
  const heads = dInner / (o.headDim ?? 64);
  const convDim = dInner + 2 * groups * dState;
  const block = (i: number) => [
    norm(`blk.${i}.attn_norm.weight`, b.embd), w(`blk.${i}.ssm_in.weight`, b.embd, dInner + convDim + heads),
    w(`blk.${i}.ssm_conv1d.weight`, conv, convDim), norm(`blk.${i}.ssm_conv1d.bias`, convDim), norm(`blk.${i}.ssm_dt.bias`, heads),
    { name: `blk.${i}.ssm_a`, type: 0, dims: [1, heads] } as GgufTensor, { name: `blk.${i}.ssm_d`, type: 0, dims: [1, heads] } as GgufTensor,
    { name: `blk.${i}.ssm_norm.weight`, type: 0, dims: [dInner / groups, groups] } as GgufTensor, w(`blk.${i}.ssm_out.weight`, dInner, b.embd),
  ];
  const tensors = [...embeddings(b), ...layerRange(b.layers).flatMap(block)];
  const meta = metadata(b, {
    'mamba2.ssm.conv_kernel': u32(conv), 'mamba2.ssm.inner_size': u32(dInner), 'mamba2.ssm.state_size': u32(dState),
    'mamba2.ssm.time_step_rank': u32(heads), 'mamba2.ssm.group_count': u32(groups),
  });
  for (const k of ['feed_forward_length', 'attention.head_count', 'attention.head_count_kv', 'attention.key_length', 'attention.value_length', 'rope.dimension_count']) delete meta[`mamba2.${k}`];
  const linear: AttentionGroup = { kind: 'linear', layers: b.layers, state_heads: heads, state_key_dim: dState, state_value_dim: dInner / heads, conv_kernel: conv, conv_channels: convDim };
  return { name: 'mamba2', metadata: meta, tensors, model: modelData(b, tensors, [linear]), widths: {} };
}

/** gpt-oss 20B's widths (src/models/openai-moe.cpp): attention sinks, sliding window 128 on
 * every other block (load_swa_pattern(ml, 2)), experts with biases; 4 experts instead of 32. */
function gptOss(): Synthetic {
  const b: Base = { arch: 'gpt-oss', vocab: 201088, embd: 2880, layers: 2, heads: 64, kvHeads: 8, headDim: 64, ff: 2880 };
  const [n, used, ff, window] = [4, 4, 2880, 128];
  const block = (i: number) => [
    ...attention(b, i), norm(`blk.${i}.post_attention_norm.weight`, b.embd), norm(`blk.${i}.attn_sinks.weight`, b.heads), norm(`blk.${i}.attn_output.bias`, b.embd),
    ...experts(b, i, ff, n), norm(`blk.${i}.ffn_gate_inp.bias`, n),
    { name: `blk.${i}.ffn_gate_exps.bias`, type: 0, dims: [ff, n] } as GgufTensor, { name: `blk.${i}.ffn_up_exps.bias`, type: 0, dims: [ff, n] } as GgufTensor,
    { name: `blk.${i}.ffn_down_exps.bias`, type: 0, dims: [b.embd, n] } as GgufTensor,
  ];
  const tensors = [...embeddings(b, false), ...layerRange(b.layers).flatMap(block)];
  const meta = metadata(b, { 'gpt-oss.attention.sliding_window': u32(window), 'gpt-oss.expert_count': u32(n), 'gpt-oss.expert_used_count': u32(used), 'gpt-oss.expert_feed_forward_length': u32(ff) });
  const groups: AttentionGroup[] = [{ kind: 'sliding', layers: 1, window, kv_heads: b.kvHeads, head_dim: b.headDim }, full(1, b)];
  return { name: 'gpt-oss', metadata: meta, tensors, model: modelData(b, tensors, groups, { experts: n, experts_per_token: used }), widths: { expertWidth: ff } };
}

export const SYNTHETIC_MODELS: (() => Synthetic)[] = [llama, gemma3, qwen3, qwen3moe, deepseek2, qwen35, mamba2, gptOss];
