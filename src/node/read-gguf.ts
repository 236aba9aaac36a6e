// Reads GGUF headers from local files with @huggingface/gguf (the header and tensor
// table only: nothing of the tensor data is read, so a 100 GB file takes milliseconds).
import path from 'node:path';
import { gguf } from '@huggingface/gguf';
import type { GgufHeader } from '../lib/scaffold/from-gguf.ts';

export async function readGgufHeader(file: string): Promise<GgufHeader> {
  const { metadata, tensorInfos } = await gguf(path.resolve(file), { allowLocalFile: true });
  return { file: path.basename(file), metadata: metadata as Record<string, unknown>, tensorInfos };
}
