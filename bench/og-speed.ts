// Share-card rendering speed after warm-up (satori's WASM start-up is paid once per build).
import { renderCardPng } from '../src/node/og-render.ts';
import type { CardProps } from '../src/lib/og/card.ts';

const card = (i: number): CardProps => ({
  siteName: 'Three Walls', kicker: 'Model report', title: `Benchmark model ${i}`, verdict: (['runs', 'not-ready', 'cloud-only', 'runs-slowly'] as const)[i % 4]!,
  verdictLabel: 'Runs', walls: [{ name: 'Size', blocked: false }, { name: 'Quantization', blocked: i % 2 === 0 }, { name: 'Stack', blocked: i % 3 === 0 }],
  figure: `${(10 + i).toFixed(1)} GB`, figureMeaning: 'the file that fits', footer: 'On Homelab: RTX 5090 + 64 GB DDR5',
});

/** Median milliseconds per card after warm-up: the middle of many runs, so a neighbour's burst of work does not count. */
export async function measureOgRender(warmup = 5, runs = 30): Promise<{ millisecondsPerImage: number }> {
  for (let i = 0; i < warmup; i++) await renderCardPng(card(i));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await renderCardPng(card(warmup + i));
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { millisecondsPerImage: times[Math.floor(runs / 2)]! };
}
