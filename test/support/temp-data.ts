// Temporary copies of the fixture data, and the repository's scripts run against them the
// way a contributor runs them (a new process, THREEWALLS_DATA pointing at the copy).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const fixtureData = path.join(repoRoot, 'test/fixtures/data');

/** A fresh temporary folder laid out like data/, holding a copy of test/fixtures/data. */
export function tempDataCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threewalls-test-'));
  const data = path.join(dir, 'data');
  fs.cpSync(fixtureData, data, { recursive: true });
  return data;
}

export function removeTemp(dataDir: string): void {
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

/** Runs `node scripts/<script>` (or any command) with THREEWALLS_DATA set. */
export function runScript(script: string, args: string[], options: { data?: string; cwd?: string; command?: string } = {}): Run {
  const command = options.command ?? process.execPath;
  const argv = options.command ? args : [path.join(repoRoot, 'scripts', script), ...args];
  const env: NodeJS.ProcessEnv = { ...process.env, ...(options.data ? { THREEWALLS_DATA: options.data } : {}) };
  delete env.CI;
  const result = spawnSync(command, argv, { cwd: options.cwd ?? repoRoot, env, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}${result.stderr}` };
}
