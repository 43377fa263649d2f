// brands-lib.test.mjs — unit tests (node, no browser) of issue 12's modules:
// brand profiles (migration from the global settings, account matching,
// import of good and malformed files, storage untouched by a bad import),
// promises in replies (due times), customer memory (limits, retention,
// linking, lists, hints, response time, erasure) over an in-memory
// chrome.storage.local.
import assert from 'node:assert/strict';
import { test } from 'node:test';

// A minimal chrome.storage.local for the storage functions (set before import).
const store = new Map();
const listeners = new Set();
globalThis.chrome = {
  runtime: { id: 'test' },
  storage: {
    local: {
      async get(keys) {
        const list = keys === null || keys === undefined ? [...store.keys()] : Array.isArray(keys) ? keys : [keys];
        return Object.fromEntries(list.filter((k) => store.has(k)).map((k) => [k, structuredClone(store.get(k))]));
      },
      async set(obj) {
        const changes = {};
        for (const [k, v] of Object.entries(obj)) {
          changes[k] = { oldValue: store.get(k), newValue: structuredClone(v) };
          store.set(k, structuredClone(v));
        }
        for (const l of listeners) l(changes, 'local');
      },
      async remove(keys) {
        const changes = {};
        for (const k of [].concat(keys)) {
          changes[k] = { oldValue: store.get(k) };
          store.delete(k);
        }
        for (const l of listeners) l(changes, 'local');
      },
      async clear() {
        store.clear();
      },
    },
    onChanged: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
  },
};

const profiles = await import('../../extension/lib/profiles.js');
const customers = await import('../../extension/lib/customers.js');
const { detectPromise, parseDue, promiseState } = await import('../../extension/lib/promises.js');
const { lintFields } = await import('../../extension/lib/settings.js');

const DAY = 86400000;
const FRI = new Date(2026, 10, 27, 10, 0).getTime(); // Friday 27 Nov 2026, 10:00 local
const local = (d, hh, mm = 0) => {
  const x = new Date(FRI);
  x.setDate(x.getDate() + d);
  x.setHours(hh, mm, 0, 0);
  return x.getTime();
};

test('profiles: the global settings are the default profile; a profile overrides only its own fields', () => {
  const state = profiles.normalizeProfiles(undefined);
  assert.equal(state.active, 'default');
  assert.deepEqual(state.profiles.map((p) => p.id), ['default']);
  const settings = { agent: 'Sanne', style: 'je', signoff: '^{name}', gate: { x: 'block' } };
  const eff = profiles.applyProfile(settings, state.profiles[0]);
  assert.equal(eff.agent, 'Sanne');
  assert.equal(eff.gate.x, 'block');
  assert.deepEqual(lintFields(eff), lintFields(settings), 'default profile = old behaviour');
  const bol = profiles.normalizeProfile({ id: 'bol', name: 'Bol', handles: { x: ['@bol', '@BOL', 3] }, agent: 'Piet', style: 'u', gate: { facebook: 'off', x: 'nope' } });
  assert.deepEqual(bol.handles, { x: ['@bol'], facebook: [], linkedin: [] });
  const e2 = profiles.applyProfile(settings, bol);
  assert.equal(e2.agent, 'Piet');
  assert.equal(e2.style, 'u');
  assert.equal(e2.signoff, '^{name}', 'inherited');
  assert.deepEqual(e2.gate, { x: 'block', facebook: 'off', linkedin: 'warn' });
  assert.equal(e2.profile, 'bol');
  assert.deepEqual(lintFields(e2), { agent: 'Piet', config: { style: 'u', signoff: '^{name}' } });
});

test('profiles: picked by the account on the page, else the chosen one', () => {
  const state = profiles.normalizeProfiles({ active: 'b', profiles: [
    { id: 'a', name: 'Coolblue', handles: { x: ['@coolblue'], facebook: ['Coolblue'] } },
    { id: 'b', name: 'Bakkerij', handles: { facebook: ['Anna Jansen'] } },
    { id: 'b', name: 'Dubbel' }, { id: 'Bad Id', name: 'x' }, null] });
  assert.deepEqual(state.profiles.map((p) => p.id), ['default', 'a', 'b']);
  assert.equal(profiles.pickProfile(state, 'x', 'coolblue').profile.id, 'a');
  assert.equal(profiles.pickProfile(state, 'x', '@CoolBlue').via, 'account');
  assert.equal(profiles.pickProfile(state, 'facebook', ' anna  jansen ').profile.id, 'b');
  assert.deepEqual([profiles.pickProfile(state, 'x', '@someoneelse').profile.id, profiles.pickProfile(state, 'x', null).via], ['b', 'chosen']);
  assert.equal(profiles.normalizeProfiles({ active: 'gone', profiles: [] }).active, 'default');
  assert.equal(profiles.profileId('Coolblue NL', ['coolblue-nl']), 'coolblue-nl-2');
  assert.equal(profiles.profileId('Standaard'.replace('Standaard', 'default')), 'default-2');
});

