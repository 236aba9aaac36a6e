// axe-core on the pages people land on: home (with the search box), a report and a rig page,
// in the light and the dark colour scheme. Serious and critical violations fail the test.
import axe from 'axe-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchedPage } from './support/browser.ts';
import { serveDist, type StaticServer } from './support/server.ts';
import { distReady } from './support/site.ts';

const PAGES = ['', 'models/deepseek-v4-flash/', 'rigs/homelab-rtx5090/'];

describe.skipIf(!distReady)('accessibility (axe-core)', () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const path of PAGES) {
      it(`/${path} (${colorScheme}) has no serious or critical violation`, async () => {
        const { page, errors } = await watchedPage(browser, { colorScheme });
        await page.goto(`${server.root}${path}`);
        // The home page's search box is built by script: wait for it, so it is checked too.
        if (path === '') await page.locator('#search input').waitFor();
        await page.addScriptTag({ content: axe.source });
        const violations = await page.evaluate(async () => {
          const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')})`);
        });
        expect(violations).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }
});
