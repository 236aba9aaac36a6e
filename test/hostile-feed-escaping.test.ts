// Data strings are text in every feed: markup planted in every string field the schemas
// accept (names, vendors, notes, quant names, engine names...) reaches rss.xml and the rig
// feeds as text, never as live HTML, once a reader decodes the XML.
import fs from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { XMLParser } from 'fast-xml-parser';
import jsYaml from 'js-yaml';
import { parseDocument, visit } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../src/lib/schema/index.ts';
import { generateReports } from '../src/node/generate-reports.ts';
import { parseDataFile, readData } from '../src/node/read-data.ts';
import { changeItems, reportItem, type FeedItem } from '../src/pages/_share/feed-items.ts';
import { feedXml } from '../src/pages/_share/feed-response.ts';
import { removeTemp, tempDataCopy } from './support/temp-data.ts';

const PAYLOAD = ' <img src=x onerror=alert(1)><a href="javascript:alert(2)">go</a><script>alert(3)</script>';
const base = new URL('https://example.org/three-walls/');

/** Appends the payload to every string value that still validates; references (a measurement's quant) follow their target. */
function plant(data: string): number {
  let planted = 0;
  for (const name of COLLECTIONS) {
    for (const entry of fs.readdirSync(path.join(data, name))) {
      const file = path.join(data, name, entry);
      const doc = parseDocument(fs.readFileSync(file, 'utf8'));
      visit(doc, {
        Scalar(_key, node) {
          if (typeof node.value !== 'string') return;
          const before = node.value;
          node.value = `${before}${PAYLOAD}`;
          if (parseDataFile(name, file, String(doc)).problems.length > 0) node.value = before;
          else planted++;
        },
      });
      fs.writeFileSync(file, String(doc));
    }
  }
  return planted;
}

/** Every element a feed reader would build from the decoded text, as "tag attr=value". */
function liveMarkup(html: string): string[] {
  const live: string[] = [];
  const parser = new Parser({ onopentag: (tag, attrs) => live.push(`${tag} ${Object.entries(attrs).map(([k, v]) => `${k}=${v}`).join(' ')}`.trim()) });
  parser.write(html);
  parser.end();
  return live;
}

/** The fixture's support was merged at release: make it a PR first, so the rig feeds have a change to carry. */
function givesAVerdictChange(data: string): void {
  const file = path.join(data, 'models', 'qwen3.5-35b-a3b.yaml');
  const text = fs.readFileSync(file, 'utf8');
  const merged = '  llama-cpp:\n    - status: merged\n      date: 2026-02-24\n';
  expect(text).toContain(merged);
  fs.writeFileSync(file, text.replace(merged, '  llama-cpp:\n    - status: pr-open\n      date: 2026-02-24\n      note: A planted PR.\n    - status: merged\n      date: 2026-03-01\n'));
}

/** Takes the payload back out of fields the cross-file checks refuse with it (an unknown quant type, say). */
function unplantRefused(data: string): void {
  for (let round = 0; round < 3; round++) {
    const { problems } = readData(data);
    if (problems.length === 0) return;
    for (const problem of problems) {
      const doc = parseDocument(fs.readFileSync(problem.file, 'utf8'));
      const value = doc.getIn(problem.path);
      if (typeof value === 'string' && value.endsWith(PAYLOAD)) doc.setIn(problem.path, value.slice(0, -PAYLOAD.length));
      fs.writeFileSync(problem.file, String(doc));
    }
  }
}

let data = '';
let items: FeedItem[] = [];
let xml = '';

beforeAll(async () => {
  data = tempDataCopy();
  givesAVerdictChange(data);
  expect(plant(data)).toBeGreaterThan(20);
  unplantRefused(data);
  const { catalogue, problems } = readData(data);
  expect(problems).toEqual([]);
  process.env.THREEWALLS_DATA = data;
  const { siteData } = await import('../src/node/site-data.ts');
  const site = siteData();
  const reportsDir = path.join(path.dirname(data), 'reports');
  generateReports(catalogue, reportsDir);
  const reports = fs.readdirSync(reportsDir).map((f) => jsYaml.load(fs.readFileSync(path.join(reportsDir, f), 'utf8').split(/^---$/m)[1]!) as { model: string; title: string; description: string; date: string });
  items = [...reports.map((r) => reportItem(r, base)), ...site.catalogue.rigs.flatMap((r) => changeItems(site, base, r.id))];
  xml = await feedXml(`Feed for ${site.houseRig.data.name}`, `Changes on ${site.houseRig.data.name}`, base, items);
});
afterAll(() => {
  delete process.env.THREEWALLS_DATA;
  if (data) removeTemp(data);
});

describe('feeds built from hostile data', () => {
  it('carry the planted markup in report and verdict-change items', () => {
    expect(items.some((i) => i.guid.includes('/'))).toBe(true);
    expect(items.every((i) => `${i.title}${i.description}`.includes('onerror'))).toBe(true);
  });

  it('decode to text, not live HTML, in every channel and item title and description', () => {
    const feed = new XMLParser({ processEntities: true, htmlEntities: false }).parse(xml) as { rss: { channel: { title: string; description: string; item: { title: string; description: string }[] } } };
    const channel = feed.rss.channel;
    const decoded = [channel.title, channel.description, ...channel.item.flatMap((i) => [i.title, i.description])];
    expect(channel.item).toHaveLength(items.length);
    for (const html of decoded) {
      expect(liveMarkup(String(html))).toEqual([]);
      expect(String(html)).not.toMatch(/<[a-z]/i);
    }
    expect(decoded.join('\n')).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });
});
