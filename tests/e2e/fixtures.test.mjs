// Smoke test of the fixture pages (tests/e2e/pages), WITHOUT the extension:
// each page renders the hooks of /work/shared/research/site-dom-and-peers.md,
// X recycles its cells, and typing into the real editors (Draft.js, Lexical,
// Quill) updates their models and posts. Needs `make fixtures`.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { serveFixtures, SITES, expectedPosts, expectedComments, CHROMIUM_ARGS, CHROMIUM_PATH } from './lib/fixtures.mjs';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
let browser;

before(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});
after(async () => { if (browser) await browser.close(); });

async function open(url, { strictCsp = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  const log = await serveFixtures(context, { strictCsp });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const response = await page.goto(url);
  await page.waitForFunction(() => window.__fixture && window.__fixture.posts.length > 0);
  return { context, page, log, errors, response };
}

/** Text of an X tweetText as an adapter reads it: text nodes + emoji <img alt>. */
const READ_TWEET_TEXT = `(el) => {
  let out = '';
  const walk = (n) => {
    for (const c of n.childNodes) {
      if (c.nodeType === 3) out += c.nodeValue;
      else if (c.nodeName === 'IMG') out += c.alt;
      else walk(c);
    }
  };
  walk(el);
  return out;
}`;

describe('x.com fixture', () => {
  test('timeline renders the X hooks, emoji as images, media-only tweets', async () => {
    const { context, page, errors } = await open(SITES.x);
    try {
      const expected = expectedPosts('x');
      assert.ok(expected.length >= 12);
      const cells = page.locator('div[data-testid="primaryColumn"] section[role="region"] > div[aria-label] > div > div[data-testid="cellInnerDiv"]');
      const n = await cells.count();
      assert.ok(n >= 4 && n <= 8, `virtualised: ${n} cells in the DOM`);
      const rows = await page.$$eval('article[data-testid="tweet"][tabindex="0"]', (arts, readSrc) => {
        const read = eval(readSrc); // eslint-disable-line no-eval
        return arts.map((a) => {
          const link = a.querySelector('a[href*="/status/"] > time[datetime]').parentElement;
          const user = a.querySelector('[data-testid="User-Name"]');
          const text = a.querySelector('div[data-testid="tweetText"][lang]');
          return {
            id: link.getAttribute('href').split('/status/')[1],
            handleHref: user.querySelector('a[href^="/"]').getAttribute('href'),
            at: [...user.querySelectorAll('span')].map((s) => s.textContent).find((t) => t.startsWith('@')),
            text: text ? read(text) : null,
            photo: !!a.querySelector('[data-testid="tweetPhoto"]'),
            cellStyle: a.closest('[data-testid="cellInnerDiv"]').style.transform,
          };
        });
      }, READ_TWEET_TEXT);
      assert.equal(rows.length, n);
      for (const row of rows) {
        const want = expected.find((p) => p.id === row.id);
        assert.ok(want, `known status id ${row.id}`);
        assert.equal(row.handleHref, `/${want.handle}`);
        assert.equal(row.at, `@${want.handle}`);
        assert.match(row.cellStyle, /^translateY\(\d+(\.\d+)?px\)$/);
        if (want.media) {
          assert.equal(row.text, null);
          assert.ok(row.photo);
        } else {
          assert.equal(row.text, want.text);
        }
      }
      assert.ok(await page.locator('div[data-testid="tweetText"] img[alt="😍"][draggable="false"]').count() >= 1);
      const media = expected.findIndex((p) => p.media);
      await page.evaluate((i) => window.__fixture.scrollTo(i), media);
      assert.ok(await page.locator('article[data-testid="tweet"]:not(:has([data-testid="tweetText"])) [data-testid="tweetPhoto"]').count() >= 1);
      assert.deepEqual(errors, []);
    } finally { await context.close(); }
  });

  test('virtualisation recycles the same cellInnerDiv node for another tweet', async () => {
    const { context, page } = await open(SITES.x);
    try {
      const first = await page.$('[data-testid="cellInnerDiv"]');
      const before = await first.evaluate((c) => c.querySelector('a[href*="/status/"]').getAttribute('href'));
      const beforeIds = await page.$$eval('[data-testid="cellInnerDiv"] a[href*="/status/"] > time', (ts) => ts.map((t) => t.parentElement.getAttribute('href')));
      await page.evaluate(() => window.__fixture.recycle());
      const after = await first.evaluate((c) => ({ connected: c.isConnected, href: c.querySelector('a[href*="/status/"]').getAttribute('href'), text: c.querySelector('[data-testid="tweetText"]')?.textContent }));
      assert.equal(after.connected, true, 'the node stays in the DOM');
      assert.notEqual(after.href, before, 'but shows another tweet');
      const afterIds = await page.$$eval('[data-testid="cellInnerDiv"] a[href*="/status/"] > time', (ts) => ts.map((t) => t.parentElement.getAttribute('href')));
      assert.equal(afterIds.filter((h) => beforeIds.includes(h)).length, 0, 'all visible tweets changed');
      // Scrolling far removes the first tweets from the DOM and keeps <= 8 cells.
      await page.evaluate(() => window.__fixture.scrollTo(20));
      const ids = await page.$$eval('[data-testid="cellInnerDiv"] a[href*="/status/"] > time', (ts) => ts.map((t) => t.parentElement.getAttribute('href')));
      assert.ok(!ids.includes(before));
      assert.ok(await page.locator('[data-testid="cellInnerDiv"]').count() <= 8);
      // New posts arrive at the top.
      const added = await page.evaluate(() => window.__fixture.addPosts());
      assert.equal(added.length, expectedPosts('x', 'new').length);
      await page.evaluate(() => window.__fixture.scrollTo(0));
      const top = await page.$eval('article[data-testid="tweet"] a[href*="/status/"] > time', (t) => t.parentElement.getAttribute('href'));
      assert.ok(top.endsWith(`/status/${added[0].id}`));
      assert.equal((await page.evaluate(() => window.__fixture.posts)).length, expectedPosts('x').length + added.length);
    } finally { await context.close(); }
  });

  test('SPA navigation to /notifications replaces the timeline element', async () => {
    const { context, page } = await open(SITES.x);
    try {
      const timeline = await page.$('div[data-testid="primaryColumn"] section[role="region"] > div[aria-label]');
      await page.evaluate(() => window.__fixture.navigate('/notifications'));
      assert.equal(await timeline.evaluate((t) => t.isConnected), false);
      assert.equal(new URL(page.url()).pathname, '/notifications');
      const label = await page.getAttribute('div[data-testid="primaryColumn"] section[role="region"] > div[aria-label]', 'aria-label');
      assert.equal(label, 'Tijdlijn: Meldingen');
      const ids = await page.$$eval('article[data-testid="tweet"] a[href*="/status/"] > time', (ts) => ts.map((t) => t.parentElement.getAttribute('href').split('/status/')[1]));
      const want = expectedPosts('x', 'notifications').map((p) => p.id);
      assert.ok(ids.length >= 4 && ids.every((id) => want.includes(id)));
      assert.ok(await page.locator('[data-testid="notification"]').count() >= 1);
      await page.goBack();
      await page.waitForSelector('section[role="region"] > div[aria-label="Tijdlijn: Je startpagina-tijdlijn"]');
    } finally { await context.close(); }
  });

  test('reply modal: Draft.js model follows typing; Ctrl+Enter posts', async () => {
    const { context, page } = await open(SITES.x);
    try {
      const target = expectedPosts('x')[1];
      await page.click(`article[data-testid="tweet"]:has(a[href="${target.url}"]) button[data-testid="reply"]`);
      const modal = page.locator('[aria-labelledby="modal-header"][role="dialog"]');
      const editor = modal.locator('.DraftEditor-root div[data-testid="tweetTextarea_0"][role="textbox"][contenteditable="true"]');
      await editor.waitFor();
      const button = modal.locator('button[data-testid="tweetButton"]');
      assert.equal(await button.getAttribute('aria-disabled'), 'true');
      await editor.click();
      await page.keyboard.type('Hoi Mark, wat vervelend! ');
      await page.keyboard.insertText('Ik stuur je een DM. 🙂');
      assert.equal(await page.evaluate(() => window.__fixture.getEditorText('tweetTextarea_0')), 'Hoi Mark, wat vervelend! Ik stuur je een DM. 🙂');
      assert.equal(await button.getAttribute('aria-disabled'), null);
      await page.keyboard.press(`${MOD}+Enter`);
      await page.waitForSelector('[data-testid="toast"] a[href*="/status/"]');
      assert.deepEqual(await page.evaluate(() => window.__fixture.posted), ['Hoi Mark, wat vervelend! Ik stuur je een DM. 🙂']);
      assert.equal(await modal.count(), 0, 'modal closes after posting');
      // Opening again gives an empty editor and a disabled button.
      await page.evaluate((id) => window.__fixture.openReply(id), target.id);
      assert.equal(await page.evaluate(() => window.__fixture.getEditorText()), '');
      assert.equal(await page.locator('button[data-testid="tweetButton"]').getAttribute('aria-disabled'), 'true');
    } finally { await context.close(); }
  });

  test('status page: inline reply composer posts with the button', async () => {
    const { context, page } = await open(SITES.x);
    try {
      const focus = expectedPosts('x', 'status')[0];
      await page.evaluate((u) => window.__fixture.navigate(u), focus.url);
      await page.waitForSelector('article[data-testid="tweet"][tabindex="-1"]');
      const box = page.locator('[data-testid="inline_reply_offscreen"]');
      const editor = box.locator('div[data-testid="tweetTextarea_0"]');
      await editor.click();
      await page.keyboard.type('Hoi @markjansen_88, sorry voor de storing.');
      assert.equal(await page.evaluate(() => window.__fixture.getEditorText()), 'Hoi @markjansen_88, sorry voor de storing.');
      await box.locator('button[data-testid="tweetButtonInline"]').click();
      await page.waitForSelector('[data-testid="toast"]');
      assert.equal(await page.evaluate(() => window.__fixture.getEditorText()), '');
      const log = await page.evaluate(() => window.__fixture.postLog);
      assert.equal(log.length, 1);
      assert.equal(log[0].via, 'button');
      assert.equal(log[0].inReplyTo, focus.id);
    } finally { await context.close(); }
  });

  test('strict CSP: the page runs on its nonce, WebAssembly is refused, other hosts are blocked', async () => {
    const { context, page, errors, response, log } = await open(SITES.x, { strictCsp: true });
    try {
      const csp = response.headers()['content-security-policy'];
      assert.match(csp, /script-src 'self' 'nonce-[^']+'/);
      assert.doesNotMatch(csp, /unsafe-eval|wasm-unsafe-eval/);
      assert.ok(await page.locator('article[data-testid="tweet"]').count() > 0);
      const wasm = await page.evaluate(() => WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => 'compiled', (e) => e.name));
      assert.equal(wasm, 'CompileError');
      const fetched = await page.evaluate(() => fetch('https://example.com/x').then(() => 'ok', () => 'failed'));
      assert.equal(fetched, 'failed');
      assert.deepEqual(errors.filter((e) => !/example\.com|Content Security Policy|Failed to load resource/.test(e)), []);
      assert.ok(log.requests.every((u) => new URL(u).hostname === 'x.com'));
    } finally { await context.close(); }
  });
});

