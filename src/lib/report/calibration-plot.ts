// The methodology page's scatter of predicted against measured speed, one point per
// measurement row, as SVG text made at build time. Log axes, because speeds span three
// decades and the error that matters is a ratio: on log axes a 25% miss is the same
// distance from the y = x line at 5 tok/s as at 5,000. One colour and one marker shape per
// backend (Okabe-Ito colours, which stay distinct to colour-blind readers). Deterministic:
// points are sorted and coordinates rounded, so the same data gives the same bytes.
import type { CalibrationRow } from '../fit/calibration-table.ts';

type Metric = 'decode' | 'prefill';
type Names = { models: Record<string, string>; rigs: Record<string, string> };

export const BACKEND_STYLE: Record<string, { label: string; colour: string; shape: 'circle' | 'square' | 'diamond' | 'triangle' | 'down' | 'cross' }> = {
  cuda: { label: 'CUDA', colour: '#009E73', shape: 'circle' },
  rocm: { label: 'ROCm', colour: '#D55E00', shape: 'square' },
  metal: { label: 'Metal', colour: '#0072B2', shape: 'diamond' },
  vulkan: { label: 'Vulkan', colour: '#CC79A7', shape: 'triangle' },
  sycl: { label: 'SYCL', colour: '#E69F00', shape: 'down' },
  cpu: { label: 'CPU only', colour: '#7F7F7F', shape: 'cross' },
};
const styleOf = (backend: string) => BACKEND_STYLE[backend] ?? { label: backend, colour: '#444444', shape: 'circle' as const };

const SIZE = 420;
// Room on the left for "100,000" beside the rotated axis title, on the right for the last tick label.
const M = { left: 80, right: 32, top: 16, bottom: 56 };
export const PLOT = { width: M.left + SIZE + M.right, height: M.top + SIZE + M.bottom, left: M.left, top: M.top, size: SIZE };

export interface PlotPoint { row: CalibrationRow; measured: number; predicted: number; x: number; y: number }

const r1 = (v: number) => Math.round(v * 10) / 10;
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const speed = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1));

function values(row: CalibrationRow, metric: Metric): [number | null, number | null] {
  return metric === 'decode' ? [row.measuredDecode, row.predictedDecode] : [row.measuredPrefill, row.predictedPrefill];
}

/** The rows that have both a measurement and a prediction of `metric`, in a fixed order. */
export function plottedRows(rows: CalibrationRow[], metric: Metric): CalibrationRow[] {
  return rows
    .filter((r) => values(r, metric).every((v) => v !== null && v > 0))
    .sort((a, b) => a.backend.localeCompare(b.backend) || a.model.localeCompare(b.model) || a.rig.localeCompare(b.rig) || a.quant.localeCompare(b.quant) || a.depthTokens - b.depthTokens || values(a, metric)[0]! - values(b, metric)[0]!);
}

/** Decade bounds around every value, and the log-scale position of a speed in the square. */
export function logScale(all: number[]) {
  const lo = 10 ** Math.floor(Math.log10(Math.min(...all)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...all)));
  const span = Math.log10(hi) - Math.log10(lo) || 1;
  const at = (v: number) => ((Math.log10(v) - Math.log10(lo)) / span) * SIZE;
  const decades = Array.from({ length: Math.round(span) + 1 }, (_, i) => lo * 10 ** i);
  // Few decades leave room for 2 and 5 between them; many would crowd the labels.
  const ticks = span <= 3 ? decades.flatMap((d, i) => (i < decades.length - 1 ? [d, 2 * d, 5 * d] : [d])) : decades;
  return { lo, hi, at, ticks };
}

function marker(shape: string, x: number, y: number): string {
  const s = 4.5;
  switch (shape) {
    case 'square': return `M${r1(x - s)} ${r1(y - s)}h${2 * s}v${2 * s}h${-2 * s}Z`;
    case 'diamond': return `M${r1(x)} ${r1(y - s * 1.3)}l${s * 1.3} ${s * 1.3}l${-s * 1.3} ${s * 1.3}l${-s * 1.3} ${-s * 1.3}Z`;
    case 'triangle': return `M${r1(x)} ${r1(y - s * 1.3)}l${s * 1.2} ${s * 2.1}h${-s * 2.4}Z`;
    case 'down': return `M${r1(x)} ${r1(y + s * 1.3)}l${s * 1.2} ${-s * 2.1}h${-s * 2.4}Z`;
    case 'cross': return `M${r1(x - s)} ${r1(y - s)}l${2 * s} ${2 * s}m0 ${-2 * s}l${-2 * s} ${2 * s}`;
    default: return `M${r1(x - s)} ${r1(y)}a${s} ${s} 0 1 0 ${2 * s} 0a${s} ${s} 0 1 0 ${-2 * s} 0Z`;
  }
}

