// pages-lib.test.mjs — unit tests (node, no browser) of the local history and
// KPI modules: persona thresholds (seed 002), pruning/caps/retention,
// conversions, per-day KPIs and CSV; settings normalisation and lint fields.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_MENTIONS, authorKey, mentionsOf, personaOf, pruneChecks, pruneMentions } from '../../extension/lib/history.js';
import { normalizeSettings, lintFields } from '../../extension/lib/settings.js';
import { computeKpis, conversions, dailyCsv, rulesCsv, toCsv } from '../../extension/lib/stats.js';

const DAY = 86400000;
const seq = (...types) => types.map((type, i) => ({ type, ts: i, key: `k${i}` }));

test('persona: nieuw, criticaster, tijdelijk boos, merkambassadeur, terugkerend', () => {
  assert.equal(personaOf([]), null);
  assert.equal(personaOf(seq('angry')), 'nieuw');
  assert.equal(personaOf(seq('angry', 'angry', 'angry')), 'criticaster');
  assert.equal(personaOf(seq('angry', 'angry', 'happy', 'angry', 'neutral')), 'criticaster'); // 3/5 = 60 %
  assert.equal(personaOf(seq('angry', 'angry')), 'terugkerend'); // fewer than 3: not yet a criticaster
  assert.equal(personaOf(seq('happy', 'neutral', 'angry')), 'tijdelijk-boos');
  assert.equal(personaOf(seq('happy', 'happy', 'happy', 'angry')), 'tijdelijk-boos'); // fan angry today
  assert.equal(personaOf(seq('angry', 'happy', 'angry')), 'terugkerend'); // earlier not mostly calm
  assert.equal(personaOf(seq('happy', 'happy')), 'merkambassadeur');
  assert.equal(personaOf(seq('happy', 'neutral', 'happy', 'question', 'happy')), 'merkambassadeur');
  assert.equal(personaOf(seq('happy', 'question')), 'terugkerend');
});

test('history lists: dedup by key, retention, cap, bad entries dropped; authors per site', () => {
  const now = 100 * DAY;
  const list = [
    { ts: now - DAY, site: 'x', author: '@A', type: 'happy', key: 'x:1' },
    { ts: now - DAY, site: 'x', author: '@a', type: 'angry', key: 'x:1' }, // same key: first wins
    { ts: now - 40 * DAY, site: 'x', author: '@a', type: 'happy', key: 'x:old' },
    { ts: now, site: 'x', author: '@a', type: 'furious', key: 'x:bad' },
    null, 'junk',
  ];
  const out = pruneMentions(list, { now, retentionDays: 30 });
  assert.deepEqual(out.map((m) => m.key), ['x:1']);
  const many = Array.from({ length: MAX_MENTIONS + 10 }, (_, i) => ({ ts: now - i, site: 'x', author: 'a', type: 'neutral', key: `k${i}` }));
  const capped = pruneMentions(many, { now });
  assert.equal(capped.length, MAX_MENTIONS);
  assert.equal(capped.at(-1).key, 'k0', 'newest kept');
  assert.equal(authorKey('x', ' @Piet '), 'x:@piet');
  assert.equal(authorKey('x', ''), null);
  const ms = [{ site: 'x', author: '@Piet', key: 1 }, { site: 'facebook', author: '@piet', key: 2 }, { site: 'x', author: '@piet', key: 3 }];
  assert.deepEqual(mentionsOf(ms, 'x', '@PIET').map((m) => m.key), [1, 3]);
  const checks = pruneChecks([{ ts: now, score: 140, rules: ['a', 3], source: 'nope' }, { ts: now, score: 'x' }], { now });
  assert.deepEqual(checks, [{ ts: now, site: '', source: 'composer', score: 100, rules: ['a'], mtype: null }]);
});

test('KPIs: per day, ratio, checks, average score, findings per rule, conversions, CSV', () => {
  const now = new Date(2026, 2, 10, 15, 0).getTime(); // local time
  const m = (d, author, type, key) => ({ ts: now - d * DAY, site: 'x', author, type, key });
  const mentions = [m(2, '@a', 'angry', '1'), m(1, '@a', 'happy', '2'), m(1, '@b', 'angry', '3'), m(0, '@c', 'question', '4'),
                    m(0, '@d', 'neutral', '5'), m(40, '@e', 'angry', 'old')];
  const checks = [{ ts: now, score: 80, rules: ['greeting', 'greeting', 'sign-off'], source: 'practice' },
                  { ts: now - DAY, score: 60, rules: ['greeting'], source: 'composer' }];
  const k = computeKpis({ mentions, checks }, { days: 7, now });
  assert.equal(k.days.length, 7);
  assert.deepEqual(k.totals, { happy: 1, neutral: 1, angry: 2, question: 1, all: 5 });
  assert.equal(k.ratio.neg, 0.4);
  assert.equal(k.ratio.neu, 0.4);
  assert.equal(k.checks, 2);
  assert.equal(k.avgScore, 70);
  assert.deepEqual(k.byRule, [['greeting', 2], ['sign-off', 1]]);
  assert.deepEqual(k.perDay.angry.slice(-3), [1, 1, 0]);
  assert.deepEqual(k.perDay.score.slice(-2), [60, 80]);
  assert.equal(k.conversions.length, 1);
  assert.equal(k.conversions[0].author, '@a');
  assert.equal(k.convertible, 2);
  assert.deepEqual(conversions([m(1, '@z', 'happy', 'a'), m(0, '@z', 'angry', 'b')]), [], 'happy first is no conversion');
  const csv = dailyCsv(k).split('\r\n');
  assert.equal(csv[0], 'datum;boos;vraag;neutraal;blij;totaal;antwoorden_gecheckt;gemiddelde_score');
  assert.equal(csv[7], '2026-03-10;0;1;1;0;2;1;80');
  assert.equal(rulesCsv(k), 'regel;antwoorden_met_bevinding\r\ngreeting;2\r\nsign-off;1\r\n');
  assert.equal(toCsv([['a;b', 'c"d', null]]), '"a;b";"c""d";\r\n');
});

test('settings: new fields normalised, lint fields from settings', () => {
  const s = normalizeSettings({ traineeMode: 'yes', retentionDays: 12, enabled: { x: false }, signoff: '^{name}', teamPack: '{"name":"t","rules":[]}' });
  assert.equal(s.traineeMode, false);
  assert.equal(s.retentionDays, 90);
  assert.deepEqual(s.enabled, { x: false, facebook: true, linkedin: true });
  assert.deepEqual(lintFields({ agent: 'Sanne', style: 'u', disabled: ['jargon'], signoff: '^{name}', teamPack: '{"name":"t","rules":[]}' }),
    { agent: 'Sanne', config: { style: 'u', disabled: ['jargon'], signoff: '^{name}', pack: { name: 't', rules: [] } } });
  assert.deepEqual(lintFields({ teamPack: '{broken' }), {});
});
