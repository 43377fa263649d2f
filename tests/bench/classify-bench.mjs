// classify-bench.mjs — classify time per ~280-character text through the WASM
// engine (budget 15 µs; includes the JSON round trip of the binding), and
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
const reqs = texts.map((text) => JSON.stringify({ op: 'classify', text }));
for (const r of reqs) engine.callJson(r);
let rounds = 0;
const t0 = process.hrtime.bigint();
let t1;
do {
  for (const r of reqs) engine.callJson(r);
  rounds++;
  t1 = process.hrtime.bigint();
} while (Number(t1 - t0) < 1e9);
const per = Number(t1 - t0) / 1e3 / (rounds * reqs.length);
console.log(`classify wasm:   ${per.toFixed(2)} us per text (${reqs.length} texts, ${rounds} rounds, incl. JSON) budget 15 us`);
engine.close();

const bin = path.join(root, 'build/classify-bench');
if (existsSync(bin)) process.stdout.write(execFileSync(bin, { input: lines.join('\n') + '\n' }));
