// binding.test.mjs — the WASM core equals the native core, frees what it allocates, rejects bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { loadEngine, loadBinding, nativeCallAny, readLines, root } from './helpers.mjs';

test('WASM output equals native output byte for byte on every vector', async () => {
  const engine = await loadEngine();
  const files = readdirSync(`${root}/tests/vectors`).filter((f) => f.endsWith('.jsonl'));
  assert.ok(files.length > 0);
  let compared = 0;
  for (const f of files) {
    const lines = readLines(`tests/vectors/${f}`);
    const native = nativeCallAny(lines);
    assert.equal(native.length, lines.length, `${f}: one native answer per request`);
    lines.forEach((line, i) => {
      assert.equal(engine.callJson(line), native[i], `${f} line ${i + 1}`);
      compared++;
    });
  }
  assert.ok(compared >= 20);
  engine.close();
});

test('memory stays flat over 100,000 calls', async () => {
  const engine = await loadEngine();
  const reqs = [
    { op: 'tokens', text: 'Hoi @KLM 🤦‍♀️ #fail https://x.com vóór 16:00' },
    { op: 'classify', text: 'Lekker bezig weer @NS 🙄 #fail' },
    { op: 'lint', text: 'We gaan er even naar kijken! ^Sanne', platform: 'x', mention: { text: 'Pakket kwijt' } },
    { op: 'nope' },
  ].map((r) => JSON.stringify(r));
  for (let i = 0; i < 1000; i++) engine.callJson(reqs[i % reqs.length]);
  const after1k = engine.heapBytes();
  for (let i = 0; i < 100000; i++) engine.callJson(reqs[i % reqs.length]);
  assert.equal(engine.heapBytes(), after1k, 'the WASM heap did not grow');
  // Leaks would also show as growth of a large allocation's address; check by
  // round-tripping a large text many times.
  const big = JSON.stringify({ op: 'tokens', text: 'klacht '.repeat(20000) });
  for (let i = 0; i < 50; i++) engine.callJson(big);
  const afterBig = engine.heapBytes();
  for (let i = 0; i < 200; i++) engine.callJson(big);
  assert.equal(engine.heapBytes(), afterBig);
  engine.close();
});

test('bad input gives structured errors, never a throw from the core', async () => {
  const engine = await loadEngine();
  for (const [req, code] of [
    ['not json', 'bad-json'],
    ['{"op":"classify","text":1}', 'bad-request'],
    ['{"op":"dance"}', 'unknown-op'],
    ['', 'bad-json'],
  ]) {
    assert.equal(JSON.parse(engine.callJson(req)).error.code, code, req);
  }
  // Lone surrogates from JS become U+FFFD through TextEncoder: valid UTF-8, offsets kept.
  const r = engine.run({ op: 'tokens', text: 'a\uD800b' });
  assert.equal(r.length16, 3);
  // A huge request is refused, not crashed on.
  const huge = JSON.stringify({ op: 'tokens', text: 'a'.repeat(5 * 1024 * 1024) });
  assert.equal(JSON.parse(engine.callJson(huge)).error.code, 'too-large');
  const { WebcareError } = await loadBinding();
  assert.throws(() => engine.run({ op: 'dance' }), (e) => e instanceof WebcareError && e.code === 'unknown-op');
  engine.close();
  assert.throws(() => engine.callJson('{"op":"version"}'), (e) => e.code === 'closed');
});

test('UTF-16 offsets from WASM index the JS string exactly', async () => {
  const engine = await loadEngine();
  const text = '👨‍👩‍👧 Hoi @KLM, café #fail 🇳🇱 https://klm.nl/x';
  const { tokens } = engine.run({ op: 'tokens', text });
  const slices = tokens.map((t) => text.slice(t.start, t.end));
  assert.deepEqual(slices, ['👨‍👩‍👧', 'Hoi', '@KLM', ',', 'café', '#fail', '🇳🇱', 'https://klm.nl/x']);
  engine.close();
});
