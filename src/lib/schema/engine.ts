// One file per inference engine in data/engines/<slug>.yaml.
import { z } from 'zod';
import { httpUrl, sources } from './common.ts';
import { QUANT_FORMATS } from './model.ts';
import { GPU_BACKENDS } from './rig.ts';

export const engineSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1).describe('Display name, e.g. "llama.cpp".'),
  homepage: httpUrl,
  formats: z.array(z.enum(QUANT_FORMATS)).min(1).describe('Weight formats the engine loads.'),
  backends: z.array(z.enum([...GPU_BACKENDS, 'cpu'])).min(1).describe('Hardware backends it runs on.'),
  offload: z
    .enum(['layers', 'none'])
    .describe('"layers": can split a model between GPU memory and system RAM (llama.cpp -ngl, --n-cpu-moe). "none": the model must fit in GPU memory.'),
  launch: z
    .enum(['llama.cpp', 'none'])
    .describe('Which launch-command dialect the engine speaks: llama.cpp flags, or none we print.'),
  support_check: z.string().optional().describe('How to tell whether an architecture is supported.'),
  sources,
});

export type EngineData = z.output<typeof engineSchema>;
