// Loads the data once for a command-line tool, or exits with the validation messages.
import type { Catalogue } from '../lib/data/catalogue.ts';
import { newestDataDate } from '../lib/data/catalogue.ts';
import { formatProblem } from '../lib/data/problem.ts';
import { fitContextOf } from '../lib/fit/context.ts';
import { readData } from './read-data.ts';

export function loadCatalogueOrExit(): Catalogue {
  const { catalogue, problems } = readData();
  if (problems.length > 0) {
    console.error(problems.map(formatProblem).join('\n\n'));
    console.error(`\n${problems.length} data problem(s): fix them first (npm run validate lists them).`);
    process.exit(1);
  }
  return catalogue;
}

/** The engine's context for the loaded catalogue. */
export const fitContext = fitContextOf;

export { newestDataDate };
