// dist.test.mjs — `make dist` (issue 10): the zip holds only what the
// extension needs, its unpacked copy passes web-ext lint, and THAT copy —
// unzipped into a temp dir — loads in Chromium, badges the X fixture and
// opens every extension page without an error or a missing file.
// `make test-e2e` builds the zip first (test-e2e: dist).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM, foreignRequests, root } from './lib/browser.mjs';
import { SITES, serveFixtures } from './lib/fixtures.mjs';

const VERSION = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')).version;
const ZIP = path.join(root, 'build', `webcare-lens-${VERSION}.zip`);
const LINT = path.join(root, 'build', 'web-ext-lint-dist.json');

let dir;
let userDataDir;
let context;
let files;
const requests = [];

before(async () => {
  assert.ok(existsSync(ZIP), `${ZIP} missing: run make dist`);
  dir = mkdtempSync(path.join(os.tmpdir(), 'webcare-dist-'));
  execFileSync('unzip', ['-q', ZIP, '-d', dir]);
  files = execFileSync('unzip', ['-Z1', ZIP], { encoding: 'utf8' }).split('\n').filter(Boolean);
  userDataDir = mkdtempSync(path.join(os.tmpdir(), 'webcare-dist-profile-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: false, locale: 'nl-NL',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--disable-default-apps',
           `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  context.on('request', (r) => requests.push(r.url()));
});
after(async () => {
  await context?.close().catch(() => {});
  for (const d of [dir, userDataDir]) if (d) rmSync(d, { recursive: true, force: true });
});

test('the zip holds the runtime files only', () => {
  for (const need of ['manifest.json', 'extension/background/worker.js', 'extension/engine/webcare.wasm',
    'extension/engine/webcare.mjs', 'extension/engine/webcare-core.mjs', 'extension/dist/content.js',
    'extension/protocol.js', 'extension/pages/options.html', 'extension/pages/popup.html', 'extension/icons/icon-128.png']) {
    assert.ok(files.includes(need), `${need} is in the zip`);
  }
  const junk = files.filter((f) => /(^|\/)(tests?|tools|node_modules|\.git)\//.test(f) || /\.(map|md|c|h|jsx|ts)$/.test(f)
    || f.startsWith('extension/content/') || f.startsWith('extension/adapters/') || f.startsWith('core/') || f.startsWith('build/') || f === 'package.json');
  assert.deepEqual(junk, []);
  assert.ok(files.every((f) => f === 'manifest.json' || f.startsWith('extension/')), 'only manifest.json + extension/');
});

test('web-ext lint on the unpacked dist: no errors, only the dual-background warning', () => {
  const report = JSON.parse(readFileSync(LINT, 'utf8'));
  assert.equal(report.errors.length, 0, JSON.stringify(report.errors));
  assert.deepEqual(report.warnings.map((w) => w.code), ['BACKGROUND_SERVICE_WORKER_IGNORED']);
  assert.equal(report.notices.length, 0);
});

test('the unzipped extension loads in Chromium and badges the X fixture', async () => {
  let worker = context.serviceWorkers().find((w) => w.url().endsWith('/background/worker.js'));
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 45000 });
  assert.match(worker.url(), /^chrome-extension:\/\/[a-p]{32}\/extension\/background\/worker\.js$/);
  await serveFixtures(context, { strictCsp: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(SITES.x);
  await page.waitForFunction(() => document.querySelector('[data-webcare-type] webcare-badge'), null, { timeout: 20000 });
  const types = await page.$$eval('[data-webcare-type]', (els) => els.map((e) => e.getAttribute('data-webcare-type')));
  assert.ok(types.length >= 3 && types.every((t) => ['happy', 'neutral', 'angry', 'question'].includes(t)), types.join());
  assert.deepEqual(errors, []);
  await page.close();
});

test('every extension page of the dist opens without errors or missing files', async () => {
  const worker = context.serviceWorkers().find((w) => w.url().endsWith('/background/worker.js'));
  const base = new URL('../..', worker.url()).href; // chrome-extension://<id>/
  const pages = files.filter((f) => f.startsWith('extension/pages/') && f.endsWith('.html'));
  assert.ok(pages.length >= 3, pages.join());
  for (const p of pages) {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`${p}: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`${p}: console ${m.text()}`); });
    page.on('requestfailed', (r) => problems.push(`${p}: failed ${r.url()}`));
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`${p}: ${r.status()} ${r.url()}`); });
    await page.goto(base + p);
    await page.waitForLoadState('load');
    // Module graphs load before the page script runs; give its first tasks a frame.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('no request left for a non-fixture host', () => {
  assert.deepEqual(foreignRequests(requests, ['x.com']), []);
});
