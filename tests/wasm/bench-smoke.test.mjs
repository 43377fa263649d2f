// bench-smoke.test.mjs — `make bench` still runs (issue 9): the bench script in
// --quick mode (20 items, no browser, no harper.js) prints the whole table and
// writes its JSON; the checked-in corpora are what make-corpus.mjs generates.
// No timing assertions: figures of a quick run mean nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './helpers.mjs';

const ROWS = ['1a', '1b', '1c', '1d', '2a', '2b', '2c', '2d', '3a', '3b', '4', '5a', '5b', '5c', '6a', '6b', '7a', '7b'];

test('bench corpora are the deterministic output of make-corpus.mjs', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'webcare-corpus-'));
  try {
    const p = spawnSync(process.execPath, [path.join(root, 'tests/bench/make-corpus.mjs'), '--out', dir], { encoding: 'utf8' });
    assert.equal(p.status, 0, p.stderr);
    for (const f of ['replies.jsonl', 'mentions.jsonl']) {
      const fresh = readFileSync(path.join(dir, f), 'utf8');
      assert.equal(fresh, readFileSync(path.join(root, 'tests/bench/corpus', f), 'utf8'), `${f} is stale: run make-corpus.mjs`);
      const items = fresh.trim().split('\n').map((l) => JSON.parse(l));
      assert.equal(items.length, 1000);
      if (f === 'replies.jsonl') {
        for (const r of items) assert.ok(r.text.length >= 40 && r.text.length <= 280, `${r.id}: ${r.text.length} units`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bench --quick prints every line of the table and writes the JSON', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'webcare-bench-'));
  try {
    const out = path.join(dir, 'bench.json');
    const p = spawnSync(process.execPath, [path.join(root, 'tests/bench/run.mjs'), '--quick', '--out', out],
                        { encoding: 'utf8', timeout: 240000 });
    assert.equal(p.status, 0, p.stderr);
    const lines = p.stdout.split('\n');
    for (const id of ROWS) assert.ok(lines.some((l) => l.startsWith(`${id.padEnd(2)}  `)), `table line ${id} missing`);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(json.rows.map((r) => r.id), ROWS);
    for (const r of json.rows) {
      assert.ok(r.what && r.ours, `row ${r.id} has a measure and our figure`);
      assert.ok(['PASS', 'OVER', 'n/a', '—'].includes(r.verdict), `row ${r.id} verdict ${r.verdict}`);
    }
    assert.equal(json.native.errors, 0, 'every native call answered without an error');
    assert.equal(json.wasm.heap.n, 2000);
    assert.equal(json.rows.find((r) => r.id === '7a').ours, 'skipped (--quick / --no-browser)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
