// The README says what the code does: the pick rule's words are the engine's own (PICK_RULE),
// and the commands it lists exist in package.json.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PICK_RULE } from '../src/lib/fit/pick.ts';

const root = path.resolve(import.meta.dirname, '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8').replace(/\s+/g, ' ');
const scripts = Object.keys((JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

describe('the README', () => {
  it('states the pick rule in the engine\'s own words', () => {
    expect(readme).toContain(PICK_RULE);
  });

  it('lists only npm scripts that exist', () => {
    const named = [...readme.matchAll(/npm run ([a-z:-]+)/g)].map((m) => m[1]!);
    for (const name of new Set(named)) expect(scripts, `npm run ${name}`).toContain(name);
  });
});
