// Which engine can load which file: one rule, used by the engine's pick, the CLI, the
// build and the calculator alike (the calculator runs this same code on the same data).
// A file loads in an engine when the engine reads its format and the file is not
// restricted to other engines (IQK types load only in ik_llama.cpp; fork-only GGUFs only in
// their fork). The released safetensors weights are not a llama.cpp file: a llama.cpp-like
// engine gets them only through convert_hf_to_gguf.py, which is lossless for 16-bit
// weights; an 8- or 4-bit original converts up to BF16, a different file (see converted.ts).
import type { EngineData } from '../schema/index.ts';
import type { Candidate } from './candidates.ts';

const LOSSLESS_CONVERSION_DTYPES = new Set(['bf16', 'f16', 'fp16']);

/** Static part: format, restriction and conversion; whether support is merged is asked separately. */
export function engineReadsFile(engineId: string, engine: EngineData | undefined, file: Pick<Candidate, 'format' | 'engines' | 'native' | 'converted' | 'nativeDtype'>): boolean {
  if (!engine) return false;
  if (file.engines !== null && !file.engines.includes(engineId)) return false;
  if (engine.launch === 'llama.cpp') {
    if (file.native) return LOSSLESS_CONVERSION_DTYPES.has(file.nativeDtype.toLowerCase());
    if (file.converted) return true;
  } else if (file.converted) return false;
  return engine.formats.includes(file.format as EngineData['formats'][number]);
}

/** The engines among `supported` (merged support as of the day, rig order) that load the file. */
export function loadableBy(file: Pick<Candidate, 'format' | 'engines' | 'native' | 'converted' | 'nativeDtype'>, supported: string[], engines: Record<string, EngineData>): string[] {
  return supported.filter((id) => engineReadsFile(id, engines[id], file));
}
