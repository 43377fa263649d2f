// hardening.test.mjs — issue 10 item 3 in the browser: a full session on the
// three fixture sites (badges, typing, posting) sends nothing to any other
// host; hostile page text (markup, javascript: links, 50 KB posts and
// authors, absurd ids, malformed URNs) is shown as text, runs no script, goes
// through no HTML sink and does not stop other posts from being badged;
// malformed or oversized messages from a content script are rejected; the
// extension stores data only in chrome.storage.local, bounded, and "delete
// all" empties it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { evalInContentScript, foreignRequests, launchWithExtension } from './lib/browser.mjs';
import { SITES, serveFixtures } from './lib/fixtures.mjs';

const FIXTURE_HOSTS = ['x.com', 'twitter.com', 'facebook.com', 'linkedin.com'];
const XSS = '<img src=x onerror="window.__pwned=\'img\'"> <script>window.__pwned=\'script\'</script> '
  + '<a href="javascript:window.__pwned=\'link\'">klik</a> <svg onload="window.__pwned=\'svg\'"></svg> '
  + '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe> &lt;b&gt;';
const LONG = 'Dit is echt belachelijk, al drie weken geen antwoord! '.repeat(1000); // ~54 KB

let browser;
let log;
const pageErrors = [];
const pageRequests = [];

