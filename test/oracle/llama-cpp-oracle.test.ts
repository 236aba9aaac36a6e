// The engine's KV cache, recurrent state and compute buffer against what the real llama.cpp
// allocates for the same model shape: synthetic GGUFs of eight architectures, loaded by
// node-llama-cpp's prebuilt CPU llama.cpp (pinned in test/oracle/package.json) at several
// contexts, f16 and q8_0 KV, one slot (`-np 1`) and llama-server's default 4 unified slots.
// KV and state must equal llama.cpp's to its print precision (0.01 MiB a figure) and cell for
// cell; the compute buffer must be within 5 %. A mismatch is an engine bug (llama.cpp is right).
// Needs `bash test/oracle/install.sh`; without it the suite is skipped (CI installs it, and
// fails here if it is missing).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeBufferBytes } from '../../src/lib/fit/compute-buffer.ts';
import { cachedTokens, kvCacheBytes } from '../../src/lib/fit/kv-cache.ts';
import type { KvPrecision } from '../../src/lib/fit/types.ts';
import { MiB } from '../../src/lib/units.ts';
import { writeGguf } from '../support/gguf-writer.ts';
import { BINS, loadLlama } from './llama-ffi.ts';
import { parseAllocation, stateMib, type Allocation } from './llama-log.ts';
import { SYNTHETIC_MODELS, type Synthetic } from './synthetic-models.ts';

const here = path.dirname(new URL(import.meta.url).pathname);
const installed = fs.existsSync(path.join(here, 'node_modules/koffi')) && fs.existsSync(BINS);
const REASON = 'llama.cpp oracle skipped: test/oracle/node_modules is absent (run `bash test/oracle/install.sh` to check the engine against llama.cpp)';
if (!installed) console.warn(REASON);

const KV_TYPES: Record<KvPrecision, number> = { f16: 1, q8_0: 8, q4_0: 2 }; // ggml_type ids
const SETTINGS: { context: number; slots: number; kv: KvPrecision }[] = [];
for (const context of [512, 4096, 32768]) for (const slots of [1, 4]) for (const kv of ['f16', 'q8_0'] as const) SETTINGS.push({ context, slots, kv });
const rows: string[] = [];

/** The cells each cache holds, as the engine places the model's groups into llama.cpp's caches. */
function engineCells(s: Synthetic, context: number, slots: number): { cells: number; layers: number }[] {
  const caches = new Map<string, { cells: number; layers: number }>();
  for (const g of s.model.attention.groups) {
    if (g.kind === 'linear') continue;
    const key = g.kind === 'sliding' ? 'swa' : 'base';
    const c = caches.get(key) ?? { cells: 0, layers: 0 };
    caches.set(key, { cells: cachedTokens(g, context, slots), layers: c.layers + g.layers });
  }
  return [...caches.values()];
}

function check(s: Synthetic, a: Allocation, { context, slots, kv }: (typeof SETTINGS)[number]) {
  const groups = s.model.attention.groups;
  const engineState = kvCacheBytes(groups, context, kv, { sequences: slots });
  const figures = a.kv.length * 2 + a.recurrent.length * 2;
  const order = (x: { cells: number; layers: number }, y: { cells: number; layers: number }) => x.cells - y.cells || x.layers - y.layers;
  expect(a.kv.map(({ cells, layers }) => ({ cells, layers })).sort(order)).toEqual(engineCells(s, context, slots).sort(order));
  for (const r of a.recurrent) expect(r.cells).toBe(slots);
  expect(Math.abs(engineState / MiB - stateMib(a))).toBeLessThanOrEqual(0.005 * figures + 1e-9);
  const compute = computeBufferBytes(s.model, { contextTokens: context, sequences: slots, kvPrecision: kv, ...s.widths });
  const error = compute / (a.computeMib * MiB) - 1;
  rows.push(`${`${s.name} ${context} ${kv} np${slots}`.padEnd(26)} state ${(engineState / MiB).toFixed(2).padStart(8)} / ${stateMib(a).toFixed(2).padStart(8)} MiB   compute ${(compute / MiB).toFixed(2).padStart(7)} / ${a.computeMib.toFixed(2).padStart(7)} MiB ${(100 * error).toFixed(1).padStart(5)} %`);
  expect(Math.abs(error)).toBeLessThanOrEqual(0.05);
}

describe.skipIf(!installed)(installed ? 'llama.cpp allocates what the engine budgets' : REASON, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'three-walls-oracle-'));
  const started = Date.now();
  beforeAll(() => void loadLlama());
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    console.log(`engine / llama.cpp (${loadLlama().cpuVariant}), ${rows.length} cases in ${((Date.now() - started) / 1000).toFixed(1)} s\n${rows.join('\n')}`);
  });
  for (const make of SYNTHETIC_MODELS) {
    const s = make();
    it(`${s.name}: KV and state exactly, compute buffer within 5 %`, () => {
      const file = path.join(dir, `${s.name}.gguf`);
      writeGguf(file, s.metadata, s.tensors, { random: process.env.ORACLE_RANDOM_WEIGHTS === '1' });
      try {
        for (const setting of SETTINGS) {
          const lines = loadLlama().run(file, { nCtx: setting.context, nUbatch: 512, nSeqMax: setting.slots, kvUnified: true, flashAttention: true, kvType: KV_TYPES[setting.kv], nOutputsMax: setting.slots });
          check(s, parseAllocation(lines), setting);
        }
      } finally {
        fs.rmSync(file, { force: true });
      }
    });
  }
});

describe.runIf(!installed && !!process.env.CI)('llama.cpp oracle in CI', () => {
  it('is installed', () => expect.fail(REASON));
});
