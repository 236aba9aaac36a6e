// The human-readable answer `npm run fit` prints.
import type { FitQuant } from '../lib/fit/index.ts';
import { REASONS } from '../lib/fit/reasons.ts';
import type { FitResult } from '../lib/fit/types.ts';
import { formatGB, formatGiB } from '../lib/units.ts';

const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));
const speed = (v: number | null) => (v === null ? '-' : v >= 100 ? v.toFixed(0) : v.toFixed(1));

function wallLine(name: string, wall: { blocked: boolean; reason: keyof typeof REASONS; link?: string | null }): string {
  const link = wall.link ? ` (${wall.link})` : '';
  return `  ${pad(name, 13)} ${wall.blocked ? 'BLOCKED' : 'pass   '}  ${REASONS[wall.reason].text}${link}`;
}

function quantRow(q: FitQuant): string {
  const headroom = q.placement === 'none' || q.placement === 'disk' ? `${formatGiB(-q.headroomBytes)} over` : `${formatGiB(q.headroomBytes)} free`;
  return [
    pad(q.name, 22),
    pad(formatGB(q.weightsBytes), 10),
    pad(q.bitsPerWeight.toFixed(2), 6),
    pad(q.quality, 9),
    pad(q.placement, 9),
    pad(headroom, 16),
    pad(speed(q.decodeTokensPerSecond), 8),
    q.measuredTokensPerSecond === null ? '-' : speed(q.measuredTokensPerSecond),
  ].join(' ');
}

export function fitText(result: FitResult, modelName: string, rigName: string, engineName: string | null): string {
  const pick = result.quants.find((q) => q.name === result.pick);
  const lines = [
    `${modelName} on ${rigName}`,
    `as of ${result.asOf}, ${result.contextTokens.toLocaleString('en-US')}-token context, ${result.kvPrecision} KV cache`,
    '',
    `Verdict: ${result.verdict.toUpperCase()}: ${REASONS[result.reason].text}`,
    '',
    'Walls:',
    wallLine('size', result.walls.size),
    wallLine('quantization', result.walls.quantization),
    wallLine('stack', result.walls.stack),
    '',
    `Memory for the model: ${formatGiB(result.memoryBytes.gpu)} GPU + ${formatGiB(result.memoryBytes.ram)} RAM after overheads; at 1.5 bits per weight it would need ${formatGB(result.minimumBytes)}.`,
  ];
  if (pick) {
    lines.push(`Pick: ${pick.name} on ${engineName ?? 'the rig\'s engine'}: ${formatGB(pick.weightsBytes)}, ${pick.placement}, ~${speed(pick.decodeTokensPerSecond)} tok/s decode (empty context), ~${speed(pick.decodeTokensPerSecondAtContext)} tok/s at full context.`);
    if (pick.command) lines.push(`Run:   ${pick.command}`);
    if (pick.benchCommand) lines.push(`Check: ${pick.benchCommand}`);
  }
  lines.push('', `  ${[pad('file', 22), pad('weights', 10), pad('bpw', 6), pad('quality', 9), pad('placement', 9), pad('headroom', 16), pad('tok/s', 8), 'measured'].join(' ')}`);
  for (const q of result.quants) lines.push(`  ${quantRow(q)}`);
  return lines.join('\n');
}
