// The attention shape the KV cache is computed from, as groups of layers of one kind.
// A model mixes kinds (Qwen3.5: 30 linear + 10 full; Gemma 3: 52 sliding + 10 full).
import { z } from 'zod';
import { positiveInt } from './common.ts';

const layers = positiveInt.describe('How many transformer blocks in the model use this kind of attention, e.g. 10.');

/** The K and V shape full and sliding layers share. */
const kvShape = {
  kv_heads: positiveInt.describe('Key/value heads per layer (num_key_value_heads in config.json), e.g. 8.'),
  head_dim: positiveInt.describe('Dimension of one key head (head_dim in config.json), e.g. 128.'),
  value_head_dim: positiveInt.optional().describe('Dimension of one value head, when it differs from head_dim.'),
};

export const fullAttention = z.strictObject({
  kind: z.literal('full').describe('Global attention (MHA or GQA): every token keeps K and V in every such layer.'),
  layers,
  ...kvShape,
});

export const slidingAttention = z.strictObject({
  kind: z.literal('sliding').describe('Sliding-window attention: the cache holds at most `window` tokens per layer.'),
  layers,
  window: positiveInt.describe('Sliding window in tokens (sliding_window in config.json), e.g. 1024.'),
  ...kvShape,
});

export const mlaAttention = z.strictObject({
  kind: z.literal('mla').describe('Multi-head latent attention (DeepSeek V2/V3, Kimi K2): one compressed latent per token per layer, no separate V.'),
  layers,
  kv_lora_rank: positiveInt.describe('Latent rank (kv_lora_rank in config.json), e.g. 512.'),
  rope_head_dim: positiveInt.describe('Decoupled RoPE key dimension (qk_rope_head_dim), e.g. 64.'),
});

export const compressedAttention = z.strictObject({
  kind: z.literal('compressed').describe('Attention over a compressed sequence: the cache grows by one entry every `ratio` tokens (DeepSeek V4 CSA/HCA).'),
  layers,
  ratio: positiveInt.describe('Tokens folded into one cached entry.'),
  kv_heads: positiveInt.describe('Key/value heads per layer.'),
  head_dim: positiveInt.describe('Dimension of one cached head.'),
  shared_kv: z.boolean().optional().describe('True when K and V share one cached vector (only K is stored).'),
});

export const linearAttention = z.strictObject({
  kind: z.literal('linear').describe('Linear attention or state-space layers (Gated DeltaNet, Mamba): a fixed-size state that does not grow with context.'),
  layers,
  state_heads: positiveInt.describe('Heads of recurrent state (linear_num_value_heads for Gated DeltaNet).'),
  state_key_dim: positiveInt.describe('Key dimension of one state head (linear_key_head_dim).'),
  state_value_dim: positiveInt.describe('Value dimension of one state head (linear_value_head_dim).'),
  conv_kernel: positiveInt.optional().describe('Short convolution kernel size (linear_conv_kernel_dim), whose last kernel-1 inputs are kept.'),
  conv_channels: positiveInt.optional().describe('Channels that pass through the short convolution.'),
});

export const attentionGroup = z.discriminatedUnion('kind', [
  fullAttention,
  slidingAttention,
  mlaAttention,
  compressedAttention,
  linearAttention,
]);

export const attention = z
  .strictObject({
    layers: positiveInt.describe('Transformer blocks in the model (num_hidden_layers), not counting MTP/draft layers, e.g. 40.'),
    hidden_size: positiveInt.optional().describe('Model width (hidden_size in config.json), e.g. 4096.'),
    heads: positiveInt.optional().describe('Query heads per layer (num_attention_heads), e.g. 32.'),
    description: z
      .string()
      .min(1)
      .optional()
      .describe('The attention in words, when its kind is not one the schema names (e.g. ZAYA1\'s CCA): reports show it instead of the groups\' kinds.'),
    groups: z
      .array(attentionGroup)
      .min(1)
      .describe('The layers grouped by attention kind; their `layers` add up to the total.'),
  })
  .refine((a) => a.groups.reduce((sum, g) => sum + g.layers, 0) >= a.layers || a.groups.some((g) => g.kind === 'compressed'), {
    error: 'the groups cover fewer layers than `layers`: every block needs an attention kind',
    path: ['groups'],
  });

export type AttentionGroup = z.output<typeof attentionGroup>;
export type Attention = z.output<typeof attention>;
