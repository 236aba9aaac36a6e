// npm run new:measurement: real llama-bench output published upstream in, a measurement
// file out. Fixtures (test/fixtures/llama-bench/README.md says where each comes from):
// - readme-rtx4080.json: the -o json example of llama.cpp's llama-bench README,
//   https://github.com/ggml-org/llama.cpp/blob/08d0baaca6745ecaec3a75cccf63b533646ead22/tools/llama-bench/README.md#json
// - readme-rtx4080.jsonl: the same objects, one per line, as -o jsonl prints them
// - cann-pr-12994.jsonl: an older schema (no n_depth, flash_attn a boolean),
//   https://github.com/ggml-org/llama.cpp/pull/12994
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Entry } from '../src/lib/data/catalogue.ts';
import type { RigData } from '../src/lib/schema/index.ts';
import { LlamaBenchError, parseLlamaBench, quantTypeOf, type BenchRecord } from '../src/lib/scaffold/from-llama-bench.ts';
import { backendOf, matchRig } from '../src/lib/scaffold/llama-bench-rig.ts';
import { removeTemp, repoRoot, runScript, tempDataCopy } from './support/temp-data.ts';

const fixture = (name: string) => path.join(repoRoot, 'test/fixtures/llama-bench', name);
const read = (name: string) => fs.readFileSync(fixture(name), 'utf8');
const temps: string[] = [];
afterEach(() => temps.splice(0).forEach(removeTemp));
function data(): string {
  const dir = tempDataCopy();
  temps.push(dir);
  return dir;
}

describe('parseLlamaBench', () => {
  it('reads -o json and -o jsonl alike: one record per result, the fields a row needs', () => {
    const json = parseLlamaBench(read('readme-rtx4080.json'), 'a.json');
    expect(parseLlamaBench(read('readme-rtx4080.jsonl'), 'a.jsonl')).toEqual(json);
    expect(json).toHaveLength(2);
    expect(json[0]).toMatchObject({ promptTokens: 512, generatedTokens: 0, depthTokens: 0, avgTokensPerSecond: 7100.002165, stddevTokensPerSecond: 140.34152, typeK: 'f16', flashAttention: 'auto', gpuLayers: -1, cpuMoeLayers: 0, buildCommit: '8cf427ff', buildNumber: 5163, gpuInfo: 'NVIDIA GeForce RTX 4080', backends: 'CUDA' });
    expect(json[1]).toMatchObject({ promptTokens: 0, generatedTokens: 128, avgTokensPerSecond: 118.881588 });
  });

  it('reads the older schema: no n_depth (depth 0), no n_cpu_moe, flash_attn a boolean', () => {
    const [r] = parseLlamaBench(read('cann-pr-12994.jsonl'), 'c.jsonl');
    expect(r).toMatchObject({ depthTokens: 0, cpuMoeLayers: null, flashAttention: false, gpuLayers: 32, backends: 'CANN' });
  });

  it.each([
    ['', 'found an empty file'],
    ['| model | size |\n| --- | --- |', 'that is the Markdown table: run llama-bench again with -o json'],
    ['[{"model_filename": "m.gguf"', 'does not parse'],
    ['[]', 'found an array of 0'],
    ['[1]', 'expected a llama-bench result object'],
    ['{"model_filename": "m.gguf", "model_type": "llama 8B Q4_0", "model_size": 1, "n_prompt": 0, "n_gen": 128}', 'expected `avg_ts` (a number) in every llama-bench result; found no such field'],
  ])('names the file, what was expected and what was found: %j', (text, message) => {
    expect(() => parseLlamaBench(text, 'in.json')).toThrow(LlamaBenchError);
    expect(() => parseLlamaBench(text, 'in.json')).toThrow(message);
    expect(() => parseLlamaBench(text, 'in.json')).toThrow(/^in\.json/);
  });
});

