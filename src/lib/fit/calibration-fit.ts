// Fits the speed model's efficiency constants to the measurements, per GPU backend:
// time per token = a / efficiency + layers x perLayerSeconds, where a is the time the
// bytes would take at full bandwidth. Least squares on log time over a grid, so one
// outlier cannot drag a constant, and a backend with few rows borrows the pooled fit.
// Rows with part of the model outside GPU memory are left out of the GPU fit; CPU-only
// rows fit the RAM efficiency.
import type { Catalogue } from '../data/catalogue.ts';
import type { Calibration } from './calibration.ts';
import { calibrationRows } from './calibration-table.ts';
import { median } from './measured.ts';
import type { FitContext } from './types.ts';

const MIN_ROWS_PER_BACKEND = 4;
export const FITTED_ENGINE = 'llama-cpp';
const EFFICIENCIES = Array.from({ length: 161 }, (_, i) => 0.2 + i * 0.005);
const PER_LAYER_SECONDS = Array.from({ length: 301 }, (_, i) => i * 1e-6);

interface Point { a: number; layers: number; measuredSeconds: number }

function bestFit(points: Point[]): { efficiency: number; perLayerSeconds: number } {
  let best = { efficiency: 1, perLayerSeconds: 0, loss: Infinity };
  for (const efficiency of EFFICIENCIES)
    for (const perLayerSeconds of PER_LAYER_SECONDS) {
      let loss = 0;
      for (const p of points) loss += Math.log((p.a / efficiency + p.layers * perLayerSeconds) / p.measuredSeconds) ** 2;
      if (loss < best.loss) best = { efficiency, perLayerSeconds, loss };
    }
  return { efficiency: Number(best.efficiency.toFixed(3)), perLayerSeconds: Number(best.perLayerSeconds.toFixed(7)) };
}

