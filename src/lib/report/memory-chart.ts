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

export function memoryChartData(result: FitResult, modelName: string, rigName: string): MemoryChartData {
  const files = bySize(result.quants);
  const overhead = files[0]?.overheadBytes ?? 0;
  const gpuLine = result.memoryBytes.gpu > 0 ? result.memoryBytes.gpu + overhead : null;
  const memoryLine = result.memoryBytes.total + overhead;
  const fitting = files.filter(fitsMemory).length;
  return {
    title: `Memory each file of ${modelName} needs on ${rigName}`,
    description: `Stacked bars, one per file, smallest first: weights, KV cache at ${result.contextTokens.toLocaleString('en-US')} tokens, and runtime overhead, in GiB. ${
      gpuLine === null ? '' : `A line marks the GPU memory (${formatGiB(gpuLine)}); `
    }another marks GPU memory plus the RAM left after the operating system's share (${formatGiB(memoryLine)}). By the engine's placement, ${fitting} of ${files.length} files fit in memory.`,
    bars: files.map((q) => ({ label: q.name, weightsGiB: gib(q.weightsBytes), kvGiB: gib(q.kvCacheBytes), overheadGiB: gib(q.overheadBytes), pick: q.name === result.pick })),
    gpuLineGiB: gpuLine === null ? null : gib(gpuLine),
    memoryLineGiB: gib(memoryLine),
  };
}
