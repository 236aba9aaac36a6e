// How the verdict on the house rig moved over time, day by day as the data records it.
import { heading, para, table } from './mdx.ts';
import type { ReportInput } from './report-input.ts';
import { plural, VERDICT_LABEL } from './words.ts';

const STATUS_EVENT: Record<string, string> = {
  merged: 'support merged',
  'pr-open': 'support proposed in a pull request',
  'fork-only': 'runs in forks only',
  none: 'no support',
};

/** The engine records "llama-cpp: merged"; readers get "llama.cpp: support merged". */
export function eventText(input: ReportInput, event: string): string {
  const match = /^([a-z0-9][a-z0-9.-]*): (merged|pr-open|fork-only|none)$/.exec(event);
  if (!match) return event;
  return `${input.engines[match[1]!]?.name ?? match[1]}: ${STATUS_EVENT[match[2]!]}`;
}

export function historySection(input: ReportInput): string {
  const history = input.history;
  if (history.length <= 1) return '';
  const rows = history.map((h) => [h.date, VERDICT_LABEL[h.verdict], h.pick ?? '—', h.events.map((e) => eventText(input, e)).join('; ')]);
  return [
    heading(2, 'How the verdict changed'),
    para(`The engine re-ran on every day the data records a change for ${input.model.data.name}; the verdict on ${input.house.rig.data.name} moved ${plural(history.length - 1, 'time')}.`),
    table({ caption: `Verdict history on ${input.house.rig.data.name}`, columns: ['Date', 'Verdict', 'Pick', 'What changed'], rows, rowHeaders: true }),
  ].join('\n\n');
}
