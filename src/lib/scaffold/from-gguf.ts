// What a model file's GGUF header tells a scaffold: the quant type, the exact bytes of its
// tensors and its parameter count. Takes headers already parsed (by @huggingface/gguf, see
// src/node/read-gguf.ts) and does no I/O; split files ("-00001-of-00003") are summed as one quant.
import { GGMLFileQuantizationType, GGMLQuantizationType, parseGGUFQuantLabel, parseGgufShardFilename } from '@huggingface/gguf';
import { tensorBytes } from './ggml-types.ts';

export interface GgufHeader {
  /** File name, for the label and for messages. */
  file: string;
  metadata: Record<string, unknown>;
  tensorInfos: readonly { name: string; shape: readonly bigint[]; dtype: number }[];
}

export interface GgufQuant {
  files: string[];
  /** The label the file is published under ("UD-Q4_K_XL"), from its name; else its type. */
  name: string;
  /** Quant type for the bits-per-weight table ("Q4_K_M"). */
  type: string;
  typeFrom: 'general.file_type' | 'tensor types';
  /** Sum of the tensors' exact sizes, in bytes (the file adds its header and padding). */
  tensorBytes: number;
  parameters: number;
  /** Parameters in routed-expert tensors (llama.cpp names them *_exps). */
  expertParameters: number;
  /** Exact bytes of the routed-expert tensors (*_exps), for tensor_sizes. */
  expertBytes: number;
  /** Vocabulary size: the tokenizer's token list (tokenizer.ggml.tokens). */
  vocabSize?: number;
  /** Leading blocks with no experts (<arch>.leading_dense_block_count). */
  denseLeadingLayers?: number;
  /** No output.weight tensor: llama.cpp reuses the token embedding as the output. */
  tiedEmbeddings: boolean;
  experts?: number;
  expertsPerToken?: number;
  /** general.architecture, llama.cpp's name for the architecture ("qwen3moe"). */
  ggufArchitecture?: string;
  /** Tensor types missing from the size table: their bytes are not in tensorBytes. */
  unknownTypes: string[];
}

/** File-type names that are not base types of the bits-per-weight table. */
const TYPE_ALIASES: Record<string, string> = { MXFP4_MOE: 'MXFP4', Q4_1_SOME_F16: 'Q4_1', Q4_0_4_4: 'Q4_0', Q4_0_4_8: 'Q4_0', Q4_0_8_8: 'Q4_0' };

const metadataNumber = (metadata: Record<string, unknown>, key: string) => {
  const value = metadata[key];
  return typeof value === 'number' || typeof value === 'bigint' ? Number(value) : undefined;
};

function quantType(headers: GgufHeader[], bytesByType: Map<number, bigint>): Pick<GgufQuant, 'type' | 'typeFrom'> {
  const fileType = metadataNumber(headers[0]!.metadata, 'general.file_type');
  const name = fileType === undefined ? undefined : GGMLFileQuantizationType[fileType];
  if (name) return { type: TYPE_ALIASES[name] ?? name, typeFrom: 'general.file_type' };
  // No file type recorded: the type that holds most of the bytes.
  const [dominant] = [...bytesByType.entries()].sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : 0))[0] ?? [0];
  return { type: GGMLQuantizationType[dominant] ?? `type ${dominant}`, typeFrom: 'tensor types' };
}

/** One quant from the header(s) of one file or of every part of a split file. */
export function quantFromGguf(headers: GgufHeader[]): GgufQuant {
  let bytes = 0n;
  let parameters = 0n;
  let expertParameters = 0n;
  let expertBytes = 0n;
  let hasOutput = false;
  const bytesByType = new Map<number, bigint>();
  const unknown = new Set<string>();
  for (const header of headers) {
    for (const tensor of header.tensorInfos) {
      const elements = tensor.shape.reduce((n, d) => n * BigInt(d), 1n);
      parameters += elements;
      if (/_exps\b/.test(tensor.name)) expertParameters += elements;
      if (tensor.name === 'output.weight') hasOutput = true;
      const size = tensorBytes(tensor.dtype, tensor.shape);
      if (size !== undefined && /_exps\b/.test(tensor.name)) expertBytes += size;
      if (size === undefined) unknown.add(GGMLQuantizationType[tensor.dtype] ?? `type ${tensor.dtype}`);
      else {
        bytes += size;
        bytesByType.set(tensor.dtype, (bytesByType.get(tensor.dtype) ?? 0n) + size);
      }
    }
  }
  const first = headers[0]!;
  const arch = typeof first.metadata['general.architecture'] === 'string' ? (first.metadata['general.architecture'] as string) : undefined;
  const { type, typeFrom } = quantType(headers, bytesByType);
  const label = parseGGUFQuantLabel(first.file.split(/[\\/]/).pop()!);
  return {
    files: headers.map((h) => h.file),
    name: label ?? type,
    type,
    typeFrom,
    tensorBytes: Number(bytes),
    parameters: Number(parameters),
    expertParameters: Number(expertParameters),
    expertBytes: Number(expertBytes),
    vocabSize: Array.isArray(first.metadata['tokenizer.ggml.tokens']) ? (first.metadata['tokenizer.ggml.tokens'] as unknown[]).length : arch ? metadataNumber(first.metadata, `${arch}.vocab_size`) : undefined,
    denseLeadingLayers: arch ? metadataNumber(first.metadata, `${arch}.leading_dense_block_count`) : undefined,
    tiedEmbeddings: !hasOutput,
    experts: arch ? metadataNumber(first.metadata, `${arch}.expert_count`) : undefined,
    expertsPerToken: arch ? metadataNumber(first.metadata, `${arch}.expert_used_count`) : undefined,
    ggufArchitecture: arch,
    unknownTypes: [...unknown].sort(),
  };
}

/** Groups the parts of split files ("x-00001-of-00002.gguf") so each quant is summed once. */
export function groupShards(headers: GgufHeader[]): GgufHeader[][] {
  const groups = new Map<string, GgufHeader[]>();
  for (const header of headers) {
    const base = header.file.split(/[\\/]/).pop()!;
    const key = parseGgufShardFilename(base)?.prefix ?? base;
    groups.set(key, [...(groups.get(key) ?? []), header]);
  }
  return [...groups.values()].map((g) => [...g].sort((a, b) => a.file.localeCompare(b.file)));
}
