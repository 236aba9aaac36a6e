// The calculator island's budget: engine + UI + data, gzipped, on the pages that carry it.
import { describe, expect, it } from 'vitest';
import { islandBytes, pageWeight } from '../../bench/page-weight.ts';
import { BASE, DIST, distReady } from './support/site.ts';

const island = (page: string) => islandBytes(pageWeight(DIST, page, BASE, true));

describe.skipIf(!distReady)('calculator island budget', () => {
  it('stays within 25 KB gzipped on a report page', () => {
    expect(island('models/qwen3.5-35b-a3b/index.html')).toBeLessThanOrEqual(25 * 1024);
  });
  it('stays within 60 KB gzipped on the home page, with every model', () => {
    expect(island('index.html')).toBeLessThanOrEqual(60 * 1024);
  });
  it('leaves a report page under 35 KB of HTML and CSS without it', () => {
    expect(pageWeight(DIST, 'models/qwen3.5-35b-a3b/index.html', BASE, false).totalBytes).toBeLessThanOrEqual(35 * 1024);
  });
});
