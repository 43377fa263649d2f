#!/usr/bin/env node
// cold-start.mjs — one cold start in a fresh node process (run.mjs starts it
// several times and takes the median). Prints {ms, firstCallMs}:
//   ours:   read webcare.wasm + createEngine (compile, instantiate, engine_new)
//           + the first classify call;
//   harper: new LocalLinter({binary}) + setup() (reads and compiles its WASM,
//           loads its dictionary) + the first lint call.
// Module imports happen before the clock starts for both.
//   node tests/bench/cold-start.mjs ours|harper
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const which = process.argv[2];
const TEXT = 'Hoi @KPN, al 3 dagen geen internet en niemand belt terug. Wanneer wordt dit opgelost?';

if (which === 'ours') {
  const { createEngine } = await import(path.join(root, 'extension/engine/webcare.mjs'));
  const t0 = performance.now();
  const engine = await createEngine({ wasmBinary: readFileSync(path.join(root, 'extension/engine/webcare.wasm')) });
  const t1 = performance.now();
  engine.classify(TEXT);
  const t2 = performance.now();
  console.log(JSON.stringify({ ms: t2 - t0, setupMs: t1 - t0, firstCallMs: t2 - t1 }));
} else if (which === 'harper') {
  const { LocalLinter } = await import('harper.js');
  const { binary } = await import('harper.js/binary');
  const t0 = performance.now();
  const linter = new LocalLinter({ binary });
  await linter.setup();
  const t1 = performance.now();
  await linter.lint(TEXT, { language: 'plaintext' });
  const t2 = performance.now();
  console.log(JSON.stringify({ ms: t2 - t0, setupMs: t1 - t0, firstCallMs: t2 - t1 }));
} else {
  console.error('usage: cold-start.mjs ours|harper');
  process.exit(2);
}
