// sites.test.mjs — the extension on the fixture pages of x.com (strict CSP),
// www.facebook.com and www.linkedin.com (both dialects), served at the real
// hostnames: every post and comment in the DOM gets a badge whose key is
// site:id:hash(text) (exact id + text extraction) and whose type is the type
// the engine gives that text in node; posts added later, recycled X cells and
// SPA navigation are badged; nothing leaves for another host. A separate test
// per site compares with the fixture's expectedType (classifier quality).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { hashText } from '../../extension/adapters/read.js';
import { foreignRequests, launchWithExtension } from './lib/browser.mjs';
import { PAGES_DIR, SITES, serveFixtures } from './lib/fixtures.mjs';
import { loadEngine } from '../wasm/helpers.mjs';

const FIXTURE_HOSTS = ['x.com', 'twitter.com', 'facebook.com', 'linkedin.com'];

/** Our key id for a fixture id (LinkedIn URNs lose the urn:li: prefix, FB comments get "c"). */
function keyId(site, id, isComment) {
  if (site === 'linkedin') return id.replace(/^urn:li:/, '');
  if (site === 'facebook' && isComment) return 'c' + id;
  return id;
}

/** Fixture posts (and comments) that are in the DOM now, with the key we expect. */
async function mentionsInDom(page, site) {
  const list = await page.evaluate(() => {
    const fx = window.__fixture;
    const posts = fx.posts.map((p) => ({ ...p, comment: false }));
    const comments = (fx.comments ?? []).map((c) => ({ ...c, comment: true }));
    return [...posts, ...comments];
  });
  const out = [];
  for (const m of list) {
    if (!m.text) continue; // media-only
    const id = keyId(site, m.id, m.comment);
    const present = await page.evaluate(([s, i]) => (s === 'x'
      ? Boolean(document.querySelector(`article[data-testid="tweet"] a[href$="/status/${i}"] time`))
      : document.body.innerHTML.includes(i.replace(/&/g, '&amp;'))), [site, m.id]);
    if (present) out.push({ ...m, key: `${site}:${id}:${hashText(m.text)}`, prefix: `${site}:${id}:` });
  }
  return out;
}

function waitBadged(page, mentions) {
  return page.waitForFunction((keys) => keys.every((k) => {
    const el = document.querySelector(`[data-webcare-key="${CSS.escape(k)}"]`);
    return el && el.hasAttribute('data-webcare-type');
  }), mentions.map((m) => m.key), { timeout: 20000 }).catch(async (err) => {
    const seen = await page.evaluate(() => [...document.querySelectorAll('[data-webcare-key]')]
      .map((e) => e.getAttribute('data-webcare-key')));
    throw new Error(`${err.message}\nwanted ${JSON.stringify(mentions.map((m) => m.key))}\nseen ${JSON.stringify(seen)}`);
  });
}

async function badgeOf(page, key) {
  return page.evaluate((k) => {
    const el = document.querySelector(`[data-webcare-key="${CSS.escape(k)}"]`);
    const own = [...el.querySelectorAll('webcare-badge')].filter((b) => b.parentElement.closest('[data-webcare-key]') === el);
    return { type: el.getAttribute('data-webcare-type'), priority: el.getAttribute('data-webcare-priority'),
             badges: own.length, badgeType: own[0]?.getAttribute('data-type') };
  }, key);
}

let engine;
before(async () => { engine = await loadEngine(); });
after(() => engine?.close());

const CASES = [
  { name: 'x.com (strict CSP)', site: 'x', url: SITES.x, page: 'x.html', strictCsp: true },
  { name: 'www.facebook.com', site: 'facebook', url: SITES.facebook, page: 'facebook.html' },
  { name: 'www.linkedin.com (legacy)', site: 'linkedin', url: SITES.linkedin, page: 'linkedin.html' },
  { name: 'www.linkedin.com (SDUI)', site: 'linkedin', url: SITES.linkedinSdui, page: 'linkedin-sdui.html' },
];

for (const c of CASES) {
  const missing = !existsSync(path.join(PAGES_DIR, c.page));
  describe(c.name, { skip: missing && `fixture page ${c.page} not there yet` }, () => {
    let browser;
    let page;
    const mismatches = [];
    before(async () => {
      browser = await launchWithExtension();
      await serveFixtures(browser.context, { strictCsp: Boolean(c.strictCsp) });
      page = await browser.context.newPage();
      await page.goto(c.url);
      await page.waitForFunction(() => window.__fixture && window.__fixture.posts.length > 0);
    });
    after(async () => { await browser?.close(); });

    async function checkAllInDom() {
      const mentions = await mentionsInDom(page, c.site);
      assert.ok(mentions.length > 0, 'fixture shows mentions');
      await waitBadged(page, mentions);
      for (const m of mentions) {
        const b = await badgeOf(page, m.key);
        const want = engine.classify(m.text).type;
        assert.equal(b.type, want, `${m.key} "${m.text}": badge ${b.type}, engine ${want}`);
        assert.equal(b.badgeType, want);
        assert.equal(b.badges, 1, `${m.key}: exactly one badge`);
        assert.match(b.priority, /^\d+$/);
        if (m.expectedType && m.expectedType !== b.type
            && !mismatches.some((x) => x.key === m.key)) mismatches.push({ key: m.key, text: m.text, expected: m.expectedType, got: b.type });
      }
      return mentions;
    }

    test('every post in the DOM is badged with the engine type', async () => {
      await checkAllInDom();
      if (c.strictCsp) {
        const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'))
          .catch(() => 'fetch blocked');
        assert.ok(csp, 'strict CSP active');
      }
    });

    test('posts added later are badged', async () => {
      const added = await page.evaluate(() => window.__fixture.addPosts());
      assert.ok(added.length > 0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await checkAllInDom();
      const mentions = await mentionsInDom(page, c.site);
      const addedIds = added.filter((a) => a.text).map((a) => keyId(c.site, a.id, false));
      assert.ok(addedIds.some((id) => mentions.some((m) => m.prefix === `${c.site}:${id}:`)), 'an added post is in the DOM and badged');
    });

    if (c.site === 'x') {
      test('recycled timeline cells are re-badged for their new tweet', async () => {
        for (let round = 0; round < 3; round++) {
          await page.evaluate(() => window.__fixture.recycle());
          await checkAllInDom();
        }
      });

      test('SPA navigation to notifications is badged', async () => {
        await page.evaluate(() => window.__fixture.navigate('/notifications'));
        await page.waitForFunction(() => location.pathname === '/notifications');
        await checkAllInDom();
      });
    }

    test('no request left for a non-fixture host', () => {
      assert.deepEqual(foreignRequests(browser.requests, FIXTURE_HOSTS), []);
    });

    // Runs and prints every disagreement, but as a node:test TODO it does not
    // fail `make test`: it measures the classifier (issue 5), not this code.
    test('badge types match the fixture expectedType (classifier quality)', {
      todo: process.env.WEBCARE_STRICT_LABELS ? false : 'classifier quality, reported not gating',
    }, () => {
      assert.deepEqual(mismatches, [], `classifier disagrees with the fixture labels on ${mismatches.length} mentions`);
    });
  });
}
