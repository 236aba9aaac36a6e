// A file's bytes by tensor class: routed experts, the output (lm_head) tensor, the rest.
// Placement moves experts to RAM (--n-cpu-moe) and decode reads only k/E of them, so the
// split matters. Exact when the data gives it (tensor_sizes, summed from the GGUF tensor
// table); otherwise a documented estimate that knows the two common layouts:
// - files whose type is a 4-bit format models ship experts in (MXFP4, NVFP4, FP4, INT4,
//   AWQ, GPTQ: gpt-oss, INT4-expert checkpoints) keep every non-expert tensor at 16 bits
//   (the gpt-oss model card: "MXFP4 for the MoE weights", the rest BF16);
// - a model released with 4-bit experts (gpt-oss: "mxfp4+bf16") keeps them so in every GGUF
//   at or above that width: convert_hf_to_gguf.py writes MXFP4 experts as they are, so its
//   "F16" and "Q8_0" files differ only in the other tensors;
// - any other file spreads its bits evenly over parameters.
// The output tensor: llama.cpp's quantizer keeps output.weight at Q6_K or better for K- and
// IQ-quant files (src/llama-quant.cpp, llama_tensor_get_type), so it is vocab x hidden at
// max(6.5625, the file's bits) bits, up to 16.
import type { ModelData } from '../schema/index.ts';
import type { ModelProfile } from './model-profile.ts';

const EXPERT_NATIVE_TYPES = new Set(['MXFP4', 'NVFP4', 'FP4', 'INT4', 'AWQ', 'GPTQ']);
const Q6_K_BITS = 6.5625;

export interface TensorFile {
  weightsBytes: number;
  bitsPerWeight: number;
  type: string | null;
  /** From the data's tensor_sizes.experts, when known. */
  expertBytesGiven: number | null;
}

/** Bits per weight of experts released at 4 bits, when the native dtype says so ("mxfp4+bf16"). */
const nativeBits = new Map<string, number | null>();
function nativeExpertBits(nativeDtype: string): number | null {
  let bits = nativeBits.get(nativeDtype);
  if (bits === undefined) nativeBits.set(nativeDtype, (bits = nativeDtype.toUpperCase().split(/[+/]/).some((p) => EXPERT_NATIVE_TYPES.has(p)) ? 4.25 : null));
  return bits;
}

export function expertBytesOf(file: TensorFile & { nativeDtype: string }, profile: ModelProfile): number {
  if (profile.expertParams <= 0) return 0;
  if (file.expertBytesGiven !== null) return Math.min(file.weightsBytes, file.expertBytesGiven);
  const share = (file.weightsBytes * profile.expertParams) / profile.totalParams;
  const kept = nativeExpertBits(file.nativeDtype);
  if (kept !== null && file.bitsPerWeight >= kept) return Math.min(file.weightsBytes, (profile.expertParams * kept) / 8);
  if (file.type === null || !EXPERT_NATIVE_TYPES.has(file.type.toUpperCase())) return share;
  const rest = (profile.totalParams - profile.expertParams) * 2;
  return file.weightsBytes > rest ? file.weightsBytes - rest : share;
}

const nativeFormat = (file: TensorFile) => file.type !== null && EXPERT_NATIVE_TYPES.has(file.type.toUpperCase());

export function outputBytesOf(file: TensorFile, model: ModelData): number {
  const vocab = model.vocab_size;
  const hidden = model.attention.hidden_size;
  if (!vocab || !hidden) return 0;
  const bits = nativeFormat(file) ? 16 : Math.min(16, Math.max(Q6_K_BITS, file.bitsPerWeight));
  return Math.min(file.weightsBytes / 4, (vocab * hidden * bits) / 8);
}

/**
 * The token embedding, when it is a tensor of its own (untied): llama.cpp keeps it in system
 * RAM and reads one row per token (src/llama-model.cpp: tok_embd on the input layer's CPU
 * buffer type), so it costs RAM, not VRAM, and is not read whole by decode. A tied
 * embedding is the output tensor, on the GPU and read whole: then 0 here.
 */
export function embeddingBytesOf(file: TensorFile, model: ModelData): number {
  const vocab = model.vocab_size;
  const hidden = model.attention.hidden_size;
  if (!vocab || !hidden || model.tied_embeddings === true) return 0;
  const bits = nativeFormat(file) ? 16 : Math.min(16, file.bitsPerWeight);
  return Math.min(file.weightsBytes / 4, (vocab * hidden * bits) / 8);
}

export interface TensorSplit { expertBytes: number; outputBytes: number; embeddingBytes: number }
const splits = new WeakMap<object, TensorSplit>();

/** All three, memoised per file object: they depend on the file and the model, never the rig. */
export function tensorSplitOf(file: TensorFile & { nativeDtype: string }, profile: ModelProfile, model: ModelData): TensorSplit {
  let split = splits.get(file);
  if (!split) splits.set(file, (split = { expertBytes: expertBytesOf(file, profile), outputBytes: outputBytesOf(file, model), embeddingBytes: embeddingBytesOf(file, model) }));
  return split;
}
