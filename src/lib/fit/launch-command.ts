// The llama.cpp command lines that realise a placement, so readers can run exactly what
// the engine assumed (flags from ggml-org/llama.cpp tools/server/README.md and
// tools/llama-bench/README.md: -ngl, --n-cpu-moe, -c, -fa, --cache-type-k/v, --tensor-split).
import type { Candidate } from './candidates.ts';
import type { Pools } from './memory-pools.ts';
import type { PlacementResult } from './placement.ts';
import type { KvPrecision } from './types.ts';

const ALL_LAYERS = 999;

/** "unsloth/Qwen3.5-35B-A3B-GGUF" from a Hugging Face URL. */
const repos = new Map<string, string | null>();
export function huggingFaceRepo(url: string | null): string | null {
  if (url === null) return null;
  if (!repos.has(url)) repos.set(url, /^https:\/\/huggingface\.co\/([^/]+\/[^/?#]+)/.exec(url)?.[1] ?? null);
  return repos.get(url)!;
}

function modelFlag(candidate: Candidate): string {
  const repo = huggingFaceRepo(candidate.repo);
  return repo ? `-hf ${repo}:${candidate.name}` : `-m ${candidate.name}.gguf`;
}

function placementFlags(placed: PlacementResult, pools: Pools, layers: number): string {
  let flags = `-ngl ${placed.gpuLayers >= layers ? ALL_LAYERS : placed.gpuLayers}`;
  if (placed.cpuMoeLayers > 0) flags += ` --n-cpu-moe ${placed.cpuMoeLayers}`;
  if (pools.gpus.length > 1) flags += ` --tensor-split ${pools.gpus.map((g) => Math.max(1, Math.round(g.freeBytes / 2 ** 30))).join(',')}`;
  return flags;
}

const kvFlags = (kv: KvPrecision) => (kv === 'f16' ? '-fa on' : `-fa on --cache-type-k ${kv} --cache-type-v ${kv}`);

export function serverCommand(candidate: Candidate, placed: PlacementResult, pools: Pools, layers: number, contextTokens: number, kv: KvPrecision): string | null {
  if (candidate.format !== 'gguf' || placed.placement === 'none') return null;
  return `llama-server ${modelFlag(candidate)} -c ${contextTokens} ${placementFlags(placed, pools, layers)} ${kvFlags(kv)}`;
}

export function benchCommand(candidate: Candidate, placed: PlacementResult, pools: Pools, layers: number, kv: KvPrecision): string | null {
  if (candidate.format !== 'gguf' || placed.placement === 'none') return null;
  const kvBench = kv === 'f16' ? '' : ` -ctk ${kv} -ctv ${kv}`;
  return `llama-bench -m ${candidate.name}.gguf ${placementFlags(placed, pools, layers)} -fa 1${kvBench} -p 512 -n 128`;
}
