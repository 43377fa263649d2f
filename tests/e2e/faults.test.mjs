// faults.test.mjs — issue 10 item 4, in Chromium on the x.com fixture
// (gate-x.test.mjs already covers an {error} answer and a >300 ms engine):
//   - the engine throws inside the worker (synchronously, or as a rejected
//     promise) → the gate fails open and its notice says the check was skipped;
//   - the service worker is killed (CDP ServiceWorker.stopAllWorkers) while
//     a lint is in flight → the next keystroke is linted again;
//   - the page removes the composer while its lint is in flight → no uncaught
//     error in the page, the content script or the worker;
//   - 2 000 posts (fixture timeline, and a page with all 2 000 in the DOM)
//     keep the main thread responsive: longest task / frame gap < 500 ms.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { evalInContentScript } from './lib/browser.mjs';
import { SITES } from './lib/fixtures.mjs';
import { openSite, waitForLint } from './lib/composer.mjs';

const MODAL = '[aria-labelledby="modal-header"] [data-testid="tweetTextarea_0"]';
const RESPONSIVE_MS = 500; // a functional bound (the page never freezes), not a benchmark
let browser;
let page;
let errors;
let target;
const consoleErrors = [];

const worker = () => browser.currentWorker() ?? browser.worker;
const posted = () => page.evaluate(() => window.__fixture.posted.length);

/** In the (current) worker: record uncaught errors and console.error calls. */
const WORKER_ERRORS = () => {
  if (globalThis.__errors) return;
  globalThis.__errors = [];
  self.addEventListener('error', (e) => globalThis.__errors.push(`error: ${e.message}`));
  self.addEventListener('unhandledrejection', (e) => globalThis.__errors.push(`rejection: ${e.reason?.message ?? e.reason}`));
  const orig = console.error;
  console.error = (...a) => {
    globalThis.__errors.push(`console: ${a.join(' ')}`);
    orig.apply(console, a);
  };
};

/** Makes the worker's lint hang until globalThis.__release() (counts requests in __lintSeen). */
const HANG_LINT = () => {
  globalThis.__lint ??= globalThis.webcareHost.lint;
  globalThis.__lintSeen = 0;
  let release;
  const gate = new Promise((r) => { release = r; });
  globalThis.__release = release;
  globalThis.webcareHost.lint = async (req) => {
    globalThis.__lintSeen++;
    await gate;
    return globalThis.__lint(req);
  };
};
const RESTORE_LINT = () => {
  if (globalThis.__lint) globalThis.webcareHost.lint = globalThis.__lint;
  globalThis.__release?.();
};

async function openReply(text = '') {
  await page.evaluate(() => window.__fixture.closeReply());
  await page.evaluate((id) => window.__fixture.openReply(id), target.id);
  await page.locator(MODAL).click();
  if (text) await page.keyboard.type(text);
}

before(async () => {
  ({ browser, page, errors } = await openSite(SITES.x));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  target = (await page.evaluate(() => window.__fixture.posts)).find((p) => p.expectedType === 'angry');
  await worker().evaluate(WORKER_ERRORS);
});
after(async () => {
  await browser?.close();
});

test('errors thrown in the content script are seen by this suite (the probe behind "no errors")', async () => {
  await evalInContentScript(browser.context, page, "setTimeout(() => { throw new Error('fault-probe'); }, 0); true");
  await page.waitForFunction(() => true);
  const deadline = Date.now() + 5000;
  while (!errors.some((e) => e.includes('fault-probe')) && Date.now() < deadline) await page.evaluate(() => new Promise(requestAnimationFrame));
  assert.ok(errors.some((e) => e.includes('fault-probe')), `pageerror sees isolated-world errors: ${errors}`);
  errors.length = 0;
});

for (const how of ['synchronously', 'as a rejected promise']) {
  test(`engine throws ${how} → the gate fails open and says the check was skipped`, async () => {
    await worker().evaluate((sync) => {
      globalThis.__lint ??= globalThis.webcareHost.lint;
      globalThis.webcareHost.lint = sync
        ? () => { throw new Error('test: engine threw'); }
        : async () => { throw new Error('test: engine rejected'); };
    }, how === 'synchronously');
    await openReply('We gaan ernaar kijken!!!');
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-webcare-lint') === 'error', MODAL);
    const before = await posted();
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction((n) => window.__fixture.posted.length === n + 1, before);
    await page.waitForSelector('webcare-toast[data-webcare-notice="skipped"]', { state: 'attached' });
    const notice = await page.evaluate(() => document.querySelector('webcare-toast').shadowRoot.textContent);
    assert.match(notice, /overgeslagen/);
    assert.match(notice, /niet beschikbaar/, 'an immediate error, not a 300 ms timeout');
    await worker().evaluate(RESTORE_LINT);
  });
}

