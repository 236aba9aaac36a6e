// Measured decode speed for a model, rig and file, from data/measurements (median of rows
// at an empty or unstated context depth).
import type { MeasurementFile } from '../schema/index.ts';

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

type Index = Map<string, Map<string, Map<string, number>>>;
const indexes = new WeakMap<MeasurementFile[], Index>();

/** Rows grouped once per measurement list, model -> rig -> quant -> median decode. */
function indexOf(files: MeasurementFile[]): Index {
  let index = indexes.get(files);
  if (index) return index;
  const values = new Map<string, Map<string, Map<string, number[]>>>();
  for (const file of files)
    for (const row of file.rows) {
      if (row.decode_tokens_per_second === undefined || row.context_depth) continue;
      const byRig = values.get(row.model) ?? new Map<string, Map<string, number[]>>();
      const byQuant = byRig.get(row.rig) ?? new Map<string, number[]>();
      byQuant.set(row.quant, [...(byQuant.get(row.quant) ?? []), row.decode_tokens_per_second]);
      byRig.set(row.rig, byQuant);
      values.set(row.model, byRig);
    }
  const mapValues = <K, A, B>(map: Map<K, A>, f: (a: A) => B) => new Map([...map].map(([k, v]) => [k, f(v)] as const));
  index = mapValues(values, (byRig) => mapValues(byRig, (byQuant) => mapValues(byQuant, (speeds) => median(speeds)!)));
  indexes.set(files, index);
  return index;
}

const NONE = new Map<string, number>();

/** Measured decode by quant name for one model on one rig. */
export function measuredDecodes(files: MeasurementFile[], model: string, rig: string): ReadonlyMap<string, number> {
  return indexOf(files).get(model)?.get(rig) ?? NONE;
}
