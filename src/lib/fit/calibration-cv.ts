// Leave-one-source-out cross-validation of the calibration: refit without each measurement
// file, then predict that file's rows. Rows from one source share a machine and a method,
// so leaving out single rows would let a source's siblings vouch for it; leaving out the
// whole source asks how well the fit predicts a machine it has not seen, which is what a
// reader's rig is. Errors are fractions (0.093 for 9.3%).
import type { Catalogue } from '../data/catalogue.ts';
import type { Calibration } from './calibration.ts';
import { fitCalibration } from './calibration-fit.ts';
import { calibrationRows, errorSummary, type CalibrationRow } from './calibration-table.ts';
import type { FitContext } from './types.ts';

export interface AbsErrorSummary {
  rows: number;
  medianAbsError: number | null;
  p90AbsError: number | null;
}

export interface CrossValidation {
  decode: AbsErrorSummary;
  prefill: AbsErrorSummary;
  /** Every row as predicted by the fit that did not see its source. */
  rows: CalibrationRow[];
}

const fraction = (percent: number | null) => (percent === null ? null : Number((percent / 100).toFixed(4)));

/** Median and p90 absolute relative error, as fractions, of one metric over rows. */
export function absErrors(rows: CalibrationRow[], metric: 'decode' | 'prefill'): AbsErrorSummary {
  const s = errorSummary(rows.map((r) => (metric === 'decode' ? [r.predictedDecode, r.measuredDecode] : [r.predictedPrefill, r.measuredPrefill])));
  return { rows: s.rows, medianAbsError: fraction(s.medianAbsPercent), p90AbsError: fraction(s.p90AbsPercent) };
}

export function crossValidate(catalogue: Catalogue, context: FitContext, prior: Calibration): CrossValidation {
  const rows = catalogue.measurements.flatMap((held) => {
    const rest: Catalogue = { ...catalogue, measurements: catalogue.measurements.filter((m) => m !== held) };
    const fitted = fitCalibration(rest, context, prior);
    return calibrationRows({ ...catalogue, measurements: [held] }, context, fitted);
  });
  return { decode: absErrors(rows, 'decode'), prefill: absErrors(rows, 'prefill'), rows };
}
