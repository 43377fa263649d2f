// pages.mjs — helpers for the extension-page e2e tests (pages-*.test.mjs):
// open a page of the loaded extension, read/seed chrome.storage.local, run axe.
import AxeBuilder from '@axe-core/playwright';
import { launchWithExtension } from './browser.mjs';

export async function launchPages(opts = {}) {
  const browser = await launchWithExtension(opts);
  const base = `chrome-extension://${browser.extensionId}/extension/pages/`;
  return {
    ...browser,
    base,
    /** Opens extension/pages/<name> in a new tab and waits for the load event. */
    async open(name, { width, height } = {}) {
      const page = await browser.context.newPage();
      if (width) await page.setViewportSize({ width, height: height ?? 900 });
      await page.goto(base + name);
      return page;
    },
  };
}

/** Replaces chrome.storage.local with `data` (from any extension page). */
export const seedStorage = (page, data) => page.evaluate(async (d) => {
  await chrome.storage.local.clear();
  await chrome.storage.local.set(d);
}, data);

export const readStorage = (page, keys = null) => page.evaluate((k) => chrome.storage.local.get(k), keys);

/** axe on the page (WCAG 2.x A/AA + best practice); returns serious/critical violations. */
export async function seriousViolations(page, { exclude = [] } = {}) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  for (const sel of exclude) builder = builder.exclude(sel);
  const res = await builder.analyze();
  return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
