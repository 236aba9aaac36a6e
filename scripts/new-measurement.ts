// npm run new:measurement -- --llama-bench <file> [--rig <id>] [--model <id> --quant <name>] [--print]
// Reads llama-bench's `-o json` or `-o jsonl` output and writes data/measurements/<slug>.yaml
// (never over a file that exists): each decode and prefill result as a row, the model, file
// and rig matched against the data, "TODO: ..." where they could not be (and for the source).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeNames } from '../src/lib/data/did-you-mean.ts';
import { LlamaBenchError, parseLlamaBench } from '../src/lib/scaffold/from-llama-bench.ts';
import { measurementFromLlamaBench } from '../src/lib/scaffold/llama-bench-yaml.ts';
import { dataDir, displayPath } from '../src/node/data-dir.ts';
import { readData } from '../src/node/read-data.ts';
import { fail, todoSummary } from '../src/node/scaffold-file.ts';

const usage = 'usage: npm run new:measurement -- --llama-bench <results.json> [--rig <id>] [--model <id> --quant <name>] [--print]';

let parsed;
try {
  parsed = parseArgs({ options: { 'llama-bench': { type: 'string' }, rig: { type: 'string' }, model: { type: 'string' }, quant: { type: 'string' }, print: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`, 2);
}
const { values } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const file = values['llama-bench'];
if (!file) fail(`missing --llama-bench <file>: the output of llama-bench ... -o json > results.json\n${usage}`, 2);
if (values.quant && !values.model) fail('--quant names a file of one model: give --model <id> with it.', 2);

let text: string;
try {
  text = fs.readFileSync(file, 'utf8');
} catch {
  fail(`cannot read --llama-bench ${file}: no such file.`, 2);
}
let records;
try {
  records = parseLlamaBench(text, file);
} catch (error) {
  if (error instanceof LlamaBenchError) fail(error.message, 2);
  throw error;
}

// Files with problems are left out of the catalogue: matching needs only the valid ones.
const root = dataDir();
const { catalogue } = readData(root);
function known(kind: string, id: string | undefined, ids: string[]): void {
  if (id === undefined || ids.includes(id)) return;
  const close = closeNames(id, ids);
  fail(`--${kind} ${id}: no such ${kind} in the data${close.length ? `; did you mean ${close.join(', ')}?` : ''}`, 2);
}
known('rig', values.rig, catalogue.rigs.map((r) => r.id));
known('model', values.model, catalogue.models.map((m) => m.id));
if (values.model && values.quant) known('quant', values.quant, catalogue.models.find((m) => m.id === values.model)!.data.quants.map((q) => q.name));

const result = measurementFromLlamaBench({ records, models: catalogue.models, rigs: catalogue.rigs, from: path.basename(file), overrides: { rig: values.rig, model: values.model, quant: values.quant } });
if (result.rows === 0) fail(`${file}: expected decode (n_gen > 0) or prefill (n_prompt > 0) results; found only ${result.skipped} combined pp+tg or empty result(s). Run llama-bench with -p and -n, not -pg.`, 2);
if (values.print) {
  process.stdout.write(result.yaml);
  process.exit(0);
}

const dir = path.join(root, 'measurements');
let target = path.join(dir, `${result.slug}.yaml`);
for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, `${result.slug}-${n}.yaml`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(target, result.yaml, { flag: 'wx' });
const shown = displayPath(target);
console.log(`wrote ${shown}: ${result.rows} row(s)${result.skipped ? `, ${result.skipped} combined or empty result(s) left out` : ''}; ${todoSummary(result.yaml)}.`);
for (const line of result.unmatched) console.log(`  not matched, ${line}`);
console.log(`next: fill in the TODOs in ${shown}, then npm run validate and npm run diff-verdicts -- HEAD (CONTRIBUTING.md, "Contribute your llama-bench run").`);
