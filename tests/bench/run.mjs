#!/usr/bin/env node
// run.mjs — `make bench` (issue 9): speed, size and memory of Webcare Lens
// side by side with what an agent would otherwise use, measured in one run
// on the same inputs. Prints one table and writes build/bench.json.
//
//   node tests/bench/run.mjs [--quick] [--no-browser] [--out FILE] [--json]
//
// --quick: 20 items (peers 5), 1 round, 2,000 memory calls, 1 cold start; no
// harper.js (its setup alone takes seconds), no browser, no colleagues' extra
// reports. The smoke test in tests/wasm uses it; no quick figure means anything. Needs `make native wasm` and
// build/bench/bench_native (the Makefile's `bench` target builds both).
//
// Timing: one call = one sample (process.hrtime / clock_gettime), after a
// warm-up round over the same inputs; median and p95 over every sample.
// Budgets (SPEC) are checked on p95 — the corpus spans 40–280 characters, so
// p95 stands for the longest (~280-character) texts the budgets talk about.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const BROWSER = !QUICK && !args.includes('--no-browser');
const OUT = args.includes('--out') ? path.resolve(args[args.indexOf('--out') + 1]) : path.join(ROOT, 'build/bench.json');
const ITEMS = QUICK ? 20 : 1000;
const ROUNDS = QUICK ? 1 : 5;
// The JS/WASM peers take milliseconds per call (multilang-sentiment runs a
// fuzzy search per word, 0.1–1 s per mention on a loaded machine): one
// measured round after a short warm-up, stopped after PEER_BUDGET_MS (at least
// 50 items); the table gives the number of items each peer was timed on.
const PEER_ROUNDS = 1;
const PEER_BUDGET_MS = QUICK ? 2000 : 30000;
const PEER_WARM = QUICK ? 2 : 50;
const PEER_ITEMS = QUICK ? 5 : 1000;
const HARPER = !QUICK;
const CALLS = QUICK ? 2000 : 100000;
const COLD_RUNS = QUICK ? 1 : 5;
const KB = 1000;

const log = (msg) => process.stderr.write(`bench: ${msg}\n`);

// ---- statistics -------------------------------------------------------------
function summary(us) {
  const s = Float64Array.from(us).sort();
  const at = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  let sum = 0;
  for (const x of s) sum += x;
  return { n: s.length, median_us: at(50), p95_us: at(95), mean_us: sum / s.length, max_us: s[s.length - 1] };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** Times fn(item) once per item per round, after warming up on the first
 * `warm` items (default: a whole round); stops early once budgetMs is spent
 * and at least 50 samples are in. Returns summary(µs). */
function timeSync(items, fn, rounds = ROUNDS, warm = items.length, budgetMs = Infinity) {
  const us = [];
  for (const it of items.slice(0, warm)) fn(it);
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const it of items) {
      const t0 = process.hrtime.bigint();
      fn(it);
      const t1 = process.hrtime.bigint();
      us.push(Number(t1 - t0) / 1e3);
      if (us.length >= 50 && performance.now() - start > budgetMs) return summary(us);
    }
  }
  return summary(us);
}

async function timeAsync(items, fn, rounds, warm = items.length, budgetMs = Infinity) {
  const us = [];
  for (const it of items.slice(0, warm)) await fn(it);
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const it of items) {
      const t0 = process.hrtime.bigint();
      await fn(it);
      const t1 = process.hrtime.bigint();
      us.push(Number(t1 - t0) / 1e3);
      if (us.length >= 50 && performance.now() - start > budgetMs) return summary(us);
    }
  }
  return summary(us);
}

// ---- inputs -----------------------------------------------------------------
const readJsonl = (file) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const replies = readJsonl(path.join(HERE, 'corpus/replies.jsonl')).slice(0, ITEMS);
const mentions = readJsonl(path.join(HERE, 'corpus/mentions.jsonl')).slice(0, ITEMS);
const lintReq = (r) => {
  const { id: _id, ...rest } = r;
  return JSON.stringify({ ...rest, op: 'lint' });
};

