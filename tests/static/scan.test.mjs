// scan.test.mjs — the static checks catch what they claim to catch (and leave
// comments, regexes and look-alikes alone), and the manifest check rejects
// every widening of permissions, hosts and CSP. Run by `make test-static`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkCsp, checkManifest, isSitePattern } from './manifest.mjs';
import { applyAllowlist, lexJs, scanCss, scanEngine, scanHtml, scanJs, scannerFor } from './scan.mjs';

const rules = (hits) => hits.map((h) => h.rule);

test('lexer: comments dropped, strings blanked but kept, templates and regexes handled', () => {
  const src = "const a = 'x // y'; // innerHTML\n/* eval( */ const b = `t${c + '}'}u` / 2; const r = /\\/\\/[a-z]/g;";
  const { code, strings } = lexJs(src);
  assert.equal(code.length, src.length);
  assert.ok(!code.includes('innerHTML') && !code.includes('eval'));
  assert.deepEqual(strings.map((s) => s.value), ['x // y', 't', '}', 'u']);
  assert.ok(code.includes('/ 2'), 'division after a template is not a regex');
  assert.equal(code.split('\n').length, 2);
});

test('every HTML sink is found, in code and as a bracket key', () => {
  const bad = [
    'el.innerHTML = post.text;',
    'host.outerHTML = s;',
    "el.insertAdjacentHTML('beforeend', s);",
    'document.write(s);',
    'document.writeln(s);',
    'new DOMParser().parseFromString(s, "text/html");',
    'range.createContextualFragment(s);',
    "el['innerHTML'] = s;",
    'frame.srcdoc = s;',
    'el.setHTMLUnsafe(s);',
  ];
  for (const src of bad) assert.ok(rules(scanJs(src)).includes('html-sink'), src);
});

test('dynamic code, network APIs and external messaging are found', () => {
  const cases = {
    'dynamic-code': ['eval(s)', 'window.eval(s)', 'new Function("a", s)', 'const f = Function("return 1")',
                     "setTimeout('alert(1)', 10)", 'setInterval(`x()`, 5)'],
    network: ['fetch("https://api.example.com")', 'await fetch(url)', 'new XMLHttpRequest()', 'new WebSocket(u)',
              'navigator.sendBeacon(u, d)', 'importScripts(u)', 'new EventSource(u)'],
    'external-messaging': ['chrome.runtime.onMessageExternal.addListener(f)', 'chrome.runtime.onConnectExternal.addListener(f)'],
    'remote-url': ["const u = 'https://tracker.example/p';", 'img.src = `http://evil.example/${id}`;',
                   "import x from 'https://cdn.example/x.js';", "const w = 'wss://socket.example';"],
  };
  for (const [rule, list] of Object.entries(cases)) {
    for (const src of list) assert.ok(rules(scanJs(src)).includes(rule), `${rule}: ${src}`);
  }
});

test('comments, regexes, look-alike names and namespaces are not hits', () => {
  const ok = [
    '// see https://developer.mozilla.org/ for innerHTML and eval(\nconst a = 1;',
    '/* fetch( XMLHttpRequest */ const b = 2;',
    "el.textContent = post.text; el.setAttribute('data-x', s);",
    "if (typeof x === 'function') isFunction(x); obj.evaluate(); prefetch(); myfetch(1);",
    "const re = /^https?:\\/\\/[^/]+/i; setTimeout(() => run(), 0);",
    "document.createElementNS('http://www.w3.org/2000/svg', 'svg');",
    "const label = 'innerHTML is never used';",
  ];
  for (const src of ok) assert.deepEqual(scanJs(src), [], src);
});

