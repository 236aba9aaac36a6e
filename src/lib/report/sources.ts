// Where every number came from: the model's sources, the rig's, and the measurements used.
import { bullets, externalLink, heading, para } from './mdx.ts';
import type { ReportInput } from './report-input.ts';

/** "dev.to/carryologist/…": the address without its scheme, short enough to scan. */
export function linkLabel(url: string): string {
  const bare = url.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return bare.length > 72 ? `${bare.slice(0, 71)}…` : bare;
}

const links = (urls: string[]) => bullets([...new Set(urls)].map((u) => externalLink(u, linkLabel(u))));

export function sourcesSection(input: ReportInput): string {
  const parts = [heading(2, 'Sources'), para(`For ${input.model.data.name}:`), links(input.model.data.sources)];
  parts.push(para(`For ${input.house.rig.data.name}:`), links(input.house.rig.data.sources));
  if (input.measurementSources.length > 0) parts.push(para('Measured speeds:'), links(input.measurementSources.map((m) => m.source)));
  parts.push(para(`Generated from the data as of ${input.asOf}. Every figure above is the fit engine's output for this model and rig.`));
  return parts.join('\n\n');
}
