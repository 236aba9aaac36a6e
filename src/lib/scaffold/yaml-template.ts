// The YAML a scaffold writes: every required field present, what could be read filled in,
// the rest as "TODO: ..." placeholders that npm run validate rejects by name. Pure text.
import { schemaComment } from '../schema/common.ts';
import { todo } from '../data/todo.ts';
import type { ConfigFacts, GroupDraft } from './from-hf-config.ts';
import type { GgufQuant } from './from-gguf.ts';

/** A YAML scalar: plain when it cannot be misread, double-quoted (JSON is valid YAML) otherwise. */
export function scalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return /^[A-Za-z_][\w.+/-]*$/.test(value) && !/^(true|false|yes|no|on|off|null)$/i.test(value) ? value : JSON.stringify(value);
}

const line = (indent: number, key: string, value: string | number | boolean | undefined, placeholder: string) =>
  `${' '.repeat(indent)}${key}: ${value === undefined ? JSON.stringify(todo(placeholder)) : scalar(value)}`;
const comment = (indent: number, text: string | undefined) => (text ? wrap(text, 96 - indent).map((l) => `${' '.repeat(indent)}# ${l}`) : []);

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (current && current.length + word.length + 1 > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  return current ? [...lines, current] : lines;
}

/** Billions with three significant digits: 8030261248 -> 8.03, 30532122624 -> 30.5. */
export const billions = (params: number) => Number((params / 1e9).toPrecision(3));
/** A file size in decimal units as Hugging Face lists files: "4.92 GB", "131.1 GB" ("12.3 MB", "4688 B" for test files). */
export function fileSize(bytes: number): string {
  if (bytes >= 100e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${bytes} B`;
}
const grouped = (n: number) => n.toLocaleString('en-US');

const GROUP_FIELDS: Record<GroupDraft['kind'], [keyof GroupDraft, string][]> = {
  full: [['kv_heads', 'key/value heads per layer (num_key_value_heads), e.g. 8'], ['head_dim', 'dimension of one key head (head_dim), e.g. 128']],
  sliding: [['window', 'the sliding window in tokens (sliding_window), e.g. 1024'], ['kv_heads', 'key/value heads per layer, e.g. 8'], ['head_dim', 'dimension of one key head, e.g. 128']],
  mla: [['kv_lora_rank', 'latent rank (kv_lora_rank), e.g. 512'], ['rope_head_dim', 'decoupled RoPE key dimension (qk_rope_head_dim), e.g. 64']],
  linear: [['state_heads', 'state heads (linear_num_value_heads), e.g. 32'], ['state_key_dim', 'key dimension of one state head (linear_key_head_dim), e.g. 128'], ['state_value_dim', 'value dimension of one state head (linear_value_head_dim), e.g. 128']],
};
const OPTIONAL_GROUP_FIELDS: (keyof GroupDraft)[] = ['value_head_dim', 'conv_kernel', 'conv_channels'];

function groupLines(group: GroupDraft): string[] {
  const out = [...comment(4, group.note), `    - kind: ${group.kind}`, `      layers: ${group.layers}`];
  for (const [key, placeholder] of GROUP_FIELDS[group.kind]) out.push(line(6, key, group[key] as number | undefined, placeholder));
  for (const key of OPTIONAL_GROUP_FIELDS) if (group[key] !== undefined) out.push(line(6, key, group[key] as number, ''));
  return out;
}

function attentionLines(facts: ConfigFacts | undefined): string[] {
  const groups: GroupDraft[] = facts?.groups.length
    ? facts.groups
    : [{ kind: 'full', layers: Number.NaN, note: 'One entry per kind of attention: full, sliding, mla, compressed or linear (see CONTRIBUTING.md, "Attention").' }];
  const out = [...comment(0, facts?.notes.attention), 'attention:', line(2, 'layers', facts?.layers, 'transformer blocks (num_hidden_layers in config.json), e.g. 32')];
  if (facts?.hiddenSize) out.push(`  hidden_size: ${facts.hiddenSize}`);
  if (facts?.heads) out.push(`  heads: ${facts.heads}`);
  out.push('  groups:');
  for (const g of groups) {
    const lines = groupLines(g);
    out.push(...(Number.isNaN(g.layers) ? lines.map((l) => l.replace(/layers: NaN$/, `layers: ${JSON.stringify(todo('how many blocks use this kind of attention, e.g. 32'))}`)) : lines));
  }
  return out;
}

function parameterLines(facts: ConfigFacts | undefined, quants: GgufQuant[]): string[] {
  const counted = quants[0];
  const out = ['parameters:'];
  if (!counted) {
    out.push(line(2, 'total_billions', undefined, 'all parameters in billions, from the model card, e.g. 8.03'));
    if (facts?.moe) out.push(line(2, 'active_billions', undefined, 'parameters used per token in billions, e.g. 3.3'));
    return out;
  }
  out.push(...comment(2, `Counted from the tensors of ${counted.files.join(', ')}: ${grouped(counted.parameters)} parameters. Check against the model card.`));
  out.push(`  total_billions: ${billions(counted.parameters)}`);
  const experts = facts?.moe?.experts ?? counted.experts;
  const perToken = facts?.moe?.expertsPerToken ?? counted.expertsPerToken;
  if ((facts?.moe || counted.experts) && counted.expertParameters > 0 && experts && perToken) {
    const active = counted.parameters - counted.expertParameters * (1 - perToken / experts);
    out.push(...comment(2, `Everything but the routed experts, plus ${perToken} of ${experts} experts: ${grouped(Math.round(active))}.`));
    out.push(`  active_billions: ${billions(active)}`);
  } else if (facts?.moe) out.push(line(2, 'active_billions', undefined, 'parameters used per token in billions, e.g. 3.3'));
  return out;
}

function quantLines(q: GgufQuant): string[] {
  const files = q.files.length === 1 ? q.files[0]! : `the ${q.files.length} parts of ${q.files[0]!.replace(/-0*1-of-\d+/, '')}`;
  const out = [`  - name: ${scalar(q.name)}`, '    format: gguf', `    type: ${scalar(q.type)}`];
  if (q.unknownTypes.length > 0) {
    out.push(...comment(4, `Tensor types ${q.unknownTypes.join(', ')} are not in the size table, so the size could not be summed.`));
    out.push(line(4, 'size', undefined, 'total size of the file(s) as Hugging Face lists it, e.g. "4.92 GB"'));
  } else {
    out.push(...comment(4, `${q.typeFrom === 'general.file_type' ? `general.file_type ${q.type}` : `Most bytes are ${q.type} tensors`}; ${grouped(q.tensorBytes)} bytes of tensors in ${files} (the file adds its header).`));
    out.push(`    size: ${fileSize(q.tensorBytes)}`);
    if (q.expertBytes > 0) {
      out.push(...comment(4, 'Summed from the tensor table: routed experts (*_exps) and everything else.'));
      out.push('    tensor_sizes:', `      experts: ${fileSize(q.expertBytes)}`, `      other: ${fileSize(q.tensorBytes - q.expertBytes)}`);
    }
  }
  out.push(line(4, 'repo', undefined, 'where the file is published, e.g. https://huggingface.co/unsloth/<model>-GGUF'));
  out.push('    # published: 2025-01-27  (optional: the day the file was uploaded, from the repo history)');
  return out;
}

export interface ModelTemplateInput {
  slug: string;
  facts?: ConfigFacts;
  quants: GgufQuant[];
  /** Engine ids in data/engines/, for the support section. */
  engines: string[];
  /** What the scaffold read, named in the header comment. */
  from: string[];
}

export function renderModelYaml({ facts, quants, engines, from }: ModelTemplateInput): string {
  const engine = engines.includes('llama-cpp') ? 'llama-cpp' : (engines[0] ?? 'llama-cpp');
  const moe = facts?.moe ?? (quants[0]?.experts && quants[0].experts > 1 ? { experts: quants[0].experts, expertsPerToken: quants[0].expertsPerToken, sharedExperts: undefined } : undefined);
  const out = [
    schemaComment('models'),
    `# Scaffolded by npm run new:model${from.length ? ` from ${from.join(', ')}` : ''}.`,
    '# Replace every "TODO: ..." value (npm run validate lists them) and delete optional lines you',
    '# cannot source. CONTRIBUTING.md ("Add a model") says what counts as a source.',
    line(0, 'name', undefined, 'display name, e.g. "Qwen3 30B-A3B"'),
    line(0, 'vendor', undefined, 'who released the weights, e.g. "Alibaba Qwen"'),
    line(0, 'released', undefined, 'release date of the weights, written like 2025-04-29'),
    line(0, 'licence', undefined, 'licence of the weights, e.g. "Apache-2.0" or "Llama 3.1 Community License"'),
    line(0, 'architecture', facts?.architecture, 'Hugging Face model_type from config.json, e.g. "qwen3_moe"'),
  ];
  if (facts?.hfArchitecture) out.push(`hf_architecture: ${scalar(facts.hfArchitecture)}`);
  out.push('# summary: One or two sentences on what the model is for.');
  out.push(...parameterLines(facts, quants), ...attentionLines(facts));
  if (moe) {
    out.push(...comment(0, facts?.notes.moe), 'moe:', line(2, 'experts', moe.experts, 'routed experts per MoE layer, e.g. 128'));
    if (moe.sharedExperts !== undefined) out.push(`  shared_experts: ${moe.sharedExperts}`);
    out.push(line(2, 'experts_per_token', moe.expertsPerToken, 'routed experts each token uses (num_experts_per_tok), e.g. 8'));
    const leading = facts?.moe?.denseLeadingLayers ?? quants[0]?.denseLeadingLayers;
    if (leading !== undefined) out.push(`  dense_leading_layers: ${leading}`);
  }
  const tied = facts?.tiedEmbeddings ?? (quants.length ? quants[0]!.tiedEmbeddings : undefined);
  if (tied !== undefined) out.push(`tied_embeddings: ${tied}`);
  out.push(line(0, 'vocab_size', facts?.vocabSize ?? quants[0]?.vocabSize, 'vocabulary size (vocab_size in config.json), e.g. 151936'));
  out.push(...comment(0, facts?.notes.max_context_tokens), line(0, 'max_context_tokens', facts?.maxContextTokens, 'longest native context in tokens, e.g. 131072'));
  out.push('native:', line(2, 'dtype', facts?.dtype, 'precision of the released weights, e.g. "bf16" or "fp8"'));
  out.push('  # size: 16.1 GB  (optional: the released safetensors files together, as Hugging Face lists them)');
  out.push(...(quants.length ? ['quants:', ...quants.flatMap(quantLines)] : ['# Published quantized files, one entry per file (CONTRIBUTING.md, "Add a quant"); --gguf <file> fills them in.', 'quants: []']));
  out.push(
    'support:',
    ...comment(2, `One list per engine id in data/engines/ (${engines.join(', ') || 'llama-cpp'}), oldest event first; each status holds from its date until the next.`),
    `  ${engine}:`,
    line(6, '- status', undefined, 'merged, pr-open, fork-only or none').replace(/^ {6}- /, '    - '),
    line(6, 'date', undefined, 'the day that status began, written like 2025-04-29'),
    line(6, 'link', undefined, 'the PR, commit or release note that shows it, e.g. https://github.com/ggml-org/llama.cpp/pull/12345'),
    '# hosted:  (optional: APIs where the model can be used instead)',
    '#   - provider: OpenRouter',
    '#     link: https://openrouter.ai/<org>/<model>',
    'sources:',
    `  - ${JSON.stringify(todo('the model card or config.json you read, e.g. https://huggingface.co/<org>/<model>'))}`,
  );
  return `${out.join('\n')}\n`;
}

