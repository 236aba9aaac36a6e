// The engine's front door: one model on one rig as of a day. Itemise (memory parts per
// file), place, time, then judge the walls for every engine the rig runs and keep the best
// outcome: a rig that adds an engine can only gain. Pure: plain objects in and out.
import { CALIBRATION, type Calibration } from './calibration.ts';
import { candidates, type Candidate } from './candidates.ts';
import { decodeTimeModel } from './decode-speed.ts';
import { kvCacheBytes } from './kv-cache.ts';
import { benchCommand, convertCommand, serverCommand } from './launch-command.ts';
import { loadableBy } from './loadability.ts';
import { memoryPools, type Pools } from './memory-pools.ts';
import { measuredDecodes } from './measured.ts';
import { modelProfile, type ModelProfile } from './model-profile.ts';
import { judgeEngine, rankOutcomes, type Judgement } from './engine-choice.ts';
import { contentBytes, place } from './placement.ts';
import { tensorSplitOf } from './tensor-bytes.ts';
import { computeSecondsPerToken, prefillTokensPerSecond, timeToFirstTokenSeconds } from './prefill-speed.ts';
import { judgedDepthTokens, resolveOptions } from './options.ts';
import { closestToSupport, supportAsOf } from './support.ts';
import type { FitContext, FitModel, FitOptions, FitResult, FitRig, QuantResult, ResolvedOptions, StackState } from './types.ts';
import { sizeWall } from './walls.ts';

interface Setting {
  model: FitModel;
  rig: FitRig;
  context: FitContext;
  options: ResolvedOptions;
  profile: ModelProfile;
  pools: Pools;
  kvAtContext: number;
  kvAtZero: number;
  kvAtJudged: number;
  measured: ReadonlyMap<string, number>;
  calibration: Calibration;
  /** Engines of the rig with merged support as of the day, in rig order. */
  supported: string[];
  /** The same for every file of the model on the rig: computed once. */
  overheadBytes: number;
  /** Prefill seconds per token from compute alone: the same for every file. */
  prefillComputeSeconds: number | null;
}

function evaluateQuant(s: Setting, c: Candidate, offload: boolean): QuantResult {
  const placed = place(s.pools, {
    weightsBytes: c.weightsBytes, ...tensorSplitOf(c, s.profile, s.model.data),
    kvBytes: s.kvAtContext, layers: s.profile.layers, denseLeadingLayers: s.model.data.moe?.dense_leading_layers ?? 0, offload, cpuMoeLayers: s.options.cpuMoeLayers,
  });
  const time = placed.placement === 'none' ? null : decodeTimeModel({ pools: s.pools, placed, kvBytesAtContext: s.kvAtContext, expertActiveFraction: s.profile.expertActiveFraction, layers: s.profile.layers }, s.calibration);
  const at = (kvReadBytes: number) => (time === null ? null : 1 / (time.fixedSeconds + kvReadBytes * time.secondsPerKvByte));
  const ramWeights = placed.ram.denseBytes + placed.ram.expertBytes + placed.disk.denseBytes + placed.disk.expertBytes;
  const prefill = placed.placement === 'none' ? null : prefillTokensPerSecond(s.prefillComputeSeconds, s.pools, ramWeights, s.calibration);
  const { contextTokens, kvPrecision } = s.options;
  return {
    name: c.name,
    format: c.format,
    native: c.native,
    converted: c.converted,
    nativeDtype: c.nativeDtype,
    type: c.type,
    loadableBy: loadableBy(c, s.supported, s.context.engines),
    bitsPerWeight: c.bitsPerWeight,
    weightsBytes: c.weightsBytes,
    kvCacheBytes: s.kvAtContext,
    overheadBytes: s.overheadBytes,
    totalBytes: c.weightsBytes + s.kvAtContext + s.overheadBytes,
    placement: placed.placement,
    tiers: { gpuBytes: placed.gpus.map(contentBytes), ramBytes: contentBytes(placed.ram) + placed.embeddingBytes, diskBytes: contentBytes(placed.disk) },
    headroomBytes: placed.headroomBytes,
    quality: c.quality,
    qualityReason: c.qualityReason,
    decodeTokensPerSecond: at(s.kvAtZero),
    decodeTokensPerSecondAtContext: at(s.kvAtContext),
    decodeTokensPerSecondAtJudgedDepth: at(s.kvAtJudged),
    measuredTokensPerSecond: s.measured.get(c.name) ?? null,
    prefillTokensPerSecond: prefill,
    timeToFirstToken8kSeconds: timeToFirstTokenSeconds(prefill),
    convertCommand: offload ? convertCommand(c, s.model.id) : null,
    command: offload ? serverCommand(c, s.model.id, placed, s.pools, s.profile.layers, contextTokens, kvPrecision) : null,
    benchCommand: offload ? benchCommand(c, s.model.id, placed, s.pools, s.profile.layers, kvPrecision) : null,
    cpuMoeLayers: placed.cpuMoeLayers,
    gpuLayers: placed.gpuLayers,
    repo: c.repo,
    engines: c.engines,
    published: c.published,
    removed: c.removed,
  };
}

export type FitQuant = QuantResult;

