// brands-e2e.test.mjs — issue 12 in Chromium on the fixture sites: two brand
// profiles picked by the account posting on the page (X @coolblue, Facebook
// "Reageer als Anna Jansen") and by the popup (LinkedIn); lint follows the
// active profile; a reply with a promise posted on X goes on the customer's
// timeline with its due time and response time; the same person on Facebook,
// linked by hand on the customers page, shows the X timeline, the open
// promise and a hint on the badge; a list filter in the panel; the stats page
// per brand; a malformed profile file changes nothing; "vergeet deze klant".
// Screenshots of the new UI go to build/shots/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { root } from './lib/browser.mjs';
import { SITES, expectedPosts } from './lib/fixtures.mjs';
import { openSite, setStorage, waitForLint } from './lib/composer.mjs';
import { seriousViolations } from './lib/pages.mjs';

const SHOTS = path.join(root, 'build/shots');
mkdirSync(SHOTS, { recursive: true });
const MODAL = '[aria-labelledby="modal-header"] [data-testid="tweetTextarea_0"]';
const PROFILES = {
  v: 1, active: 'default', profiles: [
    { id: 'coolblue', name: 'Coolblue', handles: { x: ['@coolblue'] }, agent: 'Sanne', signoff: '^{name}' },
    { id: 'bakkerij', name: 'Bakkerij Jansen', handles: { facebook: ['Anna Jansen'] }, agent: 'Anna', style: 'u', gate: { facebook: 'block' } },
  ],
};

let browser;
let x;
let fb;
let extBase;
before(async () => {
  ({ browser, page: x } = await openSite(SITES.x));
  extBase = `chrome-extension://${browser.extensionId}/extension/pages/`;
  await setStorage(browser, { 'webcare.profiles': PROFILES });
});
after(async () => {
  await browser?.close();
});

const storage = (keys) => (browser.currentWorker() ?? browser.worker).evaluate((k) => chrome.storage.local.get(k), keys);
const profileOf = (page) => page.evaluate(() => [document.documentElement.getAttribute('data-webcare-profile'),
                                                 document.documentElement.getAttribute('data-webcare-profile-via')]);
const shot = (page, name, opts = {}) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), ...opts });

