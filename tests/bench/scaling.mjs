// scaling.mjs — does the core stay linear on hostile input? (issue 10)
// NOT a test: `make bench` calls it. Times classify / lint / tokens / length /
// normalize through the WASM engine on inputs of 1×, 10× and 100× a base size
// (10 kB → 1 MB, the text limit) and prints t(10×)/t(1×) and t(100×)/t(10×).
// Linear is ≈10 per step; t(100×)/t(1×) over 200 is flagged "SUPERLINEAR"
// (single steps are noisy: GC, heap growth, tier-up). Each measurement runs in a
// worker with a time budget so a quadratic case is reported, not waited for.
//
//   node tests/bench/scaling.mjs [--budget=SECONDS] [--case=NAME] [--strict]
//   --strict: exit 1 when a series is flagged or a budget ran out.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BASE = 10 * 1024;
const SCALES = [1, 10, 100];
const OPS = ['classify', 'lint', 'tokens', 'length', 'normalize'];

/** Inputs: name -> (bytes) -> text of about that many UTF-8 bytes. */
const fill = (unit) => (bytes) => unit.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(unit))));
const CASES = {
  mention: fill('Hoi @KLM, al 3 dagen wacht ik op mijn koffer!!! 😡 Waarom reageert NIEMAND? https://klm.nl/x #fail vóór 16:00\n'),
  'a.a.a': fill('a.'),
  'a%a%a': fill('a%'),
  'ab+ab+': fill('ab+'),
  'url-ish': fill('www.a.'),
  marks: (bytes) => 'a' + fill('\u0301\u0316')(bytes - 1),
  emoji: fill('😡'),
  'zwj-emoji': fill('👩‍👩‍👧'),
  word: fill('a'),
  'zero-width': fill('a\u200b'),
  caps: fill('WAAROM '),
};
// A team pack whose pattern has many gaps, on near-matching text (lint only).
const GAP_PACK = { name: 'gaps', rules: [{ id: 'gaps', message: 'm', patterns: ['a {9} a {9} a {9} a {9} a {9} a {9} a {9} b'] }] };
// pack-gaps-b ends in "b", so every position's word is present and the pre-check cannot skip it.
const PACK_CASES = { 'pack-gaps': fill('a aa aaa '), 'pack-gaps-b': (bytes) => fill('a aa aaa ')(bytes - 2) + ' b' };

function request(op, text, pack) {
  const r = { op, text, platform: 'x' };
  if (op === 'lint') r.mention = { text: 'Waar blijft mijn pakket?!' };
  if (pack) r.config = { pack };
  return JSON.stringify(r);
}

if (!isMainThread) {
  // Worker: time one (case, op, scale) and post the milliseconds per call.
  const { createEngine } = await import(path.join(root, 'extension/engine/webcare.mjs'));
  const engine = await createEngine({ wasmBinary: readFileSync(path.join(root, 'extension/engine/webcare.wasm')) });
  parentPort.on('message', ({ name, op, bytes }) => {
    const pack = name in PACK_CASES ? GAP_PACK : null;
    const text = (CASES[name] ?? PACK_CASES[name])(bytes);
    const json = request(op, text, pack);
    if (bytes <= 100 * 1024) engine.callJson(json); // warm up (tier-up, heap growth)
    let n = 0;
    const t0 = performance.now();
    let t = t0;
    while (n < 1 || (t - t0 < 300 && n < 100)) {
      engine.callJson(json);
      n++;
      t = performance.now();
    }
    parentPort.postMessage({ ms: (t - t0) / n, bytes: Buffer.byteLength(text) });
  });
} else {
  const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
  const budgetMs = Number(args.budget ?? 20) * 1000;
  const only = args.case;
  let worker = null;
  const startWorker = () => new Worker(fileURLToPath(import.meta.url), { workerData: {} });
  const measure = (name, op, bytes) =>
    new Promise((resolve) => {
      worker ??= startWorker();
      const timer = setTimeout(async () => {
        worker.removeAllListeners('message');
        await worker.terminate();
        worker = null;
        resolve(null);
      }, budgetMs);
      worker.once('message', (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      worker.postMessage({ name, op, bytes });
    });

  const fmt = (ms) => (ms == null ? `>${budgetMs / 1000}s` : ms < 1 ? `${(ms * 1000).toFixed(0)}µs` : `${ms.toFixed(1)}ms`);
  const rows = [];
  let bad = 0;
  console.log(`scaling: WASM engine, base ${BASE / 1024} kB, ×${SCALES.join(', ×')}; linear ratio ≈ 10`);
  console.log(['case', 'op', ...SCALES.map((s) => `t(${s}×)`), '10×/1×', '100×/10×', ''].map((h) => h.padEnd(10)).join(' '));
  const all = [...Object.keys(CASES).map((c) => [c, OPS]), ...Object.keys(PACK_CASES).map((c) => [c, ['lint']])];
  for (const [name, ops] of all) {
    if (only && only !== name) continue;
    for (const op of ops) {
      const times = [];
      for (const s of SCALES) {
        const m = times.includes(null) ? null : await measure(name, op, BASE * s);
        times.push(m ? m.ms : null);
      }
      const r1 = times[0] && times[1] ? times[1] / times[0] : null;
      const r2 = times[1] && times[2] ? times[2] / times[1] : null;
      const flag = times.includes(null) ? 'BUDGET' : (times[2] / times[0] > 200 ? 'SUPERLINEAR' : '');
      if (flag) bad++;
      rows.push({ name, op, times, r1, r2, flag });
      console.log([name, op, ...times.map(fmt), r1?.toFixed(1) ?? '-', r2?.toFixed(1) ?? '-', flag]
        .map((c) => String(c).padEnd(10)).join(' '));
    }
  }
  if (worker) await worker.terminate();
  console.log(`scaling: ${rows.length} series, ${bad} flagged`);
  process.exitCode = args.strict !== undefined && bad ? 1 : 0;
}
