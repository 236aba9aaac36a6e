// A content loader for the data collections that reads data/ the one safe way (readData:
// regular files inside data/ only, size limits, every problem named) instead of Astro's
// glob(), which follows links, reads pipes and throws on the first bad entry, ending
// `astro dev`. Entries are stored as the schemas parsed them (units converted); a file with
// a problem is left out and the problem logged with its file and line, and the dev server
// keeps running. `astro build` never gets here with bad data: validation runs first.
import type { Loader } from 'astro/loaders';
import type { CollectionName } from '../lib/schema/index.ts';
import { formatProblem } from '../lib/data/problem.ts';
import { readData } from '../node/read-data.ts';
import { dataDir } from '../node/data-dir.ts';

export function dataLoader(collection: CollectionName): Loader {
  return {
    name: `three-walls-${collection}`,
    load: async ({ store, logger, watcher }) => {
      const sync = () => {
        const { catalogue, problems } = readData(dataDir());
        for (const p of problems.filter((x) => x.file.includes(`/${collection}/`) || x.file.includes(`${collection}/`))) logger.error(formatProblem(p));
        store.clear();
        for (const entry of catalogue[collection]) store.set({ id: entry.id, data: entry.data as unknown as Record<string, unknown> });
      };
      sync();
      watcher?.on('change', (file) => { if (file.includes(`/${collection}/`)) sync(); });
      watcher?.on('add', (file) => { if (file.includes(`/${collection}/`)) sync(); });
      watcher?.on('unlink', (file) => { if (file.includes(`/${collection}/`)) sync(); });
    },
  };
}
