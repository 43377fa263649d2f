// composer-x.test.mjs — reply lint and pre-post gate on the x.com fixture
// (Draft.js, strict CSP): a bad reply in the reply dialog is underlined at
// the engine's offsets, the card shows the rules, "apply" fixes the Draft.js
// model (emoji before the range, caret after the insert), Ctrl+Enter is
// warned once and then posts, block mode holds an error until overridden,
// a clean reply posts in one action, and several composers live at once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SITES } from './lib/fixtures.mjs';
import {
  applySuggestion, cardState, composerState, missingUnderlines, nativeLint, openSite, setSettings, underlines,
  waitForLint,
} from './lib/composer.mjs';

const MODAL = '[aria-labelledby="modal-header"] [data-testid="tweetTextarea_0"]';
let browser;
let page;
let errors;
let angry;

before(async () => {
  ({ browser, page, errors } = await openSite(SITES.x));
  const posts = await page.evaluate(() => window.__fixture.posts);
  angry = posts.find((p) => p.expectedType === 'angry');
  assert.ok(angry, 'fixture has an angry mention');
});
after(async () => {
  await browser?.close();
});

async function openReply(post) {
  await page.evaluate((id) => window.__fixture.openReply(id), post.id);
  await page.locator(MODAL).click();
}

const posted = () => page.evaluate(() => window.__fixture.posted.length);
const modelText = () => page.evaluate(() => window.__fixture.getEditorText());

test('x: reply dialog is linted with underlines at the engine offsets and a card', async () => {
  await openReply(angry);
  const text = 'Hoi 😀 Mark!!! We gaan ernaar kijken.';
  await page.keyboard.type(text);
  const state = await waitForLint(page, MODAL, ['shouting', 'empty-promise']);
  assert.equal(state.editor, 'draft');
  assert.match(state.score, /^\d+$/);

  const card = await cardState(page);
  assert.equal(card.hidden, false);
  assert.equal(card.mentionType, 'angry', 'the mention being answered is found and typed');
  assert.ok(card.context.includes(`@${angry.handle}`), `the card names the author: ${card.context}`);
  assert.ok(card.rules.includes('shouting') && card.rules.includes('empty-promise'));
  assert.ok(card.messages.every((m) => m.length > 10), 'every finding has a Dutch message');
  assert.equal(card.steps, 9, 'the 9-step checklist is shown');
  assert.match(card.count, /^\d+ \/ 280/);

  const native = nativeLint({ text, platform: 'x', mention: { text: angry.text, type: 'angry' } });
  assert.deepEqual(state.findings.split(' ').sort(), [...new Set(native.findings.map((f) => f.rule))].sort());
  const lines = await underlines(page, MODAL);
  assert.deepEqual(missingUnderlines(native, text, lines), []);
  const bang = lines.find((u) => u.text === '!!!');
  assert.ok(bang?.inEditor, 'the "!!!" underline is drawn inside the editor');
});

test('x: the card is keyboard usable (Alt+Shift+L in, Enter applies, Esc back)', async () => {
  await page.keyboard.press('Alt+Shift+L');
  const focused = await page.evaluate(() => {
    const host = document.querySelector('webcare-lint-card');
    const el = host.shadowRoot.activeElement;
    return document.activeElement === host && el ? el.getAttribute('data-action') : null;
  });
  assert.equal(focused, 'apply', 'focus is on the first suggestion');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), MODAL), true);
});

test('x: apply suggestion edits the Draft.js model; the caret stays after the insert', async () => {
  const before = await posted();
  await applySuggestion(page, 'shouting');
  await page.waitForFunction(() => window.__fixture.getEditorText() === 'Hoi 😀 Mark! We gaan ernaar kijken.');
  await waitForLint(page, MODAL, ['empty-promise'], { absent: ['shouting'] });
  await page.keyboard.type('X');
  assert.equal(await modelText(), 'Hoi 😀 Mark!X We gaan ernaar kijken.');
  await page.keyboard.press('Backspace');
  assert.equal(await modelText(), 'Hoi 😀 Mark! We gaan ernaar kijken.');
  assert.equal(await posted(), before);
});

test('x: warn mode — first Ctrl+Enter shows the findings, the second posts', async () => {
  await waitForLint(page, MODAL, ['empty-promise']);
  const before = await posted();
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-webcare-gate') === 'warned', MODAL);
  assert.equal(await posted(), before, 'the first submit is held back');
  assert.equal((await cardState(page)).gate, 'warn');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction((n) => window.__fixture.posted.length === n + 1, before);
  const last = await page.evaluate(() => window.__fixture.posted.at(-1));
  assert.match(JSON.stringify(last), /We gaan ernaar kijken/);
});

test('x: block mode — an error stops click and Ctrl+Enter until overridden', async () => {
  await setSettings(browser, { gate: { x: 'block' } });
  await openReply(angry);
  await page.keyboard.type('Hoi Mark, zoals op onze site staat had je dit kunnen lezen.');
  await waitForLint(page, MODAL, ['condescending']);
  const before = await posted();
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-webcare-gate') === 'blocked', MODAL);
  await page.locator('[aria-labelledby="modal-header"] [data-testid="tweetButton"]').click();
  await page.keyboard.press('Control+Enter');
  assert.equal(await posted(), before, 'block mode never lets an error through by repeating');
  assert.equal((await cardState(page)).gate, 'block');
  await page.locator('webcare-lint-card button[data-action="override"]').click();
  await page.waitForFunction((n) => window.__fixture.posted.length === n + 1, before);
  await setSettings(browser, { gate: { x: 'warn' } });
});

test('x: a clean reply posts with one click', async () => {
  await openReply(angry);
  await page.keyboard.type('Hoi @markjansen_88, wat vervelend dat je al 3 dagen geen internet hebt! '
    + 'Ik stuur je nu een DM om het vandaag nog op te lossen. Groet, Sanne');
  const before = await posted();
  // No waiting for the lint: the gate asks the engine itself when the result is not fresh.
  await page.locator('[aria-labelledby="modal-header"] [data-testid="tweetButton"]').click();
  await page.waitForFunction((n) => window.__fixture.posted.length === n + 1, before);
});

test('x: several composers at once (inline reply + dialog) are each linted', async () => {
  await page.evaluate((p) => window.__fixture.navigate(`/${p.handle}/status/${p.id}`), angry);
  const inline = '[data-testid="inline_reply_offscreen"] [data-testid="tweetTextarea_0"]';
  await page.locator(inline).click();
  await page.keyboard.type('We gaan ernaar kijken!!!');
  await waitForLint(page, inline, ['shouting']);
  await openReply(angry);
  await page.keyboard.type('Wat vervelend, Mark. Ik bel je vandaag om 15:00.');
  await waitForLint(page, MODAL, [], { absent: ['shouting'] });
  const both = await page.evaluate(() => [...document.querySelectorAll('[data-webcare-editor]')].length);
  assert.ok(both >= 2, 'both composers are watched');
  assert.ok((await composerState(page, inline)).findings.includes('shouting'), 'the inline composer keeps its own findings');
  assert.deepEqual(errors, []);
});
