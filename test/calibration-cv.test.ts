// Leave-one-source-out cross-validation, and what diff-verdicts shows for a new measurement:
// the row measured beside predicted, the constants that move, and the error on each side.
// The measurement files below are made up for the test (fixture models and rigs).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrationDiff, calibrationDiffMarkdown, movedMeasurementRows } from '../src/lib/calibration-diff.ts';
import type { Catalogue, Entry } from '../src/lib/data/catalogue.ts';
import { CALIBRATION } from '../src/lib/fit/calibration.ts';
import { crossValidate } from '../src/lib/fit/calibration-cv.ts';
import { fitCalibration } from '../src/lib/fit/calibration-fit.ts';
import { calibrationRows } from '../src/lib/fit/calibration-table.ts';
import { fitContextOf } from '../src/lib/fit/context.ts';
import type { MeasurementFile, MeasurementRow } from '../src/lib/schema/index.ts';
import { readData } from '../src/node/read-data.ts';
import { repoRoot } from './support/temp-data.ts';

const base = readData(path.join(repoRoot, 'test/fixtures/data')).catalogue;
const file = (id: string, rows: Partial<MeasurementRow>[]): Entry<MeasurementFile> => ({
  id,
  file: `data/measurements/${id}.yaml`,
  data: { source: `https://example.org/${id}`, date: '2025-01-01', engine: 'llama-cpp', rows: rows.map((r) => ({ model: 'llama-3.1-8b', quant: 'Q4_K_M', rig: 'homelab-rtx5090', ...r }) as MeasurementRow) },
});
const sources = [
  file('a', [{ decode_tokens_per_second: 180, prefill_tokens_per_second: 9000, prompt_tokens: 512 }, { quant: 'Q8_0', decode_tokens_per_second: 120 }]),
  file('b', [{ decode_tokens_per_second: 170 }, { quant: 'Q6_K', decode_tokens_per_second: 140 }]),
  file('c', [{ rig: 'arc-b580-desktop', decode_tokens_per_second: 60 }, { rig: 'arc-b580-desktop', quant: 'Q8_0', decode_tokens_per_second: 38, prefill_tokens_per_second: 1500, prompt_tokens: 512 }]),
];
const catalogue = (measurements: Entry<MeasurementFile>[]): Catalogue => ({ ...base, measurements });

describe('crossValidate', () => {
  const all = catalogue(sources);
  const context = fitContextOf(all);
  const cv = crossValidate(all, context, CALIBRATION);

  it('predicts every row once, with the fit of the other sources, errors as fractions', () => {
    expect(cv.rows).toHaveLength(6);
    expect(cv.decode.rows).toBe(6);
    expect(cv.prefill.rows).toBe(1); // the Arc rig has no fp16_tflops, so no prefill prediction
    expect(cv.decode.medianAbsError).toBeGreaterThan(0);
    expect(cv.decode.medianAbsError).toBeLessThan(5);
    expect(cv.decode.p90AbsError!).toBeGreaterThanOrEqual(cv.decode.medianAbsError!);
    const held = calibrationRows(catalogue([sources[1]!]), context, fitCalibration(catalogue([sources[0]!, sources[2]!]), context, CALIBRATION));
    expect(cv.rows.slice(2, 4)).toEqual(held);
  });

  it('a source never vouches for itself: its own figures do not move its predictions', () => {
    const changed = file('b', [{ decode_tokens_per_second: 17 }, { quant: 'Q6_K', decode_tokens_per_second: 14 }]);
    const other = crossValidate(catalogue([sources[0]!, changed, sources[2]!]), context, CALIBRATION);
    expect(other.rows.slice(2, 4).map((r) => r.predictedDecode)).toEqual(cv.rows.slice(2, 4).map((r) => r.predictedDecode));
    expect(other.decode.medianAbsError).not.toEqual(cv.decode.medianAbsError);
  });
});

describe('calibrationDiff', () => {
  const before = catalogue(sources.slice(0, 2));
  const added = file('d', [{ decode_tokens_per_second: 150, stddev_tokens_per_second: 1.2, generated_tokens: 128, kv_type: 'f16' }]);
  const after = catalogue([...sources.slice(0, 2), added, sources[2]!]);
  const names = { models: { 'llama-3.1-8b': 'Llama 3.1 8B Instruct' }, rigs: { 'homelab-rtx5090': 'Homelab' } };

  it('is null, and prints nothing, when no measurement row moved', () => {
    expect(calibrationDiff(before, catalogue([...sources.slice(0, 2)]), CALIBRATION)).toBeNull();
    expect(calibrationDiffMarkdown(null, { against: 'HEAD', names })).toBe('');
  });

  it('finds added and changed rows by content, and counts removed ones', () => {
    const edited = file('b', [{ decode_tokens_per_second: 171 }, { quant: 'Q6_K', decode_tokens_per_second: 140 }]);
    const { moved, removed } = movedMeasurementRows(before, catalogue([sources[0]!, edited, added]));
    expect(moved.map((m) => [m.entry.id, m.status])).toEqual([['b', 'changed'], ['d', 'added']]);
    expect(removed).toBe(0);
    expect(movedMeasurementRows(before, catalogue([sources[0]!])).removed).toBe(2);
  });

  it('shows each new row measured beside predicted before and after, the constants that move and the error', () => {
    const diff = calibrationDiff(before, after, CALIBRATION)!;
    expect(diff.rows.map((r) => [r.status, r.row.rig, r.row.measuredDecode])).toEqual([['added', 'homelab-rtx5090', 150], ['added', 'arc-b580-desktop', 60], ['added', 'arc-b580-desktop', 38]]);
    expect(diff.rows[0]!.predictedDecodeBefore).toBeGreaterThan(0);
    expect(diff.constants.length).toBeGreaterThan(0);
    expect(diff.crossValidated.before.decode.rows).toBe(4);
    expect(diff.crossValidated.after.decode.rows).toBe(7);
    const md = calibrationDiffMarkdown(diff, { against: 'HEAD', names });
    expect(md).toContain('### Measurements this change adds');
    expect(md).toContain('| Llama 3.1 8B Instruct (new) | Homelab | Q4_K_M | 0 | decode | 150 |');
    expect(md).toContain('| Metric | Rows | Median | 90th percentile |');
    expect(md).toMatch(/\| Decode \| \*\*4 → 7\*\* \|/);
  });
});