test('profile files: export -> import round trip; malformed files give a clear error', () => {
  const p = profiles.normalizeProfile({ id: 'a', name: 'Coolblue', handles: { x: ['@coolblue'] }, agent: 'Sanne', style: 'je',
                                        teamPack: JSON.stringify({ name: 'Team', rules: [] }) });
  const file = JSON.stringify(profiles.exportProfile(p, { signoff: '^{name}' }));
  const back = profiles.parseProfileFile(file);
  assert.equal(back.ok, true);
  assert.deepEqual({ ...back.profile, teamPack: JSON.parse(back.profile.teamPack) },
    { name: 'Coolblue', handles: { x: ['@coolblue'], facebook: [], linkedin: [] }, agent: 'Sanne', signoff: '^{name}', style: 'je',
      gate: { x: 'warn', facebook: 'warn', linkedin: 'warn' }, teamPack: { name: 'Team', rules: [] } });
  const bad = (t) => profiles.parseProfileFile(t).error;
  assert.equal(bad('').code, 'empty');
  assert.match(bad('{"webcareLensProfile": 1, "name": "x",').message, /Geen geldige JSON/);
  assert.equal(bad('[1,2]').code, 'shape');
  assert.equal(bad('{"name": "x"}').at, 'webcareLensProfile');
  assert.equal(bad('{"webcareLensProfile": 1}').at, 'name');
  assert.equal(bad('{"webcareLensProfile": 1, "name": "x", "handles": {"myspace": []}}').at, 'handles.myspace');
  assert.equal(bad('{"webcareLensProfile": 1, "name": "x", "handles": {"x": "@a"}}').at, 'handles.x');
  assert.equal(bad('{"webcareLensProfile": 1, "name": "x", "gate": {"x": "maybe"}}').at, 'gate.x');
  assert.equal(bad('{"webcareLensProfile": 1, "name": "x", "style": "jij"}').at, 'style');
  assert.equal(bad('{"webcareLensProfile": 1, "name": "x", "signoff": "Groet"}').at, 'signoff');
  assert.equal(bad('{"webcareLensProfile": 1, "name": "x", "pack": "rules"}').at, 'pack');
  assert.equal(bad('x'.repeat(profiles.MAX_FILE_CHARS + 1)).code, 'too-large');
});

test('profile import: a malformed file or a rejected pack changes nothing; same name replaces', async () => {
  store.clear();
  await profiles.saveProfile({ name: 'Coolblue', handles: { x: ['@coolblue'] }, agent: 'Sanne' });
  await profiles.setActiveProfile('coolblue');
  const before = JSON.stringify(store.get(profiles.PROFILES_KEY));
  const r1 = await profiles.importProfileFile('{"webcareLensProfile": 1, "name": "Bol", "gate": {"x": 1}}');
  assert.equal(r1.ok, false);
  assert.match(r1.error.message, /gate\.x/);
  const r2 = await profiles.importProfileFile('{"webcareLensProfile": 1, "name": "Bol", "pack": {"rules": 3}}',
                                              { checkPack: async () => 'rules moet een lijst zijn' });
  assert.equal(r2.ok, false);
  assert.match(r2.error.message, /afgekeurd: rules moet een lijst zijn/);
  assert.equal(JSON.stringify(store.get(profiles.PROFILES_KEY)), before, 'nothing lost, nothing added');
  const r3 = await profiles.importProfileFile('{"webcareLensProfile": 1, "name": "coolblue", "agent": "Kim", "handles": {"x": ["@coolblue_nl"]}}');
  assert.equal(r3.ok, true);
  assert.equal(r3.replaced, true);
  const st = await profiles.loadProfiles();
  assert.deepEqual(st.profiles.map((p) => [p.id, p.agent]), [['default', null], ['coolblue', 'Kim']]);
  assert.equal(st.active, 'coolblue');
  await assert.rejects(profiles.deleteProfile('default'));
  assert.equal((await profiles.deleteProfile('coolblue')).active, 'default');
});

