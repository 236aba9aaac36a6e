// The llama.cpp command lines that realise a placement, so readers can run exactly what
// the engine assumed (flags from ggml-org/llama.cpp tools/server/README.md and
// tools/llama-bench/README.md: -ngl, --n-cpu-moe, -c, -fa, --cache-type-k/v, --tensor-split,
// -np). `-np 1`: llama-server's default is 4 parallel slots sharing one unified KV cache, in
// which sliding-window layers hold 4 x window + ubatch cells and recurrent state is kept 4
// times; the budget is for one conversation, so the command asks for one slot.
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

type File = Pick<Candidate, 'name' | 'format' | 'repo' | 'native' | 'converted' | 'nativeDtype' | 'type'>;

const isLlamaCppFile = (c: File) => c.format === 'gguf' || c.native;

/** The GGUF a reader makes from the released weights: BF16 (lossless), then the target type. */
const convertedName = (modelId: string, type: string) => `${modelId}-${type}.gguf`;
const outType = (dtype: string) => (dtype.toLowerCase() === 'f16' || dtype.toLowerCase() === 'fp16' ? 'f16' : 'bf16');

/** convert_hf_to_gguf.py (llama.cpp's converter) and llama-quantize, for files nobody published. */
export function convertCommand(c: File, modelId: string): string | null {
  if (!c.native && !c.converted) return null;
  const full = convertedName(modelId, outType(c.nativeDtype).toUpperCase());
  const convert = `python convert_hf_to_gguf.py ./${modelId} --outtype ${outType(c.nativeDtype)} --outfile ${full}`;
  return c.converted ? `${convert} && llama-quantize ${full} ${convertedName(modelId, c.type!)} ${c.type}` : convert;
}

/**
 * The quant tag `-hf repo:tag` matches in the repo's file names (llama.cpp common/arg.cpp):
 * the file's label without the "<owner>-" prefix data uses to tell two owners' files apart.
 */
function hfTag(name: string, repo: string): string {
  const owner = repo.split('/')[0]!.toLowerCase();
  return name.toLowerCase().startsWith(`${owner}-`) ? name.slice(owner.length + 1) : name;
}

const flags = new WeakMap<File, string>();
/** Memoised per file object: the same file is placed on every rig. */
function modelFlag(c: File, modelId: string): string {
  let flag = flags.get(c);
  if (flag === undefined) flags.set(c, (flag = modelFlagOf(c, modelId)));
  return flag;
}

function modelFlagOf(c: File, modelId: string): string {
  if (c.native) return `-m ${convertedName(modelId, outType(c.nativeDtype).toUpperCase())}`;
  if (c.converted) return `-m ${convertedName(modelId, c.type!)}`;
  const repo = huggingFaceRepo(c.repo);
  return repo ? `-hf ${repo}:${hfTag(c.name, repo)}` : `-m ${c.name}.gguf`;
}

/** -ngl counts the output layer first (llama.cpp PR 18148); -ts is blocks per card, as placement.ts filled them. */
function placementFlags(placed: PlacementResult, _pools: Pools, layers: number): string {
  let flags = `-ngl ${placed.gpuLayers >= layers ? ALL_LAYERS : placed.nglValue}`;
  if (placed.cpuMoeLayers > 0) flags += ` --n-cpu-moe ${placed.cpuMoeLayers}`;
  if (placed.tensorSplit) flags += ` --tensor-split ${placed.tensorSplit.join(',')}`;
  return flags;
}

const kvFlags = (kv: KvPrecision) => (kv === 'f16' ? '-fa on' : `-fa on --cache-type-k ${kv} --cache-type-v ${kv}`);

export function serverCommand(c: File, modelId: string, placed: PlacementResult, pools: Pools, layers: number, contextTokens: number, kv: KvPrecision): string | null {
  if (!isLlamaCppFile(c) || placed.placement === 'none') return null;
  return `llama-server ${modelFlag(c, modelId)} -c ${contextTokens} -np 1 ${placementFlags(placed, pools, layers)} ${kvFlags(kv)}`;
}

export function benchCommand(c: File, modelId: string, placed: PlacementResult, pools: Pools, layers: number, kv: KvPrecision): string | null {
  if (!isLlamaCppFile(c) || placed.placement === 'none') return null;
  const kvBench = kv === 'f16' ? '' : ` -ctk ${kv} -ctv ${kv}`;
  const file = modelFlag(c, modelId).startsWith('-hf ') ? `-m ${c.name}.gguf` : modelFlag(c, modelId);
  return `llama-bench ${file} ${placementFlags(placed, pools, layers)} -fa 1${kvBench} -p 512 -n 128 -o json`;
}