async function open(url) {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${url}: ${e.message}`));
  page.on('request', (r) => pageRequests.push(r.url()));
  await page.goto(url);
  await page.waitForFunction(() => window.__fixture && document.documentElement.hasAttribute('data-webcare-lens'),
                             null, { timeout: 20000 });
  return page;
}

/** Waits until at least `min` posts are badged and none is pending. */
const allBadged = (page, min) => page.waitForFunction((n) => {
  const els = [...document.querySelectorAll('[data-webcare-key]')];
  return els.length >= n && els.every((e) => e.getAttribute('data-webcare-state') === 'done');
}, min, { timeout: 20000 });

/** Types into the composer `sel` and posts it with `key` (twice if the gate warns first). */
async function typeAndPost(page, sel, key, text) {
  const box = page.locator(sel);
  await box.scrollIntoViewIfNeeded();
  await box.click();
  await page.keyboard.type(text);
  await page.waitForFunction((s) => ['done', 'error'].includes(document.querySelector(s)?.getAttribute('data-webcare-lint')),
                             sel, { timeout: 10000 });
  const before = await page.evaluate(() => window.__fixture.posted.length);
  await page.keyboard.press(key);
  await page.waitForFunction(({ s, n }) => window.__fixture.posted.length > n
    || ['warned', 'blocked'].includes(document.querySelector(s)?.getAttribute('data-webcare-gate')), { s: sel, n: before });
  if (await page.evaluate((n) => window.__fixture.posted.length === n, before)) {
    await page.keyboard.press(key);
    await page.waitForFunction((n) => window.__fixture.posted.length > n, before);
  }
}

/** In the content-script world: count calls of every HTML sink from now on. */
const SINK_SPY = `(() => {
  if (window.__sinkCalls) return true;
  window.__sinkCalls = [];
  const note = (name) => window.__sinkCalls.push(name);
  for (const [proto, prop] of [[Element.prototype, 'innerHTML'], [Element.prototype, 'outerHTML'], [ShadowRoot.prototype, 'innerHTML']]) {
    const d = Object.getOwnPropertyDescriptor(proto, prop);
    Object.defineProperty(proto, prop, { ...d, set(v) { note(prop); return d.set.call(this, v); } });
  }
  for (const [proto, fn] of [[Element.prototype, 'insertAdjacentHTML'], [Document.prototype, 'write'], [Document.prototype, 'writeln'],
                             [Range.prototype, 'createContextualFragment'], [DOMParser.prototype, 'parseFromString']]) {
    const orig = proto[fn];
    proto[fn] = function (...a) { note(fn); return orig.apply(this, a); };
  }
  return true;
})()`;

/** Every webcare-* UI element: no active content, no event-handler attributes. */
const UNSAFE_UI = () => {
  const bad = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (/^(script|iframe|object|embed|img|frame|base|link|meta)$/.test(el.localName)) bad.push(el.localName);
      for (const a of el.attributes) {
        if (/^on/i.test(a.name) || /^\s*javascript:/i.test(a.value) || a.name === 'srcdoc') bad.push(`${el.localName}[${a.name}]`);
      }
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  for (const host of document.querySelectorAll('*')) if (host.localName.startsWith('webcare-') && host.shadowRoot) walk(host.shadowRoot);
  return bad;
};

before(async () => {
  browser = await launchWithExtension();
  log = await serveFixtures(browser.context, { strictCsp: true });
});
after(async () => {
  await browser?.close();
});

test('full session on X, Facebook and LinkedIn (badges, typing, posting): no request leaves for another host', async () => {
  const reply = 'Hoi, wat vervelend! Ik stuur je nu een DM zodat we dit vandaag oplossen. Groet, Anna';
  const x = await open(SITES.x);
  await allBadged(x, 3);
  const target = (await x.evaluate(() => window.__fixture.posts)).find((p) => p.text);
  await x.evaluate((id) => window.__fixture.openReply(id), target.id);
  await typeAndPost(x, '[aria-labelledby="modal-header"] [data-testid="tweetTextarea_0"]', 'Control+Enter', reply);
  await x.evaluate(() => window.__fixture.addPosts());
  await allBadged(x, 3);

  for (const [url, key] of [[SITES.facebook, 'Enter'], [SITES.linkedin, 'Control+Enter']]) {
    const page = await open(url);
    await allBadged(page, 3);
    await page.evaluate(() => document.querySelector('[contenteditable="true"][role="textbox"]').setAttribute('data-test-composer', 'hard'));
    await typeAndPost(page, '[data-test-composer="hard"]', key, reply);
    await page.evaluate(() => window.__fixture.addPosts());
    await allBadged(page, 3);
  }
  // The worker's own resource loads: only files of the extension.
  const worker = browser.currentWorker() ?? browser.worker;
  const workerLoads = await worker.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.deepEqual(workerLoads.filter((u) => !u.startsWith('chrome-extension://')), []);
  assert.deepEqual(foreignRequests(browser.requests, FIXTURE_HOSTS), []);
  assert.deepEqual(foreignRequests(pageRequests, FIXTURE_HOSTS), []);
  assert.deepEqual(log.blocked, [], 'the catch-all route aborted nothing');
  assert.deepEqual(pageErrors, []);
});

test('hostile post text and author: shown as text in badge, panel and card; no script runs; no HTML sink is used', async () => {
  const page = await open(SITES.x);
  await allBadged(page, 3);
  assert.equal(await evalInContentScript(browser.context, page, SINK_SPY), true);
  // The spy works: one probe call is seen.
  assert.equal(await evalInContentScript(browser.context, page,
    `(() => { document.createElement('div').innerHTML = '<b>probe</b>'; return window.__sinkCalls.length; })()`), 1);
  const added = await page.evaluate(({ xss, long }) => window.__fixture.addPosts([
    { text: `Waarom is mijn pakket nog niet bezorgd? ${xss}`, name: `Mallory ${xss}`, handle: 'mallory' },
    { text: `${xss} Wat een topservice, dank jullie wel!`, name: 'javascript:alert(1)', handle: 'jsname' },
    { text: long + xss, name: 'L'.repeat(50000) + xss, handle: 'longpost' }, // last: a very tall cell
  ]), { xss: XSS, long: LONG });
  await page.waitForFunction((ids) => ids.every((id) => [...document.querySelectorAll('[data-webcare-type]')]
    .some((el) => el.getAttribute('data-webcare-key').startsWith(`x:${id}:`))), added.map((p) => p.id), { timeout: 20000 });

  // Badge tooltip of the hostile post.
  const key = await page.evaluate((id) => document.querySelector(`[data-webcare-key^="x:${id}:"]`).getAttribute('data-webcare-key'), added[0].id);
  const chip = page.locator(`[data-webcare-key="${key}"] webcare-badge`).first().locator('button.chip');
  await chip.focus();
  // Priority panel: the mention snippets are text.
  const panel = page.locator('webcare-panel');
  await panel.locator('button.head').click();
  await page.waitForFunction(() => document.querySelector('webcare-panel')?.getAttribute('data-open') === 'true');
  const items = await panel.locator('button.item').allTextContents();
  assert.ok(items.some((t) => t.includes('<img src=x onerror=')), `panel shows the markup as text: ${items.join(' | ').slice(0, 300)}`);
  await panel.locator('button.head').click();
  // Lint card for a reply to the hostile post: the mention context is text.
  await page.evaluate((id) => window.__fixture.openReply(id), added[0].id);
  const modal = '[aria-labelledby="modal-header"] [data-testid="tweetTextarea_0"]';
  await page.locator(modal).click();
  await page.keyboard.type('Hoi Mallory, sorry! Ik stuur je een DM.');
  await page.waitForFunction((s) => document.querySelector(s)?.getAttribute('data-webcare-lint') === 'done', modal);
  const ctx = await page.evaluate(() => document.querySelector('webcare-lint-card')?.shadowRoot.querySelector('.ctx')?.title ?? '');
  assert.match(ctx, /<img src=x onerror=/, 'the card names the mention, markup as text');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Control+Enter');

  assert.deepEqual(await page.evaluate(UNSAFE_UI), []);
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null, 'no script ran in the page');
  assert.equal(await evalInContentScript(browser.context, page, 'window.__pwned ?? null'), null);
  assert.deepEqual(await evalInContentScript(browser.context, page, 'window.__sinkCalls'), ['innerHTML'], 'only the probe');
  // "x" of <img src=x> was never requested.
  assert.deepEqual(pageRequests.filter((u) => /\/x$/.test(new URL(u).pathname)), []);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

// Tweets with absurd status ids (60 000 digits) and a LinkedIn post with a
// malformed URN: the others in the same scan/batch are still badged.
const RAW_X = `<!doctype html><html lang="nl"><head><meta charset="utf-8"></head>
  <body><main role="main"><div data-testid="primaryColumn"><section role="region"><div id="timeline"></div></section></div></main>
  <script>
  window.__fixture = { posted: [] };
  window.add = (id, handle, text) => {
    const cell = document.createElement('div');
    cell.setAttribute('data-testid', 'cellInnerDiv');
    const art = document.createElement('article');
    art.setAttribute('data-testid', 'tweet');
    const user = document.createElement('div');
    user.setAttribute('data-testid', 'User-Name');
    const a = document.createElement('a');
    a.href = '/' + handle; a.textContent = '@' + handle;
    const t = document.createElement('a');
    t.href = '/' + handle + '/status/' + id;
    t.append(Object.assign(document.createElement('time'), { dateTime: '2026-03-01T10:00:00Z', textContent: '1 u' }));
    user.append(a, t);
    const body = document.createElement('div');
    body.setAttribute('data-testid', 'tweetText');
    body.textContent = text;
    art.append(user, body);
    cell.append(art);
    document.getElementById('timeline').append(cell);
  };
  </script></body></html>`;

test('absurd ids and malformed URNs do not stop other posts from being badged', async () => {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`raw: ${e.message}`));
  await page.route('https://x.com/raw', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: RAW_X }));
  await page.goto('https://x.com/raw');
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-webcare-lens'));
  await page.evaluate(() => {
    window.add('9'.repeat(60000), 'huge', 'Waarom reageren jullie niet op mijn mail?');
    for (let i = 0; i < 5; i++) window.add(String(1000 + i), `u${i}`, `Vandaag met de trein naar Groningen, deel ${i}.`);
  });
  await page.waitForFunction(() => document.querySelectorAll('[data-webcare-key]').length === 6
    && [...document.querySelectorAll('[data-webcare-key]')].every((e) => e.getAttribute('data-webcare-state') === 'done'),
  null, { timeout: 20000 });
  assert.deepEqual(await page.$$eval('[data-webcare-error]', (els) => els.map((e) => e.getAttribute('data-webcare-error'))), []);
  await page.close();

  const li = await open(SITES.linkedin);
  await allBadged(li, 3);
  await li.evaluate(() => {
    const post = document.querySelector('[data-urn^="urn:li:activity:"]');
    post.setAttribute('data-urn', 'urn:li:activity:%E0%A4%A');
    for (const a of post.querySelectorAll('a[href*="urn:li:activity:"]')) a.setAttribute('href', '/feed/update/urn:li:activity:%E0%A4%A/');
  });
  const typed = await li.evaluate(() => document.querySelectorAll('[data-webcare-type]').length);
  const added = await li.evaluate(() => window.__fixture.addPosts());
  assert.ok(added.length > 0);
  await li.waitForFunction((n) => document.querySelectorAll('[data-webcare-type]').length >= n, typed + added.length, { timeout: 20000 });
  assert.deepEqual(pageErrors, []);
  await li.close();
});

test('malformed and oversized messages from a content script are rejected; the page world cannot reach the extension', async () => {
  const page = await open(SITES.x);
  const send = (msg) => evalInContentScript(browser.context, page, `chrome.runtime.sendMessage(${msg})`);
  const item = (over) => JSON.stringify({ key: 'x:1:a', text: 'hoi', site: 'x', ...over });
  const bad = {
    'not an object': '"lint"',
    array: '[1, 2]',
    null: 'null',
    'unknown kind': '{kind: "classify"}',
    'kind with prototype name': '{kind: "__proto__"}',
    'items not an array': '{kind: "classify-batch", items: "x"}',
    'empty batch': '{kind: "classify-batch", items: []}',
    '65 items': `{kind: "classify-batch", items: Array.from({length: 65}, (_, i) => ({key: 'k' + i, text: 'hoi'}))}`,
    'text of 20 001 units': `{kind: "classify-batch", items: [${item({ text: 'a'.repeat(20001) })}]}`,
    'key of 513 units': `{kind: "classify-batch", items: [${item({ key: 'k'.repeat(513) })}]}`,
    'unknown site': `{kind: "classify-batch", items: [${item({ site: 'myspace' })}]}`,
    'text not a string': `{kind: "classify-batch", items: [${item({ text: { toString: 1 } })}]}`,
    'lint without request': '{kind: "lint"}',
    'lint text too long': `{kind: "lint", request: {text: 'a'.repeat(20001)}}`,
    'lint sets op': '{kind: "lint", request: {text: "hoi", op: "check-pack"}}',
    'lint too many fields': `{kind: "lint", request: Object.fromEntries(Array.from({length: 17}, (_, i) => ['f' + i, 1]).concat([['text', 'hoi']]))}`,
    'lint mention too large': `{kind: "lint", request: {text: 'hoi', mention: {text: 'm'.repeat(19000), a: 'm'.repeat(19000), b: 'm'.repeat(19000), c: 'm'.repeat(19000)}}}`,
    'lint unknown platform': '{kind: "lint", request: {text: "hoi", platform: "tiktok"}}',
    'lint mention of a wrong type': '{kind: "lint", request: {text: "hoi", mention: 42}}',
  };
  for (const [name, msg] of Object.entries(bad)) {
    const resp = await send(msg);
    assert.equal(resp?.error?.code, 'bad-message', `${name}: ${JSON.stringify(resp).slice(0, 200)}`);
    assert.ok(typeof resp.error.message === 'string' && resp.error.message.length < 300, name);
  }
  // Still serving after all that.
  const ok = await send('{kind: "classify-batch", items: [{key: "x:1:a", text: "Waarom is mijn pakket er nog niet?", site: "x"}]}');
  assert.equal(ok.results[0].result.type, 'question');
  // No externally_connectable: the page's own world has no channel to the extension.
  const reach = await page.evaluate((id) => {
    if (!globalThis.chrome?.runtime?.sendMessage) return 'no chrome.runtime';
    return new Promise((resolve) => {
      try {
        chrome.runtime.sendMessage(id, { kind: 'engine-status' }, (r) => resolve(chrome.runtime.lastError ? 'refused' : r));
      } catch {
        resolve('refused');
      }
    });
  }, browser.extensionId);
  assert.ok(reach === 'no chrome.runtime' || reach === 'refused', JSON.stringify(reach));
  await page.close();
});

test('storage: only chrome.storage.local under webcare.* keys, history capped; sync, session, localStorage and IndexedDB unused', async () => {
  const worker = browser.currentWorker() ?? browser.worker;
  const state = await worker.evaluate(async () => ({
    local: Object.keys(await chrome.storage.local.get(null)),
    sync: Object.keys(await chrome.storage.sync.get(null)),
    session: Object.keys(await chrome.storage.session.get(null)),
    bytes: await chrome.storage.local.getBytesInUse(null),
  }));
  assert.ok(state.local.includes('webcare.history'), `history recorded during the session: ${state.local}`);
  assert.deepEqual(state.local.filter((k) => !k.startsWith('webcare.')), []);
  assert.deepEqual(state.sync, []);
  assert.deepEqual(state.session, []);
  // Extension pages: no localStorage / IndexedDB.
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/extension/pages/options.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const web = await page.evaluate(async () => ({ ls: localStorage.length, ss: sessionStorage.length,
                                                  idb: (await indexedDB.databases()).map((d) => d.name) }));
  assert.deepEqual(web, { ls: 0, ss: 0, idb: [] });
  // The sites' own storage holds nothing of ours.
  const site = await open(SITES.x);
  const siteKeys = await site.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]);
  assert.deepEqual(siteKeys.filter((k) => /webcare/i.test(k)), []);

  // Cap: seed 6 000 stored mentions; the next recorded post trims the list to 5 000.
  const { MAX_MENTIONS } = await import('../../extension/lib/history.js');
  await page.evaluate(async (n) => {
    const now = Date.now();
    const mentions = Array.from({ length: n }, (_, i) => ({ ts: now - (n - i) * 1000, site: 'x', author: `@u${i % 300}`,
                                                             type: 'neutral', key: `x:seed${i}:h` }));
    await chrome.storage.local.set({ 'webcare.history': { v: 1, mentions } });
  }, MAX_MENTIONS + 1000);
  await site.evaluate(() => window.__fixture.addPosts([{ text: 'Waarom duurt mijn retour zo lang?', name: 'Cap', handle: 'captest' }]));
  await page.waitForFunction(async (max) => {
    const got = await chrome.storage.local.get('webcare.history');
    const list = got['webcare.history'].mentions;
    return list.length === max && list.some((m) => m.author === '@captest');
  }, MAX_MENTIONS, { timeout: 15000 });
  const bytes = await page.evaluate(() => chrome.storage.local.getBytesInUse(null));
  assert.ok(bytes < 2_000_000, `stored data stays small: ${bytes} bytes`);
  await site.close();
  await page.close();
});

test('delete all (options page) empties chrome.storage.local', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/extension/pages/options.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await page.evaluate(() => chrome.storage.local.set({ 'webcare.settings': { agent: 'Anna' },
                                                        'webcare.checks': { v: 1, checks: [{ ts: Date.now(), score: 80 }] } }));
  assert.ok(Object.keys(await page.evaluate(() => chrome.storage.local.get(null))).length >= 2);
  await page.locator('#wipe').click();
  await page.locator('#wipe-confirm').click();
  await page.waitForFunction(async () => Object.keys(await chrome.storage.local.get(null)).length === 0);
  const all = await page.evaluate(async () => ({ sync: await chrome.storage.sync.get(null), session: await chrome.storage.session.get(null) }));
  assert.deepEqual(all, { sync: {}, session: {} });
  await page.close();
});

test('over the whole file: no request left for a non-fixture host, nothing aborted, no page errors', () => {
  assert.deepEqual(foreignRequests(browser.requests, FIXTURE_HOSTS), []);
  assert.deepEqual(foreignRequests(pageRequests, FIXTURE_HOSTS), []);
  assert.deepEqual(log.blocked, [], 'the catch-all route aborted nothing');
  assert.deepEqual(pageErrors, [], 'no uncaught errors in the pages (content scripts included)');
});
