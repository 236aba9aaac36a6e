// Reads data/ (or THREEWALLS_DATA) from disk: YAML -> zod -> cross-checks.
// Every problem in every file is collected; nothing throws for a data mistake.
import fs from 'node:fs';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { LineCounter, parseDocument, isMap, type Document, type YAMLError } from 'yaml';
import type { z } from 'zod';
import type { Catalogue, Entry } from '../lib/data/catalogue.ts';
import { sortEntries } from '../lib/data/catalogue.ts';
import { crossCheck, type Unusable } from '../lib/data/cross-check.ts';
import { semanticChecks } from '../lib/data/semantic-checks.ts';
import { sortProblems, describeFound, type Problem } from '../lib/data/problem.ts';
import { findTodos } from '../lib/data/todo.ts';
import { valueLimitProblems } from '../lib/data/value-limits.ts';
import { knownKeys, problemsFromIssues } from '../lib/data/zod-problems.ts';
import { COLLECTIONS, schemas, type CollectionName } from '../lib/schema/index.ts';
import { listCollection, readFileBytes, type DataFileRef } from './data-files.ts';
import { decodeDataText } from './data-text.ts';
import { dataDir, displayPath } from './data-dir.ts';
import { HOUSE_RIG } from '../site-config.ts';

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

type Parsed = { data?: unknown; problems: Problem[] };

/** js-yaml (what Astro's own loader uses) with the core schema, so dates stay strings for zod to check. */
function fastLoad(text: string): unknown {
  try {
    return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return undefined;
  }
}

/** Parses one YAML text against one collection's schema. Pure apart from its inputs; never throws. */
export function parseDataFile(name: CollectionName, file: string, text: string): Parsed {
  try {
    return parseChecked(name, file, text);
  } catch (error) {
    // A last net: whatever a parser throws on hostile input is a problem with this file, not a stack trace.
    return { problems: [{ file, path: [], line: 1, expected: 'a YAML file of "key: value" lines', found: `text the YAML reader gave up on (${String((error as Error)?.message ?? error).split('\n')[0]!.slice(0, 120)})`, hint: 'compare it with a neighbouring file; check for unusual nesting, anchors (&name) and aliases (*name)' }] };
  }
}

function parseChecked(name: CollectionName, file: string, text: string): Parsed {
  // Fast path: only a file with a problem pays for the slower `yaml` document model, which
  // knows the line of every node.
  const fast = fastLoad(text);
  const isObject = fast !== null && typeof fast === 'object' && !Array.isArray(fast);
  // Limits first: the schema must never walk a billion aliased values.
  const limits = isObject ? valueLimitProblems(fast, file, name) : [];
  if (limits.length > 0) return { problems: withLines(limits, text) };
  if (isObject) {
    const result = (schemas[name] as z.ZodType).safeParse(fast);
    if (result.success && findTodos(fast).length === 0) return { data: result.data, problems: [] };
  }
  return slowParse(name, file, text, isObject);
}

