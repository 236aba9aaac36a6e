// `astro dev` never exits on bad data: the integration lists the problems (file, line, field)
// and keeps serving, while `astro build` still refuses to build anything from them.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import fitReports from '../src/integrations/fit-reports.ts';
import { removeTemp, tempDataCopy } from './support/temp-data.ts';

let data = '';
afterEach(() => {
  delete process.env.THREEWALLS_DATA;
  if (data) removeTemp(data);
});

function setup(command: 'dev' | 'build') {
  const said: string[] = [];
  const logger = { info: (m: string) => said.push(m), warn: (m: string) => said.push(m), error: (m: string) => said.push(m) };
  const root = new URL(`file://${path.dirname(data)}/`);
  const hook = fitReports().hooks['astro:config:setup'] as unknown as (o: object) => void;
  const run = () => hook({ command, config: { root }, logger });
  return { run, said };
}

function breakData(): void {
  data = tempDataCopy();
  process.env.THREEWALLS_DATA = data;
  // More than 100 aliases plus a mistake: once a stack trace that took `astro dev` down.
  fs.writeFileSync(path.join(data, 'models', 'aliases.yaml'), `a: &a x\n${Array.from({ length: 120 }, (_, i) => `k${i}: *a\n`).join('')}`);
  fs.symlinkSync('/proc/self/environ', path.join(data, 'models', 'environ.yaml'));
}

describe('the dev server on bad data', () => {
  it('keeps running and points at the YAML', () => {
    breakData();
    const { run, said } = setup('dev');
    expect(run).not.toThrow();
    const log = said.join('\n');
    expect(log).toMatch(/models\/aliases\.yaml:1\n {2}field: {4}a/);
    expect(log).toMatch(/models\/environ\.yaml\n[^]*?a symbolic link/);
    expect(log).toContain('the dev server keeps running');
  });

  it('still refuses to build', () => {
    breakData();
    expect(setup('build').run).toThrow(/Nothing was built/);
  });
});

describe('a page asked for in astro dev while the data is bad', () => {
  it('throws an error that names the YAML and its line (the overlay\'s code frame), with no code stack', async () => {
    breakData();
    const { siteData } = await import('../src/node/site-data.ts');
    let thrown: (Error & { loc?: { file: string; line: number } }) | undefined;
    try {
      siteData();
    } catch (error) {
      thrown = error as typeof thrown;
    }
    expect(thrown?.name).toBe('DataError');
    expect(path.resolve(thrown!.loc!.file)).toMatch(/models\/(aliases|environ)\.yaml$/);
    expect(thrown!.stack).not.toMatch(/\n\s+at /);
  });
});
