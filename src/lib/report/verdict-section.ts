// The verdict, a comparison with something the reader knows, what would change the
// verdict (the numbers a subscriber waits for), and hosted APIs when it cannot come home.
import { REASONS } from '../fit/reasons.ts';
import { formatGB, formatGiB } from '../units.ts';
import { mdInline, mdText } from './escape.ts';
import { engineName, pickOf, smallestViable, supportClause } from './facts.ts';
import { bullets, component, externalLink, heading, linkTo, modelPath, para } from './mdx.ts';
import type { ModelResult, ReportInput } from './report-input.ts';
import { smallestRunningRig } from './other-rigs.ts';
import { formatParams, measuredSpeed, predictedSpeed, VERDICT_LABEL } from './words.ts';

/** A measured file of the other model, when its pick has no measurement of its own. */
function measuredFile(other: ModelResult) {
  return other.result.quants.find((q) => q.measuredTokensPerSecond !== null && q.name !== other.result.pick) ?? null;
}

function yardstick(other: ModelResult, lead: string): string {
  const pick = pickOf(other.result);
  if (!pick) return '';
  const measuredOther = measuredFile(other);
  const measured = pick.measuredTokensPerSecond !== null ? ` (measured: ${measuredSpeed(pick.measuredTokensPerSecond)})` : measuredOther ? `; ${measuredOther.name} was measured at ${measuredSpeed(measuredOther.measuredTokensPerSecond)}` : '';
  return `${mdText(lead)} ${linkTo(modelPath(other.model.id), other.model.data.name)}${mdInline(`: it runs ${pick.name} (${formatGB(pick.weightsBytes)}) here at ${predictedSpeed(pick.decodeTokensPerSecond)}${measured}.`)}`;
}

function comparisons(input: ReportInput): string[] {
  const out: string[] = [];
  if (input.dailyDriver) out.push(yardstick(input.dailyDriver, 'For scale, this rig\'s daily driver is'));
  const runs = input.house.result.verdict === 'runs';
  const similar = input.similar;
  if (!runs && similar && similar.model.id !== input.dailyDriver?.model.id) {
    const active = (m: ModelResult['model']) => formatParams(m.data.parameters.active_billions ?? m.data.parameters.total_billions);
    out.push(yardstick(similar, `The nearest model in active size that runs here (${active(similar.model)} per token, against ${active(input.model)}) is`));
  }
  return out.filter((s) => s !== '');
}

function changes(input: ReportInput): string[] {
  const { result: r } = input.house;
  const t = input.thresholds;
  const name = input.model.data.name;
  const out: string[] = [];
  const need = t.viableNeedsBytes ?? t.floorNeedsBytes;
  // More memory helps only when the smallest good-enough file does not already fit.
  if ((r.walls.size.blocked || r.walls.quantization.blocked) && need > r.memoryBytes.total) {
    const file = smallestViable(r);
    out.push(`A rig with ${formatGiB(need)} of memory for the model after overheads, enough for ${file ? `${file.name}, the smallest good-enough file,` : `a file at ${t.floorBitsPerWeight} bits per weight`} and its KV cache.`);
  }
  const engineId = r.stack.engine ?? input.house.rig.data.engines[0] ?? null;
  if (r.walls.quantization.reason === 'no-loadable-file') {
    const formats = input.engines[engineId ?? '']?.formats ?? [];
    out.push(`A good-enough file under ${formatGB(t.maxWeightsBytes)} in a format ${engineName(input, engineId)} loads (${formats.join(', ')}).`);
  } else if (!r.walls.size.blocked && r.walls.quantization.blocked) {
    out.push(t.floorWeightsBytes > t.maxWeightsBytes
      ? `On this rig, a file under ${formatGB(t.maxWeightsBytes)} whose quality is measured good enough. By bits alone it cannot be: ${t.floorBitsPerWeight} bits per weight already makes ${formatGB(t.floorWeightsBytes)}.`
      : `A good-enough file under ${formatGB(t.maxWeightsBytes)}. At ${t.floorBitsPerWeight} bits per weight ${name} would be ${formatGB(t.floorWeightsBytes)}, so such a file can exist; nobody has published one yet.`);
  }
  if (r.walls.stack.blocked) {
    const engine = engineName(input, r.stack.engine ?? input.house.rig.data.engines[0] ?? null);
    out.push(`${engine} merging support for the ${input.model.data.architecture} architecture. Today ${supportClause(engine, input.model.data.architecture, r.stack.status)}.`);
  }
  const pick = pickOf(r);
  if (pick && !r.walls.stack.blocked && pick.placement !== 'vram')
    out.push(`${formatGiB(pick.weightsBytes + t.kvCacheBytes)} of free GPU memory would hold ${pick.name} and its KV cache entirely in VRAM; or a good-enough file under ${formatGB(t.maxVramWeightsBytes)} would.`);
  return out;
}

