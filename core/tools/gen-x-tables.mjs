#!/usr/bin/env node
// gen-x-tables.mjs — extracts the tables behind X's weighted length from the
// pinned npm packages twitter-text and twemoji-parser and writes them as C:
//   core/src/gen/x_tables.c
// * character classes of twitter-text's URL regex (extractUrl, flags "gi"),
//   computed by running each class regex on every UTF-16 code unit;
// * the valid TLD lists (gTLD then ccTLD, in regex alternation order) as a
//   DAWG over case-folded code units;
// * the twemoji-parser regex as a DAWG over code units (its language is finite).
// The generator checks the structural facts length.c relies on (the shape of
// extractUrl's source, class inclusions, "longest alternative wins") and fails
// loudly if a package update breaks one. Deterministic output.
// Usage: node core/tools/gen-x-tables.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));
const outFile = path.join(root, 'core/src/gen/x_tables.c');

const ttVersion = require('twitter-text/package.json').version;
const tpVersion = require('twemoji-parser/package.json').version;
const rx = (name) => require(`twitter-text/dist/regexp/${name}`);
const emojiRe = require('twemoji-parser/dist/lib/regex').default;

function die(msg) {
  console.error(`gen-x-tables: ${msg}`);
  process.exit(1);
}
function assert(cond, msg) {
  if (!cond) die(msg);
}

// ---- 1. the shape of extractUrl ------------------------------------------
const extractUrl = rx('extractUrl');
const src = (r) => r.source;
const expectUrl =
  '((' + src(rx('validUrlPrecedingChars')) + ')((https?:\\/\\/)?(' + src(rx('validDomain')) +
  ')(?::(' + src(rx('validPortNumber')) + '))?(\\/' + src(rx('validUrlPath')) + '*)?(\\?' +
  src(rx('validUrlQueryChars')) + '*' + src(rx('validUrlQueryEndingChars')) + ')?))';
assert(extractUrl.source === expectUrl, 'extractUrl source changed shape');
assert(extractUrl.flags === 'gi', 'extractUrl flags changed');
const DC = src(rx('validDomainChars'));
const GTLD = src(rx('validGTLD'));
const CCTLD = src(rx('validCCTLD'));
const PUNY = src(rx('validPunycode'));
assert(PUNY === '(?:xn--[\\-0-9a-z]+)', 'validPunycode changed');
assert(src(rx('validSubdomain')) === `(?:(?:${DC}(?:[_-]|${DC})*)?${DC}\\.)`, 'validSubdomain changed');
assert(src(rx('validDomainName')) === `(?:(?:${DC}(?:-|${DC})*)?${DC}\\.)`, 'validDomainName changed');
assert(
  src(rx('validDomain')) === `(?:${src(rx('validSubdomain'))}*${src(rx('validDomainName'))}(?:${GTLD}|${CCTLD}|${PUNY}))`,
  'validDomain changed');
assert(src(rx('validPortNumber')) === '[0-9]+', 'validPortNumber changed');
const G = src(rx('validGeneralUrlPathChars'));
const BP = src(rx('validUrlBalancedParens'));
assert(BP === `\\((?:${G}+|(?:${G}*\\(${G}+\\)${G}*))\\)`, 'validUrlBalancedParens changed');
const E = src(rx('validUrlPathEndingChars'));
const Eclass = E.slice(0, E.indexOf(']|(?:') + 1);
assert(E === `${Eclass}|(?:${BP})`, 'validUrlPathEndingChars changed');
assert(src(rx('validUrlPath')) === `(?:(?:${G}*(?:${BP}${G}*)*${E})|(?:@${G}+\\/))`, 'validUrlPath changed');
const AD = rx('validAsciiDomain');
const Lclass = AD.source.slice(AD.source.indexOf('['), AD.source.indexOf(']+') + 1);
assert(AD.source === `(?:(?:${Lclass}+)\\.)+(?:${GTLD}|${CCTLD}|${PUNY})` && AD.flags === 'gi',
  'validAsciiDomain changed');
const TCO = rx('validTcoUrl');
assert(TCO.source === `^https?:\\/\\/t\\.co\\/([a-z0-9]+)(?:\\?${src(rx('validUrlQueryChars'))}*${src(rx('validUrlQueryEndingChars'))})?` && TCO.flags === 'i',
  'validTcoUrl changed');
assert(src(rx('invalidUrlWithoutProtocolPrecedingChars')) === '[-_.\\/]$', 'invalidUrlWithoutProtocolPrecedingChars changed');