function axes(scale: ReturnType<typeof logScale>, metric: Metric): string[] {
  const { left, top, size } = PLOT;
  const out = [`<g class="axes" data-scale="log" fill="currentColor" font-size="12">`];
  for (const t of scale.ticks) {
    const p = r1(scale.at(t));
    const major = Number.isInteger(Math.log10(t));
    out.push(
      `<line x1="${r1(left + p)}" x2="${r1(left + p)}" y1="${top}" y2="${top + size}" stroke="currentColor" stroke-opacity="${major ? 0.25 : 0.1}"/>`,
      `<line x1="${left}" x2="${left + size}" y1="${r1(top + size - p)}" y2="${r1(top + size - p)}" stroke="currentColor" stroke-opacity="${major ? 0.25 : 0.1}"/>`,
      `<text class="tick-x" x="${r1(left + p)}" y="${top + size + 18}" text-anchor="middle">${t.toLocaleString('en-US')}</text>`,
      `<text class="tick-y" x="${left - 8}" y="${r1(top + size - p + 4)}" text-anchor="end">${t.toLocaleString('en-US')}</text>`,
    );
  }
  const what = metric === 'decode' ? 'decode' : 'prompt processing';
  out.push(
    `<rect x="${left}" y="${top}" width="${size}" height="${size}" fill="none" stroke="currentColor" stroke-opacity="0.5"/>`,
    `<text x="${left + size / 2}" y="${top + size + 42}" text-anchor="middle">Measured ${what}, tokens per second (log scale)</text>`,
    `<text transform="translate(16 ${top + size / 2}) rotate(-90)" text-anchor="middle">Predicted, tokens per second (log scale)</text>`,
    `<line class="identity" x1="${left}" y1="${top + size}" x2="${left + size}" y2="${top}" stroke="currentColor" stroke-dasharray="6 4" stroke-opacity="0.7"/>`,
    // On the line near its top-right end, turned to run along it, just above it.
    `<text x="${left + size - 24}" y="${top + 18}" text-anchor="end" transform="rotate(-45 ${left + size - 24} ${top + 18})" font-size="11" fill-opacity="0.8">predicted = measured</text>`,
    '</g>',
  );
  return out;
}

function legend(backends: string[], counts: Map<string, number>): string[] {
  const out = ['<g class="legend" font-size="12">'];
  backends.forEach((b, i) => {
    const s = styleOf(b);
    const y = PLOT.top + 18 + i * 18;
    const x = PLOT.left + 14;
    out.push(`<path d="${marker(s.shape, x, y - 4)}" fill="${s.shape === 'cross' ? 'none' : s.colour}" stroke="${s.colour}" stroke-width="${s.shape === 'cross' ? 2 : 0.5}"/>`, `<text x="${x + 12}" y="${y}" fill="currentColor">${escapeXml(s.label)} (${counts.get(b)})</text>`);
  });
  out.push('</g>');
  return out;
}

/** Inline SVG: predicted against measured for every row with both, points above the line predicted too fast. */
export function calibrationPlotSvg(rows: CalibrationRow[], metric: Metric, names: Names, id: string): string {
  const plotted = plottedRows(rows, metric);
  const what = metric === 'decode' ? 'Decode' : 'Prompt processing';
  const title = `${what}: predicted against measured speed, ${plotted.length} measurements`;
  if (plotted.length === 0) return '';
  const scale = logScale(plotted.flatMap((r) => values(r, metric) as number[]));
  const counts = new Map<string, number>();
  for (const r of plotted) counts.set(r.backend, (counts.get(r.backend) ?? 0) + 1);
  const backends = [...counts.keys()].sort((a, b) => Object.keys(BACKEND_STYLE).indexOf(a) - Object.keys(BACKEND_STYLE).indexOf(b) || a.localeCompare(b));
  const desc = `Scatter plot on log axes from ${scale.lo.toLocaleString('en-US')} to ${scale.hi.toLocaleString('en-US')} tokens per second: measured across, predicted up, one point per measurement, coloured and shaped by GPU backend (${backends.map((b) => `${styleOf(b).label} ${counts.get(b)}`).join(', ')}). Points on the dashed line are exact; above it the engine predicted faster than measured, below it slower. The table below lists every point.`;
  const points = plotted.map((r) => {
    const [measured, predicted] = values(r, metric) as [number, number];
    const s = styleOf(r.backend);
    const x = PLOT.left + scale.at(measured);
    const y = PLOT.top + PLOT.size - scale.at(predicted);
    const label = `${names.models[r.model] ?? r.model}, ${r.quant} on ${names.rigs[r.rig] ?? r.rig}${r.depthTokens ? ` at depth ${r.depthTokens.toLocaleString('en-US')}` : ''}: measured ${speed(measured)}, predicted ${speed(predicted)} tok/s`;
    const paint = s.shape === 'cross' ? `fill="none" stroke="${s.colour}" stroke-width="2"` : `fill="${s.colour}" fill-opacity="0.85" stroke="${s.colour}" stroke-width="0.5"`;
    return `<path class="point" data-backend="${escapeXml(r.backend)}" d="${marker(s.shape, x, y)}" ${paint}><title>${escapeXml(label)}</title></path>`;
  });
  return [
    `<svg class="calibration-plot" viewBox="0 0 ${PLOT.width} ${PLOT.height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(desc)}</desc>`,
    ...axes(scale, metric),
    ...points,
    ...legend(backends, counts),
    '</svg>',
  ].join('\n');
}
