// pages-history.test.mjs — local history from the badge pipeline: every
// classified post is recorded once per post key, the author's persona
// (seed 002) is on the badge and their earlier mentions in its tooltip;
// trainee mode adds the advice; "Webcare Lens off" on a site stops it all.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { evalInContentScript } from './lib/browser.mjs';
import { launchPages, seedStorage } from './lib/pages.mjs';

const PAGE = `<!doctype html><html lang="nl"><head><meta charset="utf-8"></head>
  <body><main role="main"><div data-testid="primaryColumn"><section role="region"><div id="timeline"></div></section></div></main>
  <script>
  window.add = (id, handle, text) => {
    const cell = document.createElement('div');
    cell.setAttribute('data-testid', 'cellInnerDiv');
    cell.innerHTML = '<article data-testid="tweet" tabindex="0"><div data-testid="User-Name"><a class="n"></a>'
      + '<a class="t"><time datetime="2026-03-01T10:00:00Z">1 u</time></a></div>'
      + '<div data-testid="tweetText" lang="nl"><span></span></div></article>';
    cell.querySelector('a.n').textContent = '@' + handle;
    cell.querySelector('a.n').setAttribute('href', '/' + handle);
    cell.querySelector('a.t').setAttribute('href', '/' + handle + '/status/' + id);
    cell.querySelector('[data-testid="tweetText"] span').textContent = text;
    document.getElementById('timeline').append(cell);
  };
  </script></body></html>`;

const DAY = 86400000;
const past = (site, author, types) => types.map((type, i) => ({
  ts: Date.now() - (10 - i) * DAY, site, author, type, key: `${site}:old-${author}-${i}:h` }));

let b;
before(async () => {
  b = await launchPages();
  await b.context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === 'x.com') return route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: PAGE });
    return route.abort();
  });
});
after(async () => {
  await b?.close();
});

async function seeded(settings = {}) {
  const opts = await b.open('options.html');
  await seedStorage(opts, {
    'webcare.settings': settings,
    'webcare.history': { v: 1, mentions: [
      ...past('x', '@fan', ['happy', 'happy', 'neutral']),
      ...past('x', '@crit', ['angry', 'angry']),
      ...past('x', '@amb', ['happy', 'happy']),
      ...past('facebook', '@new', ['angry', 'angry', 'angry']), // other site: does not count on X
    ] },
  });
  return opts;
}

/** Polls an async condition (a state wait, not a sleep); fails after `ms`. */
async function until(cond, ms = 5000) {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const persona = (page, id) => page.evaluate((i) => {
  const el = [...document.querySelectorAll('[data-webcare-key]')].find((e) => e.getAttribute('data-webcare-key').startsWith(`x:${i}:`));
  return el?.querySelector('webcare-badge')?.getAttribute('data-persona') ?? null;
}, id);

test('persona on the badge from the local history, recorded once per post', async () => {
  const opts = await seeded();
  const page = await b.context.newPage();
  await page.goto('https://x.com/home');
  await page.evaluate(() => {
    window.add('101', 'fan', 'Dit is nu al de derde keer dat mijn pakket kwijt is, echt belachelijk #fail');
    window.add('102', 'crit', 'Wat een waardeloze service weer, nooit meer bij jullie. Schandalig!');
    window.add('103', 'amb', 'Wat een topservice weer, super snel geholpen! Dank jullie wel 😍');
    window.add('104', 'new', 'Hoe laat zijn jullie morgen open in Utrecht?');
  });
  await page.waitForFunction(() => document.querySelectorAll('[data-webcare-type]').length === 4, null, { timeout: 15000 });
  assert.equal(await persona(page, '101'), 'tijdelijk-boos');
  assert.equal(await persona(page, '102'), 'criticaster');
  assert.equal(await persona(page, '103'), 'merkambassadeur');
  assert.equal(await persona(page, '104'), 'nieuw');

  // Hover: the earlier mentions of @fan, newest first.
  const chip = page.locator('[data-webcare-key^="x:101:"] webcare-badge').first();
  await chip.locator('button.chip').hover();
  const earlier = await chip.evaluate((host) => [...host.shadowRoot.querySelectorAll('.earlier li')].map((li) => li.dataset.type));
  assert.deepEqual(earlier, ['neutral', 'happy', 'happy']);
  assert.equal(await chip.evaluate((host) => host.shadowRoot.querySelectorAll('.advice').length), 0, 'no trainee advice');

  // Stored once per key, also after a reload (cache miss, new pipeline).
  const stored = (prefix) => opts.evaluate(async (p) => (await chrome.storage.local.get('webcare.history'))['webcare.history']
    .mentions.filter((m) => m.key.startsWith(p)).length, prefix);
  await until(async () => (await stored('x:10')) === 4);
  await page.reload();
  await page.evaluate(() => window.add('101', 'fan', 'Dit is nu al de derde keer dat mijn pakket kwijt is, echt belachelijk #fail'));
  await page.waitForSelector('[data-webcare-type]', { timeout: 15000 });
  assert.equal(await persona(page, '101'), 'tijdelijk-boos', 'same post: same persona, not counted twice');
  // A later post is written after any re-record of 101 would have been (one queue per page).
  await page.evaluate(() => window.add('105', 'fan', 'Opgelost, dank jullie wel voor de snelle hulp!'));
  await until(async () => (await stored('x:105:')) === 1);
  assert.equal(await stored('x:101:'), 1);
  const keys = await opts.evaluate(async () => (await chrome.storage.local.get('webcare.history'))['webcare.history'].mentions.map((m) => m.key));
  assert.equal(await stored('x:10'), 5, keys.join(' '));
  await page.close();
  await opts.close();
});

test('trainee mode: the tooltip explains the type and the persona', async () => {
  const opts = await seeded({ traineeMode: true });
  const page = await b.context.newPage();
  await page.goto('https://x.com/home');
  await page.evaluate(() => window.add('201', 'crit', 'Alweer storing. Jullie kunnen echt helemaal niks, waardeloos!'));
  await page.waitForSelector('[data-webcare-type]', { timeout: 15000 });
  const chip = page.locator('webcare-badge').first();
  await chip.locator('button.chip').focus();
  const advice = await chip.evaluate((host) => [...host.shadowRoot.querySelectorAll('.advice')].map((p) => p.textContent));
  assert.equal(advice.length, 2, advice.join(' | '));
  assert.match(advice.join(' '), /respectvol/);
  await page.close();
  await opts.close();
});

test('Webcare Lens off for a site: no badges, nothing recorded', async () => {
  const opts = await seeded({ enabled: { x: false } });
  const page = await b.context.newPage();
  await page.goto('https://x.com/home');
  await page.evaluate(() => window.add('301', 'fan', 'Hoe laat gaat de winkel open?'));
  // Ask the content script itself (its isolated world exists, so it ran): after
  // a storage round trip of its own, its start() has read the settings too.
  const marked = await evalInContentScript(b.context, page,
    "chrome.storage.local.get('webcare.settings').then(() => document.documentElement.hasAttribute('data-webcare-lens'))");
  assert.equal(marked, false);
  assert.equal(await page.locator('webcare-badge').count(), 0);
  await page.close();
  await opts.close();
});
