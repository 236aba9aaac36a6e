// Issue 15, item 6: nothing is wider than its box. At 390 px (a phone) and 1280 px (a
// desktop) the pages a reader lands on never scroll sideways as a whole; a wide table reflows
// into one card per row, and what must still scroll (the verdict matrix, the memory chart)
// says so in words the reader can see. At 1280 px every table fits its box outright.
import { describe, expect, it } from 'vitest';
import { watchedPage } from './support/browser.ts';
import { openSite } from './support/session.ts';
import { distReady } from './support/site.ts';

const PAGES = ['', 'models/deepseek-v4-pro/', 'models/deepseek-v4-flash/', 'models/zaya1-8b/', 'models/glm-4.5-air/', 'rigs/homelab-rtx5090/', 'posts/three-models-revisited/'];

/** Runs in the page, every fold open: boxes whose content is wider than they are, and whether each says it scrolls. */
function overflow() {
  document.querySelectorAll('details').forEach((d) => (d.open = true));
  const out: { what: string; over: number; hint: boolean }[] = [];
  const page = document.documentElement.scrollWidth - document.documentElement.clientWidth;
  if (page > 0) out.push({ what: 'the page', over: page, hint: false });
  for (const box of document.querySelectorAll<HTMLElement>('.table-wrap, .chart-scroll')) {
    const over = box.scrollWidth - box.clientWidth;
    if (over <= 1) continue;
    const scope = box.closest('figure') ?? box;
    const hint = [...scope.querySelectorAll<HTMLElement>('.scroll-hint')].some((h) => h.offsetParent !== null && h.getClientRects().length > 0);
    out.push({ what: box.getAttribute('aria-label') ?? box.className, over, hint });
  }
  return out;
}

describe.skipIf(!distReady)('nothing wider than its box (issue 15)', () => {
  const site = openSite();

  for (const width of [390, 1280]) {
    for (const path of PAGES) {
      it(`/${path} at ${width} px`, async () => {
        const { page, errors } = await watchedPage(site.browser);
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${site.server.root}${path}`);
        const boxes = await page.evaluate(overflow);
        // At a desktop width nothing may overflow; on a phone a box may scroll if it says so.
        const bad = boxes.filter((b) => width >= 1280 || b.what === 'the page' || !b.hint);
        expect(bad).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }

  it('on a phone a wide table reflows: each cell carries its column name', async () => {
    const { page } = await watchedPage(site.browser);
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(`${site.server.root}models/deepseek-v4-flash/`);
    const cell = await page.evaluate(() => {
      const td = document.querySelector<HTMLElement>('.table-wrap.reflow td[data-label]')!;
      return { label: td.dataset.label, before: getComputedStyle(td, '::before').content, header: getComputedStyle(td.closest('table')!.querySelector('thead')!).position };
    });
    expect(cell.before).toBe(`"${cell.label}"`);
    expect(cell.header).toBe('absolute');
    await page.close();
  });
});