function settingOf(model: FitModel, rig: FitRig, context: FitContext, options: ResolvedOptions, calibration: Calibration, supported: string[]): Setting {
  const groups = model.data.attention.groups;
  const profile = modelProfile(model.data);
  const pools = memoryPools(rig.data, model.data, { contextTokens: options.contextTokens, kvPrecision: options.kvPrecision });
  return {
    model, rig, context, options, calibration, profile, pools, supported,
    kvAtContext: kvCacheBytes(groups, options.contextTokens, options.kvPrecision),
    kvAtZero: kvCacheBytes(groups, 0, options.kvPrecision),
    kvAtJudged: kvCacheBytes(groups, judgedDepthTokens(options.contextTokens), options.kvPrecision),
    measured: measuredDecodes(context.measurements, model.id, rig.id),
    overheadBytes: pools.gpus.reduce((sum, g) => sum + g.overheadBytes, 0) + pools.ram.overheadBytes,
    prefillComputeSeconds: computeSecondsPerToken(pools, profile.activeParams, profile.expertParams > 0, rig.data.cpu?.fp32_tflops ?? null, calibration),
  };
}

export function evaluateFit(model: FitModel, rig: FitRig, context: FitContext, partial: FitOptions, calibration: Calibration = CALIBRATION): FitResult {
  const options = resolveOptions(partial, model.data);
  const engineIds = partial.engine !== undefined ? [partial.engine] : rig.data.engines;
  const states: StackState[] = engineIds.map((e) => supportAsOf(model.data, e, options.asOf));
  const supported = states.filter((st) => st.status === 'merged').map((st) => st.engine!);
  const s = settingOf(model, rig, context, options, calibration, supported);
  const gpu = s.pools.gpus.reduce((sum, g) => sum + g.freeBytes, 0);
  const memoryBytes = { gpu, ram: s.pools.ram.freeBytes, total: gpu + s.pools.ram.freeBytes };
  const head = {
    model: model.id, rig: rig.id, asOf: options.asOf, contextTokens: options.contextTokens,
    judgedDepthTokens: judgedDepthTokens(options.contextTokens), kvPrecision: options.kvPrecision, released: model.data.released,
  };
  const size = sizeWall(s.profile.totalParams, s.kvAtContext, memoryBytes.total);
  if (model.data.released > options.asOf) return notReleased(head, size.minimumBytes, memoryBytes, states);

  // Files are placed once per offload mode (llama.cpp-like engines offload, vLLM-like do not).
  const list = candidates(model.data, s.profile, options.asOf);
  const byMode = new Map<boolean, QuantResult[]>();
  const quantsFor = (offload: boolean): QuantResult[] => {
    let quants = byMode.get(offload);
    if (!quants) byMode.set(offload, (quants = offload ? list.map((c) => evaluateQuant(s, c, true)) : quantsFor(true).map((q) => withoutOffload(q, gpu))));
    return quants;
  };
  const judge = (st: StackState): Judgement => {
    const engine = context.engines[st.engine!];
    return judgeEngine(st, engine, quantsFor(engine?.offload === 'layers'), size);
  };
  const outcomes = states.map(judge);
  // With no engine supporting it, the walls are told for the engine closest to support.
  const closest = closestToSupport(states);
  const best = supported.length > 0 ? rankOutcomes(outcomes.filter((o) => o.stack.status === 'merged'))[0]! : (outcomes.find((o) => o.stack.engine === closest.engine) ?? outcomes[0]);
  if (!best) throw new RangeError(`rig ${rig.id} lists no engines`);
  return {
    ...head,
    verdict: best.verdict,
    reason: best.reason,
    walls: { size: { blocked: size.blocked, reason: size.reason }, quantization: best.quantization, stack: best.stackWall },
    pick: best.pick?.name ?? null,
    engine: best.stack.status === 'merged' ? best.stack.engine : null,
    byEngine: outcomes.map((o) => ({ engine: o.stack.engine!, status: o.stack.status, verdict: o.verdict, reason: o.reason, pick: o.pick?.name ?? null, decodeTokensPerSecondAtJudgedDepth: o.pick?.decodeTokensPerSecondAtJudgedDepth ?? null })),
    stack: best.stack,
    minimumBytes: size.minimumBytes,
    memoryBytes,
    quants: best.quants,
  };
}

/**
 * The same file for an engine that cannot offload: what llama.cpp places all in VRAM lands
 * the same way; anything else does not fit. Derived, not re-placed (the placement is the
 * same arithmetic), and without llama.cpp's command lines.
 */
function withoutOffload(q: QuantResult, gpuFreeBytes: number): QuantResult {
  const commands = { command: null, benchCommand: null, convertCommand: null };
  if (q.placement === 'vram') return { ...q, ...commands };
  return {
    ...q, ...commands, placement: 'none', tiers: { gpuBytes: q.tiers.gpuBytes.map(() => 0), ramBytes: 0, diskBytes: 0 },
    headroomBytes: gpuFreeBytes - (q.weightsBytes + q.kvCacheBytes), decodeTokensPerSecond: null, decodeTokensPerSecondAtContext: null,
    decodeTokensPerSecondAtJudgedDepth: null, prefillTokensPerSecond: null, timeToFirstToken8kSeconds: null, cpuMoeLayers: 0, gpuLayers: 0,
  };
}

type Head = Pick<FitResult, 'model' | 'rig' | 'asOf' | 'contextTokens' | 'judgedDepthTokens' | 'kvPrecision' | 'released'>;

/** Before its release day a model has no files, no support and no verdict: only the fact. */
function notReleased(head: Head, minimumBytes: number, memoryBytes: FitResult['memoryBytes'], states: StackState[]): FitResult {
  const stack = states[0] ?? { engine: null, status: 'none' as const, since: null, link: null };
  const wall = { blocked: false, reason: 'not-released' as const };
  return {
    ...head, verdict: 'not-released', reason: 'not-released',
    walls: { size: wall, quantization: wall, stack: { ...wall, link: null } },
    pick: null, engine: null, byEngine: [], stack, minimumBytes, memoryBytes, quants: [],
  };
}
