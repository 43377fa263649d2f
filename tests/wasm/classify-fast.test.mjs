// classify-fast.test.mjs — the binding's classify() and call({op:'classify'})
// take a path without JSON (webcare__wasm_classify + a fixed-layout result);
// their answers must equal the JSON call's, on every mention we have and on
// the edge cases where the binding has to fall back to JSON.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadBinding, loadEngine, readLines } from './helpers.mjs';

// the JSON call as call() made it before the fast path (lone surrogates -> U+FFFD)
const wellFormed = (_k, v) => (typeof v === 'string' ? v.toWellFormed() : v);
const viaJson = (engine, req) => JSON.parse(engine.callJson(JSON.stringify(req, wellFormed)));

function mentionTexts() {
  const texts = [];
  for (const f of ['tests/data/mentions.jsonl', 'tests/data/mentions-extra.jsonl',
    'tests/bench/corpus/mentions.jsonl', 'tests/bench/corpus/replies.jsonl']) {
    for (const l of readLines(f)) texts.push(JSON.parse(l).text);
  }
  return texts;
}

test('classify fast path == JSON path on every mention (and reply) of the datasets', async () => {
  const engine = await loadEngine();
  try {
    const texts = mentionTexts();
    assert.ok(texts.length >= 2400, `only ${texts.length} texts`);
    let evidence = 0;
    texts.forEach((text, i) => {
      const want = viaJson(engine, { op: 'classify', text });
      const got = engine.classify(text);
      assert.deepEqual(got, want.result, `text ${i}: ${text.slice(0, 60)}`);
      // same key order too (what a JSON.stringify of the result shows)
      assert.equal(JSON.stringify(got), JSON.stringify(want.result), `text ${i}`);
      evidence += got.evidence.length;
      if (i % 7 === 0) {
        const reach = [0, 1, 999, 1234.5, 1e6, 1e300][i % 6];
        const req = { op: 'classify', text, options: { reach } };
        assert.deepEqual(engine.call(req), viaJson(engine, req), `text ${i} reach ${reach}`);
        assert.deepEqual(engine.classify(text, { options: { reach } }), viaJson(engine, req).result);
      }
    });
    assert.ok(evidence > texts.length, 'the datasets exercise evidence');
  } finally {
    engine.close();
  }
});

test('classify fast path: edge cases equal the JSON path or fall back to it', async () => {
  const engine = await loadEngine();
  const { WebcareError } = await loadBinding();
  try {
    const cases = [
      '', ' ', '?', '👍', '🙄🙄🙄', 'a\uD800b', '\uDFFFkut', 'k*t!!', 'NIET GOED!!!', 'heeeel slecht',
      'nul\u0000byte kut', 'café 👨‍👩‍👧 #fail 🇳🇱 https://klm.nl/x?a=1', 'x'.repeat(4096),
      'waardeloos '.repeat(1000), '\n\n\t', '@KLM #TopService!!! 😍 '.repeat(300),
    ];
    for (const text of cases) {
      const want = viaJson(engine, { op: 'classify', text, options: { reach: 10 } });
      assert.deepEqual(engine.call({ op: 'classify', text, options: { reach: 10 } }), want, JSON.stringify(text.slice(0, 40)));
      assert.deepEqual(engine.classify(text, { options: { reach: 10 } }), want.result);
      assert.deepEqual(engine.classify(text), viaJson(engine, { op: 'classify', text }).result);
    }
    // fields the fast path does not serve go through JSON and come back alike
    const text = 'Top hoor @NS 🙄 alweer vertraging';
    for (const req of [
      { op: 'classify', text, id: 7 },
      { op: 'classify', text, v: 1 },
      { op: 'classify', text, options: { features: true } },
      { op: 'classify', text, options: { reach: null } },
      { op: 'classify', text, options: null },
      { op: 'classify', text, options: { reach: Number.NaN } },
    ]) {
      assert.deepEqual(engine.call(req), viaJson(engine, req), JSON.stringify(req));
    }
    // errors are the JSON path's errors
    for (const req of [
      { op: 'classify', text: 12 },
      { op: 'classify' },
      { op: 'classify', text, options: { reach: -1 } },
      { op: 'classify', text, options: { reach: '5' } },
      { op: 'classify', text, options: [] },
    ]) {
      const want = viaJson(engine, req);
      assert.ok(want.error, JSON.stringify(req));
      assert.deepEqual(engine.call(req), want);
      const { op: _op, text: t, ...extra } = req;
      assert.throws(() => engine.classify(t, extra),
        (e) => e instanceof WebcareError && e.code === want.error.code);
    }
  } finally {
    engine.close();
  }
  assert.throws(() => engine.classify('hoi'), (e) => e.code === 'closed');
  assert.throws(() => engine.call({ op: 'classify', text: 'hoi' }), (e) => e.code === 'closed');
});

test('classify fast path: the heap stays flat', async () => {
  const engine = await loadEngine();
  try {
    const texts = ['Top hoor @NS 🙄 alweer 40 min vertraging, k*t!! Hoe moeilijk kan het zijn?',
      'Dank jullie wel, top geholpen 😍', 'waardeloos '.repeat(400)];
    for (let i = 0; i < 300; i++) engine.classify(texts[i % 3]);
    const before = engine.heapBytes();
    for (let i = 0; i < 20000; i++) engine.classify(texts[i % 3]);
    assert.equal(engine.heapBytes(), before, 'the WASM heap did not grow');
  } finally {
    engine.close();
  }
});
