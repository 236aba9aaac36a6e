// Every data string that reaches generated MDX passes through here, in one of two forms:
// prose (Markdown text, where MDX would read `<`, `{`, backticks or a leading `export` as
// code) gets character references; component props get JavaScript string literals in
// which the characters MDX scans for are \u-escaped. Contributors' strings never become
// markup, expressions, ESM or Markdown syntax.

const PROSE_REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '{': '&#123;',
  '}': '&#125;',
  '`': '&#96;',
  '\\': '&#92;',
  '*': '&#42;',
  '[': '&#91;',
  ']': '&#93;',
  '|': '&#124;',
  '~': '&#126;',
  '$': '&#36;',
};

/**
 * GFM turns bare "https://…", "www.…" and "a@b.c" into links and shows their text raw, so
 * character references in them would be printed as typed. Encoding the character that
 * triggers the literal ("://", the dot after "www", "@") keeps them plain text.
 */
function startsAutolink(text: string, i: number): boolean {
  const c = text[i];
  if (c === ':') return text.startsWith('//', i + 1);
  if (c === '@') return true;
  return c === '.' && /(^|[^\p{L}\p{N}])www$/iu.test(text.slice(Math.max(0, i - 4), i));
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const reference = (c: string) => `&#${c.codePointAt(0)};`;

/**
 * Text for a Markdown paragraph or table cell: one line, every special character as a
 * character reference. Underscores inside a word ("Q4_K_M") stay, as CommonMark never
 * reads them as emphasis, so the generated file stays readable.
 */
export function mdText(text: string): string {
  return protectLineStart(mdInline(text.trim()));
}

/** Like mdText for a piece in the middle of a line: keeps its edge spaces, so pieces join. */
/** Characters that can need a reference; text without any of them passes through as is. */
const NEEDS_ESCAPE = /[&<>{}`\\*[\]|~$_:@.]/;

export function mdInline(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  if (!NEEDS_ESCAPE.test(flat)) return flat;
  let out = '';
  for (let i = 0; i < flat.length; i++) {
    const c = flat[i]!;
    if (c in PROSE_REFERENCES) out += PROSE_REFERENCES[c];
    else if (c === '_' && !(isWordChar(flat[i - 1]) && isWordChar(flat[i + 1]))) out += '&#95;';
    else if (startsAutolink(flat, i)) out += reference(c);
    else out += c;
  }
  return out;
}

/** A string that may start a line must not open ESM, a heading, a list or a thematic break. */
function protectLineStart(text: string): string {
  if (/^(import|export)\b/.test(text)) return reference(text[0]!) + text.slice(1);
  if (/^[#+\-=:!]/.test(text)) return reference(text[0]!) + text.slice(1);
  const ordered = /^(\d+)([.)])(?= |$)/.exec(text);
  if (ordered) return ordered[1] + reference(ordered[2]!) + text.slice(ordered[0].length);
  return text;
}

const SCANNED_BY_MDX = /[{}<>`&\u2028\u2029]/g;
const unicodeEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`;

/** A JavaScript string literal that is inert inside an MDX `{...}` attribute. */
export function jsString(text: string): string {
  return JSON.stringify(text).replace(SCANNED_BY_MDX, unicodeEscape);
}

type Json = string | number | boolean | null | undefined | Json[] | { [key: string]: Json };

/**
 * A JavaScript literal for a JSON-like value, every string through jsString. Arrays of
 * arrays or objects put one element per line so the generated file diffs well.
 */
export function jsLiteral(value: Json, indent = ''): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return jsString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const nested = value.some((v) => v !== null && typeof v === 'object');
    const items = value.map((v) => jsLiteral(v, inner));
    return nested && items.length > 0 ? `[\n${items.map((i) => inner + i).join(',\n')}\n${indent}]` : `[${items.join(', ')}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{ ${entries.map(([k, v]) => `${jsString(k)}: ${jsLiteral(v, indent)}`).join(', ')} }`;
}

/**
 * A URL for a Markdown link destination: characters that could end the destination or be
 * read as MDX are percent-encoded. Only http(s) addresses pass (schemas enforce it too).
 */
export function safeUrl(url: string): string {
  if (!/^https?:\/\//i.test(url)) return '#';
  return url.replace(/[\s()<>{}[\]`\\|^"']/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
}

/** A double-quoted YAML scalar (JSON strings are valid YAML) for frontmatter. */
export function yamlString(text: string): string {
  return JSON.stringify(text.replace(/\s+/g, ' ').trim()).replace(/[\u2028\u2029]/g, unicodeEscape);
}
