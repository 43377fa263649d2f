#!/usr/bin/env node
// gen-lexicon.mjs — compiles the classifier's word lists (core/lexicon/*.txt)
// and model weights (core/lexicon/model.json) into C tables:
//   core/src/gen/lexicon_words.c  (words, stems, phrases, emoji)
//   core/src/gen/lexicon_model.c  (linear model weights)
// Deterministic: keys are normalised (lower case, accents stripped), sorted
// bytewise, no timestamps. Usage: node core/tools/gen-lexicon.mjs [--check]
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const lexDir = path.join(root, 'core/lexicon');
const genDir = path.join(root, 'core/src/gen');

const CATS = {
  sent: 'WC_LX_SENT', prof: 'WC_LX_PROF', intens: 'WC_LX_INTENS', negator: 'WC_LX_NEGATOR',
  qword: 'WC_LX_QWORD', contrast: 'WC_LX_CONTRAST', complaint: 'WC_LX_COMPLAINT',
  sarcmark: 'WC_LX_SARCMARK', thanks: 'WC_LX_THANKS', acronym: 'WC_LX_ACRONYM',
  modifier: 'WC_LX_MODIFIER', pronoun: 'WC_LX_PRONOUN', greeting: 'WC_LX_GREETING',
  func_nl: 'WC_LX_FUNC_NL', func_en: 'WC_LX_FUNC_EN', vague: 'WC_LX_VAGUE',
  lang_nl: 'WC_LX_LANG_NL', lang_en: 'WC_LX_LANG_EN', wh: 'WC_LX_WH', phrase: 'WC_LX_PHRASE',
};
const PHRASE_LABELS = ['sarcasm', 'rhetorical', 'question', 'happy', 'angry', 'neutral'];
const EMOJI_LABELS = ['pos', 'neg', 'sarc', 'question', 'neutral'];

function fail(file, line, msg) {
  console.error(`gen-lexicon: ${file}:${line}: ${msg}`);
  process.exit(1);
}

/** Match key as the C text layer makes it: NFC, case folded, accents stripped. */
function normKey(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC');
}

function lines(file) {
  const text = readFileSync(path.join(lexDir, file), 'utf8');
  return text.split('\n').map((l, i) => [l.trim(), i + 1])
    .filter(([l]) => l.length > 0 && !l.startsWith('# '));
}

const bytes = (s) => Buffer.from(s, 'utf8');
const cmpBytes = (a, b) => Buffer.compare(bytes(a), bytes(b));
// word tables: by first byte, then length, then bytes (find_exact's binary
// search compares lengths before bytes)
const cmpWords = (a, b) => {
  const x = bytes(a), y = bytes(b);
  return x[0] - y[0] || x.length - y.length || Buffer.compare(x, y);
};

// ---- words and stems ----------------------------------------------------
const words = new Map(); // key -> {weight, cats:Set}
const stems = new Map();

function entry(map, key) {
  if (!map.has(key)) map.set(key, { weight: 0, cats: new Set() });
  return map.get(key);
}

function addWord(file, ln, raw, cats, weight) {
  let key = normKey(raw);
  let map = words;
  if (key.endsWith('*')) { key = key.slice(0, -1); map = stems; }
  if (!key || /\s/.test(key)) fail(file, ln, `bad key "${raw}"`);
  if (bytes(key).length > 40) fail(file, ln, `key too long "${raw}"`);
  const e = entry(map, key);
  if (weight !== undefined) {
    if (e.cats.has('sent')) fail(file, ln, `duplicate sentiment entry "${raw}"`);
    e.weight = weight;
    e.cats.add('sent');
  }
  for (const c of cats) e.cats.add(c);
}

for (const [file, lang] of [['sentiment-nl.txt', 'lang_nl'], ['sentiment-en.txt', 'lang_en']]) {
  for (const [l, ln] of lines(file)) {
    const m = /^(\S+)\s+(-?[0-3])$/.exec(l);
    if (!m) fail(file, ln, `expected "word weight": ${l}`);
    addWord(file, ln, m[1], [lang], Number(m[2]));
  }
}
for (const [l, ln] of lines('profanity.txt')) {
  if (/\s/.test(l)) fail('profanity.txt', ln, `one word per line: ${l}`);
  addWord('profanity.txt', ln, l, ['prof']);
}
for (const [l, ln] of lines('cues.txt')) {
  const [cat, ...ws] = l.split(/\s+/);
  if (!CATS[cat] || cat === 'sent' || cat === 'prof' || cat.startsWith('lang_')) fail('cues.txt', ln, `unknown category ${cat}`);
  for (const w of ws) addWord('cues.txt', ln, w, [cat]);
}

