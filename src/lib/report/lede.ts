// The title and the opening paragraph: the verdict first, then the one number that decides
// it, in plain words. Plain text here; the renderer escapes it whole. Title, lede and
// summary read the same engine facts, so they cannot disagree about a file.
import { formatBandwidth, formatGiB } from '../units.ts';
import { bestFitting, bySize, decisiveFile, fitsMemory, gpuSummary, isViable, otherEngines, pickOf, smallestViable, supportClause, verdictEngine } from './facts.ts';
import type { ReportInput } from './report-input.ts';
import { daysBetween, fileText, judgedSpeed, measuredSpeed, plural, predictedSpeed, QUALITY_LABEL, spareText, times, VERDICT_LABEL } from './words.ts';

/** A good-enough file that fits but that the rig's engines cannot load, if that is the wall. */
function unloadable(input: ReportInput) {
  const r = input.house.result;
  if (r.walls.quantization.reason !== 'no-loadable-file') return null;
  return bySize(r.quants.filter((q) => fitsMemory(q) && isViable(q)))[0] ?? null;
}

export function reportTitle(input: ReportInput): string {
  const { model, house } = input;
  const m = model.data.name;
  const rig = house.rig.data.name;
  const r = house.result;
  const speed = predictedSpeed(pickOf(r)?.decodeTokensPerSecondAtJudgedDepth ?? null);
  const engine = verdictEngine(input);
  switch (r.reason) {
    case 'runs-in-vram': return `${m} runs on ${rig} — ${speed}, all in VRAM`;
    case 'runs-with-offload': return `${m} runs on ${rig} with RAM offload — ${speed}`;
    case 'too-slow': return `${m} runs slowly on ${rig} — ${speed}`;
    case 'speed-unknown': return `${m} fits ${rig} — speed unknown`;
    case 'cloud-only': return `${m} is cloud only — too big for ${rig}`;
    case 'not-ready-stack': return `${m} is not ready for ${rig} — waiting on ${engine}`;
    case 'not-ready-both': return `${m} is not ready for ${rig} — blocked by quants and by ${engine}`;
    default: return unloadable(input) ? `${m} is not ready for ${rig} — no good-enough file ${engine} loads fits` : `${m} is not ready for ${rig} — no good-enough file fits`;
  }
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function cloudOnly(input: ReportInput): string {
  const r = input.house.result;
  const file = decisiveFile(r);
  const total = r.memoryBytes.total;
  const weights = file ? `Its smallest published file, ${fileText(file)}, is ${times(file.weightsBytes / total)} the ${formatGiB(total)} of VRAM and RAM this rig can give a model. ` : '';
  return `Cloud only. ${weights}Even squeezed to about 1.5 bits per weight, ${input.model.data.name} would need ${formatGiB(r.minimumBytes)} with its KV cache: no quantization brings it home.`;
}

/** Why the engine cannot load a file: a format it does not read, or a file only other engines load (IQK quants). */
function whyUnloadable(input: ReportInput, file: { format: string; engines: string[] | null }): string {
  const engine = verdictEngine(input);
  if (file.engines) return `it loads only in ${file.engines.map((id) => input.engines[id]?.name ?? id).join(' or ')}, not in ${engine}`;
  return `it is a ${file.format} file, which ${engine} does not load`;
}

function quantization(input: ReportInput): string {
  const r = input.house.result;
  const stuck = unloadable(input);
  if (stuck) return `A good-enough file fits, ${fileText(stuck)}, but it cannot be used: ${whyUnloadable(input, stuck)}.`;
  const viable = smallestViable(r);
  const fitting = bestFitting(r);
  const parts: string[] = [];
  if (fitting) parts.push(`The best file that fits, ${fileText(fitting)}, is ${QUALITY_LABEL[fitting.quality]}${fitting.removed ? ` (pulled on ${fitting.removed})` : ''}, below the quality floor.`);
  if (viable) parts.push(`The smallest good-enough file, ${fileText(viable)}, needs ${formatGiB(-viable.headroomBytes)} more than the ${formatGiB(r.memoryBytes.total)} of VRAM and RAM this rig can give a model.`);
  else parts.push('No published file is both good enough and small enough.');
  return parts.join(' ');
}

function stack(input: ReportInput): string {
  const { result: r, rig } = input.house;
  const days = daysBetween(input.model.data.released, input.asOf);
  const clause = supportClause(verdictEngine(input), input.model.data.architecture, r.stack.status);
  return `${rig.data.engines.length > 1 ? 'Of the engines this rig runs, ' : 'On this rig, '}${clause}, ${plural(days, 'day')} after release.`;
}

function runs(input: ReportInput): string {
  const { result: r, rig } = input.house;
  const pick = pickOf(r)!;
  const measured = pick.measuredTokensPerSecond === null ? '' : `; measured: ${measuredSpeed(pick.measuredTokensPerSecond)} empty`;
  const speed = `${judgedSpeed(pick, r)}${measured}`;
  const file = fileText(pick);
  const on = `On ${verdictEngine(input)}`;
  if (r.reason === 'runs-in-vram') return `Runs. ${on}, ${file} fits entirely in the ${gpuSummary(rig.data)}'s VRAM with ${formatGiB(pick.headroomBytes)} to spare, and should decode at ${speed}.`;
  const ram = `${formatGiB(pick.tiers.ramBytes)} sits in system RAM, read at ${formatBandwidth(rig.data.system_ram.bandwidth)}`;
  if (r.reason === 'runs-with-offload') return `Runs, with offload. ${on}, ${file} keeps ${formatGiB(pick.tiers.gpuBytes.reduce((a, b) => a + b, 0))} on the GPU while ${ram}; it should still decode at ${speed}.`;
  if (r.reason === 'too-slow') return `Runs, but slowly: ${speed}. ${on}, ${file} fits only because ${ram}, and every token waits for it.`;
  return `It fits: ${file} lands in ${pick.placement === 'vram' ? 'VRAM' : 'VRAM and RAM'}, but the rig's data lacks a bandwidth figure, so its speed cannot be predicted.`;
}

function fitsButStack(input: ReportInput): string {
  const pick = pickOf(input.house.result);
  const lead = pick ? `The hardware is enough: ${fileText(pick)} would fit with ${spareText(pick)}. ` : '';
  return `Not ready. ${lead}${stack(input)}`;
}

/** What the rig's other engines would give, when it differs: "On vLLM it would be Runs, with AWQ." */
function elsewhere(input: ReportInput): string {
  return otherEngines(input)
    .map((e) => ` On ${input.engines[e.engine]?.name ?? e.engine} it would be ${VERDICT_LABEL[e.verdict].toLowerCase()}${e.pick ? `, with ${e.pick} at ${predictedSpeed(e.decodeTokensPerSecondAtJudgedDepth)}` : ''}.`)
    .join('');
}

/** The lede in plain words: verdict, the deciding number, and the wall(s) behind it. */
export function ledeText(input: ReportInput): string {
  const r = input.house.result;
  const text = (() => {
    switch (r.reason) {
      case 'cloud-only': return cloudOnly(input);
      case 'not-ready-stack': return fitsButStack(input);
      case 'not-ready-both': return `Not ready, on two walls. ${quantization(input)} And the software is not there either: ${lowerFirst(stack(input))}`;
      case 'not-ready-quantization': return `Not ready. ${quantization(input)}`;
      default: return runs(input);
    }
  })();
  return `${text}${elsewhere(input)}`;
}

function quantizationShort(input: ReportInput): string {
  const stuck = unloadable(input);
  if (stuck) return `The good-enough file that fits, ${fileText(stuck)}, cannot be used here: ${whyUnloadable(input, stuck)}`;
  const viable = smallestViable(input.house.result);
  if (!viable) return 'No published file is both good enough and small enough';
  return `No good-enough file fits: the smallest, ${fileText(viable)}, needs ${formatGiB(-viable.headroomBytes)} more than this rig holds`;
}

/** One or two sentences for listings: the deciding fact. The verdict itself is in the badge. */
export function summaryText(input: ReportInput): string {
  const { result: r, rig } = input.house;
  const pick = pickOf(r);
  const clause = supportClause(verdictEngine(input), input.model.data.architecture, r.stack.status);
  const file = pick ? fileText(pick) : '';
  const speed = pick ? predictedSpeed(pick.decodeTokensPerSecondAtJudgedDepth) : '';
  switch (r.reason) {
    case 'cloud-only': {
      const f = decisiveFile(r);
      const lead = f ? `${fileText(f)} is ${times(f.weightsBytes / r.memoryBytes.total)} the ${formatGiB(r.memoryBytes.total)} this rig can give a model; even` : 'Even';
      return `${lead} at about 1.5 bits per weight it would need ${formatGiB(r.minimumBytes)}.`;
    }
    case 'not-ready-stack': return pick ? `${file} would fit with ${spareText(pick)}, but ${clause}.` : `${clause.charAt(0).toUpperCase()}${clause.slice(1)}.`;
    case 'not-ready-both': return `${quantizationShort(input)}; and ${clause}.`;
    case 'not-ready-quantization': return `${quantizationShort(input)}.`;
    case 'runs-in-vram': return `${file} fits with ${spareText(pick!)}: ${speed} predicted at ${r.judgedDepthTokens.toLocaleString('en-US')} tokens deep.`;
    case 'runs-with-offload': return `${file} splits across VRAM and system RAM and still decodes at ${speed}.`;
    case 'too-slow': return `${file} needs ${formatGiB(pick!.tiers.ramBytes)} of system RAM, read at ${formatBandwidth(rig.data.system_ram.bandwidth)}: ${speed}.`;
    default: return `${file} fits, but the rig's data lacks a bandwidth figure to predict its speed.`;
  }
}
