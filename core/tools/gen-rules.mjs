#!/usr/bin/env node
// gen-rules.mjs — validates every rule file in core/rules/nl/*.json and emits
// the compiled default pack core/src/gen/rules_default.c (static const data,
// no parsing at run time). Deterministic: files sorted by name, no timestamps.
//
//   node core/tools/gen-rules.mjs            write the C file
//   node core/tools/gen-rules.mjs --check    fail if the C file is stale
//
// Pattern language: see core/src/rules.h and core/rules/README.md. This tool
// also expands `~stem` (Dutch verb forms) and `@macro` (core/rules/nl-macros.json).
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RULE_DIR = path.join(root, 'core/rules/nl');
const MACROS = path.join(root, 'core/rules/nl-macros.json');
const OUT = path.join(root, 'core/src/gen/rules_default.c');

const CHECKS = ['phrase', 'greeting', 'thanks', 'apology-excess', 'empathy-first', 'answer-question',
  'follow-up-question', 'sign-off', 'shouting', 'emoji-tone', 'register-mix', 'privacy', 'length',
  'required', 'brand', 'dt-spelling', 'confusion', 'readability'];
const SEVERITIES = ['error', 'warning', 'info'];
const CATEGORIES = ['structure', 'tone', 'safety', 'team'];
const CLASSES = ['num', 'time', 'url', 'email', 'handle', 'hashtag', 'emoji', 'qmark', 'excl', 'caps', 'code'];
const RULE_KEYS = new Set(['id', 'severity', 'kind', 'check', 'message', 'why', 'suggest', 'lists',
  'typos', 'unless_scope', 'fires', 'passes', 'context', 'seed']);
// Lists each checker reads (the phrase checker: match + optional unless).
const CHECK_LISTS = {
  phrase: ['match'], greeting: ['greet', 'not_names'], thanks: ['thanks'], 'apology-excess': ['apology'],
  'empathy-first': ['ack', 'compensate'], 'answer-question': ['answer', 'step'], 'follow-up-question': ['ask'],
  'sign-off': [], shouting: ['acronyms'], 'emoji-tone': ['emoji'], 'register-mix': ['formal', 'informal'],
  privacy: ['data', 'ask', 'private', 'street'], length: [],
};

function fail(file, msg) {
  console.error(`gen-rules: ${path.relative(root, file)}: ${msg}`);
  process.exit(1);
}