function tldList(s) {
  const m = /^\(\?:\(\?:(.*)\)(\(\?=\[\^0-9a-zA-Z@\+-\]\|\$\))\)$/.exec(s);
  assert(m, 'TLD regex changed shape');
  const list = m[1].split('|');
  for (const t of list) assert(t.length > 0 && !/[\\()[\]{}?*+.^$]/.test(t), `odd TLD ${t}`);
  return list;
}
const gtlds = tldList(GTLD);
const cctlds = tldList(CCTLD);

// ---- 2. character classes (run the real regexes on every code unit) -------
const CLASSES = [
  ['PRE', src(rx('validUrlPrecedingChars')), 'i', 'preceding a URL (validUrlPrecedingChars)'],
  ['DOM', DC, 'i', 'domain label (validDomainChars)'],
  ['PATH', G, 'i', 'URL path (validGeneralUrlPathChars)'],
  ['PEND', Eclass, 'i', 'URL path end (validUrlPathEndingChars)'],
  ['QRY', src(rx('validUrlQueryChars')), 'i', 'query (validUrlQueryChars)'],
  ['QEND', src(rx('validUrlQueryEndingChars')), 'i', 'query end (validUrlQueryEndingChars)'],
  ['TLDLA', '[^0-9a-zA-Z@+-]', 'i', 'may follow a TLD (lookahead)'],
  ['ALBL', Lclass, 'gi', 'ASCII domain label (validAsciiDomain)'],
  ['PUNY', '[\\-0-9a-z]', 'i', 'punycode TLD tail'],
  ['TCO', '[a-z0-9]', 'i', 't.co slug'],
  ['DIGIT', '[0-9]', 'i', 'port digit'],
];
const classSets = {};
for (const [name, s, flags] of CLASSES) {
  const re = new RegExp(`^(?:${s})$`, flags.replace('g', ''));
  const set = new Uint8Array(65536);
  for (let u = 0; u < 65536; u++) set[u] = re.test(String.fromCharCode(u)) ? 1 : 0;
  classSets[name] = set;
}
const has = (name, ch) => classSets[name][typeof ch === 'number' ? ch : ch.charCodeAt(0)] === 1;
// facts length.c relies on
for (const ch of '._-:/?') assert(!has('DOM', ch), `domain class contains ${ch}`);
for (const ch of '()?') assert(!has('PATH', ch), `path class contains ${ch}`);
assert(has('PATH', '/') && has('PEND', '/'), 'slash not a path char');
assert(!has('ALBL', '.'), 'ascii label contains dot');
for (let u = 0; u < 65536; u++) {
  if (has('PEND', u)) assert(has('PATH', u), 'path end char not a path char');
  if (has('QEND', u)) assert(has('QRY', u), 'query end char not a query char');
}

// ---- 3. case-insensitive canonical units (for TLDs and literals) -----------
const ciChars = new Set();
for (const t of [...gtlds, ...cctlds]) for (const ch of t) for (const u of ch.split('')) ciChars.add(u);
for (let u = 0x20; u < 0x7f; u++) ciChars.add(String.fromCharCode(u));
const parent = new Map();
const find = (u) => {
  while (parent.has(u) && parent.get(u) !== u) u = parent.get(u);
  return u;
};
const union = (a, b) => {
  const ra = find(a), rb = find(b);
  if (ra === rb) return;
  if (ra < rb) parent.set(rb, ra); else parent.set(ra, rb);
};
const variants = new Map();
for (const ch of [...ciChars].sort()) {
  const re = new RegExp(`^${ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')}$`, 'i');
  const v = [];
  for (let u = 0; u < 65536; u++) if (re.test(String.fromCharCode(u))) v.push(u);
  variants.set(ch.charCodeAt(0), v);
  for (const u of v) {
    if (!parent.has(u)) parent.set(u, u);
    union(ch.charCodeAt(0), u);
  }
}
const canon = (u) => (parent.has(u) ? find(u) : u);
for (const [c, v] of variants) {
  const vs = new Set(v);
  for (let u = 0; u < 65536; u++) assert((canon(u) === canon(c)) === vs.has(u), `case folding not an equivalence at ${c}/${u}`);
}
const canonPairs = [];
for (let u = 128; u < 65536; u++) if (canon(u) !== u) canonPairs.push([u, canon(u)]);
const asciiCanon = [];
for (let u = 0; u < 128; u++) {
  asciiCanon.push(canon(u));
  assert(canon(u) < 128, 'ASCII folds to non-ASCII');
}
for (let u = 128; u < 65536; u++) if (canon(u) < 128) die(`non-ASCII ${u} folds to ASCII`);

