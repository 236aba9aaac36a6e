// GB is 10^9 bytes and GiB is 2^30: parsed exactly, never mixed.
import { describe, expect, it } from 'vitest';
import { formatGB, formatGiB, parseBandwidthBytesPerSecond, parseSizeBytes } from '../src/lib/units.ts';

describe('sizes', () => {
  it.each([
    ['96.2 GB', 96_200_000_000], // Hugging Face listings are decimal
    ['32 GiB', 34_359_738_368], // VRAM is binary
    ['1.8 TB', 1_800_000_000_000],
    ['858 MB', 858_000_000],
    ['512 MiB', 536_870_912],
    ['19.71 GiB', Math.round(19.71 * 2 ** 30)],
    ['100GB', 100_000_000_000], // the space is optional
  ])('%s is %i bytes', (text, bytes) => {
    expect(parseSizeBytes(text)).toBe(bytes);
  });
  it.each(['96.2', 'GB', '96,2 GB', '-1 GB', '96.2 gb', '1e9 B', '96.2 GB/s', ''])('rejects %j', (text) => {
    expect(parseSizeBytes(text)).toBeUndefined();
  });
  it('32 GiB and 32 GB differ by 7.4%', () => {
    expect(parseSizeBytes('32 GiB')! / parseSizeBytes('32 GB')!).toBeCloseTo(1.0737, 4);
  });
});

describe('bandwidths', () => {
  it.each([
    ['1792 GB/s', 1.792e12],
    ['89.6 GB/s', 89.6e9],
    ['1.8 TB/s', 1.8e12],
  ])('%s is %d bytes per second', (text, bps) => {
    expect(parseBandwidthBytesPerSecond(text)).toBe(bps);
  });
  it('rejects a size without /s', () => {
    expect(parseBandwidthBytesPerSecond('1792 GB')).toBeUndefined();
  });
});

describe('formatting keeps the unit it was asked for', () => {
  it('formats GB and GiB from the same bytes differently', () => {
    expect(formatGB(32 * 2 ** 30)).toBe('34.4 GB');
    expect(formatGiB(32 * 2 ** 30)).toBe('32.0 GiB');
  });
});
