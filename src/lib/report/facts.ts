// Lookups over engine results that several sections need: which file is the pick, the
// smallest good-enough file, the engine's display name. They select; they never decide.
import { tierRank } from '../fit/quality.ts';
import type { EngineOutcome, FitResult, QuantResult, StackState } from '../fit/types.ts';
import { fitsMemory, isViable } from '../fit/walls.ts';
import type { RigData } from '../schema/index.ts';
import type { ReportInput } from './report-input.ts';

export { fitsMemory, isViable };

export const pickOf = (r: FitResult): QuantResult | null => r.quants.find((q) => q.name === r.pick) ?? null;

export const bySize = (quants: QuantResult[]) => [...quants].sort((a, b) => a.weightsBytes - b.weightsBytes || a.name.localeCompare(b.name));

export const smallestFile = (r: FitResult) => bySize(r.quants)[0] ?? null;
export const smallestViable = (r: FitResult) => bySize(r.quants.filter(isViable))[0] ?? null;

/** Of the files that fit in memory, the best by quality, then the largest (most bits). */
export function bestFitting(r: FitResult): QuantResult | null {
  const fitting = r.quants.filter(fitsMemory);
  fitting.sort((a, b) => tierRank(a.quality) - tierRank(b.quality) || b.weightsBytes - a.weightsBytes || a.name.localeCompare(b.name));
  return fitting[0] ?? null;
}

export const pulled = (r: FitResult) => r.quants.filter((q) => q.removed !== null);

export function engineName(input: ReportInput, id: string | null): string {
  if (id === null) return 'the rig\'s engine';
  return input.engines[id]?.name ?? id;
}

/** The engine the verdict is for (the engine chose it), else the one the stack wall is about. */
export function verdictEngineId(input: ReportInput): string | null {
  const r = input.house.result;
  return r.engine ?? r.stack.engine ?? input.house.rig.data.engines[0] ?? null;
}

export const verdictEngine = (input: ReportInput) => engineName(input, verdictEngineId(input));

/** The rig's other engines whose verdict or pick differs from the one reported. */
export function otherEngines(input: ReportInput): EngineOutcome[] {
  const r = input.house.result;
  const id = verdictEngineId(input);
  return r.byEngine.filter((e) => e.engine !== id && (e.verdict !== r.verdict || e.pick !== r.pick));
}

/** How precisely the data knows the day a support status began ("on-or-before" reads "by"). */
export function supportPrecision(input: ReportInput, engine: string | null, date: string | null): string | undefined {
  if (engine === null || date === null) return undefined;
  return input.model.data.support[engine]?.find((e) => e.date === date)?.date_precision;
}

/** The state of support in words: "only forks of llama.cpp run the deepseek_v4 architecture". */
export function supportClause(engine: string, architecture: string, status: StackState['status']): string {
  switch (status) {
    case 'merged': return `${engine} supports the ${architecture} architecture`;
    case 'pr-open': return `support for the ${architecture} architecture in ${engine} is an open pull request, not merged`;
    case 'fork-only': return `only forks of ${engine} run the ${architecture} architecture; mainline does not`;
    default: return `${engine} has no support for the ${architecture} architecture`;
  }
}

/** "NVIDIA GeForce RTX 5090", "2 x NVIDIA GeForce RTX 3090", or "no GPU". */
export function gpuSummary(rig: RigData): string {
  if (rig.gpus.length === 0) return 'no GPU';
  return rig.gpus.map((g) => (g.count > 1 ? `${g.count} x ${g.model}` : g.model)).join(' + ');
}

/** The file a lede or a number leads with when there is no pick. */
export function decisiveFile(r: FitResult): QuantResult | null {
  return pickOf(r) ?? smallestViable(r) ?? smallestFile(r);
}