test('HTML pages: inline scripts, handlers, javascript: URLs and remote resources', () => {
  assert.deepEqual(scanHtml('<!doctype html><script type="module" src="a.js"></script><!-- https://x.example -->'), []);
  const bad = ['<script>alert(1)</script>', '<button onclick="go()">', '<a href="javascript:void(0)">',
               '<script src="https://cdn.example/x.js"></script>', '<link rel="stylesheet" href="http://x.example/a.css">',
               '<iframe src="a.html"></iframe>', '<meta http-equiv="refresh" content="0;url=x">'];
  for (const src of bad) assert.ok(scanHtml(src).length > 0, src);
  assert.deepEqual(scanHtml('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), []);
});

test('CSS: remote url() and @import are found, comments are not', () => {
  assert.deepEqual(scanCss('/* https://example.com */ a { color: red; background: url(data:image/png;base64,AA) }'), []);
  assert.ok(scanCss('a { background: url(https://x.example/a.png) }').length);
  assert.ok(scanCss("@import 'theme.css';").length);
});

test('engine scan: network APIs and URLs on raw minified text, typeof checks pass', () => {
  assert.deepEqual(scanEngine('var W=typeof importScripts=="function";var F=typeof fetch=="function";'), []);
  assert.deepEqual(rules(scanEngine('x=new WebSocket(u);y="https://e.example"')), ['network', 'remote-url']);
  assert.equal(scannerFor('extension/engine/webcare-core.mjs'), scanEngine);
  assert.equal(scannerFor('extension/engine/webcare.wasm'), null);
  assert.equal(scannerFor('extension/ui/badge.js'), scanJs);
});

test('allowlist: matching entries allow, the rest fail, unused entries are reported', () => {
  const hits = new Map([['a.js', scanJs('const r = await fetch(url); el.innerHTML = s;')]]);
  const list = [{ file: 'a.js', rule: 'network', match: 'fetch(url)', reason: 'own file' },
                { file: 'b.js', rule: 'network', match: 'fetch(', reason: 'gone' }];
  const { failures, allowed, unused } = applyAllowlist(hits, list);
  assert.deepEqual(allowed.map((a) => a.rule), ['network']);
  assert.deepEqual(failures.map((f) => f.rule), ['html-sink']);
  assert.deepEqual(unused.map((u) => u.file), ['b.js']);
});

test('manifest: the real one passes; every widening fails', () => {
  const real = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8'));
  assert.deepEqual(checkManifest(real), []);
  const variants = {
    'tabs permission': (m) => m.permissions.push('tabs'),
    'scripting permission': (m) => { m.permissions = ['storage', 'scripting']; },
    'no storage': (m) => { m.permissions = []; },
    'optional permission': (m) => { m.optional_permissions = ['history']; },
    'all urls': (m) => m.host_permissions.push('<all_urls>'),
    'other host': (m) => m.host_permissions.push('https://*.example.com/*'),
    'http host': (m) => { m.host_permissions[0] = 'http://*.x.com/*'; },
    'content script elsewhere': (m) => m.content_scripts[0].matches.push('https://*/*'),
    'main world': (m) => { m.content_scripts[0].world = 'MAIN'; },
    'unsafe-eval': (m) => { m.content_security_policy.extension_pages = "script-src 'self' 'unsafe-eval'; object-src 'self'"; },
    'remote script': (m) => { m.content_security_policy.extension_pages = "script-src 'self' 'wasm-unsafe-eval' https://cdn.example; object-src 'self'"; },
    'externally_connectable': (m) => { m.externally_connectable = { matches: ['https://*.x.com/*'] }; },
    'web_accessible_resources': (m) => { m.web_accessible_resources = [{ resources: ['*'], matches: ['<all_urls>'] }]; },
    'update_url': (m) => { m.update_url = 'https://updates.example/x.xml'; },
    'remote worker': (m) => { m.background.service_worker = 'https://cdn.example/w.js'; },
  };
  for (const [name, change] of Object.entries(variants)) {
    const m = structuredClone(real);
    change(m);
    assert.ok(checkManifest(m).length > 0, name);
  }
  assert.ok(checkManifest(real, () => false).some((p) => p.includes('missing file')));
});

test('host patterns and CSP parsing', () => {
  assert.ok(isSitePattern('https://*.linkedin.com/*'));
  assert.ok(isSitePattern('https://x.com/*'));
  assert.ok(!isSitePattern('https://*.x.com.evil.example/*'));
  assert.ok(!isSitePattern('https://*.notx.com/*'));
  assert.ok(!isSitePattern('*://*.x.com/*'));
  assert.deepEqual(checkCsp("script-src 'self' 'wasm-unsafe-eval'; object-src 'self'"), []);
  assert.ok(checkCsp("script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'; object-src 'self'").length);
  assert.ok(checkCsp(undefined).length);
});
