// One model's report as MDX text: pure and deterministic (the same input gives the same
// bytes), every data string escaped, components named but never imported.
import { REASONS } from '../fit/reasons.ts';
import type { FitResult } from '../fit/types.ts';
import { byTheNumbers } from './by-the-numbers.ts';
import { mdInline, mdText } from './escape.ts';
import { frontmatterBlock, type ReportFrontmatter } from './frontmatter.ts';
import { historySection } from './history-section.ts';
import { ledeText, reportTitle, summaryText } from './lede.ts';
import { memoryChartData } from './memory-chart.ts';
import { component, folded, heading, linkTo, para } from './mdx.ts';
import { otherRigsSection } from './other-rigs.ts';
import type { ReportInput } from './report-input.ts';
import { runSection } from './run-section.ts';
import { sourcesSection } from './sources.ts';
import { quantTable, rigTable, specTable } from './tables.ts';
import { verdictSection } from './verdict-section.ts';
import { wallsSection } from './walls-section.ts';

export function reportFrontmatterOf(input: ReportInput): ReportFrontmatter {
  const r = input.house.result;
  return {
    title: reportTitle(input),
    description: summaryText(input),
    model: input.model.id,
    modelName: input.model.data.name,
    rig: input.house.rig.id,
    rigName: input.house.rig.data.name,
    verdict: judged(r.verdict),
    reason: REASONS[r.reason].title,
    pick: r.pick,
    date: input.date,
    asOf: input.asOf,
  };
}

function filesSection(input: ReportInput): string {
  const r = input.house.result;
  const parts = [heading(2, 'Every file, against this rig'), quantTable(input)];
  if (r.quants.length > 0) {
    const chart = memoryChartData(r, input.model.data.name, input.house.rig.data.name);
    parts.push(folded('The same files as a chart', component('MemoryChart', { chart: chart as never })));
  }
  return parts.join('\n\n');
}

/**
 * Answer first: the verdict and its deciding number, the three walls at a glance, the pick
 * with its command and what would change the verdict; then the detail (every file, the
 * model, the rig, other rigs, history) for the reader who wants to check it.
 */
export function renderReport(input: ReportInput): string {
  const r = input.house.result;
  const summary = input.model.data.summary ? para(input.model.data.summary) : '';
  const sections = [
    frontmatterBlock(reportFrontmatterOf(input)),
    para(ledeText(input)),
    component('VerdictBadge', { verdict: r.verdict, reason: REASONS[r.reason].title }),
    wallsSection(input),
    runSection(input),
    verdictSection(input),
    filesSection(input),
    heading(2, 'The model'),
    summary,
    specTable(input),
    heading(2, 'The rig'),
    rigTable(input),
    otherRigsSection(input),
    historySection(input),
    byTheNumbers(input),
    sourcesSection(input),
    `${mdText('How these numbers are computed:')} ${linkTo('methodology/', 'the methodology')}${mdInline('.')}`,
  ];
  return `${sections.filter((s) => s !== '').join('\n\n')}\n`;
}

/** Reports are as of the newest data day, which is never before a model's release. */
function judged(verdict: FitResult['verdict']): Exclude<FitResult['verdict'], 'not-released'> {
  if (verdict === 'not-released') throw new RangeError('a report was asked for before the model was released');
  return verdict;
}
