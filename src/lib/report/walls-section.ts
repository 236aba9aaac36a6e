// The three walls at a glance: each wall's state and the one fact behind it in a sentence,
// with the arithmetic (tables, links) folded underneath for the reader who wants it.
import { REASONS } from '../fit/reasons.ts';
import { supportAsOf } from '../fit/support.ts';
import type { QuantResult, Wall } from '../fit/types.ts';
import { formatFileSize, formatGiB } from '../units.ts';
import { mdInline, mdText } from './escape.ts';
import { bestFitting, engineName, fitsMemory, isViable, pickOf, pulled, smallestViable, supportClause, supportPrecision, verdictEngine, verdictEngineId } from './facts.ts';
import { externalLink, folded, heading, para, table } from './mdx.ts';
import type { ReportInput } from './report-input.ts';
import { linkLabel } from './sources.ts';
import type { Cell } from './table-types.ts';
import { dateCell, daysBetween, formatTokens, headroomText, listText, onDate, plural, PLACEMENT_LABEL, QUALITY_LABEL } from './words.ts';

const isAre = (n: number, one: string, many: string) => (n === 1 ? one : many);
const state = (wall: Wall) => (wall.blocked ? 'blocked' : 'pass');
const wallHeading = (name: string, wall: Wall, title: string = REASONS[wall.reason].title) => heading(3, `${name}: ${state(wall)} — ${title}`);

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
    ? `Even at about 1.5 bits per weight ${input.model.data.name} would need ${formatGiB(r.minimumBytes)}; this rig has ${formatGiB(r.memoryBytes.total)} for it, ${formatGiB(-gap)} short.`
    : `At about 1.5 bits per weight it would need ${formatGiB(r.minimumBytes)} of the ${formatGiB(r.memoryBytes.total)} this rig can give it.`;
  return [wallHeading('Size', wall), para(sentence), folded('The size wall in numbers', table({ caption: 'The size wall, in GiB', columns: ['Compared', 'Memory (GiB)'], rows, rowHeaders: true, numeric: [1] }))].join('\n\n');
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
  return `Pulled by their makers, and so counted as broken: ${listText(files.map((q) => `${q.name} (${q.removed})`))}.`;
}

/** The heading names the files it describes: "only degraded files fit", not a fixed word. */
function quantizationTitle(input: ReportInput): string {
  const wall = input.house.result.walls.quantization;
  if (wall.reason !== 'fitting-quants-below-floor') return REASONS[wall.reason].title;
  const best = bestFitting(input.house.result);
  return best ? `the best file that fits is ${QUALITY_LABEL[best.quality]}` : REASONS[wall.reason].title;
}

function quantizationWall(input: ReportInput): string {
  const r = input.house.result;
  const wall = r.walls.quantization;
  // Files a reader would convert are not published: they are said apart.
  const published = r.quants.filter((q) => !q.converted);
  const converted = r.quants.filter((q) => q.converted);
  const fitting = published.filter(fitsMemory);
  const viable = published.filter(isViable);
  const both = fitting.filter(isViable).length;
  const convertLine = converted.length === 0 ? '' : ` No GGUF is published, so these counts leave out the ${converted.map((q) => q.type).join(' and ')} a llama.cpp user would convert from the released weights.`;
  const counts = `Of ${plural(published.length, 'published file')}, ${fitting.length} ${isAre(fitting.length, 'fits', 'fit')} in VRAM + RAM and ${viable.length} ${isAre(viable.length, 'is', 'are')} good enough (${input.thresholds.floorBitsPerWeight} bits per weight or more, or rated so by a source); ${both} ${isAre(both, 'is', 'are')} both.${convertLine}`;
  const rows: Cell[][] = decidingFiles(input).map(({ role, q }) => [role, q.name, formatFileSize(q.weightsBytes), QUALITY_LABEL[q.quality], `${PLACEMENT_LABEL[q.placement]}, ${headroomText(q)}`]);
  const detail = rows.length === 0 ? '' : table({ caption: 'The files that decide the quantization wall', columns: ['Role', 'File', 'Size, GiB (GB listed)', 'Quality', 'Where it lands (GiB free or over)'], rows, rowHeaders: true });
  const pulledLine = pulledText(input);
  return [wallHeading('Quantization', wall, quantizationTitle(input)), para(counts), detail || pulledLine ? folded('The files that decide it', pulledLine ? para(pulledLine) : '', detail) : ''].filter((s) => s !== '').join('\n\n');
}

function supportRows(input: ReportInput): Cell[][] {
  const m = input.model.data;
  const rigEngines = input.house.rig.data.engines;
  const ids = [...rigEngines.filter((e) => e in m.support), ...Object.keys(m.support).filter((e) => !rigEngines.includes(e)).sort()];
  return ids.map((id) => {
    const s = supportAsOf(m, id, input.asOf);
    const status = s.since === null ? 'no record yet' : s.status;
    const since = s.since === null ? '—' : dateCell(s.since, supportPrecision(input, id, s.since));
    return [engineName(input, id), rigEngines.includes(id) ? 'yes' : 'no', status, since, s.link ? { text: 'link', href: s.link } : '—'];
  });
}

function stackSentence(input: ReportInput): string {
  const r = input.house.result;
  const engine = verdictEngine(input);
  const arch = input.model.data.architecture;
  const precision = supportPrecision(input, verdictEngineId(input), r.stack.since);
  if (r.walls.stack.blocked) {
    const days = daysBetween(input.model.data.released, input.asOf);
    return `As of ${input.asOf}, ${plural(days, 'day')} after release, ${supportClause(engine, arch, r.stack.status)}${r.stack.since ? (precision === 'on-or-before' ? ` (the status known by ${r.stack.since})` : ` (the status since ${r.stack.since})`) : ''}.`;
  }
  const days = daysBetween(input.model.data.released, r.stack.since!);
  return `${engine} merged support ${onDate(r.stack.since!, precision)}${days <= 0 ? ', the day the model was released' : `, ${plural(days, 'day')} after release`}.`;
}

function stackWall(input: ReportInput): string {
  const r = input.house.result;
  const wall = r.walls.stack;
  const engine = verdictEngine(input);
  const link = !r.stack.link ? '' : wall.blocked ? ` ${externalLink(r.stack.link, `The ${engine} thread`)}${mdInline(' tracks it.')}` : ` ${mdText('Source:')} ${externalLink(r.stack.link, linkLabel(r.stack.link))}${mdInline('.')}`;
  const rows = supportRows(input);
  // Other engines matter only while this rig's engines cannot run the model.
  const elsewhere = wall.blocked ? rows.filter((row) => row[1] === 'no' && row[2] === 'merged').map((row) => String(row[0])) : [];
  const other = elsewhere.length > 0 ? ` Elsewhere, ${listText(elsewhere)} ${elsewhere.length === 1 ? 'has' : 'have'} merged support, but this rig does not list ${elsewhere.length === 1 ? 'it' : 'them'}.` : '';
  const parts = [wallHeading('Stack', wall), `${mdText(`${stackSentence(input)}${other}`)}${link}`];
  if (rows.length > 0) parts.push(folded('Support by engine', table({ caption: `Support for ${input.model.data.architecture}, by engine, as of ${input.asOf}`, columns: ['Engine', 'On this rig', 'Status', 'Since', 'Source'], rows, rowHeaders: true })));
  return parts.join('\n\n');
}

export function wallsSection(input: ReportInput): string {
  return [heading(2, 'The three walls'), para('Is it small enough, does a good-enough file fit, and does the engine support it?'), sizeWall(input), quantizationWall(input), stackWall(input)].join('\n\n');
}
