// What a Hugging Face config.json tells a scaffold about a model: its architecture ids, the
// attention shape grouped by kind (full, sliding window, MLA latent, linear state), experts,
// vocabulary and context. Pure: takes the parsed JSON. Anything it cannot read stays
// undefined, and the template writes a TODO there.

export type GroupKind = 'full' | 'sliding' | 'mla' | 'linear';

/** One attention group as data/models wants it; a missing number becomes a TODO. */
export interface GroupDraft {
  kind: GroupKind;
  layers: number;
  window?: number;
  kv_heads?: number;
  head_dim?: number;
  value_head_dim?: number;
  kv_lora_rank?: number;
  rope_head_dim?: number;
  state_heads?: number;
  state_key_dim?: number;
  state_value_dim?: number;
  conv_kernel?: number;
  conv_channels?: number;
  /** How the group was read, written as a comment above it. */
  note?: string;
}

export interface ConfigFacts {
  architecture?: string;
  hfArchitecture?: string;
  layers?: number;
  hiddenSize?: number;
  heads?: number;
  groups: GroupDraft[];
  moe?: { experts: number; sharedExperts?: number; expertsPerToken?: number; denseLeadingLayers?: number };
  vocabSize?: number;
  /** tie_word_embeddings: the output layer reuses the token embedding. */
  tiedEmbeddings?: boolean;
  maxContextTokens?: number;
  /** Precision of the released weights ("bf16", "fp8"). */
  dtype?: string;
  /** Comments for the template, by field name: where a value came from when it is not a plain copy. */
  notes: Partial<Record<'attention' | 'max_context_tokens' | 'native' | 'moe', string>>;
}

type Json = Record<string, unknown>;

/**
 * Values transformers fills in when a config.json leaves a key out, for the model types
 * whose published configs rely on them (transformers Gemma3TextConfig defaults).
 */
const DEFAULTS: Record<string, Json> = {
  gemma3_text: { sliding_window_pattern: 6, max_position_embeddings: 131072, num_attention_heads: 8, num_key_value_heads: 4, head_dim: 256, vocab_size: 262208 },
};

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

const DTYPES: Record<string, string> = { bfloat16: 'bf16', float16: 'fp16', float32: 'fp32', float8_e4m3fn: 'fp8' };

/** The text model's settings: multimodal configs keep them under text_config (Gemma 3, Qwen3.5, Mistral 3). */
function textSettings(config: Json): { text: Json; defaulted: string[] } {
  const nested = config.text_config && typeof config.text_config === 'object' ? (config.text_config as Json) : undefined;
  const text: Json = { ...config, ...(nested ?? {}) };
  const defaults = DEFAULTS[str(text.model_type) ?? ''] ?? DEFAULTS[`${str(config.model_type)}_text`] ?? {};
  const defaulted = Object.keys(defaults).filter((k) => text[k] === undefined);
  for (const key of defaulted) text[key] = defaults[key];
  return { text, defaulted };
}

function dtypeOf(config: Json, text: Json): string | undefined {
  const quant = config.quantization_config as Json | undefined;
  const method = str(quant?.quant_method);
  if (method) return method.toLowerCase() === 'fp8' ? 'fp8' : method.toLowerCase();
  const dtype = str(text.torch_dtype) ?? str(text.dtype) ?? str(config.torch_dtype) ?? str(config.dtype);
  return dtype ? (DTYPES[dtype] ?? dtype) : undefined;
}

function countLayerTypes(types: unknown[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of types) counts.set(String(t), (counts.get(String(t)) ?? 0) + 1);
  return counts;
}

