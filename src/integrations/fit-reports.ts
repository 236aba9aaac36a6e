// Runs before Astro syncs content: validates the data (so a bad file fails with our message,
// before anything is written to dist/) and writes the generated reports that the `reports`
// collection loads. `astro:build:start` would be too late: content syncs before it.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { formatProblem } from '../lib/data/problem.ts';
import { dataDir } from '../node/data-dir.ts';
import { generateReports } from '../node/generate-reports.ts';
import { readData } from '../node/read-data.ts';

function regenerate(outDir: string, logger: AstroIntegrationLogger): boolean {
  const { catalogue, problems } = readData();
  if (problems.length > 0) {
    const files = new Set(problems.map((p) => p.file)).size;
    logger.error(`\n${problems.map(formatProblem).join('\n\n')}\n\n${problems.length} data problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (listed above).`);
    return false;
  }
  const result = generateReports(catalogue, outDir);
  const changes = result.written.length + result.removed.length;
  logger.info(`reports as of ${result.asOf}: ${changes === 0 ? 'all current' : `${result.written.length} written, ${result.removed.length} removed`} (${result.unchanged} unchanged)`);
  return true;
}

export default function fitReports(): AstroIntegration {
  let outDir = '';
  return {
    name: 'three-walls:fit-reports',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        // `preview` serves dist/ as built; regenerating would only touch the source tree.
        if (command === 'preview') return;
        outDir = fileURLToPath(new URL('src/content/reports/', config.root));
        if (regenerate(outDir, logger)) return;
        // `astro dev` stays up on bad data: the problems are listed above, each page says
        // them too, and the watcher below rebuilds as soon as the YAML is fixed.
        if (command === 'dev') logger.warn('the dev server keeps running: fix the data files listed above and the pages follow.');
        else throw new Error('Data problems (listed above); run `npm run validate` for the list. Nothing was built.');
      },
      'astro:server:setup': ({ server, logger }) => {
        const data = dataDir();
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.add(data);
        server.watcher.on('all', (_event, file) => {
          if (!file.startsWith(data)) return;
          // An editor's save is often several events: regenerate once they settle.
          clearTimeout(timer);
          timer = setTimeout(() => {
            // Never let a surprise take the dev server down: say it, and wait for the next save.
            try {
              regenerate(outDir, logger);
            } catch (error) {
              logger.error(`could not read the data: ${(error as Error).message}`);
            }
          }, 150);
        });
      },
    },
  };
}
