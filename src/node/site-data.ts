// The data and the engine's results for the pages, read once per build. In `astro dev` the
// cache is keyed on the data files' modification times, so an edited YAML is picked up.
import fs from 'node:fs';
import path from 'node:path';
import type { Catalogue, Entry } from '../lib/data/catalogue.ts';
import { newestDataDate } from '../lib/data/catalogue.ts';
import { formatProblem } from '../lib/data/problem.ts';
import { fitContextOf, fitMatrix, resultOf, type FitMatrix } from '../lib/report/fit-matrix.ts';
import type { FitContext, FitResult } from '../lib/fit/types.ts';
import type { ModelData, RigData } from '../lib/schema/index.ts';
import { HOUSE_RIG } from '../site-config.ts';
import { dataDir } from './data-dir.ts';
import { readData } from './read-data.ts';

export interface SiteData {
  catalogue: Catalogue;
  context: FitContext;
  /** The newest date in the data: what every page is "as of". */
  asOf: string;
  matrix: FitMatrix;
  houseRig: Entry<RigData>;
  model(id: string): Entry<ModelData>;
  rig(id: string): Entry<RigData>;
  result(model: string, rig: string): FitResult;
}

let cached: { key: string; data: SiteData } | undefined;

function signature(root: string): string {
  const parts: string[] = [];
  for (const folder of ['models', 'rigs', 'engines', 'measurements']) {
    const dir = path.join(root, folder);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) parts.push(`${folder}/${name}:${fs.statSync(path.join(dir, name)).mtimeMs}`);
  }
  return parts.join('|');
}

function find<T>(entries: Entry<T>[], id: string, kind: string): Entry<T> {
  const entry = entries.find((e) => e.id === id);
  if (!entry) throw new Error(`no ${kind} "${id}" in the data`);
  return entry;
}

function load(): SiteData {
  const { catalogue, problems } = readData();
  if (problems.length > 0) throw new Error(`data problems:\n${problems.map(formatProblem).join('\n\n')}`);
  const context = fitContextOf(catalogue);
  const asOf = newestDataDate(catalogue);
  const matrix = fitMatrix(catalogue, context, asOf);
  return {
    catalogue,
    context,
    asOf,
    matrix,
    houseRig: find(catalogue.rigs, HOUSE_RIG, 'rig (HOUSE_RIG in src/site-config.ts)'),
    model: (id) => find(catalogue.models, id, 'model'),
    rig: (id) => find(catalogue.rigs, id, 'rig'),
    result: (model, rig) => resultOf(matrix, model, rig),
  };
}

export function siteData(): SiteData {
  // A build reads the data once; only `astro dev` re-checks the files (a page asks many times,
  // and stat-ing a thousand files per page cost a fifth of a 1,000-model build).
  if (cached && !import.meta.env?.DEV) return cached.data;
  const key = signature(dataDir());
  if (!cached || cached.key !== key) cached = { key, data: load() };
  return cached.data;
}
