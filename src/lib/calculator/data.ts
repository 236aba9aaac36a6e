// The JSON the calculator island reads, emitted at build. It is the parsed data itself with
// only prose removed (a deny-list of text keys the engine never reads), never a hand-kept
// copy of chosen fields, so the island's evaluateFit sees what the build's evaluateFit saw.
// test/calculator-data.test.ts proves it: the engine gives identical results on both.
import type { Catalogue } from '../data/catalogue.ts';
import { newestDataDate } from '../data/catalogue.ts';
import type { FitContext, FitModel, FitRig, KvPrecision } from '../fit/types.ts';
import type { EngineData } from '../schema/index.ts';
import { fieldsFromRig, type CalculatorFields } from './custom-rig.ts';

export interface CalculatorData {
  asOf: string;
  engines: Record<string, EngineData>;
  measurements: FitContext['measurements'];
  models: FitModel[];
  rigs: FitRig[];
  presets: { id: string; name: string; fields: CalculatorFields }[];
  defaults: CalculatorFields;
  /** The rig the page itself is computed for. */
  houseRig: string;
}

/** Prose and provenance: shown on the pages, never read by the engine. */
const PROSE_KEYS = new Set(['sources', 'source', 'notes', 'note', 'summary', 'homepage', 'support_check', 'hardware_note', 'hosted', 'licence', 'hf_architecture', 'description', 'link', 'tool', '$schema', 'vendor']);

/** A deep copy without prose keys and without undefined (the JSON is as small as it can be). */
export function withoutProse<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutProse) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (!PROSE_KEYS.has(key) && v !== undefined) out[key] = withoutProse(v);
  return out as T;
}

export function calculatorData(catalogue: Catalogue, modelIds: string[] | null, houseRig: string, contextTokens: number, kv: KvPrecision = 'f16'): CalculatorData {
  const models = catalogue.models.filter((m) => modelIds === null || modelIds.includes(m.id));
  const house = catalogue.rigs.find((r) => r.id === houseRig) ?? catalogue.rigs[0]!;
  // Only the rows for the models on the page: measured speeds are shown per model.
  const ids = new Set(models.map((m) => m.id));
  const measurements = catalogue.measurements
    .map((f) => ({ ...f.data, rows: f.data.rows.filter((r) => ids.has(r.model)) }))
    .filter((f) => f.rows.length > 0);
  return {
    asOf: newestDataDate(catalogue),
    engines: withoutProse(Object.fromEntries(catalogue.engines.map((e) => [e.id, e.data]))),
    measurements: withoutProse(measurements),
    models: withoutProse(models.map((m) => ({ id: m.id, data: m.data }))),
    rigs: withoutProse(catalogue.rigs.map((r) => ({ id: r.id, data: r.data }))),
    presets: catalogue.rigs.map((r) => ({ id: r.id, name: r.data.name, fields: fieldsFromRig(r.data, contextTokens, kv) })),
    defaults: fieldsFromRig(house.data, contextTokens, kv),
    houseRig: house.id,
  };
}
