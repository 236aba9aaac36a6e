// The generated MDX for one fixture model, byte for byte. The fixture data is frozen
// (test/fixtures/report/) and so are the speed constants, so the snapshot changes only when
// the generator, the engine's rules or the fixture do.
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { reportFrontmatter } from '../src/lib/report/frontmatter.ts';
import { COMPONENTS } from '../src/lib/report/mdx.ts';
import { renderAllReports } from '../src/node/generate-reports.ts';
import { readData } from '../src/node/read-data.ts';
import { mdxTree } from './support/mdx-tree.ts';

vi.mock('../src/lib/fit/calibration.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/lib/fit/calibration.ts')>();
  // calibration.json is refitted whenever a measurement is added; a fixed stand-in of the
  // same shape keeps this snapshot about the generator.
  const freeze = (value: unknown, key: string): unknown => {
    if (typeof value === 'number') return key === 'perLayerSeconds' ? 0.00008 : key === 'rows' ? 0 : 0.75;
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, freeze(v, key === 'perLayerSeconds' ? key : k)]));
    return value;
  };
  return { ...actual, CALIBRATION: freeze(actual.CALIBRATION, '') };
});

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/report');

function render(): string {
  const { catalogue, problems } = readData(FIXTURE);
  expect(problems).toEqual([]);
  const text = renderAllReports(catalogue, 'homelab-rtx5090').files.get('deepseek-v4-flash.mdx');
  if (!text) throw new Error('no report for the fixture model');
  return text;
}

describe('the generated report for the fixture model', () => {
  it('matches the file snapshot', async () => {
    await expect(render()).toMatchFileSnapshot('./__snapshots__/deepseek-v4-flash.report.mdx');
  });

  it('is the same bytes every time', () => {
    expect(render()).toBe(render());
  });

  it('has frontmatter the reports collection accepts', () => {
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(render())![1]!;
    const data = reportFrontmatter.parse(parseYaml(yaml));
    expect(data.model).toBe('deepseek-v4-flash');
    expect(data.title).toContain('not ready');
  });

  it('uses only the components the pages supply, and no imports', () => {
    const text = render();
    const tree = mdxTree(text);
    expect([...tree.components].filter((c) => !(COMPONENTS as readonly string[]).includes(c))).toEqual([]);
    expect(tree.types.has('mdxjsEsm')).toBe(false);
    expect(text).not.toMatch(/^(import|export)\b/m);
  });

  it('has every section a report promises, in order', () => {
    const headings = [...render().matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    // Answer first (issue 15): the walls, the pick and what would change the verdict, then the detail.
    const expected = ['The three walls', 'How to run it', 'What would change the verdict', 'Every file, against this rig', 'The model', 'The rig', 'On other rigs', 'By the Numbers', 'Sources'];
    expect(headings.filter((h) => expected.includes(h!))).toEqual(expected);
  });
});
