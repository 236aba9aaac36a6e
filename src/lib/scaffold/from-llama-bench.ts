// llama-bench's machine-readable output (-o json: one array; -o jsonl: one object a line)
// read into records, and each record's model file and hardware matched against the data.
// Pure: text and catalogue in, records and matches out. Field names are llama-bench's own
// (tools/llama-bench/llama-bench.cpp, test::get_fields); older builds lack n_depth and
// n_cpu_moe and write flash_attn as a boolean, newer ones as -1 (auto), 0 or 1.
import type { Entry } from '../data/catalogue.ts';
import type { ModelData } from '../schema/index.ts';

export interface BenchRecord {
  modelFilename: string;
  modelType: string;
  modelSizeBytes: number;
  modelParams: number | null;
  promptTokens: number;
  generatedTokens: number;
  depthTokens: number;
  avgTokensPerSecond: number;
  stddevTokensPerSecond: number | null;
  typeK: string | null;
  typeV: string | null;
  flashAttention: boolean | 'auto' | null;
  gpuLayers: number | null;
  cpuMoeLayers: number | null;
  buildCommit: string | null;
  buildNumber: number | null;
  gpuInfo: string;
  cpuInfo: string;
  backends: string;
  testTime: string | null;
}

/** Input that is not llama-bench output: says what was expected and what was found. */
export class LlamaBenchError extends Error {}

const EXPECTED = 'llama-bench output from `-o json` (a JSON array of result objects) or `-o jsonl` (one object per line)';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value === 'object' ? `an object with keys ${Object.keys(value).slice(0, 6).join(', ') || '(none)'}` : `${typeof value} ${String(value)}`;
}

function jsonValues(text: string, file: string): unknown[] {
  const trimmed = text.trim();
  if (trimmed === '') throw new LlamaBenchError(`${file}: expected ${EXPECTED}; found an empty file.`);
  if (trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed) as unknown[];
    } catch (error) {
      throw new LlamaBenchError(`${file}: expected ${EXPECTED}; found text that starts like a JSON array but does not parse (${(error as Error).message}).`);
    }
  }
  // One result pretty-printed as an object (copied out of the array) is one record too.
  if (trimmed.startsWith('{') && !trimmed.includes('\n{')) {
    try {
      return [JSON.parse(trimmed) as unknown];
    } catch {
      // not one object: read it as JSONL below, which names the line that fails
    }
  }
  return trimmed.split(/\r?\n/).flatMap((line, i) => {
    if (line.trim() === '') return [];
    try {
      return [JSON.parse(line) as unknown];
    } catch {
      const hint = line.trim().startsWith('|') ? ' (that is the Markdown table: run llama-bench again with -o json)' : '';
      throw new LlamaBenchError(`${file}:${i + 1}: expected ${EXPECTED}; found a line that is not JSON: ${JSON.stringify(line.trim().slice(0, 60))}${hint}.`);
    }
  });
}

type Raw = Record<string, unknown>;
const REQUIRED = { model_filename: 'string', model_type: 'string', model_size: 'number', n_prompt: 'number', n_gen: 'number', avg_ts: 'number' } as const;

function field<T>(raw: Raw, key: string, type: 'string' | 'number' | 'boolean'): T | null {
  return typeof raw[key] === type ? (raw[key] as T) : null;
}

function flashAttention(value: unknown): BenchRecord['flashAttention'] {
  if (typeof value === 'boolean') return value;
  if (value === -1) return 'auto';
  return value === 0 || value === 1 ? value === 1 : null;
}

function toRecord(raw: unknown, where: string): BenchRecord {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new LlamaBenchError(`${where}: expected a llama-bench result object (with model_filename, n_prompt, n_gen, avg_ts); found ${describe(raw)}.`);
  const r = raw as Raw;
  for (const [key, type] of Object.entries(REQUIRED))
    if (typeof r[key] !== type)
      throw new LlamaBenchError(`${where}: expected \`${key}\` (a ${type}) in every llama-bench result; found ${key in r ? describe(r[key]) : 'no such field'}.`);
  return {
    modelFilename: r.model_filename as string,
    modelType: r.model_type as string,
    modelSizeBytes: r.model_size as number,
    modelParams: field(r, 'model_n_params', 'number'),
    promptTokens: r.n_prompt as number,
    generatedTokens: r.n_gen as number,
    depthTokens: field<number>(r, 'n_depth', 'number') ?? 0,
    avgTokensPerSecond: r.avg_ts as number,
    stddevTokensPerSecond: field(r, 'stddev_ts', 'number'),
    typeK: field(r, 'type_k', 'string'),
    typeV: field(r, 'type_v', 'string'),
    flashAttention: flashAttention(r.flash_attn),
    gpuLayers: field(r, 'n_gpu_layers', 'number'),
    cpuMoeLayers: field(r, 'n_cpu_moe', 'number'),
    buildCommit: field(r, 'build_commit', 'string'),
    buildNumber: field(r, 'build_number', 'number'),
    gpuInfo: field<string>(r, 'gpu_info', 'string') ?? '',
    cpuInfo: field<string>(r, 'cpu_info', 'string') ?? '',
    backends: field<string>(r, 'backends', 'string') ?? '',
    testTime: field(r, 'test_time', 'string'),
  };
}

