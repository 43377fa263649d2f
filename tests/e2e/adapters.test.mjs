// adapters.test.mjs — each site adapter on small hand-written pages that use
// the hooks of the research doc (independent of the fixture pages): the key
// of every badged container is site:id:hash(text), so id and text extraction
// are checked exactly; quoted tweets, nested comments, zero-width and hidden
// decoys, "see more" buttons and both LinkedIn dialects are covered.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hashText } from '../../extension/adapters/read.js';
import { foreignRequests, launchWithExtension, readBadges } from './lib/browser.mjs';
import { loadEngine } from '../wasm/helpers.mjs';

const ZW = '\u200B';
const PAGES = {
  'https://x.com/home': {
    csp: "default-src 'none'; img-src data:; style-src 'unsafe-inline'",
    html: `<main role="main"><div data-testid="primaryColumn"><section role="region">
      <div data-testid="cellInnerDiv"><article data-testid="tweet" tabindex="0">
        <div data-testid="User-Name"><a href="/sanne"><span>Sanne</span></a><a href="/sanne"><span>@sanne</span></a>
          <a href="/sanne/status/1001"><time datetime="2026-03-01T10:00:00Z">2 u</time></a></div>
        <div data-testid="tweetText" lang="nl" style="white-space:pre-wrap"><span>Al 3 dagen geen internet </span><div style="display:inline-flex"><a href="/Ziggo">@Ziggo</a></div><span>, dit is belachelijk </span><img alt="😡" src="data:,"></div>
        <div role="link" tabindex="0"><div data-testid="User-Name"><a href="/ziggo"><span>@ziggo</span></a></div>
          <a href="/ziggo/status/999"><time datetime="2026-03-01T09:00:00Z">3 u</time></a>
          <div data-testid="tweetText" lang="nl"><span>Storing opgelost, excuses!</span></div></div>
      </article></div>
      <div data-testid="cellInnerDiv"><article data-testid="tweet" tabindex="0">
        <div data-testid="User-Name"><a href="/fleur"><span>Fleur</span></a><a href="/fleur"><span>@fleur</span></a>
          <a href="/fleur/status/1002"><time datetime="2026-03-01T10:00:00Z">2 u</time></a></div>
        <div data-testid="tweetText" lang="nl"><span>Hoe laat rijdt de laatste trein?</span><a data-testid="tweet-text-show-more-link" href="/fleur/status/1002">Meer weergeven</a></div>
      </article></div>
      <div data-testid="cellInnerDiv"><article data-testid="tweet" tabindex="0">
        <div data-testid="User-Name"><a href="/pic"><span>@pic</span></a><a href="/pic/status/1003"><time>1 u</time></a></div>
        <div data-testid="tweetPhoto"><img alt="Afbeelding" src="data:,"></div>
      </article></div>
    </section></div></main>`,
    expect: [
      { id: '1001', text: 'Al 3 dagen geen internet @Ziggo, dit is belachelijk 😡' },
      { id: '1002', text: 'Hoe laat rijdt de laatste trein?' },
    ],
  },
  'https://www.facebook.com/coolblue': {
    html: `<div role="navigation"></div><div role="main"><div role="feed">
      <div aria-posinset="1"><div role="article" aria-labelledby="h1">
        <h3 id="h1"><a href="/lotte">Lo${ZW}tte Smit</a></h3>
        <a href="https://www.facebook.com/lotte/posts/5551?__cft__[0]=abc&__tn__=R">3 u</a>
        <div data-ad-rendering-role="story_message"><div dir="auto">Dank${ZW}je wel, pakket keu${ZW}rig op tijd! <span style="position:absolute;width:1px;height:1px;overflow:hidden">Gesponsord</span>🙏</div></div>
        <div role="article" aria-label="Opmerking van Kees">
          <a href="/kees">Kees</a><a href="https://www.facebook.com/lotte/posts/5551?comment_id=777">1 u</a>
          <div dir="auto">Waarom krijg ik nooit antwoord op mijn mail?</div>
        </div>
      </div></div>
      <div aria-labelledby="h2"><div><span data-ad-rendering-role="profile_name"><h2 id="h2"><a href="/mark">Mark</a></h2></span>
        <a href="https://www.facebook.com/permalink.php?story_fbid=6662&id=1">gisteren</a></div>
        <div><div data-ad-rendering-role="story_message"><div dir="auto">Dit is echt de slechtste service ooit!!!</div></div></div>
      </div>
    </div></div>`,
    expect: [
      { id: '5551', text: 'Dankje wel, pakket keurig op tijd! 🙏' },
      { id: 'c777', text: 'Waarom krijg ik nooit antwoord op mijn mail?' },
      { id: '6662', text: 'Dit is echt de slechtste service ooit!!!' },
    ],
  },
  'https://www.linkedin.com/feed/': {
    html: `<main aria-label="Main Feed"><div class="scaffold-finite-scroll">
      <div class="feed-shared-update-v2" data-urn="urn:li:activity:7301">
        <div class="update-components-actor__container"><div class="update-components-actor__meta">
          <span class="update-components-actor__title"><span aria-hidden="true">Eva de Boer</span><span class="visually-hidden">Eva de Boer</span></span></div></div>
        <div class="feed-shared-update-v2__description"><div class="update-components-text"><span dir="ltr">Super geholpen door jullie klantenservice, top!</span></div>
          <button class="feed-shared-inline-show-more-text__see-more-less-toggle">…meer</button></div>
        <article class="comments-comment-entity" data-id="urn:li:comment:(activity:7301,8801)">
          <span class="comments-comment-meta__description-title">Jan</span>
          <div class="comments-comment-item__main-content"><span class="update-components-text">Kunnen jullie mij vertellen wanneer de monteur komt?</span></div>
        </article>
      </div>
    </div></main>`,
    expect: [
      { id: 'activity:7301', text: 'Super geholpen door jullie klantenservice, top!' },
      { id: 'comment:(activity:7301,8801)', text: 'Kunnen jullie mij vertellen wanneer de monteur komt?' },
    ],
  },
  'https://www.linkedin.com/feed/sdui': {
    html: `<main><div data-testid="mainFeed">
      <div role="listitem" componentkey="expandedAbc" data-view-tracking-scope='[{"breadcrumb":{"content":{"FeedUpdateServedEvent":{"updateUrn":"urn:li:activity:7402"}}}}]'>
        <div aria-label="Open het bedieningsmenu voor de post van Piet Jansen"></div>
        <a data-view-name="feed-actor-image" href="/in/piet"></a><a href="/in/piet"><p>Piet Jansen</p></a>
        <p data-testid="expandable-text-box">Hoe kan ik mijn abonnement opzeggen? <button data-testid="expandable-text-button">… meer</button></p>
      </div>
    </div></main>`,
    expect: [{ id: 'activity:7402', text: 'Hoe kan ik mijn abonnement opzeggen?' }],
  },
};
const siteOf = (url) => (url.includes('x.com') ? 'x' : url.includes('facebook') ? 'facebook' : 'linkedin');