test('promises: concrete time/step promises with due times; no promise in questions, past tense or vague text', () => {
  const due = (t) => detectPromise(t, FRI)?.due ?? null;
  assert.equal(due('@piet Ik bel je morgen vóór 12:00 terug. ^Sanne'), local(1, 12));
  assert.equal(detectPromise('@piet Ik bel je morgen vóór 12:00 terug.', FRI).kind, 'bellen');
  assert.equal(due('We mailen je vandaag nog de bevestiging.'), local(0, 17));
  assert.equal(due('Ik stuur je om 15.30 een DM.'), local(0, 15, 30));
  assert.equal(due('Ik zoek het uit en laat je maandag weten hoe het zit.'), local(3, 17));
  assert.equal(due('Een collega neemt binnen 2 uur contact met je op.'), FRI + 2 * 3600000);
  assert.equal(due('We nemen binnen 2 werkdagen contact met je op.'), local(4, 17)); // Mon, Tue
  assert.equal(due('Je hoort vrijdag van ons.'), local(0, 17), 'today is Friday and 17:00 is ahead');
  assert.equal(due('Ik bel je om 9 uur.'), local(1, 9), '09:00 has passed: tomorrow');
  assert.equal(due('Ik koppel het resultaat vanmiddag terug.'), local(0, 17));
  assert.equal(due('We houden je op de hoogte.'), null, 'a promise without a time: due null');
  assert.equal(detectPromise('We houden je op de hoogte.', FRI).kind, 'terugkoppelen');
  for (const t of ['We gaan ernaar kijken.', 'Bedankt voor je compliment! ^Sanne', 'We hebben je gisteren gemaild.',
                   'Kun je ons een DM sturen met je ordernummer?', 'Wil jij ons morgen bellen?'])
    assert.equal(detectPromise(t, FRI), null, t);
  assert.equal(parseDue('volgende week', FRI).due, local(3, 17));
  assert.equal(promiseState({ due: FRI - 1, done: false }, FRI), 'overdue');
  assert.equal(promiseState({ due: null, done: false }, FRI), 'open');
  assert.equal(promiseState({ due: FRI - 1, done: FRI }, FRI), 'done');
});

test('timeline limits: cap, byte budget, retention, bad events dropped, dedup by id', () => {
  const ev = (i, extra = {}) => ({ id: `m:x:${i}`, kind: 'mention', ts: FRI - i * 1000, account: 'x:@a', site: 'x', type: 'neutral', text: 'hoi', key: `x:${i}`, ...extra });
  const many = Array.from({ length: customers.MAX_EVENTS + 50 }, (_, i) => ev(i));
  const capped = customers.pruneEvents(many, { now: FRI });
  assert.equal(capped.length, customers.MAX_EVENTS);
  assert.equal(capped.at(-1).id, 'm:x:0', 'newest kept');
  const big = Array.from({ length: 200 }, (_, i) => ev(i, { text: 'x'.repeat(2000) }));
  const fit = customers.pruneEvents(big, { now: FRI, maxChars: 50000 });
  assert.ok(JSON.stringify(fit).length <= 50000 && fit.length > 0, 'byte budget');
  assert.equal(fit[0].text.length, customers.MAX_TEXT, 'texts are cut');
  const mixed = [ev(1), ev(1, { type: 'angry' }), ev(2, { ts: FRI - 40 * DAY }), ev(3, { type: 'furious' }), ev(4, { account: 'nocolon' }),
                 { id: 'r:1', kind: 'reply', ts: FRI, account: 'x:@a', text: 't', promise: { kind: 'bellen', due: 'soon' } }, null, 7];
  const out = customers.pruneEvents(mixed, { now: FRI, retentionDays: 30 });
  assert.deepEqual(out.map((e) => e.id), ['m:x:1', 'r:1']);
  assert.equal(out[0].type, 'neutral', 'first wins');
  assert.equal(out[1].promise, null, 'malformed promise dropped');
});

