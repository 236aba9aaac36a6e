// Geometry of the memory chart, computed at build time so the page needs no script: bar
// segments, the two memory lines, axis ticks. Bars far past the memory line are cut at the
// axis edge and labelled with their full size, so an 805 GB model does not flatten the rest.
import type { MemoryChartData } from './memory-chart.ts';

export type SegmentKind = 'weights' | 'kv' | 'overhead';
export interface Segment { kind: SegmentKind; x: number; width: number }
export interface BarLayout { y: number; label: string; fullLabel: string; segments: Segment[]; clipped: boolean; totalGiB: number; valueX: number; pick: boolean }
export interface LineLayout { x: number; labelY: number; label: string; kind: 'gpu' | 'memory' }
export interface ChartLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  ticks: { x: number; label: string }[];
  bars: BarLayout[];
  lines: LineLayout[];
  barHeight: number;
  legendY: number;
  id: string;
}

const WIDTH = 720;
const LABEL_WIDTH = 200;
const VALUE_WIDTH = 84;
const TOP = 40;
const BAR = 18;
const GAP = 8;
const AXIS = 28;
const LEGEND = 28;
const MAX_LABEL_CHARS = 24;

/** 1, 2 or 5 times a power of ten, giving about five ticks. */
export function tickStep(max: number): number {
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
}

/** A stable id from the title, so two charts on one page never share one. */
export function chartId(title: string): string {
  let hash = 0;
  for (const c of title) hash = (hash * 31 + c.codePointAt(0)!) >>> 0;
  return `chart-${hash.toString(36)}`;
}

const truncate = (text: string) => (text.length > MAX_LABEL_CHARS ? `${text.slice(0, MAX_LABEL_CHARS - 1)}…` : text);
// One decimal always, as formatGiB writes every memory figure in the report's text.
const gibText = (v: number) => `${v.toFixed(1)} GiB`;

export function chartLayout(data: MemoryChartData): ChartLayout {
  const totals = data.bars.map((b) => b.weightsGiB + b.kvGiB + b.overheadGiB);
  const line = data.memoryLineGiB;
  // Past about twice the memory line, detail stops mattering: "does not fit" is the message.
  const axisMax = Math.max(line * 1.1, Math.min(Math.max(0, ...totals) * 1.05, line * 2.2));
  const left = LABEL_WIDTH;
  const right = WIDTH - VALUE_WIDTH;
  const x = (gib: number) => left + (Math.min(gib, axisMax) / axisMax) * (right - left);
  const bars = data.bars.map((b, i): BarLayout => {
    const y = TOP + i * (BAR + GAP);
    let at = 0;
    const segments = (['weights', 'kv', 'overhead'] as const).map((kind) => {
      const value = kind === 'weights' ? b.weightsGiB : kind === 'kv' ? b.kvGiB : b.overheadGiB;
      const segment = { kind, x: x(at), width: Math.max(0, x(at + value) - x(at)) };
      at += value;
      return segment;
    });
    const total = totals[i]!;
    return { y, label: truncate(b.label), fullLabel: b.label, segments, clipped: total > axisMax, totalGiB: total, valueX: x(total) + 6, pick: b.pick };
  });
  const bottom = TOP + data.bars.length * (BAR + GAP) - GAP;
  const step = tickStep(axisMax);
  const ticks = Array.from({ length: Math.floor(axisMax / step) + 1 }, (_, i) => ({ x: x(i * step), label: `${i * step}` }));
  const lines: LineLayout[] = [];
  if (data.gpuLineGiB !== null) lines.push({ x: x(data.gpuLineGiB), labelY: 14, label: `VRAM ${gibText(data.gpuLineGiB)}`, kind: 'gpu' });
  lines.push({ x: x(line), labelY: 30, label: `VRAM + RAM ${gibText(line)}`, kind: 'memory' });
  return {
    width: WIDTH,
    height: bottom + AXIS + LEGEND,
    plot: { left, right, top: TOP, bottom },
    ticks,
    bars,
    lines,
    barHeight: BAR,
    legendY: bottom + AXIS + 12,
    id: chartId(data.title),
  };
}

export { gibText };
