// pipeline.test.mjs — the observer pipeline and the worker on a small X-like
// page: posts added later, recycled cells, SPA navigation, no re-sending of
// unchanged posts, service-worker restart, lint over the real message path,
// the priority panel and keyboard access to the badge.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hashText } from '../../extension/adapters/read.js';
import { evalInContentScript, foreignRequests, launchWithExtension, readBadges,
         stopServiceWorker } from './lib/browser.mjs';
import { loadEngine } from '../wasm/helpers.mjs';

const TEXTS = [
  'Al 3 dagen geen internet, dit is echt belachelijk #fail',
  'Hoe laat rijdt vanavond de laatste trein naar Amersfoort?',
  'Wat een topservice, vandaag besteld en vandaag binnen!',
  'Vandaag met de trein naar Groningen.',
];

// Page-world helpers: build tweets the way x.com marks them up.
const PAGE = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><style>
  article { display:block; padding:12px; border-bottom:1px solid #eee; min-height: 120px }</style></head>
  <body><main role="main"><div data-testid="primaryColumn"><section role="region"><div id="timeline"></div></section></div></main>
  <script>
  window.tweet = (id, handle, text) => {
    const cell = document.createElement('div');
    cell.setAttribute('data-testid', 'cellInnerDiv');
    cell.innerHTML = '<article data-testid="tweet" tabindex="0"><div data-testid="User-Name"><a class="n"></a>'
      + '<a class="t"><time datetime="2026-03-01T10:00:00Z">1 u</time></a></div>'
      + '<div data-testid="tweetText" lang="nl"><span></span></div></article>';
    window.fill(cell, id, handle, text);
    return cell;
  };
  window.fill = (cell, id, handle, text) => {
    cell.querySelector('a.n').textContent = '@' + handle;
    cell.querySelector('a.n').setAttribute('href', '/' + handle);
    cell.querySelector('a.t').setAttribute('href', '/' + handle + '/status/' + id);
    cell.querySelector('[data-testid="tweetText"] span').textContent = text;
  };
  window.add = (id, handle, text) => document.getElementById('timeline').append(window.tweet(id, handle, text));
  </script></body></html>`;

let browser;
let engine;
let page;
const typeOf = (text) => engine.classify(text).type;
const keyOf = (id, text) => `x:${id}:${hashText(text)}`;
const waitKey = (p, key) => p.waitForFunction(
  (k) => document.querySelector(`[data-webcare-key="${k}"][data-webcare-type]`), key, { timeout: 15000 });
const calls = async () => (await evalInContentScript(browser.context, page,
  `chrome.runtime.sendMessage({kind: 'engine-status'})`)).result;

before(async () => {
  engine = await loadEngine();
  browser = await launchWithExtension();
  await browser.context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === 'x.com') {
      return route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: PAGE });
    }
    return route.abort();
  });
  page = await browser.context.newPage();
  await page.goto('https://x.com/home');
  await page.evaluate((texts) => texts.forEach((t, i) => window.add(String(100 + i), `user${i}`, t)), TEXTS);
  await page.waitForFunction(() => document.querySelectorAll('[data-webcare-type]').length === 4, null,
                             { timeout: 15000 });
});
after(async () => {
  await browser?.close();
  engine?.close();
});

test('every post is badged with the engine type', async () => {
  const badges = await readBadges(page);
  assert.equal(badges.length, TEXTS.length);
  TEXTS.forEach((t, i) => {
    const b = badges.find((x) => x.key === keyOf(100 + i, t));
    assert.ok(b, `post ${100 + i} not badged`);
    assert.equal(b.type, typeOf(t));
    assert.equal(b.badgeType, typeOf(t));
    assert.equal(b.state, 'done');
  });
});

test('posts inserted later are badged; unchanged posts are not sent again', async () => {
  const before = (await calls()).calls;
  // A no-op churn on existing posts plus one new post.
  await page.evaluate(() => {
    document.querySelectorAll('article').forEach((a) => a.setAttribute('data-testid', 'tweet'));
    document.querySelector('article [data-testid="tweetText"]').append('');
    window.add('200', 'nieuw', 'Waarom reageert niemand op mijn klacht?');
  });
  await waitKey(page, keyOf(200, 'Waarom reageert niemand op mijn klacht?'));
  const b = (await readBadges(page)).find((x) => x.key === keyOf(200, 'Waarom reageert niemand op mijn klacht?'));
  assert.equal(b.type, typeOf('Waarom reageert niemand op mijn klacht?'));
  assert.equal((await calls()).calls - before, 1, 'only the new post was classified');
});

test('a recycled cell (same element, other post) is re-badged', async () => {
  const text = 'Super blij met de snelle hulp, dank jullie wel!';
  await page.evaluate((t) => window.fill(document.querySelector('[data-testid="cellInnerDiv"]'), '300', 'recycled', t), text);
  await waitKey(page, keyOf(300, text));
  const first = await page.evaluate(() => {
    const a = document.querySelector('article');
    return { type: a.getAttribute('data-webcare-type'), badges: a.querySelectorAll('webcare-badge').length,
             badgeType: a.querySelector('webcare-badge').getAttribute('data-type') };
  });
  assert.equal(first.type, typeOf(text));
  assert.equal(first.badgeType, typeOf(text));
  assert.equal(first.badges, 1, 'one badge per post, reused');
  // Recycled back to the first post: answered from the cache, not re-sent.
  const before = (await calls()).calls;
  await page.evaluate((t) => window.fill(document.querySelector('[data-testid="cellInnerDiv"]'), '100', 'user0', t), TEXTS[0]);
  await waitKey(page, keyOf(100, TEXTS[0]));
  assert.equal((await calls()).calls, before);
});

test('SPA navigation: a replaced timeline is badged', async () => {
  await page.evaluate(() => {
    history.pushState({}, '', '/notifications/mentions');
    document.getElementById('timeline').replaceChildren();
    window.add('400', 'mention', 'Waar blijft mijn terugbetaling? Al twee weken niks gehoord.');
  });
  await waitKey(page, keyOf(400, 'Waar blijft mijn terugbetaling? Al twee weken niks gehoord.'));
  assert.equal(await page.evaluate(() => location.pathname), '/notifications/mentions');
});

test('lint and engine-status work over the content-script message path; bad messages are rejected', async () => {
  const lint = await evalInContentScript(browser.context, page,
    `chrome.runtime.sendMessage({kind: 'lint', request: {text: '@klant Sorry! Ik stuur je een DM.', platform: 'x'}})`);
  assert.ok(lint.result, JSON.stringify(lint));
  assert.equal(lint.result.length.platform, 'x');
  const status = await evalInContentScript(browser.context, page, `chrome.runtime.sendMessage({kind: 'engine-status'})`);
  assert.equal(status.result.loaded, true);
  const bad = await evalInContentScript(browser.context, page,
    `chrome.runtime.sendMessage({kind: 'classify-batch', items: [{key: 1, text: 'x'}]})`);
  assert.equal(bad.error.code, 'bad-message');
  const unknown = await evalInContentScript(browser.context, page, `chrome.runtime.sendMessage({kind: 'eval', code: '1'})`);
  assert.equal(unknown.error.code, 'bad-message');
});

test('the panel lists mentions angry and question first and reveals a post on click', async () => {
  await page.evaluate((texts) => texts.forEach((t, i) => window.add(String(500 + i), `p${i}`, t)), TEXTS);
  await page.waitForFunction(() => document.querySelectorAll('[data-webcare-type]').length === 5, null, { timeout: 15000 });
  const panel = page.locator('webcare-panel');
  await panel.locator('button.head').click();
  await page.waitForFunction(() => document.querySelector('webcare-panel')?.getAttribute('data-open') === 'true');
  const items = await panel.locator('button.item').evaluateAll((els) => els.map((e) => ({ type: e.dataset.type, key: e.dataset.key })));
  assert.equal(items.length, 5);
  const rank = { angry: 0, question: 1, neutral: 2, happy: 3 };
  for (let i = 1; i < items.length; i++) assert.ok(rank[items[i - 1].type] <= rank[items[i].type], JSON.stringify(items));
  const last = items[items.length - 1];
  await page.evaluate(() => window.scrollTo(0, 0));
  await panel.locator(`button.item[data-key="${last.key}"]`).click();
  await page.waitForFunction((k) => {
    const post = document.querySelector(`[data-webcare-key="${k}"]`);
    const r = post.getBoundingClientRect();
    return document.activeElement?.localName === 'webcare-badge' && post.contains(document.activeElement)
      && r.top >= 0 && r.bottom <= innerHeight;
  }, last.key, { timeout: 10000 });
});

test('the badge is keyboard reachable and shows its evidence on focus', async () => {
  const host = page.locator('article webcare-badge').first();
  await host.locator('button.chip').focus();
  const tip = await host.evaluate((h) => {
    const t = h.shadowRoot.querySelector('.tip');
    return { open: t.matches(':popover-open') || t.classList.contains('open'), text: t.textContent,
             role: t.getAttribute('role'), label: h.shadowRoot.querySelector('.chip').getAttribute('aria-label') };
  });
  assert.equal(tip.open, true);
  assert.equal(tip.role, 'tooltip');
  assert.match(tip.text, /prioriteit \d+/);
  assert.match(tip.label, /^Webcare Lens: /);
  await page.keyboard.press('Escape');
  assert.equal(await host.evaluate((h) => h.shadowRoot.querySelector('.tip').classList.contains('open')), false);
});

test('the service worker is stopped and restarted: new posts still get badged', async () => {
  const status = () => evalInContentScript(browser.context, page, `chrome.runtime.sendMessage({kind: 'engine-status'})`);
  assert.ok((await status()).result.calls > 1);
  assert.ok(await stopServiceWorker(browser.context, page) >= 1);
  const text = 'Na de herstart: waarom is mijn pakket nog steeds niet bezorgd?';
  await page.evaluate((t) => window.add('600', 'restart', t), text);
  await waitKey(page, keyOf(600, text));
  const b = (await readBadges(page)).find((x) => x.key === keyOf(600, text));
  assert.equal(b.type, typeOf(text));
  // The live worker is a fresh instance: one engine load, one call (the new post).
  const st = (await status()).result;
  assert.equal(st.loads, 1, 'the new worker instantiated the engine once');
  assert.equal(st.calls, 1, 'only the new post went to the new engine');
});

// Reach hints (issue 6): the counts in a tweet's action bar go to the engine
// as options.reach. Two identical angry posts, one with "12K" likes, "3,4K"
// reposts (aria-label) and "1.234" replies: the second gets more priority.
test('reach shown in the action bar raises the priority of an identical angry post', async () => {
  const text = 'Al 2 weken geen internet en niemand belt terug, echt schandalig #fail';
  assert.equal(typeOf(text), 'angry');
  await page.evaluate((t) => {
    window.add('700', 'stil', t);
    const cell = window.tweet('701', 'bekend', t);
    const bar = document.createElement('div');
    bar.setAttribute('role', 'group');
    const action = (testid, label, count) => {
      const b = document.createElement('button');
      b.setAttribute('data-testid', testid);
      b.setAttribute('aria-label', label);
      b.textContent = count;
      bar.append(b);
    };
    action('reply', 'Beantwoorden', '1.234');
    action('retweet', '3,4K reposts. Reposten', '3,4K');
    action('like', 'Vind ik leuk', '12K');
    cell.querySelector('article').append(bar);
    document.getElementById('timeline').append(cell);
  }, text);
  await waitKey(page, keyOf(700, text));
  await waitKey(page, keyOf(701, text));
  const prio = (id) => page.evaluate((k) => Number(document.querySelector(`[data-webcare-key="${k}"]`)
    .getAttribute('data-webcare-priority')), keyOf(id, text));
  const plain = engine.classify(text).priority;
  const reached = engine.classify(text, { options: { reach: 1234 + 3400 + 12000 } }).priority;
  assert.ok(reached > plain, `engine: ${reached} > ${plain}`);
  assert.equal(await prio(700), plain);
  assert.equal(await prio(701), reached);
  // The worker checks the hint: a number 0..1e12.
  for (const reach of [-1, 'veel', 1e13]) {
    const bad = await evalInContentScript(browser.context, page,
      `chrome.runtime.sendMessage({kind: 'classify-batch', items: [{key: 'k', text: 'x', site: 'x', reach: ${JSON.stringify(reach)}}]})`);
    assert.equal(bad.error?.code, 'bad-message', JSON.stringify(reach));
  }
});

// The panel keeps at most 100 rows (keyed by post key) and counts the rest.
test('the panel shows the top 100 mentions, angry first, and counts the rest', async () => {
  // The panel redraws at most every 600 ms while work is pending: read the
  // count once the earlier tests' posts are in it (unchanged for 1.5 s).
  const before = await page.evaluate(() => new Promise((resolve) => {
    const read = () => Number(document.querySelector('webcare-panel').getAttribute('data-count'));
    let last = read(), since = performance.now();
    const tick = () => {
      const n = read();
      if (n !== last) [last, since] = [n, performance.now()];
      if (performance.now() - since >= 1500) resolve(n);
      else setTimeout(tick, 100);
    };
    tick();
  }));
  await page.evaluate(() => {
    for (let i = 0; i < 120; i++) window.add(String(800 + i), `veel${i}`, `Bericht nummer ${i} over de trein van vandaag.`);
    window.add('999', 'boos', 'Weer vertraging, dit is echt belachelijk slecht geregeld!');
  });
  const total = before + 121;
  await page.waitForFunction((n) => Number(document.querySelector('webcare-panel').getAttribute('data-count')) === n,
                             total, { timeout: 20000 });
  const rows = await page.evaluate(() => {
    const root = document.querySelector('webcare-panel').shadowRoot;
    return { keys: [...root.querySelectorAll('button.item')].map((e) => e.dataset.key),
             types: [...root.querySelectorAll('button.item')].map((e) => e.dataset.type),
             more: root.querySelector('.more')?.hidden ? '' : root.querySelector('.more')?.textContent };
  });
  assert.equal(rows.keys.length, 100);
  assert.equal(new Set(rows.keys).size, 100);
  assert.equal(rows.more, `+${total - 100} meer`);
  assert.equal(typeOf('Weer vertraging, dit is echt belachelijk slecht geregeld!'), 'angry');
  assert.ok(rows.keys.includes(keyOf(999, 'Weer vertraging, dit is echt belachelijk slecht geregeld!')));
  const rank = { angry: 0, question: 1, neutral: 2, happy: 3, error: 4 };
  for (let i = 1; i < rows.types.length; i++) assert.ok(rank[rows.types[i - 1]] <= rank[rows.types[i]], rows.types.join());
  // Rows are reused: scrolling the angry post at the bottom into view redraws
  // its row (data-visible), and every row element survives that redraw.
  const angryKey = keyOf(999, 'Weer vertraging, dit is echt belachelijk slecht geregeld!');
  await page.evaluate(() => {
    for (const item of document.querySelector('webcare-panel').shadowRoot.querySelectorAll('button.item')) item.dataset.probe = '1';
  });
  assert.equal(await page.evaluate((k) => document.querySelector('webcare-panel').shadowRoot
    .querySelector(`button.item[data-key="${k}"]`)?.dataset.visible, angryKey), 'false');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction((k) => document.querySelector('webcare-panel').shadowRoot
    .querySelector(`button.item[data-key="${k}"]`)?.dataset.visible === 'true', angryKey, { timeout: 10000 });
  assert.equal(await page.evaluate(() => [...document.querySelector('webcare-panel').shadowRoot
    .querySelectorAll('button.item')].filter((e) => e.dataset.probe !== '1').length), 0);
});

test('no request left for a host other than the fixture site', () => {
  assert.deepEqual(foreignRequests(browser.requests, ['x.com']), []);
});
