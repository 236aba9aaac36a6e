// The data and the engine's results for the pages, read once per build. In `astro dev` the
// cache is readData's, keyed on the data files' sizes and modification times, so an edited YAML is picked up.
import path from 'node:path';
import type { Catalogue, Entry } from '../lib/data/catalogue.ts';
import { newestDataDate } from '../lib/data/catalogue.ts';
import { formatProblem } from '../lib/data/problem.ts';
import { fitContextOf } from '../lib/fit/context.ts';
import { fitMatrix, resultOf, type FitMatrix } from '../lib/report/fit-matrix.ts';
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

/** Keyed on readData's result: it re-reads only when a data file changed (its own cache). */
let cached: { read: ReturnType<typeof readData>; data: SiteData } | undefined;

function find<T>(entries: Entry<T>[], id: string, kind: string): Entry<T> {
  const entry = entries.find((e) => e.id === id);
  if (!entry) throw new Error(`no ${kind} "${id}" in the data`);
  return entry;
}

/**
 * Bad data reaches a page only in `astro dev` (the build validates first). The error names
 * the YAML, not this file: `loc` is what Astro's error overlay shows as the code frame, and
 * the stack is left out because the mistake is in the data, not in the code.
 */
function dataError(problems: ReturnType<typeof readData>['problems']): Error {
  const first = problems[0]!;
  const error = new Error(`${problems.length} data problem${problems.length === 1 ? '' : 's'}: fix the YAML and the page reloads.\n\n${problems.map(formatProblem).join('\n\n')}`);
  Object.assign(error, { name: 'DataError', title: 'Bad data in data/', loc: { file: path.relative(process.cwd(), path.resolve(first.file)), line: first.line ?? 1, column: 1 }, hint: 'npm run validate lists the same problems.' });
  error.stack = `${error.name}: ${error.message}`;
  return error;
}

function load(read: ReturnType<typeof readData>): SiteData {
  const { catalogue, problems } = read;
  if (problems.length > 0) throw dataError(problems);
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
  // A build reads the data once; only `astro dev` asks readData again, which re-checks the
  // files (a page asks many times, and stat-ing a thousand files per page cost a fifth of a
  // 1,000-model build).
  if (cached && !import.meta.env?.DEV) return cached.data;
  const read = readData(dataDir());
  if (!cached || cached.read !== read) cached = { read, data: load(read) };
  return cached.data;
}
