// Which verdicts a data change moves: the engine run on every model x rig for two versions
// of the data, then compared. A pair is reported when its verdict or pick changed, or its
// predicted decode speed moved by more than 1%. Pure: catalogues in, rows and Markdown out.
import { fitContextOf } from './fit/context.ts';
import type { Catalogue } from './data/catalogue.ts';
import { evaluateFit } from './fit/index.ts';
import type { Verdict } from './fit/types.ts';

export interface VerdictRow {
  model: string;
  rig: string;
  modelName: string;
  rigName: string;
  verdict: Verdict;
  pick: string | null;
  /** Predicted decode of the pick at an empty context, tokens per second; null without a pick. */
  decodeTokensPerSecond: number | null;
}

export type ChangeKind = 'added' | 'removed' | 'verdict' | 'pick' | 'speed';

export interface VerdictChange {
  before: VerdictRow | null;
  after: VerdictRow | null;
  changed: ChangeKind[];
}

/** Decode speeds closer than this (relative) count as unchanged. */
export const SPEED_TOLERANCE = 0.01;

/** The engine's answer for every model on every rig, as of one day. */
export function verdictRows(catalogue: Catalogue, asOf: string): VerdictRow[] {
  const context = fitContextOf(catalogue);
  return catalogue.models.flatMap((model) =>
    catalogue.rigs.map((rig) => {
      const result = evaluateFit(model, rig, context, { asOf });
      const picked = result.quants.find((q) => q.name === result.pick);
      return {
        model: model.id,
        rig: rig.id,
        modelName: model.data.name,
        rigName: rig.data.name,
        verdict: result.verdict,
        pick: result.pick,
        decodeTokensPerSecond: picked?.decodeTokensPerSecond ?? null,
      };
    }),
  );
}

function speedMoved(a: number | null, b: number | null, tolerance: number): boolean {
  if (a === null || b === null) return a !== b;
  return Math.abs(b - a) > tolerance * Math.max(Math.abs(a), Number.EPSILON);
}

/** Every pair that appeared, disappeared, or whose verdict, pick or speed moved; sorted by model, then rig. */
export function diffVerdicts(before: VerdictRow[], after: VerdictRow[], tolerance = SPEED_TOLERANCE): VerdictChange[] {
  const key = (r: VerdictRow) => `${r.model}\u0000${r.rig}`;
  const old = new Map(before.map((r) => [key(r), r]));
  const now = new Map(after.map((r) => [key(r), r]));
  const changes: VerdictChange[] = [];
  for (const k of [...new Set([...old.keys(), ...now.keys()])].sort()) {
    const a = old.get(k) ?? null;
    const b = now.get(k) ?? null;
    const changed: ChangeKind[] = [];
    if (!a) changed.push('added');
    else if (!b) changed.push('removed');
    else {
      if (a.verdict !== b.verdict) changed.push('verdict');
      if (a.pick !== b.pick) changed.push('pick');
      if (speedMoved(a.decodeTokensPerSecond, b.decodeTokensPerSecond, tolerance)) changed.push('speed');
    }
    if (changed.length > 0) changes.push({ before: a, after: b, changed });
  }
  return changes;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');
const speed = (v: number | null) => (v === null ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const VERDICT_TEXT: Record<Verdict, string> = { runs: 'runs', 'runs-slowly': 'runs slowly', 'not-ready': 'not ready', 'cloud-only': 'cloud only', 'not-released': 'not released yet' };

function column(change: VerdictChange, kind: ChangeKind, show: (r: VerdictRow) => string): string {
  const { before, after } = change;
  const a = before ? show(before) : '—';
  const b = after ? show(after) : '—';
  return change.changed.includes(kind) || !before || !after ? `**${cell(a)} → ${cell(b)}**` : cell(b);
}

/** The Markdown table a pull request shows; empty text when nothing changed. */
export function verdictDiffMarkdown(changes: VerdictChange[], context: { against: string; asOf: string; pairs: number }): string {
  if (changes.length === 0) return '';
  const rows = changes.map((c) => {
    const r = (c.after ?? c.before)!;
    const note = c.changed.includes('added') ? ' (new)' : c.changed.includes('removed') ? ' (removed)' : '';
    return `| ${cell(r.modelName)}${note} | ${cell(r.rigName)} | ${column(c, 'verdict', (x) => VERDICT_TEXT[x.verdict])} | ${column(c, 'pick', (x) => x.pick ?? '—')} | ${column(c, 'speed', (x) => speed(x.decodeTokensPerSecond))} |`;
  });
  return [
    `### Verdicts this change moves`,
    '',
    `Against \`${context.against}\`, both evaluated as of ${context.asOf}: ${changes.length} of ${context.pairs} model × rig pairs changed (speed: predicted decode of the pick, moved by more than ${SPEED_TOLERANCE * 100}%).`,
    '',
    '| Model | Rig | Verdict | Pick | Decode (tok/s) |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
