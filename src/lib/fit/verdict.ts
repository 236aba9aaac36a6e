// Combining the walls into one verdict for the file the pick rule (pick.ts) chose.
import { INTERACTIVE_TOKENS_PER_SECOND, type ReasonCode } from './reasons.ts';
import type { QuantResult, Verdict, Wall } from './types.ts';

/** The speed is judged at the judged depth (half the planned context), the context the verdict states. */
export function decideVerdict(size: Wall, quantization: Wall, stack: Wall, pick: QuantResult | null): { verdict: Verdict; reason: ReasonCode } {
  if (size.blocked) return { verdict: 'cloud-only', reason: 'cloud-only' };
  if (quantization.blocked && stack.blocked) return { verdict: 'not-ready', reason: 'not-ready-both' };
  if (quantization.blocked) return { verdict: 'not-ready', reason: 'not-ready-quantization' };
  if (stack.blocked) return { verdict: 'not-ready', reason: 'not-ready-stack' };
  if (!pick) return { verdict: 'not-ready', reason: 'not-ready-quantization' };
  const speed = pick.decodeTokensPerSecondAtJudgedDepth;
  if (speed === null) return { verdict: 'runs-slowly', reason: 'speed-unknown' };
  if (speed < INTERACTIVE_TOKENS_PER_SECOND) return { verdict: 'runs-slowly', reason: 'too-slow' };
  return { verdict: 'runs', reason: pick.placement === 'vram' ? 'runs-in-vram' : 'runs-with-offload' };
}
