// Data that parses but contradicts itself or physics is refused with a message that teaches:
// each row below plants one mistake in a copy of the fixture data, runs the validator the way
// `npm run validate` does, and freezes what the contributor reads (test/__snapshots__/).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../src/lib/data/problem.ts';
import { semanticChecks } from '../src/lib/data/semantic-checks.ts';
import { readData } from '../src/node/read-data.ts';
import { removeTemp, repoRoot, tempDataCopy } from './support/temp-data.ts';

interface Case {
  name: string;
  /** "models/llama-3.1-8b": the fixture file the mistake is planted in. */
  file: string;
  /** Text replacements, applied in order; each must change the file. */
  edits: [from: string | RegExp, to: string][];
}

const cases: Case[] = [
  // An MTP layer counted as a block: the groups cover 33 of 32 layers.
  { name: 'attention groups add up to more than attention.layers', file: 'models/llama-3.1-8b', edits: [['      layers: 32\n', '      layers: 33\n']] },
  // 32 query heads cannot be shared evenly among 3 KV heads.
  { name: 'kv_heads does not divide heads', file: 'models/llama-3.1-8b', edits: [['kv_heads: 8', 'kv_heads: 3']] },
  // num_attention_heads and num_key_value_heads swapped.
  { name: 'kv_heads above heads', file: 'models/llama-3.1-8b', edits: [['heads: 32\n', 'heads: 8\n'], ['kv_heads: 8', 'kv_heads: 32']] },
  // num_experts_per_tok and num_experts swapped.
  { name: 'experts_per_token above experts', file: 'models/qwen3.5-35b-a3b', edits: [['experts: 256', 'experts: 8'], ['experts_per_token: 8', 'experts_per_token: 256']] },
  // "35B-A3B" read the wrong way round.
  { name: 'active_billions above total_billions', file: 'models/qwen3.5-35b-a3b', edits: [['active_billions: 3', 'active_billions: 350']] },
  // An MoE whose active count was copied from the total: every token would read every expert.
  { name: 'MoE with active == total', file: 'models/qwen3.5-35b-a3b', edits: [['active_billions: 3', 'active_billions: 35']] },
  // first_k_dense_replace mistaken for a layer count.
  { name: 'dense_leading_layers not below attention.layers', file: 'models/qwen3.5-35b-a3b', edits: [['  experts_per_token: 8\n', '  experts_per_token: 8\n  dense_leading_layers: 40\n']] },
  // A GB/MB slip: 4.92 MB for a 4.92 GB file is a thousandth of a bit per weight.
  { name: 'a size no file can have (MB for GB)', file: 'models/llama-3.1-8b', edits: [['size: 4.92 GB', 'size: 4.92 MB']] },
  // A Q8_0's size under the Q4_K_M entry: 8.54 bits per weight for a 4.85-bit type.
  { name: 'a size too large for its type', file: 'models/llama-3.1-8b', edits: [['size: 4.92 GB', 'size: 8.54 GB']] },
  // Parameters in millions: every sized file now looks a thousand times too small.
  { name: 'parameters written in millions', file: 'models/qwen3.5-35b-a3b', edits: [['total_billions: 35', 'total_billions: 35000']] },
  // Released weights 10x too big for bf16 (a typo in the size).
  { name: 'native.size too large for its dtype', file: 'models/llama-3.1-8b', edits: [['  dtype: bf16\n', '  dtype: bf16\n  size: 161 GB\n']] },
  // The tensor table of another file: experts + other is not the file's size.
  { name: 'tensor_sizes that do not add up to size', file: 'models/qwen3.5-35b-a3b', edits: [['    size: 22 GB\n', '    size: 22 GB\n    tensor_sizes:\n      experts: 18 GB\n      other: 2 GB\n']] },
  // A typo in a type with no size: the engine would drop the file without a word.
  { name: 'an unknown quant type and no size', file: 'models/llama-3.1-8b', edits: [['type: Q4_0', 'type: Q4_O']] },
  // An unknown released dtype and no native.size: the original weights would vanish from reports.
  { name: 'an unknown native dtype and no native.size', file: 'models/qwen3.5-35b-a3b', edits: [['dtype: bf16', 'dtype: bf61']] },
  // A GGUF file restricted to MLX, which loads only mlx and safetensors files.
  { name: 'a quant restricted to an engine that cannot load its format', file: 'models/qwen3.5-35b-a3b', edits: [['    size: 22 GB\n', '    size: 22 GB\n    engines: [mlx]\n']] },
  // The quant's upload day typed a year early.
  { name: 'a quant published before the model was released', file: 'models/llama-3.1-8b', edits: [['    size: 4.92 GB\n', '    size: 4.92 GB\n    published: 2023-07-24\n']] },
  // A unified rig whose GPU share is larger than the whole pool.
  { name: 'gpu_memory_limit above system_ram.size', file: 'rigs/homelab-rtx5090', edits: [['    memory: 32 GiB\n', ''], ['unified_memory: false', 'unified_memory: true\ngpu_memory_limit: 96 GiB']] },
  // The card's and the RAM's bandwidths swapped: the card would read slower than the RAM beside it.
  { name: 'a discrete GPU slower than system RAM', file: 'rigs/homelab-rtx5090', edits: [['bandwidth: 1792 GB/s', 'bandwidth: 80 GB/s'], ['bandwidth: 80 GB/s\n  kind', 'bandwidth: 1792 GB/s\n  kind']] },
  // TB/s for GB/s on the card.
  { name: 'GPU bandwidth above 20 TB/s', file: 'rigs/homelab-rtx5090', edits: [['bandwidth: 1792 GB/s', 'bandwidth: 1792 TB/s']] },
  // TB/s for GB/s on the RAM (the card is not blamed for being slower than an impossible figure).
  { name: 'RAM bandwidth above 2 TB/s', file: 'rigs/homelab-rtx5090', edits: [['bandwidth: 80 GB/s', 'bandwidth: 80 TB/s']] },
  // TiB for GiB on the card.
  { name: 'memory per card above 300 GiB', file: 'rigs/homelab-rtx5090', edits: [['memory: 32 GiB', 'memory: 32 TiB']] },
  // A cluster written as one rig.
  { name: 'more cards than one machine holds', file: 'rigs/homelab-rtx5090', edits: [['count: 1', 'count: 64']] },
  // A decode figure ten times what the card's bandwidth allows (a prefill figure, or a stray 0).
  { name: 'a decode row faster than memory bandwidth allows', file: 'measurements/homelab-post-rtx5090', edits: [['decode_tokens_per_second: 200', 'decode_tokens_per_second: 2000']] },
  // The measurement's year typed wrong: a year before the model came out.
  { name: 'a measurement dated before the model was released', file: 'measurements/homelab-post-rtx5090', edits: [['date: 2026-05-07', 'date: 2025-05-07']] },
];

