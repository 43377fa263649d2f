// length.test.mjs — X weighted length: WASM (and native) must agree with
// twitter-text's parseTweet(text).weightedLength on every input. Strings are
// generated with a seeded PRNG (deterministic): emoji sequences, URLs with and
// without scheme, TLD and path edge cases, combining accents (NFC matters),
// CJK, Hangul, Arabic, handles, hashtags, digits, newlines, plus a "noise"
// generator over the characters the URL and emoji rules care about.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadEngine, mulberry32, nativeCall, root } from './helpers.mjs';

const require = createRequire(path.join(root, 'package.json'));
const twitterText = require('twitter-text');

const WORDS = ['hallo', 'bedankt', 'Vóór', 'café', 'e-mail', "zo'n", 'KLM', 'NS', 'trein', 'vertraging',
  'Dank', 'je', 'wel', 'we', 'kijken', 'het', 'na', 'DM', 'ons', 'even', 'ordernummer', 'naïef', 'ﬁets',
  'Ångström', 'über', 'ß', 'İstanbul', 'com', 'nl', 'www', 'http', 'https', 'xn--', 'co', 'a', 'x'];
const ACCENTS = ['e\u0301', 'a\u0308', 'o\u0302\u0323', 'o\u0323\u0302', '\u1e9b\u0323', 'u\u0308\u0301',
  '\u212b', '\u2126', '\uf900', '\u0958', '\u1100\u1161\u11a8', '\u1100\u1161', '\uac00\u11a8', '\u0627\u0653',
  'и\u0306', 'й', '\u03b1\u0301', 'ά', '\u0344', '\u0f73', 'e\u0327\u0306', '\u00e9\u0301', 'A\u030a',
  '\u0b47\u0b3e', '\u1d15e', '\ud834\udd60', '\u0301', '\u0300abc', 'ñ', 'n\u0303', 'ǅ'];
const CJK = ['日本語', '中文', '。', '、', '한국어', '안녕하세요', 'カタカナ', 'ｶﾀｶﾅ', '中国', '香港', 'みんな',
  '网址', '．', '｡', '\u3000', 'ありがとう'];
const ARABIC = ['مرحبا', 'شكرا', '\u061c', '\u200f', '\u200e', 'עברית', '١٢٣'];
const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧', '🤦‍♀️', '🏳️‍🌈', '🇳🇱', '🇳', '1️⃣', '#️⃣', '#⃣', '*\u20e3', '❤️', '❤',
  '❤\ufe0e', '\ufe0f', '\ufe0e', '©', '©️', '™', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '☺', '☺️', '👩🏿‍🚀', '🧑‍🤝‍🧑', '⛹🏽‍♀️', '⛹️‍♂️',
  '👨‍❤️‍💋‍👨', '🏻', '\u200d', '👋🏻\u200d', '🫠', '🥲', '⌚', '↔️', '\u2640\ufe0f', '9\ufe0f', '🅰', '🅰️', '\ue50a'];
const TLDS = ['com', 'nl', 'be', 'co.uk', 'org', 'io', 'ai', 'app', 'amsterdam', 'xyzq', 'рф', '中国', 'みんな',
  'xn--p1ai', 'xn--abc', 'XN--P1AI', 'COM', 'Nl', 'co', 'community', 'comx', 'c', 'museum', 'онлайн', 'ком',
  '嘉里大酒店', '嘉里', 'ελ', 'קום', 'onion', 'zip', 'zippo', 'london', 'de', 'frl', 'brussels'];
const LABELS = ['www', 'ns', 'klm', 'bol', 'my-site', 'a', 'x1', 'sub_domain', '-bad', 'bad-', 'café', 'über',
  '日本', 'пример', 'xn--bcher-kva', 'WWW', 'Ns', 'example', 't', '1', 'a_b', 'ñ', '😀', 'e\u0301'];