// ---- phrases ------------------------------------------------------------
const phrases = new Map();
for (const [l, ln] of lines('phrases.txt')) {
  const [label, w, ...ws] = l.split(/\s+/);
  const li = PHRASE_LABELS.indexOf(label);
  if (li < 0) fail('phrases.txt', ln, `unknown label ${label}`);
  if (!/^[1-3]$/.test(w)) fail('phrases.txt', ln, `bad weight ${w}`);
  if (ws.length < 1 || ws.length > 6) fail('phrases.txt', ln, 'a phrase has 1..6 words');
  if (ws[0] === '*') fail('phrases.txt', ln, 'a phrase cannot open with "*"');
  const key = ws.map(normKey).join(' ');
  if (phrases.has(key)) fail('phrases.txt', ln, `duplicate phrase "${key}"`);
  phrases.set(key, { label: li, weight: Number(w), words: ws.map(normKey) });
}
// The first word of every phrase gets the category "phrase": only those
// tokens are tried as phrase starts ("#" and "*" openers are tried on numbers
// and on every word). A first word "stem*" marks the stem.
for (const p of phrases.values()) {
  const w = p.words[0];
  if (w === '#' || w === '*') continue;
  if (w.endsWith('*')) entry(stems, w.slice(0, -1)).cats.add('phrase');
  else entry(words, w).cats.add('phrase');
}
// A phrase that contains a negator yields to a sentiment word right after it
// ("nooit meer storing" is not "nooit meer"): flag 1.
for (const p of phrases.values()) {
  p.flags = p.words.some((w) => words.get(w)?.cats.has('negator')) ? 1 : 0;
}

// ---- emoji --------------------------------------------------------------
const emoji = new Map();
for (const [l, ln] of lines('emoji.txt')) {
  const [e, label, w] = l.split(/\s+/);
  const li = EMOJI_LABELS.indexOf(label);
  if (li < 0) fail('emoji.txt', ln, `unknown label ${label}`);
  if (!/^[1-3]$/.test(w)) fail('emoji.txt', ln, `bad weight ${w}`);
  const cp = e.codePointAt(0);
  if (emoji.has(cp)) { if (emoji.get(cp).label !== li) fail('emoji.txt', ln, `conflicting ${e}`); continue; }
  emoji.set(cp, { label: li, weight: Number(w) });
}

// ---- emit ---------------------------------------------------------------
let strings = '';
const offsets = new Map();
function intern(s) {
  if (offsets.has(s)) return offsets.get(s);
  const off = bytes(strings).length;
  strings += s + '\0';
  offsets.set(s, off);
  if (off > 0xffff) fail('(all)', 0, 'string pool over 64 KB');
  return off;
}

function cEscape(s) {
  let out = '';
  for (const b of bytes(s)) {
    if (b === 0) out += '\\000';
    else if (b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x5c && b !== 0x3f) out += String.fromCharCode(b);
    else out += '\\' + b.toString(8).padStart(3, '0');
  }
  return out;
}

function catExpr(cats) {
  const list = [...cats].sort().map((c) => CATS[c]);
  return list.length ? list.join(' | ') : '0';
}

/** A word table sorted by cmpWords with a first-byte index of `type`
 * (uint8_t or uint16_t entries): exact words are binary-searched among those
 * with the key's first byte, stems compared one by one. */
