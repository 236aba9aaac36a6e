// The methodology page's scatter (predicted against measured, log axes, one point per row)
// and its error-by-group table, from rows made up for the test so the counts are known.
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { CalibrationRow } from '../src/lib/fit/calibration-table.ts';
import { calibrationPlotSvg, logScale, PLOT } from '../src/lib/report/calibration-plot.ts';
import { errorGroupsTable } from '../src/lib/report/calibration-view.ts';

const row = (over: Partial<CalibrationRow>): CalibrationRow => ({
  source: 'https://example.org/bench', engine: 'llama-cpp', model: 'dense-8b', rig: 'one-gpu', quant: 'Q4_K_M', backend: 'cuda', depthTokens: 0, placement: 'vram',
  measuredDecode: null, predictedDecode: null, measuredPrefill: null, predictedPrefill: null, ...over,
});
const rows: CalibrationRow[] = [
  row({ measuredDecode: 100, predictedDecode: 110, measuredPrefill: 4000, predictedPrefill: 3000 }),
  row({ quant: 'Q8_0', measuredDecode: 60, predictedDecode: 54 }),
  row({ model: 'moe-30b', backend: 'metal', rig: 'mac', measuredDecode: 50, predictedDecode: 75, measuredPrefill: 800, predictedPrefill: 1200 }),
  row({ model: 'moe-30b', backend: 'rocm', rig: 'two-gpus', placement: 'vram+ram', measuredDecode: 12, predictedDecode: 9 }),
  row({ model: 'dense-8b', backend: 'cpu', rig: 'cpu-box', measuredDecode: 8, predictedDecode: 8.8 }),
  // Measured but not predicted (the file does not fit): listed in the table, not plotted.
  row({ quant: 'BF16', measuredDecode: 20, predictedDecode: null }),
];
const names = { models: { 'dense-8b': 'Dense <8B> & co' }, rigs: {} };
const parse = (svg: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['path', 'text', 'line', 'g'].includes(name) }).parse(svg).svg;

describe('calibrationPlotSvg', () => {
  const svg = calibrationPlotSvg(rows, 'decode', names, 'plot-decode');
  const doc = parse(svg);
  const points = (doc.path as { class?: string; 'data-backend': string; d: string }[]).filter((p) => p.class === 'point');

  it('is one accessible image: role, title and description', () => {
    expect(doc.role).toBe('img');
    expect(doc['aria-labelledby']).toBe('plot-decode-title plot-decode-desc');
    expect(doc.title['#text']).toBe('Decode: predicted against measured speed, 5 measurements');
    expect(doc.desc['#text']).toContain('The table below lists every point');
    expect(svg).toContain('Dense &lt;8B&gt; &amp; co'); // names are escaped
  });

  it('draws one point per row with both figures, coloured by backend, with a legend', () => {
    expect(points).toHaveLength(5);
    expect(points.map((p) => p['data-backend']).sort()).toEqual(['cpu', 'cuda', 'cuda', 'metal', 'rocm']);
    const legend = doc.g.find((g: { class?: string }) => g.class === 'legend');
    expect(legend.text.map((t: { '#text': string }) => t['#text'])).toEqual(['CUDA (2)', 'ROCm (1)', 'Metal (1)', 'CPU only (1)']);
    expect(calibrationPlotSvg(rows, 'prefill', names, 'p').match(/class="point"/g)).toHaveLength(2);
  });

  it('has log axes: each decade the same length, and a y = x line corner to corner', () => {
    const axes = doc.g.find((g: { class?: string }) => g.class === 'axes');
    expect(axes['data-scale']).toBe('log');
    const scale = logScale([8, 110]);
    expect([scale.lo, scale.hi]).toEqual([1, 1000]);
    expect(scale.at(100) - scale.at(10)).toBeCloseTo(scale.at(10) - scale.at(1), 9);
    expect(scale.at(1000)).toBe(PLOT.size);
    const ticks = axes.text.filter((t: { class?: string }) => t.class === 'tick-x').map((t: { '#text': string | number }) => String(t['#text']));
    expect(ticks).toEqual(['1', '2', '5', '10', '20', '50', '100', '200', '500', '1,000']);
    const identity = axes.line.find((l: { class?: string }) => l.class === 'identity');
    expect([identity.x1, identity.y1, identity.x2, identity.y2].map(Number)).toEqual([PLOT.left, PLOT.top + PLOT.size, PLOT.left + PLOT.size, PLOT.top]);
  });

  it('is deterministic: the same rows in any order give the same bytes', () => {
    expect(calibrationPlotSvg([...rows].reverse(), 'decode', names, 'plot-decode')).toBe(svg);
  });

  it('draws nothing without rows', () => expect(calibrationPlotSvg([], 'decode', names, 'x')).toBe(''));
});

describe('errorGroupsTable', () => {
  const table = errorGroupsTable(rows, { moeModels: new Set(['moe-30b']), multiGpuRigs: new Set(['two-gpus']) });
  const byGroup = Object.fromEntries(table.rows.map((r) => [r[0] as string, r.slice(1) as string[]]));

  it('reports dense, MoE, offload, multi-GPU and each backend: rows, median and p90 absolute error', () => {
    expect(table.columns).toEqual(['Group', 'Decode rows', 'Decode median', 'Decode 90th pct.', 'Prefill rows', 'Prefill median', 'Prefill 90th pct.']);
    expect(Object.keys(byGroup)).toEqual(['All rows', 'Dense models', 'MoE models', 'Offload (part in system RAM or on disk)', 'Multi-GPU rigs', 'Backend: CUDA', 'Backend: ROCm', 'Backend: Metal', 'Backend: CPU only']);
    // Decode errors: 10%, 10%, 50%, 25%, 10% (the unpredicted row counts nowhere).
    expect(byGroup['All rows']).toEqual(['5', '10.0%', '50.0%', '2', '37.5%', '50.0%']);
    expect(byGroup['Dense models']).toEqual(['3', '10.0%', '10.0%', '1', '25.0%', '25.0%']);
    expect(byGroup['MoE models']).toEqual(['2', '37.5%', '50.0%', '1', '50.0%', '50.0%']);
    expect(byGroup['Offload (part in system RAM or on disk)']).toEqual(['1', '25.0%', '25.0%', '0', '—', '—']);
    expect(byGroup['Multi-GPU rigs']).toEqual(['1', '25.0%', '25.0%', '0', '—', '—']);
    expect(byGroup['Backend: CUDA']![0]).toBe('2');
  });
});
