// The engine's front door: one model on one rig as of a day. Itemise (memory parts per
// file), place, time, then judge the walls and decide. Pure: plain objects in and out.
import { CALIBRATION, type Calibration } from './calibration.ts';
import { candidates, type Candidate } from './candidates.ts';
import { decodeTokensPerSecond, type DecodeInput } from './decode-speed.ts';
import { kvCacheBytes } from './kv-cache.ts';
import { benchCommand, serverCommand } from './launch-command.ts';
import { memoryPools, type Pools } from './memory-pools.ts';
import { measuredDecodes } from './measured.ts';
import { modelProfile, type ModelProfile } from './model-profile.ts';
import { contentBytes, place } from './placement.ts';
import { prefillTokensPerSecond, timeToFirstTokenSeconds } from './prefill-speed.ts';
import { resolveOptions } from './options.ts';
import { bestSupport } from './support.ts';
import type { FitContext, FitModel, FitOptions, FitResult, FitRig, QuantResult, ResolvedOptions } from './types.ts';
import { choosePick, decideVerdict, loads } from './verdict.ts';
import { quantizationWall, sizeWall, stackWall } from './walls.ts';

interface Setting {
  model: FitModel;
  rig: FitRig;
  context: FitContext;
  options: ResolvedOptions;
  profile: ModelProfile;
  pools: Pools;
  offload: boolean;
  kvAtContext: number;
  kvAtZero: number;
  measured: ReadonlyMap<string, number>;
  calibration: Calibration;
  /** The same for every file of the model on the rig: computed once. */
  overheadBytes: number;
  prefill: number | null;
}

function evaluateQuant(s: Setting, c: Candidate): QuantResult {
  const expertBytes = s.profile.totalParams > 0 ? (c.weightsBytes * s.profile.expertParams) / s.profile.totalParams : 0;
  const placed = place(s.pools, { weightsBytes: c.weightsBytes, expertBytes, kvBytes: s.kvAtContext, layers: s.profile.layers, offload: s.offload });
  const decode: DecodeInput = { pools: s.pools, placed, kvBytesAtContext: s.kvAtContext, kvReadBytes: s.kvAtZero, expertActiveFraction: s.profile.expertActiveFraction, layers: s.profile.layers };
  const decodeEmpty = decodeTokensPerSecond(decode, s.calibration);
  decode.kvReadBytes = s.kvAtContext;
  const decodeFull = decodeTokensPerSecond(decode, s.calibration);
  const overheadBytes = s.overheadBytes;
  const prefill = placed.placement === 'none' ? null : s.prefill;
  return {
    name: c.name,
    format: c.format,
    native: c.native,
    bitsPerWeight: c.bitsPerWeight,
    weightsBytes: c.weightsBytes,
    kvCacheBytes: s.kvAtContext,
    overheadBytes,
    totalBytes: c.weightsBytes + s.kvAtContext + overheadBytes,
    placement: placed.placement,
    tiers: { gpuBytes: placed.gpus.map(contentBytes), ramBytes: contentBytes(placed.ram), diskBytes: contentBytes(placed.disk) },
    headroomBytes: placed.headroomBytes,
    quality: c.quality,
    qualityReason: c.qualityReason,
    decodeTokensPerSecond: decodeEmpty,
    decodeTokensPerSecondAtContext: decodeFull,
    measuredTokensPerSecond: s.measured.get(c.name) ?? null,
    prefillTokensPerSecond: prefill,
    timeToFirstToken8kSeconds: timeToFirstTokenSeconds(prefill),
    command: s.offload ? serverCommand(c, placed, s.pools, s.profile.layers, s.options.contextTokens, s.options.kvPrecision) : null,
    benchCommand: s.offload ? benchCommand(c, placed, s.pools, s.profile.layers, s.options.kvPrecision) : null,
    cpuMoeLayers: placed.cpuMoeLayers,
    gpuLayers: placed.gpuLayers,
    repo: c.repo,
    engines: c.engines,
    published: c.published,
    removed: c.removed,
  };
}

export type FitQuant = QuantResult;

export function evaluateFit(model: FitModel, rig: FitRig, context: FitContext, partial: FitOptions, calibration: Calibration = CALIBRATION): FitResult {
  const options = resolveOptions(partial, model.data);
  const stack = bestSupport(model.data, rig.data.engines, options.asOf);
  const engineId = stack.status === 'merged' ? stack.engine! : rig.data.engines[0]!;
  const engine = context.engines[engineId];
  const groups = model.data.attention.groups;
  const profile = modelProfile(model.data);
  const pools = memoryPools(rig.data, model.data);
  const s: Setting = {
    model, rig, context, options, calibration, profile, pools,
    offload: engine?.offload === 'layers',
    kvAtContext: kvCacheBytes(groups, options.contextTokens, options.kvPrecision),
    kvAtZero: kvCacheBytes(groups, 0, options.kvPrecision),
    measured: measuredDecodes(context.measurements, model.id, rig.id),
    overheadBytes: pools.gpus.reduce((sum, g) => sum + g.overheadBytes, 0) + pools.ram.overheadBytes,
    prefill: prefillTokensPerSecond(pools, profile.activeParams, profile.expertParams > 0, rig.data.cpu?.fp32_tflops ?? null, calibration),
  };
  const quants = candidates(model.data, s.profile, options.asOf).map((c) => evaluateQuant(s, c));
  const gpu = s.pools.gpus.reduce((sum, g) => sum + g.freeBytes, 0);
  const memoryBytes = { gpu, ram: s.pools.ram.freeBytes, total: gpu + s.pools.ram.freeBytes };
  const size = sizeWall(s.profile.totalParams, s.kvAtContext, memoryBytes.total);
  let quantization = quantizationWall(quants);
  const stackResult = stackWall(stack);
  const pick = size.blocked || quantization.blocked ? null : choosePick(quants, stackResult.blocked ? undefined : { id: engineId, data: engine });
  if (!size.blocked && !quantization.blocked && !stackResult.blocked && !pick && quants.some((q) => !loads({ id: engineId, data: engine }, q)))
    quantization = { blocked: true, reason: 'no-loadable-file' };
  const { verdict, reason } = decideVerdict(size, quantization, stackResult, pick);
  return {
    model: model.id,
    rig: rig.id,
    asOf: options.asOf,
    contextTokens: options.contextTokens,
    kvPrecision: options.kvPrecision,
    verdict,
    reason,
    walls: { size: { blocked: size.blocked, reason: size.reason }, quantization, stack: stackResult },
    pick: pick?.name ?? null,
    engine: stack.status === 'merged' ? stack.engine : null,
    stack,
    minimumBytes: size.minimumBytes,
    memoryBytes,
    quants,
  };
}
