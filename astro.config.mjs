// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import fitReports from './src/integrations/fit-reports.ts';
import { SITE_URL, BASE_PATH } from './src/site-config.ts';

export default defineConfig({
  site: SITE_URL,
  base: BASE_PATH,
  trailingSlash: 'always',
  integrations: [fitReports(), mdx(), sitemap()],
});
