// Hostile strings in data files must reach the page as text: never as markup, an MDX
// expression, an import/export line, or Markdown syntax. Checked with Astro's own MDX
// parser (Sätteri), on a whole generated report and, property-style, on escaped text.
import path from 'node:path';
import fc from 'fast-check';
import { mdxToHast, mdxToJs, mdxToMdast, type HastNode } from 'satteri';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../src/lib/data/catalogue.ts';
import { jsLiteral, jsString, mdText } from '../src/lib/report/escape.ts';
import { reportFrontmatter } from '../src/lib/report/frontmatter.ts';
import { COMPONENTS } from '../src/lib/report/mdx.ts';
import { renderAllReports } from '../src/node/generate-reports.ts';
import { readData } from '../src/node/read-data.ts';
import { mdxTree, plainText } from './support/mdx-tree.ts';

const HOSTILE = {
  name: 'Evil <script>alert(1)</script> {process.exit(1)} `rm -rf` </DataTable>',
  summary: 'export const pwned = 1\nimport fs from "node:fs"\n# not a heading\n<img src=x onerror=alert(2)> {x} ~~gone~~ | a | b |',
  vendor: '} { <b>bold?</b> [link](javascript:alert(3))',
  quant: 'Q4 <script>q()</script> {q} `q` *q*',
  quantNote: 'import x from "y"\n\nexport default function () {}\n\n<Link to="evil">x</Link>',
  provider: '<iframe src="javascript:alert(4)"></iframe> ${x}',
  rig: 'Rig <style>body{display:none}</style> & {rig} \\ end',
};

function hostileCatalogue(): Catalogue {
  const { catalogue, problems } = readData(path.resolve(import.meta.dirname, 'fixtures/report'));
  expect(problems).toEqual([]);
  const copy = structuredClone(catalogue);
  const model = copy.models.find((m) => m.id === 'deepseek-v4-flash')!.data;
  Object.assign(model, { name: HOSTILE.name, summary: HOSTILE.summary, vendor: HOSTILE.vendor, hosted: [{ provider: HOSTILE.provider, link: 'https://example.com/a)b<c>{d}`e`' }] });
  Object.assign(model.quants[0]!, { name: HOSTILE.quant, note: HOSTILE.quantNote });
  Object.assign(copy.rigs.find((r) => r.id === 'homelab-rtx5090')!.data, { name: HOSTILE.rig, summary: HOSTILE.summary });
  return copy;
}

const report = renderAllReports(hostileCatalogue(), 'homelab-rtx5090').files.get('deepseek-v4-flash.mdx')!;
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

function elements(node: HastNode, out: string[] = []): string[] {
  const n = node as HastNode & { tagName?: string; children?: HastNode[] };
  if (n.type === 'element' && n.tagName) out.push(n.tagName);
  n.children?.forEach((c) => elements(c, out));
  return out;
}

describe('a report whose data is hostile', () => {
  it('compiles with Astro\'s MDX compiler', () => {
    expect(() => mdxToJs(report)).not.toThrow();
  });

  it('has no ESM, no expressions, no raw HTML and only known components', () => {
    const tree = mdxTree(report);
    for (const type of ['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'html']) expect(tree.types.has(type), type).toBe(false);
    expect([...tree.components].filter((c) => !(COMPONENTS as readonly string[]).includes(c))).toEqual([]);
    expect(report).not.toMatch(/^(import|export)\b/m);
  });

  it('renders no script, style, iframe or img element', () => {
    const tags = new Set(elements(mdxToHast(report)));
    for (const tag of ['script', 'style', 'iframe', 'img', 'b']) expect(tags.has(tag), tag).toBe(false);
  });

  it('keeps every hostile string, intact, as text or as a prop value', () => {
    const text = mdxTree(report).strings.join('\n');
    for (const value of Object.values(HOSTILE)) expect(text).toContain(flat(value));
  });

  it('keeps frontmatter valid YAML with the hostile name in the title', () => {
    const data = reportFrontmatter.parse(parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(report)![1]!));
    expect(data.modelName).toBe(HOSTILE.name);
    expect(data.title).toContain(HOSTILE.name);
  });
});

// Characters Markdown or MDX give meaning to, and some ordinary ones around them.
const risky = fc.constantFrom(...'<>{}[]()`*_~|\\#!&;:=+-.$^"\'/ \n\taAzZ09é€', 'import ', 'export ', '1. ', '&amp;', '&#123;', '```', '---', '<!--', 'http://x.y ', 'https://a.b/c', 'www.x.y/', 'a@b.co');
const riskyText = fc.array(risky, { maxLength: 24 }).map((parts) => parts.join(''));

describe('escaping, for any string', () => {
  it('mdText: one paragraph whose text is the string (whitespace collapsed)', () => {
    fc.assert(
      fc.property(riskyText.filter((s) => s.trim() !== ''), (s) => {
        const root = mdxToMdast(`${mdText(s)}\n`) as { children: { type: string }[] };
        expect(root.children).toHaveLength(1);
        expect(root.children[0]!.type).toBe('paragraph');
        expect(plainText(root.children[0] as never)).toBe(flat(s));
      }),
      { numRuns: 500 },
    );
  });

  it('jsString and jsLiteral: JSON that round-trips and holds no character MDX scans for', () => {
    fc.assert(
      fc.property(riskyText, fc.array(riskyText, { maxLength: 4 }), (s, list) => {
        expect(JSON.parse(jsString(s))).toBe(s);
        const literal = jsLiteral({ caption: s, rows: [list] });
        expect(JSON.parse(literal)).toEqual({ caption: s, rows: [list] });
        expect(literal.replace(/^[{[]|[}\]]$/g, '')).not.toMatch(/[<>`]/);
      }),
      { numRuns: 500 },
    );
  });
});
