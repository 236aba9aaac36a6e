// Golden cases from the hand-written post this site automates: the homelab rig
// (RTX 5090 32 GB, 64 GB DDR5, llama.cpp) as of the post's date, 2026-05-07.
import { describe, expect, it } from 'vitest';
import { evaluateFit } from '../src/lib/fit/index.ts';
import { GB, GiB } from '../src/lib/units.ts';
import { contextOf, modelById, repoCatalogue, rigById } from './support/catalogue.ts';

const catalogue = repoCatalogue();
const context = contextOf(catalogue);
const rig = rigById(catalogue, 'homelab-rtx5090');
const POST_DATE = '2026-05-07';
const fit = (model: string) => evaluateFit(modelById(catalogue, model), rig, context, { asOf: POST_DATE });

describe('the seed post, as of 2026-05-07 on the homelab RTX 5090', () => {
  it('DeepSeek V4-Pro is cloud only: the size wall', () => {
    const r = fit('deepseek-v4-pro');
    expect(r.verdict).toBe('cloud-only');
    expect(r.walls.size.blocked).toBe(true);
    expect(r.pick).toBeNull();
  });

  it('DeepSeek V4-Flash is not ready: quantization and stack walls, not size', () => {
    const r = fit('deepseek-v4-flash');
    expect(r.verdict).toBe('not-ready');
    expect(r.walls.size.blocked).toBe(false);
    expect(r.walls.quantization.blocked).toBe(true);
    expect(r.walls.stack.blocked).toBe(true);
    expect(r.stack.status).toBe('fork-only');
  });

  it('ZAYA1-8B is not ready on the stack wall alone', () => {
    const r = fit('zaya1-8b');
    expect(r.verdict).toBe('not-ready');
    expect(r.reason).toBe('not-ready-stack');
    expect(r.walls.size.blocked).toBe(false);
    expect(r.walls.quantization.blocked).toBe(false);
    expect(r.walls.stack.blocked).toBe(true);
    // "17 GB in bf16 ... fits trivially": the original weights sit in VRAM.
    const bf16 = r.quants.find((q) => q.native)!;
    expect(bf16.placement).toBe('vram');
  });

  it('Qwen 3.5 35B-A3B runs, its 22 GB Q4_K_XL file in VRAM at the post\'s 200+ tok/s', () => {
    const r = fit('qwen3.5-35b-a3b');
    expect(r.verdict).toBe('runs');
    const q4 = r.quants.find((q) => q.name === 'UD-Q4_K_XL')!;
    expect(q4.weightsBytes).toBe(22 * GB);
    expect(q4.placement).toBe('vram');
    expect(q4.decodeTokensPerSecond).toBeGreaterThanOrEqual(200);
    expect(q4.decodeTokensPerSecond).toBeLessThan(400);
  });

  it('Kimi K2.6 is cloud only: the size wall', () => {
    const r = fit('kimi-k2.6');
    expect(r.verdict).toBe('cloud-only');
    expect(r.walls.size.blocked).toBe(true);
  });
});

describe('where the post\'s arithmetic is loose, the engine is exact', () => {
  it('32 GB of VRAM plus 64 GB of RAM is 96 GiB, which is 103.1 GB, not 96 GB', () => {
    const raw = rig.data.gpus[0]!.memory! + rig.data.system_ram.size;
    expect(raw).toBe(96 * GiB);
    expect(raw / GB).toBeCloseTo(103.08, 2);
  });

  it('805 GB of V4-Pro weights is 7.8x the rig\'s memory, not 8.4x', () => {
    const raw = rig.data.gpus[0]!.memory! + rig.data.system_ram.size;
    const v4pro = modelById(catalogue, 'deepseek-v4-pro').data.native.size!;
    expect(v4pro / raw).toBeCloseTo(7.81, 2);
  });

  it('the 96.2 GB Q2_K is not "0.2 GB over": after overheads and KV cache it needs disk', () => {
    const r = fit('deepseek-v4-flash');
    const q2 = r.quants.find((q) => q.name === 'Q2_K')!;
    expect(q2.placement).toBe('disk');
    // The raw 96 GiB would hold it with 6.9 GB to spare; what the rig can give a model cannot.
    expect(96 * GiB - q2.weightsBytes).toBeGreaterThan(6.8 * GB);
    expect(q2.headroomBytes).toBeLessThan(0);
  });
});
