// The calculator's state lives in the URL query, so "what runs on my box" is a link.
import type { CalculatorFields } from './custom-rig.ts';

export const FIELD_NAMES: (keyof CalculatorFields)[] = ['vram', 'gpus', 'bandwidth', 'ram', 'ramBandwidth', 'unified', 'backend', 'engine', 'context', 'kv'];

export function fieldsToQuery(fields: CalculatorFields): string {
  const params = new URLSearchParams();
  for (const name of FIELD_NAMES) params.set(name, fields[name]);
  return params.toString();
}

/** Fields present in a query string; absent ones are left to the defaults. */
export function fieldsFromQuery(query: string): Partial<CalculatorFields> {
  const params = new URLSearchParams(query);
  const fields: Partial<CalculatorFields> = {};
  for (const name of FIELD_NAMES) {
    const value = params.get(name);
    if (value !== null) fields[name] = value;
  }
  return fields;
}