const PATHS = ['/', '/a/b', '/foo(bar)', '/wiki/Foo_(bar)', '/a.', '/a-', '/%20x', '/@user/', '/é', '/x?', '/a(b(c)d)e',
  '/a(b', '/(x)', '/~u/p.html', '/a,b', "/it's", '/x!', '/a--', '/p;q', '/Ж', '/a[1]', '/a|b', '/a&b=c', '/\u2013x',
  '/x/', '/x//', '/a:b', '/a.b.c', '/😀', '/a_', '/a=', '/a+', '/a#b', '/a$', '/(', '/)'];
const QUERIES = ['?a=1&b=2', '?q=x.', '?', '?x', '?a=(1)', '?x=1!', '#frag', '?s=é', '?a=b?', '?_', '?a/b/'];
const SEPS = [' ', ' ', ' ', '\n', '', '  ', '\t', '.', ',', '-', '/', '_', '\u200f', '\u3000', '\u00a0', '(', ')',
  '"', "'", ':', '!', '?', '@', '#', '$', '＠', '\u202a', '\ufeff', '…', '—', '–', '·', '😀'];
const MISC = ['@KLM', '@ns_online', '#fail', '#NS', '$TSLA', 'a@b.nl', 'info@ns.nl', '16:00', '3.50', '1.000',
  '06-1234', '2024', '…', '...', '!!!', '??', '”', '‘', '€', '£', '½', '²', 'ﬀ', '\u00ad', '\u2028'];

function makeCase(rnd) {
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const url = () => {
    let s = '';
    const r = rnd();
    if (r < 0.35) s += pick(['https://', 'http://', 'HTTPS://', 'Http://', 'https:/', 'ftp://', 'https://']);
    if (r > 0.9) return pick(['https://t.co/abc123', 'https://t.co/' + 'a'.repeat(41), 'http://t.co/x?a=1.', 't.co/abc', 'https://t.co/ab_c']);
    const nl = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < nl; i++) s += pick(LABELS) + pick(['.', '.', '.', '.', '。', '..', '-.']);
    s += pick(TLDS);
    if (rnd() < 0.15) s += ':' + pick(['80', '8080', '', 'x']);
    if (rnd() < 0.45) s += pick(PATHS);
    if (rnd() < 0.2) s += pick(PATHS);
    if (rnd() < 0.25) s += pick(QUERIES);
    if (rnd() < 0.3) s += pick(['.', ',', '!', '?', ')', "'", '.)', '...', ':', ';', '"', '-', '_']);
    if (rnd() < 0.1) s = '(' + s + ')';
    return s;
  };
  const pieces = [];
  const n = 1 + Math.floor(rnd() * (rnd() < 0.1 ? 60 : 14));
  for (let i = 0; i < n; i++) {
    const r = rnd();
    let p;
    if (r < 0.25) p = url();
    else if (r < 0.45) p = pick(WORDS);
    else if (r < 0.55) p = pick(ACCENTS);
    else if (r < 0.62) p = pick(CJK);
    else if (r < 0.67) p = pick(ARABIC);
    else if (r < 0.82) p = pick(EMOJI);
    else if (r < 0.87) p = String.fromCodePoint(0x1f300 + Math.floor(rnd() * 0x800)) + (rnd() < 0.3 ? pick(['\ufe0f', '\ufe0e', '🏽', '\u200d']) : '');
    else if (r < 0.9) p = String.fromCodePoint(0x2190 + Math.floor(rnd() * 0x700)) + (rnd() < 0.4 ? pick(['\ufe0f', '\ufe0e']) : '');
    else if (r < 0.92) p = String.fromCodePoint(Math.floor(rnd() * 0x3000) + 0x80);
    else p = pick(MISC);
    pieces.push(p);
    pieces.push(rnd() < 0.7 ? ' ' : pick(SEPS));
  }
  return pieces.join('');
}

