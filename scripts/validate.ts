// npm run validate: checks every data file and says exactly what is wrong.
// Exit 0 with a one-line summary when the data is valid; exit 1 listing every problem otherwise.
import { formatProblem } from '../src/lib/data/problem.ts';
import { readArgs, usageError } from '../src/node/cli-args.ts';
import { dataDir, displayPath } from '../src/node/data-dir.ts';
import { readData } from '../src/node/read-data.ts';

const { values, positionals } = readArgs({ quiet: { type: 'boolean' } }, 'usage: npm run validate [-- --quiet]');
if (positionals.length > 0) usageError(`validate takes no file names: it checks every file under ${displayPath(dataDir())}/ (set THREEWALLS_DATA for another folder)`);
const quiet = values.quiet === true;
const root = dataDir();
const { catalogue, problems, files } = readData(root);

if (problems.length > 0) {
  console.error(problems.map(formatProblem).join('\n\n'));
  const fileCount = new Set(problems.map((p) => p.file)).size;
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${fileCount} file${fileCount === 1 ? '' : 's'} under ${displayPath(root)}/. Nothing was built.`);
  process.exit(1);
}
if (!quiet || process.env.CI) {
  console.log(
    `${displayPath(root)}/ is valid: ${files} files (${catalogue.models.length} models, ${catalogue.rigs.length} rigs, ${catalogue.engines.length} engines, ${catalogue.measurements.length} measurement files).`,
  );
}
