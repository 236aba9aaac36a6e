// What would change the verdict, cheapest lever first, each one the engine re-run with
// one thing changed: a smaller KV cache type, a shorter context, another engine the rig
// could add, a file of a named size, more memory. Only levers that move the verdict (or,
// for a model that runs, make it markedly faster) are kept.
import { verdictRank } from './engine-choice.ts';
import { evaluateFit } from './fit.ts';
import type { FitContext, FitModel, FitResult, FitRig, KvPrecision, ResolvedOptions } from './types.ts';
import { GiB } from '../units.ts';
import { fitThresholds } from './thresholds.ts';
import { tierRank } from './quality.ts';

export type LeverKind = 'kv-precision' | 'context' | 'engine' | 'file' | 'ram' | 'memory';

export interface Lever {
  kind: LeverKind;
  /** What changes: the KV type, the context in tokens, the engine id, the file size in bytes, or GiB more GPU memory. */
  kvPrecision?: KvPrecision;
  contextTokens?: number;
  engine?: string;
  weightsBytes?: number;
  extraGpuBytes?: number;
  /** More system RAM, bytes (discrete rigs: cheaper than VRAM, and what offload runs from). */
  extraRamBytes?: number;
  verdict: FitResult['verdict'];
  pick: string | null;
  decodeTokensPerSecondAtJudgedDepth: number | null;
}

/** A file this much faster at the judged depth counts as a lever for a model that already runs. */
const SPEEDUP = 1.5;
const MIN_CONTEXT_TOKENS = 4096;
const MEMORY_STEPS_GIB = [4, 8, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512];

const speed = (r: FitResult) => r.quants.find((q) => q.name === r.pick)?.decodeTokensPerSecondAtJudgedDepth ?? null;

const pickTier = (r: FitResult) => { const q = r.quants.find((x) => x.name === r.pick); return q ? tierRank(q.quality) : Infinity; };

/** A better verdict; or, for a model that runs, a better-quality pick or a markedly faster one. */
function better(candidate: FitResult, base: FitResult): boolean {
  const d = verdictRank(candidate.verdict) - verdictRank(base.verdict);
  if (d !== 0) return d < 0;
  if (base.verdict !== 'runs') return false;
  if (pickTier(candidate) !== pickTier(base)) return pickTier(candidate) < pickTier(base);
  const a = speed(candidate);
  const b = speed(base);
  return a !== null && b !== null && a >= SPEEDUP * b;
}

const leverOf = (kind: LeverKind, r: FitResult, what: Partial<Lever>): Lever => ({ kind, ...what, verdict: r.verdict, pick: r.pick, decodeTokensPerSecondAtJudgedDepth: speed(r) });

export function verdictLevers(model: FitModel, rig: FitRig, context: FitContext, options: ResolvedOptions, base: FitResult): Lever[] {
  if (base.verdict === 'not-released' || base.verdict === 'cloud-only') return [...ramLever(model, rig, context, options, base), ...memoryLever(model, rig, context, options, base)];
  const run = (o: Partial<ResolvedOptions>, r: FitRig = rig, m: FitModel = model) => evaluateFit(m, r, context, { ...options, ...o });
  const levers: Lever[] = [];
  let bestSoFar = base;
  for (const kv of ['q8_0', 'q4_0'] as const) {
    if (kv === options.kvPrecision || (options.kvPrecision === 'q4_0')) continue;
    const r = run({ kvPrecision: kv });
    if (better(r, bestSoFar)) { levers.push(leverOf('kv-precision', r, { kvPrecision: kv })); bestSoFar = r; }
  }
  for (let ctx = Math.floor(options.contextTokens / 2); ctx >= MIN_CONTEXT_TOKENS; ctx = Math.floor(ctx / 2)) {
    const r = run({ contextTokens: ctx });
    if (better(r, base)) { levers.push(leverOf('context', r, { contextTokens: ctx })); break; }
  }
  levers.push(...engineLevers(model, rig, context, options, base, run));
  levers.push(...fileLever(model, rig, context, options, base, run));
  levers.push(...ramLever(model, rig, context, options, base));
  levers.push(...memoryLever(model, rig, context, options, base));
  return levers;
}

