// Measured speeds in data/measurements/<slug>.yaml: one file per source, one row per run.
import { z } from 'zod';
import { httpUrl, isoDate, positiveInt, positiveNumber, slug } from './common.ts';

export const measurementRow = z.strictObject({
  model: slug.describe('Model id (data/models/<id>.yaml).'),
  quant: z.string().min(1).describe('Name of one of that model\'s quants, as written in its `quants` list.'),
  rig: slug.describe('Rig id (data/rigs/<id>.yaml) whose GPU/RAM ran the test.'),
  decode_tokens_per_second: positiveNumber.optional().describe('Generation speed, e.g. llama-bench tg128, tokens per second.'),
  prefill_tokens_per_second: positiveNumber.optional().describe('Prompt processing speed, e.g. llama-bench pp512, tokens per second.'),
  prompt_tokens: positiveInt.optional().describe('Prompt length of the prefill test (512 for pp512).'),
  context_depth: z.number().int().nonnegative().optional().describe('Tokens already in context when decode was measured (llama-bench -d); 0 if not stated.'),
  note: z.string().optional(),
}).refine((r) => r.decode_tokens_per_second !== undefined || r.prefill_tokens_per_second !== undefined, {
  error: 'a measurement row needs decode_tokens_per_second or prefill_tokens_per_second',
  path: ['decode_tokens_per_second'],
});

export const measurementSchema = z.strictObject({
  $schema: z.string().optional(),
  source: httpUrl.describe('Where these numbers were published.'),
  date: isoDate.describe('Date the numbers were published, YYYY-MM-DD.'),
  engine: slug.describe('Engine id that produced them.'),
  tool: z.string().optional().describe('e.g. "llama-bench", "llama-server timings".'),
  hardware_note: z.string().optional().describe('The tester\'s actual system where it differs from the rig profile.'),
  rows: z.array(measurementRow).min(1),
});

export type MeasurementFile = z.output<typeof measurementSchema>;
export type MeasurementRow = z.output<typeof measurementRow>;