async function until(cond, ms = 10000) {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The badge host of the post by `author` (badge attributes + tooltip content, read while the
 * pointer is on the chip: the tooltip is built when it is shown). */
const badgeOf = (page, author) => page.evaluate((a) => {
  const el = [...document.querySelectorAll('[data-webcare-key]')].find((e) => e.textContent.includes(a));
  const b = el?.querySelector('webcare-badge');
  if (!b) return null;
  const chip = b.shadowRoot.querySelector('button.chip');
  chip.dispatchEvent(new MouseEvent('mouseenter'));
  const out = { lists: b.getAttribute('data-lists'), hints: b.getAttribute('data-hints'), promise: b.getAttribute('data-promise'),
                timeline: [...b.shadowRoot.querySelectorAll('.timeline li')].map((li) => `${li.dataset.site}:${li.dataset.kind}`),
                tip: b.shadowRoot.querySelector('.tip')?.textContent ?? '' };
  chip.dispatchEvent(new MouseEvent('mouseleave'));
  return out;
}, author);

test('two brands: the account on the page picks the profile; lint follows it', async () => {
  await x.reload();
  await x.waitForFunction(() => document.documentElement.getAttribute('data-webcare-profile') === 'coolblue');
  assert.deepEqual(await profileOf(x), ['coolblue', 'account']);
  fb = await browser.context.newPage();
  await fb.goto(SITES.facebook);
  await fb.waitForFunction(() => document.documentElement.getAttribute('data-webcare-profile') === 'bakkerij', null, { timeout: 15000 });
  assert.deepEqual(await profileOf(fb), ['bakkerij', 'account']);
  // Same draft, two brands: Bakkerij's house style is "u", so "je" is a register finding there only.
  const draft = 'Hoi Pieter, goede reis! Laat je weten hoe het was?';
  const posts = await fb.evaluate(() => window.__fixture.posts);
  const i = posts.findIndex((p) => p.name === 'Pieter Visser');
  await fb.evaluate((n) => document.querySelectorAll('[contenteditable="true"][role="textbox"]')[n].setAttribute('data-t', 'pieter'), i);
  await fb.locator('[data-t="pieter"]').scrollIntoViewIfNeeded();
  await fb.locator('[data-t="pieter"]').click();
  await fb.keyboard.type(draft);
  const onFb = await waitForLint(fb, '[data-t="pieter"]', ['register-mix']);
  assert.ok(onFb.findings.includes('sign-off'), 'agent name Anna expected');
  await fb.keyboard.press('Control+a');
  await fb.keyboard.press('Delete');

  const xPosts = await x.evaluate(() => window.__fixture.posts);
  const pieter = xPosts.find((p) => p.handle === 'pietervisser');
  await x.bringToFront();
  await x.waitForSelector(`[data-webcare-key^="x:${pieter.id}:"][data-webcare-type]`, { timeout: 15000 });
  await x.evaluate((id) => window.__fixture.openReply(id), pieter.id);
  await x.locator(MODAL).click();
  await x.keyboard.type(`@pietervisser ${draft.slice(4)}`);
  const onX = await waitForLint(x, MODAL, ['sign-off'], { absent: ['register-mix'] });
  assert.ok(!onX.findings.includes('register-mix'));
});

test('a reply with a promise posted on X: timeline, due time and response time', async () => {
  const pieter = (await x.evaluate(() => window.__fixture.posts)).find((p) => p.handle === 'pietervisser');
  await x.keyboard.press('Control+a');
  await x.keyboard.press('Delete');
  const reply = '@pietervisser Goede reis! Ik stuur je morgen vóór 12:00 een DM met de nieuwe dienstregeling. ^Sanne';
  await x.keyboard.type(reply);
  await waitForLint(x, MODAL, [], { absent: ['sign-off'] });
  await shot(x, 'brands-x-lint-card');
  const before = await x.evaluate(() => window.__fixture.posted.length);
  await x.keyboard.press('Control+Enter');
  const gate = await x.locator(MODAL).getAttribute('data-webcare-gate').catch(() => null);
  if (gate === 'warned') await x.keyboard.press('Control+Enter');
  await x.waitForFunction((n) => window.__fixture.posted.length > n, before);
  let ev = null;
  await until(async () => {
    const got = await storage('webcare.timeline');
    ev = got['webcare.timeline']?.events?.find((e) => e.kind === 'reply');
    return Boolean(ev);
  });
  assert.equal(ev.account, 'x:@pietervisser');
  assert.equal(ev.profile, 'coolblue');
  assert.equal(ev.promise.kind, 'bericht');
  const due = new Date(ev.ts);
  due.setDate(due.getDate() + 1);
  due.setHours(12, 0, 0, 0);
  assert.equal(ev.promise.due, due.getTime(), 'tomorrow 12:00 local time');
  // The fixture's tweets are dated March 2026: older than 7 days when first seen, so the
  // response time counts from the moment the badge saw it (the page time is stored).
  const mention = (await storage('webcare.timeline'))['webcare.timeline'].events.find((e) => e.id === `m:${ev.replyTo}`);
  const posted = Date.parse(expectedPosts('x', 'home').find((p) => p.handle === 'pietervisser').datetime);
  assert.equal(mention.postedTs, posted, 'the tweet time[datetime] is read');
  assert.equal(ev.responseFrom, 'seen');
  assert.equal(ev.responseMs, ev.ts - mention.ts);
  assert.equal(pieter.handle, 'pietervisser');
  const checks = (await storage('webcare.checks'))['webcare.checks']?.checks ?? [];
  assert.ok(checks.some((c) => c.source === 'composer' && c.profile === 'coolblue'), 'counted in the stats per profile');
});

test('the same person on Facebook, linked by hand: X timeline, open promise and hint on the badge; list filter', async () => {
  await fb.bringToFront();
  await fb.waitForFunction(() => [...document.querySelectorAll('[data-webcare-key]')].some((e) => e.textContent.includes('Pieter Visser')
    && e.hasAttribute('data-webcare-type')), null, { timeout: 15000 });
  await until(async () => ((await storage('webcare.timeline'))['webcare.timeline']?.events ?? [])
    .some((e) => e.account === 'facebook:pieter visser'));
  assert.equal((await badgeOf(fb, 'Pieter Visser')).promise, null, 'not linked yet');

  const cust = await browser.context.newPage();
  await cust.goto(`${extBase}customers.html?account=${encodeURIComponent('x:@pietervisser')}`);
  await cust.waitForSelector('body[data-ready="true"]');
  await cust.waitForSelector('.promises li[data-state="open"]');
  await cust.selectOption('#link-select', 'facebook:pieter visser');
  await cust.click('#link');
  await cust.waitForSelector('.accounts li[data-account="facebook:pieter visser"]');
  await cust.fill('#cust-name', 'Pieter Visser');
  await cust.locator('#cust-name').press('Tab');
  await cust.check('input[data-list="vip"]');
  await cust.waitForSelector('.cust-item[aria-current="true"] .tag[data-list="vip"]');
  await shot(cust, 'brands-customers-page', { fullPage: true });

  await fb.bringToFront();
  await until(async () => (await badgeOf(fb, 'Pieter Visser'))?.promise === 'open');
  const b = await badgeOf(fb, 'Pieter Visser');
  assert.equal(b.lists, 'vip');
  assert.ok(b.timeline.includes('x:mention') && b.timeline.includes('x:reply'), b.timeline.join(' '));
  assert.match(b.hints, /open-belofte/);
  assert.match(b.tip, /Ik stuur je morgen vóór 12:00 een DM/);
  const chip = fb.locator('[data-webcare-key] webcare-badge[data-lists="vip"] button.chip').first();
  await chip.scrollIntoViewIfNeeded();
  await chip.hover();
  await shot(fb, 'brands-facebook-badge');

  // Panel: the list filter shows only customers on the VIP list.
  const panel = fb.locator('webcare-panel');
  await panel.locator('button.head').click();
  await panel.locator('select').selectOption('vip');
  const keys = await fb.evaluate(() => [...document.querySelector('webcare-panel').shadowRoot.querySelectorAll('.item')].map((i) => i.dataset.key));
  const pieterKey = await fb.evaluate(() => [...document.querySelectorAll('[data-webcare-key]')]
    .find((e) => e.textContent.includes('Pieter Visser')).getAttribute('data-webcare-key'));
  assert.deepEqual(keys, [pieterKey]);
  await shot(fb, 'brands-panel-filter');
  await panel.locator('select').selectOption('');
  await panel.locator('button.head').click();
  // The lint card of Pieter's comment box: the open promise as a hint, and the brand we answer as.
  await fb.locator('[data-t="pieter"]').click();
  await fb.keyboard.type('Hoi Pieter');
  await fb.waitForFunction(() => /open-belofte/.test(document.querySelector('webcare-lint-card')?.getAttribute('data-hints') ?? ''));
  assert.equal(await fb.locator('webcare-lint-card').getAttribute('data-brand'), 'Bakkerij Jansen');
  await shot(fb, 'brands-facebook-lint-hints');
  await fb.keyboard.press('Control+a');
  await fb.keyboard.press('Delete');
  await cust.close();
});

test('stats per brand: response time tile, table and CSV; filter on a brand without replies', async () => {
  const st = await browser.context.newPage();
  await st.goto(`${extBase}stats.html`);
  await st.waitForSelector('body[data-ready="true"]');
  assert.notEqual(await st.textContent('[data-kpi="response"] .kpi-value'), '–');
  assert.equal(await st.locator('table.resp tr[data-profile="coolblue"]').count(), 1);
  const [dl] = await Promise.all([st.waitForEvent('download'), st.click('#csv-response')]);
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(await dl.path(), 'utf8').trim().split('\r\n');
  assert.equal(csv[0], 'datum;tijd;merk;site;klant;reactietijd_minuten;gemeten_vanaf');
  assert.match(csv[1], /;Coolblue;x;Pieter Visser;\d+\.\d;gezien$/);
  await shot(st, 'brands-stats', { fullPage: true });
  await st.selectOption('#f-profile', 'bakkerij');
  assert.equal(await st.textContent('[data-kpi="response"] .kpi-value'), '–');
  await st.close();
});

test('popup: one click switches the chosen profile (used where no account matches)', async () => {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 440, height: 600 });
  await popup.goto(`${extBase}popup.html`);
  await popup.click('.profile[data-profile="bakkerij"]');
  await popup.waitForSelector('.profile[data-profile="bakkerij"][aria-checked="true"]');
  assert.equal((await storage('webcare.profiles'))['webcare.profiles'].active, 'bakkerij');
  await shot(popup, 'brands-popup');
  await popup.close();
  const li = await browser.context.newPage();
  await li.goto(SITES.linkedin);
  await li.waitForFunction(() => document.documentElement.getAttribute('data-webcare-profile') === 'bakkerij', null, { timeout: 15000 });
  assert.deepEqual(await profileOf(li), ['bakkerij', 'chosen'], 'LinkedIn account "Anna Jansen" is not claimed: the chosen one');
  // X stays with the brand that owns @coolblue.
  assert.deepEqual(await profileOf(x), ['coolblue', 'account']);
  await li.close();
});

