// Every measurement in data/measurements beside the engine's prediction for the same
// model, rig, file and context depth, with the error. Shared by `npm run calibrate` and
// the /methodology/ page, so both show the same numbers.
import type { Catalogue } from '../data/catalogue.ts';
import { CALIBRATION, type Calibration } from './calibration.ts';
import { evaluateFit } from './fit.ts';
import { median } from './measured.ts';
import type { FitContext } from './types.ts';

export interface CalibrationRow {
  source: string;
  /** The engine that produced the row (the file's engine). */
  engine: string;
  model: string;
  rig: string;
  quant: string;
  backend: string;
  depthTokens: number;
  placement: string;
  measuredDecode: number | null;
  predictedDecode: number | null;
  measuredPrefill: number | null;
  predictedPrefill: number | null;
}

export interface ErrorSummary { rows: number; medianAbsPercent: number | null; p90AbsPercent: number | null }

/** The last day anything could matter: measurements are compared whatever their date. */
const ALL_TIME = '9999-12-31';
/** llama-bench's own context for pp512/tg128 when no depth is given. */
const BENCH_CONTEXT = 4096;

export function calibrationRows(catalogue: Catalogue, context: FitContext, calibration: Calibration = CALIBRATION): CalibrationRow[] {
  const models = new Map(catalogue.models.map((m) => [m.id, m]));
  const rigs = new Map(catalogue.rigs.map((r) => [r.id, r]));
  const rows: CalibrationRow[] = [];
  for (const { data: file } of catalogue.measurements) {
    for (const row of file.rows) {
      const model = models.get(row.model);
      const profile = rigs.get(row.rig);
      if (!model || !profile) continue;
      // A run on another backend than the rig's own (Vulkan on an NVIDIA card) is predicted with that backend's constants.
      const rig = file.backend && file.backend !== 'cpu' ? { id: profile.id, data: { ...profile.data, gpus: profile.data.gpus.map((g) => ({ ...g, backend: file.backend as typeof g.backend })) } } : profile;
      const depth = row.context_depth ?? 0;
      const result = evaluateFit(model, rig, context, { asOf: ALL_TIME, contextTokens: depth > 0 ? depth : BENCH_CONTEXT, engine: file.engine, ...(row.cpu_moe_layers ? { cpuMoeLayers: row.cpu_moe_layers } : {}) }, calibration);
      const q = result.quants.find((x) => x.name === row.quant);
      rows.push({
        source: file.source,
        engine: file.engine,
        model: row.model,
        rig: row.rig,
        quant: row.quant,
        backend: rig.data.gpus[0]?.backend ?? 'cpu',
        depthTokens: depth,
        placement: q?.placement ?? 'none',
        measuredDecode: row.decode_tokens_per_second ?? null,
        predictedDecode: q ? (depth > 0 ? q.decodeTokensPerSecondAtContext : q.decodeTokensPerSecond) : null,
        measuredPrefill: row.prefill_tokens_per_second ?? null,
        predictedPrefill: q?.prefillTokensPerSecond ?? null,
      });
    }
  }
  return rows;
}

/** Absolute percentage error of predicted against measured. */
export const absPercentError = (predicted: number, measured: number) => (Math.abs(predicted - measured) / measured) * 100;

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function errorSummary(pairs: [number | null, number | null][]): ErrorSummary {
  const errors = pairs.filter((p): p is [number, number] => p[0] !== null && p[1] !== null).map(([pred, meas]) => absPercentError(pred, meas));
  return { rows: errors.length, medianAbsPercent: median(errors), p90AbsPercent: percentile(errors, 90) };
}

export function calibrationTable(catalogue: Catalogue, context: FitContext, calibration: Calibration = CALIBRATION) {
  const rows = calibrationRows(catalogue, context, calibration);
  return {
    rows,
    decode: errorSummary(rows.map((r) => [r.predictedDecode, r.measuredDecode])),
    prefill: errorSummary(rows.map((r) => [r.predictedPrefill, r.measuredPrefill])),
  };
}
