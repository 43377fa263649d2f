// browser-demo.mjs — `make demo`, browser part: Chromium with the extension on
// the three fixture sites (served locally at the real hostnames), prints what
// was badged and saves screenshots to build/demo/. Headless unless HEADED=1.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchWithExtension, root } from '../e2e/lib/browser.mjs';
import { SITES, serveFixtures } from '../e2e/lib/fixtures.mjs';

const OUT = path.join(root, 'build/demo');
const headed = process.env.HEADED === '1';
const LABEL = { angry: 'Boos', question: 'Vraag', neutral: 'Neutraal', happy: 'Blij' };
const RUNS = [
  { name: 'x', url: SITES.x, strictCsp: true },
  { name: 'facebook', url: SITES.facebook },
  { name: 'linkedin', url: SITES.linkedin },
  { name: 'linkedin-sdui', url: SITES.linkedinSdui },
];

async function demoSite(browser, run, scheme) {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(run.url);
  await page.waitForFunction(() => window.__fixture && window.__fixture.posts.length > 0);
  await page.waitForFunction(() => {
    const all = [...document.querySelectorAll('[data-webcare-key]')];
    return all.length > 0 && all.every((e) => e.hasAttribute('data-webcare-type') || e.hasAttribute('data-webcare-error'));
  }, null, { timeout: 20000 });
  const rows = await page.evaluate(() => [...document.querySelectorAll('[data-webcare-key]')].map((el) => {
    const badge = [...el.querySelectorAll('webcare-badge')].find((b) => b.parentElement.closest('[data-webcare-key]') === el);
    return {
      key: el.getAttribute('data-webcare-key'),
      type: el.getAttribute('data-webcare-type') ?? `error:${el.getAttribute('data-webcare-error')}`,
      priority: Number(el.getAttribute('data-webcare-priority') ?? 0),
      label: badge?.getAttribute('aria-label') ?? badge?.shadowRoot?.querySelector('.chip')?.getAttribute('aria-label'),
    };
  }));
  // Open the panel and show one tooltip (on the highest-priority angry/question post).
  await page.locator('webcare-panel button.head').click();
  const first = page.locator('webcare-panel button.item').first();
  if (await first.count()) await first.click();
  await page.waitForFunction(() => document.activeElement?.localName === 'webcare-badge', null, { timeout: 5000 })
    .catch(() => {});
  const file = path.join(OUT, `${run.name}${scheme === 'dark' ? '-dark' : ''}.png`);
  await page.screenshot({ path: file });
  await page.close();
  return { rows, file };
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const browser = await launchWithExtension({ headed });
  await serveFixtures(browser.context, { strictCsp: true });
  let total = 0;
  try {
    for (const run of RUNS) {
      const { rows, file } = await demoSite(browser, run, 'light');
      total += rows.length;
      const counts = {};
      for (const r of rows) counts[r.type] = (counts[r.type] ?? 0) + 1;
      console.log(`\n== ${run.url}${run.strictCsp ? '  (strict CSP)' : ''}: ${rows.length} mentions badged — `
        + Object.entries(counts).map(([t, n]) => `${LABEL[t] ?? t} ${n}`).join(', '));
      const top = [...rows].sort((a, b) => b.priority - a.priority).slice(0, 5);
      for (const r of top) console.log(`   ${String(r.priority).padStart(3)}  ${(LABEL[r.type] ?? r.type).padEnd(8)} ${r.key}`);
      console.log(`   screenshot: ${path.relative(root, file)}`);
    }
    const dark = await demoSite(browser, RUNS[0], 'dark');
    console.log(`\n== dark mode: ${path.relative(root, dark.file)}`);
  } finally {
    await browser.close();
  }
  console.log(`\nbrowser demo: ${total} mentions badged on ${RUNS.length} fixture pages; screenshots in build/demo/`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
