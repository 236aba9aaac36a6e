// How a verdict changed over time: the engine re-run on every day the data records a
// change for the model (release, quant published or pulled, support event).
import { evaluateFit } from './fit.ts';
import type { FitContext, FitModel, FitOptions, FitRig, Verdict } from './types.ts';
import type { ReasonCode } from './reasons.ts';

export interface VerdictChange {
  date: string;
  verdict: Verdict;
  reason: ReasonCode;
  pick: string | null;
  /** The walls standing that day, e.g. ["quantization", "stack"]. */
  blockedWalls: ('size' | 'quantization' | 'stack')[];
  /** What happened that day, from the data. */
  events: string[];
}

/** Days on which something about the model changed, oldest first, with what changed. */
export function changeDays(model: FitModel, engines: string[]): Map<string, string[]> {
  const days = new Map<string, string[]>();
  const add = (date: string, event: string) => days.set(date, [...(days.get(date) ?? []), event]);
  const data = model.data;
  add(data.released, `${data.name} released`);
  for (const q of data.quants) {
    if (q.published) add(q.published, `${q.name} published`);
    if (q.removed) add(q.removed, `${q.name} pulled`);
  }
  for (const engine of engines)
    for (const e of data.support[engine] ?? []) add(e.date, `${engine}: ${e.status}`);
  return new Map([...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Verdict on each change day up to `asOf`, keeping only days where the verdict, the pick or the walls standing moved. */
export function verdictHistory(model: FitModel, rig: FitRig, context: FitContext, options: FitOptions): VerdictChange[] {
  const history: VerdictChange[] = [];
  for (const [date, events] of changeDays(model, rig.data.engines)) {
    if (date > options.asOf) break;
    const r = evaluateFit(model, rig, context, { ...options, asOf: date });
    const blockedWalls = (['size', 'quantization', 'stack'] as const).filter((w) => r.walls[w].blocked);
    const last = history.at(-1);
    if (!last || last.verdict !== r.verdict || last.pick !== r.pick || last.blockedWalls.join() !== blockedWalls.join())
      history.push({ date, verdict: r.verdict, reason: r.reason, pick: r.pick, blockedWalls, events });
  }
  return history;
}
