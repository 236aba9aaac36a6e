// Every reason the engine can give, with the words readers see. One catalogue, so the
// CLI, the reports and the calculator all say the same thing.

export const REASONS = {
  // size wall
  'fits-memory': { wall: 'size', title: 'Small enough', text: 'Quantized far enough, the model fits in this rig\'s memory.' },
  'too-big-for-memory': { wall: 'size', title: 'Too big', text: 'Even at about 1.5 bits per weight the model would not fit in VRAM + RAM: no quantization can bring it home.' },
  // quantization wall
  'viable-quant-fits': { wall: 'quantization', title: 'A good-enough file fits', text: 'A published file at or above the quality floor fits in memory.' },
  'no-quants-published': { wall: 'quantization', title: 'Nothing published that fits', text: 'No published file (quant or original weights) is small enough; a smaller quant would have to be made first.' },
  'fitting-quants-below-floor': { wall: 'quantization', title: 'Only files below the quality floor fit', text: 'The files that fit are below the quality floor (too few bits per weight) or were pulled by their makers; the good-enough ones do not fit in VRAM + RAM.' },
  'viable-quants-need-disk': { wall: 'quantization', title: 'Good-enough files need disk', text: 'Every file at or above the quality floor is larger than VRAM + RAM and would stream from disk.' },
  'no-loadable-file': { wall: 'quantization', title: 'No file for this engine', text: 'The files that fit come only in formats the rig\'s engine does not load.' },
  // stack wall
  'supported': { wall: 'stack', title: 'Supported', text: 'The rig\'s inference engine supports this architecture.' },
  'support-pr-open': { wall: 'stack', title: 'Support is an open PR', text: 'Support for this architecture is in an open pull request, not merged.' },
  'support-fork-only': { wall: 'stack', title: 'Forks only', text: 'Only forks of the engine run this architecture; mainline does not.' },
  'support-none': { wall: 'stack', title: 'Not supported', text: 'The rig\'s inference engine does not support this architecture.' },
  'support-unknown': { wall: 'stack', title: 'Support not recorded', text: 'The data has no record of this engine supporting the architecture.' },
  // verdicts
  'runs-in-vram': { wall: 'verdict', title: 'Runs', text: 'Fits in GPU memory and decodes at an interactive speed.' },
  'runs-with-offload': { wall: 'verdict', title: 'Runs with offload', text: 'Part of the model sits in system RAM, and it still decodes at an interactive speed.' },
  'too-slow': { wall: 'verdict', title: 'Runs slowly', text: 'It runs, but decodes below 10 tokens per second once half the planned context is in the cache.' },
  'speed-unknown': { wall: 'verdict', title: 'Speed unknown', text: 'It fits, but the rig lacks the bandwidth figures to predict its speed.' },
  'cloud-only': { wall: 'verdict', title: 'Cloud only', text: 'Too big for this rig at any quantization: use a hosted API.' },
  'not-ready-quantization': { wall: 'verdict', title: 'Not ready: quantization', text: 'The model could fit, but no good-enough file does yet.' },
  'not-ready-stack': { wall: 'verdict', title: 'Not ready: engine support', text: 'A file fits, but the rig\'s engine cannot run the architecture yet.' },
  'not-released': { wall: 'verdict', title: 'Not released yet', text: 'The model did not exist yet on that day: there is nothing to run.' },
  'not-ready-both': { wall: 'verdict', title: 'Not ready: quants and engine', text: 'No good-enough file fits, and the engine does not support the architecture yet.' },
} as const satisfies Record<string, { wall: string; title: string; text: string }>;

export type ReasonCode = keyof typeof REASONS;

/** Decode speed at or above which a model "runs" (tokens per second). */
export const INTERACTIVE_TOKENS_PER_SECOND = 10;
