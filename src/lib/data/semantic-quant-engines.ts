// A file restricted to engines (quant.engines) that cannot load its format would never be
// offered: the engine's `formats` in data/engines/<id>.yaml decide what it loads.
import type { Catalogue, Entry } from './catalogue.ts';
import type { Problem } from './problem.ts';
import type { ModelData } from '../schema/index.ts';

export function checkQuantEngines({ file, data }: Entry<ModelData>, catalogue: Catalogue): Problem[] {
  const engines = new Map(catalogue.engines.map((e) => [e.id, e]));
  const problems: Problem[] = [];
  data.quants.forEach((q, i) => {
    q.engines?.forEach((id, j) => {
      const engine = engines.get(id);
      // An unknown id is cross-check.ts's to report.
      if (!engine || engine.data.formats.includes(q.format)) return;
      const loaders = catalogue.engines.filter((e) => e.data.formats.includes(q.format)).map((e) => e.id);
      problems.push({
        file,
        path: ['quants', i, 'engines', j],
        expected: `an engine that loads ${q.format} files${loaders.length ? ` (${loaders.join(', ')})` : ''}`,
        found: `"${id}", which loads ${engine.data.formats.join(', ')} (${engine.file})`,
        hint: `check the quant's format and engines; if ${engine.data.name} does load ${q.format} now, add it to formats in ${engine.file}`,
      });
    });
  });
  return problems;
}
