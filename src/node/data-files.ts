// Which files under data/ are read, and how: regular <id>.yaml files directly in each
// collection folder, nothing else. A copy of data/ can hold anything (links to /proc or
// ../.git/config, pipes, devices, folders named x.yaml, x.yml beside x.yaml), so each
// entry is looked at without following it, and anything else is a named problem: never
// skipped in silence, never read, and nothing outside data/ is ever printed.
import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../lib/data/problem.ts';
import { displayPath } from './data-dir.ts';

/** Data files are a few KB; a MiB is generous and keeps a hostile file from filling memory. */
export const MAX_FILE_BYTES = 1024 * 1024;
const ID_RE = /^[a-z0-9][a-z0-9.-]*$/;
const ONLY = 'only regular <id>.yaml files directly in this folder, e.g. "qwen3.5-35b-a3b.yaml"';

export interface DataFileRef {
  id: string;
  full: string;
  /** As the contributor sees it. */
  file: string;
}

export interface Listing {
  files: DataFileRef[];
  problems: Problem[];
  /** Ids of entries that exist but are refused: references to them are not reported again. */
  refused: Set<string>;
  /** The folder itself is missing or unreadable. */
  missing: boolean;
}

const quoted = (name: string) => JSON.stringify(name);

/** The entries of one collection folder, sorted, each accepted or refused with its reason. */
export function listCollection(root: string, name: string): Listing {
  const dir = path.join(root, name);
  const listing: Listing = { files: [], problems: [], refused: new Set(), missing: false };
  const folderProblem = (found: string, hint: string) => {
    listing.missing = true;
    listing.problems.push({ file: `${displayPath(dir)}/`, path: [], expected: `a folder of ${name.replace(/s$/, '')} files (${ONLY})`, found, hint });
    return listing;
  };
  let entries: fs.Dirent[];
  try {
    const stat = fs.lstatSync(dir);
    if (stat.isSymbolicLink()) return folderProblem('a symbolic link (links are not followed)', `make ${name}/ a real folder inside the data folder`);
    if (!stat.isDirectory()) return folderProblem('a file, not a folder', `move it away and create the folder ${name}/`);
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return folderProblem(code === 'ENOENT' ? 'no such folder' : `a folder that cannot be read (${code})`, code === 'ENOENT' ? `create ${displayPath(dir)}/ (every data folder has models/, rigs/, engines/ and measurements/)` : 'check its permissions');
  }
  const names = new Set(entries.map((e) => e.name));
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, entry.name);
    const refuse = (found: string, hint: string) => {
      listing.problems.push({ file: displayPath(full), path: [], expected: ONLY, found, hint });
      listing.refused.add(entry.name.replace(/\.ya?ml$/, ''));
    };
    if (entry.isSymbolicLink()) refuse('a symbolic link (links are never followed, so nothing outside the data folder is read)', 'replace the link with the file itself');
    else if (entry.name.startsWith('.')) refuse(`a hidden entry named ${quoted(entry.name)}`, 'delete it or move it out of the data folder (editors\' and systems\' files do not belong here)');
    else if (entry.isDirectory()) refuse(`a folder named ${quoted(entry.name)}`, 'data files sit directly in the collection folder: move its files up, or remove it');
    else if (!entry.isFile()) refuse('a special file (a pipe, socket or device), not a regular file', 'remove it');
    else if (entry.name.endsWith('.yml')) {
      const twin = names.has(entry.name.replace(/\.yml$/, '.yaml'));
      refuse(`a file ending in .yml${twin ? `, beside ${quoted(entry.name.replace(/\.yml$/, '.yaml'))} with the same id` : ''}`, twin ? 'one file per id: merge the two into the .yaml file' : `rename it to ${entry.name.replace(/\.yml$/, '.yaml')}`);
    } else if (!entry.name.endsWith('.yaml')) refuse(`a file named ${quoted(entry.name)}`, 'rename it to <id>.yaml or move it out of data/');
    else if (!ID_RE.test(entry.name.slice(0, -5))) refuse(`the file name ${quoted(entry.name)}`, 'the file name is the id other files and URLs use: lowercase letters, digits, dots and dashes, starting with a letter or digit, e.g. "qwen3.5-35b-a3b.yaml"');
    else listing.files.push({ id: entry.name.slice(0, -5), full, file: displayPath(full) });
  }
  return listing;
}

/**
 * The bytes of one listed file, opened without following links and without blocking (a
 * file swapped for a pipe or link after listing is refused, not waited on), at most
 * MAX_FILE_BYTES of them.
 */
export function readFileBytes(ref: DataFileRef): { bytes?: Buffer; problem?: Problem } {
  const problem = (found: string, hint: string) => ({ problem: { file: ref.file, path: [], expected: `a regular YAML file of at most 1 MiB (${MAX_FILE_BYTES.toLocaleString('en-US')} bytes)`, found, hint } });
  let fd: number | undefined;
  try {
    fd = fs.openSync(ref.full, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return problem('something other than a regular file', 'replace it with the file itself');
    if (stat.size > MAX_FILE_BYTES) return problem(`a file of ${stat.size.toLocaleString('en-US')} bytes`, 'a data file describes one thing in a few KB: split it, or remove what does not belong');
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = fs.readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: bytes.subarray(0, read) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return problem('a symbolic link (links are never followed)', 'replace the link with the file itself');
    return problem(`a file that cannot be read (${code ?? 'error'})`, code === 'EACCES' ? 'check its permissions' : 'check the file, then run npm run validate again');
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
