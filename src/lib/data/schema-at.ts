// Finds the schema that checks one field, so a message can say what that field holds
// (its .describe() text, its fieldHelp entry) instead of zod's generic wording.
// Walks zod's public definition objects by their shape, not by schema class.

interface SchemaNode {
  _zod: { def: Record<string, unknown> };
  description?: string;
}

const isNode = (s: unknown): s is SchemaNode => typeof s === 'object' && s !== null && '_zod' in s;

/** The node and what it wraps (optional, default, pipe input...), outermost first. */
function unwrap(schema: unknown): SchemaNode[] {
  const chain: SchemaNode[] = [];
  let node = schema;
  while (isNode(node) && !chain.includes(node)) {
    chain.push(node);
    const def = node._zod.def;
    node = def.innerType ?? def.in;
  }
  return chain;
}

function child(node: SchemaNode, key: PropertyKey, value: unknown): unknown {
  const def = node._zod.def;
  if (def.shape && typeof def.shape === 'object') return (def.shape as Record<PropertyKey, unknown>)[key];
  if (def.element && typeof key === 'number') return def.element;
  if (def.valueType) return def.valueType;
  if (Array.isArray(def.options)) {
    const options = def.options.filter(isNode);
    const tag = typeof def.discriminator === 'string' ? def.discriminator : undefined;
    const tagValue = tag && value && typeof value === 'object' ? (value as Record<string, unknown>)[tag] : undefined;
    const tagged = tag ? options.find((o) => unwrap((o._zod.def.shape as Record<string, unknown> | undefined)?.[tag]).some((n) => (n._zod.def.values as unknown[] | undefined)?.includes(tagValue))) : undefined;
    for (const option of tagged ? [tagged] : options) {
      for (const n of unwrap(option)) {
        const found = child(n, key, value);
        if (found) return found;
      }
    }
  }
  return undefined;
}

/** The schemas that check the field at `path` in `data`, outermost first; empty when the path leads nowhere. */
export function schemasAt(root: unknown, path: readonly PropertyKey[], data: unknown): SchemaNode[] {
  let chain = unwrap(root);
  let value = data;
  for (const key of path) {
    let next: unknown;
    for (const node of chain) {
      next = child(node, key, value);
      if (next) break;
    }
    if (!next) return [];
    chain = unwrap(next);
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return chain;
}
