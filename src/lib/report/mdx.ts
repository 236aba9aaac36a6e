// Building blocks of the generated MDX. Components are named, never imported: the page
// supplies them through `components`, so the generated file carries no import lines.
import { jsLiteral, jsString, mdText, safeUrl } from './escape.ts';
import type { TableData } from './table-types.ts';

export const COMPONENTS = ['DataTable', 'MemoryChart', 'Link', 'Command', 'VerdictBadge', 'Fold'] as const;
export type ComponentName = (typeof COMPONENTS)[number];

type Props = Record<string, Parameters<typeof jsLiteral>[0]>;

export function component(name: ComponentName, props: Props): string {
  const attributes = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}={${jsLiteral(v)}}`);
  return `<${name} ${attributes.join(' ')} />`;
}

export const table = (data: TableData) => component('DataTable', { table: data as unknown as Props[string] });

/** A link inside the site; <Link> adds the base path. `to` is like "rigs/dgx-spark/". */
export const linkTo = (to: string, text: string) => `<Link to={${jsString(to)}}>${mdText(text)}</Link>`;

export const externalLink = (url: string, text: string) => `[${mdText(text)}](${safeUrl(url)})`;

export const heading = (level: 2 | 3, text: string) => `${'#'.repeat(level)} ${mdText(text)}`;

/** A paragraph of plain text, escaped whole. */
export const para = (text: string) => mdText(text);

export const bold = (text: string) => `**${mdText(text)}**`;

/** A bulleted list of already-escaped items. */
export const bullets = (items: string[]) => items.map((i) => `- ${i}`).join('\n');

export const modelPath = (id: string) => `models/${id}/`;
export const rigPath = (id: string) => `rigs/${id}/`;

/**
 * Detail a reader opens when they want it: the blank lines inside let MDX read the content
 * as Markdown and components. The answer stays above the fold; the arithmetic folds.
 */
export const folded = (summary: string, ...content: string[]) =>
  [`<Fold summary={${jsString(summary)}}>`, '', ...content.filter((c) => c !== '').flatMap((c) => [c, '']), '</Fold>'].join('\n');
