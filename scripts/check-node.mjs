// Runs before every npm script (the pre* entries in package.json): on a Node too old for the
// project, say so in one line instead of the stack trace an older Node prints for a .ts file
// (ERR_UNKNOWN_FILE_EXTENSION) or a dependency that needs newer APIs. The minimum is read
// from package.json "engines": 22.19.0, because the scripts are TypeScript run on type
// stripping (on by default from Node 22.18.0) and undici, under astro, declares >=22.19.0. Plain old JavaScript on purpose: any Node from 14 on parses it.
import fs from 'fs';

var pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
var wanted = /(\d+)\.(\d+)\.(\d+)/.exec(pkg.engines.node).slice(1).map(Number);
var have = process.versions.node.split('.').map(Number);

function older(a, b) {
  for (var i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

if (older(have, wanted)) {
  console.error(
    'three-walls needs Node ' + wanted.join('.') + ' or newer; this is Node ' + process.versions.node +
      '. Install Node 24 (`nvm install` reads .nvmrc), or run `bash .ci/run`, which fetches one.'
  );
  process.exit(1);
}
