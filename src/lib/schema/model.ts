// One file per model in data/models/<slug>.yaml: specs, published quants, engine support, sources.
import { z } from 'zod';
import { attention } from './attention.ts';
import { httpUrl, isoDate, positiveInt, positiveNumber, sizeBytes, slug, sources } from './common.ts';

export const QUANT_FORMATS = ['gguf', 'safetensors', 'mlx', 'awq', 'gptq', 'exl3'] as const;
export const QUALITY_TIERS = ['good', 'fair', 'degraded', 'broken'] as const;
export const SUPPORT_STATUSES = ['merged', 'pr-open', 'fork-only', 'none'] as const;
export const DATE_PRECISIONS = ['exact', 'on-or-before'] as const;

const datePrecision = z
  .enum(DATE_PRECISIONS)
  .optional()
  .describe('"exact" (the default): it happened on that day. "on-or-before": only known to have happened by then; reports say "by <date>".');

export const quant = z.strictObject({
  name: z.string().min(1).describe('The label the file is published under, e.g. "UD-Q4_K_XL" or "Q4_K_M".'),
  format: z.enum(QUANT_FORMATS).describe('File format: gguf (llama.cpp, Ollama), safetensors, mlx, awq, gptq, exl3.'),
  type: z
    .string()
    .min(1)
    .optional()
    .describe('Base quant type for the bits-per-weight table when no size is known, e.g. "Q4_K_M", "IQ2_XXS", "BF16", "FP8".'),
  size: sizeBytes.optional().describe('Total size of the published file(s), e.g. "22.2 GB" as Hugging Face lists it.'),
  repo: httpUrl.optional().describe('Where the file is (or was) published.'),
  published: isoDate.optional().describe('Date the file was published, YYYY-MM-DD.'),
  published_precision: datePrecision,
  removed: isoDate.optional().describe('Date the file was pulled by its makers, if it was. A pulled quant counts as broken from that day.'),
  quality: z
    .strictObject({
      tier: z.enum(QUALITY_TIERS).describe('good, fair, degraded or broken.'),
      source: httpUrl.describe('A measurement (KLD, perplexity, evals) or maintainer statement behind the override.'),
    })
    .optional()
    .describe('Overrides the tier derived from bits per weight, with a source.'),
  engines: z
    .array(slug)
    .min(1)
    .optional()
    .describe('Only these engine ids load the file, e.g. ["ik-llama-cpp"] for IQK quant types. Omit when every engine of its format does.'),
  tensor_sizes: z
    .strictObject({
      experts: sizeBytes.describe('Bytes of the routed-expert tensors (ffn_*_exps), e.g. "60.8 GB".'),
      other: sizeBytes.describe('Bytes of every other tensor (attention, shared experts, dense blocks, embeddings, output), e.g. "2.6 GB".'),
    })
    .optional()
    .describe('The file\'s bytes by tensor class, summed from its GGUF tensor table (npm run new:model -- --gguf fills it). MoE files only.'),
  note: z.string().optional().describe('One sentence a reader should know about this file.'),
}).refine((q) => q.size !== undefined || q.type !== undefined, {
  error: 'a quant needs its `size` (e.g. "22.2 GB") or at least its `type` (e.g. "Q4_K_M") so its weight can be computed',
  path: ['size'],
});

export const supportEvent = z.strictObject({
  status: z.enum(SUPPORT_STATUSES).describe('merged (in a release or main), pr-open, fork-only, or none.'),
  date: isoDate.describe('Day this status began, YYYY-MM-DD.'),
  date_precision: datePrecision,
  link: httpUrl.optional().describe('The PR, issue, commit or docs page that shows it.'),
  note: z.string().optional(),
});

export const modelSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1).describe('Display name, e.g. "Qwen3.5 35B-A3B".'),
  vendor: z.string().min(1).describe('Who released the weights, e.g. "Alibaba Qwen".'),
  released: isoDate.describe('Release date of the weights, YYYY-MM-DD.'),
  released_precision: datePrecision,
  licence: z.string().min(1).describe('Licence of the weights, e.g. "Apache-2.0", "MIT", "Llama 3.1 Community License".'),
  architecture: z.string().min(1).describe('Architecture id as engines match it: Hugging Face `model_type` (e.g. "qwen3_5_moe").'),
  hf_architecture: z.string().optional().describe('Hugging Face `architectures[0]`, e.g. "Qwen3_5MoeForConditionalGeneration".'),
  summary: z.string().optional().describe('One or two sentences on what the model is for.'),
  parameters: z.strictObject({
    total_billions: positiveNumber.describe('All parameters, in billions (10^9), e.g. 35.'),
    active_billions: positiveNumber.optional().describe('Parameters used per token, in billions, e.g. 3. Omit for dense models (= total).'),
  }),
  attention,
  moe: z
    .strictObject({
      experts: positiveInt.describe('Routed experts per MoE layer (n_routed_experts / num_experts), e.g. 256.'),
      shared_experts: z.number().int().nonnegative().optional().describe('Always-on shared experts per layer.'),
      experts_per_token: positiveInt.describe('Routed experts each token uses (num_experts_per_tok), e.g. 8.'),
      dense_leading_layers: z
        .number()
        .int()
        .nonnegative()
        .optional()
        .describe('Leading blocks with a dense FFN and no experts (first_k_dense_replace in config.json), e.g. 3 for DeepSeek V3.'),
    })
    .optional()
    .describe('Mixture-of-experts shape. Omit for dense models.'),
  tied_embeddings: z
    .boolean()
    .optional()
    .describe('True when the output layer reuses the token embedding (tie_word_embeddings in config.json); omit when unknown (counted as untied).'),
  vocab_size: positiveInt.optional().describe('Vocabulary size (vocab_size in config.json), e.g. 151936; sizes the logits buffer.'),
  max_context_tokens: positiveInt.describe('Longest context the model supports natively, in tokens, e.g. 131072 for 128K.'),
  native: z.strictObject({
    dtype: z.string().min(1).describe('Precision of the released weights, e.g. "bf16", "fp8", "fp4+fp8".'),
    size: sizeBytes.optional().describe('Size of the released weights, e.g. "805 GB".'),
  }),
  quants: z.array(quant).describe('Published quantized files, newest knowledge first or in any order.'),
  support: z
    .record(slug, z.array(supportEvent).min(1))
    .describe('Per engine id (data/engines/<id>.yaml), the dated history of support for this architecture.'),
  hosted: z
    .array(z.strictObject({ provider: z.string().min(1), link: httpUrl }))
    .optional()
    .describe('Hosted APIs where the model can be used instead.'),
  notes: z.string().optional().describe('Where sources disagree: which value was chosen and why.'),
  sources,
});

export type ModelInput = z.input<typeof modelSchema>;
export type ModelData = z.output<typeof modelSchema>;
export type QuantData = z.output<typeof quant>;
export type SupportEvent = z.output<typeof supportEvent>;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];
export type QualityTier = (typeof QUALITY_TIERS)[number];
