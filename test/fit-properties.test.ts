// Invariants of the fit engine over the real catalogue, with rigs and contexts varied by fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newestDataDate } from '../src/lib/data/catalogue.ts';
import { evaluateFit } from '../src/lib/fit/index.ts';
import type { FitResult, FitRig, Verdict } from '../src/lib/fit/types.ts';
import type { RigData } from '../src/lib/schema/index.ts';
import { contextOf, repoCatalogue } from './support/catalogue.ts';

const catalogue = repoCatalogue();
const context = contextOf(catalogue);
const asOf = newestDataDate(catalogue);
const VERDICT_RANK: Record<Verdict, number> = { runs: 0, 'runs-slowly': 1, 'not-ready': 2, 'cloud-only': 3, 'not-released': 4 };

const modelIndex = fc.integer({ min: 0, max: catalogue.models.length - 1 });
const rigIndex = fc.integer({ min: 0, max: catalogue.rigs.length - 1 });
const growth = fc.double({ min: 1, max: 8, noNaN: true });

/** The same rig with more of everything: memory, bandwidth (unified pools grow with their GPU share). */
function grown(rig: FitRig, vram: number, ram: number, bandwidth: number): FitRig {
  const d: RigData = structuredClone(rig.data);
  for (const g of d.gpus) {
    if (g.memory !== undefined) g.memory = Math.round(g.memory * vram);
    g.bandwidth *= bandwidth;
  }
  d.system_ram.size = Math.round(d.system_ram.size * ram);
  d.system_ram.bandwidth *= bandwidth;
  if (d.unified_memory && d.gpu_memory_limit !== undefined) d.gpu_memory_limit = Math.round(d.gpu_memory_limit * ram);
  return { id: rig.id, data: d };
}

const numbersIn = (r: FitResult) => r.quants.flatMap((q) => [q.weightsBytes, q.kvCacheBytes, q.overheadBytes, q.totalBytes, q.headroomBytes, q.bitsPerWeight, q.decodeTokensPerSecond, q.decodeTokensPerSecondAtContext, q.prefillTokensPerSecond, q.timeToFirstToken8kSeconds, ...q.tiers.gpuBytes, q.tiers.ramBytes, q.tiers.diskBytes]);

