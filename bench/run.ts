// npm run bench: every performance figure, measured in one run on this machine.
// Not part of npm test: a benchmark prints ratios and rates, it does not assert them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildBaseline, buildSite, syntheticCatalogue, type BuildRun } from './build-scaling.ts';
import { measureEngine } from './engine-speed.ts';
import { CALIBRATION } from '../src/lib/fit/calibration.ts';
import { crossValidate } from '../src/lib/fit/calibration-cv.ts';
import { fitContext, loadCatalogueOrExit } from '../src/node/catalogue-context.ts';
import { measureOgRender } from './og-speed.ts';
import { islandBytes, pageWeight, readingFigures } from './page-weight.ts';

const sizes = (process.env.BENCH_SIZES ?? '100,1000').split(',').map(Number).filter((n) => n > 0);
const RIGS = 20;
const line = (label: string, text: string) => console.log(`${label.padEnd(14)} ${text}`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

console.log(`Three Walls benchmark: node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB\n`);

const engine = measureEngine();
line('engine', `${Math.round(engine.quantEvaluationsPerSecond).toLocaleString('en-US')} quant evaluations/s over every model x rig x quant (target >= 1,000,000)`);
line('engine', `${engine.catalogueRecomputeMilliseconds.toFixed(2)} ms to recompute the whole catalogue for one custom rig`);

const og = await measureOgRender();
line('og images', `${og.millisecondsPerImage.toFixed(1)} ms per 1200x630 card after warm-up (target <= 60 ms)`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-bench-'));
for (const models of sizes) {
  const data = syntheticCatalogue(models, RIGS);
  const ogCache = path.join(work, `og-${models}`);
  const out = (name: string) => path.join(work, `${name}-${models}`);
  // Alternate baseline and site so machine noise hits both alike.
  const base1 = buildBaseline(models + RIGS + 3, out('baseline'));
  const siteOff = buildSite(data, out('site-off'), false, ogCache);
  const base2 = buildBaseline(models + RIGS + 3, out('baseline'));
  const siteOn = buildSite(data, out('site-on'), true, ogCache);
  const siteAgain = buildSite(data, out('site-again'), true, ogCache);
  const baseline = Math.min(base1.seconds, base2.seconds);
  const perPage = (r: BuildRun) => `${((r.seconds / r.pages) * 1000).toFixed(1)} ms/page`;
  line(`build ${models}`, `${models} models x ${RIGS} rigs, ${siteOff.pages} pages: ${siteOff.seconds.toFixed(1)} s without OG (${perPage(siteOff)}), baseline ${baseline.toFixed(1)} s for ${base1.pages} pages (${perPage(base1)}): ratio ${(siteOff.seconds / baseline).toFixed(2)}x (target <= 1.5x)`);
  line(`build ${models}`, `with OG images ${siteOn.seconds.toFixed(1)} s (${perPage(siteOn)}), ${siteOn.ogRendered} cards rendered; a second build with no data change re-rendered ${siteAgain.ogRendered} (target 0) in ${siteAgain.seconds.toFixed(1)} s`);
}

const dist = path.resolve(import.meta.dirname, '../dist');
if (fs.existsSync(path.join(dist, 'index.html'))) {
  const base = '/three-walls/';
  const report = pageWeight(dist, 'models/qwen3.5-35b-a3b/index.html', base, false);
  const reportWithCalc = pageWeight(dist, 'models/qwen3.5-35b-a3b/index.html', base, true);
  const home = pageWeight(dist, 'index.html', base, true);
  const rig = pageWeight(dist, 'rigs/homelab-rtx5090/index.html', base, true);
  line('page weight', `report page ${kb(report.totalBytes)} HTML+CSS gzipped (target <= 35 KB); its calculator island ${kb(islandBytes(reportWithCalc))} JS+data (target <= 25 KB)`);
  line('page weight', `home page ${kb(home.totalBytes - home.jsBytes)} HTML+CSS, island ${kb(islandBytes(home))} JS+data (target <= 60 KB), search ${kb(home.jsBytes - islandBytes(home) + home.islandDataBytes)} (Pagefind UI); rig page ${kb(rig.totalBytes)}`);
  const reading = await readingFigures(dist, base);
  const longest = reading.reduce((a, b) => (b.words > a.words ? b : a));
  const tallest = reading.reduce((a, b) => (b.desktopPx > a.desktopPx ? b : a));
  const how = longest.estimated ? ' (heights estimated: no chromium)' : '';
  line('reading', `longest report ${longest.page.split('/')[1]}: ${longest.words} prose words (target <= 700), ${longest.desktopPx.toLocaleString('en-US')} px at 1280 px, ${longest.phonePx.toLocaleString('en-US')} px at 390 px${how}`);
  line('reading', `tallest report ${tallest.page.split('/')[1]}: ${tallest.desktopPx.toLocaleString('en-US')} px at 1280 px, ${tallest.phonePx.toLocaleString('en-US')} px at 390 px, over ${reading.length} reports`);
} else {
  line('page weight', 'skipped: run npm run build first so dist/ holds the real site');
}
fs.rmSync(work, { recursive: true, force: true });

// The speed model's honest error: each source left out of the fit in turn (calibration-cv.ts).
{
  const catalogue = loadCatalogueOrExit();
  const cv = crossValidate(catalogue, fitContext(catalogue), CALIBRATION);
  const pct = (v: number | null) => (v === null ? '-' : `${(v * 100).toFixed(1)}%`);
  line('calibration', `decode, left-one-source-out: median ${pct(cv.decode.medianAbsError)} (target <= 10%), p90 ${pct(cv.decode.p90AbsError)} (target <= 25%)`);
  line('calibration', `prefill, left-one-source-out: median ${pct(cv.prefill.medianAbsError)}, p90 ${pct(cv.prefill.p90AbsError)} (target <= 40%)`);
}
