// hostile.test.mjs — hostile input through the WASM binding (issue 10): lone
// surrogates and NUL from JS strings, megabyte texts, 10,000 emoji, deep JSON.
// The binding never throws for a bad request; offsets stay in JS string units;
// the WASM answer equals the native one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, nativeCallAny } from './helpers.mjs';

const MAX_TEXT = 1024 * 1024; // WEBCARE_MAX_TEXT (bytes of one text field)
const TEXT_OPS = ['classify', 'lint', 'length', 'tokens', 'normalize'];

function spansWithin(node, limit) {
  if (node && typeof node === 'object') {
    if (typeof node.start === 'number' && typeof node.end === 'number') {
      if (!(node.start >= 0 && node.start <= node.end && node.end <= limit)) return false;
    }
    return Object.values(node).every((v) => spansWithin(v, limit));
  }
  return true;
}

function req(op, text, extra = {}) {
  return { op, text, ...(op === 'lint' ? { mention: { text: 'Waar blijft mijn pakket?!' } } : {}), ...extra };
}

test('lone surrogates from JS become U+FFFD: same length, offsets in JS units', async () => {
  const engine = await loadEngine();
  for (const text of ['a\uD800b', 'a\uDC00b', '\uDBFF', 'x \uDE00\uD83D y', '\uD83D\uDE00\uD83D']) {
    for (const op of TEXT_OPS) {
      const resp = engine.call(req(op, text));
      assert.ok(resp.result, `${op} ${JSON.stringify(text)}: ${JSON.stringify(resp.error)}`);
      assert.ok(spansWithin(resp.result, text.length), `${op}: spans inside the text`);
      if (op === 'tokens') assert.equal(resp.result.length16, text.length);
    }
  }
  const t = engine.run({ op: 'tokens', text: 'a\uD800b' }).tokens;
  assert.deepEqual(t.map((k) => [k.start, k.end]), [[0, 1], [1, 2], [2, 3]]);
  engine.close();
});

test('a lone surrogate written as a JSON escape is a structured bad-json error', async () => {
  const engine = await loadEngine();
  for (const esc of ['\\ud800', '\\udfff', '\\ud83d\\u0041', '\\ude00\\ud83d']) {
    const resp = JSON.parse(engine.callJson(`{"op":"tokens","text":"a${esc}"}`));
    assert.equal(resp.error?.code, 'bad-json', esc);
  }
  // JSON.stringify itself escapes lone surrogates; callJson passes that on.
  const resp = JSON.parse(engine.callJson(JSON.stringify({ op: 'tokens', text: 'a\uD800' })));
  assert.equal(resp.error?.code, 'bad-json');
  // A raw lone surrogate in the JSON text is encoded as U+FFFD by TextEncoder.
  const raw = JSON.parse(engine.callJson('{"op":"tokens","text":"a\uD800b"}'));
  assert.equal(raw.result.length16, 3);
  engine.close();
});

test('NUL characters in JS strings are kept in the offsets', async () => {
  const engine = await loadEngine();
  const text = '\u0000Hoi\u0000 @NS\u0000 bel 06-12345678';
  for (const op of TEXT_OPS) {
    const resp = engine.call(req(op, text));
    assert.ok(resp.result, op);
    assert.ok(spansWithin(resp.result, text.length));
  }
  const toks = engine.run({ op: 'tokens', text }).tokens;
  const handle = toks.find((k) => k.kind === 'handle');
  assert.equal(text.slice(handle.start, handle.end), '@NS');
  engine.close();
});