export function fitCalibration(catalogue: Catalogue, context: FitContext, prior: Calibration): Calibration {
  const backends = Object.keys(prior.gpuBandwidthEfficiency);
  const unit: Calibration = {
    gpuBandwidthEfficiency: Object.fromEntries(backends.map((b) => [b, 1])),
    ramBandwidthEfficiency: 1,
    perLayerSeconds: Object.fromEntries([...backends, 'cpu'].map((b) => [b, 0])),
    prefillEfficiency: Object.fromEntries([...backends, 'cpu'].map((b) => [b, 1])),
    moePrefillFactor: 1,
    hostLinkEfficiency: 1,
    rows: 0,
  };
  const layersOf = new Map(catalogue.models.map((m) => [m.id, m.data.attention.layers]));
  // The constants describe mainline llama.cpp, the engine every printed command runs; rows
  // from forks with their own kernels (ik_llama.cpp's faster CPU paths) are shown, not fitted.
  const rows = calibrationRows(catalogue, context, unit).filter((r) => r.engine === FITTED_ENGINE);
  const byBackend = new Map<string, Point[]>();
  for (const r of rows) {
    if (r.placement !== 'vram' || r.measuredDecode === null || r.predictedDecode === null) continue;
    const points = byBackend.get(r.backend) ?? [];
    points.push({ a: 1 / r.predictedDecode, layers: layersOf.get(r.model)!, measuredSeconds: 1 / r.measuredDecode });
    byBackend.set(r.backend, points);
  }
  const pooled = bestFit([...byBackend.values()].flat());
  const fitted: Calibration = structuredClone(prior);
  const support: Record<string, number> = {};
  for (const backend of backends) {
    const points = byBackend.get(backend) ?? [];
    support[`gpuBandwidthEfficiency.${backend}`] = points.length >= MIN_ROWS_PER_BACKEND ? points.length : 0;
    const fit = points.length >= MIN_ROWS_PER_BACKEND ? bestFit(points) : pooled;
    fitted.gpuBandwidthEfficiency[backend] = fit.efficiency;
    fitted.perLayerSeconds[backend] = fit.perLayerSeconds;
  }
  fitted.perLayerSeconds.cpu = pooled.perLayerSeconds;
  // CPU-only rows read everything from RAM: they fit the RAM efficiency (with the pooled
  // per-layer cost), the one constant no GPU row can tell.
  const cpuRatios = rows
    .filter((r) => r.backend === 'cpu' && r.measuredDecode !== null && r.predictedDecode !== null)
    .map((r) => (1 / r.predictedDecode!) / (1 / r.measuredDecode! - layersOf.get(r.model)! * pooled.perLayerSeconds))
    .filter((ratio) => ratio > 0 && Number.isFinite(ratio));
  support.ramBandwidthEfficiency = cpuRatios.length >= 2 ? cpuRatios.length : 0;
  if (cpuRatios.length >= 2) fitted.ramBandwidthEfficiency = Number(Math.min(1, median(cpuRatios)!).toFixed(3));
  const moeModels = new Set(catalogue.models.filter((m) => m.data.moe).map((m) => m.id));
  // In memory: on the GPU, or on a CPU-only rig wholly in RAM (nothing streams over a link).
  const inMemory = (r: (typeof rows)[number]) => r.placement === 'vram' || (r.backend === 'cpu' && r.placement === 'vram+ram');
  const prefill = rows.filter((r) => r.measuredPrefill !== null && r.predictedPrefill !== null && inMemory(r));
  const ratio = (r: (typeof prefill)[number]) => r.measuredPrefill! / r.predictedPrefill!;
  const dense = prefill.filter((r) => !moeModels.has(r.model));
  const pooledPrefill = median(dense.map(ratio)) ?? 0.3;
  for (const backend of [...backends, 'cpu']) {
    const own = dense.filter((r) => r.backend === backend).map(ratio);
    fitted.prefillEfficiency[backend] = Number((own.length >= MIN_ROWS_PER_BACKEND ? median(own)! : pooledPrefill).toFixed(3));
    support[`prefillEfficiency.${backend}`] = own.length >= MIN_ROWS_PER_BACKEND ? own.length : 0;
  }
  const moeResiduals = prefill.filter((r) => moeModels.has(r.model)).map((r) => ratio(r) / fitted.prefillEfficiency[r.backend]!);
  fitted.moePrefillFactor = Number((median(moeResiduals) ?? 1).toFixed(3));
  support.moePrefillFactor = moeResiduals.length;
  const link = fitHostLink(catalogue, context, fitted);
  fitted.hostLinkEfficiency = link.efficiency;
  support.hostLinkEfficiency = link.rows;
  fitted.support = support;
  fitted.rows = [...byBackend.values()].reduce((n, p) => n + p.length, 0);
  return fitted;
}

const MIN_LINK_ROWS = 2;

/**
 * Offloaded prefill rows (weights in RAM, copied to the GPU per micro-batch) fit the share
 * of the PCIe rate the copy achieves: each row's time is compute + stream / efficiency, with
 * compute from the fitted constants (the same row with an unbounded link).
 */
function fitHostLink(catalogue: Catalogue, context: FitContext, fitted: Calibration): { efficiency: number; rows: number } {
  const full = calibrationRows(catalogue, context, { ...fitted, hostLinkEfficiency: 1 });
  const free = calibrationRows(catalogue, context, { ...fitted, hostLinkEfficiency: 1e12 });
  const ratios: number[] = [];
  full.forEach((r, i) => {
    const c = free[i]!;
    if (r.engine !== FITTED_ENGINE || r.measuredPrefill === null || r.predictedPrefill === null || c.predictedPrefill === null || r.placement === 'vram') return;
    const compute = 1 / c.predictedPrefill;
    const stream = 1 / r.predictedPrefill - compute;
    const measured = 1 / r.measuredPrefill;
    if (stream > 0 && measured > compute) ratios.push(stream / (measured - compute));
  });
  if (ratios.length < MIN_LINK_ROWS) return { efficiency: 1, rows: 0 };
  return { efficiency: Number(Math.min(1, Math.max(0.05, median(ratios)!)).toFixed(3)), rows: ratios.length };
}
