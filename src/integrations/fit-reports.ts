// Runs before Astro syncs content: validates the data (so a bad file fails with our message,
// before anything is written to dist/) and, later, writes the generated reports.
import type { AstroIntegration } from 'astro';
import { formatProblem } from '../lib/data/problem.ts';
import { readData } from '../node/read-data.ts';

export default function fitReports(): AstroIntegration {
  return {
    name: 'three-walls:fit-reports',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command === 'preview') return;
        const { problems } = readData();
        if (problems.length > 0) {
          logger.error(`\n${problems.map(formatProblem).join('\n\n')}`);
          throw new Error(`${problems.length} data problem(s); run \`npm run validate\` for the list. Nothing was built.`);
        }
      },
    },
  };
}
