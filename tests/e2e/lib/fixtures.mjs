// Serves the fixture pages (tests/e2e/pages) at the real hostnames through
// Playwright routing, and aborts every other request so nothing leaves the machine.
//
//   import { serveFixtures, SITES, expectedPosts } from './lib/fixtures.mjs';
//   await serveFixtures(context, { strictCsp: true });
//   await page.goto(SITES.x);
import { readFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { postsFor } from '../pages/shared/posts.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const PAGES_DIR = path.resolve(HERE, '../pages');
export const REPO_ROOT = path.resolve(HERE, '../../..');
export const BUNDLE_DIR = path.join(REPO_ROOT, 'build/fixtures');
/** Bundles are served under this path prefix on every fixture host. */
export const ASSET_PREFIX = '/__fixtures/';

export const SITES = {
  x: 'https://x.com/home',
  xNotifications: 'https://x.com/notifications',
  facebook: 'https://www.facebook.com/',
  linkedin: 'https://www.linkedin.com/feed/',
  linkedinSdui: 'https://www.linkedin.com/feed/?dialect=sdui',
};

const HOSTS = {
  'x.com': 'x',
  'twitter.com': 'x',
  'mobile.x.com': 'x',
  'www.facebook.com': 'facebook',
  'web.facebook.com': 'facebook',
  'www.linkedin.com': 'linkedin',
};

let postsData = null;
function data() {
  if (!postsData) postsData = JSON.parse(readFileSync(path.join(PAGES_DIR, 'posts.json'), 'utf8'));
  return postsData;
}

/**
 * The posts a page shows on first load, in page order, as the page's own
 * window.__fixture sees them: {id, key, name, handle, text, lang, expectedType,
 * media, url, datetime[, comments]} (Facebook adds article/decoy/shownText/shownName).
 * site: 'x' | 'facebook' | 'linkedin'; view: see pages/shared/posts.js.
 */
export function expectedPosts(site, view) {
  return postsFor(data(), site, view);
}

/** Comments of a Facebook/LinkedIn feed, flattened: {postId, id, name, text, expectedType}. */
export function expectedComments(site) {
  return expectedPosts(site).flatMap((p) => (p.comments || []).map((c) => ({ postId: p.id, ...c })));
}

// A CSP like x.com's: scripts only from 'self' + a per-response nonce,
// and neither 'unsafe-eval' nor 'wasm-unsafe-eval' (so pages cannot compile WebAssembly).
function xCsp(nonce) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self' blob:",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}

const TYPES = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json' };

function pageFor(site, url) {
  if (site === 'linkedin' && (url.searchParams.get('dialect') === 'sdui')) return 'linkedin-sdui.html';
  return `${site}.html`;
}

async function serveAsset(route, url) {
  const name = path.basename(url.pathname.slice(ASSET_PREFIX.length));
  const file = path.join(BUNDLE_DIR, name);
  if (!existsSync(file)) {
    return route.fulfill({ status: 404, contentType: 'text/plain', body: `fixture bundle ${name} missing: run make fixtures` });
  }
  return route.fulfill({
    status: 200,
    contentType: TYPES[path.extname(name)] || 'application/octet-stream',
    body: readFileSync(file),
  });
}

/**
 * Route the three sites to the fixture pages on a BrowserContext (or Page).
 * strictCsp: x.com responses carry an x.com-like Content-Security-Policy.
 * Returns {requests, blocked} arrays that record what the pages asked for.
 */
export async function serveFixtures(context, { strictCsp = false } = {}) {
  const log = { requests: [], blocked: [] };
  // Registered first = matched last: everything http(s) that no fixture handles is aborted.
  await context.route((url) => url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:', (route) => {
    log.blocked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  const handler = async (route) => {
    const url = new URL(route.request().url());
    const site = HOSTS[url.hostname];
    log.requests.push(url.href);
    if (!site) return route.abort('blockedbyclient');
    if (url.pathname.startsWith(ASSET_PREFIX)) return serveAsset(route, url);
    if (url.pathname === '/favicon.ico' || url.pathname === '/manifest.json' || url.pathname === '/robots.txt') {
      return route.fulfill({ status: 404, contentType: 'text/plain', body: '' });
    }
    if (route.request().resourceType() !== 'document') {
      log.blocked.push(url.href);
      return route.abort('blockedbyclient');
    }
    const file = path.join(PAGES_DIR, pageFor(site, url));
    if (!existsSync(file)) return route.fulfill({ status: 404, contentType: 'text/plain', body: `no fixture page ${path.basename(file)}` });
    const nonce = randomBytes(16).toString('base64');
    const html = readFileSync(file, 'utf8').replaceAll('{{NONCE}}', nonce);
    const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    if (strictCsp && site === 'x') headers['content-security-policy'] = xCsp(nonce);
    return route.fulfill({ status: 200, headers, body: html });
  };
  for (const pattern of ['https://x.com/**', 'https://twitter.com/**', 'https://mobile.x.com/**',
    'https://www.facebook.com/**', 'https://web.facebook.com/**', 'https://www.linkedin.com/**']) {
    await context.route(pattern, handler);
  }
  return log;
}

/** Chromium launch options for the fixture tests (Debian chromium, no network noise). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run'];
export const CHROMIUM_PATH = '/usr/bin/chromium';
