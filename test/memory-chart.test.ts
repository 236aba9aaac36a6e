// The memory chart's geometry: bars in proportion, a file far past memory cut at the axis
// edge with its full size still written, lines where the memory is, ids that differ.
import { describe, expect, it } from 'vitest';
import { chartId, chartLayout, tickStep } from '../src/lib/report/chart-layout.ts';
import type { MemoryChartData } from '../src/lib/report/memory-chart.ts';

const data: MemoryChartData = {
  title: 'Memory each file of M needs on R',
  description: 'test',
  bars: [
    { label: 'small', weightsGiB: 10, kvGiB: 2, overheadGiB: 1.5, pick: true },
    { label: 'huge', weightsGiB: 750, kvGiB: 2, overheadGiB: 1.5, pick: false },
  ],
  gpuLineGiB: 32,
  memoryLineGiB: 87.3,
};

describe('memory chart layout', () => {
  const c = chartLayout(data);
  const [small, huge] = c.bars;

  it('stacks weights, KV cache and overhead in order, in proportion', () => {
    const [w, kv, o] = small!.segments;
    expect(kv!.x).toBeCloseTo(w!.x + w!.width);
    expect(o!.x).toBeCloseTo(kv!.x + kv!.width);
    expect(w!.width / kv!.width).toBeCloseTo(5);
  });

  it('cuts a bar far past memory at the axis edge and keeps its full size in the label', () => {
    expect(huge!.clipped).toBe(true);
    expect(huge!.segments.reduce((s, x) => Math.max(s, x.x + x.width), 0)).toBeLessThanOrEqual(c.plot.right + 1e-9);
    expect(huge!.totalGiB).toBeCloseTo(753.5);
    expect(small!.clipped).toBe(false);
  });

  it('draws the GPU line left of the GPU + RAM line, both inside the plot', () => {
    const [gpu, memory] = c.lines;
    expect(gpu!.x).toBeLessThan(memory!.x);
    expect(memory!.x).toBeLessThanOrEqual(c.plot.right);
  });

  it('picks round tick steps and distinct ids', () => {
    expect(tickStep(87)).toBe(20);
    expect(tickStep(190)).toBe(50);
    expect(chartId('a')).not.toBe(chartId('b'));
  });
});