// ---- 1–3, 6: native -------------------------------------------------------------
function runNative() {
  const bin = path.join(ROOT, 'build/bench/bench_native');
  if (!existsSync(bin)) throw new Error(`${bin} missing: run "make bench" (it builds it)`);
  log('native core (bench_native)');
  const p = spawnSync(bin, ['--replies', path.join(HERE, 'corpus/replies.jsonl'),
    '--mentions', path.join(HERE, 'corpus/mentions.jsonl'), '--limit', String(ITEMS),
    '--rounds', String(ROUNDS), '--calls', String(CALLS)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  // exit 1 = some calls answered with an error: the figures stand, `errors` says how many
  if (p.status !== 0 && !(p.status === 1 && p.stdout.trim().startsWith('{'))) {
    throw new Error(`bench_native failed (${p.status}): ${p.stderr}`);
  }
  if (p.status === 1) log(`WARNING: ${p.stderr.trim()}`);
  return JSON.parse(p.stdout);
}

// ---- 1–3, 6: WASM in node ---------------------------------------------------------
async function loadOurEngine() {
  const { createEngine } = await import(path.join(ROOT, 'extension/engine/webcare.mjs'));
  return createEngine({ wasmBinary: readFileSync(path.join(ROOT, 'extension/engine/webcare.wasm')) });
}

async function runWasm() {
  log('WASM core in node');
  const engine = await loadOurEngine();
  const lintReqs = replies.map(lintReq);
  const clsReqs = mentions.map((m) => JSON.stringify({ op: 'classify', text: m.text }));
  const lenReqs = [...replies, ...mentions].map((x) => JSON.stringify({ op: 'length', text: x.text, platform: 'x' }));
  for (const r of [lintReqs[0], clsReqs[0], lenReqs[0]]) {
    const resp = JSON.parse(engine.callJson(r));
    if (resp.error) throw new Error(`WASM engine answered an error: ${JSON.stringify(resp.error)}`);
  }
  // classify: the binding's classify() (what call({op:'classify'}) uses too: no
  // JSON, a fixed-layout result decoded in JS); the JSON call for reference
  const clsTexts = mentions.map((m) => m.text);
  const out = {
    lint: timeSync(lintReqs, engine.callJson),
    classify: timeSync(clsTexts, (t) => engine.classify(t)),
    classify_json: timeSync(clsReqs, engine.callJson),
    length: timeSync(lenReqs, engine.callJson),
  };
  // our X lengths, to compare with twitter-text's
  out.lengths = lenReqs.map((r) => JSON.parse(engine.callJson(r)).result?.used ?? null);
  engine.close();

  // memory: a fresh engine, heap after 1k and after CALLS calls (lint/classify alternating)
  const mem = await loadOurEngine();
  let after1k = 0;
  for (let k = 0; k < CALLS; k++) {
    if (k & 1) mem.classify(clsTexts[(k >> 1) % clsTexts.length]);
    else mem.callJson(lintReqs[(k >> 1) % lintReqs.length]);
    if (k + 1 === 1000) after1k = mem.heapBytes();
  }
  out.heap = { after_1k_bytes: after1k, after_n_bytes: mem.heapBytes(), n: CALLS };
  mem.close();
  return out;
}

// ---- peers --------------------------------------------------------------------
async function runPeers() {
  const out = { harper: null, harperInProcess: null };
  const peerReplies = replies.slice(0, PEER_ITEMS);
  log('peer: write-good');
  const writeGood = require('write-good');
  out.writeGood = timeSync(peerReplies, (r) => writeGood(r.text), PEER_ROUNDS, PEER_WARM, PEER_BUDGET_MS);

  log('peer: multilang-sentiment (fuzzy search per word: slow)');
  const sentiment = require('multilang-sentiment');
  out.sentiment = timeSync(mentions.slice(0, PEER_ITEMS), (m) => sentiment(m.text, 'nl'), PEER_ROUNDS, PEER_WARM,
                           PEER_BUDGET_MS);

  log('peer: twitter-text');
  const twitter = require('twitter-text');
  const strings = [...replies, ...mentions].map((x) => x.text);
  out.twitterText = timeSync(strings, (s) => twitter.parseTweet(s));
  out.twitterLengths = strings.map((s) => twitter.parseTweet(s).weightedLength);

  if (!HARPER) return out;
  log('peer: harper.js (setup takes seconds)');
  const { LocalLinter } = await import('harper.js');
  const { binary } = await import('harper.js/binary');
  const t0 = performance.now();
  const linter = new LocalLinter({ binary });
  await linter.setup();
  const t1 = performance.now();
  const first = await linter.lint(replies[0].text, { language: 'plaintext' });
  const t2 = performance.now();
  out.harperInProcess = { setupMs: t1 - t0, firstCallMs: t2 - t1, ms: t2 - t0, firstLints: first.length };
  out.harper = await timeAsync(peerReplies, (r) => linter.lint(r.text, { language: 'plaintext' }), PEER_ROUNDS,
                               PEER_WARM, PEER_BUDGET_MS);
  return out;
}

// ---- 4: cold start ----------------------------------------------------------------
function coldStart(which) {
  const runs = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const p = spawnSync(process.execPath, [path.join(HERE, 'cold-start.mjs'), which], { encoding: 'utf8', timeout: 120000 });
    if (p.status !== 0) throw new Error(`cold-start ${which} failed: ${p.stderr}`);
    runs.push(JSON.parse(p.stdout));
  }
  return { ms: median(runs.map((r) => r.ms)), setupMs: median(runs.map((r) => r.setupMs)),
           firstCallMs: median(runs.map((r) => r.firstCallMs)), runs: runs.map((r) => r.ms) };
}

// ---- 5: size ---------------------------------------------------------------------
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

/** Files the extension ships (as `make lint-ext` stages them): manifest + extension/ minus tools. */
function shippedFiles() {
  const keep = /\.(js|mjs|wasm|png|html|css|json)$/;
  const files = ['manifest.json'];
  const walk = (dir) => {
    for (const name of readdirSync(path.join(ROOT, dir))) {
      const rel = path.join(dir, name);
      if (rel === path.join('extension', 'tools')) continue;
      if (statSync(path.join(ROOT, rel)).isDirectory()) walk(rel);
      else if (keep.test(name)) files.push(rel);
    }
  };
  walk('extension');
  return files.sort();
}

/** Exact size of a zip of the files (deflate level 9, or stored when smaller; no extra fields). */
function zipSize(files) {
  let total = 22; // end of central directory
  for (const f of files) {
    const raw = readFileSync(path.join(ROOT, f));
    const data = Math.min(raw.length, zlib.deflateRawSync(raw, { level: 9 }).length);
    const name = Buffer.byteLength(f);
    total += 30 + name + data + 46 + name;
  }
  return total;
}

function runSize() {
  const ours = readFileSync(path.join(ROOT, 'extension/engine/webcare.wasm'));
  const glue = ['webcare-core.mjs', 'webcare.mjs'].map((f) => readFileSync(path.join(ROOT, 'extension/engine', f)));
  const harperWasm = readFileSync(path.join(ROOT, 'node_modules/harper.js/dist/harper_wasm_bg.wasm'));
  // `make dist`'s zip when it is there (the bench target builds it), else an exact
  // zip size computed over what `make lint-ext` stages.
  const dist = readdirSync(path.join(ROOT, 'build')).filter((f) => /^webcare-lens-.*\.zip$/.test(f)).sort().pop();
  const listed = existsSync(path.join(ROOT, 'build/dist-files.txt'))
    ? readFileSync(path.join(ROOT, 'build/dist-files.txt'), 'utf8').split('\n').filter(Boolean) : null;
  const files = dist && listed ? listed : shippedFiles();
  const packed = dist && listed
    ? { source: `build/${dist}`, zip: statSync(path.join(ROOT, 'build', dist)).size }
    : { source: 'computed (no make dist zip)', zip: zipSize(files) };
  return {
    wasm: { raw: ours.length, gzip: gz(ours) },
    glue: { raw: glue.reduce((a, b) => a + b.length, 0), gzip: glue.reduce((a, b) => a + gz(b), 0) },
    extension: { files: files.length, raw: files.reduce((a, f) => a + statSync(path.join(ROOT, f)).size, 0), ...packed },
    harper: { raw: harperWasm.length, gzip: gz(harperWasm) },
  };
}

// ---- 7: Chromium + colleagues' reports --------------------------------------------------
function runScript(file, extra = [], timeout = 600000) {
  const p = spawnSync(process.execPath, [path.join(HERE, file), ...extra], { encoding: 'utf8', timeout, maxBuffer: 1 << 24 });
  return { status: p.status, stdout: p.stdout ?? '', stderr: p.stderr ?? '', error: p.error?.message };
}

function lastJson(stdout) {
  const line = stdout.trim().split('\n').reverse().find((l) => l.startsWith('{'));
  return line ? JSON.parse(line) : null;
}

function runBrowser() {
  const out = { badge: null, keystroke: null };
  log('Chromium: 200 posts badged (tests/bench/badge.mjs)');
  const b = runScript('badge.mjs', ['--json', '--runs', '3']);
  out.badge = lastJson(b.stdout) ?? { error: (b.error || b.stderr).trim().split('\n').slice(-3).join(' ') };
  if (existsSync(path.join(HERE, 'keystroke.mjs'))) {
    log('Chromium: keystroke -> underline (tests/bench/keystroke.mjs)');
    const k = runScript('keystroke.mjs', ['--json']);
    out.keystroke = lastJson(k.stdout) ?? { error: (k.error || k.stderr).trim().split('\n').slice(-3).join(' ') };
  } else {
    out.keystroke = { error: 'not available (tests/bench/keystroke.mjs missing)' };
  }
  return out;
}

/** Other engineers' bench scripts: called as they are, their output shown under the table. */
function runExtras() {
  const extras = [];
  for (const [file, why] of [['classify-bench.mjs', 'classifier bench (packed 280-char texts)'],
                              ['scaling.mjs', 'scaling / robustness bench']]) {
    if (!existsSync(path.join(HERE, file))) continue;
    log(`extra report: ${file}`);
    const r = runScript(file, [], 300000);
    extras.push({ file, why, status: r.status, output: (r.stdout + (r.status ? r.stderr : '')).trim() });
  }
  // the linter's own bench (tests/bench/lint-bench.c), when its binary is built
  const lintBench = path.join(ROOT, 'build/bench/lint-bench');
  for (const mode of existsSync(lintBench) ? ['typed', 'json'] : []) {
    log(`extra report: lint-bench --mode ${mode}`);
    const p = spawnSync(lintBench, ['--mode', mode], { cwd: ROOT, encoding: 'utf8', timeout: 300000 });
    extras.push({ file: `lint-bench.c (--mode ${mode})`, why: 'linter bench', status: p.status,
                  output: ((p.stdout ?? '') + (p.status ? p.stderr ?? '' : '')).trim() });
  }
  return extras;
}

// ---- the table ---------------------------------------------------------------------
const fmtUs = (x) => (x < 10 ? x.toFixed(2) : x < 1000 ? x.toFixed(1) : x.toFixed(0));
const mp = (s) => (s ? `${fmtUs(s.median_us)} / ${fmtUs(s.p95_us)} µs` : 'n/a');
const fmtMs = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const fmtKB = (b) => `${(b / KB).toFixed(1)} kB`;
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : null);
const fmtRatio = (r) => (r === null ? '—' : r >= 100 ? `${r.toFixed(0)}×` : r >= 0.1 ? `${r.toFixed(2)}×` : `${r.toPrecision(2)}×`);