describe('fit engine invariants', () => {
  it('more VRAM, RAM or bandwidth never makes a verdict worse', () => {
    fc.assert(
      fc.property(modelIndex, rigIndex, growth, growth, growth, (m, r, vram, ram, bw) => {
        const model = catalogue.models[m]!;
        const rig = catalogue.rigs[r]!;
        const before = evaluateFit(model, rig, context, { asOf });
        const after = evaluateFit(model, grown(rig, vram, ram, bw), context, { asOf });
        expect(VERDICT_RANK[after.verdict]).toBeLessThanOrEqual(VERDICT_RANK[before.verdict]);
      }),
      { numRuns: 300 },
    );
  });

  it('a bigger context never needs less memory', () => {
    fc.assert(
      fc.property(modelIndex, rigIndex, fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 0, max: 200_000 }), (m, r, small, extra) => {
        const a = evaluateFit(catalogue.models[m]!, catalogue.rigs[r]!, context, { asOf, contextTokens: small });
        const b = evaluateFit(catalogue.models[m]!, catalogue.rigs[r]!, context, { asOf, contextTokens: small + extra });
        a.quants.forEach((q, i) => expect(b.quants[i]!.totalBytes).toBeGreaterThanOrEqual(q.totalBytes));
      }),
      { numRuns: 200 },
    );
  });

  it('the parts always sum to the total', () => {
    fc.assert(
      fc.property(modelIndex, rigIndex, fc.constantFrom('f16', 'q8_0', 'q4_0'), (m, r, kv) => {
        const result = evaluateFit(catalogue.models[m]!, catalogue.rigs[r]!, context, { asOf, kvPrecision: kv });
        for (const q of result.quants) expect(q.weightsBytes + q.kvCacheBytes + q.overheadBytes).toBe(q.totalBytes);
      }),
    );
  });

  it('a smaller file never needs more memory', () => {
    fc.assert(
      fc.property(modelIndex, rigIndex, (m, r) => {
        const { quants } = evaluateFit(catalogue.models[m]!, catalogue.rigs[r]!, context, { asOf });
        for (const a of quants) for (const b of quants) if (a.weightsBytes <= b.weightsBytes) expect(a.totalBytes).toBeLessThanOrEqual(b.totalBytes);
      }),
    );
  });

  it('no NaN or infinity ever reaches a result, whatever the model, rig and context', () => {
    fc.assert(
      fc.property(modelIndex, rigIndex, fc.integer({ min: 1, max: 2_000_000 }), (m, r, ctx) => {
        const result = evaluateFit(catalogue.models[m]!, catalogue.rigs[r]!, context, { asOf, contextTokens: ctx });
        for (const v of numbersIn(result)) if (v !== null) expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('edge cases', () => {
  const rig = catalogue.rigs.find((r) => r.id === 'homelab-rtx5090')!;
  const model = catalogue.models.find((m) => m.id === 'llama-3.1-8b')!;

  it('a one-token context is planned as one 256-token cache block', () => {
    const result = evaluateFit(model, rig, context, { asOf, contextTokens: 1 });
    expect(result.contextTokens).toBe(1);
    expect(result.quants[0]!.kvCacheBytes).toBe(32 * 8 * 256 * 2 * 256);
  });

  it('a context past the model maximum is capped at it, and says so', () => {
    const result = evaluateFit(model, rig, context, { asOf, contextTokens: 10_000_000 });
    expect(result.contextTokens).toBe(model.data.max_context_tokens);
  });

  it('a model with no published quants is judged on its original weights and the GGUFs a reader would convert', () => {
    const bare = { id: 'bare', data: { ...model.data, quants: [] } };
    const result = evaluateFit(bare, rig, context, { asOf });
    expect(result.quants.map((q) => q.name)).toEqual(['BF16 (original)', 'Q8_0 (converted)', 'Q4_K_M (converted)']);
    expect(result.verdict).toBe('runs');
    const pick = result.quants.find((q) => q.name === result.pick)!;
    // Never llama-server on a safetensors file: the command converts first.
    expect(pick.convertCommand).toMatch(/^python convert_hf_to_gguf\.py .* --outtype bf16 /);
    expect(pick.command).toMatch(/^llama-server -m bare-/);
  });

  it('a rig with no GPU runs from system RAM and still gets a verdict', () => {
    const cpu = catalogue.rigs.find((r) => r.data.gpus.length === 0)!;
    const result = evaluateFit(model, cpu, context, { asOf });
    const pick = result.quants.find((q) => q.name === result.pick)!;
    expect(pick.tiers.gpuBytes).toEqual([]);
    expect(pick.tiers.ramBytes).toBeGreaterThan(0);
    expect(['runs', 'runs-slowly']).toContain(result.verdict);
  });

  it('two cards add their memory but not their speed: a token passes through both', () => {
    const one = catalogue.rigs.find((r) => r.id === 'rtx3090-desktop')!;
    const two = catalogue.rigs.find((r) => r.id === 'dual-rtx3090')!;
    const big = catalogue.models.find((m) => m.id === 'llama-3.3-70b')!;
    const r1 = evaluateFit(model, one, context, { asOf });
    const r2 = evaluateFit(model, two, context, { asOf });
    expect(r2.memoryBytes.gpu).toBeGreaterThan(1.9 * r1.memoryBytes.gpu);
    const speed = (r: FitResult) => r.quants.find((q) => q.name === 'Q4_K_M')!.decodeTokensPerSecond!;
    expect(speed(r2)).toBeCloseTo(speed(r1), 0);
    // A 70B at Q4_K_M (39.6 GiB) fits the pair at an 8K context, as the measured run used.
    const q4 = evaluateFit(big, two, context, { asOf, contextTokens: 8192 }).quants.find((q) => q.name === 'Q4_K_M')!;
    expect(q4.placement).toBe('vram');
    expect(q4.command).toContain('--tensor-split');
  });

  it('a unified-memory machine is one pool, never counted twice', () => {
    const mac = catalogue.rigs.find((r) => r.data.unified_memory)!;
    const result = evaluateFit(model, mac, context, { asOf });
    expect(result.memoryBytes.total).toBeLessThanOrEqual(mac.data.system_ram.size);
  });
});
