// JSON Schema for contributors' editors, generated from the same zod schemas (input side:
// what the YAML author writes, unit strings and all).
import { z } from 'zod';
import { COLLECTIONS, schemas } from '../lib/schema/index.ts';

export function renderJsonSchemas(): Record<string, string> {
  return Object.fromEntries(
    COLLECTIONS.map((name) => {
      const json = z.toJSONSchema(schemas[name], { io: 'input', unrepresentable: 'any' });
      return [`${name}.schema.json`, `${JSON.stringify({ ...json, title: `Three Walls ${name} file` }, null, 2)}\n`];
    }),
  );
}
