// npm run calibrate: every measurement beside the engine's prediction, and the error.
// npm run calibrate -- --write: refit the efficiency constants and save them.
// npm run calibrate -- --json: { decode: { rows, medianAbsError, p90AbsError, crossValidated:
// { medianAbsError, p90AbsError } }, prefill: { same } }, errors as fractions (0.093 = 9.3%);
// cross-validated leaves out one source file at a time (src/lib/fit/calibration-cv.ts).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CALIBRATION } from '../src/lib/fit/calibration.ts';
import { absErrors, crossValidate } from '../src/lib/fit/calibration-cv.ts';
import { fitCalibration } from '../src/lib/fit/calibration-fit.ts';
import { calibrationRows, calibrationTable } from '../src/lib/fit/calibration-table.ts';
import { fitContext, loadCatalogueOrExit } from '../src/node/catalogue-context.ts';
import { readArgs } from '../src/node/cli-args.ts';

const { values } = readArgs({ write: { type: 'boolean' }, json: { type: 'boolean' } }, 'usage: npm run calibrate [-- --write] [--json]');
const catalogue = loadCatalogueOrExit();
const context = fitContext(catalogue);
let calibration = CALIBRATION;

if (values.write) {
  calibration = fitCalibration(catalogue, context, CALIBRATION);
  const file = fileURLToPath(new URL('../src/lib/fit/calibration.json', import.meta.url));
  fs.writeFileSync(file, `${JSON.stringify(calibration, null, 2)}\n`);
  if (!process.argv.includes('--json')) console.log(`wrote src/lib/fit/calibration.json from ${calibration.rows} rows\n`);
}

if (process.argv.includes('--json')) {
  const rows = calibrationRows(catalogue, context, calibration);
  const cv = crossValidate(catalogue, context, CALIBRATION);
  const metric = (m: 'decode' | 'prefill') => {
    const own = absErrors(rows, m);
    return { rows: own.rows, medianAbsError: own.medianAbsError, p90AbsError: own.p90AbsError, crossValidated: { medianAbsError: cv[m].medianAbsError, p90AbsError: cv[m].p90AbsError } };
  };
  console.log(JSON.stringify({ decode: metric('decode'), prefill: metric('prefill') }, null, 2));
  process.exit(0);
}

const table = calibrationTable(catalogue, context, calibration);
const num = (v: number | null) => (v === null ? '-' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const err = (p: number | null, m: number | null) => (p === null || m === null ? '-' : `${(((p - m) / m) * 100).toFixed(0)}%`);
console.log(['model', 'quant', 'rig', 'depth', 'placement', 'decode meas', 'pred', 'err', 'prefill meas', 'pred', 'err'].join('\t'));
for (const r of table.rows) {
  console.log([r.model, r.quant, r.rig, r.depthTokens, r.placement, num(r.measuredDecode), num(r.predictedDecode), err(r.predictedDecode, r.measuredDecode), num(r.measuredPrefill), num(r.predictedPrefill), err(r.predictedPrefill, r.measuredPrefill)].join('\t'));
}
const pct = (v: number | null) => (v === null ? '-' : `${v.toFixed(1)}%`);
console.log(`\ndecode:  ${table.decode.rows} rows, median absolute error ${pct(table.decode.medianAbsPercent)}, 90th percentile ${pct(table.decode.p90AbsPercent)}`);
console.log(`prefill: ${table.prefill.rows} rows, median absolute error ${pct(table.prefill.medianAbsPercent)}, 90th percentile ${pct(table.prefill.p90AbsPercent)}`);
const thin = Object.entries(calibration.support ?? {}).filter(([, n]) => n < 5).map(([name, n]) => `${name} (${n === 0 ? 'pooled or default: no rows of its own' : `${n} rows`})`);
if (thin.length) console.log(`\nconstants resting on fewer than 5 rows: ${thin.join(', ')}`);
