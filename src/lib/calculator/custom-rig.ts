// A reader's own rig, from the calculator form, validated in place.
// zod/mini rather than the data's classic schema: the classic rig schema alone is ~26 KB
// gzipped, past the island's whole 25 KB budget. The rules are the data's own: the same
// unit patterns and parsers (units.ts), GiB for memory, GB/s for bandwidth.
import * as z from 'zod/mini';
import { GB, GiB } from '../units.ts';
import type { FitRig, KvPrecision } from '../fit/types.ts';

const KV = ['f16', 'q8_0', 'q4_0'] as const;
const BACKENDS = ['cuda', 'rocm', 'metal', 'vulkan', 'sycl'] as const;

const number = (label: string, min: number, max: number) =>
  z.pipe(
    z.string().check(z.trim(), z.regex(/^\d+(\.\d+)?$/, { error: `${label}: write a number, e.g. ${min === 0 ? 0 : Math.max(1, min)}` })),
    z.transform(Number),
  ).check(z.refine((v: number) => v >= min && v <= max, { error: `${label}: between ${min} and ${max}` }));

export const calculatorInput = z.object({
  vram: number('VRAM per GPU (GiB)', 0, 4096),
  gpus: number('GPUs', 0, 16),
  bandwidth: number('GPU bandwidth (GB/s)', 1, 20000),
  ram: number('System RAM (GiB)', 1, 65536),
  ramBandwidth: number('RAM bandwidth (GB/s)', 1, 20000),
  unified: z.enum(['yes', 'no']),
  backend: z.enum(BACKENDS),
  engine: z.string().check(z.minLength(1)),
  context: number('Context (tokens)', 1, 10_000_000),
  kv: z.enum(KV),
});

export type CalculatorFields = Record<keyof z.infer<typeof calculatorInput>, string>;
export interface FieldProblem { field: string; message: string }
export interface CalculatorState { rig: FitRig; contextTokens: number; kvPrecision: KvPrecision }

export function customRig(fields: CalculatorFields): { state?: CalculatorState; problems: FieldProblem[] } {
  const parsed = calculatorInput.safeParse(fields);
  if (!parsed.success) return { problems: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message })) };
  const v = parsed.data;
  const unified = v.unified === 'yes';
  const gpuCount = Math.round(v.gpus);
  const gpus = gpuCount === 0 || v.vram === 0 ? [] : [{ model: 'Your GPU', count: unified ? 1 : gpuCount, memory: unified ? undefined : v.vram * GiB, bandwidth: v.bandwidth * GB, backend: v.backend }];
  const rig: FitRig = {
    id: 'custom',
    data: {
      name: 'Your rig',
      gpus,
      unified_memory: unified,
      gpu_memory_limit: unified && gpus.length > 0 ? Math.min(v.vram, v.ram) * GiB : undefined,
      system_ram: { size: v.ram * GiB, bandwidth: v.ramBandwidth * GB },
      engines: [v.engine],
      sources: [],
    },
  };
  return { state: { rig, contextTokens: Math.round(v.context), kvPrecision: v.kv }, problems: [] };
}

/** The form fields for a rig from the data, so presets fill the form. */
export function fieldsFromRig(rig: FitRig['data'], context: number, kv: KvPrecision): CalculatorFields {
  const gpu = rig.gpus[0];
  const round = (v: number) => String(Math.round(v * 10) / 10);
  return {
    vram: round(rig.unified_memory ? (rig.gpu_memory_limit ?? 0) / GiB : (gpu?.memory ?? 0) / GiB),
    gpus: String(gpu ? rig.gpus.reduce((n, g) => n + g.count, 0) : 0),
    bandwidth: round((gpu?.bandwidth ?? rig.system_ram.bandwidth) / GB),
    ram: round(rig.system_ram.size / GiB),
    ramBandwidth: round(rig.system_ram.bandwidth / GB),
    unified: rig.unified_memory ? 'yes' : 'no',
    backend: gpu?.backend ?? 'cuda',
    engine: rig.engines[0] ?? 'llama-cpp',
    context: String(context),
    kv,
  };
}
