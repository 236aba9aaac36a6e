// "On other rigs": the same model on every rig in the data, smallest memory first, and the
// smallest rig it runs on (by the memory the engine says that rig can give the model).
import { formatGiB } from '../units.ts';
import { mdInline, mdText } from './escape.ts';
import { pickOf } from './facts.ts';
import { folded, heading, linkTo, para, rigPath, table } from './mdx.ts';
import type { ReportInput, RigResult } from './report-input.ts';
import type { Cell } from './table-types.ts';
import { predictedSpeed, VERDICT_LABEL } from './words.ts';

const byMemory = (a: RigResult, b: RigResult) =>
  a.result.memoryBytes.total - b.result.memoryBytes.total || a.result.memoryBytes.gpu - b.result.memoryBytes.gpu || a.rig.id.localeCompare(b.rig.id);

/** The rig with the least memory for the model on which the verdict is "runs"; null if none. */
export function smallestRunningRig(input: ReportInput): RigResult | null {
  return input.rigs.filter((x) => x.result.verdict === 'runs').sort(byMemory)[0] ?? null;
}

function row(input: ReportInput, x: RigResult): Cell[] {
  const pick = pickOf(x.result);
  const house = x.rig.id === input.house.rig.id;
  return [
    { text: house ? `${x.rig.data.name} (this report)` : x.rig.data.name, to: rigPath(x.rig.id), strong: house },
    formatGiB(x.result.memoryBytes.total),
    VERDICT_LABEL[x.result.verdict],
    pick?.name ?? '—',
    pick && x.result.verdict !== 'not-ready' ? predictedSpeed(pick.decodeTokensPerSecondAtJudgedDepth) : '—',
  ];
}

function summary(input: ReportInput, sorted: RigResult[]): string {
  const name = input.model.data.name;
  const running = sorted.filter((x) => x.result.verdict === 'runs');
  const slow = sorted.filter((x) => x.result.verdict === 'runs-slowly');
  const smallest = running[0];
  if (smallest) {
    const lead = `${name} runs on ${running.length} of the ${sorted.length} rigs in our data. The smallest is`;
    const tail = `, with ${formatGiB(smallest.result.memoryBytes.total)} for the model: ${pickOf(smallest.result)?.name ?? 'its pick'} at ${predictedSpeed(pickOf(smallest.result)?.decodeTokensPerSecondAtJudgedDepth ?? null)}.`;
    return `${mdText(lead)} ${linkTo(rigPath(smallest.rig.id), smallest.rig.data.name)}${mdInline(tail)}`;
  }
  if (slow.length > 0) return para(`No rig in our data runs ${name} at an interactive speed; ${slow.length} run it slowly.`);
  return para(`No rig in our data runs ${name} as of ${input.asOf}. The table shows what stops each.`);
}

export function otherRigsSection(input: ReportInput): string {
  const sorted = [...input.rigs].sort(byMemory);
  const houseIndex = sorted.findIndex((x) => x.rig.id === input.house.rig.id);
  // The summary answers "where does it run"; the full list of rigs folds under it.
  return [
    heading(2, 'On other rigs'),
    summary(input, sorted),
    folded(
      `Every rig in our data (${sorted.length})`,
      para(`Smallest memory first; memory is what each rig can give this model after overheads, speeds are predicted at ${input.house.result.judgedDepthTokens.toLocaleString('en-US')} tokens deep.`),
      table({
        caption: `${input.model.data.name} on every rig, as of ${input.asOf}`,
        columns: ['Rig', 'Memory for the model (GiB)', 'Verdict', 'Pick', 'Predicted decode'],
        rows: sorted.map((x) => row(input, x)),
        rowHeaders: true,
        numeric: [1, 4],
        highlight: houseIndex,
      }),
    ),
  ].join('\n\n');
}
