// Tables of a rig's page, from engine results: what actually runs on it (capacity at one or
// more speed floors) and every model's verdict on it.
import type { CapacityResult } from '../fit/capacity.ts';
import type { FitResult } from '../fit/types.ts';
import type { ModelData } from '../schema/index.ts';
import { formatFileSize } from '../units.ts';
import { pickOf } from './facts.ts';
import type { Cell, TableData } from './table-types.ts';
import { REASONS } from '../fit/reasons.ts';
import { measuredSpeed, PLACEMENT_LABEL, predictedSpeed } from './words.ts';

const billions = (params: number) => (params === 0 ? 'nothing' : `up to ~${(params / 1e9).toFixed(params >= 1e10 ? 0 : 1)}B parameters`);

/** One row per kind of model; all-in-VRAM columns per speed floor, then with offload allowed. */
export function capacityTable(rigName: string, results: CapacityResult[]): TableData {
  const columns = [
    ...results.map((r) => `All in VRAM, ${r.minTokensPerSecond} tok/s or faster`),
    ...results.slice(0, 1).map((r) => `With RAM offload, ${r.minTokensPerSecond} tok/s or faster`),
  ];
  const cells = (get: (r: CapacityResult) => { vram: number; all: number }) => [...results.map((r) => billions(get(r).vram)), ...results.slice(0, 1).map((r) => billions(get(r).all))];
  const rows: Cell[][] = (results[0]?.dense ?? []).map((d, i) => [`Dense model at ${d.quant}`, ...cells((r) => ({ vram: r.dense[i]!.maxParamsInVram, all: r.dense[i]!.maxParams }))]);
  rows.push([`MoE model at ${results[0]?.moe.quant ?? 'Q4_K_M'} (total parameters)`, ...cells((r) => ({ vram: r.moe.maxTotalParamsInVram, all: r.moe.maxTotalParams }))]);
  return { caption: `What actually runs on ${rigName}: the largest model of each kind`, columns: ['Model kind and quant', ...columns], rows, rowHeaders: true };
}

const VERDICT_ORDER = ['runs', 'runs-slowly', 'not-ready', 'cloud-only'];

export interface ModelOnRig { id: string; data: ModelData; result: FitResult }

/** Runs first (fastest first), then slow, not ready, cloud only; names break ties. */
export function sortForRig(list: ModelOnRig[]): ModelOnRig[] {
  const speed = (m: ModelOnRig) => pickOf(m.result)?.decodeTokensPerSecondAtJudgedDepth ?? 0;
  return [...list].sort((a, b) => VERDICT_ORDER.indexOf(a.result.verdict) - VERDICT_ORDER.indexOf(b.result.verdict) || speed(b) - speed(a) || a.data.name.localeCompare(b.data.name));
}

export function rigVerdictsTable(rigName: string, asOf: string, list: ModelOnRig[]): TableData {
  const sorted = sortForRig(list);
  const rows: Cell[][] = sorted.map((m) => {
    const pick = pickOf(m.result);
    const runs = m.result.verdict === 'runs' || m.result.verdict === 'runs-slowly';
    return [
      { text: m.data.name, to: `models/${m.id}/` },
      REASONS[m.result.reason].title,
      pick ? `${pick.name}, ${formatFileSize(pick.weightsBytes)}` : '—',
      pick ? PLACEMENT_LABEL[pick.placement] : '—',
      pick && runs ? predictedSpeed(pick.decodeTokensPerSecondAtJudgedDepth) : '—',
      measuredSpeed(pick?.measuredTokensPerSecond ?? null),
    ];
  });
  return {
    caption: `Every model on ${rigName}, as of ${asOf}`,
    columns: ['Model', 'Verdict', 'Pick (file, size)', 'Where it lands', 'Predicted decode', 'Measured decode'],
    rows,
    rowHeaders: true,
    numeric: [4, 5],
  };
}
