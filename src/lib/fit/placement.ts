// Where a file's bytes live, in the order llama.cpp's --fit tries it: everything in VRAM;
// MoE experts of the first N layers in RAM with attention and shared weights on the GPU
// (--n-cpu-moe N); whole layers in RAM (-ngl); then the rest memory-mapped from disk.
// Multi-GPU: the GPU share is split across cards in proportion to their free memory
// (--tensor-split), each card having paid its own overhead.
import type { Placement } from './types.ts';
import type { Pools } from './memory-pools.ts';

/** What one tier holds: weights every token reads, routed experts, and KV cache. */
export interface TierContent {
  denseBytes: number;
  expertBytes: number;
  kvBytes: number;
}

export interface PlacementResult {
  placement: Placement;
  gpus: TierContent[];
  ram: TierContent;
  disk: TierContent;
  gpuLayers: number;
  cpuMoeLayers: number;
  headroomBytes: number;
}

export interface PlacementInput {
  weightsBytes: number;
  expertBytes: number;
  kvBytes: number;
  layers: number;
  offload: boolean;
}

const scaled = (c: TierContent, f: number): TierContent => ({ denseBytes: c.denseBytes * f, expertBytes: c.expertBytes * f, kvBytes: c.kvBytes * f });
const minus = (a: TierContent, b: TierContent): TierContent => ({ denseBytes: a.denseBytes - b.denseBytes, expertBytes: a.expertBytes - b.expertBytes, kvBytes: a.kvBytes - b.kvBytes });
const EMPTY: TierContent = { denseBytes: 0, expertBytes: 0, kvBytes: 0 };
export const contentBytes = (c: TierContent) => c.denseBytes + c.expertBytes + c.kvBytes;

function splitAcrossGpus(pools: Pools, onGpu: TierContent): TierContent[] {
  const free = pools.gpus.reduce((s, g) => s + g.freeBytes, 0);
  return pools.gpus.map((g) => (free > 0 ? scaled(onGpu, g.freeBytes / free) : EMPTY));
}

export function place(pools: Pools, input: PlacementInput): PlacementResult {
  const { weightsBytes, expertBytes, kvBytes, layers } = input;
  const all: TierContent = { denseBytes: weightsBytes - expertBytes, expertBytes, kvBytes };
  const need = weightsBytes + kvBytes;
  const gpuFree = pools.gpus.reduce((s, g) => s + g.freeBytes, 0);
  const ramFree = pools.ram.freeBytes;
  const result = (placement: Placement, onGpu: TierContent, ram: TierContent, disk: TierContent, headroomBytes: number, gpuLayers: number, cpuMoeLayers = 0): PlacementResult => ({
    placement, gpus: splitAcrossGpus(pools, onGpu), ram, disk, gpuLayers, cpuMoeLayers, headroomBytes,
  });

  if (need <= gpuFree) return result('vram', all, EMPTY, EMPTY, gpuFree - need, layers);
  if (!input.offload) return result('none', EMPTY, EMPTY, EMPTY, gpuFree - need, 0);

  // MoE: keep everything but routed experts on the GPU; move the experts of N layers to RAM.
  if (expertBytes > 0 && all.denseBytes + kvBytes <= gpuFree) {
    const perLayer = expertBytes / layers;
    const cpuMoeLayers = Math.min(layers, Math.ceil((need - gpuFree) / perLayer));
    const ramExperts = Math.min(expertBytes, cpuMoeLayers * perLayer);
    if (ramExperts <= ramFree) {
      const ram = { denseBytes: 0, expertBytes: ramExperts, kvBytes: 0 };
      return result('vram+ram', minus(all, ram), ram, EMPTY, ramFree - ramExperts, layers, cpuMoeLayers);
    }
  }
  // Whole layers (weights and their KV) on the GPU, the rest in RAM.
  const perLayer = need / layers;
  const gpuLayers = Math.min(layers, Math.floor(gpuFree / perLayer));
  const onGpu = scaled(all, gpuLayers / layers);
  const rest = minus(all, onGpu);
  const restBytes = contentBytes(rest);
  if (restBytes <= ramFree) return result('vram+ram', onGpu, rest, EMPTY, ramFree - restBytes, gpuLayers);

  // Memory-mapped: what does not fit in RAM is read from disk. The KV cache must stay in memory.
  const memory = gpuFree + ramFree;
  const diskFree = pools.disk.freeBytes;
  if (kvBytes > memory || (diskFree !== null && weightsBytes > diskFree)) return result('none', EMPTY, EMPTY, EMPTY, memory - need, 0);
  const weightsInRam = Math.max(0, ramFree - rest.kvBytes);
  const restWeights = rest.denseBytes + rest.expertBytes;
  const inRam = restWeights > 0 ? weightsInRam / restWeights : 0;
  const ram = { denseBytes: rest.denseBytes * inRam, expertBytes: rest.expertBytes * inRam, kvBytes: rest.kvBytes };
  const disk = minus(rest, ram);
  return result('disk', onGpu, ram, disk, memory - need, gpuLayers);
}
