import { defineConfig } from 'vitest/config';

// Plain vitest (not Astro's getViteConfig): the engine, schemas and report generator are
// pure and need no Astro; pages are checked through the built site instead.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
