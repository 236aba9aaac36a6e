// Shapes the fit engine takes and returns: plain objects, no classes, no I/O.
import type { EngineData, MeasurementFile, ModelData, QualityTier, RigData, SupportStatus } from '../schema/index.ts';
import type { ReasonCode } from './reasons.ts';

export type KvPrecision = 'f16' | 'q8_0' | 'q4_0';
export type Placement = 'vram' | 'vram+ram' | 'disk' | 'none';
/** 'not-released': asked as of a day before the model existed; no walls are judged. */
export type Verdict = 'runs' | 'runs-slowly' | 'not-ready' | 'cloud-only' | 'not-released';

export interface FitModel { id: string; data: ModelData }
export interface FitRig { id: string; data: RigData }
export interface FitEngine { id: string; data: EngineData }

/** What the engine needs besides the model and rig: engines and measurements by id. */
export interface FitContext {
  engines: Record<string, EngineData>;
  measurements: MeasurementFile[];
}

export interface FitOptions {
  /** Context length to plan for; default 32K, capped at the model's maximum. */
  contextTokens?: number;
  kvPrecision?: KvPrecision;
  /** "YYYY-MM-DD": support, quants published and pulled are taken as of this day. */
  asOf: string;
  /** Judge with this engine alone instead of the rig's engines (a measurement's own engine). */
  engine?: string;
  /** Keep the experts of this many blocks in RAM, as a measured run did (--n-cpu-moe), instead of the fewest that fit. */
  cpuMoeLayers?: number;
}

export interface ResolvedOptions {
  contextTokens: number;
  kvPrecision: KvPrecision;
  asOf: string;
  cpuMoeLayers?: number;
}

/** Bytes by where they live. */
export interface TierBytes {
  /** Per GPU, in rig order (multi-GPU rigs have one entry per card). */
  gpuBytes: number[];
  ramBytes: number;
  diskBytes: number;
}

export interface QuantResult {
  name: string;
  format: string;
  /** True for the released weights themselves (no quantization). */
  native: boolean;
  /** A GGUF the reader converts from the released weights; none is published. */
  converted: boolean;
  /** The released weights' dtype (what a conversion starts from). */
  nativeDtype: string;
  /** Quant type (a converted file's target type), when the data names it. */
  type: string | null;
  /** The rig's engines that load this file as of the day (merged support, format, restrictions). */
  loadableBy: string[];
  bitsPerWeight: number;
  weightsBytes: number;
  kvCacheBytes: number;
  overheadBytes: number;
  totalBytes: number;
  placement: Placement;
  /** Where the bytes live. */
  tiers: TierBytes;
  /** Memory left over in the tier the placement fills last (negative: how far over). */
  headroomBytes: number;
  quality: QualityTier;
  qualityReason: 'bits-per-weight' | 'override' | 'removed';
  /** Predicted decode at an empty context (what llama-bench tg128 measures); null when unknown. */
  decodeTokensPerSecond: number | null;
  /** Predicted decode with the whole planned context in the cache. */
  decodeTokensPerSecondAtContext: number | null;
  /** Predicted decode at the judged depth (half the planned context): the speed the verdict judges. */
  decodeTokensPerSecondAtJudgedDepth: number | null;
  measuredTokensPerSecond: number | null;
  prefillTokensPerSecond: number | null;
  /** Seconds to first token for an 8K-token prompt. */
  timeToFirstToken8kSeconds: number | null;
  /** For a converted file: the commands that make it from the released weights. */
  convertCommand: string | null;
  /** The llama.cpp launch that realises this placement, or null. */
  command: string | null;
  /** The llama-bench line that checks the predicted decode speed, or null. */
  benchCommand: string | null;
  /** Experts of this many layers sit in system RAM (llama.cpp --n-cpu-moe). */
  cpuMoeLayers: number;
  /** Layers on the GPU(s) (llama.cpp -ngl). */
  gpuLayers: number;
  repo: string | null;
  /** Engines that load the file, when not all of its format's engines do. */
  engines: string[] | null;
  published: string | null;
  removed: string | null;
}

export interface Wall {
  blocked: boolean;
  reason: ReasonCode;
  link?: string | null;
}

export interface StackState {
  engine: string | null;
  status: SupportStatus;
  since: string | null;
  link: string | null;
}

/** What one of the rig's engines would give: the verdict is the best of these. */
export interface EngineOutcome {
  engine: string;
  status: SupportStatus;
  verdict: Verdict;
  reason: ReasonCode;
  pick: string | null;
  decodeTokensPerSecondAtJudgedDepth: number | null;
}

export interface FitResult {
  model: string;
  rig: string;
  asOf: string;
  contextTokens: number;
  /** The context depth whose decode speed the verdict judges: half the planned context. */
  judgedDepthTokens: number;
  kvPrecision: KvPrecision;
  /** The model's release day (a day before it gives verdict 'not-released'). */
  released: string;
  verdict: Verdict;
  reason: ReasonCode;
  walls: { size: Wall; quantization: Wall; stack: Wall & { link: string | null } };
  pick: string | null;
  /** The engine the verdict is for: the best outcome among the rig's engines. */
  engine: string | null;
  /** Every engine of the rig, in the rig's order: what each would give. */
  byEngine: EngineOutcome[];
  stack: StackState;
  /** Bytes the most extreme quantization (about 1.5 bits per weight) would still need. */
  minimumBytes: number;
  /** VRAM + RAM the rig offers a model after overheads. */
  memoryBytes: { gpu: number; ram: number; total: number };
  quants: QuantResult[];
}