// ---- 4. DAWG builder -----------------------------------------------------
// Trie over code units; node.final: 0 none, 1 plain, 2 needs a lookahead.
function newNode() {
  return { kids: new Map(), final: 0 };
}
function insert(rootNode, units, final) {
  let n = rootNode;
  for (const u of units) {
    if (!n.kids.has(u)) n.kids.set(u, newNode());
    n = n.kids.get(u);
  }
  if (n.final === 0 || final === 1) n.final = final;
}
function toDawg(rootNode) {
  const ids = new Map(); // signature -> id
  const states = [];
  function visit(n) {
    const kids = [...n.kids.entries()].sort((a, b) => a[0] - b[0]).map(([u, k]) => [u, visit(k)]);
    const sig = n.final + ':' + kids.map(([u, k]) => `${u}>${k}`).join(',');
    if (ids.has(sig)) return ids.get(sig);
    const edges = [];
    for (const [u, k] of kids) {
      const last = edges[edges.length - 1];
      if (last && last.hi + 1 === u && last.to === k) last.hi = u;
      else edges.push({ lo: u, hi: u, to: k });
    }
    states.push({ final: n.final, edges });
    ids.set(sig, states.length - 1);
    return states.length - 1;
  }
  const r = visit(rootNode);
  // renumber so the root is state 0, the rest in BFS order (deterministic)
  const order = [r];
  const seen = new Map([[r, 0]]);
  for (let i = 0; i < order.length; i++) {
    for (const e of states[order[i]].edges) {
      if (!seen.has(e.to)) {
        seen.set(e.to, order.length);
        order.push(e.to);
      }
    }
  }
  return order.map((old) => ({
    final: states[old].final,
    edges: states[old].edges.map((e) => ({ lo: e.lo, hi: e.hi, to: seen.get(e.to) })),
  }));
}

// ---- 5. TLDs -------------------------------------------------------------
const allTlds = [...gtlds, ...cctlds];
const tldUnits = allTlds.map((t) => t.split('').map((c) => canon(c.charCodeAt(0))));
// the regex takes the first alternative in list order whose lookahead holds; the
// DAWG takes the longest. They agree if a TLD that is a proper prefix of
// another (after folding) always comes later in the list.
{
  const rank = new Map();
  tldUnits.forEach((u, i) => {
    const k = u.join(',');
    if (!rank.has(k)) rank.set(k, i);
  });
  tldUnits.forEach((u, i) => {
    for (let l = 1; l < u.length; l++) {
      const k = u.slice(0, l).join(',');
      if (rank.has(k) && rank.get(k) < i) {
        // the shorter one wins only if its lookahead can hold where the longer continues
        if (has('TLDLA', u[l])) die(`TLD order: ${allTlds[rank.get(k)]} before ${allTlds[i]}`);
      }
    }
  });
}
// length.c skips URL work unless a '.' sits between two domain characters:
// that needs every TLD (and every case variant of its first unit) to start
// with a domain character.
for (const t of allTlds) {
  const c0 = canon(t.charCodeAt(0));
  for (let u = 0; u < 65536; u++) if (canon(u) === c0) assert(has('DOM', u), `TLD ${t} starts with a non-domain unit`);
}
const tldRoot = newNode();
for (const u of tldUnits) insert(tldRoot, u, 1);
const tldDawg = toDawg(tldRoot);

