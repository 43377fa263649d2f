// Screenshots of the fixture pages for a visual check:
//   node tests/e2e/pages/screenshots.mjs   -> build/fixture-shots/*.png
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveFixtures, SITES, REPO_ROOT, CHROMIUM_ARGS, CHROMIUM_PATH } from '../lib/fixtures.mjs';

const OUT = path.join(REPO_ROOT, 'build/fixture-shots');
mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
await serveFixtures(context, { strictCsp: true });
const page = await context.newPage();
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`[${m.type()}] ${m.text()}`); });
page.on('pageerror', (e) => console.log('[pageerror]', e.message));
const only = process.argv[2];
for (const [name, url] of Object.entries(SITES)) {
  if (only && !name.startsWith(only)) continue;
  await page.goto(url);
  await page.waitForFunction(() => window.__fixture, null, { timeout: 10000 }).catch(() => {});
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
  console.log('shot', name);
}
if (!only || only === 'x') {
  await page.goto(SITES.x);
  await page.waitForFunction(() => window.__fixture);
  const id = await page.evaluate(() => window.__fixture.posts[1].id);
  await page.evaluate((i) => window.__fixture.openReply(i), id);
  await page.keyboard.type('Hoi Mark, wat vervelend! 😟 ');
  await page.screenshot({ path: path.join(OUT, 'x-reply.png') });
  await page.evaluate(() => window.__fixture.closeReply());
  await page.evaluate(() => window.__fixture.navigate('/markjansen_88/status/' + window.__fixture.allPosts[1].id));
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, 'x-status.png') });
}
await browser.close();