// FNV-1a 32 over UTF-8 bytes folded to 16 bits, as wc_hash in core/src/rules.c.
const fold16 = (h) => ((h ^ (h >>> 16)) & 0xffff) || 1;
function hash(str) {
  let h = 2166136261;
  for (const b of Buffer.from(str, 'utf8')) {
    h ^= b;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return fold16(h);
}

// Match key as the tokenizer computes it: NFC, case folded, accents stripped.
// (tests/c/test_rules_examples.c checks every key against the C tokenizer.)
function key(w) {
  return w.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase();
}

const DIPHTHONGS = ['ei', 'ij', 'oe', 'ie', 'ui', 'ou', 'au', 'eu'];
const VOWELS = 'aeiouy';
// Dutch verb forms of a stem: kijk -> kijk kijkt kijken kijkend gekeken? (irregulars from the macros file).
function verbForms(stem, irregular) {
  const forms = new Set([stem, stem + 't']);
  const last = stem.at(-1), prev = stem.at(-2), prev2 = stem.at(-3);
  let en;
  if (stem.endsWith('a') || stem.endsWith('e') || stem.endsWith('o')) en = stem + 'n'; // ga, sta, doe -> gaan? (irregulars)
  else if (prev && prev === prev2 && 'aeou'.includes(prev) && !VOWELS.includes(last)) en = stem.slice(0, -2) + prev + (last === 'f' ? 'v' : last === 's' ? 'z' : last) + 'en';
  else if (prev && VOWELS.includes(prev) && !VOWELS.includes(last) && !DIPHTHONGS.includes(stem.slice(-3, -1)) && !VOWELS.includes(prev2 ?? 'a')) en = stem + last + 'en';
  else en = stem + 'en';
  forms.add(en);
  const kofschip = 'tkfschp'.includes(last) || stem.endsWith('ch');
  const pastSuffix = kofschip ? 'te' : 'de';
  forms.add(stem + pastSuffix);
  forms.add(stem + pastSuffix + 'n');
  forms.add('ge' + stem + (last === 't' || last === 'd' ? '' : kofschip ? 't' : 'd'));
  for (const f of irregular[stem] ?? []) forms.add(f);
  return [...forms];
}

function loadMacros() {
  const m = JSON.parse(readFileSync(MACROS, 'utf8'));
  for (const k of ['words', 'patterns', 'irregular']) if (typeof m[k] !== 'object') fail(MACROS, `missing object "${k}"`);
  return m;
}

// ---- compile -------------------------------------------------------------

const out = { alts: [], slots: [], seqs: [], pats: [], lists: [], suggs: [], rules: [] };
const altRuns = new Map();

function compileAlt(file, raw, typos, slot, macros, depth = 0) {
  if (raw === '') fail(file, 'empty alternative (check the | signs)');
  if (raw.startsWith('@')) {
    const words = macros.words[raw.slice(1)];
    if (!words || depth > 3) fail(file, `unknown word macro ${raw}`);
    for (const w of words.split('|')) compileAlt(file, w, typos, slot, macros, depth + 1);
    return;
  }
  if (raw.startsWith('~')) {
    for (const w of verbForms(key(raw.slice(1)), macros.irregular)) compileAlt(file, w, typos, slot, macros, depth + 1);
    return;
  }
  if (raw.startsWith('#') && raw.length > 1) {
    const c = CLASSES.indexOf(raw.slice(1));
    if (c < 0) fail(file, `unknown token class ${raw}`);
    out.alts.push({ w: null, h: c, kind: 2, len: 0 });
    slot.n_alt++;
    slot.nofilter = 1; // classes and suffixes: neither filtered nor indexed
    return;
  }
  const suffix = raw.length > 1 && raw.startsWith('*');
  const prefix = !suffix && raw.endsWith('*');
  const k = key(prefix ? raw.slice(0, -1) : suffix ? raw.slice(1) : raw);
  if (/[\s]/.test(k)) fail(file, `"${raw}" is not one word`);
  const bytes = Buffer.byteLength(k, 'utf8');
  if (bytes > 60) fail(file, `word too long: ${raw}`);
  if ((prefix || suffix) && bytes < 3) fail(file, `prefix/suffix ${raw} needs at least 3 letters`);
  if (suffix) {
    out.alts.push({ w: k, h: hash(k), kind: 3, len: bytes });
    slot.nofilter = 1;
    slot.n_alt++;
    return;
  }
  // no duplicates within a slot
  const hh = prefix ? hash3(k) : hash(k);
  for (let a = slot.alt; a < out.alts.length; a++) if (out.alts[a].w === k && out.alts[a].kind === (prefix ? 1 : 0)) return;
  out.alts.push({ w: k, h: hh, kind: prefix ? 1 : 0, len: bytes });
  if (!prefix && typos && bytes >= 6 && !slot.nofilter) slot.nofilter = 2; // typo-tolerant: indexed, not filtered
  slot.n_alt++;
}

// First index where the signatures `run` stand contiguously in out.alts[0 .. end).
function findRun(run, end) {
  const n = run.length;
  for (let i = 0; i + n <= end; i++) {
    let j = 0;
    while (j < n && `${out.alts[i + j].kind}:${out.alts[i + j].w}:${out.alts[i + j].h}` === run[j]) j++;
    if (j === n) return i;
  }
  return undefined;
}

function hash3(k) { // FNV-1a of the first 3 bytes
  const b = Buffer.from(k, 'utf8').subarray(0, 3);
  let h = 2166136261;
  for (const x of b) { h ^= x; h = Math.imul(h, 16777619) >>> 0; }
  return fold16(h);
}

function compilePattern(file, src, typos, sugg, nSugg, macros) {
  const pat = { seq: out.seqs.length, n_seq: 0, sugg, n_sugg: nSugg };
  let seq = { slot: out.slots.length, n_slot: 0 };
  let gap = 0;
  const words = src.trim().split(/\s+/);
  if (src.trim() === '') fail(file, 'empty pattern');
  for (const w of [...words, '&']) {
    if (w === '&') {
      if (seq.n_slot === 0) fail(file, `pattern "${src}": nothing before &`);
      out.seqs.push(seq);
      pat.n_seq++;
      seq = { slot: out.slots.length, n_slot: 0 };
      gap = 0;
      continue;
    }
    const g = /^\{(?:0,)?([0-9])\}$/.exec(w);
    if (g) {
      if (seq.n_slot === 0) fail(file, `pattern "${src}": a gap must stand between two words`);
      gap = Number(g[1]);
      continue;
    }
    if (w.startsWith('{')) fail(file, `pattern "${src}": a gap is {N} or {0,N} with N 0..9`);
    const slot = { alt: out.alts.length, n_alt: 0, gap, nofilter: 0, n_word: 0, n_prefix: 0 };
    gap = 0;
    for (const a of w.split('|')) compileAlt(file, a, typos, slot, macros);
    // sorted as wc_alt_order: words by hash, prefixes by hash, classes... (binary search in C)
    const rank = [0, 1, 3, 2];
    const sorted = out.alts.slice(slot.alt).sort((x, y) => (rank[x.kind] - rank[y.kind]) || (x.h - y.h) ||
      (x.w === null || y.w === null ? 0 : Buffer.compare(Buffer.from(x.w), Buffer.from(y.w))));
    out.alts.splice(slot.alt, sorted.length, ...sorted);
    slot.n_word = sorted.filter((a) => a.kind === 0).length;
    slot.n_prefix = sorted.filter((a) => a.kind === 1).length;
    // share runs of alternatives (macros repeat the same word lists): a slot
    // whose sorted alternatives already stand contiguously in the table (or
    // start at its tail) points there
    const sig = (a) => `${a.kind}:${a.w}:${a.h}`;
    const mine = out.alts.slice(slot.alt).map(sig);
    const run = mine.join('|');
    const seen = altRuns.get(run) ?? findRun(mine, slot.alt);
    if (seen !== undefined) {
      out.alts.length = slot.alt;
      slot.alt = seen;
    } else {
      // overlap with the tail of the table: keep only the part that is new
      let k = Math.min(mine.length - 1, slot.alt);
      while (k > 0 && !mine.slice(0, k).every((x, j) => sig(out.alts[slot.alt - k + j]) === x)) k--;
      if (k > 0) {
        out.alts.splice(slot.alt, k);
        slot.alt -= k;
      }
      altRuns.set(run, slot.alt);
    }
    out.slots.push(slot);
    seq.n_slot++;
    if (seq.n_slot > 12) fail(file, `pattern "${src}" has more than 12 positions`);
  }
  if (pat.n_seq > 4) fail(file, `pattern "${src}": at most 4 parts joined by &`);
  // pre-checked when some position is filterable (as wc_pat_filter)
  let filterable = false;
  for (let q = 0; q < pat.n_seq; q++) {
    const sq = out.seqs[pat.seq + q];
    for (let k = 0; k < sq.n_slot; k++) filterable ||= !out.slots[sq.slot + k].nofilter;
  }
  pat.nofilter = filterable ? 0 : 1;
  out.pats.push(pat);
}

function compileList(file, name, entries, typos, macros) {
  if (!Array.isArray(entries)) fail(file, `list "${name}" must be an array`);
  const list = { name, pat: out.pats.length, n_pat: 0 };
  const expand = (e) => {
    if (typeof e === 'string' && e.startsWith('@') && !e.includes(' ') && macros.patterns[e.slice(1)]) {
      return macros.patterns[e.slice(1)].flatMap(expand);
    }
    return [e];
  };
  for (const e0 of entries.flatMap(expand)) {
    let src = e0, repl = [];
    if (typeof e0 === 'object' && e0 !== null) {
      src = e0.pattern;
      repl = e0.replace ?? [];
      if (!Array.isArray(repl) || repl.some((r) => typeof r !== 'string')) fail(file, `"replace" must be an array of strings`);
    }
    if (typeof src !== 'string') fail(file, `list "${name}": a pattern is a string or {pattern, replace}`);
    const sugg = out.suggs.length;
    for (const r of repl) out.suggs.push({ kind: 1, text: r });
    compilePattern(file, src, typos, sugg, repl.length, macros);
    list.n_pat++;
  }
  out.lists.push(list);
}

function compileRule(file, r, macros) {
  for (const k of Object.keys(r)) if (!RULE_KEYS.has(k)) fail(file, `unknown field "${k}"`);
  const id = path.basename(file, '.json');
  if (r.id !== id) fail(file, `"id" must equal the file name (${id})`);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(r.id)) fail(file, 'id must be kebab-case');
  const sev = SEVERITIES.indexOf(r.severity);
  if (sev < 0) fail(file, `"severity" must be one of ${SEVERITIES.join(', ')}`);
  const cat = CATEGORIES.indexOf(r.kind);
  if (cat < 0 || cat === 3) fail(file, '"kind" must be structure, tone or safety');
  const check = CHECKS.indexOf(r.check ?? 'phrase');
  if (check < 0) fail(file, `unknown "check" ${r.check}`);
  for (const k of ['message', 'why']) if (typeof r[k] !== 'string' || r[k].length < 10) fail(file, `"${k}" must be a sentence`);
  if (!Array.isArray(r.fires) || r.fires.length < 1) fail(file, '"fires" needs at least one example');
  if (!Array.isArray(r.passes) || r.passes.length < 1) fail(file, '"passes" needs at least one example');
  for (const ex of [...r.fires, ...r.passes]) {
    if (typeof ex !== 'string' && (typeof ex !== 'object' || typeof ex.text !== 'string')) fail(file, 'an example is a string or {text, ...}');
  }
  const lists = r.lists ?? {};
  const checkName = r.check ?? 'phrase';
  for (const need of CHECK_LISTS[checkName] ?? []) if (!lists[need]) fail(file, `check "${checkName}" needs list "${need}"`);
  for (const name of Object.keys(lists)) {
    const ok = (CHECK_LISTS[checkName] ?? []).includes(name) || (checkName === 'phrase' && name === 'unless');
    if (!ok) fail(file, `check "${checkName}" does not read list "${name}"`);
  }
  const rule = {
    id: r.id, message: r.message, why: r.why, severity: sev, category: cat, check,
    typos: r.typos ? 1 : 0, unless_scope: r.unless_scope === 'reply' ? 1 : 0,
    list: out.lists.length, n_list: 0, sugg: 0, n_sugg: 0,
  };
  if (r.unless_scope && !['reply', 'sentence'].includes(r.unless_scope)) fail(file, 'unless_scope is "sentence" or "reply"');
  for (const name of Object.keys(lists).sort()) {
    compileList(file, name, lists[name], rule.typos, macros);
    rule.n_list++;
  }
  rule.sugg = out.suggs.length;
  for (const s of r.suggest ?? []) {
    const kind = typeof s === 'string' ? 'advice' : s.kind;
    const text = typeof s === 'string' ? s : s.text;
    if (!['advice', 'replace'].includes(kind) || typeof text !== 'string') fail(file, 'a suggestion is a string or {kind: advice|replace, text}');
    out.suggs.push({ kind: kind === 'replace' ? 1 : 0, text });
    rule.n_sugg++;
  }
  out.rules.push(rule);
}

