// Files generated from code and data are committed; these tests prove they are current.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALIBRATION } from '../src/lib/fit/calibration.ts';
import { fitCalibration } from '../src/lib/fit/calibration-fit.ts';
import { renderJsonSchemas } from '../src/node/json-schemas.ts';
import { contextOf, repoCatalogue } from './support/catalogue.ts';

const root = path.resolve(import.meta.dirname, '..');

describe('committed generated files', () => {
  it.each(Object.entries(renderJsonSchemas()))('schemas/%s matches the zod schema (run npm run schemas)', (file, text) => {
    expect(fs.readFileSync(path.join(root, 'schemas', file), 'utf8')).toBe(text);
  });

  it('src/lib/fit/calibration.json is the fit of the current measurements (run npm run calibrate -- --write)', () => {
    const catalogue = repoCatalogue();
    expect(fitCalibration(catalogue, contextOf(catalogue), CALIBRATION)).toEqual(CALIBRATION);
  });
});

describe('shipped data', () => {
  const collections = ['models', 'rigs', 'engines', 'measurements'];
  const files = collections.flatMap((c) => fs.readdirSync(path.join(root, 'data', c)).map((f) => [c, f] as const));

  it('every shipped file passes the schemas and cross-checks', () => {
    expect(() => repoCatalogue()).not.toThrow();
  });

  it.each(files)('data/%s/%s starts with an editor schema line that resolves', (collection, file) => {
    const first = fs.readFileSync(path.join(root, 'data', collection, file), 'utf8').split('\n')[0];
    expect(first).toBe(`# yaml-language-server: $schema=../../schemas/${collection}.schema.json`);
    expect(fs.existsSync(path.join(root, 'schemas', `${collection}.schema.json`))).toBe(true);
  });

  it('has 25+ models and 15+ rigs, as the foundation promised', () => {
    const catalogue = repoCatalogue();
    expect(catalogue.models.length).toBeGreaterThanOrEqual(25);
    expect(catalogue.rigs.length).toBeGreaterThanOrEqual(15);
  });
});
