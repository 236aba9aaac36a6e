// npm run diff-verdicts -- <git-ref> [--as-of YYYY-MM-DD]
// Runs the engine for every model x rig on data/ as it was at <git-ref> and as it is now,
// and prints a Markdown table of the pairs whose verdict, pick or predicted decode speed
// (by more than 1%) changed; nothing at all when none did. CI posts it on pull requests.
//
// Both trees are evaluated as of the same day: the later of their newest data dates (or
// --as-of). The "before" data never holds an event past its own newest date, so this is
// its own verdict too, and only the data change, not the passing of time, moves a row.
//
// When measurement rows changed, a second table follows: each new row's measured figure
// beside the prediction before and after, the fitted constants that move, and the
// leave-one-source-out error of each side (src/lib/calibration-diff.ts).
import type { Catalogue } from '../src/lib/data/catalogue.ts';
import { newestDataDate } from '../src/lib/data/catalogue.ts';
import { formatProblem } from '../src/lib/data/problem.ts';
import { calibrationDiff, calibrationDiffMarkdown } from '../src/lib/calibration-diff.ts';
import { CALIBRATION } from '../src/lib/fit/calibration.ts';
import { diffVerdicts, verdictDiffMarkdown, verdictRows } from '../src/lib/verdict-diff.ts';
import { dataAtRef, RefError } from '../src/node/data-at-ref.ts';
import { calendarDay, readArgs } from '../src/node/cli-args.ts';
import { dataDir } from '../src/node/data-dir.ts';
import { readData } from '../src/node/read-data.ts';

const usage = 'usage: npm run diff-verdicts -- <git-ref> [--as-of YYYY-MM-DD]   (e.g. origin/main, HEAD~1)';
function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

const { values, positionals } = readArgs({ 'as-of': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, usage);
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const ref = positionals[0];
if (!ref || positionals.length > 1) fail(usage);
if (values['as-of'] !== undefined) calendarDay('--as-of', values['as-of'], usage);

const root = dataDir();
const now = readData(root);
if (now.problems.length > 0) {
  console.error(now.problems.map(formatProblem).join('\n\n'));
  fail(`\nThe data has ${now.problems.length} problem(s); fix them (npm run validate) before comparing verdicts.`, 1);
}

let extracted;
try {
  extracted = dataAtRef(ref, root);
} catch (error) {
  if (error instanceof RefError) fail(error.message);
  throw error;
}
let before: Catalogue;
try {
  const empty: Catalogue = { models: [], rigs: [], engines: [], measurements: [] };
  const old = extracted.root ? readData(extracted.root) : { catalogue: empty, problems: [] };
  if (old.problems.length > 0)
    console.error(`note: the data at ${ref} has ${old.problems.length} problem(s) under today's schemas; files that fail to parse are left out of the "before" side.`);
  before = old.catalogue;
} finally {
  extracted.cleanup();
}

const asOf = values['as-of'] ?? [newestDataDate(before), newestDataDate(now.catalogue)].sort().at(-1)!;
const beforeRows = verdictRows(before, asOf);
const afterRows = verdictRows(now.catalogue, asOf);
const changes = diffVerdicts(beforeRows, afterRows);
const pairs = new Set([...beforeRows, ...afterRows].map((r) => `${r.model} ${r.rig}`)).size;
const markdown = verdictDiffMarkdown(changes, { against: ref, asOf, pairs });
if (markdown) process.stdout.write(markdown);
const names = {
  models: Object.fromEntries([...before.models, ...now.catalogue.models].map((m) => [m.id, m.data.name])),
  rigs: Object.fromEntries([...before.rigs, ...now.catalogue.rigs].map((r) => [r.id, r.data.name])),
};
const calibration = calibrationDiffMarkdown(calibrationDiff(before, now.catalogue, CALIBRATION), { against: ref, names });
if (calibration) process.stdout.write(`${markdown ? '\n' : ''}${calibration}`);
