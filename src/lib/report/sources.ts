// Where every number came from: the model's sources, the rig's, and the measurements used.
import { bullets, externalLink, folded, heading, para } from './mdx.ts';
import type { ReportInput } from './report-input.ts';

/** "dev.to/carryologist/…": the address without its scheme, short enough to scan. */
export function linkLabel(url: string): string {
  const bare = url.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return bare.length > 72 ? `${bare.slice(0, 71)}…` : bare;
}

const links = (urls: string[]) => bullets([...new Set(urls)].map((u) => externalLink(u, linkLabel(u))));

export function sourcesSection(input: ReportInput): string {
  // The lists fold: a reader checking a number opens them; everyone else reads past.
  const count = (urls: string[]) => new Set(urls).size;
  const fold = (what: string, urls: string[]) => folded(`${what} (${count(urls)})`, links(urls));
  const parts = [heading(2, 'Sources'), para(`Every figure above is the fit engine's output for the data as of ${input.asOf}.`)];
  parts.push(fold(`For ${input.model.data.name}`, input.model.data.sources), fold(`For ${input.house.rig.data.name}`, input.house.rig.data.sources));
  if (input.measurementSources.length > 0) parts.push(fold('Measured speeds', input.measurementSources.map((m) => m.source)));
  return parts.join('\n\n');
}
