// Reads data/ (or THREEWALLS_DATA) from disk: YAML -> zod -> cross-checks.
// Every problem in every file is collected; nothing throws for a data mistake.
import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, type Document } from 'yaml';
import type { z } from 'zod';
import type { Catalogue, Entry } from '../lib/data/catalogue.ts';
import { sortEntries } from '../lib/data/catalogue.ts';
import { crossCheck } from '../lib/data/cross-check.ts';
import { sortProblems, describeFound, type Problem } from '../lib/data/problem.ts';
import { issueToProblems, knownKeys } from '../lib/data/zod-problems.ts';
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

/** Parses one YAML text against one collection's schema. Pure apart from its inputs. */
export function parseDataFile(name: CollectionName, file: string, text: string): { data?: unknown; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => ({
        file,
        path: [],
        line: error.linePos?.[0]?.line,
        expected: 'valid YAML',
        found: `a YAML syntax error: ${error.message.split('\n')[0]}`,
        hint: 'check indentation and quoting on that line; values with ": " or "#" need quotes',
      })),
    };
  }
  const raw: unknown = doc.toJS();
  if (!isMap(doc.contents)) {
    return { problems: [{ file, path: [], line: 1, expected: `a mapping of fields (see schemas/${name}.schema.json)`, found: raw === null || raw === undefined ? 'an empty document' : describeFound(raw) }] };
  }
  const result = (schemas[name] as z.ZodType).safeParse(raw, { reportInput: true });
  if (result.success) return { data: result.data, problems: [] };
  const problems = result.error.issues.flatMap((issue) => issueToProblems(issue, file, raw, keysFor(name)));
  return { problems: problems.map((p) => ({ ...p, line: p.line ?? lineOf(doc, lineCounter, p.path) })) };
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

export function readData(root = dataDir()): ReadResult {
  const problems: Problem[] = [];
  const catalogue = { models: [], rigs: [], engines: [], measurements: [] } as unknown as Record<CollectionName, Entry<unknown>[]>;
  let files = 0;
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
      const parsed = parseDataFile(name, file, fs.readFileSync(full, 'utf8'));
      problems.push(...parsed.problems);
      if (parsed.data !== undefined) catalogue[name].push({ id, file, data: parsed.data });
    }
  }
  const sorted = Object.fromEntries(COLLECTIONS.map((n) => [n, sortEntries(catalogue[n])])) as unknown as Catalogue;
  problems.push(...crossCheck(sorted));
  return { catalogue: sorted, problems: sortProblems(problems), files };
}
