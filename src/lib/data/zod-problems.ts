// Turns zod issues into Problems that teach: expected with an example, found, and a likely fix.
// What a field holds comes from the schema itself: its fieldHelp entry (sizes, dates, web
// addresses, ids) or its .describe() text; zod's generic wording is the last resort.
import type { z } from 'zod';
import { fieldHelp } from '../schema/common.ts';
import { closeNames } from './did-you-mean.ts';
import { describeFound, formatPath, type Problem } from './problem.ts';
import { schemasAt } from './schema-at.ts';
import { findTodos, isTodo } from './todo.ts';

type Issue = z.core.$ZodIssue;
type Path = (string | number)[];

/** Every object key a schema accepts anywhere, for "did you mean" on unknown keys. */
export function knownKeys(schema: z.core.$ZodType, seen = new Set<unknown>()): Set<string> {
  const keys = new Set<string>();
  const visit = (s: unknown) => {
    if (!s || typeof s !== 'object' || seen.has(s)) return;
    seen.add(s);
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    if (def.shape && typeof def.shape === 'object') {
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
        keys.add(key);
        visit(child);
      }
    }
    for (const field of ['innerType', 'in', 'out', 'element', 'valueType', 'keyType', 'schema', 'left', 'right']) visit(def[field]);
    if (Array.isArray(def.options)) def.options.forEach(visit);
  };
  visit(schema);
  return keys;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

const KIND_TEXT: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list (lines starting with "- ")',
  object: 'a mapping (indented "key: value" lines)',
};
const KIND_EXAMPLE: Record<string, string> = {
  string: 'text, e.g. "Qwen3.5 35B-A3B"',
  number: 'a number, e.g. 40',
  int: 'a whole number, e.g. 40',
};

/** What a field expects, from the schema that checks it. */
function fieldText(schema: z.core.$ZodType, path: Path, data: unknown, kind?: string) {
  const chain = schemasAt(schema, path, data);
  const help = chain.map((n) => fieldHelp.get(n as unknown as z.core.$ZodType)).find((h) => h !== undefined);
  const description = chain.map((n) => n.description).find((d) => d !== undefined);
  const kindText = kind ? (description ? KIND_TEXT[kind] : KIND_EXAMPLE[kind] ?? KIND_TEXT[kind]) ?? kind : undefined;
  const described = kindText && description ? `${kindText}: ${lowerFirst(description)}` : kindText ?? description;
  return { help, expected: help?.expected ?? described };
}

const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);
/** zod's own messages and ours both read better without a leading "expected". */
const plain = (message: string) => message.replace(/^expected\s+/i, '');
const isZodDefault = (message: string) => /^(Invalid|Too (small|big)|Unrecognized)/.test(message);

export function issueToProblems(issue: Issue, file: string, data: unknown, keys: Set<string>, schema?: z.core.$ZodType): Problem[] {
  const path = issue.path as Path;
  const found = valueAt(data, path);
  const field = (kind?: string) => (schema ? fieldText(schema, path, data, kind) : { help: undefined, expected: kind && (KIND_EXAMPLE[kind] ?? KIND_TEXT[kind]) });
  const problem = (expected: string, hint?: string): Problem => ({ file, path, expected, found: describeFound(found), ...(hint ? { hint } : {}) });

  switch (issue.code) {
    case 'unrecognized_keys': {
      // Prefer the keys this very mapping accepts, and of those the ones it is missing.
      const here = schema ? siblingKeys(schema, path, data) : { all: [], missing: [] };
      return issue.keys.map((key) => {
        const close = [...closeNames(key, here.missing), ...closeNames(key, here.all), ...closeNames(key, keys)];
        return {
          file,
          path: [...path, key],
          expected: 'only the keys this schema defines (see the JSON Schema in schemas/)',
          found: `an unknown key "${key}"`,
          hint: close.length ? `did you mean \`${close[0]}\`?` : 'remove it, or check the spelling against CONTRIBUTING.md',
        };
      });
    }
    case 'invalid_type': {
      const expectedKind = issue.expected === 'number' && Number.isInteger(found) ? 'int' : (issue.expected as string);
      const { help, expected } = field(expectedKind);
      const text = expected ?? String(issue.expected);
      if (found === undefined) return [problem(text, `add the required field \`${String(path.at(-1))}\``)];
      if (found === null) return [problem(text, 'write a value after the colon, or remove the line if the field is optional')];
      if (typeof found === 'number' && !Number.isFinite(found))
        return [problem(`a finite ${text.replace(/^an? /, '')}`, 'write an ordinary number: .inf, -.inf and .nan are not sizes or counts')];
      if (typeof found === 'string' && (expectedKind === 'number' || expectedKind === 'int') && found.trim() !== '' && Number.isFinite(Number(found)))
        return [problem(text, `write the number without quotes: ${found.trim()}`)];
      return [problem(text, help?.hint)];
    }
    case 'invalid_union': {
      const discriminator = (issue as { discriminator?: string }).discriminator;
      if (discriminator) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        const close = typeof found === 'string' ? closeNames(found, options.map(String)) : [];
        return [problem(`one of ${options.map((v) => JSON.stringify(v)).join(', ')}`, close.length ? `did you mean "${close[0]}"?` : undefined)];
      }
      // A value no option accepts: speak for the field when it has a written form (dates).
      const { help } = field();
      if (help) return [problem(help.expected, help.hint)];
      const inner = issue.errors.flat()[0];
      if (!inner) return [problem(plain(issue.message))];
      return issueToProblems({ ...inner, path: [...path, ...inner.path] } as Issue, file, data, keys, schema);
    }
    case 'invalid_value': {
      const close = typeof found === 'string' ? closeNames(found, issue.values.map(String)) : [];
      return [problem(`one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`, close.length ? `did you mean "${close[0]}"?` : undefined)];
    }
    case 'invalid_format': {
      const { help } = field();
      if (typeof found === 'string' && /^\s*-/.test(found)) return [problem(help?.expected ?? plain(issue.message), 'it cannot be negative: remove the minus sign')];
      return [problem(help?.expected ?? plain(issue.message), help?.hint ?? (isZodDefault(issue.message) ? undefined : plain(issue.message)))];
    }
    case 'too_small':
      return [problem(tooSmallText(issue, field().expected), issue.origin === 'array' && issue.message && !isZodDefault(issue.message) ? plain(issue.message) : undefined)];
    case 'too_big':
      return [problem(`at most ${String(issue.maximum)}`)];
    default: {
      const { help } = field();
      // A refinement's own message says what is wrong with a value of the right form.
      if (help) return [problem(help.expected, plain(issue.message))];
      return [problem(plain(issue.message))];
    }
  }
}

