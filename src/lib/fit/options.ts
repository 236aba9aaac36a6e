// Defaults resolved once, at the edge: nothing deeper checks for undefined.
import type { ModelData } from '../schema/index.ts';
import type { FitOptions, ResolvedOptions } from './types.ts';

export const DEFAULT_CONTEXT_TOKENS = 32768;

export function resolveOptions(options: FitOptions, model: ModelData): ResolvedOptions {
  const requested = options.contextTokens ?? DEFAULT_CONTEXT_TOKENS;
  if (!Number.isInteger(requested) || requested < 1) throw new RangeError(`context must be a whole number of tokens of at least 1, not ${requested}`);
  if (!isCalendarDay(options.asOf)) throw new RangeError(`as-of must be a real calendar day written like 2026-05-07, not ${options.asOf}`);
  return {
    contextTokens: Math.min(requested, model.max_context_tokens),
    kvPrecision: options.kvPrecision ?? 'f16',
    asOf: options.asOf,
    ...(options.cpuMoeLayers !== undefined ? { cpuMoeLayers: options.cpuMoeLayers } : {}),
  };
}

/** "YYYY-MM-DD" naming a day that exists (2026-02-30 does not). */
const days = new Map<string, boolean>();
export function isCalendarDay(text: string): boolean {
  let known = days.get(text);
  if (known === undefined) {
    const day = new Date(`${text}T00:00:00Z`);
    known = /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
    if (days.size < 10_000) days.set(text, known);
  }
  return known;
}

/**
 * The depth whose decode speed a verdict judges: half the planned context, the average
 * depth of a conversation that fills it (decode slows as the cache it reads grows).
 */
export const judgedDepthTokens = (contextTokens: number) => Math.floor(contextTokens / 2);
