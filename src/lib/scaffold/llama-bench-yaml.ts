// The data/measurements file npm run new:measurement writes from llama-bench results: one
// row per decode or prefill result, matched model, file and rig filled in, "TODO: ..." where
// the match failed (npm run validate names each) and always for the source. Pure text.
import type { Entry } from '../data/catalogue.ts';
import { todo } from '../data/todo.ts';
import { schemaComment } from '../schema/common.ts';
import type { ModelData, RigData } from '../schema/index.ts';
import { baseName, matchModel, matchQuant, recordKind, type BenchRecord, type Match } from './from-llama-bench.ts';
import { matchRig } from './llama-bench-rig.ts';
import { scalar } from './yaml-template.ts';

export interface ImportInput {
  records: BenchRecord[];
  models: Entry<ModelData>[];
  rigs: Entry<RigData>[];
  /** The file the results came from, named in the header comment. */
  from: string;
  overrides?: { rig?: string; model?: string; quant?: string };
}

export interface ImportResult {
  slug: string;
  yaml: string;
  rows: number;
  /** Combined pp+tg results (-pg) and empty ones, left out. */
  skipped: number;
  /** One line per match that failed, for the terminal. */
  unmatched: string[];
}

const value = (key: string, match: Match<string>, what: string) =>
  `${key}: ${match.id !== null ? scalar(match.id) : JSON.stringify(todo(`${what} (${match.reason})`))}`;
const round = (v: number) => Number(v.toFixed(2));
const testName = (r: BenchRecord) => `${r.generatedTokens > 0 ? `tg${r.generatedTokens}` : `pp${r.promptTokens}`}${r.depthTokens > 0 ? ` @ d${r.depthTokens}` : ''}`;
const kvType = (r: BenchRecord) => (r.typeK && r.typeV ? (r.typeK === r.typeV ? r.typeK : `${r.typeK}/${r.typeV}`) : (r.typeK ?? r.typeV));

function rowLines(r: BenchRecord, model: Match<string>, quant: Match<string>, rig: Match<string>): string[] {
  const decode = recordKind(r) === 'decode';
  const out = [
    `  # ${testName(r)} of ${baseName(r.modelFilename)} (${r.modelType})`,
    `  - ${value('model', model, 'the model id in data/models/ this file is')}`,
    `    ${value('quant', quant, 'the name of this file in that model\'s quants list')}`,
    `    ${value('rig', rig, 'the rig id in data/rigs/ that ran it')}`,
    decode ? `    decode_tokens_per_second: ${round(r.avgTokensPerSecond)}` : `    prefill_tokens_per_second: ${round(r.avgTokensPerSecond)}`,
  ];
  if (r.stddevTokensPerSecond !== null) out.push(`    stddev_tokens_per_second: ${round(r.stddevTokensPerSecond)}`);
  out.push(decode ? `    generated_tokens: ${r.generatedTokens}` : `    prompt_tokens: ${r.promptTokens}`, `    context_depth: ${r.depthTokens}`);
  const kv = kvType(r);
  if (kv) out.push(`    kv_type: ${scalar(kv)}`);
  if (r.flashAttention !== null) out.push(`    flash_attention: ${scalar(r.flashAttention)}`);
  if (r.gpuLayers !== null) out.push(`    gpu_layers: ${r.gpuLayers}`);
  if (r.cpuMoeLayers !== null) out.push(`    cpu_moe_layers: ${r.cpuMoeLayers}`);
  return out;
}

const slugPart = (s: string) => s.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 40).replace(/-+$/, '');

function fileLevelLines(first: BenchRecord, date: string | null, backend: string | undefined): string[] {
  const out = [
    `source: ${JSON.stringify(todo('where this run is published for a reviewer to open, e.g. the issue or discussion you pasted it into: https://github.com/...'))}`,
    `date: ${date ?? JSON.stringify(todo('the day the run was made or published, written like 2025-04-24'))}`,
    'engine: llama-cpp',
  ];
  if (backend) out.push(`# The run used ${backend}, not the rig's own backend: predictions for these rows use ${backend}'s constants.`, `backend: ${backend}`);
  if (first.buildCommit) out.push('build:', `  commit: ${scalar(first.buildCommit)}`, ...(first.buildNumber ? [`  number: ${first.buildNumber}`] : []));
  const hw = [['gpu_info', first.gpuInfo], ['cpu_info', first.cpuInfo], ['backends', first.backends]].filter(([, v]) => v);
  if (hw.length) out.push('hardware:', ...hw.map(([k, v]) => `  ${k}: ${scalar(v!)}`));
  out.push('# hardware_note: (optional) where your machine differs from the rig profile, e.g. RAM speed or power limit');
  return out;
}

/** The measurement file for a set of llama-bench results. */
export function measurementFromLlamaBench({ records, models, rigs, from, overrides = {} }: ImportInput): ImportResult {
  const used = records.filter((r) => recordKind(r) === 'decode' || recordKind(r) === 'prefill');
  const byId = new Map(models.map((m) => [m.id, m]));
  const unmatched = new Set<string>();
  const rows = used.flatMap((r) => {
    const model = matchModel(r, models, overrides.model);
    const quant = matchQuant(r, model.id ? byId.get(model.id) : undefined, overrides.quant);
    const rig = matchRig(r, rigs, overrides.rig);
    for (const [what, m] of [['model', model], ['quant', quant], ['rig', rig]] as const) if (m.id === null) unmatched.add(`${what}: ${m.reason}`);
    return { r, model, quant, rig };
  });
  const first = used[0] ?? records[0]!;
  const date = /^\d{4}-\d{2}-\d{2}/.exec(first.testTime ?? '')?.[0] ?? null;
  const tests = [...new Set(used.map(testName))];
  const files = [...new Set(rows.map((x) => x.model.id ?? slugPart(baseName(x.r.modelFilename))))];
  const rigsUsed = [...new Set(rows.map((x) => x.rig.id ?? slugPart(first.gpuInfo || first.cpuInfo || 'rig')))];
  const slug = [files.length === 1 ? files[0]! : 'llama-bench', rigsUsed.length === 1 ? rigsUsed[0]! : 'rigs', date ?? 'undated'].filter(Boolean).join('-');
  const yaml = [
    schemaComment('measurements'),
    `# Imported by npm run new:measurement from ${from}: ${used.length} llama-bench result${used.length === 1 ? '' : 's'}${records.length > used.length ? ` (${records.length - used.length} combined pp+tg or empty left out)` : ''}.`,
    '# Replace every "TODO: ..." value (npm run validate lists them). CONTRIBUTING.md, "Contribute your llama-bench run".',
    ...fileLevelLines(first, date, rows.find((x) => x.rig.backend)?.rig.backend),
    `tool: ${scalar(`llama-bench (${tests.join(', ') || 'no decode or prefill results'})`)}`,
    'rows:',
    ...rows.flatMap((x) => rowLines(x.r, x.model, x.quant, x.rig)),
  ].join('\n');
  return { slug, yaml: `${yaml}\n`, rows: rows.length, skipped: records.length - used.length, unmatched: [...unmatched] };
}
