// Build scaling: the real site over a synthetic catalogue, against plain Astro + MDX
// building the same number of trivial pages, measured alternately in one run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSyntheticData } from './synthetic-data.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const BASELINE = path.join(ROOT, 'bench/baseline');
const ASTRO = path.join(ROOT, 'node_modules/.bin/astro');

export interface BuildRun { seconds: number; pages: number; ogRendered: number }

function run(command: string, args: string[], env: Record<string, string>, cwd = ROOT): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return (performance.now() - start) / 1000;
}

const countFiles = (dir: string, suffix: string): number =>
  !fs.existsSync(dir) ? 0 : fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(suffix)).length;

/** The real build (validate + astro build) over a synthetic catalogue of `models` x `rigs`. */
export function buildSite(data: string, out: string, og: boolean, ogCache: string): BuildRun {
  const before = countFiles(ogCache, '.png');
  const env = { THREEWALLS_DATA: data, THREEWALLS_OG_CACHE: ogCache, ...(og ? {} : { THREEWALLS_SKIP_OG: '1' }) };
  const seconds = run(process.execPath, ['scripts/validate.ts', '--quiet'], env) + run(ASTRO, ['build', '--outDir', out], env);
  return { seconds, pages: countFiles(out, '.html'), ogRendered: countFiles(ogCache, '.png') - before };
}

/** Plain Astro + MDX: `pages` trivial pages. */
export function buildBaseline(pages: number, out: string): BuildRun {
  const dir = path.join(BASELINE, 'src/pages');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < pages; i++) fs.writeFileSync(path.join(dir, `page-${i}.mdx`), `---\ntitle: Page ${i}\n---\n\n# Page ${i}\n\nA trivial page, number ${i}, with a [link](/).\n`);
  const seconds = run(ASTRO, ['build', '--root', BASELINE, '--outDir', out], {});
  return { seconds, pages: countFiles(out, '.html'), ogRendered: 0 };
}

export function syntheticCatalogue(models: number, rigs: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tw-bench-${models}-`));
  writeSyntheticData(dir, models, rigs);
  return dir;
}