function groupsOf(text: Json, layers: number | undefined): { groups: GroupDraft[]; note?: string } {
  const heads = num(text.num_attention_heads);
  const hidden = num(text.hidden_size);
  const headDim = num(text.head_dim) ?? (hidden && heads ? hidden / heads : undefined);
  const headDimNote = num(text.head_dim) === undefined && headDim !== undefined ? 'head_dim = hidden_size / num_attention_heads (config.json has no head_dim)' : undefined;
  const kvHeads = num(text.num_key_value_heads) ?? heads;
  const full = (n: number): GroupDraft => ({ kind: 'full', layers: n, kv_heads: kvHeads, head_dim: headDim, note: headDimNote });
  const sliding = (n: number): GroupDraft => ({ kind: 'sliding', layers: n, window: num(text.sliding_window), kv_heads: kvHeads, head_dim: headDim });
  const linear = (n: number): GroupDraft => {
    const keyHeads = num(text.linear_num_key_heads);
    const valueHeads = num(text.linear_num_value_heads);
    const keyDim = num(text.linear_key_head_dim);
    const valueDim = num(text.linear_value_head_dim);
    return {
      kind: 'linear',
      layers: n,
      state_heads: valueHeads,
      state_key_dim: keyDim,
      state_value_dim: valueDim,
      conv_kernel: num(text.linear_conv_kernel_dim),
      // q and k (key heads x key dim, twice) and v (value heads x value dim) pass the short convolution.
      conv_channels: keyHeads && keyDim && valueHeads && valueDim ? 2 * keyHeads * keyDim + valueHeads * valueDim : undefined,
      note: 'Gated DeltaNet state: linear_num_value_heads x linear_key_head_dim x linear_value_head_dim per layer',
    };
  };
  if (layers === undefined) return { groups: [] };

  if (num(text.kv_lora_rank))
    return { groups: [{ kind: 'mla', layers, kv_lora_rank: num(text.kv_lora_rank), rope_head_dim: num(text.qk_rope_head_dim) }], note: `MLA in every layer: kv_lora_rank ${String(text.kv_lora_rank)} + qk_rope_head_dim ${String(text.qk_rope_head_dim)} per token per layer.` };

  if (Array.isArray(text.layer_types) && text.layer_types.length > 0) {
    const counts = countLayerTypes(text.layer_types);
    const groups: GroupDraft[] = [];
    const byType: Record<string, (n: number) => GroupDraft> = { full_attention: full, sliding_attention: sliding, linear_attention: linear };
    for (const [type, n] of counts) {
      const make = byType[type];
      groups.push(make ? make(n) : { kind: 'full', layers: n, note: `layer type "${type}" is not one this scaffold knows: check its attention kind by hand` });
    }
    const summary = [...counts].map(([t, n]) => `${n} ${t}`).join(' + ');
    return { groups, note: `layer_types lists ${summary}.` };
  }

  const interval = num(text.full_attention_interval);
  if (interval && num(text.linear_num_value_heads)) {
    const fullLayers = Math.floor(layers / interval);
    return { groups: [linear(layers - fullLayers), full(fullLayers)], note: `full_attention_interval ${interval}: every ${interval}th layer is full attention, the rest linear.` };
  }

  const window = num(text.sliding_window);
  const pattern = num(text.sliding_window_pattern) ?? (str(text.model_type) === 'gemma2' ? 2 : undefined);
  if (window && pattern) {
    const fullLayers = Math.floor(layers / pattern);
    return { groups: [sliding(layers - fullLayers), full(fullLayers)], note: `sliding_window_pattern ${pattern}: every ${pattern}th layer is global, the rest use a ${window}-token window.` };
  }
  const maxPositions = num(text.max_position_embeddings);
  if (window && text.use_sliding_window !== false && (maxPositions === undefined || window < maxPositions))
    return { groups: [sliding(layers)], note: `config.json sets sliding_window ${window} and no per-layer pattern: every layer is taken as windowed. Check the model card.` };

  return { groups: [full(layers)] };
}

/** Facts from a parsed config.json; what it does not say stays undefined. */
export function factsFromHfConfig(config: Json): ConfigFacts {
  const { text, defaulted } = textSettings(config);
  const layers = num(text.num_hidden_layers);
  const { groups, note } = groupsOf(text, layers);
  const experts = num(text.n_routed_experts) ?? num(text.num_experts) ?? num(text.num_local_experts);
  const shared = typeof text.n_shared_experts === 'number' ? text.n_shared_experts : num(text.shared_expert_intermediate_size) ? 1 : undefined;
  const notes: ConfigFacts['notes'] = {};
  const defaultsNote = defaulted.length ? ` Not in config.json, so transformers' defaults for ${String(text.model_type)}: ${defaulted.map((k) => `${k} ${String(text[k])}`).join(', ')}.` : '';
  if (note || defaultsNote) notes.attention = `${note ?? ''}${defaultsNote}`.trim();
  const rope = text.rope_scaling as Json | undefined;
  if (num(rope?.original_max_position_embeddings))
    notes.max_context_tokens = `max_position_embeddings; trained at ${String(rope!.original_max_position_embeddings)} and extended by ${String(rope!.rope_type ?? rope!.type)} RoPE scaling.`;
  if (num(text.num_nextn_predict_layers) || num(text.mtp_num_hidden_layers))
    notes.attention = `${notes.attention ? `${notes.attention} ` : ''}The MTP (draft) layers are not counted in layers.`;
  if (num(text.first_k_dense_replace)) notes.moe = `The first ${String(text.first_k_dense_replace)} layers are dense, the rest MoE.`;
  const hfArchitecture = Array.isArray(config.architectures) ? str(config.architectures[0]) : undefined;
  return {
    architecture: str(config.model_type),
    hfArchitecture,
    layers,
    hiddenSize: num(text.hidden_size),
    heads: num(text.num_attention_heads),
    groups,
    moe: experts && experts > 1 ? { experts, sharedExperts: shared, expertsPerToken: num(text.num_experts_per_tok) ?? num(text.experts_per_token) ?? num(text.moe_topk), denseLeadingLayers: typeof text.first_k_dense_replace === 'number' ? text.first_k_dense_replace : undefined } : undefined,
    vocabSize: num(text.vocab_size),
    tiedEmbeddings: typeof config.tie_word_embeddings === 'boolean' ? config.tie_word_embeddings : typeof text.tie_word_embeddings === 'boolean' ? text.tie_word_embeddings : undefined,
    maxContextTokens: num(text.max_position_embeddings),
    dtype: dtypeOf(config, text),
    notes,
  };
}
