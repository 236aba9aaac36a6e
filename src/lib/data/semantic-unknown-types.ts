// A quant with no size is weighed by its type in the bits-per-weight table; a type the table
// does not know makes the engine skip the file without a word (candidates.ts), and the verdict
// changes. The same for released weights whose dtype is unknown and whose size is not given.
import type { Entry } from './catalogue.ts';
import { closeNames } from './did-you-mean.ts';
import type { Problem } from './problem.ts';
import type { ModelData } from '../schema/index.ts';
import { KNOWN_TYPES, typeBits } from './semantic-type-bits.ts';

export function checkUnknownTypes({ file, data }: Entry<ModelData>): Problem[] {
  const problems: Problem[] = [];
  data.quants.forEach((q, i) => {
    if (q.size !== undefined || q.type === undefined || typeBits(q.type)) return;
    problems.push(unknown(file, ['quants', i, 'type'], q.type, 'the file is left out of every report', 'use the type the file builds on (UD-Q4_K_XL builds on Q4_K_M), or give the file\'s `size` (e.g. "21.2 GB"), which needs no type'));
  });
  const dtype = data.native.dtype;
  if (data.native.size === undefined && !typeBits(dtype))
    problems.push(unknown(file, ['native', 'dtype'], dtype, 'the released weights are left out of every report', 'write the precision the weights were released in (bf16, fp8, or a mix by its parts, e.g. "fp4+fp8"), or give `native.size` (e.g. "70.6 GB")'));
  return problems;
}

function unknown(file: string, path: (string | number)[], type: string, consequence: string, fix: string): Problem {
  const close = closeNames(type, KNOWN_TYPES);
  return {
    file,
    path,
    expected: `a type the bits-per-weight table knows, so the file can be weighed without its size: ${KNOWN_TYPES.join(', ')}`,
    found: `"${type}", which the table does not know: ${consequence}`,
    hint: close.length ? `did you mean "${close[0]}"? Or ${fix}` : `${fix[0]!.toUpperCase()}${fix.slice(1)}`,
  };
}
