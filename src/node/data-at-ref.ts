// The data folder as it was at a git ref, extracted into a temporary folder (read-only git:
// rev-parse, ls-tree and archive; nothing in the working tree or the index changes).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const git = (args: string[], cwd: string) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

export class RefError extends Error {}

/**
 * Extracts `dataRoot` (a folder inside a git work tree) as of `ref`. Returns the extracted
 * folder, or null when the folder did not exist at that ref; `cleanup` removes the copy.
 */
export function dataAtRef(ref: string, dataRoot: string): { root: string | null; cleanup: () => void } {
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], dataRoot);
  } catch {
    throw new RefError(`${dataRoot} is not inside a git repository, so there is no earlier version to compare with`);
  }
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top);
  } catch {
    throw new RefError(`"${ref}" is not a commit in this repository (for a branch on GitHub, fetch it first: git fetch origin ${ref.replace(/^origin\//, '')})`);
  }
  const relative = path.relative(top, fs.realpathSync(dataRoot)).split(path.sep).join('/');
  if (relative.startsWith('..')) throw new RefError(`${dataRoot} is outside the repository at ${top}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'threewalls-ref-'));
  const cleanup = () => fs.rmSync(tmp, { recursive: true, force: true });
  if (git(['ls-tree', '-d', ref, '--', relative], top) === '') return { root: null, cleanup };
  const tar = execFileSync('git', ['archive', '--format=tar', ref, '--', relative], { cwd: top, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  execFileSync('tar', ['-x', '-C', tmp], { input: tar, stdio: ['pipe', 'ignore', 'pipe'] });
  return { root: path.join(tmp, relative), cleanup };
}
