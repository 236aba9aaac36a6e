// What a contributor reads when a data file is wrong, frozen: each message names the file
// (and line), the field, what was expected with an example, what was found, and a fix.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../src/lib/data/problem.ts';
import type { CollectionName } from '../src/lib/schema/index.ts';
import { parseDataFile, readData } from '../src/node/read-data.ts';
import { fixtureData, removeTemp, tempDataCopy } from './support/temp-data.ts';

const fixture = (collection: string, id: string) => fs.readFileSync(path.join(fixtureData, collection, `${id}.yaml`), 'utf8');
const llama = fixture('models', 'llama-3.1-8b');
const qwen = fixture('models', 'qwen3.5-35b-a3b');
const rig = fixture('rigs', 'homelab-rtx5090');

function edit(text: string, from: string | RegExp, to: string): string {
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`fixture edit did not apply: ${String(from)}`);
  return edited;
}

function messages(collection: CollectionName, id: string, text: string): string {
  const { problems } = parseDataFile(collection, `data/${collection}/${id}.yaml`, text);
  return problems.map(formatProblem).join('\n\n');
}

describe('validation messages for a table of bad files', () => {
  it('wrong type: a word where a number goes', () => {
    expect(messages('models', 'llama-3.1-8b', edit(llama, 'total_billions: 8', 'total_billions: eight'))).toMatchInlineSnapshot(`
      "data/models/llama-3.1-8b.yaml:10
        field:    parameters.total_billions
        expected: a number: all parameters, in billions (10^9), e.g. 35.
        found:    the text "eight""
    `);
  });

  it('missing field: says which, and what it holds', () => {
    expect(messages('models', 'llama-3.1-8b', edit(llama, /^vendor: .*\n/m, ''))).toMatchInlineSnapshot(`
      "data/models/llama-3.1-8b.yaml:2
        field:    vendor
        expected: text: who released the weights, e.g. "Alibaba Qwen".
        found:    nothing (the field is missing)
        fix:      add the required field \`vendor\`"
    `);
  });

  it('unknown key: suggests the nearest key, reported once as a rename', () => {
    expect(messages('models', 'qwen3.5-35b-a3b', edit(qwen, 'experts_per_token: 8', 'experts_per_tok: 8'))).toMatchInlineSnapshot(`
      "data/models/qwen3.5-35b-a3b.yaml:33
        field:    moe.experts_per_tok
        expected: the key \`experts_per_token\` (a number: routed experts each token uses (num_experts_per_tok), e.g. 8)
        found:    an unknown key "experts_per_tok"
        fix:      did you mean \`experts_per_token\`? Rename \`experts_per_tok\` to \`experts_per_token\`"
    `);
  });

  it('unknown key with no near match: says to remove it', () => {
    expect(messages('models', 'llama-3.1-8b', edit(llama, 'licence:', 'colour: blue\nlicence:'))).toMatchInlineSnapshot(`
      "data/models/llama-3.1-8b.yaml:5
        field:    colour
        expected: only the keys this schema defines (see the JSON Schema in schemas/)
        found:    an unknown key "colour"
        fix:      remove it, or check the spelling against CONTRIBUTING.md"
    `);
  });

  it('negative size', () => {
    expect(messages('models', 'llama-3.1-8b', edit(llama, 'size: 16.1 GB', 'size: -16.1 GB'))).toMatchInlineSnapshot(`
      "data/models/llama-3.1-8b.yaml:28
        field:    quants[0].size
        expected: a size with its unit, e.g. "96.2 GB" (10^9 bytes) or "32 GiB" (2^30 bytes)
        found:    the text "-16.1 GB"
        fix:      it cannot be negative: remove the minus sign"
    `);
  });

  it('bad unit string: says how sizes are written', () => {
    expect(messages('models', 'llama-3.1-8b', edit(llama, 'size: 16.1 GB', 'size: 16.1 gigs'))).toMatchInlineSnapshot(`
      "data/models/llama-3.1-8b.yaml:28
        field:    quants[0].size
        expected: a size with its unit, e.g. "96.2 GB" (10^9 bytes) or "32 GiB" (2^30 bytes)
        found:    the text "16.1 gigs"
        fix:      sizes are written like "96.2 GB": a number, a space, then B, KB, MB, GB, TB, KiB, MiB, GiB or TiB (file sizes in GB as Hugging Face lists them, VRAM and RAM in GiB)"
    `);
  });

  it('a bare number where a size goes: says how sizes are written', () => {
    expect(messages('rigs', 'homelab-rtx5090', edit(rig, 'memory: 32 GiB', 'memory: 32'))).toMatchInlineSnapshot(`
      "data/rigs/homelab-rtx5090.yaml:8
        field:    gpus[0].memory
        expected: a size with its unit, e.g. "96.2 GB" (10^9 bytes) or "32 GiB" (2^30 bytes)
        found:    the number 32
        fix:      sizes are written like "96.2 GB": a number, a space, then B, KB, MB, GB, TB, KiB, MiB, GiB or TiB (file sizes in GB as Hugging Face lists them, VRAM and RAM in GiB)"
    `);
  });

  it('bandwidth without "/s"', () => {
    expect(messages('rigs', 'homelab-rtx5090', edit(rig, 'bandwidth: 1792 GB/s', 'bandwidth: 1792 GB'))).toMatchInlineSnapshot(`
      "data/rigs/homelab-rtx5090.yaml:9
        field:    gpus[0].bandwidth
        expected: a bandwidth with its unit, e.g. "1792 GB/s" (10^9 bytes per second)
        found:    the text "1792 GB"
        fix:      bandwidths are written like "1792 GB/s": a number, a space, then MB/s, GB/s or TB/s"
    `);
  });

  it('bad date: a day that does not exist', () => {
    expect(messages('models', 'llama-3.1-8b', edit(llama, 'released: 2024-07-23', 'released: 2024-13-45'))).toMatchInlineSnapshot(`
      "data/models/llama-3.1-8b.yaml:4
        field:    released
        expected: a date written like 2026-05-07 (year-month-day)
        found:    the text "2024-13-45"
        fix:      there is no such day: check that the month is 01-12 and the day exists in that month"
    `);
  });

  it('bad date: words, reported once', () => {
    expect(messages('models', 'llama-3.1-8b', edit(llama, 'released: 2024-07-23', 'released: July 2024'))).toMatchInlineSnapshot(`
      "data/models/llama-3.1-8b.yaml:4
        field:    released
        expected: a date written like 2026-05-07 (year-month-day)
        found:    the text "July 2024"
        fix:      write the day as YYYY-MM-DD, e.g. 2026-05-07, without quotes"
    `);
  });

  it('non-finite number', () => {
    expect(messages('models', 'llama-3.1-8b', edit(llama, 'total_billions: 8', 'total_billions: .inf'))).toMatchInlineSnapshot(`
      "data/models/llama-3.1-8b.yaml:10
        field:    parameters.total_billions
        expected: a finite number: all parameters, in billions (10^9), e.g. 35.
        found:    the non-finite number Infinity
        fix:      write an ordinary number: .inf, -.inf and .nan are not sizes or counts"
    `);
  });

  it('a value outside a fixed list: suggests the nearest', () => {
    expect(messages('models', 'llama-3.1-8b', edit(llama, /kind: full/, 'kind: fulll'))).toMatchInlineSnapshot(`
      "data/models/llama-3.1-8b.yaml:17
        field:    attention.groups[0].kind
        expected: one of "full", "sliding", "mla", "compressed", "linear"
        found:    the text "fulll"
        fix:      did you mean "full"?"
    `);
  });

  it('a TODO left by the scaffold: says what to put instead', () => {
    expect(messages('models', 'llama-3.1-8b', edit(edit(llama, 'released: 2024-07-23', 'released: "TODO: release date of the weights, written like 2024-07-23"'), 'vendor: Meta', 'vendor: "TODO: who released the weights"'))).toMatchInlineSnapshot(`
      "data/models/llama-3.1-8b.yaml:4
        field:    released
        expected: a date written like 2026-05-07 (year-month-day)
        found:    the text "TODO: release date of the weights, written like 2024-07-23"
        fix:      replace the TODO with release date of the weights, written like 2024-07-23

      data/models/llama-3.1-8b.yaml:3
        field:    vendor
        expected: text: who released the weights, e.g. "Alibaba Qwen".
        found:    the text "TODO: who released the weights"
        fix:      replace the TODO with who released the weights"
    `);
  });

  it('YAML syntax error: names the line the quote was opened on', () => {
    expect(messages('models', 'llama-3.1-8b', edit(llama, 'vendor: Meta', 'vendor: "Meta'))).toMatchInlineSnapshot(`
      "data/models/llama-3.1-8b.yaml:3
        field:    (whole file)
        expected: valid YAML: "key: value" lines, nested by indenting with spaces
        found:    a YAML syntax error on line 3: Missing closing "quote (the line reads: vendor: "Meta)
        fix:      check indentation and quoting on that line (and the one before); close every quote, and quote values that contain ": " or " #""
    `);
  });

  it('YAML syntax error: a nested mapping on one line', () => {
    expect(messages('models', 'llama-3.1-8b', edit(llama, 'vendor: Meta', 'vendor: Meta: AI'))).toMatchInlineSnapshot(`
      "data/models/llama-3.1-8b.yaml:3
        field:    (whole file)
        expected: valid YAML: "key: value" lines, nested by indenting with spaces
        found:    a YAML syntax error on line 3: Nested mappings are not allowed in compact mappings (the line reads: vendor: Meta: AI)
        fix:      check indentation and quoting on that line (and the one before); close every quote, and quote values that contain ": " or " #""
    `);
  });

  it('empty document', () => {
    expect(messages('models', 'llama-3.1-8b', '')).toMatchInlineSnapshot(`
      "data/models/llama-3.1-8b.yaml:1
        field:    (whole file)
        expected: a mapping of fields (see schemas/models.schema.json)
        found:    an empty document"
    `);
  });

  it('non-mapping document', () => {
    expect(messages('rigs', 'homelab-rtx5090', '- name: RTX 5090\n- memory: 32 GiB\n')).toMatchInlineSnapshot(`
      "data/rigs/homelab-rtx5090.yaml:1
        field:    (whole file)
        expected: a mapping of fields (see schemas/rigs.schema.json)
        found:    a list of 2 items"
    `);
  });

  it('several problems in one file are all reported', () => {
    const broken = edit(edit(edit(llama, 'total_billions: 8', 'total_billions: -8'), 'size: 8.54 GB', 'size: 8.54'), /^licence: .*\n/m, '');
    expect(messages('models', 'llama-3.1-8b', broken)).toMatchInlineSnapshot(`
      "data/models/llama-3.1-8b.yaml:2
        field:    licence
        expected: text: licence of the weights, e.g. "Apache-2.0", "MIT", "Llama 3.1 Community License".
        found:    nothing (the field is missing)
        fix:      add the required field \`licence\`

      data/models/llama-3.1-8b.yaml:9
        field:    parameters.total_billions
        expected: a number above 0: all parameters, in billions (10^9), e.g. 35.
        found:    the number -8

      data/models/llama-3.1-8b.yaml:32
        field:    quants[1].size
        expected: a size with its unit, e.g. "96.2 GB" (10^9 bytes) or "32 GiB" (2^30 bytes)
        found:    the number 8.54
        fix:      sizes are written like "96.2 GB": a number, a space, then B, KB, MB, GB, TB, KiB, MiB, GiB or TiB (file sizes in GB as Hugging Face lists them, VRAM and RAM in GiB)"
    `);
  });
});

