// classify-bench.mjs — classify time per ~280-character text through the WASM
// engine (budget 15 µs): the binding's classify() (no JSON) and, for
// reference, the JSON call; and
// the native bench when build/classify-bench exists. A report, not a test.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadEngine, readLines, root } from '../wasm/helpers.mjs';

const lines = readLines('tests/data/mentions.jsonl').map((l) => JSON.parse(l).text.replace(/\n/g, ' '));
const texts = [];
let cur = '';
for (const t of lines) {
  if (t.length > 280) continue;
  if (cur.length + t.length + 1 > 280) { texts.push(cur); cur = ''; }
  cur = cur ? `${cur} ${t}` : t;
}
if (cur) texts.push(cur);

const engine = await loadEngine();
/** Calls fn on every text for at least a second (after a warm-up round); µs per call. */
function perCall(fn) {
  for (const t of texts) fn(t);
  let rounds = 0;
  const t0 = process.hrtime.bigint();
  let t1;
  do {
    for (const t of texts) fn(t);
    rounds++;
    t1 = process.hrtime.bigint();
  } while (Number(t1 - t0) < 1e9);
  return { per: Number(t1 - t0) / 1e3 / (rounds * texts.length), rounds };
}
const reqs = new Map(texts.map((text) => [text, JSON.stringify({ op: 'classify', text })]));
const fast = perCall((t) => engine.classify(t));
const json = perCall((t) => engine.callJson(reqs.get(t)));
console.log(`classify wasm:   ${fast.per.toFixed(2)} us per text (${texts.length} texts, ${fast.rounds} rounds, classify(): no JSON) budget 15 us`);
console.log(`classify wasm:   ${json.per.toFixed(2)} us per text (${texts.length} texts, ${json.rounds} rounds, JSON call)`);
engine.close();

const bin = path.join(root, 'build/classify-bench');
if (existsSync(bin)) process.stdout.write(execFileSync(bin, { input: lines.join('\n') + '\n' }));
