// What the engine needs from the catalogue besides the model and rig: engines by id and the
// measured rows. One place builds it, for the CLI, the build, the diff and the tests alike.
import type { Catalogue } from '../data/catalogue.ts';
import type { FitContext } from './types.ts';

export function fitContextOf(catalogue: Catalogue): FitContext {
  return {
    engines: Object.fromEntries(catalogue.engines.map((e) => [e.id, e.data])),
    measurements: catalogue.measurements.map((m) => m.data),
  };
}
