// The calculator island on a report: a reader describes their own rig, sees the engine's
// answer for it (the same the CLI gives), and a shared link restores the same state.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchedPage } from './support/browser.ts';
import { openSite } from './support/session.ts';
import { distReady } from './support/site.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** What `npm run fit -- --json` says for a rig file written like the reader's form. */
function cliAnswer(): { pick: string; decode: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-reader-'));
  fs.cpSync(path.join(ROOT, 'data'), dir, { recursive: true });
  const rig = [
    'name: Reader rig', 'gpus:', '  - model: card', '    memory: 24 GiB', '    bandwidth: 1008 GB/s', '    backend: cuda',
    'unified_memory: false', 'system_ram:', '  size: 64 GiB', '  bandwidth: 80 GB/s', 'engines: [llama-cpp]', 'sources: [https://example.com/reader]',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'rigs/reader.yaml'), rig);
  const out = execFileSync(process.execPath, ['scripts/fit.ts', 'qwen3.5-35b-a3b', '--rig', 'reader', '--json'], { cwd: ROOT, env: { ...process.env, THREEWALLS_DATA: dir }, encoding: 'utf8' });
  const json = JSON.parse(out) as { pick: string; quants: { name: string; decodeTokensPerSecondAtJudgedDepth: number }[] };
  return { pick: json.pick, decode: json.quants.find((q) => q.name === json.pick)!.decodeTokensPerSecondAtJudgedDepth };
}

describe.skipIf(!distReady)('the calculator on the Qwen 3.5 35B-A3B report', () => {
  const site = openSite();

  it('answers for a 24 GiB, 1008 GB/s card with 64 GiB of RAM as npm run fit does, and the link restores it', async () => {
    const expected = cliAnswer();
    const { page, errors } = await watchedPage(site.browser);
    await page.goto(`${site.server.root}models/qwen3.5-35b-a3b/`);
    const calculator = page.locator('[data-calculator]');
    await calculator.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('[data-calculator]')?.classList.contains('is-live'));
    const pickBefore = await calculator.locator('tr.pick th').textContent();

    await calculator.locator('input[name="vram"]').fill('24');
    await calculator.locator('input[name="bandwidth"]').fill('1008');
    await calculator.locator('input[name="ram"]').fill('64');
    await calculator.locator('input[name="ramBandwidth"]').fill('80');
    const row = calculator.locator('tr.pick');
    await expect.poll(() => row.locator('th').textContent()).toBe(expected.pick);
    const speedText = (await row.locator('td').last().textContent())!;
    // The island rounds as every page does (whole tokens from 10 up).
    expect(Number.parseFloat(speedText.replace(/,/g, ''))).toBe(expected.decode >= 10 ? Math.round(expected.decode) : Math.round(expected.decode * 10) / 10);
    expect(pickBefore).not.toBeNull();

    // A mistake is shown in place, with the unit, and nothing is recomputed from it.
    await calculator.locator('input[name="vram"]').fill('lots');
    await expect.poll(() => calculator.locator('[data-error-for="vram"]').textContent()).toContain('VRAM per GPU (GiB)');
    await calculator.locator('input[name="vram"]').fill('24');

    const shared = page.url();
    expect(shared).toContain('vram=24');
    const fresh = await watchedPage(site.browser);
    await fresh.page.goto(shared);
    await fresh.page.waitForFunction(() => document.querySelector('[data-calculator]')?.classList.contains('is-live'));
    expect(await fresh.page.locator('input[name="bandwidth"]').inputValue()).toBe('1008');
    await expect.poll(() => fresh.page.locator('[data-calculator] tr.pick th').textContent()).toBe(expected.pick);
    expect(errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
    await page.close();
    await fresh.page.close();
  });

  it('without JavaScript, the report still shows the house rig\'s results', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.root}models/qwen3.5-35b-a3b/`);
    expect(await page.locator('h1').textContent()).toMatch(/Qwen3\.5 35B-A3B/);
    expect(await page.locator('table').count()).toBeGreaterThan(2);
    await context.close();
  });
});
