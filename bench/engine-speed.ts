// Engine throughput: quant evaluations per second over every model x rig x quant, and the
// time to recompute the whole catalogue for one custom rig (what the calculator does per keystroke).
import { newestDataDate } from '../src/lib/data/catalogue.ts';
import { evaluateFit } from '../src/lib/fit/index.ts';
import { fitContext, loadCatalogueOrExit } from '../src/node/catalogue-context.ts';

export interface EngineFigures { quantEvaluationsPerSecond: number; catalogueRecomputeMilliseconds: number; quantsPerPass: number }

export function measureEngine(minSeconds = 2): EngineFigures {
  const catalogue = loadCatalogueOrExit();
  const context = fitContext(catalogue);
  const asOf = newestDataDate(catalogue);
  const pass = () => {
    let quants = 0;
    for (const rig of catalogue.rigs) for (const model of catalogue.models) quants += evaluateFit(model, rig, context, { asOf }).quants.length;
    return quants;
  };
  for (let i = 0; i < 20; i++) pass(); // warm-up: let the JIT settle
  // The fastest pass, not the mean: on a shared 2-core machine other processes only ever
  // slow a pass down, so the minimum is the engine's own speed.
  let best = Infinity;
  let quants = 0;
  const start = performance.now();
  while (performance.now() - start < minSeconds * 1000) {
    const t = performance.now();
    quants = pass();
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  const rig = catalogue.rigs[0]!;
  let recompute = Infinity;
  for (let round = 0; round < 200; round++) {
    const t0 = performance.now();
    for (const model of catalogue.models) evaluateFit(model, rig, context, { asOf });
    recompute = Math.min(recompute, performance.now() - t0);
  }
  return {
    quantEvaluationsPerSecond: quants / best,
    catalogueRecomputeMilliseconds: recompute,
    quantsPerPass: quants,
  };
}

if (import.meta.main) {
  const f = measureEngine();
  console.log(`engine: ${Math.round(f.quantEvaluationsPerSecond).toLocaleString('en-US')} quant evaluations per second (${f.quantsPerPass} per model x rig pass)`);
  console.log(`engine: ${f.catalogueRecomputeMilliseconds.toFixed(3)} ms to recompute the catalogue for one rig`);
}
