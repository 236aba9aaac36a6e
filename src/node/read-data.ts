// Reads data/ (or THREEWALLS_DATA) from disk: YAML -> zod -> cross-checks.
// Every problem in every file is collected; nothing throws for a data mistake.
import fs from 'node:fs';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { LineCounter, parseDocument, isMap, type Document, type YAMLError } from 'yaml';
import type { z } from 'zod';
import type { Catalogue, Entry } from '../lib/data/catalogue.ts';
import { sortEntries } from '../lib/data/catalogue.ts';
import { crossCheck } from '../lib/data/cross-check.ts';
import { semanticChecks } from '../lib/data/semantic-checks.ts';
import { sortProblems, describeFound, type Problem } from '../lib/data/problem.ts';
import { findTodos } from '../lib/data/todo.ts';
import { knownKeys, problemsFromIssues } from '../lib/data/zod-problems.ts';
import { COLLECTIONS, schemas, type CollectionName } from '../lib/schema/index.ts';
import { dataDir, displayPath } from './data-dir.ts';

export interface ReadResult {
  catalogue: Catalogue;
  problems: Problem[];
  files: number;
}

const keysByCollection = new Map<CollectionName, Set<string>>();
function keysFor(name: CollectionName): Set<string> {
  if (!keysByCollection.has(name)) keysByCollection.set(name, knownKeys(schemas[name]));
  return keysByCollection.get(name)!;
}

function fastParse(name: CollectionName, text: string): { data: unknown; problems: Problem[] } | undefined {
  let raw: unknown;
  try {
    raw = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return undefined;
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const result = (schemas[name] as z.ZodType).safeParse(raw);
  return result.success && findTodos(raw).length === 0 ? { data: result.data, problems: [] } : undefined;
}

/** Parses one YAML text against one collection's schema. Pure apart from its inputs. */
export function parseDataFile(name: CollectionName, file: string, text: string): { data?: unknown; problems: Problem[] } {
  // Fast path: js-yaml (what Astro's own loader uses) with the core schema, so dates stay
  // strings for zod to check. Only a file with a problem pays for the slower `yaml`
  // document model, which knows the line of every node.
  const fast = fastParse(name, text);
  if (fast) return fast;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: uniqueByLine(doc.errors.map((error) => {
        const line = yamlErrorLine(error, text, lineCounter);
        const source = text.split(/\r?\n/)[line - 1]?.trim();
        return {
          file,
          path: [],
          line,
          expected: 'valid YAML: "key: value" lines, nested by indenting with spaces',
          found: `a YAML syntax error on line ${line}: ${error.message.split('\n')[0]}${source ? ` (the line reads: ${source.length > 60 ? `${source.slice(0, 57)}...` : source})` : ''}`,
          hint: 'check indentation and quoting on that line (and the one before); close every quote, and quote values that contain ": " or " #"',
        };
      })),
    };
  }
  const raw: unknown = doc.toJS();
  if (!isMap(doc.contents)) {
    return { problems: [{ file, path: [], line: 1, expected: `a mapping of fields (see schemas/${name}.schema.json)`, found: raw === null || raw === undefined ? 'an empty document' : describeFound(raw) }] };
  }
  const schema = schemas[name] as z.ZodType;
  const result = schema.safeParse(raw, { reportInput: true });
  // A placeholder a scaffold left ("TODO: ...") fails validation even where any text would do.
  if (result.success && findTodos(raw).length === 0) return { data: result.data, problems: [] };
  const problems = problemsFromIssues(result.success ? [] : result.error.issues, file, raw, schema, keysFor(name));
  return { problems: problems.map((p) => ({ ...p, line: p.line ?? lineOf(doc, lineCounter, p.path) })) };
}

