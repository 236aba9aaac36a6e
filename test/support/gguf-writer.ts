// A minimal GGUF v3 writer, so tests can make a model file instead of shipping one.
// Layout (ggml docs/gguf.md): magic, version, tensor and metadata counts, metadata
// key/values, tensor infos, padding to general.alignment (32), then the tensor data.
// Metadata: strings, uint32/int32/float32/bool and arrays of them (gguf.md's type ids);
// tensors of F32/F16/Q8_0/Q4_K/Q6_K, written as zeros or as random weights.
import { randomFillSync } from 'node:crypto';
import fs from 'node:fs';

type Scalar = 'uint32' | 'int32' | 'float32' | 'bool';
export type GgufValue =
  | { type: 'string'; value: string }
  | { type: Scalar; value: number | boolean }
  | { type: 'array'; of: Scalar; value: (number | boolean)[] }
  | { type: 'array'; of: 'string'; value: string[] };
export interface GgufTensor {
  name: string;
  /** ggml type id: 0 F32, 1 F16, 8 Q8_0, 12 Q4_K, 14 Q6_K. */
  type: 0 | 1 | 8 | 12 | 14;
  /** ggml order: the first dimension is the row length (a multiple of the block size). */
  dims: number[];
}

const BLOCKS: Record<GgufTensor['type'], [number, number]> = { 0: [1, 4], 1: [1, 2], 8: [32, 34], 12: [256, 144], 14: [256, 210] };
const ALIGNMENT = 32;
// gguf.md gguf_metadata_value_type
const TYPE_ID: Record<Scalar | 'string' | 'array', number> = { uint32: 4, int32: 5, float32: 6, bool: 7, string: 8, array: 9 };

export function ggufTensorBytes(tensor: GgufTensor): number {
  const [elements, bytes] = BLOCKS[tensor.type];
  return (tensor.dims.reduce((a, b) => a * b, 1) / elements) * bytes;
}

class Parts {
  readonly list: Buffer[] = [];
  u32(n: number) { const b = Buffer.alloc(4); b.writeUInt32LE(n); this.list.push(b); }
  u64(n: number) { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(n)); this.list.push(b); }
  str(s: string) { const b = Buffer.from(s, 'utf8'); this.u64(b.length); this.list.push(b); }
  scalar(type: Scalar, v: number | boolean) {
    const b = Buffer.alloc(type === 'bool' ? 1 : 4);
    if (type === 'uint32') b.writeUInt32LE(Number(v));
    else if (type === 'int32') b.writeInt32LE(Number(v));
    else if (type === 'float32') b.writeFloatLE(Number(v));
    else b.writeUInt8(v ? 1 : 0);
    this.list.push(b);
  }
  value(v: GgufValue) {
    this.u32(TYPE_ID[v.type]);
    if (v.type === 'string') this.str(v.value);
    else if (v.type !== 'array') this.scalar(v.type, v.value);
    else {
      this.u32(TYPE_ID[v.of]);
      this.u64(v.value.length);
      for (const item of v.value) typeof item === 'string' ? this.str(item) : this.scalar(v.of as Scalar, item);
    }
  }
}

/** Header (padded to the alignment) and each tensor's offset in the data section. */
function ggufHeader(metadata: Record<string, GgufValue>, tensors: GgufTensor[]): { header: Buffer; offsets: number[]; dataBytes: number } {
  const p = new Parts();
  p.list.push(Buffer.from('GGUF', 'ascii'));
  p.u32(3);
  p.u64(tensors.length);
  p.u64(Object.keys(metadata).length);
  for (const [key, v] of Object.entries(metadata)) {
    p.str(key);
    p.value(v);
  }
  let offset = 0;
  const offsets = tensors.map((t) => {
    const at = offset;
    offset += Math.ceil(ggufTensorBytes(t) / ALIGNMENT) * ALIGNMENT;
    return at;
  });
  tensors.forEach((t, i) => {
    p.str(t.name);
    p.u32(t.dims.length);
    t.dims.forEach((d) => p.u64(d));
    p.u32(t.type);
    p.u64(offsets[i]!);
  });
  const header = Buffer.concat(p.list);
  const padded = Math.ceil(header.length / ALIGNMENT) * ALIGNMENT;
  return { header: Buffer.concat([header, Buffer.alloc(padded - header.length)]), offsets, dataBytes: offset };
}

export function ggufBytes(metadata: Record<string, GgufValue>, tensors: GgufTensor[]): Buffer {
  const { header, dataBytes } = ggufHeader(metadata, tensors);
  return Buffer.concat([header, Buffer.alloc(dataBytes)]);
}

/** Random weights of one tensor: small F32/F16 values, Q8_0 blocks of random int8 with a 1/64 scale. */
function randomWeights(t: GgufTensor): Buffer {
  const bytes = Buffer.alloc(ggufTensorBytes(t));
  randomFillSync(bytes);
  if (t.type === 0) for (let i = 0; i < bytes.length; i += 4) bytes.writeFloatLE(bytes.readInt8(i) / 2048, i);
  if (t.type === 1) for (let i = 0; i < bytes.length; i += 2) bytes.writeUInt16LE(0x2c00 | (bytes[i]! & 0x83ff), i); // 1/16 <= |x| < 1/8
  if (t.type === 8) for (let i = 0; i < bytes.length; i += 34) bytes.writeUInt16LE(0x2400, i); // f16 scale 2^-6
  return bytes;
}

/** Writes a GGUF file: zeros (a sparse file, nothing written), or random weights. */
export function writeGguf(file: string, metadata: Record<string, GgufValue>, tensors: GgufTensor[], options: { random?: boolean } = {}): void {
  const { header, offsets, dataBytes } = ggufHeader(metadata, tensors);
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, header);
    if (options.random) tensors.forEach((t, i) => fs.writeSync(fd, randomWeights(t), 0, undefined, header.length + offsets[i]!));
    fs.ftruncateSync(fd, header.length + dataBytes);
  } finally {
    fs.closeSync(fd);
  }
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
