// npm run diff-verdicts: which model x rig verdicts a data change moves.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffVerdicts, verdictDiffMarkdown, verdictRows, type VerdictRow } from '../src/lib/verdict-diff.ts';
import { readData } from '../src/node/read-data.ts';
import { fixtureData, runScript } from './support/temp-data.ts';

const row = (over: Partial<VerdictRow>): VerdictRow => ({
  model: 'qwen3.5-35b-a3b', rig: 'homelab-rtx5090', modelName: 'Qwen3.5 35B-A3B', rigName: 'Homelab: RTX 5090 | 64 GB',
  verdict: 'runs', pick: 'UD-Q4_K_XL', decodeTokensPerSecond: 200, ...over,
});

describe('diffVerdicts', () => {
  it('reports verdict, pick and speed changes, and pairs that appear or disappear', () => {
    const before = [row({}), row({ rig: 'a' }), row({ rig: 'b' }), row({ rig: 'c' }), row({ rig: 'gone' })];
    const after = [
      row({}), // unchanged
      row({ rig: 'a', decodeTokensPerSecond: 201 }), // +0.5%: noise
      row({ rig: 'b', decodeTokensPerSecond: 204 }), // +2%
      row({ rig: 'c', verdict: 'not-ready', pick: null, decodeTokensPerSecond: null }),
      row({ rig: 'new' }),
    ];
    expect(diffVerdicts(before, after).map((c) => [(c.after ?? c.before)!.rig, c.changed])).toEqual([
      ['b', ['speed']],
      ['c', ['verdict', 'pick', 'speed']],
      ['gone', ['removed']],
      ['new', ['added']],
    ]);
  });

  it('nothing changed: no rows and no text', () => {
    const rows = [row({}), row({ rig: 'x' })];
    expect(diffVerdicts(rows, structuredClone(rows))).toEqual([]);
    expect(verdictDiffMarkdown([], { against: 'HEAD', asOf: '2026-05-07', pairs: 2 })).toBe('');
  });

  it('renders a Markdown table, bolding what moved and escaping pipes', () => {
    const changes = diffVerdicts([row({}), row({ rig: 'old' })], [row({ verdict: 'runs-slowly', decodeTokensPerSecond: 12.34 }), row({ model: 'zaya1-8b', modelName: 'ZAYA1-8B' })]);
    expect(verdictDiffMarkdown(changes, { against: 'origin/main', asOf: '2026-05-07', pairs: 3 })).toMatchInlineSnapshot(`
      "### Verdicts this change moves

      Against \`origin/main\`, both evaluated as of 2026-05-07: 3 of 3 model × rig pairs changed (speed: predicted decode of the pick, moved by more than 1%).

      | Model | Rig | Verdict | Pick | Decode (tok/s) |
      |---|---|---|---|---|
      | Qwen3.5 35B-A3B | Homelab: RTX 5090 \\| 64 GB | **runs → runs slowly** | UD-Q4_K_XL | **200 → 12.3** |
      | Qwen3.5 35B-A3B (removed) | Homelab: RTX 5090 \\| 64 GB | **runs → —** | **UD-Q4_K_XL → —** | **200 → —** |
      | ZAYA1-8B (new) | Homelab: RTX 5090 \\| 64 GB | **— → runs** | **— → UD-Q4_K_XL** | **— → 200** |
      "
    `);
  });

  it('covers every model on every rig of a catalogue', () => {
    const { catalogue } = readData(fixtureData);
    const rows = verdictRows(catalogue, '2026-05-07');
    expect(rows).toHaveLength(catalogue.models.length * catalogue.rigs.length);
    const daily = rows.find((r) => r.model === 'qwen3.5-35b-a3b' && r.rig === 'homelab-rtx5090');
    expect(daily).toMatchObject({ verdict: 'runs', pick: expect.any(String), decodeTokensPerSecond: expect.any(Number) });
  });
});

describe('npm run diff-verdicts -- <git-ref>, in a repository of its own', () => {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'threewalls-repo-'));
  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
  fs.cpSync(fixtureData, path.join(repo, 'data'), { recursive: true });
  git('init', '-q');
  git('add', 'data');
  git('commit', '-q', '-m', 'fixture data');

  it('prints nothing and exits 0 when the data is unchanged', () => {
    const run = runScript('diff-verdicts.ts', ['HEAD'], { cwd: repo });
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toBe('');
  });

  it('shows the verdicts a support change moves', () => {
    const file = path.join(repo, 'data/models/llama-3.1-8b.yaml');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace(/ {4}- status: merged\n {6}date: 2024-07-23/, '    - status: none\n      date: 2024-07-23'));
    const run = runScript('diff-verdicts.ts', ['HEAD'], { cwd: repo });
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toContain('| Model | Rig | Verdict | Pick | Decode (tok/s) |');
    const rows = run.stdout.split('\n').filter((l) => l.startsWith('| Llama 3.1 8B Instruct'));
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r).toMatch(/\*\*runs → not ready\*\*/);
  });

  it('says what to do with a ref it does not know', () => {
    const run = runScript('diff-verdicts.ts', ['origin/no-such-branch'], { cwd: repo });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('git fetch origin no-such-branch');
  });
});
