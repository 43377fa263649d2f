// engine-host.test.mjs — the service worker's engine host and message
// validation, in node (no browser): lazy single load, reload after a load
// failure or a trap, errors as {error:{code,message}}, strict validation.
import assert from 'node:assert/strict';
import test from 'node:test';
import { createEngineHost } from '../../extension/background/engine-host.js';
import { KIND, LIMITS, validateRequest } from '../../extension/protocol.js';
import { loadEngine } from '../wasm/helpers.mjs';

test('engine is loaded once, lazily, and answers batches per item', async () => {
  let loads = 0;
  const host = createEngineHost({ loadEngine: () => (loads++, loadEngine()) });
  assert.equal(loads, 0);
  assert.equal(host.status().result.loaded, false);
  const a = await host.classifyBatch([{ key: 'k1', text: 'Waarom is mijn pakket nog niet bezorgd?' },
                                      { key: 'k2', text: 'Top service, dank jullie wel!' }]);
  const b = await host.classifyBatch([{ key: 'k3', text: 'Vandaag met de trein.' }]);
  assert.equal(loads, 1);
  assert.deepEqual(a.results.map((r) => r.key), ['k1', 'k2']);
  for (const r of [...a.results, ...b.results]) {
    assert.ok(['happy', 'neutral', 'angry', 'question'].includes(r.result.type), JSON.stringify(r));
    assert.equal(typeof r.result.priority, 'number');
  }
  const st = host.status().result;
  assert.equal(st.loaded, true);
  assert.equal(st.loads, 1);
  assert.equal(st.calls, 3);
  assert.match(st.version, /^\d+\.\d+\.\d+$/);
});

test('concurrent first requests share one load', async () => {
  let loads = 0;
  const host = createEngineHost({ loadEngine: () => (loads++, loadEngine()) });
  await Promise.all([host.classifyBatch([{ key: 'a', text: 'a' }]), host.lint({ text: 'Hoi!' })]);
  assert.equal(loads, 1);
});

test('lint goes to engine.lint and returns {result}', async () => {
  const host = createEngineHost({ loadEngine });
  const r = await host.lint({ text: '@sanne Sorry voor het wachten, ik stuur je een DM.', platform: 'x' });
  assert.ok(r.result, JSON.stringify(r));
  assert.equal(typeof r.result.score, 'number');
  assert.equal(r.result.length.platform, 'x');
  const bad = await host.lint({ text: 'hoi', platform: 'myspace' });
  assert.equal(bad.error.code, 'bad-request');
});

test('a failed load is reported and retried on the next request', async () => {
  let attempts = 0;
  const host = createEngineHost({
    loadEngine: () => (++attempts === 1 ? Promise.reject(new Error('wasm missing')) : loadEngine()),
  });
  const first = await host.classifyBatch([{ key: 'a', text: 'hallo' }]);
  assert.deepEqual(first.error, { code: 'engine-load-failed', message: 'wasm missing' });
  const second = await host.classifyBatch([{ key: 'a', text: 'hallo' }]);
  assert.ok(second.results[0].result);
  assert.equal(attempts, 2);
});

test('a trap drops the instance; the next call gets a fresh engine', async () => {
  let loads = 0;
  const host = createEngineHost({
    loadEngine: async () => {
      loads++;
      const eng = await loadEngine();
      if (loads === 1) eng.call = () => { throw new WebAssembly.RuntimeError('unreachable'); };
      return eng;
    },
  });
  const r1 = await host.classifyBatch([{ key: 'a', text: 'x' }]);
  assert.equal(r1.results[0].error.code, 'engine-error');
  assert.match(r1.results[0].error.message, /unreachable/);
  const r2 = await host.classifyBatch([{ key: 'a', text: 'x' }]);
  assert.ok(r2.results[0].result);
  assert.equal(loads, 2);
});

test('validateRequest accepts the protocol and rejects everything else', () => {
  const ok = (m) => assert.equal(validateRequest(m).ok, true, JSON.stringify(m));
  const no = (m) => {
    const v = validateRequest(m);
    assert.equal(v.ok, false, JSON.stringify(m));
    assert.equal(v.error.code, 'bad-message');
  };
  ok({ kind: KIND.CLASSIFY_BATCH, items: [{ key: 'x:1:ab', text: 'hoi', site: 'x' }] });
  ok({ kind: KIND.LINT, request: { text: 'hoi', platform: 'linkedin', mention: 'Waar blijft mijn pakket?' } });
  ok({ kind: KIND.ENGINE_STATUS });
  for (const m of [null, 'classify', [], {}, { kind: 'eval' }, { kind: KIND.CLASSIFY_BATCH },
    { kind: KIND.CLASSIFY_BATCH, items: [] },
    { kind: KIND.CLASSIFY_BATCH, items: Array.from({ length: LIMITS.maxBatch + 1 }, (_, i) => ({ key: `k${i}`, text: '' })) },
    { kind: KIND.CLASSIFY_BATCH, items: [{ key: '', text: 'a' }] },
    { kind: KIND.CLASSIFY_BATCH, items: [{ key: 'a', text: 5 }] },
    { kind: KIND.CLASSIFY_BATCH, items: [{ key: 'a', text: 'x'.repeat(LIMITS.maxTextLength + 1) }] },
    { kind: KIND.CLASSIFY_BATCH, items: [{ key: 'a', text: 'a', site: 'myspace' }] },
    { kind: KIND.LINT }, { kind: KIND.LINT, request: { text: 1 } },
    { kind: KIND.LINT, request: { text: 'a', op: 'load-pack' } },
    { kind: KIND.LINT, request: { text: 'a', platform: 'tiktok' } }]) no(m);
});
