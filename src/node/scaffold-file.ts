// Shared by npm run new:model and new:rig: checks the id, finds the engines, and writes a
// new data file without ever replacing one.
import fs from 'node:fs';
import path from 'node:path';
import { findTodos } from '../lib/data/todo.ts';
import { parse } from 'yaml';
import { displayPath } from './data-dir.ts';

const ID = /^[a-z0-9][a-z0-9.-]*$/;

export function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

/** The id as a file name wants it, or exit with what a good one looks like. */
export function checkId(id: string | undefined, kind: 'model' | 'rig', usage: string): string {
  if (!id) fail(`missing the ${kind} id.\n${usage}`, 2);
  if (ID.test(id)) return id;
  const suggestion = id.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[^a-z0-9]+|-+$/g, '');
  fail(`"${id}" cannot be an id: ids use lowercase letters, digits, dots and dashes (the file name and the URL)${ID.test(suggestion) ? `; try "${suggestion}"` : ''}.`, 2);
}

export function engineIds(root: string): string[] {
  const dir = path.join(root, 'engines');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => f.replace(/\.ya?ml$/, '')).sort();
}

/** Writes `text` to <root>/<collection>/<id>.yaml unless a file is already there; returns its display path. */
export function writeNew(root: string, collection: 'models' | 'rigs', id: string, text: string): string {
  const file = path.join(root, collection, `${id}.yaml`);
  const shown = displayPath(file);
  if (fs.existsSync(file) || fs.existsSync(file.replace(/\.yaml$/, '.yml')))
    fail(`${shown} already exists, and new:${collection === 'models' ? 'model' : 'rig'} never overwrites: edit that file, or pick another id.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { flag: 'wx' });
  return shown;
}

/** "3 values to fill in: name, vendor, released". */
export function todoSummary(text: string): string {
  const todos = findTodos(parse(text));
  if (todos.length === 0) return 'nothing left to fill in';
  const fields = todos.map((t) => t.path.filter((p) => typeof p === 'string').join('.'));
  return `${todos.length} value${todos.length === 1 ? '' : 's'} to fill in (marked "TODO: ..."): ${fields.join(', ')}`;
}
