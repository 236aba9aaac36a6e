// A data file's bytes as text: UTF-8 only, said plainly when it is not. Editors on Windows
// save UTF-16 ("Unicode") by default, which otherwise reads as a mess of \u0000s; a binary
// file dropped into data/ is named as such rather than parsed as YAML.
import type { Problem } from '../lib/data/problem.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeDataText(bytes: Buffer, file: string): { text?: string; problem?: Problem } {
  const problem = (found: string, hint: string) => ({ problem: { file, path: [], line: 1, expected: 'a text file in UTF-8 (the encoding every editor offers; YAML data files are plain text)', found, hint } });
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  // UTF-16 without a byte-order mark: ASCII text with a zero byte beside every character.
  const zeros = bytes.subarray(0, 512).filter((b) => b === 0).length;
  if (utf16 || (bytes.length >= 4 && zeros >= Math.min(bytes.length, 512) / 3))
    return problem(utf16 ? 'text saved as UTF-16 (it starts with a UTF-16 byte-order mark)' : 'text saved as UTF-16 (a zero byte beside every character)', 'save the file as UTF-8 (in most editors: "Save with encoding" or "Encoding: UTF-8"), or run: iconv -f UTF-16 -t UTF-8');
  const nul = bytes.indexOf(0);
  if (nul >= 0) return problem(`a binary file (a zero byte at byte ${nul + 1})`, 'data files are YAML text: remove this file or replace it with the .yaml it should be');
  try {
    // A UTF-8 byte-order mark is harmless: drop it.
    return { text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return problem('bytes that are not UTF-8 text (perhaps Latin-1 or Windows-1252)', 'save the file as UTF-8, or run: iconv -f WINDOWS-1252 -t UTF-8');
  }
}