// ---- 6. the twemoji regex --------------------------------------------------
function parseRegex(s) {
  let i = 0;
  const unit = () => {
    if (s[i] === '\\') {
      if (s[i + 1] === 'u') {
        const v = parseInt(s.slice(i + 2, i + 6), 16);
        i += 6;
        return v;
      }
      const c = s.charCodeAt(i + 1);
      i += 2;
      return c;
    }
    return s.charCodeAt(i++);
  };
  function alt() {
    const alts = [seq()];
    while (s[i] === '|') {
      i++;
      alts.push(seq());
    }
    return { t: 'alt', alts };
  }
  function seq() {
    const items = [];
    while (i < s.length && s[i] !== '|' && s[i] !== ')') {
      let atom;
      if (s[i] === '(') {
        i++;
        let la = null;
        if (s.startsWith('?:', i)) i += 2;
        else if (s.startsWith('?!', i)) { i += 2; la = 'neg'; }
        else if (s[i] === '?') die(`unsupported group at ${i}`);
        const inner = alt();
        assert(s[i] === ')', `expected ) at ${i}`);
        i++;
        atom = la ? { t: 'la', node: inner } : inner;
      } else if (s[i] === '[') {
        i++;
        assert(s[i] !== '^', 'negated class in emoji regex');
        const set = [];
        while (s[i] !== ']') {
          const lo = unit();
          let hi = lo;
          if (s[i] === '-' && s[i + 1] !== ']') {
            i++;
            hi = unit();
          }
          for (let u = lo; u <= hi; u++) set.push(u);
        }
        i++;
        atom = { t: 'set', set: [...new Set(set)].sort((a, b) => a - b) };
      } else {
        assert(!'.*+{}^$'.includes(s[i]), `unsupported syntax ${s[i]} at ${i}`);
        atom = { t: 'set', set: [unit()] };
      }
      if (s[i] === '?') {
        i++;
        assert(!'?*+'.includes(s[i] || ''), 'lazy/compound quantifier');
        atom = { t: 'alt', alts: [{ t: 'seq', items: [atom] }, { t: 'seq', items: [] }] };
      }
      assert(!'*+{'.includes(s[i] || '#'), `unsupported quantifier at ${i}`);
      items.push(atom);
    }
    return { t: 'seq', items };
  }
  const r = alt();
  assert(i === s.length, 'trailing regex text');
  return r;
}
// Paths in priority order: arrays of sets, possibly ending with {neg: set}.
function paths(node) {
  if (node.t === 'set') return [[node.set]];
  if (node.t === 'la') {
    const inner = paths(node.node);
    inner.forEach((p) => assert(p.length === 1 && !p[0].neg, 'complex lookahead'));
    return [[{ neg: inner.flatMap((p) => p[0]) }]];
  }
  if (node.t === 'alt') return node.alts.flatMap(paths);
  let acc = [[]];
  for (const it of node.items) {
    const next = [];
    for (const a of acc) for (const b of paths(it)) next.push([...a, ...b]);
    acc = next;
  }
  return acc;
}
assert(emojiRe.flags === 'g', 'twemoji regex flags changed');
const emojiPaths = [];
for (const p of paths(parseRegex(emojiRe.source))) {
  // resolve lookaheads: in the middle they filter the next unit; at the end they stay
  const sets = [];
  let cond = null;
  let ok = true;
  for (let k = 0; k < p.length; k++) {
    if (p[k].neg) {
      if (k === p.length - 1) cond = p[k].neg;
      else {
        const nx = p[k + 1];
        assert(!nx.neg, 'two lookaheads');
        p[k + 1] = nx.filter((u) => !p[k].neg.includes(u));
        if (p[k + 1].length === 0) ok = false;
      }
    } else sets.push(p[k]);
  }
  if (!ok) continue;
  if (cond) assert(cond.length === 1 && cond[0] === 0xfe0e, 'lookahead other than (?!\\ufe0e)');
  emojiPaths.push({ sets, cond: !!cond });
}
// priority check: the DAWG takes the longest match; the regex the first
// alternative. Every path that can match where a longer one also matches must
// come after it.
for (let a = 0; a < emojiPaths.length; a++) {
  for (let b = 0; b < emojiPaths.length; b++) {
    const P = emojiPaths[a], Q = emojiPaths[b];
    if (P.sets.length >= Q.sets.length || a < b === false) continue;
    // a < b: P (shorter) has priority over Q; it must never match where Q does
    let overlap = true;
    for (let k = 0; k < P.sets.length && overlap; k++) overlap = P.sets[k].some((u) => Q.sets[k].includes(u));
    if (!overlap) continue;
    if (P.cond && Q.sets[P.sets.length].every((u) => u === 0xfe0e)) continue;
    die(`emoji priority: alternative ${a} (len ${P.sets.length}) shadows longer ${b}`);
  }
}
const emojiRoot = newNode();
let emojiStrings = 0;
for (const p of emojiPaths) {
  const rec = (k, acc) => {
    if (k === p.sets.length) {
      insert(emojiRoot, acc, p.cond ? 2 : 1);
      emojiStrings++;
      return;
    }
    for (const u of p.sets[k]) rec(k + 1, [...acc, u]);
  };
  rec(0, []);
}
const emojiDawg = toDawg(emojiRoot);

