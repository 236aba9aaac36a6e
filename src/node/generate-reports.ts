// Writes one MDX report per model into src/content/reports/ from the data, as of the newest
// date in the data (never the clock). Only files whose text changed are written, so dev
// reloads and build caches see no churn; reports of models gone from the data are removed.
import fs from 'node:fs';
import path from 'node:path';
import type { Catalogue } from '../lib/data/catalogue.ts';
import { newestDataDate } from '../lib/data/catalogue.ts';
import { fitContextOf } from '../lib/fit/context.ts';
import { renderReport } from '../lib/report/render-report.ts';
import { reportInputs } from '../lib/report/report-input.ts';
import { HOUSE_RIG } from '../site-config.ts';

export interface GenerateResult {
  asOf: string;
  written: string[];
  removed: string[];
  unchanged: number;
}

/** The MDX text of every report, by file name. Pure apart from reading the catalogue given. */
export function renderAllReports(catalogue: Catalogue, houseRig = HOUSE_RIG): { asOf: string; files: Map<string, string> } {
  const asOf = newestDataDate(catalogue);
  const inputs = reportInputs(catalogue, fitContextOf(catalogue), houseRig, asOf);
  return { asOf, files: new Map(inputs.map((input) => [`${input.model.id}.mdx`, renderReport(input)])) };
}

export function writeReports(outDir: string, files: Map<string, string>): Omit<GenerateResult, 'asOf'> {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  let unchanged = 0;
  for (const [name, text] of files) {
    const file = path.join(outDir, name);
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) unchanged++;
    else {
      fs.writeFileSync(file, text);
      written.push(name);
    }
  }
  const removed = fs.readdirSync(outDir).filter((name) => name.endsWith('.mdx') && !files.has(name));
  for (const name of removed) fs.rmSync(path.join(outDir, name));
  return { written, removed, unchanged };
}

export function generateReports(catalogue: Catalogue, outDir: string): GenerateResult {
  const { asOf, files } = renderAllReports(catalogue);
  return { asOf, ...writeReports(outDir, files) };
}
