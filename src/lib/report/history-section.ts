// How the verdict on the house rig moved over time, day by day as the data records it.
// "Moved" counts only days the verdict itself changed; days that changed only the pick or
// the walls standing are listed, and said as such.
import type { ModelData } from '../schema/index.ts';
import { heading, para, table } from './mdx.ts';
import type { ReportInput } from './report-input.ts';
import { dateCell, plural, VERDICT_LABEL } from './words.ts';

const STATUS_EVENT: Record<string, string> = {
  merged: 'support merged',
  'pr-open': 'support proposed in a pull request',
  'fork-only': 'runs in forks only',
  none: 'no support',
};

/** The engine records "llama-cpp: merged"; readers get "llama.cpp: support merged". */
export function eventText(input: Pick<ReportInput, 'engines'>, event: string): string {
  const match = /^([a-z0-9][a-z0-9.-]*): (merged|pr-open|fork-only|none)$/.exec(event);
  if (!match) return event;
  return `${input.engines[match[1]!]?.name ?? match[1]}: ${STATUS_EVENT[match[2]!]}`;
}

/** "on-or-before" when everything the data dates to this day is known only as "by then". */
export function dayPrecision(model: ModelData, date: string): 'on-or-before' | undefined {
  const precisions: (string | undefined)[] = [];
  if (model.released === date) precisions.push(model.released_precision);
  for (const q of model.quants) {
    if (q.published === date) precisions.push(q.published_precision);
    if (q.removed === date) precisions.push(undefined);
  }
  for (const events of Object.values(model.support)) for (const e of events) if (e.date === date) precisions.push(e.date_precision);
  return precisions.length > 0 && precisions.every((p) => p === 'on-or-before') ? 'on-or-before' : undefined;
}

export function historySection(input: ReportInput): string {
  const history = input.history;
  if (history.length <= 1) return '';
  const model = input.model.data;
  const rows = history.map((h) => [dateCell(h.date, dayPrecision(model, h.date)), VERDICT_LABEL[h.verdict], h.pick ?? '—', h.events.map((e) => eventText(input, e)).join('; ')]);
  const moves = history.slice(1).filter((h, i) => h.verdict !== history[i]!.verdict).length;
  const rig = input.house.rig.data.name;
  const other = history.length - 1 - moves;
  const otherText = other === 0 ? '' : ` On ${plural(other, 'other day')}, only the pick or the walls standing changed.`;
  const lead = moves === 0
    ? `The verdict on ${rig} has been ${VERDICT_LABEL[history[0]!.verdict].toLowerCase()} since release; the pick or the walls standing changed on ${plural(history.length - 1, 'day')}.`
    : `The verdict on ${rig} moved ${plural(moves, 'time')}.${otherText}`;
  return [
    heading(2, 'How the verdict changed'),
    para(lead),
    table({ caption: `Verdict history on ${rig}`, columns: ['Date', 'Verdict', 'Pick', 'What changed'], rows, rowHeaders: true }),
  ].join('\n\n');
}
