// The three walls, each judged on its own (a model can hit two).
import { MINIMUM_BITS_PER_WEIGHT } from './bits-per-weight.ts';
import { meetsFloor } from './quality.ts';
import type { ReasonCode } from './reasons.ts';
import type { QuantResult, StackState, Wall } from './types.ts';

/** Size: would the most extreme quantization (about 1.5 bits per weight) fit in VRAM + RAM? */
export function sizeWall(totalParams: number, kvBytes: number, memoryBytes: number): Wall & { minimumBytes: number } {
  const minimumBytes = Math.ceil((totalParams * MINIMUM_BITS_PER_WEIGHT) / 8) + kvBytes;
  const blocked = minimumBytes > memoryBytes;
  return { blocked, reason: blocked ? 'too-big-for-memory' : 'fits-memory', minimumBytes };
}

export const fitsMemory = (q: QuantResult) => q.placement === 'vram' || q.placement === 'vram+ram';
export const isViable = (q: QuantResult) => meetsFloor(q.quality);

/** Quantization: is there a published file that fits in memory and is good enough? */
export function quantizationWall(quants: QuantResult[]): Wall {
  const fitting = quants.filter(fitsMemory);
  let reason: ReasonCode;
  if (fitting.some(isViable)) reason = 'viable-quant-fits';
  else if (fitting.length > 0) reason = 'fitting-quants-below-floor';
  else if (quants.some(isViable)) reason = 'viable-quants-need-disk';
  else reason = 'no-quants-published';
  return { blocked: reason !== 'viable-quant-fits', reason };
}

const STACK_REASONS: Record<StackState['status'], ReasonCode> = {
  merged: 'supported',
  'pr-open': 'support-pr-open',
  'fork-only': 'support-fork-only',
  none: 'support-none',
};

/** Stack: does one of the rig's engines support the architecture as of the day? */
export function stackWall(stack: StackState): Wall & { link: string | null } {
  const reason = stack.since === null && stack.status === 'none' ? 'support-unknown' : STACK_REASONS[stack.status];
  return { blocked: stack.status !== 'merged', reason, link: stack.link };
}