function row(id, what, ours, peer, budget) {
  return { id, what, ours: ours.text, ours_value: ours.value ?? null, peer: peer?.name ?? '—',
           peer_figure: peer?.text ?? '—', peer_value: peer?.value ?? null,
           ratio: peer ? ratio(ours.value, peer.value) : null,
           budget: budget?.text ?? '—', budget_limit: budget?.limit ?? null,
           verdict: budget ? (ours.value === null || ours.value === undefined ? 'n/a'
             : (budget.pass ?? (ours.value <= budget.limit)) ? 'PASS' : 'OVER') : '—' };
}

function buildRows(R) {
  const { native: N, wasm: W, peers: P, cold: C, size: S, browser: B } = R;
  const skipped = 'skipped (--quick)';
  const harper = { name: `harper.js (WASM${P.harper ? `, n=${P.harper.n}` : ''})`, text: P.harper ? mp(P.harper) : skipped, value: P.harper?.median_us ?? null };
  const wgood = { name: `write-good (JS, n=${P.writeGood.n})`, text: mp(P.writeGood), value: P.writeGood.median_us };
  const senti = { name: `multilang-sentiment (JS, n=${P.sentiment.n})`, text: mp(P.sentiment), value: P.sentiment.median_us };
  const twit = { name: 'twitter-text parseTweet', text: mp(P.twitterText), value: P.twitterText.median_us };
  const us = (s) => ({ text: mp(s), value: s.median_us, p95: s.p95_us });
  const budgetUs = (s, limit) => ({ text: `p95 ≤ ${limit} µs`, limit, pass: s.p95_us <= limit });
  const rows = [
    row('1a', 'lint per reply — native (JSON call)', us(N.lint_json), harper, budgetUs(N.lint_json, 10)),
    row('1b', 'lint per reply — WASM in node', us(W.lint), harper, budgetUs(W.lint, 30)),
    row('1c', 'lint per reply — native (JSON call)', us(N.lint_json), wgood),
    row('1d', 'lint per reply — WASM in node', us(W.lint), wgood),
    row('2a', 'classify per mention — native (typed)', us(N.classify_typed), senti, budgetUs(N.classify_typed, 5)),
    row('2b', 'classify per mention — native (JSON call)', us(N.classify_json), senti),
    row('2c', 'classify per mention — WASM in node (classify())', us(W.classify), senti, budgetUs(W.classify, 15)),
    row('2d', 'classify per mention — WASM in node (JSON call)', us(W.classify_json), senti),
    row('3a', 'X weighted length — WASM in node', us(W.length), twit),
    row('3b', 'X weighted length — native (typed)', us(N.length_typed), twit),
    row('4', 'cold start: instantiate + first call', { text: `${fmtMs(C.ours.ms)} ms`, value: C.ours.ms },
        { name: 'harper.js setup + first lint', text: C.harper ? `${fmtMs(C.harper.ms)} ms` : skipped, value: C.harper?.ms ?? null },
        { text: '≤ 100 ms', limit: 100 }),
    row('5a', 'size: webcare.wasm raw', { text: fmtKB(S.wasm.raw), value: S.wasm.raw },
        { name: 'harper_wasm_bg.wasm raw', text: fmtKB(S.harper.raw), value: S.harper.raw },
        { text: '≤ 400 kB', limit: 400 * KB }),
    row('5b', 'size: webcare.wasm gzip -9', { text: fmtKB(S.wasm.gzip), value: S.wasm.gzip },
        { name: 'harper_wasm_bg.wasm gzip -9', text: fmtKB(S.harper.gzip), value: S.harper.gzip },
        { text: '≤ 150 kB', limit: 150 * KB }),
    row('5c', `size: packed extension (${S.extension.source.startsWith('build/') ? 'make dist zip' : 'zip, computed'}, ${S.extension.files} files)`, { text: fmtKB(S.extension.zip), value: S.extension.zip },
        { name: 'harper_wasm_bg.wasm gzip -9', text: fmtKB(S.harper.gzip), value: S.harper.gzip }),
    row('6a', `memory: WASM heap after 1k / ${W.heap.n / 1000}k calls`,
        { text: `${fmtKB(W.heap.after_1k_bytes)} / ${fmtKB(W.heap.after_n_bytes)}`, value: W.heap.after_n_bytes },
        null, { text: 'flat', limit: W.heap.after_1k_bytes, pass: W.heap.after_n_bytes === W.heap.after_1k_bytes }),
    row('6b', `memory: native RSS after 1k / ${N.rss.n / 1000}k calls`,
        { text: `${N.rss.after_1k_kb} / ${N.rss.after_n_kb} KiB (peak ${N.rss.peak_kb})`, value: N.rss.after_n_kb },
        null, { text: 'flat (±64 KiB)', limit: N.rss.after_1k_kb + 64 }),
  ];
  const badge = B?.badge;
  // The budget is compared to the time the extension adds: posts in DOM -> badges painted,
  // minus the page alone (no extension) to its 2nd frame (tests/bench/badge.mjs).
  rows.push(row('7a', `Chromium: badge ${badge?.posts ?? 200} new posts (facebook fixture), time added to the page's own`,
    !B ? { text: 'skipped (--quick / --no-browser)', value: null }
      : badge?.error ? { text: `failed: ${badge.error}`.slice(0, 60), value: null }
        : { text: `${badge.addedMs >= 0 ? '+' : ''}${fmtMs(badge.addedMs)} ms (painted ${fmtMs(badge.paintedMs)}, badged ${fmtMs(badge.allBadgedMs)})`,
            value: badge.addedMs },
    badge?.pageAlone ? { name: 'the page alone (no extension)', text: `${fmtMs(badge.pageAlone.settledMs)} ms to 2nd frame`,
                         value: badge.pageAlone.settledMs } : null,
    { text: '≤ 50 ms added', limit: 50 }));
  const ks = B?.keystroke;
  rows.push(row('7b', 'Chromium: keystroke → underline p50 / p95 (X)',
    !B ? { text: 'skipped (--quick / --no-browser)', value: null }
      : ks?.error ? { text: ks.error.slice(0, 60), value: null }
        : { text: `${fmtMs(ks.underline.p50)} / ${fmtMs(ks.underline.p95)} ms`
                    + (ks.ours ? ` (our part ${fmtMs(ks.ours.p50)} / ${fmtMs(ks.ours.p95)})` : ''), value: ks.underline.p95 },
    ks?.editor ? { name: "Draft.js's own DOM update", text: `${fmtMs(ks.editor.p50)} / ${fmtMs(ks.editor.p95)} ms`,
                   value: ks.editor.p95 } : null,
    { text: 'p95 ≤ 16 ms', limit: 16 }));
  return rows;
}

