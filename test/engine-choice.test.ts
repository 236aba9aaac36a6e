// Verdicts a practitioner would sign (issue 11): the best engine the rig has, a file that
// engine loads, the pick rule, the speed at the stated context, and levers that move it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newestDataDate } from '../src/lib/data/catalogue.ts';
import { evaluateFit } from '../src/lib/fit/index.ts';
import { verdictLevers } from '../src/lib/fit/levers.ts';
import { verdictRank } from '../src/lib/fit/engine-choice.ts';
import { tierRank } from '../src/lib/fit/quality.ts';
import { SPEED_GUARD } from '../src/lib/fit/pick.ts';
import { fitsMemory, isViable } from '../src/lib/fit/walls.ts';
import type { FitResult, FitRig } from '../src/lib/fit/types.ts';
import { contextOf, modelById, repoCatalogue, rigById } from './support/catalogue.ts';

const catalogue = repoCatalogue();
const context = contextOf(catalogue);
const asOf = newestDataDate(catalogue);
const fit = (model: string, rig: string, extra: { kvPrecision?: 'f16' | 'q8_0' | 'q4_0'; asOf?: string } = {}) =>
  evaluateFit(modelById(catalogue, model), rigById(catalogue, rig), context, { asOf, ...extra });
const pickOf = (r: FitResult) => r.quants.find((q) => q.name === r.pick) ?? null;
/** The verdict at the defaults and what would change it, as the CLI and reports compute them. */
function leversOf(model: string, rig: string) {
  const m = modelById(catalogue, model);
  const r = rigById(catalogue, rig);
  const base = evaluateFit(m, r, context, { asOf });
  return { base, levers: verdictLevers(m, r, context, { asOf, contextTokens: base.contextTokens, kvPrecision: base.kvPrecision }, base) };
}
const has = (id: string) => catalogue.models.some((m) => m.id === id);

describe('the verdict is the best of the rig\'s engines', () => {
  // Each row: a big model the RTX PRO 6000 (vLLM listed first, llama.cpp second) must not
  // judge worse than the dual RTX 3090, which only lists llama.cpp.
  it.each(['deepseek-v4-flash', 'minimax-m2', 'deepseek-r1', 'kimi-k2.6', 'glm-4.5-air'].filter(has))('%s: the RTX PRO 6000 is never worse than two RTX 3090s', (model) => {
    const big = fit(model, 'rtx-pro-6000-workstation');
    const small = fit(model, 'dual-rtx3090');
    expect(verdictRank(big.verdict)).toBeLessThanOrEqual(verdictRank(small.verdict));
  });

  it('says which engine the verdict is for, and what each other engine would give', () => {
    const r = fit('deepseek-v4-flash', 'rtx-pro-6000-workstation');
    expect(r.engine).toBe('llama-cpp');
    expect(r.byEngine.map((e) => e.engine)).toEqual(rigById(catalogue, 'rtx-pro-6000-workstation').data.engines);
    const vllm = r.byEngine.find((e) => e.engine === 'vllm')!;
    expect(verdictRank(vllm.verdict)).toBeGreaterThanOrEqual(verdictRank(r.verdict));
  });

  it('a superset of engines never gives a worse verdict (every model on every rig, plus every engine it lacks)', () => {
    for (const rig of catalogue.rigs)
      for (const engine of catalogue.engines.filter((e) => !rig.data.engines.includes(e.id))) {
        const more: FitRig = { id: rig.id, data: { ...rig.data, engines: [...rig.data.engines, engine.id] } };
        for (const model of catalogue.models) {
          const before = evaluateFit(model, rig, context, { asOf });
          const after = evaluateFit(model, more, context, { asOf });
          expect(verdictRank(after.verdict), `${model.id} on ${rig.id} + ${engine.id}`).toBeLessThanOrEqual(verdictRank(before.verdict));
        }
      }
  });

  it('over every pair of rigs in the data: one with at least as much of everything is never worse', () => {
    const gpuCount = (r: FitRig) => r.data.gpus.reduce((n, g) => n + g.count, 0);
    const dominates = (a: FitRig, b: FitRig) => {
      const [ga, gb] = [a.data.gpus[0], b.data.gpus[0]];
      if (a.data.unified_memory !== b.data.unified_memory || gpuCount(a) !== gpuCount(b) || ga?.backend !== gb?.backend) return false;
      if (!b.data.engines.every((e) => a.data.engines.includes(e))) return false;
      const ge = (x: number | undefined, y: number | undefined) => (x ?? 0) >= (y ?? 0);
      return ge(ga?.memory, gb?.memory) && ge(ga?.bandwidth, gb?.bandwidth) && ge(ga?.fp16_tflops, gb?.fp16_tflops) && ge(a.data.gpu_memory_limit, b.data.gpu_memory_limit) &&
        a.data.system_ram.size >= b.data.system_ram.size && a.data.system_ram.bandwidth >= b.data.system_ram.bandwidth;
    };
    let pairs = 0;
    for (const a of catalogue.rigs)
      for (const b of catalogue.rigs) {
        if (a === b || !dominates(a, b)) continue;
        pairs++;
        for (const model of catalogue.models)
          expect(verdictRank(evaluateFit(model, a, context, { asOf }).verdict), `${model.id}: ${a.id} over ${b.id}`).toBeLessThanOrEqual(verdictRank(evaluateFit(model, b, context, { asOf }).verdict));
      }
    expect(pairs).toBeGreaterThan(0);
  });
});

