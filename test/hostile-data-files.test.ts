// A copy of data/ as an attacker would leave it: links out of the folder, pipes, devices,
// huge and binary files, alias bombs, invisible characters, a missing house rig. Every one is
// a named problem (file, field, expected, found), nothing outside data/ is read or printed,
// nothing hangs, nothing throws.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../src/node/data-files.ts';
import { readData } from '../src/node/read-data.ts';
import { removeTemp, runScript, tempDataCopy } from './support/temp-data.ts';

let data = '';
afterEach(() => data && removeTemp(data));

const SECRET = 'hunter2-do-not-print';
const problemsOf = (root: string) => readData(root).problems;
const foundFor = (root: string, file: string) => problemsOf(root).filter((p) => p.file.endsWith(file)).map((p) => p.found);

/** A secret file beside the data folder, as ../.git/config or ~/.ssh would be. */
function secretOutside(): string {
  const secret = path.join(path.dirname(data), 'secrets.txt');
  fs.writeFileSync(secret, `name: ${SECRET}\n`);
  return secret;
}

describe('files under data/', () => {
  it('refuses links (to a secret, /proc/self/environ, /dev/zero, nowhere) without reading them', () => {
    data = tempDataCopy();
    const models = path.join(data, 'models');
    fs.symlinkSync(secretOutside(), path.join(models, 'secret.yaml'));
    fs.symlinkSync('/proc/self/environ', path.join(models, 'environ.yaml'));
    fs.symlinkSync('/dev/zero', path.join(models, 'zero.yaml'));
    fs.symlinkSync('/nonexistent/target', path.join(models, 'dangling.yaml'));
    const run = runScript('validate.ts', [], { data });
    expect(run.status).toBe(1);
    for (const name of ['secret', 'environ', 'zero', 'dangling']) expect(run.stderr).toMatch(new RegExp(`models/${name}\\.yaml\\n[^]*?found: +a symbolic link`));
    expect(run.output).not.toContain(SECRET);
    expect(run.output).not.toMatch(/PATH=|\n\s+at |Error:/);
  });

  it('refuses a symlinked collection folder', () => {
    data = tempDataCopy();
    const outside = path.join(path.dirname(data), 'elsewhere');
    fs.renameSync(path.join(data, 'engines'), outside);
    fs.symlinkSync(outside, path.join(data, 'engines'));
    expect(foundFor(data, 'engines/')).toEqual(['a symbolic link (links are not followed)']);
  });

  it('refuses a pipe at once instead of waiting on it', () => {
    data = tempDataCopy();
    fs.mkdirSync(path.join(data, 'models', 'nested'));
    fs.mkdirSync(path.join(data, 'models', 'folder.yaml'));
    const fifo = path.join(data, 'models', 'pipe.yaml');
    const made = runScript('', [fifo], { command: 'mkfifo' });
    if (made.status !== 0) return; // no mkfifo on this system: nothing to try
    const run = runScript('validate.ts', [], { data });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/models\/pipe\.yaml\n[^]*?found: +a special file/);
  });

  it('names hidden files, nested folders, folders named *.yaml, .yml twins and odd ids instead of skipping them', () => {
    data = tempDataCopy();
    const models = path.join(data, 'models');
    fs.writeFileSync(path.join(models, '.DS_Store'), 'x');
    fs.mkdirSync(path.join(models, 'nested'));
    fs.mkdirSync(path.join(models, 'folder.yaml'));
    fs.copyFileSync(path.join(models, 'llama-3.1-8b.yaml'), path.join(models, 'llama-3.1-8b.yml'));
    fs.copyFileSync(path.join(models, 'llama-3.1-8b.yaml'), path.join(models, 'Llama_8B.yaml'));
    const { problems, catalogue } = readData(data);
    const found = Object.fromEntries(problems.map((p) => [path.basename(p.file), p.found]));
    expect(found['.DS_Store']).toMatch(/hidden/);
    expect(found['nested']).toMatch(/a folder/);
    expect(found['folder.yaml']).toMatch(/a folder/);
    expect(found['llama-3.1-8b.yml']).toMatch(/\.yml, beside "llama-3.1-8b.yaml" with the same id/);
    expect(found['Llama_8B.yaml']).toMatch(/file name/);
    expect(catalogue.models.filter((m) => m.id === 'llama-3.1-8b')).toHaveLength(1);
  });

  it('refuses a file over the size limit and says the limit', () => {
    data = tempDataCopy();
    fs.writeFileSync(path.join(data, 'models', 'huge.yaml'), `name: x\nnotes: "${'a'.repeat(MAX_FILE_BYTES)}"\n`);
    const [problem] = problemsOf(data).filter((p) => p.file.endsWith('huge.yaml'));
    expect(problem?.expected).toContain('at most 1 MiB');
  });

  it('says UTF-16 and binary files are not UTF-8 text', () => {
    data = tempDataCopy();
    const text = fs.readFileSync(path.join(data, 'models', 'llama-3.1-8b.yaml'), 'utf8');
    fs.writeFileSync(path.join(data, 'models', 'llama-3.1-8b.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    fs.writeFileSync(path.join(data, 'models', 'blob.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]));
    expect(foundFor(data, 'llama-3.1-8b.yaml')).toEqual(['text saved as UTF-16 (it starts with a UTF-16 byte-order mark)']);
    expect(foundFor(data, 'blob.yaml')[0]).toMatch(/^a binary file/);
  });
});

