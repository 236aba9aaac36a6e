// A rig's profile as table rows: shared by the report's rig table and the rig page.
import type { RigData } from '../schema/index.ts';
import { formatBandwidth, formatGB, formatGiB } from '../units.ts';
import type { Cell } from './table-types.ts';

const formatDisk = (bytes: number) => (bytes >= 1e12 ? `${(bytes / 1e12).toFixed(1)} TB` : formatGB(bytes, 0));

/** GPU memory plus system RAM as installed (unified machines: the one pool). */
export function installedMemoryBytes(rig: RigData): number {
  const gpu = rig.unified_memory ? 0 : rig.gpus.reduce((s, g) => s + (g.memory ?? 0) * g.count, 0);
  return gpu + rig.system_ram.size;
}

export function rigProfileRows(rig: RigData, engineNames: Record<string, string>): Cell[][] {
  const gpus = rig.gpus.map((g) => `${g.count > 1 ? `${g.count} x ` : ''}${g.model}${g.memory ? `, ${formatGiB(g.memory)}` : ''}, ${formatBandwidth(g.bandwidth)}`).join('; ');
  const rows: Cell[][] = [['GPU', gpus || 'none']];
  if (rig.unified_memory && rig.gpu_memory_limit) rows.push(['GPU share of unified memory', formatGiB(rig.gpu_memory_limit)]);
  rows.push([rig.unified_memory ? 'Unified memory' : 'System RAM', `${formatGiB(rig.system_ram.size)}, ${formatBandwidth(rig.system_ram.bandwidth)}${rig.system_ram.kind ? `, ${rig.system_ram.kind}` : ''}`]);
  if (rig.cpu) rows.push(['CPU', `${rig.cpu.model}${rig.cpu.cores ? `, ${rig.cpu.cores} cores` : ''}`]);
  if (rig.disk) rows.push(['Disk', `${formatDisk(rig.disk.size)}${rig.disk.read_bandwidth ? `, ${formatBandwidth(rig.disk.read_bandwidth)} read` : ''}`]);
  rows.push(['Inference engines', rig.engines.map((e) => engineNames[e] ?? e).join(', ')]);
  if (rig.price_usd) rows.push(['Price', `US$${rig.price_usd.toLocaleString('en-US')}`]);
  return rows;
}
