// The calculator's data is the parsed data minus prose: the engine gives the same answer on
// it as on the full data, for every model on every rig (no field can be lost by a copy).
import { describe, expect, it } from 'vitest';
import { calculatorData } from '../src/lib/calculator/data.ts';
import { newestDataDate } from '../src/lib/data/catalogue.ts';
import { evaluateFit } from '../src/lib/fit/index.ts';
import type { FitResult } from '../src/lib/fit/types.ts';
import { contextOf, repoCatalogue } from './support/catalogue.ts';

const catalogue = repoCatalogue();
const context = contextOf(catalogue);
const asOf = newestDataDate(catalogue);
const data = calculatorData(catalogue, null, 'homelab-rtx5090', 32768);
const compactContext = { engines: data.engines, measurements: data.measurements };

/** Everything but support links, which the island does not show (and the data drops). */
const answer = (r: FitResult) => ({ ...r, stack: { ...r.stack, link: null }, walls: { ...r.walls, stack: { ...r.walls.stack, link: null } } });

describe('the calculator island\'s data', () => {
  it('gives evaluateFit exactly the answer the build gets, for every model on every rig', () => {
    for (const rig of catalogue.rigs) {
      const compactRig = data.rigs.find((r) => r.id === rig.id)!;
      for (const model of catalogue.models) {
        const compactModel = data.models.find((m) => m.id === model.id)!;
        const full = evaluateFit(model, rig, context, { asOf });
        const compact = evaluateFit(compactModel, compactRig, compactContext, { asOf: data.asOf });
        expect(answer(compact), `${model.id} on ${rig.id}`).toEqual(answer(full));
      }
    }
  });

  it('keeps no prose: sources, notes and summaries stay on the pages', () => {
    const json = JSON.stringify(data);
    expect(json).not.toMatch(/"(sources|notes|note|summary|hardware_note)":/);
  });
});