test('worker killed mid-lint (CDP ServiceWorker.stopAllWorkers) → the next keystroke is linted', async () => {
  await worker().evaluate(HANG_LINT);
  await openReply('We gaan ernaar kijken');
  await page.locator(MODAL).evaluate((el) => el.getAttribute('data-webcare-lint')); // composer is tracked
  const old = worker();
  const deadline = Date.now() + 10000;
  while ((await old.evaluate(() => globalThis.__lintSeen)) === 0 && Date.now() < deadline) await page.evaluate(() => new Promise(requestAnimationFrame));
  assert.ok(await old.evaluate(() => globalThis.__lintSeen) > 0, 'a lint is in flight in the worker');
  assert.equal(await page.getAttribute(MODAL, 'data-webcare-lint'), 'pending');
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.send('ServiceWorker.disable').catch(() => {});
  await cdp.detach();
  await page.keyboard.type('!!!');
  const state = await waitForLint(page, MODAL, ['shouting', 'empty-promise'], { timeout: 15000 });
  assert.equal(state.lint, 'done');
  assert.equal(await page.evaluate(() => window.__fixture.getEditorText()), 'We gaan ernaar kijken!!!');
  // A new worker instance answered (the hung one is gone).
  const now = worker();
  assert.ok(now, 'a worker is running again');
  assert.equal(await now.evaluate(() => globalThis.__lintSeen ?? null), null);
  await now.evaluate(WORKER_ERRORS);
});

test('the page removes the composer while its lint is in flight → no uncaught errors anywhere', async () => {
  await worker().evaluate(HANG_LINT);
  await openReply('Sorry voor het ongemak, we kijken ernaar');
  const deadline = Date.now() + 10000;
  while ((await worker().evaluate(() => globalThis.__lintSeen)) === 0 && Date.now() < deadline) await page.evaluate(() => new Promise(requestAnimationFrame));
  assert.ok(await worker().evaluate(() => globalThis.__lintSeen) > 0, 'a lint is in flight');
  await page.evaluate(() => window.__fixture.closeReply());
  assert.equal(await page.locator(MODAL).count(), 0, 'the composer is gone');
  await worker().evaluate(RESTORE_LINT); // the answer now arrives for a removed composer
  // A fresh composer is linted normally afterwards (so the old answer was handled by then).
  await openReply('Hoi!!! We gaan ernaar kijken.');
  await waitForLint(page, MODAL, ['shouting']);
  const card = await page.evaluate(() => document.querySelectorAll('webcare-lint-card').length);
  assert.equal(card, 1, 'one card, no leftovers');
  await page.evaluate(() => window.__fixture.closeReply());
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  assert.deepEqual(errors, []);
  assert.deepEqual(consoleErrors.filter((e) => !/Failed to load resource/.test(e)), []);
  assert.deepEqual(await worker().evaluate(() => globalThis.__errors), []);
});