describe('matching', () => {
  it.each([
    ['qwen2 7B Q4_K - Medium', 'Q4_K_M'],
    ['llama 7B mostly Q4_0', 'Q4_0'],
    ['qwen2 1B F16', 'F16'],
    ['gpt-oss 20B MXFP4 MoE', 'MXFP4'],
    ['qwen3moe 30B.A3B Q3_K - Small', 'Q3_K_S'],
    ['llama 8B IQ2_XXS - 2.0625 bpw', 'IQ2_XXS'],
  ])('quant type of %s is %s', (modelType, type) => expect(quantTypeOf(modelType)).toBe(type));

  it.each([['CUDA', 'cuda'], ['Metal,BLAS', 'metal'], ['ROCm', 'rocm'], ['Vulkan', 'vulkan'], ['CPU', 'cpu'], ['BLAS', 'cpu'], ['CANN', 'cann']])('backend %s is %s', (b, id) => expect(backendOf(b)).toBe(id));

  const rig = (id: string, gpus: [string, number, string][], cpu?: string) =>
    ({ id, file: `${id}.yaml`, data: { gpus: gpus.map(([model, count, backend]) => ({ model, count, backend })), cpu: cpu ? { model: cpu } : undefined } }) as unknown as Entry<RigData>;
  const rigs = [
    rig('rtx4060ti', [['NVIDIA GeForce RTX 4060 Ti 16GB', 1, 'cuda']]),
    rig('rtx3090', [['NVIDIA GeForce RTX 3090', 1, 'cuda']]),
    rig('dual-3090', [['NVIDIA GeForce RTX 3090', 2, 'cuda']]),
    rig('m2-ultra', [['Apple M2 Ultra GPU', 1, 'metal']]),
    rig('epyc', [], 'AMD EPYC 9654'),
  ];
  const record = (gpuInfo: string, backends: string, cpuInfo = '') => ({ gpuInfo, backends, cpuInfo }) as BenchRecord;

  it.each([
    [record('NVIDIA GeForce RTX 4060 Ti', 'CUDA'), 'rtx4060ti'],
    [record('NVIDIA GeForce RTX 4060', 'CUDA'), null],
    [record('NVIDIA GeForce RTX 3090', 'CUDA'), 'rtx3090'],
    [record('NVIDIA GeForce RTX 3090, NVIDIA GeForce RTX 3090', 'CUDA'), 'dual-3090'],
    // The same card run on Vulkan: its CUDA rig, and the file says backend: vulkan (below).
    [record('NVIDIA GeForce RTX 3090', 'Vulkan'), 'rtx3090'],
    [record('Apple M2 Ultra', 'Metal,BLAS'), 'm2-ultra'],
    [record('', 'CPU', 'AMD EPYC 9654 96-Core Processor'), 'epyc'],
  ])('rig of %o is %s', (r, id) => expect(matchRig(r, rigs).id).toBe(id));

  it('a run on another backend than the rig\'s own says which, so its rows are predicted with that backend', () => {
    expect(matchRig(record('NVIDIA GeForce RTX 3090', 'Vulkan'), rigs).backend).toBe('vulkan');
    expect(matchRig(record('NVIDIA GeForce RTX 3090', 'CUDA'), rigs).backend).toBeUndefined();
  });
});

// A model and a rig the README's run matches, added to a copy of the fixture data.
const QWEN = `name: Qwen2.5 7B Instruct
vendor: Alibaba Qwen
released: 2024-09-19
licence: Apache-2.0
architecture: qwen2
parameters:
  total_billions: 7.62
attention:
  layers: 28
  hidden_size: 3584
  heads: 28
  groups:
    - kind: full
      layers: 28
      kv_heads: 4
      head_dim: 128
max_context_tokens: 32768
native:
  dtype: bf16
quants:
  - name: Q4_K_M
    format: gguf
    type: Q4_K_M
    size: 4.68 GB
    repo: https://huggingface.co/bartowski/Qwen2.5-7B-Instruct-GGUF
support:
  llama-cpp:
    - status: merged
      date: 2024-09-19
      link: https://github.com/ggml-org/llama.cpp/releases
sources:
  - https://huggingface.co/Qwen/Qwen2.5-7B-Instruct/blob/main/config.json
`;
const RTX4080 = `name: "Desktop: RTX 4080 + 64 GB DDR5"
gpus:
  - model: NVIDIA GeForce RTX 4080
    count: 1
    memory: 16 GiB
    bandwidth: 716.8 GB/s
    backend: cuda
unified_memory: false
system_ram:
  size: 64 GiB
  bandwidth: 96 GB/s
engines: [llama-cpp]
sources:
  - https://www.techpowerup.com/gpu-specs/geforce-rtx-4080.c3888
`;

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/^(\s*-?\s*)(\w+): "TODO:[^"]*"$/gm, (line, lead: string, key: string) => (key in values ? `${lead}${key}: ${values[key]}` : line));

