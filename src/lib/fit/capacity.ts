// "What actually runs on this rig": the largest dense model at Q8_0, Q6_K and Q4_K_M, and
// the largest MoE at Q4_K_M, that decode at a speed floor or faster, all in VRAM and with
// offload to RAM allowed, and the ceiling for weights in VRAM at the planned context.
// The synthetic models take their shape from the catalogue itself: KV bytes per token,
// layer count and (for MoE) active share and experts per token are fitted as power laws of
// parameter count over the models in the data, so no shape is invented here.
import type { ModelData } from '../schema/index.ts';
import { evaluateFit } from './fit.ts';
import { kvCacheBytes } from './kv-cache.ts';
import { median } from './measured.ts';
import { DEFAULT_CONTEXT_TOKENS } from './options.ts';
import type { FitContext, FitRig } from './types.ts';

export interface CapacityResult {
  rig: string;
  minTokensPerSecond: number;
  contextTokens: number;
  /**
   * The most bytes of weights the GPU(s) hold at this context once the driver, compute buffer,
   * margin and the KV cache of a model that size have their share: the seed post's "usable
   * ceiling" (24-28 GB on a 32 GB card), from the engine's own pools and KV model.
   */
  weightsCeilingBytes: number;
  /** maxParams: fits in VRAM + RAM (offload allowed); maxParamsInVram: all in VRAM. Both at the speed floor. */
  dense: { quant: string; maxParams: number; maxParamsInVram: number }[];
  moe: { quant: string; maxTotalParams: number; maxTotalParamsInVram: number };
}

interface Shape { kv: (params: number) => number; layers: (params: number) => number; activeShare: number; expertShare: number }

/** Least squares of log y on log x: y = a·x^b. */
function powerLaw(points: [number, number][]): (x: number) => number {
  const logs = points.filter(([x, y]) => x > 0 && y > 0).map(([x, y]) => [Math.log(x), Math.log(y)] as const);
  const n = logs.length;
  if (n === 0) return () => 0;
  const mx = logs.reduce((s, [x]) => s + x, 0) / n;
  const my = logs.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = logs.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const b = n > 1 && sxx > 0 ? logs.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx : 0;
  return (x) => Math.exp(my + b * (Math.log(x) - mx));
}

function shapeOf(models: ModelData[]): Shape {
  const params = (m: ModelData) => m.parameters.total_billions * 1e9;
  return {
    kv: powerLaw(models.map((m) => [params(m), kvCacheBytes(m.attention.groups, DEFAULT_CONTEXT_TOKENS, 'f16') / DEFAULT_CONTEXT_TOKENS])),
    layers: powerLaw(models.map((m) => [params(m), m.attention.layers])),
    activeShare: median(models.map((m) => (m.parameters.active_billions ?? m.parameters.total_billions) / m.parameters.total_billions)) ?? 1,
    expertShare: median(models.filter((m) => m.moe).map((m) => m.moe!.experts_per_token / m.moe!.experts)) ?? 1,
  };
}

function syntheticModel(params: number, shape: Shape, quant: string, engines: string[], moe: boolean): ModelData {
  const layers = Math.max(1, Math.round(shape.layers(params)));
  const elements = Math.max(2, Math.round(shape.kv(params) / 2 / layers));
  const experts = moe ? Math.max(2, Math.round(1 / shape.expertShare)) : 0;
  return {
    name: 'synthetic', vendor: 'synthetic', released: '1970-01-01', licence: 'n/a', architecture: 'synthetic',
    parameters: { total_billions: params / 1e9, active_billions: moe ? (params * shape.activeShare) / 1e9 : undefined },
    attention: { layers, groups: [{ kind: 'full', layers, kv_heads: 1, head_dim: Math.ceil(elements / 2) }] },
    moe: moe ? { experts, experts_per_token: 1 } : undefined,
    max_context_tokens: DEFAULT_CONTEXT_TOKENS,
    native: { dtype: 'none' },
    quants: [{ name: quant, format: 'gguf', type: quant }],
    support: Object.fromEntries(engines.map((e) => [e, [{ status: 'merged' as const, date: '1970-01-01' }]])),
    sources: [],
  };
}

type Where = 'memory' | 'vram';

/** The quant's result for a synthetic model of `params` parameters on the rig. */
function trial(rig: FitRig, context: FitContext, shape: Shape, quant: string, moe: boolean, params: number) {
  const result = evaluateFit({ id: 'synthetic', data: syntheticModel(params, shape, quant, rig.data.engines, moe) }, rig, context, { asOf: '1970-01-01' });
  return result.quants.find((x) => x.name === quant);
}

/** The largest parameter count that `ok` accepts, by bisection (ok is monotone in size). */
function bisect(ok: (params: number) => boolean): number {
  let low = 0;
  let high = 4e12;
  if (!ok(1e8)) return 0;
  for (let i = 0; i < 40; i++) {
    const mid = (low + high) / 2;
    if (ok(mid)) low = mid;
    else high = mid;
  }
  return low;
}

function largest(rig: FitRig, context: FitContext, shape: Shape, quant: string, moe: boolean, floor: number, where: Where): number {
  const places = where === 'vram' ? ['vram'] : ['vram', 'vram+ram'];
  const low = bisect((params) => {
    const q = trial(rig, context, shape, quant, moe, params);
    return !!q && places.includes(q.placement) && (q.decodeTokensPerSecond ?? 0) >= floor;
  });
  // Report to a tenth of a billion: finer would promise more than the shape fit knows.
  return Math.floor(low / 1e8) * 1e8;
}

/**
 * The most weights any dense model of the catalogue's shape keeps all in VRAM, whatever its
 * speed: the larger the model, the larger its KV cache, so the ceiling is the best of the
 * quants the table shows (in practice Q8_0, the smallest model for its bytes).
 */
function weightsCeiling(rig: FitRig, context: FitContext, shape: Shape): number {
  if (rig.data.gpus.length === 0) return 0;
  const weights = QUANTS.map((quant) => {
    const params = bisect((p) => trial(rig, context, shape, quant, false, p)?.placement === 'vram');
    return params === 0 ? 0 : trial(rig, context, shape, quant, false, params)!.weightsBytes;
  });
  return Math.floor(Math.max(0, ...weights));
}

const QUANTS = ['Q8_0', 'Q6_K', 'Q4_K_M'];

export function capacity(rig: FitRig, models: ModelData[], context: FitContext, minTokensPerSecond: number): CapacityResult {
  const dense = shapeOf(models.filter((m) => !m.moe));
  const moe = shapeOf(models.filter((m) => m.moe));
  const size = (shape: Shape, quant: string, isMoe: boolean, where: Where) => largest(rig, context, shape, quant, isMoe, minTokensPerSecond, where);
  return {
    rig: rig.id,
    minTokensPerSecond,
    contextTokens: DEFAULT_CONTEXT_TOKENS,
    weightsCeilingBytes: weightsCeiling(rig, context, dense),
    dense: QUANTS.map((quant) => ({ quant, maxParams: size(dense, quant, false, 'memory'), maxParamsInVram: size(dense, quant, false, 'vram') })),
    moe: { quant: 'Q4_K_M', maxTotalParams: size(moe, 'Q4_K_M', true, 'memory'), maxTotalParamsInVram: size(moe, 'Q4_K_M', true, 'vram') },
  };
}
