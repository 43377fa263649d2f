// pages-quick-check.test.mjs — the quick-check page and the toolbar popup:
// classification with evidence, findings with underlines, applying a
// suggestion, checklist/score/length, copying (counted in the stats), the
// popup's hand-off to the full page, keyboard use and axe.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { foreignRequests } from './lib/browser.mjs';
import { launchPages, readStorage, seedStorage, seriousViolations } from './lib/pages.mjs';

const MENTION = 'Al 3 dagen geen internet en niemand neemt op. Dit is echt belachelijk #fail';
const REPLY = 'We gaan er even naar kijken!! Zoals op onze site staat is er een storing.';

let b;
before(async () => {
  b = await launchPages();
});
after(async () => {
  await b?.close();
});

const waitChecked = (page) => page.waitForSelector('#reply-out[data-state="done"]', { timeout: 15000 });

test('quick check: type with evidence, findings underlined, apply a suggestion, copy counts', async () => {
  const page = await b.open('quick-check.html');
  await seedStorage(page, { 'webcare.settings': { agent: 'Sanne' } });
  await page.reload();
  await page.fill('#mention', MENTION);
  await page.fill('#reply', REPLY);
  await page.waitForSelector('#mention-out [data-result-type="angry"]', { timeout: 15000 });
  await waitChecked(page);
  assert.ok(await page.locator('#mention-out mark.ev').count() >= 1, 'evidence is highlighted in the mention');
  const rules = (await page.getAttribute('#reply-out', 'data-findings')).split(' ');
  for (const r of ['empathy-first', 'empty-promise', 'condescending', 'sign-off']) assert.ok(rules.includes(r), `${r} in ${rules}`);
  assert.ok(await page.locator('#reply-out .preview .u[data-severity="error"]').count() >= 1, 'an error is underlined');
  assert.equal(await page.locator('#reply-out .step').count(), 9, 'the 9-step checklist');
  assert.match(await page.textContent('#reply-out .meter'), /\/ 280 tekens/);
  const before = Number(await page.getAttribute('#reply-out', 'data-score'));

  // Apply the sign-off suggestion: the finding goes away, the text gets "^Sanne".
  const signoff = page.locator('.finding[data-rule="sign-off"] button.apply').first();
  await signoff.click();
  await page.waitForFunction(() => !document.querySelector('#reply-out').dataset.findings.split(' ').includes('sign-off'));
  assert.match(await page.inputValue('#reply'), /\^Sanne$/);
  assert.ok(Number(await page.getAttribute('#reply-out', 'data-score')) > before, 'score went up');

  // Switch platform: the length limit follows.
  await page.check('input[name="platform"][value="linkedin"]', { force: true });
  await page.waitForFunction(() => document.querySelector('#reply-out .meter')?.textContent.includes('/ 1250'));

  await page.click('#copy');
  await page.waitForSelector('#status[data-kind="ok"]');
  const store = await readStorage(page, ['webcare.checks']);
  const checks = store['webcare.checks'].checks;
  assert.equal(checks.length, 1);
  assert.equal(checks[0].source, 'quick-check');
  assert.equal(checks[0].site, 'linkedin');
  assert.equal(checks[0].mtype, 'angry');
  assert.deepEqual(await seriousViolations(page), []);
  await page.close();
});

test('quick check is keyboard-usable: tab from mention to reply to the buttons', async () => {
  const page = await b.open('quick-check.html');
  await page.focus('#mention');
  await page.keyboard.type('Hoe laat zijn jullie morgen open in Utrecht');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'reply');
  await page.keyboard.type('Hoi! Morgen zijn we van 9:00 tot 18:00 open. Groet, Sanne');
  await waitChecked(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'copy');
  assert.equal(await page.getAttribute('#mention-out [data-result-type]', 'data-result-type'), 'question');
  await page.close();
});

test('popup: compact check, hands its text to the full page', async () => {
  const page = await b.open('popup.html', { width: 420, height: 640 });
  await page.fill('#mention', 'Wat een topservice vandaag, dank jullie wel!');
  await page.fill('#reply', 'Ok, dat is fijn.');
  await page.waitForSelector('#mention-out [data-result-type="happy"]', { timeout: 15000 });
  await waitChecked(page);
  assert.ok((await page.getAttribute('#reply-out', 'data-findings')).includes('thanks'), 'happy mention not thanked');
  assert.deepEqual(await seriousViolations(page), []);
  const [full] = await Promise.all([b.context.waitForEvent('page'), page.click('#open-full')]);
  await full.waitForLoadState();
  assert.match(full.url(), /quick-check\.html\?/);
  assert.equal(await full.inputValue('#reply'), 'Ok, dat is fijn.');
  await full.close();
  await page.close();
  assert.deepEqual(foreignRequests(b.requests, []), [], 'no network requests');
});