describe('values in data files', () => {
  const aliasBomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\n' + 'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]\n`).join('');

  it('stops an alias bomb before the schema walks it', () => {
    data = tempDataCopy();
    fs.writeFileSync(path.join(data, 'models', 'bomb.yaml'), aliasBomb);
    const started = Date.now();
    expect(foundFor(data, 'bomb.yaml')).toEqual(['more than that once YAML aliases (*name) are expanded']);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports more than 100 aliases plus another mistake as problems, not a crash', () => {
    data = tempDataCopy();
    fs.writeFileSync(path.join(data, 'models', 'aliases.yaml'), `a: &a x\n${Array.from({ length: 120 }, (_, i) => `k${i}: *a\n`).join('')}`);
    for (const [script, args] of [['validate.ts', []], ['fit.ts', ['llama-3.1-8b', '--rig', 'homelab-rtx5090']], ['diff-verdicts.ts', ['HEAD']]] as const) {
      const run = runScript(script, [...args], { data });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('models/aliases.yaml');
      expect(run.output).not.toMatch(/ReferenceError|\n\s+at /);
    }
  });

  it('refuses a NUL byte or a direction override in a string', () => {
    data = tempDataCopy();
    const file = path.join(data, 'models', 'llama-3.1-8b.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^name: .*$/m, 'name: "Llama\\0 3.1"').replace(/^vendor: .*$/m, 'vendor: "Meta\u202E"'));
    const problems = problemsOf(data).filter((p) => p.file.endsWith('llama-3.1-8b.yaml'));
    expect(problems.map((p) => [p.path.join('.'), p.found])).toEqual([
      ['name', 'the invisible character U+0000 at position 6'],
      ['vendor', 'the invisible character U+202E at position 5'],
    ]);
  });

  it('refuses a list past its limit', () => {
    data = tempDataCopy();
    const quants = Array.from({ length: 1001 }, (_, i) => `  - { name: Q${i}, format: gguf, type: Q4_K_M }`).join('\n');
    const file = path.join(data, 'models', 'llama-3.1-8b.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^quants:\n(?: .*\n)+/m, `quants:\n${quants}\n`));
    const [problem] = problemsOf(data).filter((p) => p.file.endsWith('llama-3.1-8b.yaml'));
    expect(problem).toMatchObject({ path: ['quants'], expected: 'a list of at most 1,000 items', found: 'a list of 1,001 items' });
  });

  it('says the house rig is missing before the build needs it', () => {
    data = tempDataCopy();
    fs.renameSync(path.join(data, 'rigs', 'homelab-rtx5090.yaml'), path.join(data, 'rigs', 'my-rig.yaml'));
    const problem = problemsOf(data).find((p) => p.file.endsWith('rigs/homelab-rtx5090.yaml'));
    expect(problem).toMatchObject({ found: 'no such file' });
    expect(problem?.expected).toContain('house rig');
  });
});

describe('one root cause, one problem', () => {
  it('reports a broken engine file once, not once per file that names it', () => {
    data = tempDataCopy();
    const file = path.join(data, 'engines', 'llama-cpp.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^name:/m, 'nmae:'));
    const problems = problemsOf(data);
    expect(problems.map((p) => p.file)).toEqual([expect.stringMatching(/engines\/llama-cpp\.yaml$/)]);
  });

  it('says a missing collection folder in one line', () => {
    data = tempDataCopy();
    fs.rmSync(path.join(data, 'engines'), { recursive: true });
    const problems = problemsOf(data);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: expect.stringMatching(/engines\/$/), found: 'no such folder' });
  });

  it('reads no data folder at all as one problem', () => {
    expect(problemsOf(path.join(os.tmpdir(), 'threewalls-no-such-folder'))).toHaveLength(1);
  });
});