function slowParse(name: CollectionName, file: string, text: string, limitsChecked: boolean): Parsed {
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
  let raw: unknown;
  try {
    // js-yaml read the same aliases and the limits held; else keep `yaml`'s own alias guard.
    raw = doc.toJS(limitsChecked ? { maxAliasCount: -1 } : {});
  } catch {
    return { problems: [{ file, path: [], line: 1, expected: 'YAML aliases (*name) used sparingly: at most 100 repeats in one file', found: 'more aliases than that', hint: 'write the values out instead of repeating them through anchors and aliases' }] };
  }
  const limits = limitsChecked ? [] : valueLimitProblems(raw, file, name);
  if (limits.length > 0) return { problems: limits.map((p) => ({ ...p, line: lineOf(doc, lineCounter, p.path) })) };
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

const withLines = (problems: Problem[], text: string) => problems.map((p) => ({ ...p, line: p.line ?? lineIn(text, p.path) }));

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

/** Every entry's name, kind, size and modification time, looked at without following links (a dangling link is not an error here). */
function dataSignature(root: string): string {
  const parts: string[] = [];
  for (const name of COLLECTIONS) {
    const dir = path.join(root, name);
    let entries: string[];
    try {
      entries = fs.readdirSync(dir).sort();
    } catch {
      parts.push(`${name}:none`);
      continue;
    }
    for (const entry of entries) {
      const stat = fs.lstatSync(path.join(dir, entry), { throwIfNoEntry: false });
      parts.push(`${name}/${entry}:${stat ? `${stat.mode}:${stat.size}:${stat.mtimeMs}` : 'gone'}`);
    }
  }
  return parts.join('|');
}

/** One listed file, read, decoded and parsed: its data or its problems. */
function readOne(name: CollectionName, ref: DataFileRef): { data?: unknown; text?: string; problems: Problem[] } {
  const { bytes, problem } = readFileBytes(ref);
  if (!bytes) return { problems: [problem!] };
  const decoded = decodeDataText(bytes, ref.file);
  if (decoded.text === undefined) return { problems: [decoded.problem!] };
  const parsed = parseDataFile(name, ref.file, decoded.text);
  return { ...parsed, text: decoded.text };
}

function readDataUncached(root: string): ReadResult {
  const problems: Problem[] = [];
  const catalogue = { models: [], rigs: [], engines: [], measurements: [] } as unknown as Record<CollectionName, Entry<unknown>[]>;
  const unusable = {} as Record<CollectionName, Unusable>;
  let files = 0;
  const texts = new Map<string, string>();
  const rootStat = fs.statSync(root, { throwIfNoEntry: false });
  if (!rootStat?.isDirectory()) {
    problems.push({ file: displayPath(root), path: [], expected: 'a data folder with models/, rigs/, engines/ and measurements/', found: rootStat ? 'a file, not a folder' : 'no such folder', hint: 'run from the repository root, or set THREEWALLS_DATA to a data folder' });
    return { catalogue: { models: [], rigs: [], engines: [], measurements: [] }, problems, files };
  }
  for (const name of COLLECTIONS) {
    const listing = listCollection(root, name);
    problems.push(...listing.problems);
    unusable[name] = { missing: listing.missing, ids: new Set(listing.refused) };
    for (const ref of listing.files) {
      files++;
      const read = readOne(name, ref);
      problems.push(...read.problems);
      if (read.data === undefined) unusable[name].ids.add(ref.id);
      else {
        catalogue[name].push({ id: ref.id, file: ref.file, data: read.data });
        texts.set(ref.file, read.text!);
      }
    }
  }
  const sorted = Object.fromEntries(COLLECTIONS.map((n) => [n, sortEntries(catalogue[n])])) as unknown as Catalogue;
  problems.push(...houseRigProblems(root, sorted, unusable.rigs));
  problems.push(...[...crossCheck(sorted, unusable), ...semanticChecks(sorted)].map((p) => ({ ...p, line: p.line ?? lineIn(texts.get(p.file), p.path) })));
  return { catalogue: sorted, problems: sortProblems(problems), files };
}

/** The build is made around one rig (the home page, every report's yardstick): its absence is a data problem, said before the build. */
function houseRigProblems(root: string, catalogue: Catalogue, rigs: Unusable): Problem[] {
  if (rigs.missing || rigs.ids.has(HOUSE_RIG) || catalogue.rigs.some((r) => r.id === HOUSE_RIG)) return [];
  return [{
    file: displayPath(path.join(root, 'rigs', `${HOUSE_RIG}.yaml`)),
    path: [],
    expected: `the house rig "${HOUSE_RIG}": the site's home page and every report are built around it (HOUSE_RIG in src/site-config.ts)`,
    found: 'no such file',
    hint: `restore rigs/${HOUSE_RIG}.yaml (git checkout it), or change HOUSE_RIG in src/site-config.ts to another rig's id`,
  }];
}