// ---- emit ----------------------------------------------------------------

function cstr(s) {
  if (s === null || s === undefined) return 'NULL';
  // escape as C string; split after \n for readability; escape non-ASCII bytes as octal-free hex-safe
  let o = '"';
  for (const b of Buffer.from(s, 'utf8')) {
    if (b === 0x22) o += '\\"';
    else if (b === 0x5c) o += '\\\\';
    else if (b === 0x0a) o += '\\n';
    else if (b < 0x20 || b >= 0x7f) o += '\\' + b.toString(8).padStart(3, '0');
    else o += String.fromCharCode(b);
  }
  return o + '"';
}

// The word index (rules.h, wc_pack.ix_*): the ascending distinct keys
// (hash | 1) of every word and prefix alternative of a filterable slot, each
// with the slots that hold it (binary search in C).
function wordIndex() {
  const bySlot = new Map();
  out.slots.forEach((s, si) => {
    if (s.nofilter === 1) return;
    for (let a = s.alt; a < s.alt + s.n_word + s.n_prefix; a++) {
      const k = (out.alts[a].h | 1) >>> 0;
      if (!bySlot.has(k)) bySlot.set(k, new Set());
      bySlot.get(k).add(si);
    }
  });
  const keys = [...bySlot.keys()].sort((a, b) => a - b);
  const off = [], slots = [];
  for (const k of keys) {
    off.push(slots.length);
    slots.push(...[...bySlot.get(k)].sort((a, b) => a - b));
  }
  off.push(slots.length);
  if (slots.length > 65535 || out.slots.length > 65535) throw new Error('word index exceeds 16 bits');
  return { n: keys.length, keys, off, slots };
}

