// npm run new:model / new:rig: what a real config.json and a (generated) GGUF file fill in,
// that the rest is left as TODOs validate names, and that nothing is ever overwritten.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { findTodos } from '../src/lib/data/todo.ts';
import { modelSchema } from '../src/lib/schema/index.ts';
import { factsFromHfConfig, type ConfigFacts } from '../src/lib/scaffold/from-hf-config.ts';
import { groupShards, quantFromGguf } from '../src/lib/scaffold/from-gguf.ts';
import { fileSize, renderModelYaml, renderRigYaml } from '../src/lib/scaffold/yaml-template.ts';
import { parseDataFile } from '../src/node/read-data.ts';
import { readGgufHeader } from '../src/node/read-gguf.ts';
import { ggufTensorBytes, tinyMoeGguf, writeGguf } from './support/gguf-writer.ts';
import { removeTemp, repoRoot, runScript, tempDataCopy } from './support/temp-data.ts';

const configDir = path.join(repoRoot, 'test/fixtures/configs');
const config = (name: string) => JSON.parse(fs.readFileSync(path.join(configDir, `${name}.config.json`), 'utf8')) as Record<string, unknown>;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'threewalls-gguf-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('factsFromHfConfig reads real config.json files', () => {
  it.each<[string, Partial<ConfigFacts>]>([
    // Dense GQA; no head_dim key, so hidden_size / heads.
    ['llama-3.1-8b', { architecture: 'llama', hfArchitecture: 'LlamaForCausalLM', layers: 32, groups: [{ kind: 'full', layers: 32, kv_heads: 8, head_dim: 128, note: 'head_dim = hidden_size / num_attention_heads (config.json has no head_dim)' }], maxContextTokens: 131072, vocabSize: 128256, dtype: 'bf16', moe: undefined }],
    // MoE via num_experts, no shared expert.
    ['qwen3-30b-a3b', { architecture: 'qwen3_moe', layers: 48, groups: [{ kind: 'full', layers: 48, kv_heads: 4, head_dim: 128 }], moe: { experts: 128, sharedExperts: undefined, expertsPerToken: 8 }, maxContextTokens: 40960 }],
    // MLA latent in every layer; n_routed_experts; FP8 release; MTP layer not counted.
    ['deepseek-v3', { architecture: 'deepseek_v3', layers: 61, groups: [{ kind: 'mla', layers: 61, kv_lora_rank: 512, rope_head_dim: 64 }], moe: { experts: 256, sharedExperts: 1, expertsPerToken: 8 }, maxContextTokens: 163840, dtype: 'fp8' }],
    // Nested text_config; the 5:1 sliding pattern and the context are transformers' defaults.
    ['gemma-3-27b-it', { architecture: 'gemma3', hfArchitecture: 'Gemma3ForConditionalGeneration', layers: 62, groups: [{ kind: 'sliding', layers: 52, window: 1024, kv_heads: 16, head_dim: 128 }, { kind: 'full', layers: 10, kv_heads: 16, head_dim: 128 }], maxContextTokens: 131072 }],
    // layer_types: 3 Gated DeltaNet layers per full-attention layer; one shared expert.
    ['qwen3.5-397b-a17b', { architecture: 'qwen3_5_moe', layers: 60, groups: [{ kind: 'linear', layers: 45, state_heads: 64, state_key_dim: 128, state_value_dim: 128, conv_kernel: 4, conv_channels: 12288, note: 'Gated DeltaNet state: linear_num_value_heads x linear_key_head_dim x linear_value_head_dim per layer' }, { kind: 'full', layers: 15, kv_heads: 2, head_dim: 256 }], moe: { experts: 512, sharedExperts: 1, expertsPerToken: 10 }, maxContextTokens: 262144, dtype: 'bf16' }],
    // sliding_window: null inside text_config: full attention everywhere.
    ['mistral-small-3.1-24b', { architecture: 'mistral3', layers: 40, groups: [{ kind: 'full', layers: 40, kv_heads: 8, head_dim: 128 }], maxContextTokens: 131072 }],
  ])('%s', (name, expected) => {
    expect(factsFromHfConfig(config(name))).toMatchObject(expected);
  });

  it('notes where a value is a default rather than in the file', () => {
    expect(factsFromHfConfig(config('gemma-3-27b-it')).notes.attention).toContain('sliding_window_pattern 6');
    expect(factsFromHfConfig(config('gemma-3-27b-it')).notes.attention).toContain("transformers' defaults");
  });

  it('an empty config gives no facts rather than guesses', () => {
    expect(factsFromHfConfig({})).toEqual({ architecture: undefined, hfArchitecture: undefined, layers: undefined, hiddenSize: undefined, heads: undefined, groups: [], moe: undefined, vocabSize: undefined, tiedEmbeddings: undefined, maxContextTokens: undefined, dtype: undefined, notes: {} });
  });
});

