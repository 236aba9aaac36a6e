// The fit engine's public surface. Pure TypeScript: runs in the build, the CLI, tests and
// the calculator island alike (no node:, no astro:, no clock).
export { evaluateFit, type FitQuant } from './fit.ts';
export { capacity, type CapacityResult } from './capacity.ts';
export { REASONS, INTERACTIVE_TOKENS_PER_SECOND, type ReasonCode } from './reasons.ts';
export { DEFAULT_CONTEXT_TOKENS } from './options.ts';
export { CALIBRATION, type Calibration } from './calibration.ts';
export type * from './types.ts';
export { verdictHistory, changeDays, type VerdictChange } from './history.ts';
export { fitContextOf } from './context.ts';
