// Where a file's bytes go, in the order llama.cpp tries it: all on the GPU(s); MoE experts
// of blocks 0..N-1 in system RAM (--n-cpu-moe N); the output layer and the top blocks on the
// GPU(s), the rest in RAM (-ngl); the rest memory-mapped from disk; or it does not fit.
// llama.cpp's layout (src/llama-model.cpp, load_tensors): -ngl counts the output layer
// first (i_gpu_start = n_layer + 1 - ngl; PR 18148), the output goes where "layer n_layer"
// would, and GPU blocks are split over the cards in order by the cumulative --tensor-split
// fractions. --n-cpu-moe N keeps the experts of blocks 0..N-1 on the CPU, and under a layer
// split those blocks sit on the first card: so cards are filled block by block in order,
// and the printed -ts is the resulting block count per card, which reproduces it exactly.
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
  /** Transformer blocks on the GPU(s). */
  gpuLayers: number;
  /** The -ngl value that realises it: blocks plus the output layer, which llama.cpp counts first. */
  nglValue: number;
  cpuMoeLayers: number;
  /** The token embedding, in RAM whatever the placement, and not read whole per token. */
  embeddingBytes: number;
  /** Blocks (and the output layer, on the last card) per card, for --tensor-split; null on one GPU. */
  tensorSplit: number[] | null;
  headroomBytes: number;
}

export interface PlacementInput {
  weightsBytes: number;
  /** Routed-expert tensors' bytes (0 for dense models). */
  expertBytes: number;
  /** The output (lm_head) tensor's bytes, 0 when unknown. */
  outputBytes: number;
  /** An untied token embedding's bytes: kept in RAM and read a row per token (0 when tied or unknown). */
  embeddingBytes: number;
  kvBytes: number;
  layers: number;
  /** Leading blocks with no experts (first_k_dense_replace). */
  denseLeadingLayers: number;
  offload: boolean;
  /** A measured run's --n-cpu-moe, used instead of the fewest that fit (calibration). */
  cpuMoeLayers?: number;
}

const EMPTY: TierContent = { denseBytes: 0, expertBytes: 0, kvBytes: 0 };
const add = (a: TierContent, b: TierContent): TierContent => ({ denseBytes: a.denseBytes + b.denseBytes, expertBytes: a.expertBytes + b.expertBytes, kvBytes: a.kvBytes + b.kvBytes });
const minus = (a: TierContent, b: TierContent): TierContent => ({ denseBytes: a.denseBytes - b.denseBytes, expertBytes: a.expertBytes - b.expertBytes, kvBytes: a.kvBytes - b.kvBytes });
export const contentBytes = (c: TierContent) => c.denseBytes + c.expertBytes + c.kvBytes;

interface Model {
  /** A block without experts on the GPU (dense leading blocks, or experts kept in RAM). */
  lean: TierContent;
  /** A block with its experts. */
  full: TierContent;
  output: TierContent;
  all: TierContent;
  layers: number;
  leading: number;
}

function modelOf(input: PlacementInput): Model {
  const { expertBytes, outputBytes, kvBytes, layers } = input;
  const weightsBytes = input.weightsBytes - input.embeddingBytes;
  const leading = Math.min(input.denseLeadingLayers, layers - 1);
  const dense = Math.max(0, weightsBytes - expertBytes - outputBytes) / layers;
  const lean = { denseBytes: dense, expertBytes: 0, kvBytes: kvBytes / layers };
  return {
    lean,
    full: { ...lean, expertBytes: expertBytes / (layers - leading) },
    output: { denseBytes: outputBytes, expertBytes: 0, kvBytes: 0 },
    all: { denseBytes: weightsBytes - expertBytes, expertBytes, kvBytes },
    layers,
    leading,
  };
}

interface Fill { gpus: TierContent[]; counts: number[] }

const times = (c: TierContent, k: number): TierContent => ({ denseBytes: c.denseBytes * k, expertBytes: c.expertBytes * k, kvBytes: c.kvBytes * k });

/**
 * Cards filled in order with blocks first..L-1 (experts of blocks below cpuMoe kept off),
 * then the output on the last card used: a block goes to the next card when it does not fit
 * the current one. Blocks come in two sizes, so each run of equal blocks is placed by division.
 */
function fillCards(pools: Pools, m: Model, first: number, cpuMoe: number): Fill | null {
  const n = pools.gpus.length;
  if (n === 1) return fillOneCard(pools.gpus[0]!.freeBytes, m, first, cpuMoe);
  const gpus: TierContent[] = new Array(n).fill(EMPTY);
  const counts: number[] = new Array(n).fill(0);
  const loads: number[] = new Array(n).fill(0);
  const boundary = Math.min(m.layers, Math.max(first, m.leading, cpuMoe));
  const runs: [TierContent, number][] = [[m.lean, boundary - first], [m.full, m.layers - boundary], [m.output, 1]];
  let card = 0;
  for (const [content, total] of runs) {
    let left = total;
    const size = contentBytes(content);
    while (left > 0) {
      if (card >= n) return null;
      const room = pools.gpus[card]!.freeBytes - loads[card]!;
      const k = size <= 0 ? left : Math.min(left, Math.floor(room / size + 1e-9));
      if (k > 0) {
        gpus[card] = add(gpus[card]!, times(content, k));
        counts[card]! += k;
        loads[card]! += k * size;
        left -= k;
      }
      if (left > 0) card++;
    }
  }
  return { gpus, counts };
}