function rows(arr, per, fmt) {
  const L = [];
  for (let i = 0; i < arr.length; i += per) L.push('    ' + arr.slice(i, i + per).map(fmt).join(', ') + ',');
  return L;
}


function emit(files) {
  const L = [];
  L.push('/* GENERATED by core/tools/gen-rules.mjs from core/rules/nl — do not edit */');
  L.push(`/* rules: ${out.rules.map((r) => r.id).join(' ')} */`);
  L.push('#include "../rules.h"', '');
  const KIND = ['WC_ALT_WORD', 'WC_ALT_PREFIX', 'WC_ALT_CLASS', 'WC_ALT_SUFFIX'];
  L.push('static const wc_alt ALTS[] = {');
  for (const a of out.alts) L.push(`    {${cstr(a.w)}, ${a.h}u, ${KIND[a.kind]}, ${a.len}},`);
  L.push('};', '');
  L.push('static const wc_slot SLOTS[] = {');
  for (const s of out.slots) L.push(`    {${s.alt}, ${s.n_alt}, ${s.gap}, ${s.nofilter}, ${s.n_word}, ${s.n_prefix}},`);
  L.push('};', '');
  L.push('static const wc_seq SEQS[] = {');
  for (const s of out.seqs) L.push(`    {${s.slot}, ${s.n_slot}},`);
  L.push('};', '');
  L.push('static const wc_pat PATS[] = {');
  for (const p of out.pats) L.push(`    {${p.seq}, ${p.n_seq}, ${p.n_sugg}, ${p.sugg}, ${p.nofilter}},`);
  L.push('};', '');
  L.push('static const wc_list LISTS[] = {');
  for (const l of out.lists) L.push(`    {${cstr(l.name)}, ${l.pat}, ${l.n_pat}},`);
  L.push('};', '');
  L.push('static const wc_sugg SUGGS[] = {');
  for (const s of out.suggs) L.push(`    {${s.kind ? 'WC_SUGG_REPLACE' : 'WC_SUGG_ADVICE'}, ${cstr(s.text)}},`);
  if (out.suggs.length === 0) L.push('    {0, ""},');
  L.push('};', '');
  const ix = wordIndex();
  L.push(`static const uint16_t IX_KEY[${Math.max(1, ix.n)}] = {`, ...rows(ix.n ? ix.keys : [0], 16, String), '};', '');
  L.push(`static const uint16_t IX_OFF[${ix.n + 1}] = {`, ...rows(ix.off, 16, String), '};', '');
  L.push(`static const uint16_t IX_SLOT[${Math.max(1, ix.slots.length)}] = {`, ...rows(ix.slots.length ? ix.slots : [0], 16, String), '};', '');
  L.push('static const wc_rule RULES[] = {');
  for (const r of out.rules) {
    L.push(`    {${cstr(r.id)},`);
    L.push(`     ${cstr(r.message)},`);
    L.push(`     ${cstr(r.why)},`);
    L.push(`     NULL, ${r.severity}, ${r.category}, ${r.check}, ${r.typos}, ${r.unless_scope}, ${r.list}, ${r.n_list}, ${r.n_sugg}, ${r.sugg}},`);
  }
  L.push('};', '');
  L.push('#define N(a) (sizeof a / sizeof a[0])');
  L.push('const wc_pack wc_default_pack = {');
  L.push('    "nl", RULES, N(RULES), LISTS, PATS, SEQS, SLOTS, ALTS, SUGGS,');
  L.push(`    N(LISTS), N(PATS), N(SEQS), N(SLOTS), N(ALTS), ${out.suggs.length},`);
  L.push('    NULL, NULL, 0, NULL,');
  L.push(`    IX_KEY, IX_OFF, IX_SLOT, ${ix.n}, NULL,`);
  L.push('};');
  return L.join('\n') + '\n';
}

const macros = loadMacros();
const files = readdirSync(RULE_DIR).filter((f) => f.endsWith('.json')).sort();
if (files.length === 0) fail(RULE_DIR, 'no rule files');
for (const f of files) {
  const file = path.join(RULE_DIR, f);
  let r;
  try {
    r = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(file, `not valid JSON: ${e.message}`);
  }
  compileRule(file, r, macros);
}
const text = emit(files);
if (process.argv.includes('--check')) {
  let cur = '';
  try { cur = readFileSync(OUT, 'utf8'); } catch { /* missing */ }
  if (cur !== text) {
    console.error('gen-rules: core/src/gen/rules_default.c is stale; run `make regen`');
    process.exit(1);
  }
} else {
  writeFileSync(OUT, text);
}
console.log(`gen-rules: ${out.rules.length} rules, ${out.pats.length} patterns, ${out.alts.length} words`);
