// What a rig keeps for itself before a model gets a byte, modelled from its causes.
// Sources:
// - driver context: Ollama's per-GPU MinimumMemory, 457 MiB on CUDA/ROCm and 512 MiB on
//   Metal (ollama/ollama llm/memory.go), the CUDA context, cuBLAS workspace and allocator.
// - fit margin: llama.cpp's --fit leaves 1024 MiB free per device by default (-fitt;
//   ggml-org/llama.cpp tools/fit-params/README.md), for fragmentation and spikes.
// - compute buffer: the graph scratch for one 512-token micro-batch, dominated by the
//   logits (n_ubatch x n_vocab x 4 B) and a few hidden-width activations (gguf-parser-go
//   file_estimate__llamacpp.go sizes the same two terms).
// - OS reserve (system RAM): 2.5 GB + 10% of RAM stays with the OS and desktop (the rule
//   Jan uses for usable memory, janhq/jan#7842).
import type { GpuData, ModelData } from '../schema/index.ts';
import { GB, MiB } from '../units.ts';
import { N_UBATCH } from './kv-cache.ts';

export const DRIVER_CONTEXT_BYTES: Record<GpuData['backend'], number> = {
  cuda: 457 * MiB,
  rocm: 457 * MiB,
  vulkan: 457 * MiB,
  sycl: 457 * MiB,
  metal: 512 * MiB,
};
export const FIT_MARGIN_BYTES = 1024 * MiB;
const ACTIVATION_WIDTHS = 4; // hidden-width f32 activations alive at once per token

export function computeBufferBytes(model: ModelData): number {
  const vocab = model.vocab_size ?? 0;
  const hidden = model.attention.hidden_size ?? 0;
  return N_UBATCH * 4 * (vocab + ACTIVATION_WIDTHS * hidden);
}

/** Runtime overhead one GPU carries for this model: driver + compute buffer + fit margin. */
export function gpuOverheadBytes(gpu: GpuData, model: ModelData): number {
  return DRIVER_CONTEXT_BYTES[gpu.backend] + computeBufferBytes(model) + FIT_MARGIN_BYTES;
}

/** RAM the operating system and desktop keep. */
export function osReserveBytes(ramBytes: number): number {
  return Math.min(ramBytes, 2.5 * GB + 0.1 * ramBytes);
}