/** One card: everything on it fits or not, by one sum (the common case, kept fast). */
function fillOneCard(free: number, m: Model, first: number, cpuMoe: number): Fill | null {
  const boundary = Math.min(m.layers, Math.max(first, m.leading, cpuMoe));
  const lean = boundary - first;
  const full = m.layers - boundary;
  const bytes = contentBytes(m.lean) * lean + contentBytes(m.full) * full + contentBytes(m.output);
  if (bytes > free * (1 + 1e-12)) return null;
  const content = add(add(times(m.lean, lean), times(m.full, full)), m.output);
  return { gpus: [content], counts: [lean + full + 1] };
}

/** The least k in [low, high] for which fits(k) holds (fits grows with k: fewer bytes on the cards), or null. */
function leastFitting(low: number, high: number, fits: (k: number) => boolean): number | null {
  if (!fits(high)) return null;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (fits(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

const used = (f: Fill) => f.gpus.reduce((s, g) => s + contentBytes(g), 0);

export function place(pools: Pools, input: PlacementInput): PlacementResult {
  const m = modelOf(input);
  const { layers } = input;
  const gpuFree = pools.gpus.reduce((s, g) => s + g.freeBytes, 0);
  const ramFree = pools.ram.freeBytes - input.embeddingBytes;
  const need = input.weightsBytes - input.embeddingBytes + input.kvBytes;
  const result = (placement: Placement, fill: Fill | null, ram: TierContent, disk: TierContent, headroomBytes: number, gpuLayers: number, cpuMoeLayers = 0): PlacementResult => ({
    placement, gpus: fill?.gpus ?? pools.gpus.map(() => EMPTY), ram, disk, gpuLayers, cpuMoeLayers, headroomBytes, embeddingBytes: input.embeddingBytes,
    nglValue: fill ? gpuLayers + 1 : 0,
    tensorSplit: fill && pools.gpus.length > 1 ? fill.counts : null,
  });

  const all = pools.gpus.length > 0 ? fillCards(pools, m, 0, 0) : null;
  if (all) return result('vram', all, EMPTY, EMPTY, gpuFree - used(all), layers);
  if (!input.offload || pools.gpus.length === 0) {
    if (pools.gpus.length === 0 && input.offload && need <= ramFree) return result('vram+ram', null, m.all, EMPTY, ramFree - need, 0);
    if (pools.gpus.length > 0 || !input.offload) return result('none', null, EMPTY, EMPTY, (pools.gpus.length > 0 ? gpuFree : ramFree) - need, 0);
  }

  // MoE: the fewest blocks whose experts move to RAM (blocks 0..N-1, dense leading ones included).
  if (input.expertBytes > 0 && pools.gpus.length > 0) {
    const forced = input.cpuMoeLayers !== undefined && input.cpuMoeLayers > 0 ? Math.min(layers, input.cpuMoeLayers) : null;
    const n = forced !== null && fillCards(pools, m, 0, forced) ? forced : leastFitting(1, layers, (k) => fillCards(pools, m, 0, k) !== null);
    const fill = n === null ? null : fillCards(pools, m, 0, n);
    if (fill) {
      const ram = { denseBytes: 0, expertBytes: input.expertBytes - fill.gpus.reduce((s, g) => s + g.expertBytes, 0), kvBytes: 0 };
      if (ram.expertBytes <= ramFree) return result('vram+ram', fill, ram, EMPTY, ramFree - ram.expertBytes, layers, n!);
    }
  }
  // Whole blocks: the output layer and the top blocks on the GPU(s), blocks 0..first-1 in RAM.
  const firstFitting = pools.gpus.length > 0 ? leastFitting(0, layers, (f) => fillCards(pools, m, f, 0) !== null) : null;
  const fill = firstFitting === null ? null : fillCards(pools, m, firstFitting, 0);
  const first = firstFitting ?? layers;
  const onGpu = fill ? fill.gpus.reduce(add, EMPTY) : EMPTY;
  const rest = minus(m.all, onGpu);
  const gpuLayers = fill ? layers - first : 0;
  if (contentBytes(rest) <= ramFree) return result('vram+ram', fill, rest, EMPTY, ramFree - contentBytes(rest), gpuLayers);

  // Memory-mapped: what does not fit in RAM is read from disk. The KV cache must stay in memory.
  const memory = gpuFree + ramFree;
  const diskFree = pools.disk.freeBytes;
  if (input.kvBytes > memory || (diskFree !== null && input.weightsBytes > diskFree)) return result('none', null, EMPTY, EMPTY, memory - need, 0);
  const weightsInRam = Math.max(0, ramFree - rest.kvBytes);
  const restWeights = rest.denseBytes + rest.expertBytes;
  const share = restWeights > 0 ? Math.min(1, weightsInRam / restWeights) : 0;
  const ram = { denseBytes: rest.denseBytes * share, expertBytes: rest.expertBytes * share, kvBytes: rest.kvBytes };
  return result('disk', fill, ram, minus(rest, ram), memory - need, gpuLayers);
}
