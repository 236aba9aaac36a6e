// Everything one report says, gathered from the engine: the house rig's result and
// thresholds, the verdict history, every other rig, and the yardsticks a reader knows.
// The renderer only reads this; it never calls the engine itself.
import type { Catalogue } from '../data/catalogue.ts';
import { changeDays, verdictHistory, type VerdictChange } from '../fit/index.ts';
import { verdictLevers, type Lever } from '../fit/levers.ts';
import { fitThresholds, type FitThresholds } from '../fit/thresholds.ts';
import type { FitContext, FitModel, FitResult, FitRig } from '../fit/types.ts';
import { fitMatrix, resultOf, type FitMatrix } from './fit-matrix.ts';

export interface RigResult { rig: FitRig; result: FitResult }
export interface ModelResult { model: FitModel; result: FitResult }
export interface EngineInfo { id: string; name: string; homepage: string; formats: string[] }

export interface ReportInput {
  asOf: string;
  /** The newest day the data records something about this model (on or before asOf). */
  date: string;
  model: FitModel;
  house: RigResult;
  thresholds: FitThresholds;
  /** What would change the house rig's verdict, cheapest first (the engine re-run per lever). */
  levers: Lever[];
  history: VerdictChange[];
  /** Every rig in the data, the house rig included, by id. */
  rigs: RigResult[];
  engines: Record<string, EngineInfo>;
  /** The house rig's daily driver, when it names one and it is another model. */
  dailyDriver: ModelResult | null;
  /** A model that runs on the house rig, nearest in active parameters. */
  similar: ModelResult | null;
  measurementSources: { source: string; date: string }[];
}

/** The newest dated event about a model: release, quants, support, measurements. */
export function reportDate(model: FitModel, catalogue: Catalogue, asOf: string): string {
  const dates = [...changeDays(model, Object.keys(model.data.support)).keys()];
  for (const m of catalogue.measurements) if (m.data.rows.some((r) => r.model === model.id)) dates.push(m.data.date);
  return dates.filter((d) => d <= asOf).reduce((a, b) => (b > a ? b : a), model.data.released);
}

const activeBillions = (m: FitModel) => m.data.parameters.active_billions ?? m.data.parameters.total_billions;

/** Per matrix and rig, the running models sorted by active size: built once, searched per report. */
const runningByRig = new WeakMap<FitMatrix, Map<string, { model: FitModel; logActive: number }[]>>();

function runningOn(catalogue: Catalogue, matrix: FitMatrix, rig: string) {
  let byRig = runningByRig.get(matrix);
  if (!byRig) runningByRig.set(matrix, (byRig = new Map()));
  let list = byRig.get(rig);
  if (!list) {
    list = catalogue.models
      .filter((m) => resultOf(matrix, m.id, rig).verdict === 'runs')
      .map((m) => ({ model: m, logActive: Math.log(activeBillions(m)) }))
      .sort((a, b) => a.logActive - b.logActive || a.model.id.localeCompare(b.model.id));
    byRig.set(rig, list);
  }
  return list;
}

/** The running model closest in active parameters (ties: the smaller, then by id). */
function nearestRunning(model: FitModel, catalogue: Catalogue, matrix: FitMatrix, rig: string): ModelResult | null {
  const list = runningOn(catalogue, matrix, rig);
  const target = Math.log(activeBillions(model));
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]!.logActive < target) low = mid + 1;
    else high = mid;
  }
  let best: (typeof list)[number] | undefined;
  let bestDistance = Infinity;
  // Look around the insertion point, skipping the model itself.
  for (let i = Math.max(0, low - 3); i < Math.min(list.length, low + 3); i++) {
    const entry = list[i]!;
    if (entry.model.id === model.id) continue;
    const distance = Math.abs(entry.logActive - target);
    if (distance < bestDistance || (distance === bestDistance && best && entry.model.id.localeCompare(best.model.id) < 0)) {
      best = entry;
      bestDistance = distance;
    }
  }
  return best ? { model: best.model, result: resultOf(matrix, best.model.id, rig) } : null;
}

export function reportInput(catalogue: Catalogue, context: FitContext, matrix: FitMatrix, modelId: string, houseRigId: string, asOf: string): ReportInput {
  const model = catalogue.models.find((m) => m.id === modelId);
  const house = catalogue.rigs.find((r) => r.id === houseRigId);
  if (!model) throw new Error(`no model "${modelId}" in the data`);
  if (!house) throw new Error(`the house rig "${houseRigId}" (src/site-config.ts) is not in data/rigs/`);
  const result = resultOf(matrix, model.id, house.id);
  const driverId = house.data.daily_driver;
  const driver = driverId && driverId !== model.id ? catalogue.models.find((m) => m.id === driverId) : undefined;
  return {
    asOf,
    date: reportDate(model, catalogue, asOf),
    model,
    house: { rig: house, result },
    thresholds: fitThresholds(model.data, house, context, result),
    levers: verdictLevers(model, house, context, { asOf, contextTokens: result.contextTokens, kvPrecision: result.kvPrecision }, result),
    history: verdictHistory(model, house, context, { asOf }),
    rigs: catalogue.rigs.map((rig) => ({ rig, result: resultOf(matrix, model.id, rig.id) })),
    engines: Object.fromEntries(catalogue.engines.map((e) => [e.id, { id: e.id, name: e.data.name, homepage: e.data.homepage, formats: e.data.formats }])),
    dailyDriver: driver ? { model: driver, result: resultOf(matrix, driver.id, house.id) } : null,
    similar: nearestRunning(model, catalogue, matrix, house.id),
    measurementSources: catalogue.measurements
      .filter((m) => m.data.rows.some((r) => r.model === model.id))
      .map((m) => ({ source: m.data.source, date: m.data.date })),
  };
}

/** One input per model, sharing one engine run. */
export function reportInputs(catalogue: Catalogue, context: FitContext, houseRigId: string, asOf: string, matrix = fitMatrix(catalogue, context, asOf)): ReportInput[] {
  return catalogue.models.map((m) => reportInput(catalogue, context, matrix, m.id, houseRigId, asOf));
}