/** When nothing needs to change: what would confirm the prediction. */
function confirmation(input: ReportInput): string {
  const { result: r } = input.house;
  const pick = pickOf(r);
  if (pick && pick.measuredTokensPerSecond !== null)
    return `Nothing needs to. ${pick.name} was measured on this rig at ${measuredSpeed(pick.measuredTokensPerSecond)}, against ${predictedSpeed(pick.decodeTokensPerSecond)} predicted.`;
  const other = r.quants.find((q) => q.measuredTokensPerSecond !== null);
  const check = 'The llama-bench line below checks the pick.';
  if (other) return `Nothing needs to. The pick has no measurement on this rig yet; ${other.name} was measured at ${measuredSpeed(other.measuredTokensPerSecond)}, against ${predictedSpeed(other.decodeTokensPerSecond)} predicted. ${check}`;
  return `Nothing needs to. No measurement on this rig confirms the predicted speed yet. ${check}`;
}

function changeSection(input: ReportInput): string {
  const list = changes(input);
  // For a model that runs, the open question is speed, not the verdict.
  const title = input.house.result.verdict === 'runs' ? 'What would make it faster' : 'What would change the verdict';
  if (list.length === 0) return [heading(2, 'What would change the verdict'), para(confirmation(input))].join('\n\n');
  const smallest = smallestRunningRig(input);
  const rigLine = smallest && smallest.rig.id !== input.house.rig.id ? [`${mdText('In our data, the smallest rig it runs on is')} ${linkTo(`rigs/${smallest.rig.id}/`, smallest.rig.data.name)}${mdInline(` (${formatGiB(smallest.result.memoryBytes.total)} for the model).`)}`] : [];
  const lead = input.house.result.verdict === 'runs' ? 'It already runs; this would speed it up:' : 'Any one of these, and the verdict moves:';
  return [heading(2, title), para(lead), bullets(list.map(mdText)), ...rigLine].join('\n\n');
}

function hostedSection(input: ReportInput): string {
  const r = input.house.result;
  if (r.verdict === 'runs') return '';
  const hosted = input.model.data.hosted ?? [];
  const title = r.verdict === 'cloud-only' ? 'Where to use it instead' : 'Meanwhile, hosted';
  if (hosted.length === 0) return r.verdict === 'cloud-only' ? [heading(2, title), para('The data lists no hosted API for it yet.')].join('\n\n') : '';
  const lead = r.verdict === 'cloud-only' ? `${input.model.data.name} will not come home, but these providers serve it:` : `Until the walls come down, these providers serve ${input.model.data.name}:`;
  return [heading(2, title), para(lead), bullets(hosted.map((h) => externalLink(h.link, h.provider)))].join('\n\n');
}

export function verdictSection(input: ReportInput): string {
  const r = input.house.result;
  const lead = `${VERDICT_LABEL[r.verdict]} on ${input.house.rig.data.name}, as of ${input.asOf}. ${REASONS[r.reason].text}`;
  return [
    heading(2, `The verdict: ${VERDICT_LABEL[r.verdict].toLowerCase()}`),
    component('VerdictBadge', { verdict: r.verdict, reason: REASONS[r.reason].title }),
    para(lead),
    ...comparisons(input),
    changeSection(input),
    hostedSection(input),
  ].filter((s) => s !== '').join('\n\n');
}
