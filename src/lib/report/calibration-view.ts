// The methodology page's calibration tables: each measurement beside the engine's
// prediction (from src/lib/fit/calibration-table.ts, shared with `npm run calibrate`),
// the error by kind of run (dense, MoE, offload, multi-GPU, backend), and the fitted
// constants themselves.
import { formatTokensPerSecond } from '../units.ts';
import { errorSummary, type CalibrationRow, type ErrorSummary } from '../fit/calibration-table.ts';
import type { Placement } from '../fit/types.ts';
import type { Cell, TableData } from './table-types.ts';
import { PLACEMENT_LABEL } from './words.ts';

type Names = { models: Record<string, string>; rigs: Record<string, string> };
type Metric = 'decode' | 'prefill';

// One rounding for speeds everywhere (units.ts).
const speed = (v: number) => formatTokensPerSecond(v);
const signedError = (predicted: number, measured: number) => {
  const pct = ((predicted - measured) / measured) * 100;
  return `${pct > 0 ? '+' : pct < 0 ? '−' : ''}${Math.abs(pct).toFixed(0)}%`;
};

function pair(row: CalibrationRow, metric: Metric): [number | null, number | null] {
  return metric === 'decode' ? [row.predictedDecode, row.measuredDecode] : [row.predictedPrefill, row.measuredPrefill];
}

export function calibrationRowsTable(rows: CalibrationRow[], metric: Metric, names: Names): TableData {
  const usable = rows.filter((r) => pair(r, metric)[1] !== null);
  const sorted = [...usable].sort((a, b) => a.rig.localeCompare(b.rig) || a.model.localeCompare(b.model) || a.quant.localeCompare(b.quant) || a.depthTokens - b.depthTokens);
  const body: Cell[][] = sorted.map((r) => {
    const [predicted, measured] = pair(r, metric) as [number | null, number];
    return [
      { text: names.models[r.model] ?? r.model, to: `models/${r.model}/` },
      { text: names.rigs[r.rig] ?? r.rig, to: `rigs/${r.rig}/` },
      r.quant,
      r.depthTokens.toLocaleString('en-US'),
      PLACEMENT_LABEL[r.placement as Placement] ?? r.placement,
      speed(measured),
      predicted === null ? '—' : speed(predicted),
      predicted === null ? '—' : signedError(predicted, measured),
      { text: 'source', href: r.source },
    ];
  });
  return {
    caption: `${metric === 'decode' ? 'Decode' : 'Prompt processing'}: every measurement beside the prediction`,
    columns: ['Model', 'Rig', 'File', 'Depth (tokens)', 'Placement', 'Measured', 'Predicted', 'Error', 'Source'],
    rows: body,
    rowHeaders: true,
    numeric: [3, 5, 6, 7],
  };
}

export function summaryText(metric: Metric, s: ErrorSummary): string {
  if (s.rows === 0 || s.medianAbsPercent === null) return `No ${metric} measurements to compare yet.`;
  return `${metric === 'decode' ? 'Decode' : 'Prompt processing'}: ${s.rows} measurements; the median absolute error is ${s.medianAbsPercent.toFixed(1)}% and 90% of predictions are within ${s.p90AbsPercent!.toFixed(1)}%.`;
}

const CONSTANT_MEANING: Record<string, string> = {
  gpuBandwidthEfficiency: 'Share of peak GPU memory bandwidth decode achieves',
  ramBandwidthEfficiency: 'Share of peak system RAM bandwidth the CPU side achieves',
  perLayerSeconds: 'Fixed cost per layer per token, seconds',
  prefillEfficiency: 'Share of peak FP16 throughput prompt processing achieves',
  moePrefillFactor: 'Prompt-processing efficiency of MoE models relative to dense',
  rows: 'Measurement rows the fit used',
};

/** The fitted constants, flattened: "gpuBandwidthEfficiency / cuda -> 0.8". */
export function constantsTable(calibration: object): TableData {
  const rows: Cell[][] = [];
  for (const [key, value] of Object.entries(calibration)) {
    const meaning = CONSTANT_MEANING[key] ?? key;
    if (value !== null && typeof value === 'object') for (const [sub, v] of Object.entries(value)) rows.push([meaning, sub, String(v)]);
    else rows.push([meaning, '—', String(value)]);
  }
  return { caption: 'Constants fitted to the measurements (src/lib/fit/calibration.json)', columns: ['Constant', 'Backend', 'Value'], rows, rowHeaders: true, numeric: [2] };
}

/** What a row's model and rig are, for grouping: which models are MoE, which rigs have several GPUs. */
export interface GroupFacts { moeModels: ReadonlySet<string>; multiGpuRigs: ReadonlySet<string> }

const BACKEND_LABEL: Record<string, string> = { cuda: 'CUDA', rocm: 'ROCm', metal: 'Metal', vulkan: 'Vulkan', sycl: 'SYCL', cpu: 'CPU only' };
const BACKEND_ORDER = Object.keys(BACKEND_LABEL);

/** The groups the error is reported by, each a name and a test; a row can be in several. */
export function errorGroups(rows: CalibrationRow[], facts: GroupFacts): [string, (r: CalibrationRow) => boolean][] {
  const backends = [...new Set(rows.map((r) => r.backend))].sort((a, b) => BACKEND_ORDER.indexOf(a) - BACKEND_ORDER.indexOf(b) || a.localeCompare(b));
  return [
    ['All rows', () => true],
    ['Dense models', (r) => !facts.moeModels.has(r.model)],
    ['MoE models', (r) => facts.moeModels.has(r.model)],
    ['Offload (part in system RAM or on disk)', (r) => r.placement === 'vram+ram' || r.placement === 'disk'],
    ['Multi-GPU rigs', (r) => facts.multiGpuRigs.has(r.rig)],
    ...backends.map((b): [string, (r: CalibrationRow) => boolean] => [`Backend: ${BACKEND_LABEL[b] ?? b}`, (r) => r.backend === b]),
  ];
}

const pctCell = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);
const summaryCells = (s: ErrorSummary) => [String(s.rows), pctCell(s.medianAbsPercent), pctCell(s.p90AbsPercent)];

/** Median and 90th-percentile absolute error by group, decode and prefill side by side. */
export function errorGroupsTable(rows: CalibrationRow[], facts: GroupFacts): TableData {
  const body = errorGroups(rows, facts).map(([name, test]) => {
    const own = rows.filter(test);
    return [name, ...summaryCells(errorSummary(own.map((r) => [r.predictedDecode, r.measuredDecode]))), ...summaryCells(errorSummary(own.map((r) => [r.predictedPrefill, r.measuredPrefill])))];
  });
  return {
    caption: 'Absolute error of the predictions by kind of run (a row can be in several groups)',
    columns: ['Group', 'Decode rows', 'Decode median', 'Decode 90th pct.', 'Prefill rows', 'Prefill median', 'Prefill 90th pct.'],
    rows: body,
    rowHeaders: true,
    numeric: [1, 2, 3, 4, 5, 6],
  };
}
