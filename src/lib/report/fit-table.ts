// The table a post embeds with <FitTable>: several models on one rig as of one day, with
// each wall's state, so the narrative around it can stay in the author's words.
import { REASONS } from '../fit/reasons.ts';
import type { VerdictChange } from '../fit/history.ts';
import type { FitResult, Wall } from '../fit/types.ts';
import { formatFileSize } from '../units.ts';
import { pickOf } from './facts.ts';
import type { Cell, TableData } from './table-types.ts';
import { listText, predictedSpeed, VERDICT_LABEL } from './words.ts';

export interface NamedResult { id: string; name: string; result: FitResult }

const wallCell = (wall: Wall) => (wall.blocked ? `blocked: ${REASONS[wall.reason].title.toLowerCase()}` : 'pass');

export function fitTableData(rows: NamedResult[], rigName: string, asOf: string): TableData {
  const body: Cell[][] = rows.map(({ id, name, result: r }) => {
    const pick = pickOf(r);
    return [
      { text: name, to: `models/${id}/` },
      VERDICT_LABEL[r.verdict],
      wallCell(r.walls.size),
      wallCell(r.walls.quantization),
      wallCell(r.walls.stack),
      pick ? `${pick.name}, ${formatFileSize(pick.weightsBytes)}` : '—',
      pick && !r.walls.stack.blocked ? predictedSpeed(pick.decodeTokensPerSecondAtJudgedDepth) : '—',
    ];
  });
  return {
    caption: `On ${rigName}, as of ${asOf}`,
    columns: ['Model', 'Verdict', 'Size wall', 'Quantization wall', 'Stack wall', 'Pick', 'Predicted decode'],
    rows: body,
    rowHeaders: true,
    numeric: [6],
  };
}

export function historyTableData(modelName: string, rigName: string, history: VerdictChange[]): TableData {
  return {
    caption: `${modelName} on ${rigName}: every change of verdict`,
    columns: ['Date', 'Verdict', 'Pick', 'What changed'],
    rows: history.map((h) => [h.date, VERDICT_LABEL[h.verdict], h.pick ?? '—', listText(h.events)]),
    rowHeaders: true,
  };
}