// ---- 7. emit C -------------------------------------------------------------
function ranges(set) {
  const out = [];
  for (let u = 128; u < 65536; u++) {
    if (!set[u]) continue;
    const last = out[out.length - 1];
    if (last && last[1] === u - 1) last[1] = u;
    else out.push([u, u]);
  }
  return out;
}
function wrap(items, per) {
  const lines = [];
  for (let k = 0; k < items.length; k += per) lines.push('    ' + items.slice(k, k + per).join(', ') + ',');
  return lines.join('\n');
}
const hex = (u) => '0x' + u.toString(16).toUpperCase().padStart(4, '0');
// A DAWG as C arrays, one entry per edge. A state is the index of its first
// edge; its edges are contiguous, sorted by unit, and deg[e] counts the edges
// of the state from e on (so deg[state] is its edge count). An edge covers
// units label..label+span (span NULL: one unit each) and next = delta << 2 |
// final: the target state is e + delta (14-bit signed; delta 0: the target
// has no edges) and final its final flag. Labels and next are split into
// high and low bytes (they compress better). States are laid out depth
// first, the last edge's target first (it often follows its parent).
function emitDawg(name, d) {
  // a few short ranges cost less as single-unit edges than a span per edge
  const nEdges = d.reduce((n, s) => n + s.edges.length, 0);
  const extra = d.reduce((n, s) => n + s.edges.reduce((m, e) => m + e.hi - e.lo, 0), 0);
  const split = extra * 4 < nEdges;
  const edgesOf = d.map((s) => s.edges.flatMap((e) => {
    if (!split) return [{ lo: e.lo, span: e.hi - e.lo, to: e.to }];
    const out = [];
    for (let u = e.lo; u <= e.hi; u++) out.push({ lo: u, span: 0, to: e.to });
    return out;
  }));
  const order = [];
  const seen = new Set();
  const stack = [0];
  while (stack.length) {
    const x = stack.pop();
    if (seen.has(x)) continue;
    seen.add(x);
    if (edgesOf[x].length) order.push(x);
    for (const e of edgesOf[x]) stack.push(e.to);
  }
  assert(order[0] === 0, `${name}: the root must have edges`);
  const start = new Map();
  let n = 0;
  for (const x of order) {
    start.set(x, n);
    n += edgesOf[x].length;
  }
  assert(n < 8192, `${name}: too many edges for a 14-bit delta`);
  const label = [], span = [], deg = [], next = [];
  for (const x of order) {
    edgesOf[x].forEach((e, k) => {
      const here = label.length;
      const delta = edgesOf[e.to].length ? start.get(e.to) - here : 0;
      label.push(e.lo);
      span.push(e.span);
      deg.push(edgesOf[x].length - k);
      next.push(((delta & 0x3fff) << 2) | d[e.to].final);
    });
  }
  assert(span.every((x) => x < 256) && deg.every((x) => x < 256), `${name}: a span or degree over 255`);
  // self-check: decode the arrays as length.c does and compare every state
  const checked = new Map();
  const check = (x, s) => {
    if (checked.has(x)) return assert(checked.get(x) === s, `${name}: state ${x} at two places`);
    checked.set(x, s);
    assert(deg[s] === edgesOf[x].length, `${name}: degree of state ${x}`);
    edgesOf[x].forEach((e, k) => {
      const i = s + k;
      assert(label[i] === e.lo && span[i] === e.span && deg[i] === deg[s] - k, `${name}: edge ${i}`);
      assert(k === 0 || label[i] > label[i - 1] + span[i - 1], `${name}: edges of ${x} unsorted`);
      const delta = ((next[i] >> 2) ^ 0x2000) - 0x2000;
      assert((next[i] & 3) === d[e.to].final, `${name}: final of edge ${i}`);
      if (edgesOf[e.to].length) check(e.to, i + delta);
      else assert(delta === 0 && d[e.to].final, `${name}: end of edge ${i}`);
    });
  };
  check(0, 0);
  const spans = span.some((x) => x) ? `${name}_span` : 'NULL';
  const bytes = (arr, shift) => wrap(arr.map((v) => (v >> shift) & 0xff), 24);
  return [
    `static const uint8_t ${name}_label_hi[] = {\n${bytes(label, 8)}\n};`,
    `static const uint8_t ${name}_label_lo[] = {\n${bytes(label, 0)}\n};`,
    ...(spans === 'NULL' ? [] : [`static const uint8_t ${name}_span[] = {\n${wrap(span, 24)}\n};`]),
    `static const uint8_t ${name}_deg[] = {\n${wrap(deg, 24)}\n};`,
    `static const uint8_t ${name}_next_hi[] = {\n${bytes(next, 8)}\n};`,
    `static const uint8_t ${name}_next_lo[] = {\n${bytes(next, 0)}\n};`,
    `const wc_x_dawg wc_x_${name} = {${name}_label_hi, ${name}_label_lo, ${spans}, ${name}_deg, ${name}_next_hi, ${name}_next_lo};`,
  ].join('\n\n');
}

