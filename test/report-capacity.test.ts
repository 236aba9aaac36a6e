// The rig page's answer to the seed post's "What Actually Runs on a 32 GB GPU": the weights
// ceiling in VRAM at the planned context comes from the engine's own pools and KV model and
// lands in the post's 24-28 GB; all-in-VRAM sizes never exceed what runs with offload; and
// the CLI's --capacity --json carries the ceiling and the context it is for.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { capacity } from '../src/lib/fit/capacity.ts';
import { fitContextOf } from '../src/lib/fit/context.ts';
import { capacityAnswer } from '../src/lib/report/rig-capacity-text.ts';
import { repoCatalogue } from './support/catalogue.ts';

const catalogue = repoCatalogue();
const context = fitContextOf(catalogue);
const rig = catalogue.rigs.find((r) => r.id === 'homelab-rtx5090')!;
const result = capacity(rig, catalogue.models.map((m) => m.data), context, 10);

describe('capacity of the house rig (issue 15)', () => {
  it('gives a 32 GB card a weights ceiling inside the post\'s 24-28 GB', () => {
    expect(result.contextTokens).toBe(32_768);
    expect(result.weightsCeilingBytes).toBeGreaterThan(24e9);
    expect(result.weightsCeilingBytes).toBeLessThan(28e9);
  });

  it('never lists more all in VRAM than with offload allowed', () => {
    for (const d of result.dense) expect(d.maxParamsInVram).toBeLessThanOrEqual(d.maxParams);
    expect(result.moe.maxTotalParamsInVram).toBeLessThanOrEqual(result.moe.maxTotalParams);
  });

  it('says the ceiling in the post\'s words, with the unit rule (GiB, GB beside)', () => {
    expect(capacityAnswer(rig.data, [result])[0]).toMatch(/gives a model about [\d.]+ GiB \([\d.]+ GB\) of weights at a 32,768-token context, once the KV cache/);
  });

  it('npm run fit -- --capacity --json adds weightsCeilingBytes and contextTokens', () => {
    const out = execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../scripts/fit.ts'), '--rig', 'homelab-rtx5090', '--capacity', '--json'], { encoding: 'utf8' });
    const json = JSON.parse(out);
    expect(json.weightsCeilingBytes).toBe(result.weightsCeilingBytes);
    expect(Number.isInteger(json.weightsCeilingBytes)).toBe(true);
    expect(json.contextTokens).toBe(32_768);
  });
});