test('megabyte texts: 1 MiB answers for every op, one byte more is too-large', async () => {
  const engine = await loadEngine();
  const unit = 'Hoi @KLM, al 3 dagen wacht ik!!! 😡 Waarom reageert NIEMAND? https://klm.nl/x #fail vóór 16:00\n';
  let text = unit.repeat(Math.ceil(MAX_TEXT / Buffer.byteLength(unit)));
  while (Buffer.byteLength(text) > MAX_TEXT) text = text.slice(0, -1);
  if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
  text += ' '.repeat(MAX_TEXT - Buffer.byteLength(text));
  assert.equal(Buffer.byteLength(text), MAX_TEXT);
  for (const op of TEXT_OPS) {
    const resp = engine.call(req(op, text));
    assert.ok(resp.result, `${op}: ${JSON.stringify(resp.error)}`);
    assert.ok(spansWithin(resp.result, text.length));
  }
  for (const op of TEXT_OPS) {
    assert.equal(engine.call(req(op, text + 'x')).error?.code, 'too-large', op);
  }
  // The request limit (4 MiB).
  const huge = JSON.stringify({ op: 'version', pad: 'x'.repeat(4 * 1024 * 1024) });
  assert.equal(JSON.parse(engine.callJson(huge)).error?.code, 'too-large');
  // The engine still works, and the heap stops growing after the first round.
  const before = engine.heapBytes();
  for (let i = 0; i < 3; i++) engine.call(req('tokens', text));
  assert.equal(engine.heapBytes(), before);
  assert.equal(engine.version().api, 1);
  engine.close();
});

test('10,000 emoji and 100,000-character words', async () => {
  const engine = await loadEngine();
  for (const [unit, units16] of [['😀', 2], ['👩‍👩‍👧', 8], ['🇳🇱', 4], ['👍🏽', 4]]) {
    const text = unit.repeat(10000);
    const r = engine.run({ op: 'tokens', text });
    assert.equal(r.tokens.length, 10000);
    assert.equal(r.length16, 10000 * units16);
    assert.equal(r.tokens[9999].end, text.length);
    for (const op of TEXT_OPS) assert.ok(engine.call(req(op, text)).result, op);
  }
  assert.equal(engine.length('😀'.repeat(10000), 'x').used, 20000);
  for (const unit of ['a', 'é', '7', 'a\u0301']) {
    const text = unit.repeat(100000);
    for (const op of TEXT_OPS) assert.ok(engine.call(req(op, text)).result, `${op} ${unit}`);
  }
  engine.close();
});

test('deep and huge JSON never throw through the binding', async () => {
  const engine = await loadEngine();
  for (const depth of [63, 64, 1000, 100000]) {
    const json = `{"op":"version","x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const resp = JSON.parse(engine.callJson(json));
    if (depth < 64) assert.ok(resp.result);
    else assert.equal(resp.error.code, 'bad-json');
  }
  const requests = Array.from({ length: 20000 }, (_, i) => ({ op: i % 2 ? 'version' : 'nope', id: i }));
  const r = engine.call({ op: 'batch', requests });
  assert.equal(r.results.length, 20000);
  assert.equal(r.results[19999].id, 19999);
  for (const bad of ['', ' ', '\u0000', '{"op":"version"} trailing', '{"op":["classify"]}', '[]', 'null']) {
    const resp = JSON.parse(engine.callJson(bad));
    assert.ok(resp.error, JSON.stringify(bad));
  }
  engine.close();
});

test('hostile requests: WASM answers equal native answers byte for byte', async () => {
  const engine = await loadEngine();
  const lines = [
    JSON.stringify(req('tokens', 'a.'.repeat(20000))),
    JSON.stringify(req('length', 'a' + '\u0301\u0316'.repeat(5000))),
    JSON.stringify(req('normalize', 'a' + '\u0301\u0316'.repeat(5000))),
    JSON.stringify(req('classify', '😡'.repeat(10000))),
    JSON.stringify(req('lint', 'WAAROM '.repeat(2000))),
    JSON.stringify(req('tokens', 'ab\u0000cd')),
    '{"op":"tokens","text":"a\\ud800"}',
    '{"op":"version"} {"op":"version"}',
    `{"op":"version","x":${'['.repeat(70)}${']'.repeat(70)}}`,
  ];
  const native = nativeCallAny(lines);
  assert.equal(native.length, lines.length);
  lines.forEach((line, i) => assert.equal(engine.callJson(line), native[i], `line ${i + 1}`));
  engine.close();
});