describe('validation messages across files', () => {
  const data = tempDataCopy();
  afterAll(() => removeTemp(data));
  const relative = (text: string) => text.split(`${data}/`).join('data/');

  it('a dangling reference and a problem in another file are both reported, sorted by file', () => {
    fs.writeFileSync(path.join(data, 'rigs/homelab-rtx5090.yaml'), edit(rig, 'engines: [llama-cpp]', 'engines: [llama-cpp, llamacpp-fork]'));
    fs.writeFileSync(path.join(data, 'models/llama-3.1-8b.yaml'), edit(llama, 'head_dim: 128', 'head_dim: "128"'));
    const { problems } = readData(data);
    expect(relative(problems.map(formatProblem).join('\n\n'))).toMatchInlineSnapshot(`
      "data/models/llama-3.1-8b.yaml:20
        field:    attention.groups[0].head_dim
        expected: a number: dimension of one key head (head_dim in config.json), e.g. 128.
        found:    the text "128"
        fix:      write the number without quotes: 128

      data/rigs/homelab-rtx5090.yaml:25
        field:    engines[1]
        expected: the id of a file in data/engines/ (e.g. "llama-cpp")
        found:    "llamacpp-fork", which no file in data/engines/ has
        fix:      add data/engines/llamacpp-fork.yaml, or fix the id"
    `);
  });
});
