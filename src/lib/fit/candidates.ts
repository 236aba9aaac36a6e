// The files a model can be run from on a given day: its released weights, and every
// published quant that was out by then (pulled ones stay in the list, as broken).
import type { ModelData, QualityTier } from '../schema/index.ts';
import { bitsPerWeightOf } from './bits-per-weight.ts';
import type { ModelProfile } from './model-profile.ts';
import { tierFromBits } from './quality.ts';

export interface Candidate {
  name: string;
  format: string;
  native: boolean;
  /** A GGUF the reader makes from the released weights (convert_hf_to_gguf.py, llama-quantize); none is published. */
  converted: boolean;
  /** The released weights' dtype, e.g. "bf16": what a conversion starts from. */
  nativeDtype: string;
  /** The quant type a converted file is quantized to, e.g. "Q4_K_M". */
  type: string | null;
  /** Routed-expert bytes from the data's tensor_sizes, when given. */
  expertBytesGiven: number | null;
  weightsBytes: number;
  bitsPerWeight: number;
  quality: QualityTier;
  qualityReason: 'bits-per-weight' | 'override' | 'removed';
  repo: string | null;
  /** Engines that load the file, when not all of its format's engines do. */
  engines: string[] | null;
  published: string | null;
  removed: string | null;
}

const memo = new WeakMap<ModelData, Map<string, Candidate[]>>();

/** Memoised per model object and day: the calculator re-runs the catalogue on every keystroke. */
export function candidates(model: ModelData, profile: ModelProfile, asOf: string): Candidate[] {
  let byDay = memo.get(model);
  if (!byDay) memo.set(model, (byDay = new Map()));
  let list = byDay.get(asOf);
  if (!list) byDay.set(asOf, (list = listCandidates(model, profile, asOf)));
  return list;
}

function listCandidates(model: ModelData, profile: ModelProfile, asOf: string): Candidate[] {
  const list: Candidate[] = [];
  const nativeBits = model.native.size !== undefined ? (model.native.size * 8) / profile.totalParams : bitsPerWeightOf(model.native.dtype);
  if (nativeBits !== undefined && model.released <= asOf) {
    list.push({
      name: `${model.native.dtype.toUpperCase()} (original)`,
      format: 'safetensors',
      native: true,
      converted: false,
      nativeDtype: model.native.dtype,
      type: null,
      expertBytesGiven: null,
      weightsBytes: model.native.size ?? Math.round((profile.totalParams * nativeBits) / 8),
      bitsPerWeight: nativeBits,
      quality: 'good',
      qualityReason: 'bits-per-weight',
      repo: null,
      engines: null,
      published: model.released,
      removed: null,
    });
  }
  for (const quant of model.quants) {
    if (quant.published !== undefined && quant.published > asOf) continue;
    const typeBits = quant.type !== undefined ? bitsPerWeightOf(quant.type) : undefined;
    const bits = quant.size !== undefined ? (quant.size * 8) / profile.totalParams : typeBits;
    if (bits === undefined) continue;
    // Quality is bounded by the worse of what the type promises and what the bytes show:
    // file size over parameters flatters small models (embeddings stay at high precision),
    // and a type name alone hides how much of a mix was kept small.
    const qualityBits = typeBits === undefined ? bits : Math.min(bits, typeBits);
    const removed = quant.removed !== undefined && quant.removed <= asOf;
    list.push({
      name: quant.name,
      format: quant.format,
      native: false,
      converted: false,
      nativeDtype: model.native.dtype,
      type: quant.type ?? null,
      expertBytesGiven: quant.tensor_sizes?.experts ?? null,
      weightsBytes: quant.size ?? Math.round((profile.totalParams * bits) / 8),
      bitsPerWeight: bits,
      quality: removed ? 'broken' : (quant.quality?.tier ?? tierFromBits(qualityBits)),
      qualityReason: removed ? 'removed' : quant.quality ? 'override' : 'bits-per-weight',
      repo: quant.repo ?? null,
      engines: quant.engines ?? null,
      published: quant.published ?? null,
      removed: removed ? quant.removed! : null,
    });
  }
  // Any GGUF still up that every llama.cpp loads makes converting pointless.
  if (model.released <= asOf && !list.some((c) => c.format === 'gguf' && c.removed === null && c.engines === null)) list.push(...convertedCandidates(model, profile));
  return list;
}

/**
 * With no GGUF published, a llama.cpp user converts the released weights
 * (convert_hf_to_gguf.py, then llama-quantize): the two types people make first, sized from
 * the ggml block table. Only llama.cpp-like engines with merged support load them.
 */
export const CONVERTED_TYPES = ['Q8_0', 'Q4_K_M'] as const;

function convertedCandidates(model: ModelData, profile: ModelProfile): Candidate[] {
  return CONVERTED_TYPES.map((type) => {
    const bits = bitsPerWeightOf(type)!;
    return {
      name: `${type} (converted)`,
      format: 'gguf',
      native: false,
      converted: true,
      nativeDtype: model.native.dtype,
      type,
      expertBytesGiven: null,
      weightsBytes: Math.round((profile.totalParams * bits) / 8),
      bitsPerWeight: bits,
      quality: tierFromBits(bits),
      qualityReason: 'bits-per-weight' as const,
      repo: null,
      engines: null,
      published: null,
      removed: null,
    };
  });
}
