// Integrity the schemas cannot see alone: ids that point at other files, and duplicates.
// (Astro only logs a dangling reference and still builds, so we check it ourselves.)
import type { Catalogue } from './catalogue.ts';
import { closeNames } from './did-you-mean.ts';
import type { Problem } from './problem.ts';

/** Files that exist but could not be used, per collection: each is reported once, at its source. */
export interface Unusable {
  /** The collection's folder is missing (said once, in one line, by the reader). */
  missing: boolean;
  /** Ids whose file failed to parse or was refused. */
  ids: Set<string>;
}

/**
 * `unusable` keeps one root cause from becoming sixty problems: a reference to a file that
 * failed to parse (or to a collection whose folder is missing) is not reported again.
 */
export function crossCheck(catalogue: Catalogue, unusable: Partial<Record<'models' | 'rigs' | 'engines', Unusable>> = {}): Problem[] {
  const problems: Problem[] = [];
  const ids = {
    models: new Set(catalogue.models.map((e) => e.id)),
    rigs: new Set(catalogue.rigs.map((e) => e.id)),
    engines: new Set(catalogue.engines.map((e) => e.id)),
  };
  const dangling = (file: string, path: (string | number)[], kind: keyof typeof ids, id: string) => {
    if (ids[kind].has(id) || unusable[kind]?.missing || unusable[kind]?.ids.has(id)) return;
    const close = closeNames(id, ids[kind]);
    problems.push({
      file,
      path,
      expected: `the id of a file in data/${kind}/ (e.g. "${[...ids[kind]][0] ?? 'none yet'}")`,
      found: `"${id}", which no file in data/${kind}/ has`,
      hint: close.length ? `did you mean "${close[0]}"?` : `add data/${kind}/${id}.yaml, or fix the id`,
    });
  };

  for (const { file, data } of catalogue.rigs) {
    data.engines.forEach((engine, i) => dangling(file, ['engines', i], 'engines', engine));
    if (data.daily_driver) dangling(file, ['daily_driver'], 'models', data.daily_driver);
  }
  for (const { file, data } of catalogue.models) {
    for (const engine of Object.keys(data.support)) dangling(file, ['support', engine], 'engines', engine);
    const names = new Set<string>();
    data.quants.forEach((q, i) => {
      if (names.has(q.name))
        problems.push({ file, path: ['quants', i, 'name'], expected: 'a quant name used once in this file', found: `"${q.name}" a second time`, hint: 'merge the two entries or give each its published label' });
      names.add(q.name);
      q.engines?.forEach((engine, j) => dangling(file, ['quants', i, 'engines', j], 'engines', engine));
      if (q.removed && q.published && q.removed < q.published)
        problems.push({ file, path: ['quants', i, 'removed'], expected: `a date on or after published (${q.published})`, found: `the date ${q.removed}` });
    });
    for (const [engine, events] of Object.entries(data.support)) {
      events.forEach((e, i) => {
        const before = events[i - 1];
        if (before && e.date < before.date)
          problems.push({ file, path: ['support', engine, i, 'date'], expected: `dates in order, oldest first (after ${before.date})`, found: `the date ${e.date}` });
      });
    }
  }
  const modelsById = new Map(catalogue.models.map((m) => [m.id, m]));
  for (const { file, data } of catalogue.measurements) {
    dangling(file, ['engine'], 'engines', data.engine);
    data.rows.forEach((row, i) => {
      dangling(file, ['rows', i, 'model'], 'models', row.model);
      dangling(file, ['rows', i, 'rig'], 'rigs', row.rig);
      const model = modelsById.get(row.model);
      if (model && !model.data.quants.some((q) => q.name === row.quant)) {
        const close = closeNames(row.quant, model.data.quants.map((q) => q.name));
        problems.push({
          file,
          path: ['rows', i, 'quant'],
          expected: `the name of a quant listed in ${model.file}`,
          found: `"${row.quant}"`,
          hint: close.length ? `did you mean "${close[0]}"?` : `add the quant to ${model.file} first`,
        });
      }
    });
  }
  for (const kind of ['models', 'rigs', 'engines'] as const) {
    const seen = new Map<string, string>();
    for (const { file, data } of catalogue[kind]) {
      const key = data.name.trim().toLowerCase();
      const first = seen.get(key);
      if (first)
        problems.push({ file, path: ['name'], expected: `a name no other file in data/${kind}/ uses`, found: `"${data.name}", already used by ${first}`, hint: 'one thing per file: merge them or tell them apart in the name' });
      else seen.set(key, file);
    }
  }
  return problems;
}
