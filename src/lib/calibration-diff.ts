// What a measurement change moves in the calibration: each measurement row added or changed
// beside the prediction before and after, the fitted constants that moved, and the
// leave-one-source-out error on each side. Both sides are refitted with the same fit code
// (never the committed calibration.json, which may lag the data at either ref). Pure.
import type { Catalogue } from './data/catalogue.ts';
import type { Calibration } from './fit/calibration.ts';
import { crossValidate, type AbsErrorSummary } from './fit/calibration-cv.ts';
import { fitCalibration } from './fit/calibration-fit.ts';
import { calibrationRows, type CalibrationRow } from './fit/calibration-table.ts';
import { fitContextOf } from './fit/context.ts';
import type { MeasurementRow } from './schema/index.ts';

export interface MovedRow {
  status: 'added' | 'changed';
  file: string;
  /** Predicted with the fit of the data before (predictedBefore) and after (row itself). */
  row: CalibrationRow;
  predictedDecodeBefore: number | null;
  predictedPrefillBefore: number | null;
}

export interface ConstantChange { name: string; before: number | null; after: number | null }

export interface CalibrationDiff {
  rows: MovedRow[];
  removedRows: number;
  constants: ConstantChange[];
  crossValidated: { before: { decode: AbsErrorSummary; prefill: AbsErrorSummary }; after: { decode: AbsErrorSummary; prefill: AbsErrorSummary } };
}

// A row's identity: the same run measured again (same file, model, file, rig, shape).
const identity = (file: string, r: MeasurementRow) =>
  JSON.stringify([file, r.model, r.quant, r.rig, r.context_depth ?? 0, r.prompt_tokens, r.generated_tokens, r.kv_type, r.flash_attention, r.gpu_layers, r.cpu_moe_layers, r.decode_tokens_per_second !== undefined, r.prefill_tokens_per_second !== undefined]);
const content = (file: string, r: MeasurementRow) => JSON.stringify([file, r]);

function multiset(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** Measurement rows of `after` not in `before` (by content), and how many of `before` are gone. */
export function movedMeasurementRows(before: Catalogue, after: Catalogue) {
  const all = (c: Catalogue) => c.measurements.flatMap((m) => m.data.rows.map((r) => ({ entry: m, row: r })));
  const old = multiset(all(before).map((x) => content(x.entry.id, x.row)));
  const oldIds = new Set(all(before).map((x) => identity(x.entry.id, x.row)));
  const moved = all(after).filter((x) => {
    const k = content(x.entry.id, x.row);
    const n = old.get(k) ?? 0;
    if (n > 0) old.set(k, n - 1);
    return n === 0;
  });
  const removed = [...old.values()].reduce((a, b) => a + b, 0) - moved.filter((x) => oldIds.has(identity(x.entry.id, x.row))).length;
  return { moved: moved.map((x) => ({ ...x, status: oldIds.has(identity(x.entry.id, x.row)) ? ('changed' as const) : ('added' as const) })), removed: Math.max(0, removed) };
}

function flatten(c: Calibration): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, value] of Object.entries(c)) {
    if (typeof value === 'number') out.set(key, value);
    else for (const [sub, v] of Object.entries(value as Record<string, number>)) out.set(`${key}.${sub}`, v);
  }
  return out;
}

function constantChanges(a: Calibration, b: Calibration): ConstantChange[] {
  const x = flatten(a);
  const y = flatten(b);
  return [...new Set([...x.keys(), ...y.keys()])].filter((k) => x.get(k) !== y.get(k)).map((k) => ({ name: k, before: x.get(k) ?? null, after: y.get(k) ?? null }));
}

