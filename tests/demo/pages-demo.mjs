// pages-demo.mjs — the pages part of `make demo`: loads the extension in
// Chromium, seeds a month of local history, and screenshots the popup, the
// quick check, practice, options and stats pages into build/shots/pages-*.png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { root } from '../e2e/lib/browser.mjs';
import { launchPages, seedStorage } from '../e2e/lib/pages.mjs';
import { demoStorage } from './pages-data.mjs';

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
} finally {
  await b.close();
}