// Real data the rules must let through: each row is a pattern a real file in data/ has.
const allowed: Case[] = [
  // A low-bit mix keeps embeddings and attention at 6-8 bits: 3.5 bits for an IQ2_XXS (1.7x; Gemma 4's UD-IQ2_XXS is 1.52x).
  { name: 'a low-bit mix well above its type', file: 'models/llama-3.1-8b', edits: [['type: Q2_K', 'type: IQ2_XXS'], ['size: 3.18 GB', 'size: 3.5 GB']] },
  // gpt-oss's "F16" GGUF keeps the MXFP4 experts as released: 5.3 bits for an F16 type.
  { name: 'an F16 file of a model released in MXFP4', file: 'models/llama-3.1-8b', edits: [['dtype: bf16', 'dtype: mxfp4+bf16'], ['size: 16.1 GB', 'size: 5.3 GB']] },
  // Llama 3 rows standing in for Llama 3.1, said so (data/measurements/xiongjiedai-llama3.yaml).
  { name: 'a measurement before release that says which model stood in', file: 'measurements/homelab-post-rtx5090', edits: [['date: 2026-05-07', 'date: 2025-05-07'], [/hardware_note: .*/, 'hardware_note: Qwen3 30B-A3B rows stand in for qwen3.5-35b-a3b.']] },
  // Released "on or before" a day: a quant dated earlier may still be after the real release.
  { name: 'a quant before a release known only as on-or-before', file: 'models/llama-3.1-8b', edits: [['released: 2024-07-23', 'released: 2024-07-23\nreleased_precision: on-or-before'], ['    size: 4.92 GB\n', '    size: 4.92 GB\n    published: 2024-07-20\n']] },
];

let data: string | undefined;
afterEach(() => {
  if (data) removeTemp(data);
  data = undefined;
});

function plant(c: Case): string {
  data = tempDataCopy();
  const file = path.join(data, `${c.file}.yaml`);
  let text = fs.readFileSync(file, 'utf8');
  for (const [from, to] of c.edits) {
    const edited = text.replace(from, to);
    if (edited === text) throw new Error(`${c.name}: edit did not apply: ${String(from)}`);
    text = edited;
  }
  fs.writeFileSync(file, text);
  const { problems } = readData(data);
  return problems.map(formatProblem).join('\n\n').split(`${data}/`).join('data/');
}

describe('semantic validation messages, one planted mistake each', () => {
  it('the fixture data itself passes', () => {
    data = tempDataCopy();
    expect(readData(data).problems.map(formatProblem)).toEqual([]);
  });

  it.each(cases)('$name', (c) => {
    const text = plant(c);
    expect(text).not.toBe('');
    expect(text).toMatchSnapshot();
  });

  it.each(allowed)('allowed: $name', (c) => {
    expect(plant(c)).toBe('');
  });

  it('a row naming a rig that does not exist is reported once, by the cross-check', () => {
    const text = plant({ name: 'dangling rig', file: 'measurements/homelab-post-rtx5090', edits: [['rig: homelab-rtx5090', 'rig: homelab-rtx9090']] });
    expect(text.match(/field:/g)).toHaveLength(1);
    expect(text).toContain('rows[0].rig');
  });
});

describe('the real data', () => {
  it('every file in data/ passes the semantic checks', () => {
    const { catalogue } = readData(path.join(repoRoot, 'data'));
    expect(semanticChecks(catalogue).map(formatProblem)).toEqual([]);
  });
});
