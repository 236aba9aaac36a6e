// Data that parses but contradicts itself or physics: counts that disagree, sizes whose bits
// per weight no file can have, bandwidths in the wrong place, speeds no memory allows, types
// the engine would silently drop, formats an engine cannot load, dates before a release.
// Pure: the parsed catalogue in, Problems out (read-data.ts adds the lines). Runs after the
// schema and cross-reference checks; a dangling reference is skipped here, cross-check.ts
// reports it. One concept per semantic-*.ts file.
import type { Catalogue } from './catalogue.ts';
import type { Problem } from './problem.ts';
import { checkCounts } from './semantic-counts.ts';
import { checkMeasurement } from './semantic-measurement.ts';
import { checkQuantDates } from './semantic-quant-dates.ts';
import { checkQuantEngines } from './semantic-quant-engines.ts';
import { checkRig } from './semantic-rig.ts';
import { checkSizes } from './semantic-sizes.ts';
import { checkUnknownTypes } from './semantic-unknown-types.ts';

export function semanticChecks(catalogue: Catalogue): Problem[] {
  return [
    ...catalogue.models.flatMap((model) => [
      ...checkCounts(model),
      ...checkSizes(model),
      ...checkUnknownTypes(model),
      ...checkQuantEngines(model, catalogue),
      ...checkQuantDates(model),
    ]),
    ...catalogue.rigs.flatMap(checkRig),
    ...catalogue.measurements.flatMap((file) => checkMeasurement(file, catalogue)),
  ];
}
