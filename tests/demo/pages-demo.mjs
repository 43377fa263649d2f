// pages-demo.mjs — the pages part of `make demo`: loads the extension in
// Chromium, seeds a month of local history, and screenshots the popup, the
// quick check, practice, options and stats pages into build/shots/pages-*.png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { root } from '../e2e/lib/browser.mjs';
import { launchPages, seedStorage } from '../e2e/lib/pages.mjs';
import { demoStorage } from './pages-data.mjs';

// A one-post X look-alike; @klant7 has earlier mentions in the seeded history.
const X_PAGE = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><style>body{font:15px system-ui;margin:0;padding:20px}
  article{display:block;max-width:600px;padding:14px 16px;border:1px solid #e6e9ee;border-radius:14px}</style></head><body>
  <div data-testid="cellInnerDiv"><article data-testid="tweet"><div data-testid="User-Name"><a href="/klant7">@klant7</a>
  <a href="/klant7/status/42"><time datetime="2026-03-01T10:00:00Z">1 u</time></a></div>
  <div data-testid="tweetText" lang="nl"><span>Alweer geen internet vandaag en niemand neemt op. Echt belachelijk #fail</span></div></article></div>
  </body></html>`;
const OUT = path.join(root, 'build/shots');
mkdirSync(OUT, { recursive: true });
const only = process.argv.slice(2);
const want = (name) => !only.length || only.includes(name);
const b = await launchPages({ viewport: { width: 1280, height: 900 } });
const shot = async (page, name, opts = {}) => {
  const file = path.join(OUT, `pages-${name}.png`);
  await page.screenshot({ path: file, fullPage: true, ...opts });
  console.log(`  ${path.relative(root, file)}`);
};
try {
  const first = await b.open('quick-check.html');
  await seedStorage(first, demoStorage(Date.now()));
  await first.close();

  if (want('quick-check')) {
    const page = await b.open('quick-check.html');
    await page.fill('#mention', 'Al 3 dagen geen internet en niemand neemt op bij jullie klantenservice. Dit is echt belachelijk @Provider #fail 😡');
    await page.fill('#reply', 'We gaan er even naar kijken!! Zoals op onze site staat is er een storing in uw regio.');
    await page.waitForSelector('#reply-out[data-state="done"]', { timeout: 15000 });
    await page.hover('.finding[data-rule="condescending"]').catch(() => {});
    await shot(page, 'quick-check');
    await page.close();
  }
  if (want('popup')) {
    const page = await b.open('popup.html', { width: 420, height: 600 });
    await page.fill('#mention', 'Hoe laat gaat jullie winkel in Utrecht morgen open?');
    await page.fill('#reply', 'Morgen open om 9.00 uur.');
    await page.waitForSelector('#reply-out[data-state="done"]', { timeout: 15000 });
    await shot(page, 'popup');
    await page.close();
  }
  for (const name of ['practice', 'options', 'stats']) {
    if (!want(name)) continue;
    const page = await b.open(`${name}.html`);
    await page.waitForSelector('body[data-ready]', { timeout: 15000 });
    if (name === 'practice') {
      await page.fill('#answer', 'We gaan ernaar kijken. Zoals op onze site staat is er een storing in uw regio.');
      await page.click('#submit');
      await page.waitForSelector('#feedback[data-state="done"]', { timeout: 15000 });
    }
    await shot(page, name);
    await page.close();
  }
  if (want('badge')) {
    // The persona on a badge (local history) with the earlier mentions on hover.
    await b.context.route('https://x.com/**', (route) => route.fulfill({ status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' }, body: X_PAGE }));
    const page = await b.context.newPage();
    await page.setViewportSize({ width: 760, height: 420 });
    await page.goto('https://x.com/home');
    await page.waitForSelector('[data-webcare-type]', { timeout: 15000 });
    await page.locator('webcare-badge button.chip').first().hover();
    await shot(page, 'badge-persona', { fullPage: false });
    await page.close();
  }
} finally {
  await b.close();
}
