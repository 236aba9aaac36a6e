// A minimal GGUF v3 writer, so tests can make a tiny model file instead of shipping one.
// Layout (ggml docs/gguf.md): magic, version, tensor and metadata counts, metadata
// key/values, tensor infos, padding to general.alignment (32), then the tensor data.
// Only what the tests need: string and uint32 metadata; tensors of F32/F16/Q8_0/Q4_K/Q6_K.
import fs from 'node:fs';

export type GgufValue = { type: 'string'; value: string } | { type: 'uint32'; value: number };
export interface GgufTensor {
  name: string;
  /** ggml type id: 0 F32, 1 F16, 8 Q8_0, 12 Q4_K, 14 Q6_K. */
  type: 0 | 1 | 8 | 12 | 14;
  /** ggml order: the first dimension is the row length (a multiple of the block size). */
  dims: number[];
}

const BLOCKS: Record<GgufTensor['type'], [number, number]> = { 0: [1, 4], 1: [1, 2], 8: [32, 34], 12: [256, 144], 14: [256, 210] };
const ALIGNMENT = 32;

export function ggufTensorBytes(tensor: GgufTensor): number {
  const [elements, bytes] = BLOCKS[tensor.type];
  return (tensor.dims.reduce((a, b) => a * b, 1) / elements) * bytes;
}

export function ggufBytes(metadata: Record<string, GgufValue>, tensors: GgufTensor[]): Buffer {
  const parts: Buffer[] = [];
  const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); parts.push(b); };
  const u64 = (n: number) => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(n)); parts.push(b); };
  const str = (s: string) => { const b = Buffer.from(s, 'utf8'); u64(b.length); parts.push(b); };

  parts.push(Buffer.from('GGUF', 'ascii'));
  u32(3);
  u64(tensors.length);
  u64(Object.keys(metadata).length);
  for (const [key, v] of Object.entries(metadata)) {
    str(key);
    if (v.type === 'string') { u32(8); str(v.value); } else { u32(4); u32(v.value); }
  }
  let offset = 0;
  const offsets = tensors.map((t) => {
    const at = offset;
    offset += Math.ceil(ggufTensorBytes(t) / ALIGNMENT) * ALIGNMENT;
    return at;
  });
  tensors.forEach((t, i) => {
    str(t.name);
    u32(t.dims.length);
    t.dims.forEach(u64);
    u32(t.type);
    u64(offsets[i]!);
  });
  const header = Buffer.concat(parts);
  const padded = Math.ceil(header.length / ALIGNMENT) * ALIGNMENT;
  return Buffer.concat([header, Buffer.alloc(padded - header.length), Buffer.alloc(offset)]);
}

export function writeGguf(file: string, metadata: Record<string, GgufValue>, tensors: GgufTensor[]): void {
  fs.writeFileSync(file, ggufBytes(metadata, tensors));
}

/** A tiny two-layer-ish MoE "model": Q4_K_M file type, routed experts in one tensor. */
export function tinyMoeGguf(file: string): { parameters: number; tensorBytes: number } {
  const tensors: GgufTensor[] = [
    { name: 'token_embd.weight', type: 1, dims: [64, 8] },
    { name: 'blk.0.attn_q.weight', type: 12, dims: [256, 4] },
    { name: 'blk.0.ffn_gate_exps.weight', type: 12, dims: [256, 2, 4] },
    { name: 'blk.0.ffn_down_exps.weight', type: 14, dims: [256, 2, 4] },
    { name: 'output_norm.weight', type: 0, dims: [64] },
  ];
  writeGguf(
    file,
    {
      'general.architecture': { type: 'string', value: 'qwen3moe' },
      'general.name': { type: 'string', value: 'Tiny Test MoE' },
      'general.file_type': { type: 'uint32', value: 15 /* MOSTLY_Q4_K_M */ },
      'qwen3moe.expert_count': { type: 'uint32', value: 4 },
      'qwen3moe.expert_used_count': { type: 'uint32', value: 2 },
    },
    tensors,
  );
  return {
    parameters: tensors.reduce((n, t) => n + t.dims.reduce((a, b) => a * b, 1), 0),
    tensorBytes: tensors.reduce((n, t) => n + ggufTensorBytes(t), 0),
  };
}
