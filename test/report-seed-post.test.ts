// The homelab reports, rendered from the real data as of the seed post's date, must say
// what the post says: V4-Pro cloud only (size), V4-Flash not ready on two walls
// (quantization and stack), ZAYA1-8B waiting on the stack alone.
import { describe, expect, it } from 'vitest';
import { fitContextOf } from '../src/lib/fit/context.ts';
import { fitMatrix } from '../src/lib/report/fit-matrix.ts';
import { renderReport } from '../src/lib/report/render-report.ts';
import { reportInput } from '../src/lib/report/report-input.ts';
import { repoCatalogue } from './support/catalogue.ts';

const POST_DATE = '2026-05-07';
const catalogue = repoCatalogue();
const context = fitContextOf(catalogue);
const matrix = fitMatrix(catalogue, context, POST_DATE);
const report = (model: string) => renderReport(reportInput(catalogue, context, matrix, model, 'homelab-rtx5090', POST_DATE));
const walls = (text: string) => [...text.matchAll(/^### (Size|Quantization|Stack): (pass|blocked)/gm)].map((m) => `${m[1]} ${m[2]}`);

describe('the homelab reports as of 2026-05-07', () => {
  it('DeepSeek V4-Pro: cloud only, stopped by size, with a hosted API to use instead', () => {
    const text = report('deepseek-v4-pro');
    expect(text).toMatch(/^title: "DeepSeek V4-Pro is cloud only/m);
    expect(walls(text)).toContain('Size blocked');
    expect(text).toMatch(/^Cloud only\. .*749\.7 GiB \(805\.0 GB\)/m);
    expect(text).toContain('## Where to use it instead');
  });

  it('DeepSeek V4-Flash: not ready, on the quantization and stack walls but not size', () => {
    const text = report('deepseek-v4-flash');
    expect(text).toMatch(/^title: "DeepSeek V4-Flash is not ready .*quants and by llama\.cpp"/m);
    expect(walls(text)).toEqual(['Size pass', 'Quantization blocked', 'Stack blocked']);
    expect(text).toMatch(/^Not ready, on two walls\./m);
  });

  it('ZAYA1-8B: fits with room to spare and waits on llama.cpp', () => {
    const text = report('zaya1-8b');
    expect(text).toMatch(/^title: "ZAYA1-8B is not ready .*waiting on llama\.cpp"/m);
    expect(walls(text)).toEqual(['Size pass', 'Quantization pass', 'Stack blocked']);
    expect(text).toMatch(/BF16 \(original\) at 16\.5 GiB \(17\.7 GB\),? (would )?fit with [\d.]+ GiB of VRAM to spare/);
    expect(text).toContain('llama.cpp has no support for the zaya architecture');
  });
});
