// One file per rig profile in data/rigs/<slug>.yaml.
import { z } from 'zod';
import { bandwidthBytesPerSecond, positiveInt, positiveNumber, sizeBytes, slug, sources } from './common.ts';

export const GPU_BACKENDS = ['cuda', 'rocm', 'metal', 'vulkan', 'sycl'] as const;

export const gpu = z.strictObject({
  model: z.string().min(1).describe('Product name, e.g. "NVIDIA GeForce RTX 5090".'),
  count: positiveInt.default(1).describe('How many of this card the rig has.'),
  memory: sizeBytes.optional().describe('Memory per card, e.g. "32 GiB". Omit on unified-memory machines (the pool is system_ram).'),
  bandwidth: bandwidthBytesPerSecond.describe('Memory bandwidth per card, e.g. "1792 GB/s".'),
  fp16_tflops: positiveNumber.optional().describe('Dense FP16 tensor throughput per card in TFLOPS (10^12 FLOP/s), for prefill.'),
  backend: z.enum(GPU_BACKENDS).describe('Compute backend the engine uses on it: cuda, rocm, metal, vulkan, sycl.'),
  pcie: z
    .strictObject({
      generation: z.number().int().min(1).max(7).describe('PCIe generation of the link the card runs at, e.g. 4.'),
      lanes: z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(8), z.literal(16)]).describe('Lanes the card gets, e.g. 16 (8 when two cards share a CPU\'s x16).'),
    })
    .optional()
    .describe('The host link, which bounds prefill when weights sit in system RAM. Omit on unified-memory machines.'),
});

export const rigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1).describe('Display name, e.g. "Homelab: RTX 5090 + 64 GB DDR5".'),
    summary: z.string().optional().describe('One sentence on who has this rig.'),
    gpus: z.array(gpu).describe('Accelerators. Empty for a CPU-only rig.'),
    unified_memory: z.boolean().describe('True when CPU and GPU share one memory pool (Apple silicon, Strix Halo, DGX Spark).'),
    gpu_memory_limit: sizeBytes
      .optional()
      .describe('Unified memory only: how much of the pool the GPU may use, e.g. "96 GiB" (Metal wired limit, BIOS/GTT split).'),
    system_ram: z.strictObject({
      size: sizeBytes.describe('System RAM, e.g. "64 GiB". On unified machines, the whole pool.'),
      bandwidth: bandwidthBytesPerSecond.describe('RAM bandwidth, e.g. "89.6 GB/s" (MT/s x 8 bytes x channels).'),
      kind: z.string().optional().describe('e.g. "DDR5-5600, 2 channels".'),
    }),
    cpu: z.strictObject({
      model: z.string().min(1),
      cores: positiveInt.optional(),
      fp32_tflops: positiveNumber.optional().describe('Peak FP32 throughput in TFLOPS, for CPU prefill.'),
    }).optional(),
    disk: z
      .strictObject({
        size: sizeBytes.describe('Disk capacity, e.g. "1.8 TB".'),
        read_bandwidth: bandwidthBytesPerSecond.optional().describe('Sequential read, e.g. "7 GB/s", for mmap streaming.'),
      })
      .optional(),
    engines: z.array(slug).min(1).describe('Inference engine ids the rig runs (data/engines/<id>.yaml), preferred first.'),
    daily_driver: slug.optional().describe('Model id the owner runs every day, used as a yardstick in reports.'),
    price_usd: positiveNumber.optional().describe('Launch or list price in US dollars, as sourced.'),
    notes: z.string().optional(),
    sources,
  })
  // A transform, not .superRefine: Astro extends top-level object schemas with `$schema`,
  // which zod refuses on objects that carry refinements.
  .transform((rig, ctx) => {
    if (rig.unified_memory) {
      if (rig.gpu_memory_limit === undefined && rig.gpus.length > 0)
        ctx.addIssue({ code: 'custom', path: ['gpu_memory_limit'], message: 'a unified-memory rig with a GPU needs `gpu_memory_limit`, the share of the pool the GPU may use, e.g. "96 GiB"' });
      rig.gpus.forEach((g, i) => {
        if (g.memory !== undefined)
          ctx.addIssue({ code: 'custom', path: ['gpus', i, 'memory'], message: 'on a unified-memory rig the GPU has no memory of its own: leave `memory` out and set `gpu_memory_limit`' });
      });
    } else {
      if (rig.gpu_memory_limit !== undefined)
        ctx.addIssue({ code: 'custom', path: ['gpu_memory_limit'], message: '`gpu_memory_limit` is for unified-memory rigs only; set `unified_memory: true` or remove it' });
      rig.gpus.forEach((g, i) => {
        if (g.memory === undefined)
          ctx.addIssue({ code: 'custom', path: ['gpus', i, 'memory'], message: 'a discrete GPU needs its `memory`, e.g. "24 GiB"' });
      });
    }
    return rig;
  });

export type RigInput = z.input<typeof rigSchema>;
export type RigData = z.output<typeof rigSchema>;
export type GpuData = z.output<typeof gpu>;