/** The line a YAML error starts on; an unclosed quote is reported where it was opened, not at the end of the file. */
function yamlErrorLine(error: YAMLError, text: string, lineCounter: LineCounter): number {
  const reported = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
  const quote = /Missing closing (["'])quote/.exec(error.message)?.[1];
  if (!quote) return reported;
  const lines = text.split(/\r?\n/);
  const opened = lines.findIndex((l, i) => i < reported && (l.replace(/(^|\s)#.*$/, '').split(quote).length - 1) % 2 === 1);
  return opened >= 0 ? opened + 1 : reported;
}

function uniqueByLine(problems: Problem[]): Problem[] {
  return problems.filter((p, i) => problems.findIndex((q) => q.line === p.line) === i);
}

/** The line of a field in a file's text, for problems found after parsing (cross-checks). */
function lineIn(text: string | undefined, fieldPath: (string | number)[]): number | undefined {
  if (text === undefined) return undefined;
  const lineCounter = new LineCounter();
  return lineOf(parseDocument(text, { lineCounter }), lineCounter, fieldPath);
}

/** The line of the deepest node on `path` that exists in the document. */
function lineOf(doc: Document, lineCounter: LineCounter, fieldPath: (string | number)[]): number | undefined {
  for (let depth = fieldPath.length; depth >= 0; depth--) {
    const node = doc.getIn(fieldPath.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node && node.range) return lineCounter.linePos(node.range[0]).line;
    if (depth < fieldPath.length) {
      // a missing key: point at the key's parent mapping
      continue;
    }
  }
  return undefined;
}

/**
 * Read once per process while the files are unchanged: a build reads the data in the
 * integration and again in the pages' bundle (separate module graphs, one process), so the
 * cache lives on globalThis, keyed by every file's path, size and modification time.
 */
export function readData(root = dataDir()): ReadResult {
  const cache = ((globalThis as { __threeWallsData?: Map<string, { key: string; result: ReadResult }> }).__threeWallsData ??= new Map());
  const key = dataSignature(root);
  const hit = cache.get(root);
  if (hit && hit.key === key) return hit.result;
  const result = readDataUncached(root);
  cache.set(root, { key, result });
  return result;
}

function dataSignature(root: string): string {
  if (!fs.existsSync(root)) return 'missing';
  const parts: string[] = [];
  for (const name of COLLECTIONS) {
    const dir = path.join(root, name);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir).sort()) {
      const stat = fs.statSync(path.join(dir, entry));
      parts.push(`${name}/${entry}:${stat.size}:${stat.mtimeMs}`);
    }
  }
  return parts.join('|');
}

function readDataUncached(root: string): ReadResult {
  const problems: Problem[] = [];
  const catalogue = { models: [], rigs: [], engines: [], measurements: [] } as unknown as Record<CollectionName, Entry<unknown>[]>;
  let files = 0;
  const texts = new Map<string, string>();
  if (!fs.existsSync(root)) {
    problems.push({ file: displayPath(root), path: [], expected: 'a data folder with models/, rigs/, engines/ and measurements/', found: 'no such folder', hint: 'run from the repository root, or set THREEWALLS_DATA to a data folder' });
  }
  for (const name of COLLECTIONS) {
    const dir = path.join(root, name);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, entry);
      const file = displayPath(full);
      if (entry.startsWith('.') || fs.statSync(full).isDirectory()) continue;
      if (!/\.ya?ml$/.test(entry)) {
        problems.push({ file, path: [], expected: 'only .yaml files in this folder', found: `a file named ${entry}`, hint: 'rename it to <id>.yaml or move it out of data/' });
        continue;
      }
      files++;
      const id = entry.replace(/\.ya?ml$/, '');
      if (!/^[a-z0-9][a-z0-9.-]*$/.test(id)) {
        problems.push({ file, path: [], expected: 'a file name made of lowercase letters, digits, dots and dashes, e.g. "qwen3.5-35b-a3b.yaml"', found: `"${entry}"`, hint: 'the file name is the id other files and URLs use' });
        continue;
      }
      const text = fs.readFileSync(full, 'utf8');
      const parsed = parseDataFile(name, file, text);
      problems.push(...parsed.problems);
      if (parsed.data !== undefined) {
        catalogue[name].push({ id, file, data: parsed.data });
        texts.set(file, text);
      }
    }
  }
  const sorted = Object.fromEntries(COLLECTIONS.map((n) => [n, sortEntries(catalogue[n])])) as unknown as Catalogue;
  problems.push(...[...crossCheck(sorted), ...semanticChecks(sorted)].map((p) => ({ ...p, line: p.line ?? lineIn(texts.get(p.file), p.path) })));
  return { catalogue: sorted, problems: sortProblems(problems), files };
}
