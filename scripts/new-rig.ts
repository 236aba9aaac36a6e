// npm run new:rig -- <id>: writes data/rigs/<id>.yaml (never over an existing file), every
// required field present as a "TODO: ..." placeholder that npm run validate names until filled.
import { renderRigYaml } from '../src/lib/scaffold/yaml-template.ts';
import { readArgs } from '../src/node/cli-args.ts';
import { dataDir } from '../src/node/data-dir.ts';
import { checkId, engineIds, fail, todoSummary, writeNew } from '../src/node/scaffold-file.ts';

const usage = 'usage: npm run new:rig -- <id>';
const { values, positionals } = readArgs({ help: { type: 'boolean', short: 'h' } }, usage);
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (positionals.length > 1) fail(`one id at a time (got ${positionals.join(', ')}).\n${usage}`, 2);
const id = checkId(positionals[0], 'rig', usage);
const root = dataDir();
const text = renderRigYaml({ engines: engineIds(root) });
const written = writeNew(root, 'rigs', id, text);
console.log(`wrote ${written}: ${todoSummary(text)}.`);
console.log(`next: fill in the TODOs in ${written}, then run npm run validate (CONTRIBUTING.md, "Add a rig").`);