test('options: a malformed profile file changes nothing; a good one is added', async () => {
  const opts = await browser.context.newPage();
  await opts.goto(`${extBase}options.html`);
  await opts.waitForSelector('#brands-root[data-ready="true"]');
  const before = JSON.stringify((await storage('webcare.profiles'))['webcare.profiles']);
  await opts.setInputFiles('#brand-file', { name: 'kapot.json', mimeType: 'application/json',
                                            buffer: Buffer.from('{"webcareLensProfile": 1, "name": "Bol", "gate": {"x": "soms"}}') });
  await opts.click('#brand-import');
  await opts.waitForSelector('#brand-error code');
  assert.match(await opts.textContent('#brand-error'), /niets veranderd[\s\S]*gate\.x/);
  assert.equal(JSON.stringify((await storage('webcare.profiles'))['webcare.profiles']), before);
  await opts.setInputFiles('#brand-file', { name: 'bol.json', mimeType: 'application/json',
                                            buffer: Buffer.from(JSON.stringify({ webcareLensProfile: 1, name: 'Bol', handles: { x: ['@bol'] }, style: 'je' })) });
  await opts.click('#brand-import');
  await opts.waitForSelector('.brand[data-profile="bol"]');
  await opts.locator('#brands').scrollIntoViewIfNeeded();
  await shot(opts, 'brands-options');
  await opts.close();
});

