// axe-core on the pages people land on: home (with the search box), a report and a rig page,
// in the light and the dark colour scheme. Serious and critical violations fail the test.
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { watchedPage } from './support/browser.ts';
import { openSite } from './support/session.ts';
import { distReady } from './support/site.ts';

const PAGES = ['', 'models/deepseek-v4-flash/', 'rigs/homelab-rtx5090/'];

describe.skipIf(!distReady)('accessibility (axe-core)', () => {
  const site = openSite();

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const path of PAGES) {
      it(`/${path} (${colorScheme}) has no serious or critical violation`, async () => {
        const { page, errors } = await watchedPage(site.browser, { colorScheme });
        await page.goto(`${site.server.root}${path}`);
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
