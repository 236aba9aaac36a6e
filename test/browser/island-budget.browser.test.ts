// The calculator island's budget: engine + UI + data, gzipped, on the pages that carry it.
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { islandBytes as islandJsBytes, pageWeight } from '../../bench/page-weight.ts';
import { BASE, DIST, distReady } from './support/site.ts';

const islandBytes = (page: string) => {
  const withScripts = pageWeight(DIST, page, BASE, true);
  const html = pageWeight(DIST, page, BASE, false).htmlBytes;
  // The island's data rides in the HTML as one JSON script; count it with the JS.
  const json = /<script type="application\/json">([\s\S]*?)<\/script>/.exec(fs.readFileSync(`${DIST}/${page}`, 'utf8'))?.[1] ?? '';
  return { js: islandJsBytes(withScripts), data: gzipSync(json).length, html };
};

describe.skipIf(!distReady)('calculator island budget', () => {
  it('stays within 25 KB gzipped on a report page', () => {
    const { js, data } = islandBytes('models/qwen3.5-35b-a3b/index.html');
    expect(js + data).toBeLessThanOrEqual(25 * 1024);
  });
  it('stays within 60 KB gzipped on the home page, with every model', () => {
    const { js, data } = islandBytes('index.html');
    expect(js + data).toBeLessThanOrEqual(60 * 1024);
  });
  it('leaves a report page under 35 KB of HTML and CSS without it', () => {
    expect(pageWeight(DIST, 'models/qwen3.5-35b-a3b/index.html', BASE, false).totalBytes).toBeLessThanOrEqual(35 * 1024);
  });
});
