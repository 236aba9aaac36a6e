// Issue 15, item 1: a report answers first. In every built report the three walls come before
// the model's spec table and the rig table, the pick's section before the detail, and the
// prose a reader has to get through (outside tables, code, folded details, figures and the
// calculator) stays within 700 words, counted by the same rule `npm run bench` prints.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROSE_WORDS_SCRIPT } from '../../bench/page-weight.ts';
import { watchedPage } from './support/browser.ts';
import { openSite } from './support/session.ts';
import { DIST, distReady } from './support/site.ts';

const MAX_PROSE_WORDS = 700;
const reports = distReady ? fs.readdirSync(path.join(DIST, 'models')).filter((m) => fs.existsSync(path.join(DIST, 'models', m, 'index.html'))) : [];

describe.skipIf(!distReady)('reports answer first (issue 15)', () => {
  const site = openSite();

  it('every report: the walls before the spec and rig tables, the pick before the files, prose within 700 words', async () => {
    const { page, errors } = await watchedPage(site.browser);
    const problems: string[] = [];
    for (const model of reports) {
      await page.goto(`${site.server.root}models/${model}/`);
      const order = await page.evaluate(() => {
        const all = [...document.querySelectorAll('.report-body h2, .report-body caption')];
        const at = (test: (e: Element) => boolean) => all.findIndex(test);
        const text = (e: Element) => e.textContent ?? '';
        return {
          walls: at((e) => e.tagName === 'H2' && text(e) === 'The three walls'),
          run: at((e) => e.tagName === 'H2' && text(e) === 'How to run it'),
          files: at((e) => e.tagName === 'H2' && text(e).startsWith('Every file')),
          spec: at((e) => e.tagName === 'CAPTION' && text(e).endsWith(': the model')),
          rig: at((e) => e.tagName === 'CAPTION' && text(e).endsWith(': the rig')),
          firstIsLede: document.querySelector('.report-body > *')?.tagName === 'P',
        };
      });
      const words = (await page.evaluate(PROSE_WORDS_SCRIPT)) as number;
      if (!(order.walls >= 0 && order.walls < order.spec && order.walls < order.rig)) problems.push(`${model}: the walls (${order.walls}) are not before the spec (${order.spec}) and rig (${order.rig}) tables`);
      if (!(order.run > order.walls && order.run < order.files)) problems.push(`${model}: "How to run it" is not between the walls and the files`);
      if (!order.firstIsLede) problems.push(`${model}: the report does not open with its lede`);
      if (words > MAX_PROSE_WORDS) problems.push(`${model}: ${words} prose words`);
    }
    expect(problems).toEqual([]);
    expect(reports.length).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('the arithmetic folds: each wall has its sentence above the fold and its table in <details>', async () => {
    const { page } = await watchedPage(site.browser);
    await page.goto(`${site.server.root}models/deepseek-v4-flash/`);
    const walls = await page.evaluate(() => [...document.querySelectorAll('.report-body h3')].filter((h) => /^(Size|Quantization|Stack): /.test(h.textContent ?? '')).map((h) => {
      const sentence = h.nextElementSibling;
      return { heading: h.textContent, sentence: sentence?.tagName, fold: sentence?.nextElementSibling?.tagName };
    }));
    expect(walls.map((w) => w.heading?.split(':')[0])).toEqual(['Size', 'Quantization', 'Stack']);
    for (const w of walls) expect([w.sentence, w.fold]).toEqual(['P', 'DETAILS']);
    await page.close();
  });

  it('typography leaves link text, flags and names as the data wrote them (item 5)', async () => {
    const { page } = await watchedPage(site.browser);
    const problems: string[] = [];
    for (const model of reports) {
      await page.goto(`${site.server.root}models/${model}/`);
      problems.push(...(await page.evaluate(() => {
        const out: string[] = [];
        // A source's link text is its address without the scheme (linkLabel), so it must match byte for byte.
        for (const a of document.querySelectorAll<HTMLAnchorElement>('.report-body li > a[href^="http"]')) {
          const label = a.textContent ?? '';
          const bare = a.getAttribute('href')!.replace(/^https?:\/\//, '').replace(/\/$/, '');
          if (!label.endsWith('…') && /[./]/.test(label) && !/\s/.test(label) && label !== bare && label !== decodeURI(bare)) out.push(`${label} != ${bare}`);
        }
        const text = document.querySelector('.report-body')?.textContent ?? '';
        for (const m of text.matchAll(/[\u2013\u2014](n-cpu-moe|ngl|np|ctx-size|fa)\b/g)) out.push(`a dash ate a flag: ${m[0]}`);
        return out;
      })).map((p) => `${model}: ${p}`));
    }
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