function wordTable(name, map, type) {
  const keys = [...map.keys()].sort(cmpWords);
  const rows = keys.map((k) => {
    const e = map.get(k);
    return `    {${intern(k)}, ${bytes(k).length}, ${e.weight}, ${catExpr(e.cats)}}, /* ${k.replace(/\*\//g, '')} */`;
  });
  const table = `const wc_lex_word ${name}[] = {\n${rows.join('\n')}\n};\nconst size_t ${name}_n = ${keys.length};\n`;
  // first-byte index: entries [index[b], index[b+1]) start with byte b
  const max = type === 'uint8_t' ? 255 : 65535;
  if (keys.length > max) fail(name, 0, `${keys.length} entries do not fit the ${type} first-byte index`);
  const index = new Array(257).fill(0);
  for (let b = 0, i = 0; b <= 256; b++) {
    while (i < keys.length && bytes(keys[i])[0] < b) i++;
    index[b] = i;
  }
  const idx = [];
  for (let i = 0; i < 257; i += 16) idx.push('    ' + index.slice(i, i + 16).join(', ') + ',');
  return table + `const ${type} ${name}_index[257] = {\n${idx.join('\n')}\n};\n`;
}

const header = (what) => `/* GENERATED by core/tools/gen-lexicon.mjs from ${what} — do not edit. */\n`;

const wordsC = wordTable('wc_lex_words', words, 'uint16_t');
// First-three-byte filters (4096 bits, index wc_lex_pair): is there any entry,
// or any sentiment/profanity entry, whose key starts with these two bytes?
const pairIdx = (k) => {
  const b = bytes(k);
  return (b[0] * 961 + (b.length > 1 ? b[1] : 0) * 31 + (b.length > 2 ? b[2] : 0)) & 4095;
};
const filters = {};
for (const [name, map] of [['words', words], ['stems', stems]]) {
  const any = new Array(4096).fill(0), sent = new Array(4096).fill(0);
  for (const [k, e] of map) {
    any[pairIdx(k)] = 1;
    if (e.cats.has('sent') || e.cats.has('prof')) sent[pairIdx(k)] = 1;
  }
  filters[name] = { any, sent };
}
const bitset = (name, bits) => {
  const w = [];
  for (let i = 0; i < 4096; i += 32) {
    let v = 0;
    for (let j = 0; j < 32; j++) if (bits[i + j]) v |= 1 << j;
    w.push('0x' + (v >>> 0).toString(16).padStart(8, '0') + 'u');
  }
  const rows = [];
  for (let i = 0; i < w.length; i += 8) rows.push('    ' + w.slice(i, i + 8).join(', ') + ',');
  return `const uint32_t ${name}[128] = {\n${rows.join('\n')}\n};\n`;
};
const stemsC = wordTable('wc_lex_stems', stems, 'uint8_t') +
  bitset('wc_lex_words_pair_any', filters.words.any) + bitset('wc_lex_words_pair_sent', filters.words.sent) +
  bitset('wc_lex_stems_pair_any', filters.stems.any) + bitset('wc_lex_stems_pair_sent', filters.stems.sent);
const pkeys = [...phrases.keys()].sort(cmpBytes);
const phrasesC = `const wc_lex_phrase wc_lex_phrases[] = {\n${pkeys.map((k) => {
  const p = phrases.get(k);
  return `    {${intern(k)}, ${bytes(k).length}, ${p.label}, ${p.weight}, ${p.flags}}, /* ${k} */`;
}).join('\n')}\n};\nconst size_t wc_lex_phrases_n = ${pkeys.length};\n`;
const ecps = [...emoji.keys()].sort((a, b) => a - b);
const emojiC = `const wc_lex_emoji wc_lex_emoji_tab[] = {\n${ecps.map((cp) => {
  const e = emoji.get(cp);
  return `    {0x${cp.toString(16).toUpperCase()}, ${e.label}, ${e.weight}},`;
}).join('\n')}\n};\nconst size_t wc_lex_emoji_n = ${ecps.length};\n`;

// The string pool, split into lines of ~16 entries for readable diffs.
const parts = strings.split('\0').slice(0, -1);
const poolLines = [];
for (let i = 0; i < parts.length; i += 12) {
  poolLines.push('    "' + parts.slice(i, i + 12).map((p) => cEscape(p + '\0')).join('') + '"');
}
const wordsFile = header('core/lexicon/{sentiment-nl,sentiment-en,profanity,cues,phrases,emoji}.txt') +
  '#include "../lexicon.h"\n\n' +
  `const char wc_lex_strings[] =\n${poolLines.join('\n')};\n\n` +
  wordsC + '\n' + stemsC + '\n' + phrasesC + '\n' + emojiC;

