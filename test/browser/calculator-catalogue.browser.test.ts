// One answer everywhere (issue 11): the home page's calculator, preset to a data rig with
// ?rig=<id>, gives every model the verdict and pick that /api/fit/<rig>.json publishes,
// for every rig in the data.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchedPage } from './support/browser.ts';
import { openSite } from './support/session.ts';
import { DIST, distReady } from './support/site.ts';

const rigs = distReady ? fs.readdirSync(path.join(DIST, 'api/fit')).map((f) => f.replace(/\.json$/, '')).sort() : [];
const api = (rig: string) => JSON.parse(fs.readFileSync(path.join(DIST, 'api/fit', `${rig}.json`), 'utf8')) as { model: string; verdict: string; pick: string | null }[];

describe.skipIf(!distReady)('the calculator and the JSON API agree on every model x every rig', () => {
  const site = openSite();

  it('?rig=<id> presets that rig and computes at once; each row carries data-model and data-verdict', async () => {
    const { page, errors } = await watchedPage(site.browser);
    let pairs = 0;
    for (const rig of rigs) {
      await page.goto(`${site.server.root}?rig=${rig}`);
      await page.waitForFunction(() => document.querySelector('[data-calculator]')?.classList.contains('is-live'));
      expect(await page.locator('select[name="preset"]').inputValue()).toBe(rig);
      const rows = await page.locator('[data-calculator] [data-model]').evaluateAll((els) =>
        els.map((e) => ({ model: e.getAttribute('data-model'), verdict: e.getAttribute('data-verdict'), pick: e.getAttribute('data-pick') || null })));
      const expected = api(rig).map((r) => ({ model: r.model, verdict: r.verdict, pick: r.pick }));
      expect(rows.sort((a, b) => a.model!.localeCompare(b.model!)), rig).toEqual(expected.sort((a, b) => a.model.localeCompare(b.model)));
      pairs += rows.length;
    }
    expect(pairs).toBeGreaterThanOrEqual(rigs.length * 2);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