/** Every result in llama-bench's JSON or JSONL output; throws LlamaBenchError naming `file`. */
export function parseLlamaBench(text: string, file: string): BenchRecord[] {
  const values = jsonValues(text, file);
  const list = values.length === 1 && Array.isArray(values[0]) ? (values[0] as unknown[]) : values;
  if (!Array.isArray(list) || list.length === 0) throw new LlamaBenchError(`${file}: expected ${EXPECTED}; found ${describe(list)}.`);
  return list.map((raw, i) => toRecord(raw, `${file}, result ${i + 1} of ${list.length}`));
}

/** Decode (tgN) or prefill (ppN); a combined pp+tg test (-pg) measures neither alone. */
export function recordKind(r: BenchRecord): 'decode' | 'prefill' | 'combined' | 'empty' {
  if (r.generatedTokens > 0 && r.promptTokens > 0) return 'combined';
  if (r.generatedTokens > 0) return 'decode';
  return r.promptTokens > 0 ? 'prefill' : 'empty';
}

// --- Matching ----------------------------------------------------------------------

/** Lowercase letters and digits only: "Qwen3-30B-A3B" and "qwen3_30b_a3b" compare equal. */
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const words = (s: string) => s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
export const baseName = (file: string) => file.split(/[\\/]/).pop()!.replace(/\.gguf$/i, '').replace(/-0*1-of-\d+$/, '');

/**
 * The quant type in llama-bench's model_type, "qwen2 7B Q4_K - Medium" -> "Q4_K_M", written
 * from llama.cpp's llama_model_ftype_name ("Q4_K - Medium", "IQ2_XXS - 2.0625 bpw", "MXFP4 MoE").
 */
export function quantTypeOf(modelType: string): string | null {
  const parts = modelType.replace(/\bmostly\b/, '').trim().split(/\s+/);
  const desc = parts.slice(2).join(' ');
  const m = /^([A-Za-z0-9_]+)(?:\s*-\s*(Small|Medium|Large|Extra Small|[\d.]+ bpw))?/.exec(desc);
  if (!m) return null;
  const size = { Small: '_S', Medium: '_M', Large: '_L', 'Extra Small': '_XS' }[m[2] ?? ''] ?? '';
  return `${m[1]!.toUpperCase()}${size}`;
}

export interface Match<T> {
  /** The id (or quant name) that matched, or null. */
  id: T | null;
  /** Why, or why not: shown beside the row and in the TODO. */
  reason: string;
}

const within = (a: number, b: number, share: number) => Math.abs(a - b) <= share * Math.max(a, b);

type Model = Entry<ModelData>;

function modelScore(model: Model, r: BenchRecord): number {
  const file = squash(baseName(r.modelFilename));
  const arch = squash(r.modelType.split(/\s+/)[0] ?? '');
  let score = 0;
  if (file.includes(squash(model.id)) || file.includes(squash(model.data.name))) score += 2;
  if (arch !== '' && squash(model.data.architecture) === arch) score += 1;
  if (r.modelParams && within(r.modelParams, model.data.parameters.total_billions * 1e9, 0.03)) score += 1;
  return score;
}

/** The model a result ran, by file name, architecture and parameter count; --model wins. */
export function matchModel(r: BenchRecord, models: Model[], override?: string): Match<string> {
  if (override) return { id: override, reason: 'given with --model' };
  const scored = models.map((m) => ({ id: m.id, score: modelScore(m, r) })).filter((s) => s.score >= 2);
  const best = Math.max(0, ...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best).map((s) => s.id);
  if (top.length === 1) return { id: top[0]!, reason: `matched by ${best >= 3 ? 'file name, architecture and size' : 'file name or architecture and parameter count'}` };
  if (top.length > 1) return { id: null, reason: `${baseName(r.modelFilename)} could be ${top.join(' or ')}` };
  return { id: null, reason: `no model in data/models matches ${baseName(r.modelFilename)} (${r.modelType}, ${(r.modelParams ?? 0) / 1e9 > 0 ? `${((r.modelParams ?? 0) / 1e9).toFixed(2)}B parameters` : 'parameters unknown'})` };
}

/** The quant file within the model, by name in the file name, then size and type; --quant wins. */
export function matchQuant(r: BenchRecord, model: Model | undefined, override?: string): Match<string> {
  if (override) return { id: override, reason: 'given with --quant' };
  if (!model) return { id: null, reason: 'the model is not matched yet' };
  const file = squash(baseName(r.modelFilename));
  const type = quantTypeOf(r.modelType);
  const scored = model.data.quants.map((q) => {
    let score = 0;
    if (file.endsWith(squash(q.name))) score += 2;
    // llama-bench's model_size counts tensor bytes only; the listed file adds its header.
    if (q.size !== undefined && within(q.size, r.modelSizeBytes, 0.02)) score += 2;
    if (type !== null && q.type?.toUpperCase() === type) score += 1;
    return { name: q.name, score };
  }).filter((s) => s.score >= 2);
  const best = Math.max(0, ...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best).map((s) => s.name);
  if (top.length === 1) return { id: top[0]!, reason: 'matched by file name, size and type' };
  const gib = (r.modelSizeBytes / 2 ** 30).toFixed(2);
  if (top.length > 1) return { id: null, reason: `${baseName(r.modelFilename)} (${type ?? r.modelType}, ${gib} GiB) could be ${top.join(' or ')}` };
  return { id: null, reason: `no quant of ${model.id} is ${baseName(r.modelFilename)} (${type ?? r.modelType}, ${gib} GiB of tensors): add it first (CONTRIBUTING.md, "Add a quant")` };
}
