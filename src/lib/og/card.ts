// The share card as a satori element tree (1200 x 630): what a link preview shows.
// Pure: data in, a plain { type, props } tree out; rendering happens in src/node/og-render.ts.

export type CardVerdict = 'runs' | 'runs-slowly' | 'not-ready' | 'cloud-only';

export interface CardProps {
  siteName: string;
  /** Small line above the title, e.g. "Model report" or "Rig profile". */
  kicker: string;
  title: string;
  verdict: CardVerdict | null;
  verdictLabel: string | null;
  walls: { name: string; blocked: boolean }[];
  /** The one number that matters most, e.g. "805 GB". */
  figure: string | null;
  /** What the number means, one line. */
  figureMeaning: string | null;
  footer: string;
  /** A line under the title (a post's description), when the card has no verdict. */
  subtitle?: string;
  /** "as of 2026-08-31": the data day the card's verdict and figures are for. */
  asOf?: string;
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export const VERDICT_COLOURS: Record<CardVerdict, string> = {
  runs: '#1f9d55',
  'runs-slowly': '#c27c0e',
  'not-ready': '#d9480f',
  'cloud-only': '#7048e8',
};

interface Node { type: string; props: Record<string, unknown> & { children?: unknown } }
const el = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({ type, props: { style, children } });

// Drawn, not typed: the bundled Latin subset of Inter has no check-mark glyph.
const CHECK = 'M5 12.5l4.5 4.5L19 7.5';
const CROSS = 'M7 7l10 10M17 7L7 17';

function wallMark(wall: { name: string; blocked: boolean }): Node {
  const icon: Node = {
    type: 'svg',
    props: { width: 32, height: 32, viewBox: '0 0 24 24', style: { background: wall.blocked ? '#e03131' : '#2f9e44', borderRadius: 16 }, children: [{ type: 'path', props: { d: wall.blocked ? CROSS : CHECK, stroke: 'white', strokeWidth: 3, fill: 'none', strokeLinecap: 'round' } }] },
  };
  return el('div', { display: 'flex', alignItems: 'center', gap: 14, fontSize: 30, color: '#e9ecef' }, [
    icon,
    el('div', { display: 'flex' }, `${wall.name}: ${wall.blocked ? 'blocked' : 'pass'}`),
  ]);
}

export function shareCard(props: CardProps): Node {
  const badge = props.verdict && props.verdictLabel
    ? el('div', { display: 'flex', alignSelf: 'flex-start', padding: '10px 26px', borderRadius: 40, background: VERDICT_COLOURS[props.verdict], color: 'white', fontSize: 40, fontWeight: 800 }, props.verdictLabel)
    : null;
  return el('div', {
    width: CARD_WIDTH, height: CARD_HEIGHT, display: 'flex', flexDirection: 'column', justifyContent: 'space-between',
    boxSizing: 'border-box', padding: '56px 64px', background: '#14161a', color: '#f8f9fa', fontFamily: 'Inter',
  }, [
    el('div', { display: 'flex', flexDirection: 'column', gap: 18 }, [
      el('div', { display: 'flex', fontSize: 26, color: '#adb5bd', letterSpacing: 1 }, `${props.siteName.toUpperCase()} \u00b7 ${props.kicker}`),
      // Balanced lines: a long title breaks into even halves, never one word on the last line.
      el('div', { display: 'flex', fontSize: props.title.length > 28 ? 64 : 80, fontWeight: 800, lineHeight: 1.05, textWrap: 'balance' }, props.title),
      ...(badge ? [badge] : []),
      ...(props.subtitle ? [el('div', { display: 'flex', fontSize: 32, color: '#ced4da', lineHeight: 1.3, textWrap: 'balance' }, props.subtitle)] : []),
    ]),
    el('div', { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', width: CARD_WIDTH - 128 }, [
      el('div', { display: 'flex', flexDirection: 'column', gap: 12, width: 470 }, props.walls.map(wallMark)),
      props.figure
        ? el('div', { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', width: 580 }, [
            el('div', { display: 'flex', fontSize: props.figure.length > 10 ? 60 : 76, fontWeight: 800, color: '#ffd43b' }, props.figure),
            el('div', { display: 'flex', fontSize: 26, color: '#ced4da', textAlign: 'right', textWrap: 'balance' }, props.figureMeaning ?? ''),
          ])
        : el('div', { display: 'flex' }, ''),
    ]),
    el('div', { display: 'flex', justifyContent: 'space-between', fontSize: 24, color: '#868e96' }, [
      el('div', { display: 'flex' }, props.footer),
      el('div', { display: 'flex', color: '#ced4da' }, props.asOf ? `as of ${props.asOf}` : ''),
    ]),
  ]);
}