/** Keys the mapping at `path` accepts, and those of them it does not have yet. */
function siblingKeys(schema: z.core.$ZodType, path: Path, data: unknown): { all: string[]; missing: string[] } {
  const shape = schemasAt(schema, path, data).map((n) => n._zod.def.shape).find((s) => s && typeof s === 'object') as Record<string, unknown> | undefined;
  if (!shape) return { all: [], missing: [] };
  const present = valueAt(data, path);
  const has = (k: string) => present !== null && typeof present === 'object' && k in present;
  const all = Object.keys(shape).filter((k) => k !== '$schema');
  return { all, missing: all.filter((k) => !has(k)) };
}

function tooSmallText(issue: Extract<Issue, { code: 'too_small' }>, described: string | undefined): string {
  if (issue.origin === 'array') return `at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`;
  if (issue.origin === 'string') return described ? `text that is not empty (${lowerFirst(described)})` : 'some text (it is empty)';
  const bound = issue.inclusive ? `a number of at least ${String(issue.minimum)}` : `a number above ${String(issue.minimum)}`;
  return described ? `${bound}: ${lowerFirst(described.replace(/^an? (whole )?number: /, ''))}` : bound;
}

/**
 * All problems for one parsed document: zod's issues made readable, placeholders
 * ("TODO: ...") named wherever they sit, one problem per field, and an unknown key that
 * is a misspelling of a missing required key reported once, as a rename.
 */
export function problemsFromIssues(issues: readonly Issue[], file: string, data: unknown, schema: z.core.$ZodType, keys: Set<string>): Problem[] {
  const problems = issues.flatMap((issue) => issueToProblems(issue, file, data, keys, schema));
  for (const { path, text } of findTodos(data)) {
    const at = problems.find((p) => formatPath(p.path) === formatPath(path));
    const what = text.replace(/^\s*TODO:?\s*/i, '');
    if (at) at.hint = `replace the TODO with ${what || at.expected}`;
    else {
      const { expected } = fieldText(schema, path, data, 'string');
      problems.push({ file, path, expected: expected ?? 'a real value', found: describeFound(text), hint: `replace the TODO with ${what || 'the real value'}` });
    }
  }
  return mergeRenames(dedupe(problems));
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = formatPath(p.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function mergeRenames(problems: Problem[]): Problem[] {
  const missing = new Map(problems.filter((p) => p.found === describeFound(undefined)).map((p) => [formatPath(p.path), p]));
  const dropped = new Set<Problem>();
  for (const p of problems) {
    const suggestion = /^did you mean `(.+)`\?$/.exec(p.hint ?? '')?.[1];
    if (!suggestion) continue;
    const target = missing.get(formatPath([...p.path.slice(0, -1), suggestion]));
    if (!target) continue;
    dropped.add(target);
    p.expected = `the key \`${suggestion}\` (${target.expected.replace(/\.$/, '')})`;
    p.hint = `did you mean \`${suggestion}\`? Rename \`${String(p.path.at(-1))}\` to \`${suggestion}\``;
  }
  return problems.filter((p) => !dropped.has(p));
}

export { isTodo };
