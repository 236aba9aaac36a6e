// The rig as memory pools the placement fills: each GPU's free memory, then system RAM,
// then disk. Unified machines are one pool: the GPU share (its usable limit) and what is
// left for the CPU side, never counted twice.
import type { ModelData, RigData } from '../schema/index.ts';
import { hostLinkBytesPerSecond } from './host-link.ts';
import { computeBufferBytes, gpuOverheadBytes, osReserveBytes, type ComputePlan } from './overhead.ts';

export interface GpuPool {
  model: string;
  backend: RigData['gpus'][number]['backend'];
  freeBytes: number;
  overheadBytes: number;
  bandwidthBytesPerSecond: number;
  /** The host link (PCIe); Infinity on unified memory, where nothing is copied. */
  hostLinkBytesPerSecond: number;
  fp16Tflops: number | null;
}

export interface Pools {
  gpus: GpuPool[];
  ram: { freeBytes: number; bandwidthBytesPerSecond: number; osReserveBytes: number; overheadBytes: number };
  disk: { freeBytes: number | null; bandwidthBytesPerSecond: number | null };
  unified: boolean;
}

const memo = new WeakMap<RigData, WeakMap<ModelData, Map<string, Pools>>>();

/** Memoised per rig, model and plan: the compute buffer grows with the context (its attention mask). */
export function memoryPools(rig: RigData, model: ModelData, plan: ComputePlan = {}): Pools {
  let byModel = memo.get(rig);
  if (!byModel) memo.set(rig, (byModel = new WeakMap()));
  let byPlan = byModel.get(model);
  if (!byPlan) byModel.set(model, (byPlan = new Map()));
  const key = `${plan.contextTokens ?? ''}:${plan.kvPrecision ?? ''}`;
  let pools = byPlan.get(key);
  if (!pools) byPlan.set(key, (pools = computePools(rig, model, plan)));
  return pools;
}

function computePools(rig: RigData, model: ModelData, plan: ComputePlan): Pools {
  const gpus: GpuPool[] = [];
  for (const gpu of rig.gpus) {
    const memory = rig.unified_memory ? (rig.gpu_memory_limit ?? 0) / rig.gpus.reduce((n, g) => n + g.count, 0) : gpu.memory ?? 0;
    const overheadBytes = gpuOverheadBytes(gpu, model, plan);
    for (let i = 0; i < gpu.count; i++) {
      gpus.push({
        model: gpu.model,
        backend: gpu.backend,
        freeBytes: Math.max(0, memory - overheadBytes),
        overheadBytes,
        bandwidthBytesPerSecond: gpu.bandwidth,
        hostLinkBytesPerSecond: rig.unified_memory ? Infinity : hostLinkBytesPerSecond(gpu),
        fp16Tflops: gpu.fp16_tflops ?? null,
      });
    }
  }
  // On a unified machine the CPU side gets what the GPU share leaves; the OS reserve comes out of that.
  // CUDA on unified memory (DGX Spark, Jetson) reports the OS's available memory as the
  // device's free memory (llama.cpp PR 17368, ggml-cuda: MemAvailable on integrated GPUs), so
  // the GPU limit already is all a model can get, CPU side included: nothing is left over.
  const cudaUma = rig.unified_memory && rig.gpus.some((g) => g.backend === 'cuda');
  const ramTotal = rig.unified_memory ? (cudaUma ? 0 : Math.max(0, rig.system_ram.size - (rig.gpu_memory_limit ?? 0))) : rig.system_ram.size;
  const osReserve = osReserveBytes(rig.system_ram.size);
  // A CPU-only rig runs the compute buffer in RAM.
  const ramOverhead = gpus.length === 0 ? computeBufferBytes(model, { ...plan, sequences: 1 }) : 0;
  return {
    gpus,
    ram: {
      freeBytes: Math.max(0, ramTotal - osReserve - ramOverhead),
      bandwidthBytesPerSecond: rig.system_ram.bandwidth,
      osReserveBytes: osReserve,
      overheadBytes: ramOverhead,
    },
    disk: { freeBytes: rig.disk?.size ?? null, bandwidthBytesPerSecond: rig.disk?.read_bandwidth ?? null },
    unified: rig.unified_memory,
  };
}
