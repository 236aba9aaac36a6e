// Bits per weight by quant type, for files whose size the data does not give.
// Single ggml types: block bytes x 8 / block elements (ggml type_traits, as tabulated in
// gpustack/gguf-parser-go ggml.go; NVFP4 from ggml-org/llama.cpp ggml/src/ggml.c).
// Mixed "_S/_M/_L" K-quant files: effective bits measured on real Llama files
// (NyxKrage LLM-Model-VRAM-Calculator table). Safetensors dtypes: their element width.

export const BITS_PER_WEIGHT: Record<string, number> = {
  F32: 32, F16: 16, BF16: 16, FP16: 16,
  FP8: 8, INT8: 8, Q8_0: 8.5, Q8_K_XL: 8.5,
  Q6_K: 6.59, Q5_K_M: 5.69, Q5_K_S: 5.54, Q5_0: 5.5, Q5_1: 6,
  Q4_K_M: 4.85, Q4_K_S: 4.58, Q4_K_XL: 4.85, Q4_0: 4.55, Q4_1: 5, IQ4_XS: 4.25, IQ4_NL: 4.5,
  MXFP4: 4.25, NVFP4: 4.5, FP4: 4.25, INT4: 4.25, AWQ: 4.25, GPTQ: 4.25,
  Q3_K_L: 4.27, Q3_K_M: 3.91, Q3_K_S: 3.5, IQ3_S: 3.4375, IQ3_XXS: 3.0625, IQ3_M: 3.66,
  Q2_K: 3.35, Q2_K_XL: 3.35, IQ2_M: 2.7, IQ2_S: 2.5625, IQ2_XS: 2.3125, IQ2_XXS: 2.0625,
  IQ1_M: 1.75, IQ1_S: 1.5625, TQ2_0: 2.0625, TQ1_0: 1.6875,
};

/** The most extreme quantization in practical use (IQ1_S is 1.5625): the size wall's yardstick. */
export const MINIMUM_BITS_PER_WEIGHT = 1.5;

/** Bits per weight of a named type or precision ("Q4_K_M", "bf16", "fp4+fp8"). */
export function bitsPerWeightOf(type: string): number | undefined {
  const key = type.trim().toUpperCase().replace(/^UD-/, '');
  if (key in BITS_PER_WEIGHT) return BITS_PER_WEIGHT[key];
  // "fp4+fp8" and other mixes: the widest part bounds the size from above.
  const parts = key.split(/[+/]/).map((p) => BITS_PER_WEIGHT[p]).filter((b): b is number => b !== undefined);
  return parts.length > 0 ? Math.max(...parts) : undefined;
}