function engineLevers(model: FitModel, rig: FitRig, context: FitContext, options: ResolvedOptions, base: FitResult, run: (o: Partial<ResolvedOptions>, r?: FitRig) => FitResult): Lever[] {
  const backends = new Set<string>(rig.data.gpus.length > 0 ? rig.data.gpus.map((g) => g.backend) : ['cpu']);
  const out: Lever[] = [];
  for (const [id, engine] of Object.entries(context.engines).sort(([a], [b]) => a.localeCompare(b))) {
    if (rig.data.engines.includes(id) || ![...backends].every((b) => engine.backends.includes(b as never))) continue;
    const r = run({}, { id: rig.id, data: { ...rig.data, engines: [...rig.data.engines, id] } });
    if (r.engine === id && better(r, base)) out.push(leverOf('engine', r, { engine: id }));
  }
  return out;
}

/** A published file of the size that would fit in VRAM beside the KV cache, at or above the floor. */
function fileLever(model: FitModel, rig: FitRig, context: FitContext, options: ResolvedOptions, base: FitResult, run: (o: Partial<ResolvedOptions>, r?: FitRig, m?: FitModel) => FitResult): Lever[] {
  const pick = base.quants.find((q) => q.name === base.pick);
  if (base.walls.stack.blocked || (pick && pick.placement === 'vram')) return [];
  const t = fitThresholds(model.data, rig, context, base);
  const weightsBytes = Math.floor(t.maxVramWeightsBytes / 1e8) * 1e8;
  if (weightsBytes < t.floorWeightsBytes || weightsBytes <= 0) return [];
  const format = base.engine === null ? 'gguf' : (context.engines[base.engine]?.formats[0] ?? 'gguf');
  const file = { name: 'a file of that size', format, size: weightsBytes, published: options.asOf };
  const withFile = { id: model.id, data: { ...model.data, quants: [...model.data.quants, file] } };
  const r = run({}, rig, withFile);
  return better(r, base) ? [leverOf('file', r, { weightsBytes })] : [];
}

const RAM_STEPS_GIB = [16, 32, 64, 96, 128, 192, 256, 384, 512, 768, 1024];

type RigData = FitRig['data'];

/** The first step of extra memory, applied by `grow`, that moves the verdict. */
function leastMemory(kind: 'ram' | 'memory', steps: number[], grow: (extra: number) => RigData, model: FitModel, rig: FitRig, context: FitContext, options: ResolvedOptions, base: FitResult): Lever[] {
  for (const gib of steps) {
    const extra = gib * GiB;
    const r = evaluateFit(model, { id: rig.id, data: grow(extra) }, context, options);
    if (better(r, base)) return [leverOf(kind, r, kind === 'ram' ? { extraRamBytes: extra } : { extraGpuBytes: extra })];
  }
  return [];
}

/** The least extra system RAM that moves the verdict, on a rig whose engines offload (discrete GPUs or CPU only). */
function ramLever(model: FitModel, rig: FitRig, context: FitContext, options: ResolvedOptions, base: FitResult): Lever[] {
  if (rig.data.unified_memory || base.verdict === 'not-released') return [];
  const grow = (extra: number) => ({ ...rig.data, system_ram: { ...rig.data.system_ram, size: rig.data.system_ram.size + extra } });
  return leastMemory('ram', RAM_STEPS_GIB, grow, model, rig, context, options, base);
}

/** The least extra GPU memory, spread over the cards (or added to a unified pool), that moves the verdict. */
function memoryLever(model: FitModel, rig: FitRig, context: FitContext, options: ResolvedOptions, base: FitResult): Lever[] {
  if (base.verdict === 'not-released' || rig.data.gpus.length === 0) return [];
  const cards = rig.data.gpus.reduce((n, g) => n + g.count, 0);
  const grow = (extra: number): RigData => rig.data.unified_memory
    ? { ...rig.data, system_ram: { ...rig.data.system_ram, size: rig.data.system_ram.size + extra }, gpu_memory_limit: (rig.data.gpu_memory_limit ?? 0) + extra }
    : { ...rig.data, gpus: rig.data.gpus.map((g) => ({ ...g, memory: (g.memory ?? 0) + extra / cards })) };
  return leastMemory('memory', MEMORY_STEPS_GIB, grow, model, rig, context, options, base);
}
