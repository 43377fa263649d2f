// composer.mjs — shared steps of the composer / gate e2e suites (issue 7):
// launch Chromium with the extension on the fixture pages, read the
// composer contract attributes, the underlines (CSS Custom Highlight API
// ranges, read from the page) and the side card, and change settings.
import { launchWithExtension } from './browser.mjs';
import { serveFixtures } from './fixtures.mjs';
import { nativeCall } from '../../wasm/helpers.mjs';

export const SETTINGS_KEY = 'webcare.settings';

export async function openSite(url, { strictCsp = true, settings = null } = {}) {
  const browser = await launchWithExtension();
  await serveFixtures(browser.context, { strictCsp });
  if (settings) await setSettings(browser, settings);
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => window.__fixture && document.documentElement.hasAttribute('data-webcare-lens'),
                             null, { timeout: 15000 });
  return { browser, page, errors };
}

/** Writes chrome.storage.local through the extension's service worker. */
export async function setStorage(browser, values) {
  const worker = browser.currentWorker() ?? browser.worker;
  await worker.evaluate((v) => chrome.storage.local.set(v), values);
}

export const setSettings = (browser, settings) => setStorage(browser, { [SETTINGS_KEY]: settings });

/** Contract attributes of the composer matching `sel`. */
export function composerState(page, sel) {
  return page.locator(sel).evaluate((el) => ({
    findings: el.getAttribute('data-webcare-findings'),
    score: el.getAttribute('data-webcare-score'),
    lint: el.getAttribute('data-webcare-lint'),
    gate: el.getAttribute('data-webcare-gate'),
    editor: el.getAttribute('data-webcare-editor'),
  }));
}

/**
 * Waits until the composer's lint is done for exactly `text` (as the
 * extension reads it) and its findings satisfy `rules` (all listed ids present).
 */
export async function waitForLint(page, sel, rules = [], { absent = [], timeout = 10000 } = {}) {
  await page.waitForFunction(({ sel, rules, absent }) => {
    const el = document.querySelector(sel);
    if (!el || el.getAttribute('data-webcare-lint') !== 'done') return false;
    const ids = (el.getAttribute('data-webcare-findings') ?? '').split(' ').filter(Boolean);
    return rules.every((r) => ids.includes(r)) && absent.every((r) => !ids.includes(r));
  }, { sel, rules, absent }, { timeout });
  return composerState(page, sel);
}

/** The underlines as the page sees them: [{severity, text, rect, inEditor}]. */
export function underlines(page, sel) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    const box = root.getBoundingClientRect();
    const out = [];
    for (const severity of ['error', 'warning', 'info']) {
      const h = CSS.highlights.get(`webcare-${severity}`);
      if (!h) continue;
      for (const r of h) {
        if (!root.contains(r.startContainer)) continue;
        const rect = r.getBoundingClientRect();
        out.push({ severity, text: r.toString(), rect: { x: rect.x, y: rect.y, w: rect.width, h: rect.height },
                   inEditor: rect.width > 0 && rect.left >= box.left - 1 && rect.right <= box.right + 1
                     && rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1 });
      }
    }
    return out;
  }, sel);
}

/** The side card's visible state. */
export function cardState(page) {
  return page.evaluate(() => {
    const host = document.querySelector('webcare-lint-card');
    if (!host) return null;
    const r = host.shadowRoot;
    return {
      hidden: host.hidden,
      gate: host.getAttribute('data-gate'),
      rules: [...r.querySelectorAll('.finding')].map((f) => f.getAttribute('data-rule')),
      messages: [...r.querySelectorAll('.finding .msg')].map((m) => m.textContent),
      score: r.querySelector('.score span')?.textContent ?? null,
      count: r.querySelector('.count')?.textContent ?? null,
      meter: r.querySelector('.meter')?.getAttribute('data-state') ?? null,
      mentionType: r.querySelector('.ctx .type')?.getAttribute('data-type') ?? null,
      context: r.querySelector('.ctx')?.textContent ?? null,
      steps: r.querySelectorAll('.step').length,
    };
  });
}

/** Clicks the first "apply" button of the finding with rule id `rule` in the card. */
export async function applySuggestion(page, rule) {
  await page.locator(`webcare-lint-card .finding[data-rule="${rule}"] button[data-action="apply"]`).first().click();
}

/** The native engine's lint result for a request (the reference for offsets). */
export function nativeLint(request) {
  const [line] = nativeCall([JSON.stringify({ op: 'lint', ...request })]);
  return JSON.parse(line).result;
}

/** Checks every native finding with a span has an underline over exactly that text. */
export function missingUnderlines(native, text, lines) {
  return native.findings.filter((f) => f.end > f.start)
    .filter((f) => !lines.some((u) => u.severity === f.severity && u.text === text.slice(f.start, f.end)))
    .map((f) => `${f.rule} "${text.slice(f.start, f.end)}"`);
}

/**
 * The feed-site suite (Facebook, LinkedIn): one comment composer per post.
 * opts: {site, url, editor, submitKey, newlineKey?, submitButton(index) -> selector}
 */
