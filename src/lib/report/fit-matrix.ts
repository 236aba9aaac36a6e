// Every model on every rig as of one day: the engine run once and shared by the reports,
// the home page matrix and the rig pages, so they cannot disagree.
import type { Catalogue } from '../data/catalogue.ts';
import { evaluateFit } from '../fit/index.ts';
import type { FitContext, FitResult } from '../fit/types.ts';

/** model id -> rig id -> result. */
export type FitMatrix = Map<string, Map<string, FitResult>>;

export function fitMatrix(catalogue: Catalogue, context: FitContext, asOf: string): FitMatrix {
  const matrix: FitMatrix = new Map();
  for (const model of catalogue.models) {
    const row = new Map<string, FitResult>();
    for (const rig of catalogue.rigs) row.set(rig.id, evaluateFit(model, rig, context, { asOf }));
    matrix.set(model.id, row);
  }
  return matrix;
}

export function resultOf(matrix: FitMatrix, model: string, rig: string): FitResult {
  const result = matrix.get(model)?.get(rig);
  if (!result) throw new Error(`no fit result for model "${model}" on rig "${rig}"`);
  return result;
}