describe('GGUF headers, read by @huggingface/gguf', () => {
  it('give the quant type, exact tensor bytes, parameters and experts', async () => {
    const file = path.join(tmp, 'Tiny-MoE-UD-Q4_K_XL.gguf');
    const { parameters, tensorBytes } = tinyMoeGguf(file);
    const quant = quantFromGguf([await readGgufHeader(file)]);
    expect(quant).toEqual({
      files: ['Tiny-MoE-UD-Q4_K_XL.gguf'],
      name: 'UD-Q4_K_XL',
      type: 'Q4_K_M',
      typeFrom: 'general.file_type',
      tensorBytes,
      parameters,
      expertParameters: 2 * 256 * 2 * 4,
      // Q4_K gate (8 blocks of 144 B) and Q6_K down (8 blocks of 210 B): tensor_sizes.experts.
      expertBytes: 1152 + 1680,
      // No output.weight: llama.cpp reuses the token embedding, so the file is tied.
      tiedEmbeddings: true,
      vocabSize: undefined,
      denseLeadingLayers: undefined,
      experts: 4,
      expertsPerToken: 2,
      ggufArchitecture: 'qwen3moe',
      unknownTypes: [],
    });
    expect(tensorBytes).toBe(1024 + 576 + 1152 + 1680 + 256); // F16 512 el., Q4_K 4 and 8 blocks, Q6_K 8 blocks, F32 64 el.
  });

  it('sum the parts of a split file as one quant, and fall back to the tensor types without general.file_type', async () => {
    const tensors = [{ name: 'blk.0.attn_q.weight', type: 8 as const, dims: [64, 4] }];
    const parts = ['Model-Q8_0-00001-of-00002.gguf', 'Model-Q8_0-00002-of-00002.gguf'].map((name) => path.join(tmp, name));
    for (const part of parts) writeGguf(part, { 'general.architecture': { type: 'string', value: 'llama' } }, tensors);
    const headers = await Promise.all([...parts].reverse().map(readGgufHeader));
    const groups = groupShards(headers);
    expect(groups).toHaveLength(1);
    const quant = quantFromGguf(groups[0]!);
    expect(quant).toMatchObject({ files: ['Model-Q8_0-00001-of-00002.gguf', 'Model-Q8_0-00002-of-00002.gguf'], name: 'Q8_0', type: 'Q8_0', typeFrom: 'tensor types', tensorBytes: 2 * ggufTensorBytes(tensors[0]!), parameters: 512 });
  });

  it('file sizes are written in the units validate accepts', () => {
    expect([fileSize(4_920_734_720), fileSize(131_000_000_000), fileSize(12_345_678), fileSize(4688)]).toEqual(['4.92 GB', '131.0 GB', '12.3 MB', '4688 B']);
  });
});

describe('the model template', () => {
  const engines = ['llama-cpp', 'mlx'];
  const required = Object.entries(modelSchema.shape).filter(([, s]) => !s.safeParse(undefined).success).map(([k]) => k);

  it.each(['llama-3.1-8b', 'deepseek-v3', 'qwen3.5-397b-a17b'])('from %s: schema line first, every required field, only TODOs fail', (name) => {
    const text = renderModelYaml({ slug: name, facts: factsFromHfConfig(config(name)), quants: [], engines, from: ['config.json'] });
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/models.schema.json');
    const doc = parse(text) as Record<string, unknown>;
    for (const key of required) expect(doc, key).toHaveProperty(key);
    const { problems } = parseDataFile('models', `data/models/${name}.yaml`, text);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p.hint, JSON.stringify(p)).toMatch(/^replace the TODO with /);
    expect(problems.map((p) => p.path.join('.')).sort()).toEqual(findTodos(doc).map((t) => t.path.join('.')).sort());
  });

  it('without a config.json, attention and architecture are TODOs too, and the file still parses as YAML', () => {
    const text = renderModelYaml({ slug: 'x', quants: [], engines, from: [] });
    const todos = findTodos(parse(text)).map((t) => t.path.join('.'));
    expect(todos).toEqual(expect.arrayContaining(['architecture', 'attention.layers', 'attention.groups.0.layers', 'attention.groups.0.kv_heads', 'parameters.total_billions', 'max_context_tokens', 'native.dtype']));
  });
});

