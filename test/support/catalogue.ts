// The repository's own data, loaded once for tests the way the CLI loads it.
import path from 'node:path';
import type { Catalogue } from '../../src/lib/data/catalogue.ts';
import type { FitModel, FitRig } from '../../src/lib/fit/types.ts';
import { readData } from '../../src/node/read-data.ts';

let cached: Catalogue | undefined;

export function repoCatalogue(): Catalogue {
  if (!cached) {
    // THREEWALLS_DATA as every command honours it (a copy of data/ to try a change on).
    const { catalogue, problems } = readData(process.env.THREEWALLS_DATA ?? path.resolve(import.meta.dirname, '../../data'));
    if (problems.length > 0) throw new Error(`data/ has ${problems.length} problems; run npm run validate`);
    cached = catalogue;
  }
  return cached;
}

export { fitContextOf as contextOf } from '../../src/lib/fit/context.ts';

export function modelById(catalogue: Catalogue, id: string): FitModel {
  const m = catalogue.models.find((e) => e.id === id);
  if (!m) throw new Error(`no model ${id}`);
  return m;
}

export function rigById(catalogue: Catalogue, id: string): FitRig {
  const r = catalogue.rigs.find((e) => e.id === id);
  if (!r) throw new Error(`no rig ${id}`);
  return r;
}
