// gate-x.test.mjs — the pre-post gate's edges on the x.com fixture: it fails
// open (engine error in the service worker, engine slower than 300 ms), mode
// off never holds a post, and untrusted (script) clicks are not gated.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SITES } from './lib/fixtures.mjs';
import { openSite, setSettings, setStorage, waitForLint } from './lib/composer.mjs';

const MODAL = '[aria-labelledby="modal-header"] [data-testid="tweetTextarea_0"]';
const BAD = 'We gaan ernaar kijken!!!';
let browser;
let page;
let target;

before(async () => {
  ({ browser, page } = await openSite(SITES.x));
  target = (await page.evaluate(() => window.__fixture.posts)).find((p) => p.expectedType === 'angry');
});
after(async () => {
  await browser?.close();
});

const posted = () => page.evaluate(() => window.__fixture.posted.length);

async function typeReply(text) {
  await page.evaluate((id) => window.__fixture.openReply(id), target.id);
  await page.locator(MODAL).click();
  await page.keyboard.type(text);
}

async function expectSkipped(before) {
  await page.waitForFunction((n) => window.__fixture.posted.length === n + 1, before);
  await page.waitForSelector('webcare-toast[data-webcare-notice="skipped"]', { state: 'attached' });
  const notice = await page.evaluate(() => document.querySelector('webcare-toast').shadowRoot.textContent);
  assert.match(notice, /overgeslagen/);
}

test('gate fails open when the engine answers with an error', async () => {
  const worker = browser.currentWorker() ?? browser.worker;
  await worker.evaluate(() => {
    globalThis.__lint = globalThis.webcareHost.lint;
    globalThis.webcareHost.lint = async () => ({ error: { code: 'engine-error', message: 'test: broken engine' } });
  });
  await typeReply(BAD);
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-webcare-lint') === 'error', MODAL);
  const before = await posted();
  await page.keyboard.press('Control+Enter');
  await expectSkipped(before);
  await worker.evaluate(() => {
    globalThis.webcareHost.lint = globalThis.__lint;
  });
});

test('gate fails open when the engine is slower than 300 ms', async () => {
  await setStorage(browser, { 'webcare.test.failEngine': 'slow' });
  await typeReply(BAD);
  const before = await posted();
  await page.keyboard.press('Control+Enter');
  await expectSkipped(before);
  await setStorage(browser, { 'webcare.test.failEngine': null });
});

test('mode off: a reply with findings posts at once', async () => {
  await setSettings(browser, { gate: { x: 'off' } });
  await typeReply(BAD);
  await waitForLint(page, MODAL, ['shouting']);
  const before = await posted();
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction((n) => window.__fixture.posted.length === n + 1, before);
});

test('untrusted (script) clicks are not gated, trusted ones are', async () => {
  await setSettings(browser, { gate: { x: 'block' } });
  await typeReply('Hoi, zoals op onze site staat had je dit kunnen lezen.');
  await waitForLint(page, MODAL, ['condescending']);
  const button = '[aria-labelledby="modal-header"] [data-testid="tweetButton"]';
  let before = await posted();
  await page.locator(button).click();
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-webcare-gate') === 'blocked', MODAL);
  assert.equal(await posted(), before);
  before = await posted();
  await page.evaluate((sel) => document.querySelector(sel).click(), button);
  await page.waitForFunction((n) => window.__fixture.posted.length === n + 1, before);
  await setSettings(browser, { gate: { x: 'warn' } });
});
