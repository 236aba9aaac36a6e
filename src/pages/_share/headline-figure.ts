// The one number a share card shows, taken from the report's own "By the Numbers" list so
// the card and the report cannot disagree and nothing the engine decided is re-derived.
// The list is generated MDX (src/lib/report/by-the-numbers.ts): "- **figure**: meaning",
// with character references for special characters.
import type { FitResult } from '../../lib/fit/types.ts';

export interface Figure { figure: string; meaning: string }

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
const decode = (text: string) =>
  text.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot);/gi, (_, ref: string) =>
    ref.startsWith('#') ? String.fromCodePoint(Number(ref[1] === 'x' || ref[1] === 'X' ? `0${ref.slice(1)}` : ref.slice(1))) : NAMED[ref.toLowerCase()]!);

export function byTheNumbers(reportBody: string): Figure[] {
  const section = /^## By the Numbers\n+((?:- .*(?:\n|$))+)/m.exec(reportBody);
  if (!section) return [];
  return section[1]!.trim().split('\n').flatMap((line) => {
    const m = /^- \*\*(.+?)\*\*: (.*)$/.exec(line);
    return m ? [{ figure: decode(m[1]!), meaning: decode(m[2]!) }] : [];
  });
}

/**
 * The figure that decides the verdict: the speed when it runs, the days without support
 * when only the engine stands in the way, else the report's lead figure (the file set
 * against the rig's memory). Throws when the report has no figures: a card without its
 * number should fail the build, not ship.
 */
export function headlineFigure(reportBody: string, result: FitResult, model: string): Figure {
  const figures = byTheNumbers(reportBody);
  if (figures.length === 0) throw new Error(`the report of "${model}" has no "By the Numbers" list for its share card`);
  const find = (test: RegExp) => figures.find((f) => test.test(f.figure));
  const runs = result.verdict === 'runs' || result.verdict === 'runs-slowly';
  const onlyStack = result.walls.stack.blocked && !result.walls.size.blocked && !result.walls.quantization.blocked;
  return (runs ? find(/tok\/s$/) : onlyStack ? find(/^[\d,]+ days?$/) : undefined) ?? figures[0]!;
}
