// Walks the tree Astro's own MDX parser (Sätteri) makes of a generated file, so tests can
// say exactly what became text, what became a component, and that nothing became code.
import { mdxToMdast, type MdastNode } from 'satteri';

export interface MdxTree {
  types: Set<string>;
  components: Set<string>;
  /** Every string a reader sees: text nodes and the strings inside component props. */
  strings: string[];
}

function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => collectStrings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => collectStrings(v, out));
}

export function mdxTree(source: string): MdxTree {
  const tree: MdxTree = { types: new Set(), components: new Set(), strings: [] };
  const visit = (node: MdastNode) => {
    const n = node as MdastNode & { value?: string; name?: string; children?: MdastNode[]; attributes?: { value?: { value?: string } | string }[] };
    tree.types.add(n.type);
    if (n.type === 'text' || n.type === 'inlineCode') tree.strings.push(n.value ?? '');
    if ((n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.name) {
      tree.components.add(n.name);
      for (const attribute of n.attributes ?? []) {
        const value = attribute.value;
        // Props are written as JSON literals: parsing them as JSON proves they are data, not code.
        if (value && typeof value === 'object') collectStrings(JSON.parse(value.value ?? 'null'), tree.strings);
        else if (typeof value === 'string') tree.strings.push(value);
      }
    }
    n.children?.forEach(visit);
  };
  visit(mdxToMdast(source));
  return tree;
}

/** Paragraph text as a reader sees it: the text of all descendants, joined. */
export function plainText(node: MdastNode): string {
  const n = node as MdastNode & { value?: string; children?: MdastNode[] };
  if (n.type === 'text') return n.value ?? '';
  return (n.children ?? []).map(plainText).join('');
}
