// What a quant type or dtype promises in bits per weight, as a range: a single type is one
// number from the bits-per-weight table; a mix written "fp4+fp8" or "mxfp4+bf16" lies between
// its narrowest and widest part (the engine's bitsPerWeightOf takes the widest, to size from above).
import { BITS_PER_WEIGHT, bitsPerWeightOf } from '../fit/bits-per-weight.ts';

export interface TypeBits {
  /** The narrowest part (the type's bits for a single type). */
  low: number;
  /** The widest part: what the engine uses when no size is given. */
  high: number;
  mixed: boolean;
}

/** The same spelling rules as bitsPerWeightOf: case-insensitive, an "UD-" prefix ignored. */
export function typeBits(type: string): TypeBits | undefined {
  if (bitsPerWeightOf(type) === undefined) return undefined;
  const key = type.trim().toUpperCase().replace(/^UD-/, '');
  const single = BITS_PER_WEIGHT[key];
  if (single !== undefined) return { low: single, high: single, mixed: false };
  const parts = key.split(/[+/]/).map((p) => BITS_PER_WEIGHT[p]).filter((b): b is number => b !== undefined);
  return { low: Math.min(...parts), high: Math.max(...parts), mixed: true };
}

/** Every type the table knows, for "did you mean" and for listing them. */
export const KNOWN_TYPES = Object.keys(BITS_PER_WEIGHT);
