// npm run new:model -- <id> [--config path/to/config.json] [--gguf path/to/file.gguf ...] [--print]
// Writes data/models/<id>.yaml (never over an existing file) with what config.json and the
// GGUF headers say filled in, and "TODO: ..." where only a person can know (validate rejects those).
// --print writes nothing and prints the YAML instead: the way to get a `quants` entry for a
// model that already has a file.
import fs from 'node:fs';
import path from 'node:path';
import { factsFromHfConfig } from '../src/lib/scaffold/from-hf-config.ts';
import { groupShards, quantFromGguf, type GgufHeader } from '../src/lib/scaffold/from-gguf.ts';
import { renderModelYaml } from '../src/lib/scaffold/yaml-template.ts';
import { readArgs } from '../src/node/cli-args.ts';
import { dataDir } from '../src/node/data-dir.ts';
import { readGgufHeader } from '../src/node/read-gguf.ts';
import { checkId, engineIds, fail, todoSummary, writeNew } from '../src/node/scaffold-file.ts';

const usage = 'usage: npm run new:model -- <id> [--config path/to/config.json] [--gguf path/to/file.gguf ...] [--print]';

const { values, positionals } = readArgs({ config: { type: 'string' }, gguf: { type: 'string', multiple: true }, print: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, usage);
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (positionals.length > 1) fail(`one id at a time (got ${positionals.join(', ')}).\n${usage}`, 2);
const id = checkId(positionals[0], 'model', usage);
const root = dataDir();
if (!values.print && fs.existsSync(path.join(root, 'models', `${id}.yaml`))) fail(`data/models/${id}.yaml already exists, and new:model never overwrites: edit that file (--print shows the YAML without writing it), or pick another id.`);

let facts;
if (values.config) {
  let text: string;
  try {
    text = fs.readFileSync(values.config, 'utf8');
  } catch {
    fail(`cannot read --config ${values.config}: no such file (download config.json from the model's Hugging Face page, "Files and versions").`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    fail(`--config ${values.config} is not valid JSON (${(error as Error).message}); pass the model's config.json as downloaded.`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) fail(`--config ${values.config} is not a config.json: expected a JSON object with model_type, num_hidden_layers, ...`);
  facts = factsFromHfConfig(json as Record<string, unknown>);
}

const headers: GgufHeader[] = [];
for (const file of values.gguf ?? []) {
  try {
    headers.push(await readGgufHeader(file));
  } catch (error) {
    fail(`cannot read ${file} as a GGUF file: ${(error as Error).message.split('\n')[0]}`);
  }
}
const quants = groupShards(headers).map(quantFromGguf);

const from = [...(values.config ? [path.basename(values.config)] : []), ...quants.map((q) => q.files[0]!)];
const text = renderModelYaml({ slug: id, facts, quants, engines: engineIds(root), from });
if (values.print) {
  process.stdout.write(text);
  process.exit(0);
}
const written = writeNew(root, 'models', id, text);
console.log(`wrote ${written}: ${todoSummary(text)}.`);
if (facts) console.log(`  from config.json: ${facts.architecture ?? 'no model_type'}, ${facts.layers ?? '?'} layers (${facts.groups.map((g) => `${g.layers} ${g.kind}`).join(' + ') || 'attention unknown'})${facts.moe ? `, ${facts.moe.experts} experts` : ''}`);
for (const q of quants) console.log(`  from ${q.files.join(' + ')}: ${q.name} (${q.type}), ${(q.tensorBytes / 1e9).toFixed(2)} GB of tensors, ${(q.parameters / 1e9).toFixed(2)}B parameters`);
console.log(`next: fill in the TODOs in ${written}, then run npm run validate (CONTRIBUTING.md, "Add a model").`);
