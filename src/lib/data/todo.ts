// Placeholders the scaffolds (npm run new:model, new:rig) write where they cannot know a
// value. Validation rejects every one of them, wherever it sits, with what to put instead.

export const TODO_PREFIX = 'TODO:';

/** A placeholder value: "TODO: <what goes here>". */
export function todo(what: string): string {
  return `${TODO_PREFIX} ${what}`;
}

export function isTodo(value: unknown): value is string {
  return typeof value === 'string' && /^\s*TODO\b/i.test(value);
}

/** Every placeholder in a parsed document, with its field path. */
export function findTodos(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; text: string }[] {
  if (isTodo(value)) return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => findTodos(item, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => findTodos(item, [...path, key]));
  return [];
}