/** Starts a rAF-gap + longtask probe in the page; stop() resolves to {maxGap, maxLongTask, frames}. */
const PROBE = () => {
  const s = { maxGap: 0, maxLongTask: 0, frames: 0, last: performance.now(), on: true };
  const po = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) s.maxLongTask = Math.max(s.maxLongTask, e.duration);
  });
  po.observe({ type: 'longtask' });
  const tick = (t) => {
    s.maxGap = Math.max(s.maxGap, t - s.last);
    s.last = t;
    s.frames++;
    if (s.on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__probe = () => {
    s.on = false;
    po.disconnect();
    return { maxGap: Math.round(s.maxGap), maxLongTask: Math.round(s.maxLongTask), frames: s.frames };
  };
};

const WORDS = ['pakket', 'levering', 'factuur', 'monteur', 'wifi', 'abonnement', 'retour', 'trein', 'app', 'klantenservice'];
const generated = (n) => Array.from({ length: n }, (_, i) => {
  const w = WORDS[i % WORDS.length];
  const t = [`Waarom is mijn ${w} nog steeds niet geregeld? Al ${i % 9 + 2} dagen wachten!`,
             `Top geholpen met mijn ${w}, dank jullie wel 😀`,
             `Mijn ${w} is weer kapot, dit is echt belachelijk #${i}`,
             `Vandaag ${w} nummer ${i} besteld.`][i % 4];
  return { text: t, name: `Klant ${i}`, handle: `klant${i}` };
});

test('a 2 000-post X timeline stays responsive while the extension badges what is shown', async () => {
  await page.evaluate((list) => window.__fixture.addPosts(list), generated(2000));
  await page.evaluate(PROBE);
  const seen = new Set();
  for (let n = 0; n < 2000; n += 50) {
    await page.evaluate((i) => window.__fixture.scrollTo(i), n);
    await page.waitForFunction(() => {
      const els = [...document.querySelectorAll('article[data-testid="tweet"]')];
      return els.length > 0 && els.every((a) => a.closest('[data-webcare-key]')?.getAttribute('data-webcare-state') === 'done');
    }, null, { timeout: 15000 });
    for (const k of await page.$$eval('[data-webcare-key]', (els) => els.map((e) => e.getAttribute('data-webcare-key')))) seen.add(k);
  }
  const probe = await page.evaluate(() => window.__probe());
  console.log(`# 2000-post X timeline: ${seen.size} posts badged while scrolling; longest frame gap ${probe.maxGap} ms, longest task ${probe.maxLongTask} ms, ${probe.frames} frames`);
  assert.ok(seen.size >= 40, `badged while scrolling: ${seen.size}`);
  assert.ok(probe.frames > 10);
  assert.ok(probe.maxLongTask < RESPONSIVE_MS, `longest task ${probe.maxLongTask} ms`);
  assert.ok(probe.maxGap < RESPONSIVE_MS, `longest frame gap ${probe.maxGap} ms`);
});

/** A bare X-like timeline page for the 2 000-post test below. */
const MANY_BODY = '<!doctype html><html lang="nl"><head><meta charset="utf-8"></head><body><main role="main">'
  + '<div data-testid="primaryColumn"><section role="region"><div id="timeline"></div></section></div></main></body></html>';
/** Appends the posts as X cells (runs in the page). */
const INSERT_CELLS = (list) => {
  const tl = document.getElementById('timeline');
  list.forEach((p, i) => {
    const cell = document.createElement('div');
    cell.setAttribute('data-testid', 'cellInnerDiv');
    const art = document.createElement('article');
    art.setAttribute('data-testid', 'tweet');
    const user = document.createElement('div');
    user.setAttribute('data-testid', 'User-Name');
    const a = Object.assign(document.createElement('a'), { href: `/${p.handle}`, textContent: `@${p.handle}` });
    const t = Object.assign(document.createElement('a'), { href: `/${p.handle}/status/${10000 + i}` });
    t.append(Object.assign(document.createElement('time'), { dateTime: '2026-03-01T10:00:00Z', textContent: '1 u' }));
    user.append(a, t);
    const txt = document.createElement('div');
    txt.setAttribute('data-testid', 'tweetText');
    txt.textContent = p.text;
    art.append(user, txt);
    cell.append(art);
    tl.append(cell);
  });
};

/**
 * The page's own cost of inserting and laying out the same 2 000 posts, with
 * the extension not injected (a host it does not match), measured in the same
 * run: on a slow or busy machine this grows too, so the bound below is our
 * added blocking (RESPONSIVE_MS) on top of what the page itself needs.
 */
async function baselineProbe(context) {
  const bare = await context.newPage();
  await bare.route('https://example.org/many', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: MANY_BODY }));
  await bare.goto('https://example.org/many');
  await bare.evaluate(PROBE);
  await bare.evaluate(INSERT_CELLS, generated(2000));
  await bare.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const probe = await bare.evaluate(() => window.__probe());
  await bare.close();
  return probe;
}

// Issue 10 follow-up: with all 2 000 posts in the DOM at once the pipeline
// now scans, classifies and badges in slices (read phase, write phase,
// yield), persona lookups are indexed by author and the panel redraws at most
// every 600 ms while work is pending. The probe starts before the posts are
// inserted (the first scan starts at once: throttle, not debounce), so it
// also sees the page's own insertion and first layout. The panel is keyed
// (ui/panel.js): rows are reused by post key and at most 100 are in the DOM,
// so a redraw no longer rebuilds 2 000 rows (three runs in a row: frame gap
// 383 / 233 / 317 ms, longest task 282 / 173 / 189 ms).
test('a page with 2 000 posts in the DOM at once is badged without freezing the page', async () => {
  const base = await baselineProbe(browser.context);
  const raw = await browser.context.newPage();
  const rawErrors = [];
  raw.on('pageerror', (e) => rawErrors.push(e.message));
  await raw.route('https://x.com/many', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: MANY_BODY }));
  await raw.goto('https://x.com/many');
  await raw.waitForFunction(() => document.documentElement.hasAttribute('data-webcare-lens'));
  await raw.evaluate(PROBE);
  await raw.evaluate(INSERT_CELLS, generated(2000));
  await raw.waitForFunction(() => document.querySelectorAll('[data-webcare-state="done"]').length === 2000, null,
                            { timeout: 60000, polling: 250 });
  // Scroll to the end and back: badges and panel follow.
  await raw.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await raw.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await raw.evaluate(() => window.scrollTo(0, 0));
  await raw.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const probe = await raw.evaluate(() => window.__probe());
  console.log(`# 2000 posts in the DOM: all badged; longest frame gap ${probe.maxGap} ms, longest task ${probe.maxLongTask} ms, ${probe.frames} frames (page alone: ${base.maxGap} / ${base.maxLongTask} ms)`);
  assert.ok(probe.maxLongTask < RESPONSIVE_MS + base.maxLongTask, `longest task ${probe.maxLongTask} ms (page alone ${base.maxLongTask} ms)`);
  assert.ok(probe.maxGap < RESPONSIVE_MS + base.maxGap, `longest frame gap ${probe.maxGap} ms (page alone ${base.maxGap} ms)`);
  assert.equal(await raw.locator('[data-webcare-error]').count(), 0);
  assert.deepEqual(rawErrors, []);
  await raw.close();
});
