// The file a reader should run, one rule in one place. Its words (PICK_RULE) are what the
// methodology page, the README and the reports print, so the text cannot drift from the code.
import { tierRank } from './quality.ts';
import { INTERACTIVE_TOKENS_PER_SECOND } from './reasons.ts';
import type { QuantResult } from './types.ts';
import { fitsMemory, isViable } from './walls.ts';

/** Past 8 bits per weight (Q8_0 and up) more bits buy no measurable quality (llama.cpp perplexity/KLD tables), only bytes. */
const LOSSLESS_BITS = 8;
/** A file this many times faster, of the same or better quality, always wins. */
export const SPEED_GUARD = 2;

export const PICK_RULE =
  'Among the files that fit in memory, meet the quality floor and load in the engine: the best quality tier that decodes at an interactive speed ' +
  '(10 tok/s or more at the judged depth); within that tier, in VRAM the most bits up to Q8_0 (past Q8_0 the smaller file), and offloaded the fastest. ' +
  'A file is never picked when another of the same or better tier decodes more than twice as fast. When nothing is interactive, the fastest file.';

const speedOf = (q: QuantResult) => q.decodeTokensPerSecondAtJudgedDepth ?? 0;
const usefulBits = (q: QuantResult) => Math.min(q.bitsPerWeight, LOSSLESS_BITS);

function byRule(a: QuantResult, b: QuantResult): number {
  const inVram = (q: QuantResult) => Number(q.placement !== 'vram');
  return (
    tierRank(a.quality) - tierRank(b.quality) ||
    inVram(a) - inVram(b) ||
    (a.placement === 'vram' && b.placement === 'vram' ? usefulBits(b) - usefulBits(a) || a.weightsBytes - b.weightsBytes : speedOf(b) - speedOf(a)) ||
    a.name.localeCompare(b.name)
  );
}

/** The pick among the files `loads` accepts, or null when none fits at or above the floor. */
export function choosePick(quants: QuantResult[], loads: (q: QuantResult) => boolean): QuantResult | null {
  const options = quants.filter((q) => fitsMemory(q) && isViable(q) && loads(q));
  if (options.length === 0) return null;
  // The guard: drop any file another of the same or better tier outruns by more than 2x.
  // The fastest file of the best tier always survives, so the list never empties.
  const fastestUpTo = [0, 0, 0, 0];
  for (const q of options) fastestUpTo[tierRank(q.quality)] = Math.max(fastestUpTo[tierRank(q.quality)]!, speedOf(q));
  for (let t = 1; t < fastestUpTo.length; t++) fastestUpTo[t] = Math.max(fastestUpTo[t]!, fastestUpTo[t - 1]!);
  const guarded = options.filter((q) => fastestUpTo[tierRank(q.quality)]! <= SPEED_GUARD * speedOf(q));
  const interactive = guarded.filter((q) => speedOf(q) >= INTERACTIVE_TOKENS_PER_SECOND);
  if (interactive.length > 0) return [...interactive].sort(byRule)[0]!;
  return [...guarded].sort((a, b) => speedOf(b) - speedOf(a) || tierRank(a.quality) - tierRank(b.quality) || a.name.localeCompare(b.name))[0] ?? null;
}
