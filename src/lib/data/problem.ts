// A data mistake, said so a contributor can fix it without reading our code:
// which file, which field, what was expected (with an example), what was found, and a hint.

export interface Problem {
  /** Path as the contributor sees it, e.g. "data/models/qwen3.5-35b-a3b.yaml". */
  file: string;
  /** Field path inside the file, e.g. ["quants", 0, "size"]; empty for the whole file. */
  path: (string | number)[];
  expected: string;
  found: string;
  hint?: string;
  /** 1-based line in the file, when known. */
  line?: number;
}

/** "quants[0].size" */
export function formatPath(path: (string | number)[]): string {
  if (path.length === 0) return '(whole file)';
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

/** A short, safe rendering of a value that was found in the data. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'an empty value (null)';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : `the non-finite number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') return `a mapping with keys ${Object.keys(value).slice(0, 6).join(', ') || '(none)'}`;
  return String(value);
}

export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const lines = [
    `${where}`,
    // A folder's problem (a missing models/, say) is about the folder, not a file in it.
    `  field:    ${problem.path.length === 0 && problem.file.endsWith('/') ? '(the folder itself)' : formatPath(problem.path)}`,
    `  expected: ${problem.expected}`,
    `  found:    ${problem.found}`,
  ];
  if (problem.hint) lines.push(`  fix:      ${problem.hint}`);
  return lines.join('\n');
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || formatPath(a.path).localeCompare(formatPath(b.path)),
  );
}
