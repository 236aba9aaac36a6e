// Rig figures no machine has: they are unit slips (MB/s for GB/s, TiB for GiB), a total
// written where a per-card figure goes, or two bandwidths in each other's place.
import type { Entry } from './catalogue.ts';
import type { Problem } from './problem.ts';
import type { RigData } from '../schema/index.ts';
import { GiB, TB } from '../units.ts';
import { bandwidthText, gibText } from './semantic-text.ts';

/** HBM3e peaks near 8 TB/s per card (B200); 20 TB/s leaves room for the next generation. */
const MAX_GPU_BANDWIDTH = 20 * TB;
/** Twelve DDR5-6400 channels on two sockets are about 1.2 TB/s; unified pools are GPU memory. */
const MAX_RAM_BANDWIDTH = 2 * TB;
/** The largest cards carry 288 GB (MI355X, 268 GiB). */
const MAX_CARD_MEMORY = 300 * GiB;
/** A rig is one machine: an 8-GPU server is the common maximum, 16 (DGX-2) the largest. */
const MAX_CARDS = 16;

export function checkRig({ file, data }: Entry<RigData>): Problem[] {
  const problems: Problem[] = [];
  const ram = data.system_ram;
  if (data.gpu_memory_limit !== undefined && data.gpu_memory_limit > ram.size)
    problems.push({
      file,
      path: ['gpu_memory_limit'],
      expected: `at most system_ram.size (${gibText(ram.size)}): on a unified machine the GPU's share comes out of the one pool`,
      found: gibText(data.gpu_memory_limit),
      hint: 'system_ram.size is the whole pool and gpu_memory_limit the part the GPU may use (e.g. 96 GiB of 128 GiB)',
    });
  const ramLimit = data.unified_memory ? MAX_GPU_BANDWIDTH : MAX_RAM_BANDWIDTH;
  if (ram.bandwidth > ramLimit)
    problems.push({
      file,
      path: ['system_ram', 'bandwidth'],
      expected: `at most ${bandwidthText(ramLimit)}: ${data.unified_memory ? 'no memory pool is faster' : 'twelve DDR5 channels on two sockets give about 1.2 TB/s'}`,
      found: bandwidthText(ram.bandwidth),
      hint: 'bandwidths are in GB/s (10^9 bytes per second): MT/s x 8 bytes x channels, e.g. DDR5-6000 on two channels is 96 GB/s',
    });
  data.gpus.forEach((gpu, i) => problems.push(...checkGpu(file, i, gpu, data)));
  return problems;
}

function checkGpu(file: string, i: number, gpu: RigData['gpus'][number], rig: RigData): Problem[] {
  const problems: Problem[] = [];
  const at = (field: string) => ['gpus', i, field];
  if (gpu.bandwidth > MAX_GPU_BANDWIDTH)
    problems.push({ file, path: at('bandwidth'), expected: `a card's bandwidth, at most ${bandwidthText(MAX_GPU_BANDWIDTH)} (a B200 has 8 TB/s)`, found: bandwidthText(gpu.bandwidth), hint: 'write one card\'s bandwidth from its spec sheet in GB/s, e.g. "1792 GB/s"; count says how many cards' });
  // Only against a plausible RAM figure: an impossible one is reported on its own line.
  else if (!rig.unified_memory && gpu.bandwidth < rig.system_ram.bandwidth && rig.system_ram.bandwidth <= MAX_RAM_BANDWIDTH)
    problems.push({
      file,
      path: at('bandwidth'),
      expected: `a discrete card's memory bandwidth, above system RAM's (${bandwidthText(rig.system_ram.bandwidth)}): the card's own memory is what makes it fast`,
      found: bandwidthText(gpu.bandwidth),
      hint: 'the two may be swapped, or one is in the wrong unit: GPU bandwidth from the card\'s spec sheet (e.g. "936 GB/s"), RAM as MT/s x 8 bytes x channels (e.g. "96 GB/s")',
    });
  if (gpu.memory !== undefined && gpu.memory > MAX_CARD_MEMORY)
    problems.push({ file, path: at('memory'), expected: `one card's memory, at most ${gibText(MAX_CARD_MEMORY)} (the largest cards have 288 GB)`, found: gibText(gpu.memory), hint: 'write the memory of one card (e.g. "24 GiB"), not of all of them: count multiplies it' });
  if (gpu.count > MAX_CARDS)
    problems.push({ file, path: at('count'), expected: `at most ${MAX_CARDS} cards: a rig is one machine (an 8-GPU server is the usual maximum)`, found: `the number ${gpu.count}`, hint: 'count is how many of this card the machine has; a cluster is not a rig' });
  return problems;
}
