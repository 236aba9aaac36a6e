// Any broken data file is caught, named and explained, never half-built: fast-check
// mutates valid fixture files, and `node scripts/validate.ts` (a real process, as a
// contributor runs it) must exit non-zero, name the file and the field, and print no
// stack trace. A bad data folder never produces a dist/.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse, parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../src/lib/data/problem.ts';
import { fixtureData, removeTemp, repoRoot, runScript, tempDataCopy } from './support/temp-data.ts';

type Path = (string | number)[];
type Json = unknown;

const files = ['models', 'rigs', 'engines', 'measurements'].flatMap((collection) =>
  fs.readdirSync(path.join(fixtureData, collection)).filter((f) => f.endsWith('.yaml')).map((f) => `${collection}/${f}`),
);
const REQUIRED: Record<string, string[]> = {
  models: ['name', 'vendor', 'released', 'licence', 'architecture', 'parameters', 'attention', 'max_context_tokens', 'native', 'quants', 'support', 'sources'],
  rigs: ['name', 'gpus', 'unified_memory', 'system_ram', 'engines', 'sources'],
  engines: ['name', 'homepage', 'formats', 'backends', 'offload', 'launch', 'sources'],
  measurements: ['source', 'date', 'engine', 'rows'],
};
const SIZE = /^[0-9]+(\.[0-9]+)?\s?(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)(\/s)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every scalar in a document with its path. */
function leaves(value: Json, at: Path = []): { path: Path; value: string | number | boolean }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...at, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...at, k]));
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? [{ path: at, value }] : [];
}
/** Every mapping in a document (not the records keyed by engine id), with its path. */
function mappings(value: Json, at: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => mappings(v, [...at, i]));
  if (value !== null && typeof value === 'object')
    return [...(at.at(-1) === 'support' ? [] : [at]), ...Object.entries(value).flatMap(([k, v]) => mappings(v, [...at, k]))];
  return [];
}
function setIn(doc: Json, at: Path, value: Json): Json {
  const copy = structuredClone(doc) as Record<string | number, Json>;
  let node = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[at.at(-1)!] = value;
  return copy;
}

interface Mutation {
  file: string;
  text: string;
  /** The field the message must name; null for the whole file. */
  field: Path | null;
  label: string;
}

const fileArb = fc.constantFrom(...files).map((file) => ({ file, doc: parse(fs.readFileSync(path.join(fixtureData, file), 'utf8')) as Json }));