export function defineFeedSuite({ site, label = site, url, editor, submitKey, newlineKey = null, submitButton },
                                { test, before, after, assert }) {
  const SEL = '[data-test-composer="target"]';
  let browser;
  let page;
  let errors;
  let index;
  let post;
  let mentionType;

  before(async () => {
    ({ browser, page, errors } = await openSite(url));
    const posts = await page.evaluate(() => window.__fixture.posts);
    index = posts.findIndex((p) => p.expectedType === 'angry');
    if (index < 0) index = 0;
    post = posts[index];
    await page.evaluate((i) => {
      const eds = document.querySelectorAll('[contenteditable="true"][role="textbox"]');
      eds[i].setAttribute('data-test-composer', 'target');
    }, index);
  });
  after(async () => {
    await browser?.close();
  });

  const posted = () => page.evaluate(() => window.__fixture.posted.length);
  const modelText = () => page.evaluate((i) => window.__fixture.getEditorText(i), index);
  const clear = async () => {
    await page.locator(SEL).click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
  };

  test(`${label}: a bad comment is underlined at the engine offsets and the card shows the rules`, async () => {
    await page.locator(SEL).scrollIntoViewIfNeeded();
    await page.locator(SEL).click();
    const text = 'Hoi 😀 Lotte!!! We gaan ernaar kijken.';
    await page.keyboard.type(text);
    const state = await waitForLint(page, SEL, ['shouting', 'empty-promise']);
    assert.equal(state.editor, editor);
    assert.equal(await modelText(), text);
    const card = await cardState(page);
    assert.equal(card.hidden, false);
    assert.ok(card.rules.includes('shouting'));
    assert.ok(card.mentionType, 'the post the box belongs to is found and typed');
    mentionType = card.mentionType;
    const native = nativeLint({ text, platform: site, mention: { text: post.text, type: mentionType } });
    assert.deepEqual(state.findings.split(' ').sort(), [...new Set(native.findings.map((f) => f.rule))].sort());
    const lines = await underlines(page, SEL);
    assert.deepEqual(missingUnderlines(native, text, lines), []);
    assert.ok(lines.find((u) => u.text === '!!!')?.inEditor);
  });

  test(`${label}: apply suggestion edits the ${editor} model behind an emoji; the caret stays`, async () => {
    await applySuggestion(page, 'shouting');
    await page.waitForFunction((i) => window.__fixture.getEditorText(i) === 'Hoi 😀 Lotte! We gaan ernaar kijken.', index);
    await waitForLint(page, SEL, ['empty-promise'], { absent: ['shouting'] });
    await page.keyboard.type('X');
    assert.equal(await modelText(), 'Hoi 😀 Lotte!X We gaan ernaar kijken.');
    await page.keyboard.press('Backspace');
  });

  test(`${label}: warn mode — ${submitKey} is held once, then posts`, async () => {
    if (newlineKey) {
      // Let the editor take the new caret (selectionchange is async) before the next key.
      await page.evaluate(() => {
        window.__selMoved = new Promise((r) => document.addEventListener('selectionchange',
          () => requestAnimationFrame(() => setTimeout(r, 0)), { once: true }));
      });
      await page.keyboard.press('Control+End');
      await page.evaluate(() => window.__selMoved);
      await page.keyboard.press(newlineKey);
      await page.keyboard.type('Groet, Anna');
      assert.match(await modelText(), /kijken\.\n+Groet, Anna$/, `${newlineKey} is a newline, not a submit`);
    }
    await waitForLint(page, SEL, ['empty-promise']);
    const before = await posted();
    await page.keyboard.press(submitKey);
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-webcare-gate') === 'warned', SEL);
    assert.equal(await posted(), before);
    assert.equal((await cardState(page)).gate, 'warn');
    await page.keyboard.press(submitKey);
    await page.waitForFunction((n) => window.__fixture.posted.length === n + 1, before);
  });

  test(`${label}: a comment box added later (new post) is watched too`, async () => {
    const n = await page.evaluate(() => document.querySelectorAll('[contenteditable="true"][role="textbox"]').length);
    await page.evaluate(() => window.__fixture.addPosts());
    await page.waitForFunction((k) => document.querySelectorAll('[contenteditable="true"][role="textbox"]').length > k, n);
    await page.evaluate(() => {
      const eds = document.querySelectorAll('[contenteditable="true"][role="textbox"]');
      eds[eds.length - 1].setAttribute('data-test-composer', 'late');
    });
    const late = '[data-test-composer="late"]';
    await page.locator(late).scrollIntoViewIfNeeded();
    await page.locator(late).click();
    await page.keyboard.type('We gaan ernaar kijken!!!');
    await waitForLint(page, late, ['shouting']);
    assert.equal((await composerState(page, SEL)).findings, '', 'the first (posted, empty) box keeps its own state');
    await page.locator(late).click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
  });

  test(`${label}: a clean comment posts in one action (key and button)`, async () => {
    const clean = ['Hoi Lotte, bedankt voor je bericht en wat vervelend dat dit is gebeurd! Ik stuur je nu een bericht '
      + 'om het vandaag nog op te lossen. Groet, Anna',
    'Hoi Lotte, wat vervelend dat dit is gebeurd, en bedankt voor je bericht! Ik bel je vandaag om 15:00 om het op te lossen. Groet, Anna'];
    for (const text of clean) {
      const native = nativeLint({ text, platform: site, mention: { text: post.text, type: mentionType } });
      assert.deepEqual(native.findings.filter((f) => f.severity !== 'info').map((f) => f.rule), [],
                       `precondition: "${text}" is clean for a ${mentionType} mention`);
    }
    await clear();
    await page.keyboard.type(clean[0]);
    let before = await posted();
    await page.keyboard.press(submitKey);
    await page.waitForFunction((n) => window.__fixture.posted.length === n + 1, before);
    await page.locator(SEL).click();
    await page.keyboard.type(clean[1]);
    await waitForLint(page, SEL);
    before = await posted();
    await page.locator(submitButton(index)).first().click();
    await page.waitForFunction((n) => window.__fixture.posted.length === n + 1, before);
    assert.deepEqual(errors, []);
  });
}
