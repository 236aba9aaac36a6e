// A quant cannot be published (or pulled) before the weights it was made from were released.
// Support events are not held to the release: engines merge support before launch (Ollama had
// Gemma 4 on 2026-03-30, three days before the weights), and an architecture can predate the
// model. Events in order and removed after published are checked in cross-check.ts.
import type { Entry } from './catalogue.ts';
import type { Problem } from './problem.ts';
import type { ModelData } from '../schema/index.ts';

export function checkQuantDates({ file, data }: Entry<ModelData>): Problem[] {
  // "on or before": the weights may have been out earlier than the date says.
  if (data.released_precision === 'on-or-before') return [];
  const problems: Problem[] = [];
  data.quants.forEach((q, i) => {
    const field = q.published !== undefined ? 'published' : q.removed !== undefined ? 'removed' : undefined;
    const date = field === undefined ? undefined : q[field];
    if (field === undefined || date === undefined || date >= data.released) return;
    problems.push({
      file,
      path: ['quants', i, field],
      expected: `a date on or after the model's release (released: ${data.released}): a quant is made from released weights`,
      found: `the date ${date}, ${field} before the model was released`,
      hint: "check both dates against their sources: the upload day in the quant's file listing, the model card for released",
    });
  });
  return problems;
}
