#!/usr/bin/env bash
# Installs the llama.cpp oracle's pinned packages (package-lock.json) into test/oracle/node_modules:
# node-llama-cpp's prebuilt CPU llama.cpp for linux-x64 (its bundled source is the one the engine
# cites) and koffi to call it. About 90 MB in a few seconds; only the oracle test uses them, so the
# site's own `npm install` stays as it is. .ci/run calls this before `npm test`.
set -euo pipefail
cd "$(dirname "$0")"
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "oracle: the pinned llama.cpp binaries are linux-x64 only; not installing (the oracle test will skip)"
  exit 0
fi
# Optional packages are the CUDA/Vulkan/ARM builds (600 MB more); the linux-x64 ones are direct
# dependencies. Nothing to download or build: NODE_LLAMA_CPP_SKIP_DOWNLOAD, and no install scripts.
# `npm ci` refuses this lock: npm 11 leaves the other platforms' optional builds out of it, then
# reports them missing; `npm install` with the committed lock and exact pins installs the same tree.
NODE_LLAMA_CPP_SKIP_DOWNLOAD=true npm install --omit=optional --ignore-scripts --no-audit --no-fund