export function renderRigYaml({ engines }: { engines: string[] }): string {
  const engine = engines.includes('llama-cpp') ? 'llama-cpp' : (engines[0] ?? 'llama-cpp');
  return `${[
    schemaComment('rigs'),
    '# Scaffolded by npm run new:rig. Replace every "TODO: ..." value (npm run validate lists them).',
    '# Sizes: VRAM and RAM in GiB ("32 GiB"), disks in GB or TB as sold ("2 TB"); bandwidths in GB/s.',
    '# CONTRIBUTING.md ("Add a rig") has a worked example.',
    line(0, 'name', undefined, 'display name, e.g. "Desktop: RTX 4090 + 64 GB DDR5"'),
    '# summary: One sentence on who has this rig.',
    '# One entry per kind of card; an empty list (gpus: []) for a CPU-only rig.',
    'gpus:',
    line(4, '- model', undefined, 'product name, e.g. "NVIDIA GeForce RTX 4090"').replace(/^ {4}- /, '  - '),
    '    count: 1',
    ...comment(4, 'Discrete cards only: on a unified-memory machine (Apple silicon, Strix Halo) remove memory and set gpu_memory_limit.'),
    line(4, 'memory', undefined, 'memory per card, e.g. "24 GiB"'),
    line(4, 'bandwidth', undefined, 'memory bandwidth per card from the spec sheet, e.g. "1008 GB/s"'),
    '    # fp16_tflops: 165.2  (optional: dense FP16 tensor TFLOPS per card, for prefill)',
    line(4, 'backend', undefined, 'cuda, rocm, metal, vulkan or sycl'),
    'unified_memory: false',
    '# gpu_memory_limit: 96 GiB  (unified memory only: the share of the pool the GPU may use)',
    'system_ram:',
    line(2, 'size', undefined, 'system RAM, e.g. "64 GiB"'),
    line(2, 'bandwidth', undefined, 'RAM bandwidth, e.g. "89.6 GB/s" (MT/s x 8 bytes x channels)'),
    '  # kind: DDR5-5600, 2 channels',
    '# cpu:',
    '#   model: AMD Ryzen 9 7950X',
    '#   cores: 16',
    '# disk:',
    '#   size: 2 TB',
    '#   read_bandwidth: 7 GB/s',
    ...comment(0, `Engine ids from data/engines/ (${engines.join(', ') || 'llama-cpp'}), preferred first.`),
    `engines: [${engine}]`,
    'sources:',
    `  - ${JSON.stringify(todo('a spec sheet for the GPU and RAM, e.g. https://www.techpowerup.com/gpu-specs/'))}`,
  ].join('\n')}\n`;
}