describe('npm run new:measurement', () => {
  it('prints the measurement file for the README run (snapshot): rows, hardware, build, TODOs where nothing matched', async () => {
    const run = runScript('new-measurement.ts', ['--llama-bench', fixture('readme-rtx4080.json'), '--print'], { data: data() });
    expect(run.status, run.output).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot('./__snapshots__/llama-bench-readme-rtx4080.yaml');
  });

  it('writes the file, validate names every TODO, and filled in it validates', () => {
    const dir = data();
    const run = runScript('new-measurement.ts', ['--llama-bench', fixture('readme-rtx4080.jsonl')], { data: dir });
    expect(run.status, run.output).toBe(0);
    const written = /wrote (\S+\.yaml)/.exec(run.stdout)![1]!;
    expect(path.basename(written)).toBe('qwen2.5-7b-instruct-q4-k-m-nvidia-geforce-rtx-4080-2025-04-24.yaml');
    expect(run.stdout).toContain('no rig in data/rigs has NVIDIA GeForce RTX 4080 (CUDA)');
    const invalid = runScript('validate.ts', [], { data: dir });
    expect(invalid.status).not.toBe(0);
    for (const field of ['source', 'rows[0].model', 'rows[0].quant', 'rows[0].rig', 'rows[1].rig']) expect(invalid.output).toContain(`field:    ${field}\n`);
    // A stand-in pairing from the fixture data, only to show the filled file is valid.
    fs.writeFileSync(written, fill(fs.readFileSync(written, 'utf8'), { source: 'https://github.com/ggml-org/llama.cpp/blob/08d0baaca6745ecaec3a75cccf63b533646ead22/tools/llama-bench/README.md', model: 'llama-3.1-8b', quant: 'Q4_K_M', rig: 'homelab-rtx5090' }));
    const valid = runScript('validate.ts', [], { data: dir });
    expect(valid.status, valid.output).toBe(0);
  });

  it('matches the model, the file and the rig when the data has them: only the source is left', () => {
    const dir = data();
    fs.writeFileSync(path.join(dir, 'models/qwen2.5-7b-instruct.yaml'), QWEN);
    fs.writeFileSync(path.join(dir, 'rigs/rtx4080-desktop.yaml'), RTX4080);
    const run = runScript('new-measurement.ts', ['--llama-bench', fixture('readme-rtx4080.json')], { data: dir });
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toContain('1 value to fill in (marked "TODO: ..."): source');
    const written = /wrote (\S+\.yaml)/.exec(run.stdout)![1]!;
    expect(path.basename(written)).toBe('qwen2.5-7b-instruct-rtx4080-desktop-2025-04-24.yaml');
    const text = fs.readFileSync(written, 'utf8');
    expect(text).toContain('  - model: qwen2.5-7b-instruct\n    quant: Q4_K_M\n    rig: rtx4080-desktop\n    prefill_tokens_per_second: 7100\n');
    fs.writeFileSync(written, fill(text, { source: 'https://github.com/ggml-org/llama.cpp/blob/08d0baaca6745ecaec3a75cccf63b533646ead22/tools/llama-bench/README.md' }));
    const valid = runScript('validate.ts', [], { data: dir });
    expect(valid.status, valid.output).toBe(0);
    // Never over an existing file: a second import gets its own name.
    const again = runScript('new-measurement.ts', ['--llama-bench', fixture('readme-rtx4080.json')], { data: dir });
    expect(again.stdout).toContain('qwen2.5-7b-instruct-rtx4080-desktop-2025-04-24-2.yaml');
  });

  it.each([
    [['--llama-bench', 'README.md'], 'README.md:1: expected llama-bench output'],
    [['--llama-bench', 'no-such.json'], 'cannot read --llama-bench no-such.json'],
    [[], 'missing --llama-bench <file>'],
    [['--llama-bench', 'x.json', '--quant', 'Q4_K_M'], 'give --model <id> with it'],
    [['--llama-bench', 'test/fixtures/llama-bench/readme-rtx4080.json', '--rig', 'homelab-rtx509'], 'did you mean homelab-rtx5090'],
    [['--llama-bench', 'test/fixtures/llama-bench/readme-rtx4080.json', '--model', 'llama-3.1-8b', '--quant', 'Q5'], '--quant Q5: no such quant'],
  ])('bad input %j: a clear message, exit 2, no stack trace', (args, message) => {
    const run = runScript('new-measurement.ts', args, { data: data() });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