function printTable(rows, R) {
  const cols = [['#', 'id'], ['measure', 'what'], ['ours (median / p95)', 'ours'], ['peer', 'peer'],
    ['peer figure', 'peer_figure'], ['ours/peer', 'ratioText'], ['budget', 'budget'], ['', 'verdict']];
  const cells = rows.map((r) => ({ ...r, ratioText: fmtRatio(r.ratio) }));
  const width = cols.map(([h, k]) => Math.max(h.length, ...cells.map((c) => String(c[k]).length)));
  const line = (vals) => vals.map((v, i) => String(v).padEnd(width[i])).join('  ').trimEnd();
  const out = [];
  out.push(`Webcare Lens bench${QUICK ? ' (--quick: smoke run, figures meaningless)' : ''} — ${R.meta.date}`);
  out.push(`node ${process.version}, ${R.meta.cpus}× ${R.meta.cpu}, load average ${R.meta.loadavg.map((x) => x.toFixed(1)).join(' ')}; `
    + `${replies.length} replies, ${mentions.length} mentions; ours ${ROUNDS} rounds, peers 1 round (≤ ${PEER_BUDGET_MS / 1000} s each, n=items timed)`);
  out.push(line(cols.map(([h]) => h)));
  out.push(width.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) out.push(line(cols.map(([, k]) => c[k])));
  out.push('');
  out.push('ours/peer = our median ÷ the peer\'s median (or size; 7b: p95 ÷ p95); below 1× we are faster / smaller.');
  out.push('Budgets (SPEC) are checked on p95. Times are per call, one call per sample, after a warm-up round.');
  out.push('Lint peers are English linters (on Dutch replies harper.js mostly reports spelling); they are what');
  out.push('an agent would otherwise run, not equivalents. WASM figures include the binding (string in, JSON out).');
  const agree = R.lengthAgreement;
  out.push(`X length: ours == twitter-text on ${agree.same}/${agree.total} corpus strings.`);
  if (R.meta.loadavg[0] > R.meta.cpus) out.push(`NOTE: the machine was loaded (load ${R.meta.loadavg[0].toFixed(1)} on ${R.meta.cpus} CPUs): times are inflated.`);
  return out.join('\n');
}

