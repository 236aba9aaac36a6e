// Numbers and dates on the command line are read one way by every command: plain digits,
// real calendar days, the project's own messages, exit 2, and capping said out loud.
import { describe, expect, it } from 'vitest';
import { calendarDay, positiveDecimal, readArgs, wholeNumber } from '../src/node/cli-args.ts';
import { runScript } from './support/temp-data.ts';

const fit = (...args: string[]) => runScript('fit.ts', ['qwen3-30b-a3b', '--rig', 'homelab-rtx5090', ...args]);

describe('CLI numbers and dates', () => {
  it('reads a negative context as a bad context, not as an ambiguous option', () => {
    const run = fit('--context', '-5');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--context must be a whole number');
    expect(run.output).not.toMatch(/ambiguous|ERR_PARSE_ARGS|\n\s+at /);
  });

  it.each(['1e12', '0x100', '32768.5', '', ' 1'])('refuses %j as a context instead of guessing a number', (text) => {
    const run = fit('--context', text);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`not "${text}"`);
  });

  it('says when the context is capped at the model maximum', () => {
    const run = fit('--context', '1000000', '--json');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/context capped at the model's maximum of [\d,]+ tokens/);
    expect(JSON.parse(run.stdout).contextTokens).toBeLessThan(1_000_000);
  });

  it.each([['fit.ts', ['qwen3-30b-a3b', '--rig', 'homelab-rtx5090']], ['diff-verdicts.ts', ['HEAD']]])('%s refuses an --as-of that is not a calendar day', (script, args) => {
    const run = runScript(script, [...args, '--as-of', '2026-13-45']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('--as-of 2026-13-45 is not a day on the calendar: the month is 01-12 and the day must exist in that month');
  });

  it.each([['validate.ts'], ['calibrate.ts'], ['new-rig.ts'], ['new-model.ts'], ['fit.ts'], ['diff-verdicts.ts']])('%s says an unknown option in one line and exits 2', (script) => {
    const run = runScript(script, ['--no-such-option']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('unknown option --no-such-option');
  });

  it('parses in-process the same way', () => {
    expect(wholeNumber('--n', '131,072', 1, 1e8)).toBe(131072);
    expect(positiveDecimal('--t', '7.5', 100)).toBe(7.5);
    expect(calendarDay('--d', '2024-02-29')).toBe('2024-02-29');
    expect(readArgs({ context: { type: 'string' } }, 'usage', ['--context', '-1']).values.context).toBe('-1');
  });
});
