// Engine support as of a day: the newest event on or before it.
import type { ModelData, SupportStatus } from '../schema/index.ts';
import type { StackState } from './types.ts';

const STATUS_ORDER: SupportStatus[] = ['merged', 'pr-open', 'fork-only', 'none'];

export function supportAsOf(model: ModelData, engine: string, asOf: string): StackState {
  const events = model.support[engine] ?? [];
  let current: StackState = { engine, status: 'none', since: null, link: null };
  for (const event of events) {
    if (event.date <= asOf) current = { engine, status: event.status, since: event.date, link: event.link ?? null };
  }
  return current;
}

/** The rig's engines in order; the first that has merged support, else the one closest to it. */
export function bestSupport(model: ModelData, engines: string[], asOf: string): StackState {
  return closestToSupport(engines.map((e) => supportAsOf(model, e, asOf)));
}

/** Of states already read, the first merged one, else the one closest to merged. */
export function closestToSupport(states: StackState[]): StackState {
  const merged = states.find((s) => s.status === 'merged');
  if (merged) return merged;
  const ranked = [...states].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || Number(b.since !== null) - Number(a.since !== null));
  return ranked[0] ?? { engine: null, status: 'none', since: null, link: null };
}
