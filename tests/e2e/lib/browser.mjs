// browser.mjs — launch Debian's Chromium with the unpacked extension (repo
// root) through playwright-core, find its service worker, stop it (to test
// recovery), and record every request so tests can assert nothing leaves.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXT = root;
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * Launches a persistent context with the extension. headless uses the new
 * headless mode (extensions need it). Returns {context, worker, extensionId,
 * requests, close}. `requests` collects the URL of every request the pages
 * make (see assertOnlyHosts).
 */
export async function launchWithExtension({ headed = false, viewport = { width: 1280, height: 900 },
                                            colorScheme = 'light', locale = 'nl-NL' } = {}) {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'webcare-e2e-'));
  const args = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
                '--disable-component-update', '--disable-sync', '--disable-default-apps',
                `--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`];
  if (!headed) args.unshift('--headless=new');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: false, args, viewport, colorScheme, locale,
  });
  const requests = [];
  context.on('request', (req) => requests.push(req.url()));
  let worker = context.serviceWorkers().find(isOurWorker);
  if (!worker) worker = await context.waitForEvent('serviceworker', { predicate: isOurWorker, timeout: 45000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    requests,
    /** The current worker of the extension (after a restart, the new one). */
    currentWorker: () => context.serviceWorkers().find(isOurWorker) ?? null,
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

const isOurWorker = (w) => w.url().startsWith('chrome-extension://') && w.url().endsWith('/background/worker.js');

/**
 * Stops the extension's service worker the way Chrome does when it idles:
 * through the DevTools ServiceWorker domain. Resolves when it is stopped.
 */
export async function stopServiceWorker(context, page) {
  const cdp = await context.newCDPSession(page);
  const versions = new Map();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: list }) => {
    for (const v of list) versions.set(v.versionId, v);
  });
  await cdp.send('ServiceWorker.enable');
  const deadline = Date.now() + 5000;
  const ours = () => [...versions.values()].filter((v) => v.scriptURL.startsWith('chrome-extension://'));
  while (!ours().some((v) => v.runningStatus === 'running') && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50)); // wait for the version events, not for time
  }
  const running = ours().filter((v) => v.runningStatus === 'running');
  if (!running.length) throw new Error('extension service worker not found via CDP');
  for (const v of running) await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
  while (ours().some((v) => v.runningStatus !== 'stopped') && Date.now() < deadline + 5000) {
    await new Promise((r) => setTimeout(r, 50));
  }
  await cdp.send('ServiceWorker.disable').catch(() => {});
  await cdp.detach().catch(() => {});
  return running.length;
}

/** Hosts a test allows: the fixture hosts plus extension-internal URLs. */
export function foreignRequests(requests, allowedHosts) {
  return requests.filter((u) => {
    const url = new URL(u);
    if (url.protocol === 'chrome-extension:' || url.protocol === 'data:' || url.protocol === 'blob:') return false;
    return !allowedHosts.some((h) => url.hostname === h || url.hostname.endsWith('.' + h));
  });
}

/** Serves `html` at `url` (real hostname) and aborts every other request. */
export async function routeSinglePage(context, url, html, { csp = null } = {}) {
  const target = new URL(url);
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.origin === target.origin && u.pathname === target.pathname) {
      const headers = { 'content-type': 'text/html; charset=utf-8' };
      if (csp) headers['content-security-policy'] = csp;
      return route.fulfill({ status: 200, headers, body: html });
    }
    return route.abort();
  });
}

/** The badge state of every badged post container on a page. */
export function readBadges(page) {
  return page.evaluate(() => [...document.querySelectorAll('[data-webcare-key]')].map((el) => {
    const host = [...el.querySelectorAll('webcare-badge')].find((b) => {
      const owner = b.parentElement.closest('[data-webcare-key]');
      return owner === el;
    });
    return {
      key: el.getAttribute('data-webcare-key'),
      type: el.getAttribute('data-webcare-type'),
      priority: el.getAttribute('data-webcare-priority'),
      state: el.getAttribute('data-webcare-state'),
      error: el.getAttribute('data-webcare-error'),
      badgeType: host?.getAttribute('data-type') ?? null,
      label: host?.shadowRoot?.querySelector('.label')?.textContent ?? null,
    };
  }));
}

/**
 * Evaluates `expression` in the extension's content-script world of `page`
 * (the isolated world Chrome names after the extension), through CDP.
 * Used to send protocol messages exactly as a content script does.
 */
export async function evalInContentScript(context, page, expression) {
  const cdp = await context.newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => contexts.push(c));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Webcare Lens');
  if (!world) throw new Error('content-script world not found');
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression, contextId: world.id, awaitPromise: true, returnByValue: true,
  });
  await cdp.detach().catch(() => {});
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}