const mutation: fc.Arbitrary<Mutation> = fileArb.chain(({ file, doc }) => {
  const collection = file.split('/')[0]!;
  const all = leaves(doc);
  const numbers = all.filter((l) => typeof l.value === 'number');
  const units = all.filter((l) => typeof l.value === 'string' && SIZE.test(l.value));
  const dates = all.filter((l) => typeof l.value === 'string' && DATE.test(l.value));
  const yamlOf = (d: Json) => `# mutated\n${stringify(d)}`;
  const options: fc.Arbitrary<Mutation>[] = [
    fc.constantFrom(...all).map((leaf) => ({
      file, field: leaf.path, label: 'wrong type',
      text: yamlOf(setIn(doc, leaf.path, typeof leaf.value === 'string' ? 12345 : typeof leaf.value === 'number' ? 'not a number' : 'maybe')),
    })),
    fc.constantFrom(...REQUIRED[collection]!).map((key) => {
      const copy = structuredClone(doc) as Record<string, Json>;
      delete copy[key];
      return { file, field: [key], label: 'missing required field', text: yamlOf(copy) };
    }),
    fc.tuple(fc.constantFrom(...mappings(doc)), fc.constantFrom('colour', 'vram_gb', 'speeed', 'TODO')).map(([at, key]) => ({
      file, field: [...at, `${key}_x`], label: 'unknown key', text: yamlOf(setIn(doc, [...at, `${key}_x`], 1)),
    })),
    ...(units.length ? [fc.tuple(fc.constantFrom(...units), fc.constantFrom('96.2 gigabytes', 'GB 96', '-5 GB', '1e3 GB', '96,2 GB', '32GiBs', '')).map(([leaf, bad]) => ({
      file, field: leaf.path, label: 'malformed unit string', text: yamlOf(setIn(doc, leaf.path, bad)),
    }))] : []),
    ...(dates.length ? [fc.tuple(fc.constantFrom(...dates), fc.constantFrom('2024-13-01', '2024/07/23', 'July 2024', '2023-02-29', '24-07-23')).map(([leaf, bad]) => ({
      file, field: leaf.path, label: 'malformed date', text: yamlOf(setIn(doc, leaf.path, bad)),
    }))] : []),
    ...(numbers.length ? [fc.tuple(fc.constantFrom(...numbers), fc.constantFrom('negative', '.inf', '-.inf', '.nan')).map(([leaf, kind]) => {
      // YAML's own spelling of infinity and NaN, put where a sentinel number was written.
      const text = yamlOf(setIn(doc, leaf.path, 0.123456789)).replace(/([:-]) 0\.123456789$/m, `$1 ${kind === 'negative' ? -(Number(leaf.value) + 1) : kind}`);
      return { file, field: leaf.path, label: `${kind} number`, text };
    })] : []),
    fc.constantFrom('name: "unclosed\n', 'key: [1, 2\n', 'a: b: c\n', '  - stray item\nnext: 1\n', '\tindented: with a tab\n').map((bad) => ({
      file, field: null, label: 'YAML syntax error', text: `${fs.readFileSync(path.join(fixtureData, file), 'utf8')}${bad}`,
    })),
    fc.constantFrom('', '# nothing but a comment\n', '---\n').map((text) => ({ file, field: null, label: 'empty document', text })),
    fc.constantFrom('- a\n- b\n', '42\n', '"just text"\n', 'true\n').map((text) => ({ file, field: null, label: 'non-mapping document', text })),
  ];
  return fc.oneof(...options);
});

describe('validate catches every mutation of a valid file', () => {
  it('exits non-zero, names the file and the field, and prints no stack trace', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        // A YAML-level mutation must really break the YAML; others must still parse.
        if (m.label === 'YAML syntax error') fc.pre(parseDocument(m.text).errors.length > 0);
        const data = tempDataCopy();
        try {
          fs.writeFileSync(path.join(data, m.file), m.text);
          const run = runScript('validate.ts', [], { data });
          expect(run.status, `${m.label}: ${run.output}`).not.toBe(0);
          expect(run.output, m.label).toContain(`${m.file}`);
          expect(run.output, m.label).toContain(`field:    ${m.field ? formatPath(m.field) : '(whole file)'}`);
          expect(run.output, m.label).not.toMatch(/^ {4}at /m);
          expect(run.output, m.label).toMatch(/expected: .+\n {2}found: {4}.+/);
        } finally {
          removeTemp(data);
        }
      }),
      { numRuns: Number(process.env.THREEWALLS_FC_RUNS ?? 25) },
    );
  });
});

describe('the build never writes dist/ from bad data', () => {
  it('package.json builds only after validate passes', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toBe('node scripts/validate.ts --quiet && astro build');
  });

  it('npm run build with a broken file exits non-zero and leaves the out dir absent', () => {
    const data = tempDataCopy();
    const outDir = path.join(path.dirname(data), 'dist');
    try {
      fs.writeFileSync(path.join(data, 'models/llama-3.1-8b.yaml'), 'name: [unclosed\n');
      const run = runScript('', ['run', 'build', '--', '--outDir', outDir], { data, command: 'npm' });
      expect(run.status).not.toBe(0);
      expect(run.output).toContain('models/llama-3.1-8b.yaml');
      expect(run.output).toContain('Nothing was built.');
      expect(fs.existsSync(outDir)).toBe(false);
    } finally {
      removeTemp(data);
    }
  });
});