test('customer memory: accounts linked across sites, lists, hints, response time', async () => {
  store.clear();
  let clock = FRI - 3 * DAY;
  const mem = customers.createCustomerMemory({ now: () => clock, flushMs: 1 });
  await mem.load();
  const q1 = 'Hoe laat gaat jullie winkel in Utrecht open op zondag?';
  mem.recordMention({ site: 'x', author: '@piet', key: 'x:1:h', type: 'question', text: q1, postedTs: clock - 600000 });
  clock += 1800000;
  const r = mem.recordReply({ site: 'x', mention: { author: '@piet', key: 'x:1:h' }, text: '@piet Op zondag zijn we open van 12:00 tot 17:00. Ik bel je morgen om 10:00 even terug! ^Sanne',
                              rules: [], score: 95, profile: 'coolblue' });
  assert.equal(r.responseMs, 2400000, 'from the page timestamp to the post');
  assert.equal(r.responseFrom, 'post');
  assert.equal(r.promise.kind, 'bellen');
  await mem.flush();
  // Same person on Facebook, linked by hand.
  await customers.linkAccounts(['x:@piet', 'facebook:piet de vries'], 'Piet de Vries');
  await customers.setListMember('facebook:piet de vries', 'vip', true);
  clock = FRI;
  const v = mem.recordMention({ site: 'facebook', author: 'Piet de Vries', key: 'facebook:9:h', type: 'question',
                                text: 'Hoe laat is de winkel in Utrecht zondag open?' });
  assert.equal(v.customer.name, 'Piet de Vries');
  assert.deepEqual(v.lists.map((l) => l.id), ['vip']);
  assert.deepEqual(v.earlierTypes, ['question']);
  assert.equal(v.lastContact.kind, 'reply');
  assert.equal(v.promises.length, 1);
  assert.equal(v.promises[0].state, 'overdue');
  assert.deepEqual(v.hints.map((h) => h.id), ['open-belofte', 'eerder-beantwoord', 'vip']);
  assert.match(v.hints[1].earlier.text, /open van 12:00 tot 17:00/);
  assert.deepEqual(mem.listsOf('x', '@Piet'), ['vip']);
  // Promise done on the customers page: gone from the open list.
  await customers.setPromiseDone(r.id, true, FRI);
  assert.equal(mem.view('facebook', 'Piet de Vries', 'facebook:9:h').promises.length, 0);
  const stats = customers.responseStats(mem.events, { now: FRI + 1, days: 30 });
  assert.deepEqual([stats.count, stats.median, stats.byProfile], [1, 2400000, [{ profile: 'coolblue', count: 1, median: 2400000 }]]);
  assert.equal(customers.formatDuration(2400000), '40 min');
  assert.equal(customers.responseStats(mem.events, { now: FRI + 1, profile: 'bol' }).count, 0);
});

test('hints: profanity -> moderation, ambassador -> thank and share, criticaster staying negative -> stop digging', () => {
  const state = customers.normalizeCustomers({ customers: [{ id: 'c1', accounts: ['x:@fan'], lists: ['merkambassadeurs'] }] });
  const ev = (acc, type, i) => ({ id: `m:${acc}:${i}`, kind: 'mention', ts: FRI - (10 - i) * DAY, account: acc, site: 'x', type, text: 't', key: `${acc}:${i}` });
  const events = customers.pruneEvents([ev('x:@crit', 'angry', 1), ev('x:@crit', 'angry', 2), ev('x:@crit', 'angry', 3), ev('x:@fan', 'neutral', 1)], { now: FRI });
  const ids = (acc, mention) => customers.replyHints(customers.customerView(state, events, acc, { now: FRI }), mention, FRI).map((h) => h.id);
  assert.deepEqual(ids('x:@crit', { type: 'angry', text: 'Alweer!' }), ['stop-graven']);
  assert.deepEqual(ids('x:@crit', { type: 'question', text: 'Wanneer?' }), []);
  assert.deepEqual(ids('x:@fan', { type: 'happy', text: 'Top!' }), ['bedanken-delen']);
  assert.deepEqual(ids('x:@new', { type: 'angry', text: 'Kut service', profanity: true }), ['moderatie']);
  const mod = customers.replyHints(customers.customerView(state, events, 'x:@new'), { profanity: true })[0];
  assert.match(mod.example, /verwijderen we je bericht/);
  assert.match(mod.text, /waarom/);
});

