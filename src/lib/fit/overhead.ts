// What a rig keeps for itself before a model gets a byte, modelled from its causes.
// Sources:
// - driver context: Ollama's per-GPU MinimumMemory, 457 MiB on CUDA/ROCm and 512 MiB on
//   Metal (ollama/ollama llm/memory.go), the CUDA context, cuBLAS workspace and allocator.
// - fit margin: llama.cpp's --fit leaves 1024 MiB free per device by default (-fitt;
//   ggml-org/llama.cpp tools/fit-params/README.md), for fragmentation and spikes.
// - compute buffer: the graph scratch llama.cpp reserves for one 512-token micro-batch with
//   flash attention on, as the printed command runs it (compute-buffer.ts).
// - OS reserve (system RAM): 2.5 GB + 10% of RAM stays with the OS and desktop (the rule
//   Jan uses for usable memory, janhq/jan#7842).
import type { GpuData, ModelData } from '../schema/index.ts';
import { GB, MiB } from '../units.ts';
import type { KvPrecision } from './types.ts';
import { computeBufferBytes } from './compute-buffer.ts';

export const DRIVER_CONTEXT_BYTES: Record<GpuData['backend'], number> = {
  cuda: 457 * MiB,
  rocm: 457 * MiB,
  vulkan: 457 * MiB,
  sycl: 457 * MiB,
  metal: 512 * MiB,
};
export const FIT_MARGIN_BYTES = 1024 * MiB;
export { computeBufferBytes };

/** What the compute buffer depends on besides the model: the planned context and KV type (one slot, as the command asks). */
export interface ComputePlan { contextTokens?: number; kvPrecision?: KvPrecision }

/** Runtime overhead one GPU carries for this model: driver + compute buffer + fit margin. */
export function gpuOverheadBytes(gpu: GpuData, model: ModelData, plan: ComputePlan = {}): number {
  return DRIVER_CONTEXT_BYTES[gpu.backend] + computeBufferBytes(model, { ...plan, sequences: 1 }) + FIT_MARGIN_BYTES;
}

/** RAM the operating system and desktop keep. */
export function osReserveBytes(ramBytes: number): number {
  return Math.min(ramBytes, 2.5 * GB + 0.1 * ramBytes);
}
