// What would change the verdict: the engine's levers (src/lib/fit/levers.ts), cheapest
// first, each the engine re-run with one thing changed; nothing here re-derives them. Then a
// comparison with something the reader knows, and hosted APIs when it cannot come home.
import type { Lever } from '../fit/levers.ts';
import { formatFileSize, formatGiB } from '../units.ts';
import { mdInline, mdText } from './escape.ts';
import { engineName, pickOf } from './facts.ts';
import { bullets, externalLink, heading, linkTo, modelPath, para } from './mdx.ts';
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
  const measured = pick.measuredTokensPerSecond !== null ? ` (measured: ${measuredSpeed(pick.measuredTokensPerSecond)} empty)` : measuredOther ? `; ${measuredOther.name} was measured at ${measuredSpeed(measuredOther.measuredTokensPerSecond)}` : '';
  return `${mdText(lead)} ${linkTo(modelPath(other.model.id), other.model.data.name)}${mdInline(`: ${pick.name} at ${formatFileSize(pick.weightsBytes)} runs here at ${predictedSpeed(pick.decodeTokensPerSecondAtJudgedDepth)}${measured}.`)}`;
}

function comparisons(input: ReportInput): string[] {
  const out: string[] = [];
  if (input.dailyDriver) out.push(yardstick(input.dailyDriver, 'For scale, this rig\'s daily driver is'));
  const similar = input.similar;
  if (input.house.result.verdict !== 'runs' && similar && similar.model.id !== input.dailyDriver?.model.id) {
    const active = (m: ModelResult['model']) => formatParams(m.data.parameters.active_billions ?? m.data.parameters.total_billions);
    out.push(yardstick(similar, `The nearest model in active size that runs here (${active(similar.model)} per token, against ${active(input.model)}) is`));
  }
  return out.filter((s) => s !== '');
}

/** One lever in words: what changes, then what the engine says it gives. */
export function leverText(input: ReportInput, l: Lever): string {
  const context = input.house.result.contextTokens.toLocaleString('en-US');
  const what = {
    'kv-precision': () => `A ${l.kvPrecision} KV cache instead of ${input.house.result.kvPrecision}`,
    context: () => `A ${l.contextTokens!.toLocaleString('en-US')}-token context instead of ${context}`,
    engine: () => `Adding ${engineName(input, l.engine!)} to the rig's engines`,
    file: () => `A good-enough file of ${formatFileSize(l.weightsBytes!)} or less, which nobody has published`,
    ram: () => `${formatGiB(l.extraRamBytes!)} more system RAM`,
    memory: () => `${formatGiB(l.extraGpuBytes!)} more GPU memory`,
  }[l.kind]();
  const now = input.house.result.verdict;
  const verdict = l.verdict === now ? `still ${VERDICT_LABEL[l.verdict].toLowerCase()}` : `${VERDICT_LABEL[l.verdict].toLowerCase()} instead of ${VERDICT_LABEL[now].toLowerCase()}`;
  const gives = `${verdict}${l.pick ? `, with ${l.pick} at ${predictedSpeed(l.decodeTokensPerSecondAtJudgedDepth)}` : ''}`;
  return `${what}: ${gives}.`;
}

/** When no lever moves it: what would confirm the prediction instead. */
function confirmation(input: ReportInput): string {
  const pick = pickOf(input.house.result);
  if (pick && pick.measuredTokensPerSecond !== null)
    return `Nothing in reach does. ${pick.name} was measured on this rig at ${measuredSpeed(pick.measuredTokensPerSecond)}, against ${predictedSpeed(pick.decodeTokensPerSecond)} predicted (both at an empty context).`;
  return input.house.result.verdict === 'runs' ? 'Nothing in reach makes it markedly faster or better. No measurement on this rig confirms the pick\'s speed yet: the llama-bench line above checks it.' : 'Nothing the engine can try on this rig moves it: no smaller KV cache, shorter context, other engine, file or extra memory up to 512 GiB.';
}

function changeSection(input: ReportInput): string {
  const runs = input.house.result.verdict === 'runs';
  const title = runs ? 'What would make it better' : 'What would change the verdict';
  const smallest = smallestRunningRig(input);
  const rigLine = !runs && smallest && smallest.rig.id !== input.house.rig.id ? [`${mdText('In our data, the smallest rig it runs on is')} ${linkTo(`rigs/${smallest.rig.id}/`, smallest.rig.data.name)}${mdInline(` (${formatGiB(smallest.result.memoryBytes.total)} for the model).`)}`] : [];
  if (input.levers.length === 0) return [heading(2, title), para(confirmation(input)), ...rigLine].join('\n\n');
  const lead = runs ? 'It already runs; the engine finds these would give a better file or a markedly faster one, cheapest first:' : 'Each of these alone moves the verdict (the engine re-run with that one change), cheapest first:';
  return [heading(2, title), para(lead), bullets(input.levers.map((l) => mdText(leverText(input, l)))), ...rigLine].join('\n\n');
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
  return [changeSection(input), ...comparisons(input), hostedSection(input)].filter((s) => s !== '').join('\n\n');
}
