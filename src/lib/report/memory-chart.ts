// The data of a report's memory chart: per file, weights / KV cache / runtime overhead in
// GiB, against the rig's GPU memory and its GPU memory + RAM (after the OS's share). The
// component draws it; this only reads the engine's byte counts.
import type { FitResult } from '../fit/types.ts';
import { formatGiB, GiB } from '../units.ts';
import { bySize, fitsMemory } from './facts.ts';

export interface MemoryChartBar { label: string; weightsGiB: number; kvGiB: number; overheadGiB: number; pick: boolean }

export interface MemoryChartData {
  title: string;
  description: string;
  bars: MemoryChartBar[];
  /** Everything the GPU(s) hold, overhead included; null on a CPU-only rig. */
  gpuLineGiB: number | null;
  /** GPU memory plus the RAM the OS leaves; a bar past it does not fit in memory. */
  memoryLineGiB: number;
}

const gib = (bytes: number) => Math.round((bytes / GiB) * 100) / 100;

/**
 * The lines are the same figures the report's text and rig table give ("memory for this
 * model", after the driver, compute buffer, margin and OS): so the bars carry what is
 * placed against them, weights and KV cache, and no overhead segment (it is already out).
 */
export function memoryChartData(result: FitResult, modelName: string, rigName: string): MemoryChartData {
  const files = bySize(result.quants);
  const gpuLine = result.memoryBytes.gpu > 0 ? result.memoryBytes.gpu : null;
  const memoryLine = result.memoryBytes.total;
  const fitting = files.filter(fitsMemory).length;
  return {
    title: `Memory each file of ${modelName} needs on ${rigName}`,
    description: `One bar per file, smallest first: weights and KV cache at ${result.contextTokens.toLocaleString('en-US')} tokens, in GiB, against what this rig can give the model after its overheads: ${
      gpuLine === null ? '' : `VRAM (${formatGiB(gpuLine)}) and `
    }VRAM + RAM (${formatGiB(memoryLine)}). A bar past the second line does not fit in memory: ${fitting} of ${files.length} files fit.`,
    bars: files.map((q) => ({ label: q.name, weightsGiB: gib(q.weightsBytes), kvGiB: gib(q.kvCacheBytes), overheadGiB: 0, pick: q.name === result.pick })),
    gpuLineGiB: gpuLine === null ? null : gib(gpuLine),
    memoryLineGiB: gib(memoryLine),
  };
}