const parts = [];
parts.push(`/* GENERATED by core/tools/gen-x-tables.mjs from twitter-text ${ttVersion} and twemoji-parser ${tpVersion} — do not edit.
 * Tables for wc_x_weighted_length (core/src/length.c): the character classes of
 * twitter-text's URL regex, its TLD lists (${gtlds.length} gTLD + ${cctlds.length} ccTLD) and the twemoji
 * regex (${emojiStrings} sequences) as DAWGs over UTF-16 code units. */
#include "length.h"
`);
const bitOf = Object.fromEntries(CLASSES.map(([n], k) => [n, k]));
parts.push(`/* Class bits of ASCII units (WC_XC_*, see length.h). */
const uint16_t wc_x_ascii_class[128] = {
${wrap(Array.from({ length: 128 }, (_, u) => {
  let b = 0;
  for (const [n] of CLASSES) if (classSets[n][u]) b |= 1 << bitOf[n];
  if (emojiDawg[0].edges.some((e) => e.lo <= u && u <= e.hi)) b |= 1 << CLASSES.length;
  return hex(b);
}), 8)}
};`);
const rangeDecls = [];
for (const [n, , , doc] of CLASSES) {
  const r = ranges(classSets[n]);
  parts.push(`/* ${doc}: non-ASCII ranges */
static const wc_x_range ranges_${n.toLowerCase()}[] = {
${r.length ? wrap(r.map(([a, b]) => `{${hex(a)}, ${hex(b)}}`), 6) : '    {0xFFFF, 0x0000}, /* none */'}
};`);
  rangeDecls.push(`{ranges_${n.toLowerCase()}, ${r.length}}`);
}
parts.push(`const wc_x_ranges wc_x_class[WC_XC_COUNT] = {\n${wrap(rangeDecls, 3)}\n};`);
parts.push(`/* Case folding as the "i" flag sees it: ASCII units, then sorted (unit, canonical) pairs. */
const uint16_t wc_x_canon_ascii[128] = {
${wrap(asciiCanon.map(hex), 8)}
};

static const uint16_t canon_from[] = {
${wrap(canonPairs.map((p) => hex(p[0])), 10)}
};

static const uint16_t canon_to[] = {
${wrap(canonPairs.map((p) => hex(p[1])), 10)}
};

const wc_x_canon_table wc_x_canon = {canon_from, canon_to, ${canonPairs.length}};`);
parts.push(`/* TLDs over canonical units; final = 1 where a TLD ends. */\n` + emitDawg('tld', tldDawg));
parts.push(`/* twemoji-parser's regex; final = 1 match, 2 match unless the next unit is U+FE0E. */\n` + emitDawg('emoji', emojiDawg));
const out = parts.join('\n\n') + '\n';

// sanity: the class bit numbering must match length.h
const hdr = readFileSync(path.join(root, 'core/src/length.h'), 'utf8');
for (const [n] of CLASSES) {
  const m = new RegExp(`WC_XC_${n}\\s*=\\s*(\\d+)`).exec(hdr);
  assert(m && Number(m[1]) === bitOf[n], `length.h: WC_XC_${n} must be ${bitOf[n]}`);
}
assert(new RegExp(`WC_XC_EMOJI1\\s*=\\s*${CLASSES.length}\\b`).test(hdr), `length.h: WC_XC_EMOJI1 must be ${CLASSES.length}`);

if (process.argv.includes('--check')) {
  const cur = readFileSync(outFile, 'utf8');
  if (cur !== out) die('core/src/gen/x_tables.c is stale; run node core/tools/gen-x-tables.mjs');
  console.log('gen-x-tables: up to date');
} else {
  writeFileSync(outFile, out);
  console.log(`gen-x-tables: wrote ${path.relative(root, outFile)} (TLD states ${tldDawg.length}, emoji states ${emojiDawg.length}, emoji strings ${emojiStrings}, canon pairs ${canonPairs.length})`);
}
