// Bytes per block of each ggml tensor type, for exact tensor sizes read from a GGUF header.
// [elements per block, bytes per block], from ggml's type_traits (ggml/src/ggml.c; the same
// table as gguf-py's GGML_QUANT_SIZES and @huggingface/gguf's, which that package does not export).
// Keyed by the tensor type id stored in the file (GGMLQuantizationType).

const QK_K = 256; /* super-block of the K-quants and IQ types */

export const GGML_BLOCKS: Record<number, readonly [elements: number, bytes: number]> = {
  0: [1, 4], // F32
  1: [1, 2], // F16
  2: [32, 2 + 16], // Q4_0
  3: [32, 2 + 2 + 16], // Q4_1
  6: [32, 2 + 4 + 16], // Q5_0
  7: [32, 2 + 2 + 4 + 16], // Q5_1
  8: [32, 2 + 32], // Q8_0
  9: [32, 2 + 2 + 32], // Q8_1
  10: [QK_K, 2 + 2 + QK_K / 16 + QK_K / 4], // Q2_K
  11: [QK_K, 2 + QK_K / 4 + QK_K / 8 + 12], // Q3_K
  12: [QK_K, 2 + 2 + QK_K / 2 + 12], // Q4_K
  13: [QK_K, 2 + 2 + QK_K / 2 + QK_K / 8 + 12], // Q5_K
  14: [QK_K, 2 + QK_K / 2 + QK_K / 4 + QK_K / 16], // Q6_K
  15: [QK_K, 4 + QK_K + QK_K / 8], // Q8_K
  16: [QK_K, 2 + QK_K / 4], // IQ2_XXS
  17: [QK_K, 2 + QK_K / 4 + QK_K / 32], // IQ2_XS
  18: [QK_K, 2 + QK_K / 4 + QK_K / 8], // IQ3_XXS
  19: [QK_K, 2 + QK_K / 8 + QK_K / 16], // IQ1_S
  20: [32, 2 + 16], // IQ4_NL
  21: [QK_K, 2 + QK_K / 4 + QK_K / 8 + QK_K / 32 + 4], // IQ3_S
  22: [QK_K, 2 + QK_K / 4 + QK_K / 16], // IQ2_S
  23: [QK_K, 2 + 2 + QK_K / 2 + QK_K / 64], // IQ4_XS
  24: [1, 1], // I8
  25: [1, 2], // I16
  26: [1, 4], // I32
  27: [1, 8], // I64
  28: [1, 8], // F64
  29: [QK_K, QK_K / 8 + QK_K / 16 + QK_K / 32], // IQ1_M
  30: [1, 2], // BF16
  34: [QK_K, 2 + 4 * 13], // TQ1_0
  35: [QK_K, 2 + 64], // TQ2_0
  39: [32, 1 + 16], // MXFP4
  40: [64, 4 + 32], // NVFP4
};

/** Exact bytes of one tensor, or undefined for a type this table does not know. */
export function tensorBytes(type: number, shape: readonly bigint[]): bigint | undefined {
  const block = GGML_BLOCKS[type];
  if (!block) return undefined;
  const elements = shape.reduce((n, d) => n * d, 1n);
  return (elements / BigInt(block[0])) * BigInt(block[1]);
}
