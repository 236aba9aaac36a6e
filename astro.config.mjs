// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import * as pagefind from 'pagefind';
import fitReports from './src/integrations/fit-reports.ts';
import { SITE_URL, BASE_PATH } from './src/site-config.ts';

/**
 * One line after the build saying how many share cards were rendered and how many came from
 * the content-hash cache (the build benchmark parses it). The card endpoints count on
 * globalThis (src/pages/_share/card-response.ts): they run in this process but in Astro's
 * bundle, so there is no module to share.
 * @returns {import('astro').AstroIntegration}
 */
function shareCardSummary() {
  return {
    name: 'three-walls:share-card-summary',
    hooks: {
      'astro:build:done': ({ logger }) => {
        if (process.env.THREEWALLS_SKIP_OG === '1') return logger.info('og cards: skipped (THREEWALLS_SKIP_OG=1)');
        const counts = /** @type {{ rendered: number, reused: number } | undefined} */ (/** @type {any} */ (globalThis)[Symbol.for('three-walls.og-cards')]);
        logger.info(`og cards: ${counts?.rendered ?? 0} rendered, ${counts?.reused ?? 0} reused`);
      },
    },
  };
}

/**
 * The Pagefind search index over the built pages, written to dist/pagefind/ at the end of
 * every `astro build` (so `npm run build` stays validate + astro build). Only elements marked
 * data-pagefind-body (reports, rigs, posts) are indexed, not the navigation around them.
 * @returns {import('astro').AstroIntegration}
 */
function searchIndex() {
  return {
    name: 'three-walls:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: fileURLToPath(dir) });
        const written = await index.writeFiles({ outputPath: fileURLToPath(new URL('pagefind/', dir)) });
        await pagefind.close();
        const problems = [...added.errors, ...written.errors];
        if (problems.length > 0) throw new Error(`pagefind: ${problems.join('; ')}`);
        logger.info(`search: ${added.page_count} pages indexed`);
      },
    },
  };
}

export default defineConfig({
  // No smartypants: it would turn "--n-cpu-moe" into "–n-cpu-moe" and "a--b" in file and repo
  // names into an en dash, in notes and link text alike. Generated reports carry data strings
  // (flags, file names, URLs) that must reach the reader byte for byte; posts may type their
  // own curly quotes and dashes.
  markdown: { smartypants: false },
  site: SITE_URL,
  base: BASE_PATH,
  trailingSlash: 'always',
  integrations: [fitReports(), mdx({ optimize: true, smartypants: false }), sitemap(), shareCardSummary(), searchIndex()],
  vite: {
    build: {
      rollupOptions: {
        // Every .mdx module carries Astro's "use astro:head-inject" directive, and the bundler
        // warns about each one with a code frame (harmless: withastro/astro#18087). With a
        // thousand reports that is megabytes of noise and real time; other warnings still print.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