/** Null when no measurement row was added, changed or removed. */
export function calibrationDiff(before: Catalogue, after: Catalogue, prior: Calibration): CalibrationDiff | null {
  const { moved, removed } = movedMeasurementRows(before, after);
  if (moved.length === 0 && removed === 0) return null;
  const [ctxBefore, ctxAfter] = [fitContextOf(before), fitContextOf(after)];
  const fitBefore = fitCalibration(before, ctxBefore, prior);
  const fitAfter = fitCalibration(after, ctxAfter, prior);
  const rows = moved.flatMap(({ entry, row, status }) => {
    const one: Catalogue = { ...after, measurements: [{ ...entry, data: { ...entry.data, rows: [row] } }] };
    const [now] = calibrationRows(one, ctxAfter, fitAfter);
    const [then] = calibrationRows(one, ctxAfter, fitBefore);
    if (!now) return [];
    return [{ status, file: entry.file, row: now, predictedDecodeBefore: then?.predictedDecode ?? null, predictedPrefillBefore: then?.predictedPrefill ?? null }];
  });
  const cv = (c: Catalogue, ctx: typeof ctxAfter) => {
    const { decode, prefill } = crossValidate(c, ctx, prior);
    return { decode, prefill };
  };
  return { rows, removedRows: removed, constants: constantChanges(fitBefore, fitAfter), crossValidated: { before: cv(before, ctxBefore), after: cv(after, ctxAfter) } };
}

const cell = (text: string) => text.replace(/\|/g, '\\|');
const speed = (v: number | null) => (v === null ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const signed = (p: number | null, m: number) => (p === null ? '—' : `${p >= m ? '+' : '−'}${Math.abs(((p - m) / m) * 100).toFixed(0)}%`);
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const arrow = (a: string, b: string) => (a === b ? a : `**${a} → ${b}**`);

function rowLines(rows: MovedRow[], names: { models: Record<string, string>; rigs: Record<string, string> }): string[] {
  const out = ['| Model | Rig | File | Depth | Metric | Measured | Predicted before | Predicted after |', '|---|---|---|---|---|---|---|---|'];
  for (const m of rows) {
    const r = m.row;
    const lead = `| ${cell(names.models[r.model] ?? r.model)}${m.status === 'added' ? ' (new)' : ' (changed)'} | ${cell(names.rigs[r.rig] ?? r.rig)} | ${cell(r.quant)} | ${r.depthTokens} |`;
    if (r.measuredDecode !== null)
      out.push(`${lead} decode | ${speed(r.measuredDecode)} | ${speed(m.predictedDecodeBefore)} (${signed(m.predictedDecodeBefore, r.measuredDecode)}) | ${speed(r.predictedDecode)} (${signed(r.predictedDecode, r.measuredDecode)}) |`);
    if (r.measuredPrefill !== null)
      out.push(`${lead} prefill | ${speed(r.measuredPrefill)} | ${speed(m.predictedPrefillBefore)} (${signed(m.predictedPrefillBefore, r.measuredPrefill)}) | ${speed(r.predictedPrefill)} (${signed(r.predictedPrefill, r.measuredPrefill)}) |`);
  }
  return out;
}

/** The Markdown a pull request shows below the verdict table; empty text for no diff. */
export function calibrationDiffMarkdown(diff: CalibrationDiff | null, context: { against: string; names: { models: Record<string, string>; rigs: Record<string, string> } }): string {
  if (!diff) return '';
  const { before, after } = diff.crossValidated;
  const cv = (m: 'decode' | 'prefill') =>
    `| ${m === 'decode' ? 'Decode' : 'Prefill'} | ${arrow(String(before[m].rows), String(after[m].rows))} | ${arrow(pct(before[m].medianAbsError), pct(after[m].medianAbsError))} | ${arrow(pct(before[m].p90AbsError), pct(after[m].p90AbsError))} |`;
  return [
    '### Measurements this change adds',
    '',
    `Against \`${context.against}\`: ${diff.rows.length} measurement row(s) added or changed${diff.removedRows ? `, ${diff.removedRows} removed` : ''}. "Before" is the calibration refitted to the data at \`${context.against}\`, "after" refitted with this change (tokens per second; error against the measurement).`,
    '',
    ...(diff.rows.length ? [...rowLines(diff.rows, context.names), ''] : []),
    diff.constants.length ? 'Fitted constants that move:' : 'No fitted constant moves.',
    '',
    ...(diff.constants.length
      ? ['| Constant | Before | After |', '|---|---|---|', ...diff.constants.map((c) => `| \`${c.name}\` | ${c.before ?? '—'} | ${c.after ?? '—'} |`), '']
      : []),
    'Leave-one-source-out error (each source predicted by a fit without it; absolute):',
    '',
    '| Metric | Rows | Median | 90th percentile |',
    '|---|---|---|---|',
    cv('decode'),
    cv('prefill'),
    '',
  ].join('\n');
}