// ---- main ---------------------------------------------------------------------------
const R = {
  meta: { date: new Date().toISOString(), quick: QUICK, node: process.version, cpus: os.cpus().length,
          cpu: os.cpus()[0]?.model?.trim() ?? 'unknown', loadavg: os.loadavg(), items: ITEMS, rounds: ROUNDS, calls: CALLS },
};
R.native = runNative();
R.wasm = await runWasm();
R.peers = await runPeers();
log('cold starts');
R.cold = { ours: coldStart('ours'), harper: HARPER ? coldStart('harper') : null };
R.size = runSize();
R.browser = BROWSER ? runBrowser() : null;
R.extras = QUICK ? [] : runExtras();
R.lengthAgreement = { total: R.wasm.lengths.length,
                      same: R.wasm.lengths.filter((x, i) => x === R.peers.twitterLengths[i]).length };
R.meta.loadavgEnd = os.loadavg();
const rows = buildRows(R);
const table = printTable(rows, R);
delete R.wasm.lengths;
delete R.peers.twitterLengths;
mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify({ rows, ...R }, null, 2) + '\n');
if (args.includes('--json')) console.log(JSON.stringify({ rows }));
else {
  console.log(table);
  for (const e of R.extras) console.log(`\n--- ${e.why}: tests/bench/${e.file} (exit ${e.status}) ---\n${e.output}`);
  console.log(`\nwritten: ${path.relative(process.cwd(), OUT)}`);
}