let browser;
let engine;
before(async () => {
  engine = await loadEngine();
  browser = await launchWithExtension();
  await browser.context.route('**/*', (route) => {
    const url = route.request().url().replace(/[?#].*$/, '');
    const page = PAGES[url];
    if (!page) return route.abort();
    const headers = { 'content-type': 'text/html; charset=utf-8' };
    if (page.csp) headers['content-security-policy'] = page.csp;
    return route.fulfill({ status: 200, headers, body: `<!doctype html><html lang="nl"><body>${page.html}</body></html>` });
  });
});
after(async () => {
  await browser?.close();
  engine?.close();
});

for (const [url, spec] of Object.entries(PAGES)) {
  test(`adapter reads ${url}`, async () => {
    const site = siteOf(url);
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.waitForFunction((n) => document.querySelectorAll('[data-webcare-type]').length >= n,
                               spec.expect.length, { timeout: 15000 });
    const badges = await readBadges(page);
    const want = spec.expect.map((e) => `${site}:${e.id}:${hashText(e.text)}`).sort();
    assert.deepEqual(badges.map((b) => b.key).sort(), want,
                     `keys differ; texts expected: ${JSON.stringify(spec.expect)}`);
    for (const e of spec.expect) {
      const b = badges.find((x) => x.key === `${site}:${e.id}:${hashText(e.text)}`);
      const type = engine.classify(e.text).type;
      assert.equal(b.type, type, `${e.id}: badge ${b.type}, engine ${type}`);
      assert.equal(b.badgeType, type);
      assert.ok(b.label && b.label.length > 0);
    }
    assert.deepEqual(foreignRequests(browser.requests, ['x.com', 'facebook.com', 'linkedin.com']), []);
    await page.close();
  });
}