test('customers page, brand section and popup switch have no serious accessibility violations (axe)', async () => {
  for (const [name, ready] of [['customers.html', 'body[data-ready="true"]'], ['options.html', '#brands-root[data-ready="true"]'],
                               ['popup.html', '.profile[aria-checked="true"]']]) {
    const page = await browser.context.newPage();
    await page.goto(extBase + name);
    await page.waitForSelector(ready);
    assert.deepEqual(await seriousViolations(page), [], name);
    await page.close();
  }
});

test('erasure: "vergeet deze klant" removes the timeline, links and history; open tabs follow', async () => {
  const cust = await browser.context.newPage();
  await cust.goto(`${extBase}customers.html?account=${encodeURIComponent('facebook:pieter visser')}`);
  await cust.waitForSelector('.accounts li[data-account="x:@pietervisser"]');
  await cust.click('#forget');
  await cust.click('#forget-confirm');
  await cust.waitForSelector('#status:has-text("vergeten")');
  const got = await storage(['webcare.timeline', 'webcare.customers', 'webcare.history']);
  const gone = new Set(['x:@pietervisser', 'facebook:pieter visser']);
  assert.equal(got['webcare.timeline'].events.filter((e) => gone.has(e.account)).length, 0);
  assert.ok(got['webcare.timeline'].events.length > 0, 'other customers stay');
  assert.equal(got['webcare.customers'].customers.length, 0);
  assert.equal(got['webcare.history'].mentions.filter((m) => /pieter/i.test(m.author ?? '')).length, 0);
  await until(async () => (await badgeOf(fb, 'Pieter Visser'))?.promise === null);
  assert.equal((await badgeOf(fb, 'Pieter Visser')).lists, null);
  await cust.close();
});
