// Which rig a llama-bench run used: its GPUs (names, count) and backend as llama-bench
// reports them, against the rig profiles; a run on another backend than the rig's own
// (Vulkan on an NVIDIA card) matches the rig and says the backend.
import type { Entry } from '../data/catalogue.ts';
import type { RigData } from '../schema/index.ts';
import type { BenchRecord, Match } from './from-llama-bench.ts';

const words = (s: string) => s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);

/** ggml backend names as llama-bench lists them -> the data's backend ids. */
const BACKENDS: [RegExp, string][] = [[/cuda/i, 'cuda'], [/rocm|hip/i, 'rocm'], [/metal|mtl/i, 'metal'], [/vulkan/i, 'vulkan'], [/sycl/i, 'sycl']];
export function backendOf(backends: string): string {
  const accelerators = backends.split(/[,\s]+/).filter((b) => b && !/^(cpu|blas|rpc|accelerate)$/i.test(b));
  if (accelerators.length === 0) return 'cpu';
  return BACKENDS.find(([re]) => re.test(accelerators.join(',')))?.[1] ?? accelerators[0]!.toLowerCase();
}

// Words that name no particular chip; a model suffix after a match ("RTX 4060" vs "4060 Ti") is another chip.
const NOISE = new Set(['nvidia', 'geforce', 'amd', 'apple', 'intel', 'graphics', 'gpu', 'processor', 'cpu', 'r', 'tm', 'with']);
const SUFFIX = new Set(['ti', 'super', 'xt', 'xtx', 'max', 'pro', 'ultra', 'mini', 'plus']);

function names(device: string, chip: string): boolean {
  // "AMD EPYC 9654 96-Core Processor", "Intel(R) Core(TM) i5-7500T CPU @ 2.70GHz": the chip is what is left.
  const key = words(device.replace(/\d+-core\b/gi, '').replace(/@.*$/, '')).filter((w) => !NOISE.has(w));
  const have = words(chip);
  if (key.length === 0) return false;
  for (let i = 0; i + key.length <= have.length; i++)
    if (key.every((w, j) => have[i + j] === w) && !SUFFIX.has(have[i + key.length] ?? '')) return true;
  return false;
}

type Rig = Entry<RigData>;

/** The rig a run used, by GPU name, count and backend (or the CPU, for CPU-only runs); --rig wins. */
export function matchRig(r: BenchRecord, rigs: Rig[], override?: string): Match<string> & { backend?: string } {
  const backend = backendOf(r.backends);
  const own = (id: string) => rigs.find((x) => x.id === id)?.data.gpus[0]?.backend ?? 'cpu';
  if (override) return { id: override, reason: 'given with --rig', ...(backend !== own(override) && backend !== 'cpu' ? { backend } : {}) };
  const exact = matchRigOn(r, rigs, backend, true);
  if (exact.id !== null || backend === 'cpu') return exact;
  // The same cards on another backend (Vulkan on an NVIDIA or AMD card): the rig, with the run's backend said.
  const other = matchRigOn(r, rigs, backend, false);
  return other.id !== null ? { ...other, reason: `${other.reason}, run on ${backend} rather than the rig's ${own(other.id)}`, backend } : exact;
}

function matchRigOn(r: BenchRecord, rigs: Rig[], backend: string, sameBackend: boolean): Match<string> {
  const devices = r.gpuInfo.split(/,\s*|\/\s*/).map((d) => d.trim()).filter(Boolean);
  const found = backend === 'cpu' ? `the CPU ${r.cpuInfo || '(unnamed)'}` : `${devices.join(' + ') || 'an unnamed GPU'} (${r.backends})`;
  const candidates = rigs.filter((rig) => {
    const gpus = rig.data.gpus;
    if (backend === 'cpu') return gpus.length === 0 && !!rig.data.cpu && names(r.cpuInfo, rig.data.cpu.model);
    const count = gpus.reduce((n, g) => n + g.count, 0);
    return (!sameBackend || gpus.some((g) => g.backend === backend)) && count === devices.length && devices.every((d) => gpus.some((g) => names(d, g.model)));
  });
  if (candidates.length === 1) return { id: candidates[0]!.id, reason: `matched ${found}` };
  if (candidates.length > 1) return { id: null, reason: `${found} is on ${candidates.map((c) => c.id).join(' and ')}: pick the one whose RAM and CPU are yours` };
  return { id: null, reason: `no rig in data/rigs has ${found}: add one with npm run new:rig` };
}
