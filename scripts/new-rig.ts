// npm run new:rig -- <id>: writes data/rigs/<id>.yaml (never over an existing file), every
// required field present as a "TODO: ..." placeholder that npm run validate names until filled.
import { renderRigYaml } from '../src/lib/scaffold/yaml-template.ts';
import { dataDir } from '../src/node/data-dir.ts';
import { checkId, engineIds, fail, todoSummary, writeNew } from '../src/node/scaffold-file.ts';

const usage = 'usage: npm run new:rig -- <id>';
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(usage);
  process.exit(0);
}
if (args.length > 1 || args.some((a) => a.startsWith('-'))) fail(`one id and no options.\n${usage}`, 2);
const id = checkId(args[0], 'rig', usage);
const root = dataDir();
const text = renderRigYaml({ engines: engineIds(root) });
const written = writeNew(root, 'rigs', id, text);
console.log(`wrote ${written}: ${todoSummary(text)}.`);
console.log(`next: fill in the TODOs in ${written}, then run npm run validate (CONTRIBUTING.md, "Add a rig").`);
