// The human-readable answer `npm run fit` prints.
import type { FitQuant } from '../lib/fit/index.ts';
import { REASONS } from '../lib/fit/reasons.ts';
import type { Lever } from '../lib/fit/levers.ts';
import type { FitResult } from '../lib/fit/types.ts';
import { formatFileSize, formatGiB, formatTokensPerSecond } from '../lib/units.ts';

const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));
// The site's one rounding (units.ts), so the CLI and the pages print the same figure.
const speed = (v: number | null) => (v === null ? '-' : formatTokensPerSecond(v).replace(/ tok\/s$/, ''));

function wallLine(name: string, wall: { blocked: boolean; reason: keyof typeof REASONS; link?: string | null }): string {
  const link = wall.link ? ` (${wall.link})` : '';
  return `  ${pad(name, 13)} ${wall.blocked ? 'BLOCKED' : 'pass   '}  ${REASONS[wall.reason].text}${link}`;
}

function quantRow(q: FitQuant): string {
  const headroom = q.placement === 'none' || q.placement === 'disk' ? `${formatGiB(-q.headroomBytes)} over` : `${formatGiB(q.headroomBytes)} free`;
  return [
    pad(q.name, 22),
    pad(formatGiB(q.weightsBytes), 11),
    pad(q.bitsPerWeight.toFixed(2), 6),
    pad(q.quality, 9),
    pad(q.placement, 9),
    pad(headroom, 16),
    pad(speed(q.decodeTokensPerSecondAtJudgedDepth), 8),
    q.measuredTokensPerSecond === null ? '-' : speed(q.measuredTokensPerSecond),
  ].join(' ');
}

const tokens = (n: number) => n.toLocaleString('en-US');

function leverLine(l: Lever, engineName: (id: string) => string): string {
  const what = {
    'kv-precision': () => `--kv ${l.kvPrecision} (a ${l.kvPrecision} KV cache)`,
    context: () => `--context ${l.contextTokens} (a ${tokens(l.contextTokens!)}-token context)`,
    engine: () => `add ${engineName(l.engine!)} to the rig's engines`,
    file: () => `a good-enough file of ${formatFileSize(l.weightsBytes!)} or less`,
    ram: () => `${formatGiB(l.extraRamBytes!)} more system RAM`,
    memory: () => `${formatGiB(l.extraGpuBytes!)} more GPU memory`,
  }[l.kind]();
  return `  ${what}: ${l.verdict.toUpperCase()}${l.pick ? ` with ${l.pick}, ~${speed(l.decodeTokensPerSecondAtJudgedDepth)} tok/s` : ''}`;
}

export function fitText(result: FitResult, modelName: string, rigName: string, engineName: (id: string) => string, levers: Lever[] = []): string {
  if (result.verdict === 'not-released')
    return `${modelName} was released on ${result.released}; as of ${result.asOf} it did not exist yet, so there is no verdict on ${rigName}.`;
  const pick = result.quants.find((q) => q.name === result.pick);
  const engine = result.engine ? engineName(result.engine) : null;
  const lines = [
    `${modelName} on ${rigName}`,
    `as of ${result.asOf}, ${tokens(result.contextTokens)}-token context, ${result.kvPrecision} KV cache; speed judged at ${tokens(result.judgedDepthTokens)} tokens deep`,
    '',
    `Verdict: ${result.verdict.toUpperCase()}${engine ? ` on ${engine}` : ''}: ${REASONS[result.reason].text}`,
    ...result.byEngine.filter((e) => e.engine !== (result.engine ?? result.stack.engine)).map((e) => `  on ${engineName(e.engine)} instead: ${e.verdict}${e.pick ? ` with ${e.pick}` : ''} (${e.status === 'merged' ? 'supported' : `support: ${e.status}`})`),
    '',
    'Walls:',
    wallLine('size', result.walls.size),
    wallLine('quantization', result.walls.quantization),
    wallLine('stack', result.walls.stack),
    '',
    `Memory for the model: ${formatGiB(result.memoryBytes.gpu)} GPU + ${formatGiB(result.memoryBytes.ram)} RAM after overheads; at 1.5 bits per weight it would need ${formatGiB(result.minimumBytes)}.`,
  ];
  if (pick) {
    lines.push(`Pick: ${pick.name} on ${engine ?? 'the rig\'s engine, once it supports the model'}: ${formatFileSize(pick.weightsBytes)}, ${pick.placement}, ~${speed(pick.decodeTokensPerSecondAtJudgedDepth)} tok/s at ${tokens(result.judgedDepthTokens)} tokens deep (~${speed(pick.decodeTokensPerSecond)} empty).`);
    if (pick.convertCommand) lines.push(`Make:  ${pick.convertCommand}`);
    if (pick.command) lines.push(`Run:   ${pick.command}`);
    if (pick.benchCommand) lines.push(`Check: ${pick.benchCommand}`);
  }
  if (levers.length > 0) lines.push('', 'What would change it (cheapest first):', ...levers.map((l) => leverLine(l, engineName)));
  lines.push('', `  ${[pad('file', 22), pad('weights', 11), pad('bpw', 6), pad('quality', 9), pad('placement', 9), pad('headroom', 16), pad('tok/s*', 8), 'measured'].join(' ')}`);
  for (const q of result.quants) lines.push(`  ${quantRow(q)}`);
  lines.push(`  * predicted at ${tokens(result.judgedDepthTokens)} tokens deep; measured figures are llama-bench tg128 at an empty context.`);
  return lines.join('\n');
}