// ---- model --------------------------------------------------------------
const model = JSON.parse(readFileSync(path.join(lexDir, 'model.json'), 'utf8'));
const CLASSES = ['happy', 'neutral', 'angry', 'question'];
const NFEAT = 20;
if (!Array.isArray(model.features) || model.features.length !== NFEAT) fail('model.json', 0, `need ${NFEAT} features`);
const fmt = (v) => {
  const s = (Math.round(v * 10000) / 10000).toFixed(4);
  return (s === '-0.0000' ? '0.0000' : s) + 'f';
};
const modelRows = CLASSES.map((c) => {
  const w = model.weights[c];
  if (!Array.isArray(w) || w.length !== NFEAT) fail('model.json', 0, `weights.${c} needs ${NFEAT} numbers`);
  return `    /* ${c} */ {${w.map(fmt).join(', ')}},`;
});
const modelFile = header('core/lexicon/model.json') +
  `/* ${model.comment ?? ''} */\n` +
  '#include "../lexicon.h"\n\n' +
  `const char *const wc_feature_names[WC_NFEAT] = {\n${model.features.map((f) => `    "${f}",`).join('\n')}\n};\n\n` +
  `const float wc_model_w[WC_NCLASS][WC_NFEAT] = {\n${modelRows.join('\n')}\n};\n` +
  hashedC();

// hashed word weights, int8 per bucket and class, one float scale. Most of
// the WC_NHASH buckets hold no word of the training data: only the used
// buckets' rows are stored (their classes side by side), found through a
// bit set and a rank per 64 buckets — less WASM than the full zero-filled table.
function hashedC() {
  const NHASH = 4096;
  const h = model.hashed;
  if (!h || h.buckets !== NHASH || !(h.scale > 0)) fail('model.json', 0, `hashed needs buckets ${NHASH} and a scale > 0`);
  const w = CLASSES.map((c) => {
    const v = h.weights?.[c];
    if (!Array.isArray(v) || v.length !== NHASH || !v.every((x) => Number.isInteger(x) && x >= -127 && x <= 127))
      fail('model.json', 0, `hashed.weights.${c} needs ${NHASH} integers in -127..127`);
    return v;
  });
  const bits = new Array(NHASH / 64).fill(0n), rank = [], rows = [];
  for (let b = 0; b < NHASH; b++) {
    if (b % 64 === 0) rank.push(rows.length);
    if (w.every((v) => v[b] === 0)) continue;
    bits[b >> 6] |= 1n << BigInt(b & 63);
    rows.push(`{${w.map((v) => v[b]).join(', ')}}`);
  }
  const chunk = (arr, per) => { const L = []; for (let i = 0; i < arr.length; i += per) L.push('    ' + arr.slice(i, i + per).join(', ') + ','); return L.join('\n'); };
  return `\nconst float wc_model_hscale = ${h.scale.toPrecision(9)}f;\n\n` +
    `const uint64_t wc_model_hw_bits[WC_NHASH / 64] = {\n${chunk(bits.map((x) => `0x${x.toString(16)}u`), 4)}\n};\n` +
    `const uint16_t wc_model_hw_rank[WC_NHASH / 64] = {\n${chunk(rank, 16)}\n};\n` +
    `const int8_t wc_model_hw_rows[${Math.max(1, rows.length)}][WC_NCLASS] = { /* ${CLASSES.join(', ')} */\n${chunk(rows.length ? rows : ['{0}'], 8)}\n};\n`;
}

const outputs = [['lexicon_words.c', wordsFile], ['lexicon_model.c', modelFile]];
const check = process.argv.includes('--check');
let stale = 0;
for (const [name, text] of outputs) {
  const file = path.join(genDir, name);
  const old = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (old === text) continue;
  if (check) { console.error(`gen-lexicon: ${name} is stale; run make regen`); stale++; continue; }
  writeFileSync(file, text);
  console.log(`gen-lexicon: wrote core/src/gen/${name}`);
}
console.log(`gen-lexicon: ${words.size} words, ${stems.size} stems, ${phrases.size} phrases, ${emoji.size} emoji`);
process.exit(stale ? 1 : 0);