/** Fills every TODO in a scaffolded file with a value of the right form. */
function fillTodos(text: string): string {
  const byField: [RegExp, string][] = [
    [/^(\s*)name: "TODO:.*$/m, '$1name: Qwen3 30B-A3B'],
    [/^(\s*)vendor: "TODO:.*$/m, '$1vendor: Alibaba Qwen'],
    [/^(\s*)released: "TODO:.*$/m, '$1released: 2025-04-29'],
    [/^(\s*)licence: "TODO:.*$/m, '$1licence: Apache-2.0'],
    [/^(\s*)repo: "TODO:.*$/gm, '$1repo: https://huggingface.co/unsloth/Qwen3-30B-A3B-GGUF'],
    [/^(\s*)- status: "TODO:.*$/m, '$1- status: merged'],
    [/^(\s*)date: "TODO:.*$/m, '$1date: 2025-04-29'],
    [/^(\s*)link: "TODO:.*$/m, '$1link: https://github.com/ggml-org/llama.cpp/pull/12345'],
    [/^(\s*)- "TODO:.*$/m, '$1- https://huggingface.co/Qwen/Qwen3-30B-A3B'],
  ];
  return byField.reduce((t, [re, to]) => t.replace(re, to), text);
}

describe('npm run new:model and new:rig, as a contributor runs them', () => {
  const data = tempDataCopy();
  afterAll(() => removeTemp(data));
  const gguf = path.join(tmp, 'Qwen3-30B-A3B-UD-Q4_K_XL.gguf');
  tinyMoeGguf(gguf);

  it('scaffolds from config.json and a GGUF file; validate names each TODO; filled in, it validates', () => {
    const run = runScript('new-model.ts', ['qwen3-30b-a3b-new', '--config', path.join(configDir, 'qwen3-30b-a3b.config.json'), '--gguf', gguf], { data });
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toContain('models/qwen3-30b-a3b-new.yaml: 9 values to fill in');
    const file = path.join(data, 'models/qwen3-30b-a3b-new.yaml');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('architecture: qwen3_moe');
    expect(text).toContain('  - name: UD-Q4_K_XL\n    format: gguf\n    type: Q4_K_M');
    expect(text).toContain('    size: 4688 B');

    const invalid = runScript('validate.ts', [], { data });
    expect(invalid.status).toBe(1);
    for (const field of ['name', 'vendor', 'released', 'licence', 'quants[0].repo', 'support.llama-cpp[0].status', 'sources[0]'])
      expect(invalid.stderr).toContain(`field:    ${field}\n`);
    expect(invalid.stderr).toContain('fix:      replace the TODO with');

    fs.writeFileSync(file, fillTodos(text));
    const valid = runScript('validate.ts', [], { data });
    expect(valid.status, valid.output).toBe(0);
  });

  it('refuses to overwrite, and leaves the file as it was', () => {
    const file = path.join(data, 'models/llama-3.1-8b.yaml');
    const before = fs.readFileSync(file, 'utf8');
    const run = runScript('new-model.ts', ['llama-3.1-8b', '--config', path.join(configDir, 'llama-3.1-8b.config.json')], { data });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('already exists');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('--print shows the YAML (e.g. a quants entry for an existing model) and writes nothing', () => {
    const file = path.join(data, 'models/llama-3.1-8b.yaml');
    const before = fs.readFileSync(file, 'utf8');
    const run = runScript('new-model.ts', ['llama-3.1-8b', '--gguf', gguf, '--print'], { data });
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toContain('quants:\n  - name: UD-Q4_K_XL\n');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('explains a bad id, a missing config and a file that is not GGUF', () => {
    expect(runScript('new-model.ts', ['Qwen3 30B'], { data }).stderr).toContain('try "qwen3-30b"');
    expect(runScript('new-model.ts', ['x1', '--config', path.join(tmp, 'nope.json')], { data }).stderr).toContain('cannot read --config');
    const notGguf = path.join(tmp, 'not.gguf');
    fs.writeFileSync(notGguf, 'hello');
    const run = runScript('new-model.ts', ['x2', '--gguf', notGguf], { data });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^cannot read .*not\.gguf as a GGUF file/);
    expect(run.stderr).not.toMatch(/^ {4}at /m);
    expect(fs.existsSync(path.join(data, 'models/x2.yaml'))).toBe(false);
  });

  it('new:rig writes a TODO template that validate rejects field by field', () => {
    const run = runScript('new-rig.ts', ['my-desktop'], { data });
    expect(run.status, run.output).toBe(0);
    const text = fs.readFileSync(path.join(data, 'rigs/my-desktop.yaml'), 'utf8');
    expect(text).toBe(renderRigYaml({ engines: ['llama-cpp', 'mlx'] }));
    const invalid = runScript('validate.ts', [], { data });
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain('rigs/my-desktop.yaml');
    for (const field of ['name', 'gpus[0].model', 'gpus[0].memory', 'gpus[0].bandwidth', 'gpus[0].backend', 'system_ram.size', 'system_ram.bandwidth', 'sources[0]'])
      expect(invalid.stderr).toContain(`field:    ${field}\n`);
    expect(runScript('new-rig.ts', ['my-desktop'], { data }).stderr).toContain('already exists');
  });
});