test('erasure: forget a customer removes its record, timeline and history; delete all; lists', async () => {
  store.clear();
  const mem = customers.createCustomerMemory({ now: () => FRI, flushMs: 1 });
  await mem.load();
  mem.recordMention({ site: 'x', author: '@piet', key: 'x:1:h', type: 'angry', text: 'Boos' });
  mem.recordMention({ site: 'facebook', author: 'Piet', key: 'facebook:2:h', type: 'angry', text: 'Nog steeds boos' });
  mem.recordMention({ site: 'x', author: '@kim', key: 'x:3:h', type: 'happy', text: 'Top' });
  await mem.flush();
  await chrome.storage.local.set({ 'webcare.history': { v: 1, mentions: [
    { ts: FRI, site: 'x', author: '@Piet', type: 'angry', key: 'x:1:h' }, { ts: FRI, site: 'x', author: '@kim', type: 'happy', key: 'x:3:h' }] } });
  await customers.linkAccounts(['x:@piet', 'facebook:piet']);
  await customers.addList('Pers & media');
  let { state } = await customers.readCustomers();
  assert.deepEqual(state.lists.map((l) => l.id), ['criticasters', 'journalisten', 'vip', 'merkambassadeurs', 'pers-media']);
  const removed = await customers.forgetCustomer('facebook:piet');
  assert.equal(removed, 2);
  ({ state } = await customers.readCustomers());
  assert.equal(state.customers.length, 0);
  assert.deepEqual((await customers.readCustomers()).events.map((e) => e.account), ['x:@kim']);
  assert.deepEqual(store.get('webcare.history').mentions.map((m) => m.author), ['@kim']);
  assert.deepEqual(mem.events.map((e) => e.account), ['x:@kim'], 'open tabs drop the forgotten customer too');
  await customers.removeList('vip');
  await customers.deleteAllCustomers();
  assert.equal(store.has('webcare.timeline'), false);
  assert.equal(store.has('webcare.history'), false);
  assert.deepEqual((await customers.readCustomers()).state.lists.map((l) => l.id), ['criticasters', 'journalisten', 'merkambassadeurs', 'pers-media']);
  const exported = JSON.parse(await customers.exportCustomers());
  assert.equal(exported.webcareLensCustomers, 1);
});

test('response time: from the page time, unless the post was first seen more than 7 days later', async () => {
  store.clear();
  let clock = FRI;
  const mem = customers.createCustomerMemory({ now: () => clock, flushMs: 1 });
  await mem.load();
  mem.recordMention({ site: 'x', author: '@old', key: 'x:1:h', type: 'angry', text: 'Oud', postedTs: FRI - 30 * DAY });
  mem.recordMention({ site: 'x', author: '@new', key: 'x:2:h', type: 'angry', text: 'Nieuw', postedTs: FRI - 5 * 60000 });
  mem.recordMention({ site: 'facebook', author: 'Kim', key: 'facebook:3:abcd1234', type: 'question', text: 'Vraag?' });
  clock += 20 * 60000;
  const a = mem.recordReply({ site: 'x', mention: { author: '@old', key: 'x:1:h' }, text: 'Sorry!' });
  const b = mem.recordReply({ site: 'x', mention: { author: '@new', key: 'x:2:h' }, text: 'Sorry!' });
  const c = mem.recordReply({ site: 'facebook', mention: { author: 'Kim', key: null, textHash: 'abcd1234' }, text: 'Ja.' });
  assert.deepEqual([a.responseFrom, a.responseMs], ['seen', 20 * 60000]);
  assert.deepEqual([b.responseFrom, b.responseMs], ['post', 25 * 60000]);
  assert.deepEqual([c.responseFrom, c.responseMs, c.replyTo], ['seen', 20 * 60000, 'facebook:3:abcd1234'], 'found by author + text hash');
  assert.equal(mem.recordReply({ site: 'x', mention: { author: '@nobody' }, text: 'Hoi' }).responseMs, null);
  const v = mem.recordReply({ site: 'x', mention: { author: '@vague' }, text: 'We gaan ernaar kijken.', vague: 'gaan ernaar kijken' });
  assert.deepEqual(v.promise, { kind: 'terugkoppelen', text: 'gaan ernaar kijken', due: null, label: null, done: false }, 'core finding: open, no due time');
  await mem.flush();
});
