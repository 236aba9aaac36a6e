// Combining the walls into one verdict and choosing the file it is about.
import type { EngineData } from '../schema/index.ts';
import { tierRank } from './quality.ts';
import { INTERACTIVE_TOKENS_PER_SECOND, type ReasonCode } from './reasons.ts';
import type { QuantResult, Verdict, Wall } from './types.ts';
import { fitsMemory, isViable } from './walls.ts';

const PLACEMENT_RANK = { vram: 0, 'vram+ram': 1, disk: 2, none: 3 } as const;

interface EngineRef { id: string; data: EngineData | undefined }

/** Can this engine load the file? Released weights convert losslessly to GGUF for llama.cpp. */
export function loads(engine: EngineRef, quant: QuantResult): boolean {
  if (!engine.data) return false;
  if (quant.engines !== null && !quant.engines.includes(engine.id)) return false;
  if (engine.data.formats.includes(quant.format as EngineData['formats'][number])) return true;
  return quant.native && engine.data.launch === 'llama.cpp';
}

/** Past Q8_0 more bits buy no measurable quality (llama.cpp perplexity tables), only bytes. */
const LOSSLESS_BITS = 8.5;

/**
 * The file a reader should run: at or above the quality floor and fitting in memory;
 * interactive speed first, then the fastest tier, then the best quality tier, then the
 * most bits up to Q8_0 (beyond it, the smaller file), so a big card runs an 8B at Q8_0
 * and a model that barely fits runs at the best quant that does.
 */
export function choosePick(quants: QuantResult[], engine: EngineRef | undefined): QuantResult | null {
  const options = quants.filter((q) => fitsMemory(q) && isViable(q) && (engine === undefined || loads(engine, q)));
  const slow = (q: QuantResult) => Number((q.decodeTokensPerSecond ?? 0) < INTERACTIVE_TOKENS_PER_SECOND);
  const usefulBits = (q: QuantResult) => Math.min(q.bitsPerWeight, LOSSLESS_BITS);
  options.sort(
    (a, b) =>
      slow(a) - slow(b) ||
      // when nothing is interactive, the fastest file is the one to try
      (slow(a) && slow(b) ? (b.decodeTokensPerSecond ?? 0) - (a.decodeTokensPerSecond ?? 0) : 0) ||
      PLACEMENT_RANK[a.placement] - PLACEMENT_RANK[b.placement] ||
      tierRank(a.quality) - tierRank(b.quality) ||
      usefulBits(b) - usefulBits(a) ||
      a.weightsBytes - b.weightsBytes ||
      a.name.localeCompare(b.name),
  );
  return options[0] ?? null;
}

export function decideVerdict(size: Wall, quantization: Wall, stack: Wall, pick: QuantResult | null): { verdict: Verdict; reason: ReasonCode } {
  if (size.blocked) return { verdict: 'cloud-only', reason: 'cloud-only' };
  if (quantization.blocked && stack.blocked) return { verdict: 'not-ready', reason: 'not-ready-both' };
  if (quantization.blocked) return { verdict: 'not-ready', reason: 'not-ready-quantization' };
  if (stack.blocked) return { verdict: 'not-ready', reason: 'not-ready-stack' };
  if (!pick) return { verdict: 'not-ready', reason: 'not-ready-quantization' };
  const speed = pick.decodeTokensPerSecond;
  if (speed === null) return { verdict: 'runs-slowly', reason: 'speed-unknown' };
  if (speed < INTERACTIVE_TOKENS_PER_SECOND) return { verdict: 'runs-slowly', reason: 'too-slow' };
  return { verdict: 'runs', reason: pick.placement === 'vram' ? 'runs-in-vram' : 'runs-with-offload' };
}
