// Turns zod issues into Problems that teach: expected with an example, found, and a likely fix.
import type { z } from 'zod';
import { closeNames } from './did-you-mean.ts';
import { describeFound, type Problem } from './problem.ts';

type Issue = z.core.$ZodIssue;

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

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

const EXAMPLES: Record<string, string> = {
  string: 'some text, e.g. "Qwen3.5 35B-A3B"',
  number: 'a number, e.g. 40',
  boolean: 'true or false',
  array: 'a list (lines starting with "- ")',
  object: 'a mapping of keys to values',
};

export function issueToProblems(issue: Issue, file: string, data: unknown, keys: Set<string>): Problem[] {
  const path = issue.path as (string | number)[];
  const found = valueAt(data, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const close = closeNames(key, keys);
        return {
          file,
          path: [...path, key],
          expected: 'only the keys this schema defines (see the JSON Schema in schemas/)',
          found: `an unknown key "${key}"`,
          hint: close.length ? `did you mean \`${close[0]}\`?` : 'remove it, or check the spelling against CONTRIBUTING.md',
        };
      });
    case 'invalid_type': {
      const expected = issue.expected as string;
      return [{
        file,
        path,
        expected: EXAMPLES[expected] ?? expected,
        found: describeFound(found),
        hint: found === undefined ? `add the required field \`${String(path.at(-1))}\`` : undefined,
      }];
    }
    case 'invalid_union': {
      // A discriminated union with an unknown tag, or a value no option accepts.
      const inner = issue.errors.flat()[0];
      if ((issue as { note?: string }).note === 'No matching discriminator' || !inner) {
        const discriminator = (issue as { discriminator?: string }).discriminator;
        return [{ file, path: discriminator ? [...path, discriminator] : path, expected: issue.message, found: describeFound(discriminator ? valueAt(found, [discriminator]) : found) }];
      }
      return issueToProblems({ ...inner, path: [...path, ...inner.path] } as Issue, file, data, keys);
    }
    case 'invalid_value':
      return [{ file, path, expected: `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`, found: describeFound(found) }];
    case 'too_small':
      return [{ file, path, expected: tooSmallText(issue), found: describeFound(found) }];
    case 'too_big':
      return [{ file, path, expected: `at most ${String(issue.maximum)}`, found: describeFound(found) }];
    default:
      return [{ file, path, expected: issue.message, found: describeFound(found) }];
  }
}

function tooSmallText(issue: Extract<Issue, { code: 'too_small' }>): string {
  if (issue.origin === 'array') return `at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}${issue.message && !issue.message.startsWith('Too small') ? ` (${issue.message})` : ''}`;
  if (issue.origin === 'string') return 'some text (it is empty)';
  return issue.inclusive ? `a number of at least ${String(issue.minimum)}` : `a number above ${String(issue.minimum)}`;
}
