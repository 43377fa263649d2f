// ime.test.mjs — IME composition in the real editors (Lexical on the
// facebook.com fixture, Draft.js on x.com). An agent typing through an input
// method (dead keys, a phone keyboard's autocorrect, a CJK/emoji picker)
// produces composition events; the extension must never disturb them: the
// composed text lands in the editor model unchanged, the lint follows the
// committed text, and Enter that commits a composition (keyCode 229) is not a
// submit, so the gate neither holds nor posts it. Composition is driven
// through the DevTools protocol (Input.imeSetComposition / insertText), the
// same path Chromium's own IME tests use.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SITES } from './lib/fixtures.mjs';
import { composerState, openSite, waitForLint } from './lib/composer.mjs';

const FB = '[data-test-composer="ime"]';
const X_MODAL = '[aria-labelledby="modal-header"] [data-testid="tweetTextarea_0"]';

/** Composes `steps` (the IME's intermediate strings) and commits `final`. */
async function compose(cdp, steps, final) {
  for (const text of steps) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }
  await cdp.send('Input.insertText', { text: final });
}

/**
 * An Enter key press as an IME sends it while composing (keyCode 229), with the
 * site's submit modifiers (Ctrl on X) so only the composition check stops it.
 */
async function imeEnter(cdp, modifiers) {
  const base = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229, modifiers };
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...base });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
}

for (const site of ['facebook', 'x']) describe(site, () => {
  let browser;
  let page;
  let errors;
  let cdp;
  let sel;
  let index = 0;
  const modelText = () => page.evaluate((i) => window.__fixture.getEditorText(i), index);
  const posted = () => page.evaluate(() => window.__fixture.posted.length);

  before(async () => {
    ({ browser, page, errors } = await openSite(SITES[site]));
    cdp = await page.context().newCDPSession(page);
    if (site === 'facebook') {
      sel = FB;
      await page.evaluate(() => {
        document.querySelector('[contenteditable="true"][role="textbox"]').setAttribute('data-test-composer', 'ime');
      });
    } else {
      sel = X_MODAL;
      const post = await page.evaluate(() => window.__fixture.posts[0]);
      await page.evaluate((id) => window.__fixture.openReply(id), post.id);
      index = undefined;
    }
    await page.locator(sel).scrollIntoViewIfNeeded();
    await page.locator(sel).click();
  });
  after(async () => {
    await browser?.close();
  });

  test(`${site}: composed text lands unchanged in the editor and is linted after commit`, async () => {
    await page.keyboard.type('Hoi Lotte, ');
    // A dead-key / autocorrect style composition: intermediate strings, then the commit.
    await compose(cdp, ['w', 'we', 'we g', 'we gaa'], 'we gaan ernaar kijken');
    await page.keyboard.type('!!!');
    const text = 'Hoi Lotte, we gaan ernaar kijken!!!';
    await page.waitForFunction(({ i, t }) => window.__fixture.getEditorText(i) === t, { i: index, t: text });
    const state = await waitForLint(page, sel, ['shouting', 'empty-promise']);
    assert.equal(await modelText(), text, 'the composition is not split, doubled or lost');
    assert.ok(state.findings.includes('empty-promise'), 'the lint sees the committed words');
  });

  test(`${site}: Enter that commits a composition is neither held nor posted`, async () => {
    const before = await posted();
    await cdp.send('Input.imeSetComposition', { text: ' 😀', selectionStart: 3, selectionEnd: 3 });
    await imeEnter(cdp, site === 'x' ? 2 : 0); // 2 = Ctrl
    await cdp.send('Input.insertText', { text: ' 😀' });
    // Give a (wrong) gate the time it would need to act.
    await page.waitForTimeout(400);
    assert.equal(await posted(), before, 'no post from a composition Enter');
    const gate = (await composerState(page, sel)).gate;
    assert.notEqual(gate, 'warned', 'the gate did not treat the composition Enter as a submit');
    assert.match(await modelText(), /kijken!!! ?😀$/);
    assert.deepEqual(errors, []);
  });
});