describe('facebook fixture', () => {
  test('feed renders role=article and data-ad-rendering-role posts, decoys, Dutch comments', async () => {
    const { context, page, errors } = await open(SITES.facebook);
    try {
      const expected = expectedPosts('facebook');
      assert.ok(expected.length >= 8);
      const feed = page.locator('div[role="main"] div[role="feed"]');
      assert.equal(await feed.count(), 1);
      const withRole = expected.filter((p) => p.article).length;
      assert.ok(expected.length - withRole >= 2, 'at least two posts without role=article');
      assert.equal(await feed.locator('div[aria-posinset][role="article"]').count(), withRole);
      const messages = feed.locator('[data-ad-rendering-role="story_message"]');
      assert.equal(await messages.count(), expected.length);
      const posts = await page.$$eval('[data-ad-rendering-role="story_message"]', (ms) => ms.map((m) => {
        let unit = m;
        while (unit.parentElement && !unit.parentElement.matches('[role="feed"]')) unit = unit.parentElement;
        return {
          text: [...m.querySelectorAll('div[dir="auto"]')].map((d) => d.textContent).join('\n'),
          author: unit.querySelector('[data-ad-rendering-role="profile_name"] h3 a strong span, [data-ad-rendering-role="profile_name"] h3 a span')?.textContent
            ?? unit.querySelector('[data-ad-rendering-role="profile_name"] h3 a').textContent,
          permalink: unit.querySelector('a[href*="/posts/"]').getAttribute('href'),
          article: !!m.closest('[role="article"]'),
        };
      }));
      const strip = (s) => s.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
      posts.forEach((got, i) => {
        const want = expected[i];
        assert.equal(strip(got.text), want.text);
        assert.equal(got.text, want.shownText);
        assert.equal(strip(got.author), want.name);
        assert.ok(got.permalink.startsWith(`${want.url}?`), got.permalink);
        assert.equal(got.article, want.article);
      });
      assert.ok(posts.some((p) => p.text.includes('\u200B')), 'zero-width decoys in text');
      assert.ok(posts.some((p) => p.author.includes('\u200B')), 'zero-width decoys in author');
      const comments = expectedComments('facebook');
      const got = await page.$$eval('div[role="article"][aria-label^="Reactie van"]', (cs) => cs.map((c) => ({
        text: c.querySelector('div[dir="auto"]').textContent,
        nested: !!c.parentElement.closest('[role="article"]'),
      })));
      assert.deepEqual(got.map((c) => c.text), comments.map((c) => c.text));
      assert.ok(got.filter((c) => c.nested).length >= 1 && got.some((c) => !c.nested), 'comments inside article posts and inside role-less posts');
      assert.deepEqual(errors, []);
    } finally { await context.close(); }
  });

  test('Lexical composer: Shift+Enter is a newline, Enter posts, the Reageren button posts', async () => {
    const { context, page } = await open(SITES.facebook);
    try {
      const boxes = page.locator('div[role="textbox"][contenteditable="true"][data-lexical-editor="true"][aria-label^="Reageer als"]');
      assert.equal(await boxes.count(), expectedPosts('facebook').length);
      const box = boxes.nth(1);
      await box.click();
      await page.keyboard.type('Hoi Erik, wat leuk!');
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.type('Groet, Anna');
      assert.equal(await page.evaluate(() => window.__fixture.getEditorText(1)), 'Hoi Erik, wat leuk!\nGroet, Anna');
      assert.deepEqual(await page.evaluate(() => window.__fixture.posted), []);
      await page.keyboard.press('Enter');
      assert.deepEqual(await page.evaluate(() => window.__fixture.posted), ['Hoi Erik, wat leuk!\nGroet, Anna']);
      assert.equal(await page.evaluate(() => window.__fixture.getEditorText(1)), '');
      await page.waitForFunction(() => [...document.querySelectorAll('div[role="article"][aria-label^="Reactie van Anna Jansen"]')].length === 1);
      // The submit button: disabled while empty, posts when clicked.
      const unit = page.locator('div[role="feed"] > div').nth(0);
      const submit = unit.locator('div[role="button"][aria-label="Reageren"]');
      assert.equal(await submit.getAttribute('aria-disabled'), 'true');
      await boxes.nth(0).click();
      await page.keyboard.insertText('Wat vervelend, Marieke. ');
      await page.keyboard.type('Stuur je ons een DM?');
      assert.equal(await submit.getAttribute('aria-disabled'), null);
      await submit.click();
      const log = await page.evaluate(() => window.__fixture.postLog);
      assert.equal(log[1].text, 'Wat vervelend, Marieke. Stuur je ons een DM?');
      assert.equal(log[1].via, 'button');
      assert.equal(log[1].postId, expectedPosts('facebook')[0].id);
      // More posts load at the end of the feed.
      const added = await page.evaluate(() => window.__fixture.addPosts());
      assert.equal(added.length, 2);
      assert.equal(await page.locator('[data-ad-rendering-role="story_message"]').count(), expectedPosts('facebook').length + 2);
    } finally { await context.close(); }
  });
});

