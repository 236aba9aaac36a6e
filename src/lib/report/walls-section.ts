// The three walls, each its own section: pass or blocked, why (the engine's reason), and the
// arithmetic behind it in a sentence and a table, with links and how long the wall has stood.
import { REASONS } from '../fit/reasons.ts';
import { supportAsOf } from '../fit/support.ts';
import type { QuantResult, Wall } from '../fit/types.ts';
import { formatGB, formatGiB } from '../units.ts';
import { mdInline, mdText } from './escape.ts';
import { bestFitting, engineName, fitsMemory, isViable, pickOf, pulled, smallestViable, supportClause } from './facts.ts';
import { externalLink, heading, para, table } from './mdx.ts';
import type { ReportInput } from './report-input.ts';
import { linkLabel } from './sources.ts';
import type { Cell } from './table-types.ts';
import { daysBetween, formatTokens, headroomText, listText, plural, PLACEMENT_LABEL, QUALITY_LABEL } from './words.ts';

const isAre = (n: number, one: string, many: string) => (n === 1 ? one : many);
const state = (wall: Wall) => (wall.blocked ? 'blocked' : 'pass');
const wallHeading = (name: string, wall: Wall) => heading(3, `${name}: ${state(wall)} — ${REASONS[wall.reason].title}`);

function sizeWall(input: ReportInput): string {
  const r = input.house.result;
  const wall = r.walls.size;
  const gap = r.memoryBytes.total - r.minimumBytes;
  const rows: Cell[][] = [
    [`Smallest it can be: about 1.5 bits per weight, plus KV cache at ${formatTokens(r.contextTokens)}`, formatGiB(r.minimumBytes)],
    ['VRAM for the model, after the driver, compute buffer and margin', formatGiB(r.memoryBytes.gpu)],
    ['System RAM for the model, after the operating system\'s share', formatGiB(r.memoryBytes.ram)],
    ['All the memory this rig can give a model', formatGiB(r.memoryBytes.total)],
    [gap >= 0 ? 'Left over' : 'Short by', formatGiB(Math.abs(gap))],
  ];
  const sentence = wall.blocked
    ? `${REASONS[wall.reason].text} At the most extreme quantization in use, ${input.model.data.name} would still need ${formatGiB(r.minimumBytes)}; this rig has ${formatGiB(r.memoryBytes.total)} for it, ${formatGiB(-gap)} short.`
    : `${REASONS[wall.reason].text} At the most extreme quantization in use it would need ${formatGiB(r.minimumBytes)} of the ${formatGiB(r.memoryBytes.total)} this rig has for it. Whether a file that small is any good is the next wall's question.`;
  return [wallHeading('Size', wall), para(sentence), table({ caption: 'The size wall, in GiB', columns: ['Compared', 'Memory (GiB)'], rows, rowHeaders: true, numeric: [1] })].join('\n\n');
}

function decidingFiles(input: ReportInput): { role: string; q: QuantResult }[] {
  const r = input.house.result;
  const roles: [string, QuantResult | null][] = [
    ['The pick', pickOf(r)],
    ['Best file that fits in memory', bestFitting(r)],
    ['Smallest good-enough file', smallestViable(r)],
  ];
  const seen = new Set<string>();
  return roles.flatMap(([role, q]) => (q && !seen.has(q.name) && seen.add(q.name) ? [{ role, q }] : []));
}

function pulledText(input: ReportInput): string {
  const files = pulled(input.house.result).sort((a, b) => (a.removed! < b.removed! ? -1 : 1));
  if (files.length === 0) return '';
  const last = files.at(-1)!;
  const names = listText(files.map((q) => `${q.name} (${formatGB(q.weightsBytes)}, pulled ${q.removed})`));
  const days = daysBetween(last.removed!, input.asOf);
  const since = days > 0 ? ` The last was withdrawn ${plural(days, 'day')} before ${input.asOf}.` : '';
  return ` Withdrawn by the people who made them, and so counted as broken whatever their bits: ${names}.${since}`;
}

