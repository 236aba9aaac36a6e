// Defaults resolved once, at the edge: nothing deeper checks for undefined.
import type { ModelData } from '../schema/index.ts';
import type { FitOptions, ResolvedOptions } from './types.ts';

export const DEFAULT_CONTEXT_TOKENS = 32768;

export function resolveOptions(options: FitOptions, model: ModelData): ResolvedOptions {
  const requested = options.contextTokens ?? DEFAULT_CONTEXT_TOKENS;
  if (!Number.isInteger(requested) || requested < 1) throw new RangeError(`context must be a whole number of tokens of at least 1, not ${requested}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) throw new RangeError(`as-of must be a date written like 2026-05-07, not ${options.asOf}`);
  return {
    contextTokens: Math.min(requested, model.max_context_tokens),
    kvPrecision: options.kvPrecision ?? 'f16',
    asOf: options.asOf,
  };
}
