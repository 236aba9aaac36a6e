// A file's size over the model's parameters gives its bits per weight. A value no file of its
// type can have is a unit slip (MB for GB), parameters written in millions, or the wrong type.
import type { Entry } from './catalogue.ts';
import type { Problem } from './problem.ts';
import type { ModelData } from '../schema/index.ts';
import { bytesText, round } from './semantic-text.ts';
import { typeBits, type TypeBits } from './semantic-type-bits.ts';

/** No file stores fewer bits than a ternary one (TQ1_0 is 1.69; IQ1_S mixes are 1.56), or more than F32 plus its header. */
const ABSOLUTE_MIN_BITS = 1;
const ABSOLUTE_MAX_BITS = 33;
/**
 * How far a real file strays from its type's nominal bits, measured on every file in data/:
 * Unsloth UD mixes go from 0.75x (DeepSeek R1 UD-Q2_K_XL) to 1.38x (GLM 4.6 UD-IQ1_M keeps
 * attention at 8 bits), small models carry embeddings at high precision (ZAYA1-8B's MLX MXFP4 is
 * 1.32x, Qwen3.8 27B's NVFP4 1.45x). The bounds leave room beyond those and still catch a 1000x
 * unit slip.
 */
const LOW_FACTOR = 0.6;
const HIGH_FACTOR = 1.6;
/**
 * Low-bit mixes keep embeddings, output and attention at 6-8 bits whatever the type, which adds
 * bits rather than a share: Gemma 4 26B-A4B's UD-IQ2_XXS is 3.14 bits, 1.52x its 2.06. So the
 * ceiling is also never below the type's bits plus this.
 */
const HIGH_EXTRA_BITS = 2;

export function checkSizes({ file, data }: Entry<ModelData>): Problem[] {
  const params = data.parameters.total_billions * 1e9;
  // A file never needs fewer bits than the weights were released in: an "F16" or "Q8_K_XL" GGUF
  // of gpt-oss or Kimi K2.6 keeps their 4-bit experts as released, so the floor follows the release.
  const native = typeBits(data.native.dtype);
  const problems: Problem[] = [];
  const push = (p: Problem | undefined) => p && problems.push(p);
  if (data.native.size !== undefined)
    push(checkBits({ file, path: ['native', 'size'], bytes: data.native.size, type: data.native.dtype, params, data }));
  data.quants.forEach((q, i) => {
    if (q.size !== undefined) push(checkBits({ file, path: ['quants', i, 'size'], bytes: q.size, type: q.type, params, data, floor: native?.low }));
    if (q.tensor_sizes && q.size !== undefined) push(checkTensorSizes(file, i, q.size, q.tensor_sizes));
  });
  return problems;
}

interface SizeCase {
  file: string;
  path: (string | number)[];
  bytes: number;
  type: string | undefined;
  params: number;
  data: ModelData;
  /** The lowest bits the model was released at, when lower than the type's. */
  floor?: number;
}

function checkBits(c: SizeCase): Problem | undefined {
  const bits = (c.bytes * 8) / c.params;
  const nominal = c.type === undefined ? undefined : typeBits(c.type);
  const found = `${bytesText(c.bytes)}, which is ${round(bits)} bits per weight over ${billionsText(c)} parameters`;
  if (bits < ABSOLUTE_MIN_BITS || bits > ABSOLUTE_MAX_BITS) {
    const limits = `no model file has fewer than ${ABSOLUTE_MIN_BITS} bit per weight (ternary files have 1.69) or more than ${ABSOLUTE_MAX_BITS} (F32 has 32)`;
    return { file: c.file, path: c.path, expected: nominal ? `${typeLine(c, nominal)}; ${limits}` : `between ${ABSOLUTE_MIN_BITS} and ${ABSOLUTE_MAX_BITS} bits per weight: ${limits}`, found, hint: fixFor(c, bits < ABSOLUTE_MIN_BITS) };
  }
  if (!nominal) return undefined;
  const low = LOW_FACTOR * Math.min(nominal.low, c.floor ?? Infinity);
  const high = Math.max(HIGH_FACTOR * nominal.high, nominal.high + HIGH_EXTRA_BITS);
  if (bits >= low && bits <= high) return undefined;
  const released = c.floor !== undefined && c.floor < nominal.low ? `, as low as the ${c.data.native.dtype} the weights were released in` : '';
  return { file: c.file, path: c.path, expected: `${typeLine(c, nominal)} (${round(low)} to ${round(high)} bits per weight passes${released})`, found, hint: fixFor(c, bits < low) };
}

/** "35B" */
const billionsText = (c: SizeCase) => `${round(c.data.parameters.total_billions)}B`;

/** "about 4.85 bits per weight for type Q4_K_M: for 35B parameters its file is about 21.2 GB" */
function typeLine(c: SizeCase, nominal: TypeBits): string {
  const about = (bits: number) => bytesText((c.params * bits) / 8);
  const over = `for ${billionsText(c)} parameters its file is`;
  if (nominal.mixed) return `${round(nominal.low)} to ${round(nominal.high)} bits per weight for the mix ${c.type}: ${over} ${about(nominal.low)} to ${about(nominal.high)}`;
  return `about ${round(nominal.low)} bits per weight for type ${c.type}: ${over} about ${about(nominal.low)}`;
}

function fixFor(c: SizeCase, tooSmall: boolean): string {
  const billions = `parameters.total_billions is in billions (${billionsText(c)} is written ${round(c.data.parameters.total_billions)})`;
  const type = c.path[0] === 'native' ? 'that `native.dtype` is the precision the weights were released in' : "that `type` is the file's base type (UD-Q4_K_XL builds on Q4_K_M)";
  return tooSmall
    ? `file sizes are in GB (10^9 bytes): check the unit (MB vs GB), that ${billions}, and ${type}`
    : `check the unit (TB vs GB, GB vs MB), that ${billions}, and ${type}`;
}

/** The GGUF tensor table sums to the file, give or take its header and alignment padding. */
const TENSOR_SUM_TOLERANCE = 0.02;

function checkTensorSizes(file: string, i: number, size: number, t: { experts: number; other: number }): Problem | undefined {
  const sum = t.experts + t.other;
  const off = Math.abs(sum - size) / size;
  if (off <= TENSOR_SUM_TOLERANCE) return undefined;
  return {
    file,
    path: ['quants', i, 'tensor_sizes'],
    expected: `experts + other adding up to the file's size (${bytesText(size)}) within ${TENSOR_SUM_TOLERANCE * 100}%: they split the same bytes by tensor class`,
    found: `${bytesText(t.experts)} + ${bytesText(t.other)} = ${bytesText(sum)}, ${round(off * 100)}% ${sum > size ? 'more' : 'less'} than size`,
    hint: 'take both from the same GGUF tensor table (npm run new:model -- --gguf fills them), and size from the same file(s)',
  };
}
