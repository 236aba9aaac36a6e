// Source URLs are links readers follow from the published site: https (or http) to public
// hosts only, without credentials, never this machine, a private network or link-local.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { httpUrl } from '../src/lib/schema/common.ts';
import { parseDataFile } from '../src/node/read-data.ts';
import { fixtureData } from './support/temp-data.ts';

const refused = [
  'http://127.0.0.1/', 'http://2130706433/', 'http://0x7f.1/', 'http://localhost:8080/x', 'http://foo.localhost/',
  'https://user:pass@github.com/ggml-org/llama.cpp', 'https://token@huggingface.co/x',
  'http://10.1.2.3/', 'http://172.16.0.1/', 'http://172.31.255.255/', 'http://192.168.1.1/', 'http://169.254.169.254/latest/meta-data/',
  'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://[fc00::1]/', 'http://[fd12:3456::1]/', 'http://[fe80::1]/',
  'http://printer.local/', 'http://db.internal/', 'http://intranet/', 'javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.org/x',
];
const accepted = ['https://huggingface.co/Qwen/Qwen3-30B-A3B', 'http://example.org/', 'https://172.32.0.1/', 'https://8.8.8.8/', 'https://[2606:4700::1111]/'];

describe('source URLs', () => {
  it.each(refused)('refuses %s', (url) => expect(httpUrl.safeParse(url).success).toBe(false));
  it.each(accepted)('accepts %s', (url) => expect(httpUrl.safeParse(url).success).toBe(true));

  it('names the field, the address and why, once, in a data file', () => {
    const file = path.join(fixtureData, 'engines', 'llama-cpp.yaml');
    const text = fs.readFileSync(file, 'utf8').replace(/^homepage: .*$/m, 'homepage: http://169.254.169.254/latest/meta-data/');
    const { problems } = parseDataFile('engines', 'data/engines/llama-cpp.yaml', text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: ['homepage'], line: 3, expected: expect.stringContaining('public page'), hint: expect.stringContaining('169.254.169.254 is a loopback, private or link-local address') });
  });
});