const ALPHA = ['a', 'b', 'é', '.', '.', '/', '/', '(', ')', '@', '?', '=', '-', '_', ':', '1', ' ', '#', '!', "'", '&',
  '😀', '\u0301', '日', '。', '\ufe0f', '\ufe0e', '\u20e3', '👍', '🏽', '\u200d', '♀', '[', ']', '~', '%', ',', '$', '\n',
  'com', 'nl', 'co', 'xn--', 'http://', 'https://', 't.co/', 'www.', 'рф', '中国', 'A', 'Z', 'ж', '\u2013', '+', '*', '|',
  '\u200f', '\u3000', '❤', '©', '9', '\u0308', 'ı', 'K', '\u212a', 'ſ', 'S', 'к', 'Ⓜ', '🇳', '🇱',
  'РФ', 'КОМ', 'ΕΛ', 'ς', 'Σ', '\u1c82', 'İ', 'ẞ', '嘉里', '大酒店', 'XN--', 'onion', '\uff0e', '\uff61', 'ab_c', '-x'];
function makeNoise(rnd) {
  const n = 1 + Math.floor(rnd() * 40);
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHA[Math.floor(rnd() * ALPHA.length)];
  return s;
}

function cases(seed, n) {
  const rnd = mulberry32(seed);
  const out = [];
  for (let i = 0; i < n; i++) {
    const s = (i % 3 === 2 ? makeNoise : makeCase)(rnd);
    // lone surrogates cannot cross into UTF-8; the engine replaces them
    out.push(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ''));
  }
  return out;
}

const N = 12000;

test(`WASM length(text, 'x') equals twitter-text parseTweet on ${N} generated strings`, async () => {
  const engine = await loadEngine();
  const texts = cases(20240601, N);
  let compared = 0, withUrl = 0, needNfc = 0;
  const bad = [];
  for (const s of texts) {
    const want = twitterText.parseTweet(s).weightedLength;
    const got = engine.length(s, 'x').used;
    if (got !== want) bad.push({ s, want, got });
    compared++;
    if (twitterText.extractUrls(s).length) withUrl++;
    if (s.normalize() !== s) needNfc++;
  }
  engine.close();
  console.log(`length: compared ${compared} strings with twitter-text (${withUrl} with URLs, ${needNfc} not NFC): ${bad.length} disagreements`);
  assert.deepEqual(bad.slice(0, 5), []);
  assert.ok(withUrl > N / 10 && needNfc > N / 20, 'the generator covers URLs and NFC');
});

test('native CLI agrees with WASM and twitter-text on a sample', async () => {
  const engine = await loadEngine();
  const texts = cases(7, 1500);
  const reqs = texts.map((text) => JSON.stringify({ op: 'length', text, platform: 'x' }));
  const native = nativeCall(reqs);
  assert.equal(native.length, reqs.length);
  texts.forEach((s, i) => {
    assert.equal(native[i], engine.callJson(reqs[i]), `native == wasm for ${JSON.stringify(s)}`);
    assert.equal(JSON.parse(native[i]).result.used, twitterText.parseTweet(s).weightedLength, JSON.stringify(s));
  });
  engine.close();
});

test('LinkedIn and Facebook count UTF-16 units against 1250 and 8000', async () => {
  const engine = await loadEngine();
  for (const s of ['', 'Dank je wel! 😀', 'e\u0301', '日本語 👨‍👩‍👧', 'x'.repeat(1251)]) {
    const li = engine.length(s, 'linkedin');
    const fb = engine.length(s, 'facebook');
    assert.equal(li.used, s.length);
    assert.equal(li.limit, 1250);
    assert.equal(fb.used, s.length);
    assert.equal(fb.limit, 8000);
    assert.equal(li.over, s.length > 1250);
  }
  engine.close();
});

test('core/src/gen/x_tables.c matches the installed twitter-text and twemoji-parser', () => {
  const out = execFileSync('node', [path.join(root, 'core/tools/gen-x-tables.mjs'), '--check']).toString();
  assert.match(out, /up to date/);
});
