// "By the Numbers": four to six figures that tell the story, each bold, each with one line
// of meaning, chosen by which walls stand. Every figure is an engine output or a count of them.
import { formatGB, formatGiB } from '../units.ts';
import { mdText } from './escape.ts';
import { decisiveFile, fitsMemory, isViable, pickOf, verdictEngine } from './facts.ts';
import { bold, bullets, heading } from './mdx.ts';
import type { ReportInput } from './report-input.ts';
import { installedMemoryBytes } from './rig-profile.ts';
import { daysBetween, measuredSpeed, plural, predictedSpeed, spareText, times } from './words.ts';

interface Figure { figure: string; meaning: string }

function fileFigure(input: ReportInput): Figure | null {
  const r = input.house.result;
  const file = decisiveFile(r);
  if (!file) return null;
  const ratio = file.weightsBytes / r.memoryBytes.total;
  const role = file.name === r.pick ? 'the pick' : isViable(file) ? 'the smallest good-enough file' : 'the smallest published file';
  const meaning = ratio > 1
    ? `${file.name}, ${formatGB(file.weightsBytes)} as listed, ${role}: ${times(ratio)} the memory this rig can give a model.`
    : `${file.name}, ${formatGB(file.weightsBytes)} as listed, ${role}: ${fitsMemory(file) ? `fits with ${spareText(file)}` : `${formatGiB(-file.headroomBytes)} more than this rig holds`}.`;
  return { figure: formatGiB(file.weightsBytes), meaning };
}

function figures(input: ReportInput): Figure[] {
  const { result: r, rig } = input.house;
  const name = input.model.data.name;
  const list: (Figure | null)[] = [fileFigure(input)];
  list.push({ figure: formatGiB(r.memoryBytes.total), meaning: `VRAM + RAM ${rig.data.name} can give a model, of ${formatGiB(installedMemoryBytes(rig.data))} installed.` });
  if (r.walls.size.blocked) list.push({ figure: formatGiB(r.minimumBytes), meaning: `the least ${name} could ever need here: about 1.5 bits per weight, plus its KV cache.` });
  const pick = pickOf(r);
  if (pick) {
    const suffix = r.walls.stack.blocked ? ' — if the engine could run it' : '';
    list.push({ figure: predictedSpeed(pick.decodeTokensPerSecondAtJudgedDepth), meaning: `predicted decode for ${pick.name} at ${r.judgedDepthTokens.toLocaleString('en-US')} tokens deep (${predictedSpeed(pick.decodeTokensPerSecond)} empty)${suffix}.` });
    if (pick.measuredTokensPerSecond !== null) list.push({ figure: measuredSpeed(pick.measuredTokensPerSecond), meaning: `measured on this rig at an empty context, against ${predictedSpeed(pick.decodeTokensPerSecond)} predicted there.` });
  }
  if (r.walls.quantization.blocked && !r.walls.size.blocked) {
    const published = r.quants.filter((q) => !q.converted);
    const both = published.filter((q) => fitsMemory(q) && isViable(q)).length;
    list.push({ figure: `${both} of ${published.length}`, meaning: 'published files that both fit in memory and are good enough.' });
  }
  if (r.walls.stack.blocked) {
    const engine = verdictEngine(input);
    list.push({ figure: plural(daysBetween(input.model.data.released, input.asOf), 'day'), meaning: `since release without merged ${engine} support for ${input.model.data.architecture}.` });
  }
  const running = input.rigs.filter((x) => x.result.verdict === 'runs').length;
  list.push({ figure: `${running} of ${input.rigs.length}`, meaning: `rigs in our data that run ${name} at an interactive speed.` });
  return list.filter((f): f is Figure => f !== null).slice(0, 6);
}

export function byTheNumbers(input: ReportInput): string {
  return [heading(2, 'By the Numbers'), bullets(figures(input).map((f) => `${bold(f.figure)}: ${mdText(f.meaning)}`))].join('\n\n');
}
