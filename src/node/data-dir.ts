// Where the data lives: THREEWALLS_DATA (a folder laid out like data/), else ./data.
import path from 'node:path';

export function dataDir(cwd = process.cwd()): string {
  return path.resolve(cwd, process.env.THREEWALLS_DATA || 'data');
}

/** A path as a contributor would type it: relative to the working directory when inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
}
