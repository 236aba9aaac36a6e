// The table a post embeds with <FitTable>: several models on one rig as of one day, with
// each wall's state, so the narrative around it can stay in the author's words.
import { REASONS } from '../fit/reasons.ts';
import type { VerdictChange } from '../fit/history.ts';
import type { FitResult, Wall } from '../fit/types.ts';
import { formatFileSize } from '../units.ts';
import { pickOf } from './facts.ts';
import type { Cell, TableData } from './table-types.ts';
import type { ModelData } from '../schema/index.ts';
import { dayPrecision, eventText } from './history-section.ts';
import type { ReportInput } from './report-input.ts';
import { dateCell, listText, predictedSpeed, VERDICT_LABEL } from './words.ts';

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

/** Dates and events read as in a report's history: "by <date>", "llama.cpp: support merged". */
export function historyTableData(model: ModelData, rigName: string, history: VerdictChange[], engines: Pick<ReportInput, 'engines'>): TableData {
  return {
    caption: `${model.name} on ${rigName}: every day the verdict, the pick or the walls standing changed`,
    columns: ['Date', 'Verdict', 'Pick', 'What changed'],
    rows: history.map((h) => [dateCell(h.date, dayPrecision(model, h.date)), VERDICT_LABEL[h.verdict], h.pick ?? '—', listText(h.events.map((e) => eventText(engines, e)))]),
    rowHeaders: true,
  };
}
