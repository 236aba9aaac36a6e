// @ts-check
// The yardstick for build scaling: plain Astro 7 + MDX building N trivial pages, nothing else.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({ integrations: [mdx()], trailingSlash: 'always' });