function quantizationWall(input: ReportInput): string {
  const r = input.house.result;
  const wall = r.walls.quantization;
  const fitting = r.quants.filter(fitsMemory);
  const viable = r.quants.filter(isViable);
  const floor = `The quality floor is "fair": ${input.thresholds.floorBitsPerWeight} bits per weight or more, unless a sourced measurement rates the file.`;
  const counts = `Of ${plural(r.quants.length, 'published file')}, ${fitting.length} ${isAre(fitting.length, 'fits', 'fit')} in VRAM + RAM and ${viable.length} ${isAre(viable.length, 'is', 'are')} good enough; ${fitting.filter(isViable).length} ${isAre(fitting.filter(isViable).length, 'is', 'are')} both.`;
  const sentence = `${REASONS[wall.reason].text} ${counts} ${floor}${pulledText(input)}`;
  const files = decidingFiles(input);
  const rows: Cell[][] = files.map(({ role, q }) => [role, q.name, formatGB(q.weightsBytes), QUALITY_LABEL[q.quality], `${PLACEMENT_LABEL[q.placement]}, ${headroomText(q)}`]);
  const parts = [wallHeading('Quantization', wall), para(sentence)];
  if (rows.length > 0)
    parts.push(table({ caption: 'The files that decide the quantization wall', columns: ['Role', 'File', 'Size (GB)', 'Quality', 'Where it lands (memory free or over, GiB)'], rows, rowHeaders: true, numeric: [2] }));
  return parts.join('\n\n');
}

function supportRows(input: ReportInput): Cell[][] {
  const m = input.model.data;
  const rigEngines = input.house.rig.data.engines;
  const ids = [...rigEngines.filter((e) => e in m.support), ...Object.keys(m.support).filter((e) => !rigEngines.includes(e)).sort()];
  return ids.map((id) => {
    const s = supportAsOf(m, id, input.asOf);
    const status = s.since === null ? 'no record yet' : s.status;
    return [engineName(input, id), rigEngines.includes(id) ? 'yes' : 'no', status, s.since ?? '—', s.link ? { text: 'link', href: s.link } : '—'];
  });
}

function mergedText(released: string, since: string): string {
  const days = daysBetween(released, since);
  return days <= 0 ? `Support was merged on ${since}, the day the model was released.` : `Support was merged on ${since}, ${plural(days, 'day')} after release.`;
}

function stackWall(input: ReportInput): string {
  const r = input.house.result;
  const wall = r.walls.stack;
  const engine = engineName(input, r.stack.engine ?? input.house.rig.data.engines[0] ?? null);
  const arch = input.model.data.architecture;
  const days = daysBetween(input.model.data.released, input.asOf);
  const stood = wall.blocked
    ? `As of ${input.asOf}, ${plural(days, 'day')} after release, ${supportClause(engine, arch, r.stack.status)}${r.stack.since ? ` (the status since ${r.stack.since})` : ''}.`
    : mergedText(input.model.data.released, r.stack.since!);
  const link = !r.stack.link ? '' : wall.blocked ? ` ${externalLink(r.stack.link, `The ${engine} thread`)}${mdInline(' tracks it.')}` : ` ${mdText('Source:')} ${externalLink(r.stack.link, linkLabel(r.stack.link))}${mdInline('.')}`;
  // Other engines matter only while this rig's engine cannot run the model.
  const elsewhere = wall.blocked ? supportRows(input).filter((row) => row[1] === 'no' && row[2] === 'merged').map((row) => String(row[0])) : [];
  const other = elsewhere.length > 0 ? ` Elsewhere, ${listText(elsewhere)} ${elsewhere.length === 1 ? 'has' : 'have'} merged support, but this rig does not list ${elsewhere.length === 1 ? 'it' : 'them'}.` : '';
  const sentence = `${mdText(`${REASONS[wall.reason].text} ${stood}${other}`)}${link}`;
  const rows = supportRows(input);
  const parts = [wallHeading('Stack', wall), sentence];
  if (rows.length > 0)
    parts.push(table({ caption: `Support for ${arch}, by engine, as of ${input.asOf}`, columns: ['Engine', 'On this rig', 'Status', 'Since', 'Source'], rows, rowHeaders: true }));
  return parts.join('\n\n');
}

export function wallsSection(input: ReportInput): string {
  const intro = 'Three questions decide whether a model runs at home: is it small enough, is there a file good enough that fits, and does the rig\'s inference engine support it? Each wall is judged on its own, so a model can hit more than one.';
  return [heading(2, 'The three walls'), para(intro), sizeWall(input), quantizationWall(input), stackWall(input)].join('\n\n');
}
