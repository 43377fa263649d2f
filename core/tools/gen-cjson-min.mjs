#!/usr/bin/env node
// gen-cjson-min.mjs — writes core/src/gen/cjson/cJSON.c: the vendored
// core/third_party/cjson/cJSON.c (cJSON 1.7.15) with
// core/third_party/cjson/patches/*.patch applied in name order (`patch`).
// The native build and the WASM build both compile this file; the vendored
// one stays pristine. What the patches change: core/third_party/cjson/patches/README.md
// (0001: numbers parsed and printed without strtod/sscanf/sprintf, so the
// WASM carries no printf/scanf from musl).
// Usage: node core/tools/gen-cjson-min.mjs [--check]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { patchedSource, patchesOf } from './patch-vendored.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VENDOR = 'core/third_party/cjson';
const OUT = 'core/src/gen/cjson/cJSON.c';

const text = patchedSource(root, VENDOR, 'cJSON.c', 'core/tools/gen-cjson-min.mjs');
const file = path.join(root, OUT);
if (process.argv.includes('--check')) {
  let cur = null;
  try {
    cur = readFileSync(file, 'utf8');
  } catch {}
  if (cur !== text) {
    console.error(`${OUT} is stale: run node core/tools/gen-cjson-min.mjs`);
    process.exit(1);
  }
  process.exit(0);
}
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, text);
console.log(`${OUT}: ${VENDOR}/cJSON.c + ${patchesOf(root, VENDOR).length} patch(es)`);