describe('linkedin fixture (legacy dialect)', () => {
  test('feed renders the BEM hooks; comments load lazily', async () => {
    const { context, page, errors } = await open(SITES.linkedin);
    try {
      const expected = expectedPosts('linkedin');
      assert.ok(expected.length >= 8);
      const posts = await page.$$eval("main[aria-label='Main Feed'] .scaffold-finite-scroll .feed-shared-update-v2[data-urn^='urn:li:activity:']", (els) => els.map((el) => ({
        urn: el.getAttribute('data-urn'),
        text: el.querySelector('.update-components-text span[dir="ltr"]').textContent,
        author: el.querySelector('.update-components-actor__name span[aria-hidden="true"]').textContent,
        box: !!el.querySelector('.comments-comment-box__form .ql-editor[contenteditable="true"][aria-label="Teksteditor voor het maken van content"]'),
        submit: !!el.querySelector('button.comments-comment-box__submit-button--cr'),
      })));
      assert.deepEqual(posts.map((p) => p.urn), expected.map((p) => p.id));
      assert.deepEqual(posts.map((p) => p.text), expected.map((p) => p.text));
      assert.deepEqual(posts.map((p) => p.author), expected.map((p) => p.name));
      assert.ok(posts.every((p) => p.box && p.submit));
      // Comments are not in the first render; they arrive after the post is seen.
      const second = page.locator('.feed-shared-update-v2').nth(1);
      const want = expected[1].comments;
      assert.ok(want.length >= 2);
      await second.scrollIntoViewIfNeeded();
      await second.locator('article.comments-comment-entity').first().waitFor();
      assert.ok(await second.locator('article.comments-comment-entity').count() < want.length, 'only the first comments at first');
      await second.locator('button', { hasText: 'Meer reacties laden' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('.feed-shared-update-v2')[1].querySelectorAll('article.comments-comment-entity').length === n, want.length);
      const texts = await second.locator('article.comments-comment-entity .comments-comment-item__main-content').allTextContents();
      assert.deepEqual(texts, want.map((c) => c.text));
      assert.deepEqual(errors, []);
    } finally { await context.close(); }
  });

  test('Quill comment box: model follows typing, the button and Ctrl+Enter post, Quill normalises direct DOM writes', async () => {
    const { context, page } = await open(SITES.linkedin);
    try {
      const post = page.locator('.feed-shared-update-v2').nth(0);
      const editor = post.locator('.comments-comment-box__form .ql-editor[contenteditable="true"]');
      const button = post.locator('button.comments-comment-box__submit-button--cr');
      assert.equal(await button.isDisabled(), true);
      await editor.click();
      await page.keyboard.type('Dank je wel, Martijn!');
      assert.equal(await page.evaluate(() => window.__fixture.getEditorText(0)), 'Dank je wel, Martijn!');
      assert.equal(await button.isDisabled(), false);
      await button.click();
      assert.deepEqual(await page.evaluate(() => window.__fixture.posted), ['Dank je wel, Martijn!']);
      assert.equal(await page.evaluate(() => window.__fixture.getEditorText(0)), '');
      await post.locator('article.comments-comment-entity--own').waitFor();
      await editor.click();
      await page.keyboard.type('Groet, Anna');
      await page.keyboard.press(`${MOD}+Enter`);
      const log = await page.evaluate(() => window.__fixture.postLog);
      assert.deepEqual(log.map((l) => [l.text, l.via]), [['Dank je wel, Martijn!', 'button'], ['Groet, Anna', 'keyboard']]);
      // Quill owns its DOM: after a direct write, Quill normalises the DOM back to its own block structure.
      await editor.click();
      await page.keyboard.type('Hallo');
      await editor.evaluate((el) => { el.innerHTML = '<div><b>geplakt</b> buiten Quill om</div>'; });
      await page.waitForFunction(() => !document.querySelector('.ql-editor div'));
      assert.ok(!(await editor.innerHTML()).includes('<div>'));
    } finally { await context.close(); }
  });
});

describe('linkedin fixture (SDUI dialect)', () => {
  test('SDUI hooks, URN only in tracking scope, ProseMirror box: Shift+Enter newline, Ctrl+Enter posts', async () => {
    const { context, page, errors } = await open(SITES.linkedinSdui);
    try {
      const expected = expectedPosts('linkedin');
      const posts = await page.$$eval('[data-testid="mainFeed"] [role="listitem"]', (items) => items.map((li) => ({
        scope: li.querySelector('[data-view-name="feed-full-update"]').getAttribute('data-view-tracking-scope'),
        text: li.querySelector('[data-testid="expandable-text-box"]').textContent,
        urnAttr: !!li.querySelector('[data-urn]'),
      })));
      assert.equal(posts.length, expected.length);
      posts.forEach((p, i) => {
        assert.ok(p.scope.includes(`"updateUrn":"${expected[i].id}"`));
        assert.equal(p.text, expected[i].text);
        assert.equal(p.urnAttr, false);
      });
      assert.equal(await page.locator('form').count(), 0, 'no <form> in SDUI');
      const first = page.locator('[data-view-name="feed-full-update"]').nth(0);
      const editor = first.locator('div[data-view-name="comment-box"] div.tiptap.ProseMirror[contenteditable="true"][role="textbox"]');
      await editor.click();
      await page.keyboard.type('Dank je, Martijn!');
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.type('Anna');
      assert.equal(await page.evaluate(() => window.__fixture.getEditorText(0)), 'Dank je, Martijn!\nAnna');
      await page.keyboard.press(`${MOD}+Enter`);
      assert.deepEqual(await page.evaluate(() => window.__fixture.posted), ['Dank je, Martijn!\nAnna']);
      assert.equal(await page.evaluate(() => window.__fixture.getEditorText(0)), '');
      await first.locator('[data-id^="urn:li:comment"]').first().waitFor();
      assert.deepEqual(errors, []);
    } finally { await context.close(); }
  });
});
