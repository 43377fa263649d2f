// reach.test.mjs — reach hints (issue 6): the counts a post shows in its
// action bar, in Dutch and English notation, parsed to numbers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_REACH, parseCount } from '../../extension/adapters/read.js';
import { LIMITS, validateRequest, classifyBatch } from '../../extension/protocol.js';

test('counts in Dutch and English notation', () => {
  const cases = [['7', 7], ['1,2K', 1200], ['1.2K', 1200], ['12K', 12000], ['3,4 mln', 3400000], ['1.2M', 1200000],
    ['2 mld', 2e9], ['1.234', 1234], ['1,234', 1234], ['1 234', 1234], ['0,5K', 500], ['12 antwoorden. Beantwoorden', 12],
    ['👍💡 19', 19], ['4 duizend', 4000]];
  for (const [s, n] of cases) assert.equal(parseCount(s), n, s);
  for (const s of ['', 'Vind ik leuk', null]) assert.equal(parseCount(s), null, String(s));
  assert.equal(parseCount('9'.repeat(40)), MAX_REACH);
});

test('the worker accepts a bounded numeric reach only', () => {
  const item = (reach) => classifyBatch([{ key: 'k', text: 'x', site: 'x', reach }]);
  for (const r of [undefined, 0, 16634, LIMITS.maxReach]) assert.equal(validateRequest(item(r)).ok, true, String(r));
  for (const r of [-1, NaN, Infinity, '12K', LIMITS.maxReach * 10, null]) assert.equal(validateRequest(item(r)).ok, false, String(r));
});