describe('the pick: one rule, never a file twice as slow as an equal or better one', () => {
  it('holds for every model on every rig', () => {
    for (const rig of catalogue.rigs)
      for (const model of catalogue.models) {
        const r = evaluateFit(model, rig, context, { asOf });
        const pick = pickOf(r);
        if (!pick || r.engine === null) continue;
        // The pick loads in the engine the verdict is for.
        expect(pick.loadableBy, `${model.id} on ${rig.id}`).toContain(r.engine);
        // Never llama-server on a safetensors file: a command on an original converts it first.
        if (pick.native && pick.command) expect(pick.convertCommand).not.toBeNull();
        const rivals = r.quants.filter((q) => fitsMemory(q) && isViable(q) && q.loadableBy.includes(r.engine!) && tierRank(q.quality) <= tierRank(pick.quality));
        for (const q of rivals) expect((q.decodeTokensPerSecondAtJudgedDepth ?? 0), `${model.id} on ${rig.id}: ${q.name} vs ${pick.name}`).toBeLessThanOrEqual(SPEED_GUARD * (pick.decodeTokensPerSecondAtJudgedDepth ?? 0) + 1e-9);
        // "Runs" means interactive at the stated context (half of it deep), not only when empty.
        if (r.verdict === 'runs') expect(pick.decodeTokensPerSecondAtJudgedDepth!).toBeGreaterThanOrEqual(10);
      }
  });

  // Golden rows from what a new reader saw (issue 11), each a file the old rule chose wrongly.
  it('Phi-4 on the RTX 5090 runs Q8_0, not F16 with 0.1 GiB to spare', () => {
    expect(fit('phi-4', 'homelab-rtx5090').pick).toBe('Q8_0');
  });

  it('Qwen3.5 35B-A3B on the RTX 5080 runs a 4-bit file at about 100 tok/s, not BF16 at 20', () => {
    const r = fit('qwen3.5-35b-a3b', 'rtx5080-desktop');
    expect(pickOf(r)!.bitsPerWeight).toBeLessThan(6);
    expect(pickOf(r)!.decodeTokensPerSecondAtJudgedDepth!).toBeGreaterThan(50);
  });

  it('Devstral Small on the house rig never picks the safetensors original for llama.cpp', () => {
    const pick = pickOf(fit('devstral-small-2507', 'homelab-rtx5090'))!;
    expect(pick.native && pick.convertCommand === null).toBe(false);
    expect(pick.command).toMatch(/^llama-server /);
  });

  it('DeepSeek V4-Flash on the M2 Ultra never picks the FP4+FP8 original on llama.cpp', () => {
    const r = fit('deepseek-v4-flash', 'mac-studio-m2-ultra-192gb');
    expect(r.pick).not.toBe('FP4+FP8 (original)');
    expect(r.quants.find((q) => q.native)!.loadableBy).not.toContain('llama-cpp');
  });

  it('a file restricted to a fork or engine loads only there (GLM-4.5-Air IQ5_K: ik_llama.cpp)', () => {
    for (const model of catalogue.models)
      for (const quant of model.data.quants.filter((q) => q.engines)) {
        for (const rig of catalogue.rigs) {
          const q = evaluateFit(model, rig, context, { asOf }).quants.find((x) => x.name === quant.name);
          for (const engine of q?.loadableBy ?? []) expect(quant.engines, `${model.id} ${quant.name} on ${rig.id}`).toContain(engine);
        }
      }
  });

  it('Llama 3.3 70B on two RTX 3090s: a q8_0 KV cache brings the good Q4_K_M into VRAM', () => {
    const { base, levers } = leversOf('llama-3.3-70b', 'dual-rtx3090');
    const kv = levers.find((l) => l.kind === 'kv-precision');
    expect(kv?.pick).toBe('Q4_K_M');
  });
});

describe('what would change the verdict', () => {
  it('Llama 3.3 70B on the house rig: a smaller KV cache type is the cheapest lever, and it runs', () => {
    const { base, levers } = leversOf('llama-3.3-70b', 'homelab-rtx5090');
    expect(base.verdict).toBe('runs-slowly');
    expect(levers[0]!.kind).toBe('kv-precision');
    expect(levers[0]!.verdict).toBe('runs');
  });

  it('ZAYA1-8B on the house rig: the seed post\'s second route, another engine as a second backend', () => {
    const { base, levers } = leversOf('zaya1-8b', 'homelab-rtx5090');
    const engine = levers.find((l) => l.kind === 'engine');
    expect(engine?.verdict).toBe('runs');
    expect(['sglang', 'vllm']).toContain(engine?.engine);
  });
});

describe('time', () => {
  it('before its release a model did not exist yet: no verdict, no files', () => {
    const r = fit('glm-4.5-air', 'homelab-rtx5090', { asOf: '2020-01-01' });
    expect(r.verdict).toBe('not-released');
    expect(r.quants).toEqual([]);
    expect(r.pick).toBeNull();
  });

  it.each(['2026-13-45', '2026-02-30', '2026-5-7'])('as of %s is refused: not a calendar day', (day) => {
    expect(() => fit('glm-4.5-air', 'homelab-rtx5090', { asOf: day })).toThrow(/calendar day/);
  });

  it('as of any day, a verdict never names a file published after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: catalogue.models.length - 1 }), fc.integer({ min: 0, max: 900 }), (m, back) => {
        const model = catalogue.models[m]!;
        const day = new Date(Date.parse(`${asOf}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
        const r = evaluateFit(model, rigById(catalogue, 'homelab-rtx5090'), context, { asOf: day });
        for (const q of r.quants) if (q.published) expect(q.published <= day).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
