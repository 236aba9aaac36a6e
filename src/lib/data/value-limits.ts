// Limits on what a parsed data file may hold, checked before the schema walks it: YAML
// aliases can make a few lines stand for a billion values (the schema would walk them all),
// and a string can carry characters that break the build or hide text (NUL, escape codes,
// bidirectional overrides). Each limit is generous next to the real data (the largest model
// lists 14 quants, the largest measurement file 12 rows) and is said in the message.
import type { Problem } from './problem.ts';

export const LIMITS = {
  /** Values in one file once aliases are expanded. */
  values: 200_000,
  /** Items in any one list; measurement rows are the one long list. */
  list: 1_000,
  rows: 10_000,
  depth: 32,
} as const;

/** C0 controls except tab and newline (and CR, which YAML normalises), DEL, bidi controls. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Every limit a parsed document breaks, with its field path; stops at the first size limit. */
export function valueLimitProblems(raw: unknown, file: string, collection: string): Problem[] {
  const problems: Problem[] = [];
  let values = 0;
  const walk = (value: unknown, path: (string | number)[]): boolean => {
    if (++values > LIMITS.values) {
      problems.push({ file, path: [], expected: `at most ${LIMITS.values.toLocaleString('en-US')} values in one file`, found: 'more than that once YAML aliases (*name) are expanded', hint: 'write the values out instead of repeating them through anchors and aliases' });
      return false;
    }
    if (path.length > LIMITS.depth) {
      problems.push({ file, path: path.slice(0, LIMITS.depth), expected: `fields nested at most ${LIMITS.depth} deep`, found: 'deeper nesting', hint: 'compare with a neighbouring file: data files are a few levels deep' });
      return false;
    }
    if (typeof value === 'string') checkText(value, path);
    else if (Array.isArray(value)) {
      const max = collection === 'measurements' && path.length === 1 && path[0] === 'rows' ? LIMITS.rows : LIMITS.list;
      if (value.length > max) {
        problems.push({ file, path, expected: `a list of at most ${max.toLocaleString('en-US')} items`, found: `a list of ${value.length.toLocaleString('en-US')} items`, hint: collection === 'measurements' ? 'split the rows over one file per source' : 'a list this long is not data a report can show: trim it' });
        return false;
      }
      return value.every((item, i) => walk(item, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      return Object.entries(value).every(([key, item]) => (checkText(key, [...path, key]), walk(item, [...path, key])));
    }
    return true;
  };
  const checkText = (text: string, path: (string | number)[]) => {
    const match = CONTROL.exec(text);
    if (match)
      problems.push({ file, path, expected: 'text without control characters', found: `the invisible character ${hex(match[0])} at position ${match.index + 1}`, hint: 'retype the text; control characters (such as "\\0" in a quoted string) and direction overrides break pages and hide what the text says' });
  };
  walk(raw, []);
  return problems;
}
