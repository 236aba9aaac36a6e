// Placement and speed the way llama.cpp lays a model out (issue 12): the printed flags are
// the plan, every card within its free memory, experts by block, the output layer counted
// first by -ngl, weights in RAM bounding prefill, unified pools as the platform reports them.
import { describe, expect, it } from 'vitest';
import { newestDataDate } from '../src/lib/data/catalogue.ts';
import { evaluateFit } from '../src/lib/fit/index.ts';
import { hostLinkBytesPerSecond } from '../src/lib/fit/host-link.ts';
import { memoryPools } from '../src/lib/fit/memory-pools.ts';
import { place } from '../src/lib/fit/placement.ts';
import { N_UBATCH } from '../src/lib/fit/kv-cache.ts';
import { CALIBRATION } from '../src/lib/fit/calibration.ts';
import { GB, GiB } from '../src/lib/units.ts';
import { contextOf, modelById, repoCatalogue, rigById } from './support/catalogue.ts';

const catalogue = repoCatalogue();
const context = contextOf(catalogue);
const asOf = newestDataDate(catalogue);
const fit = (model: string, rig: string) => evaluateFit(modelById(catalogue, model), rigById(catalogue, rig), context, { asOf });
const flag = (command: string, name: string) => new RegExp(`${name} (\\S+)`).exec(command)?.[1] ?? null;

describe('the command and the plan agree', () => {
  it('no card is ever planned past its free memory, for every file of every model on every rig', () => {
    for (const rig of catalogue.rigs)
      for (const model of catalogue.models) {
        const pools = memoryPools(rig.data, model.data, { contextTokens: Math.min(32768, model.data.max_context_tokens), kvPrecision: 'f16' });
        for (const q of evaluateFit(model, rig, context, { asOf }).quants)
          q.tiers.gpuBytes.forEach((bytes, i) => expect(bytes, `${q.name} of ${model.id} on ${rig.id}, card ${i}`).toBeLessThanOrEqual(pools.gpus[i]!.freeBytes + 1));
      }
  });

  it('gpt-oss-120b MXFP4 on two RTX 3090s: --n-cpu-moe empties the first blocks, and -ts is the blocks per card that fit', () => {
    const r = fit('gpt-oss-120b', 'dual-rtx3090');
    const q = r.quants.find((x) => x.name === 'MXFP4')!;
    const pools = memoryPools(rigById(catalogue, 'dual-rtx3090').data, modelById(catalogue, 'gpt-oss-120b').data, { contextTokens: 32768, kvPrecision: 'f16' });
    expect(q.placement).toBe('vram+ram');
    expect(q.cpuMoeLayers).toBeGreaterThan(0);
    const split = flag(q.command!, '--tensor-split')!.split(',').map(Number);
    // 36 blocks and the output layer, which llama.cpp places as "layer 36", on the last card.
    expect(split.reduce((a, b) => a + b, 0)).toBe(37);
    // The first card takes more blocks: the experts of its first blocks are in RAM.
    expect(split[0]!).toBeGreaterThan(split[1]!);
    q.tiers.gpuBytes.forEach((bytes, i) => expect(bytes).toBeLessThanOrEqual(pools.gpus[i]!.freeBytes));
  });

  it('--n-cpu-moe N moves the experts of blocks 0..N-1, and dense leading blocks have none to move', () => {
    const pools = { gpus: [{ model: 'x', backend: 'cuda' as const, freeBytes: 40 * GB, overheadBytes: 0, bandwidthBytesPerSecond: 1e12, hostLinkBytesPerSecond: 32 * GB, fp16Tflops: null }], ram: { freeBytes: 500 * GB, bandwidthBytesPerSecond: 1e11, osReserveBytes: 0, overheadBytes: 0 }, disk: { freeBytes: null, bandwidthBytesPerSecond: null }, unified: false };
    // 10 blocks, the first 2 dense: 80 GB of experts over 8 blocks, 10 GB of other weights.
    const placed = place(pools, { weightsBytes: 90 * GB, expertBytes: 80 * GB, outputBytes: 0, embeddingBytes: 0, kvBytes: 0, layers: 10, denseLeadingLayers: 2, offload: true });
    // 40 GB of card: 10 GB dense + 3 blocks of experts (30 GB); the other 5 blocks' experts (50 GB) in RAM: blocks 0..6.
    expect(placed.cpuMoeLayers).toBe(7);
    expect(placed.ram.expertBytes).toBeCloseTo(50 * GB, -3);
  });

  it('-ngl counts the output layer first: a partial offload prints blocks + 1', () => {
    for (const rig of catalogue.rigs)
      for (const model of catalogue.models)
        for (const q of evaluateFit(model, rig, context, { asOf }).quants) {
          if (!q.command || q.gpuLayers >= model.data.attention.layers || q.gpuLayers === 0) continue;
          expect(Number(flag(q.command, '-ngl')), `${q.name} of ${model.id} on ${rig.id}`).toBe(q.gpuLayers + 1);
        }
  });

  it('every printed llama-server line asks for the one slot the KV cache is budgeted for', () => {
    const q = fit('gemma-3-27b', 'homelab-rtx5090').quants.find((x) => x.command)!;
    expect(q.command).toContain(' -np 1 ');
  });
});

describe('speed where the bytes are', () => {
  it('gpt-oss-120b on an RTX 4090: experts in RAM cross PCIe once per micro-batch, so 8K tokens take tens of seconds', () => {
    const r = fit('gpt-oss-120b', 'rtx4090-desktop');
    const q = r.quants.find((x) => x.name === r.pick)!;
    const link = hostLinkBytesPerSecond(rigById(catalogue, 'rtx4090-desktop').data.gpus[0]!) * CALIBRATION.hostLinkEfficiency;
    const streamed = (8192 / N_UBATCH) * (q.tiers.ramBytes / link);
    expect(q.placement).toBe('vram+ram');
    expect(q.timeToFirstToken8kSeconds!).toBeGreaterThanOrEqual(streamed * 0.8);
    expect(q.timeToFirstToken8kSeconds!).toBeGreaterThan(10);
  });

  it('gpt-oss-120b F16 on Strix Halo: MXFP4 experts stay MXFP4, so decode is near the measured 33.6 tok/s, not 63 % over', () => {
    const q = fit('gpt-oss-120b', 'strix-halo-128gb').quants.find((x) => x.name === 'F16');
    if (!q) return;
    expect(Math.abs(q.decodeTokensPerSecond! / 33.6 - 1)).toBeLessThan(0.25);
  });

  it('DGX Spark (CUDA on unified memory): the model gets what the OS has available, no CPU side on top', () => {
    const r = fit('minimax-m2', 'dgx-spark');
    expect(r.memoryBytes.ram).toBe(0);
    expect(r.memoryBytes.gpu).toBeLessThan(102 * GiB);
  });
});
