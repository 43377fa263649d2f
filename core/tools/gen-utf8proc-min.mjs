#!/usr/bin/env node
// gen-utf8proc-min.mjs — writes core/src/gen/utf8proc/: utf8proc 2.8.0 with
// smaller Unicode tables, for the WASM budget (SPEC: 400 KB raw, 150 KB gzip).
//
//   utf8proc.c       the vendored core/third_party/utf8proc/utf8proc.c with
//                    core/third_party/utf8proc/patches/*.patch applied (`patch`)
//   utf8proc_data.c  the tables that patched file reads, built from the vendored
//                    utf8proc_data.c
//
// What changes (core/third_party/utf8proc/patches/README.md):
// - Fields the core never reads are blanked (bidi class, bidi mirrored,
//   upper/title case, char width, control boundary) and compatibility
//   decompositions dropped (applied only with UTF8PROC_COMPAT, never passed).
// - The per-code-point fields — decomposition, case fold and lower-case
//   mapping, composition index — leave the property records for sparse tables
//   sorted by code point; a record only says whether the code point has one
//   (the same "!= UINT16_MAX" / "< 0x8000" tests as before), so ~170 records
//   remain and a 3-stage lookup with uint8 leaves finds them.
// Every function the core calls gives the same answer for every code point
// (tests/c/test_utf8proc_min.c compares with the vendored tables).
// Usage: node core/tools/gen-utf8proc-min.mjs [--check]
import { readFileSync, writeFileSync, lstatSync, unlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { patchedSource } from './patch-vendored.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VENDOR = 'core/third_party/utf8proc';
const SRC = `${VENDOR}/utf8proc_data.c`;
const OUT_DIR = 'core/src/gen/utf8proc';
const src = readFileSync(path.join(root, SRC), 'utf8');

function block(name) {
  const start = src.indexOf(`${name}[] = {`);
  if (start < 0) throw new Error(`${SRC}: table ${name} not found`);
  const end = src.indexOf('};', start);
  return src.slice(src.indexOf('{', start) + 1, end);
}
const numbers = (name) => block(name).split(',').map((s) => s.trim()).filter(Boolean).map(Number);

// Field order of utf8proc_property_t (utf8proc.h 2.8.0).
const F = {
  category: 0, ccc: 1, bidi: 2, decompType: 3, decompSeq: 4, casefold: 5, upper: 6, lower: 7, title: 8,
  comb: 9, mirrored: 10, compExclusion: 11, ignorable: 12, controlBoundary: 13, width: 14, pad: 15, boundclass: 16,
};
const props = block('utf8proc_properties')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l.startsWith('{'))
  .map((l) => l.replace(/^\{|\},?$/g, '').split(',').map((s) => s.trim()));
if (props.length < 1000 || props.some((p) => p.length !== 17)) throw new Error('unexpected property layout');
const u16 = (s) => (s === 'UINT16_MAX' ? 0xffff : Number(s));

const stage1 = numbers('utf8proc_stage1table');
const stage2 = numbers('utf8proc_stage2table');
const oldSeq = numbers('utf8proc_sequences');
const combinations = numbers('utf8proc_combinations');

// A seqindex holds a length in its top two bits (3 = length stored in the
// first entry) and an offset in the low 14 bits; an entry with
// (e & 0xF800) == 0xD800 takes two uint16 (utf8proc.c
// seqindex_write_char_decomposed / seqindex_decode_entry).
function seqSlice(index, lengthEncoded) {
  let off = lengthEncoded ? index & 0x3fff : index;
  let count = lengthEncoded ? index >> 14 : 0;
  const start = off;
  if (lengthEncoded && count >= 3) count = oldSeq[off++];
  for (let k = 0; k <= count; k++) off += (oldSeq[off] & 0xf800) === 0xd800 ? 2 : 1;
  return oldSeq.slice(start, off);
}
function decodeAll(slice) {
  const out = [];
  for (let i = 0; i < slice.length; i++)
    out.push((slice[i] & 0xf800) === 0xd800 ? (((slice[i] & 0x3ff) << 10) | (slice[++i] & 0x3ff)) + 0x10000 : slice[i]);
  return out;
}
const decodeFirst = (slice) => decodeAll(slice)[0];

// ---- per code point: the record fields and the sparse fields ------------
const N = 0x110000;
const records = []; // field arrays (strings), record 0 = the default (unassigned) one
const recordIndex = new Map();
const recOf = new Uint8Array(N);
const sparse = { lower: [], casefold: [], decomp: [], comb: [] }; // [cp, value]
const marks = new Map(); // second code point of a canonical decomposition -> 1-based index
const newSeq = [];
const seqOffsets = new Map();
function repack(index) {
  const slice = seqSlice(index, true);
  const key = slice.join(',');
  if (!seqOffsets.has(key)) {
    seqOffsets.set(key, newSeq.length);
    newSeq.push(...slice);
  }
  const off = seqOffsets.get(key);
  if (off > 0x3fff) throw new Error('sequence offset does not fit in 14 bits');
  return (index & 0xc000) | off;
}
const SPARSE = 0; // record marker: the value is in the sparse table
const SAME_AS_LOWER = 1; // casefold marker: fold to the lower-case mapping
const recordKey = (q) => q.join(',');
function addRecord(q) {
  const key = recordKey(q);
  if (!recordIndex.has(key)) {
    recordIndex.set(key, records.length);
    records.push(q);
  }
  return recordIndex.get(key);
}

function blank(p) {
  const q = p.slice();
  q[F.bidi] = '0';
  q[F.upper] = 'UINT16_MAX';
  q[F.title] = 'UINT16_MAX';
  q[F.mirrored] = 'false';
  q[F.controlBoundary] = 'false';
  q[F.width] = '0';
  return q;
}
// record 0: what utf8proc_get_property returns out of range
if ([F.decompSeq, F.casefold, F.lower, F.comb].some((f) => props[0][f] !== 'UINT16_MAX'))
  throw new Error('unexpected default property');
addRecord(blank(props[0]));
for (let cp = 0; cp < N; cp++) {
  const p = props[stage2[stage1[cp >> 8] + (cp & 0xff)]];
  const q = blank(p);
  // lower case: a delta within the plane (no mapping leaves its plane);
  // mappings to the code point itself are dropped (same tolower).
  let lower = cp;
  q[F.lower] = 'UINT16_MAX';
  if (u16(p[F.lower]) !== 0xffff) {
    lower = decodeFirst(seqSlice(u16(p[F.lower]), false));
    if (lower >> 16 !== cp >> 16) throw new Error(`U+${cp.toString(16)}: lower case leaves the plane`);
    if (lower !== cp) {
      q[F.lower] = String(SPARSE);
      sparse.lower.push([cp, (lower - cp) & 0xffff]);
    }
  }
  q[F.casefold] = 'UINT16_MAX';
  if (u16(p[F.casefold]) !== 0xffff) {
    const slice = seqSlice(u16(p[F.casefold]), true);
    const single = u16(p[F.casefold]) >> 14 === 0;
    if (single && lower !== cp && decodeFirst(slice) === lower) {
      q[F.casefold] = String(SAME_AS_LOWER);
    } else {
      q[F.casefold] = String(SPARSE);
      sparse.casefold.push([cp, u16(p[F.casefold])]);
    }
  }
  q[F.decompSeq] = 'UINT16_MAX';
  if (p[F.decompType] !== '0') {
    // compatibility decomposition: only with UTF8PROC_COMPAT, never passed
    q[F.decompType] = '0';
  } else if (u16(p[F.decompSeq]) !== 0xffff) {
    q[F.decompSeq] = String(SPARSE);
    const [first, second, ...rest] = decodeAll(seqSlice(u16(p[F.decompSeq]), true));
    if (rest.length) throw new Error(`U+${cp.toString(16)}: canonical decomposition longer than 2`);
    // val: the low 16 bits of the first code point; val2: 0x80 | its plane
    // for a singleton, else the index of the second (the first is then in
    // the plane of cp)
    let val2 = 0x80 | (first >> 16);
    if (second !== undefined) {
      if (first >> 16 !== cp >> 16) throw new Error(`U+${cp.toString(16)}: decomposition plane`);
      if (!marks.has(second)) marks.set(second, marks.size + 1);
      val2 = marks.get(second);
    }
    sparse.decomp.push([cp, first & 0xffff, val2]);
  }
  const comb = u16(p[F.comb]);
  if (comb !== 0xffff) {
    // same class as before: < 0x8000 first of a pair, >= 0x8000 second
    q[F.comb] = String(comb < 0x8000 ? SPARSE : 0x8000 | (comb & 0x4000));
    sparse.comb.push([cp, comb]);
  }
  recOf[cp] = addRecord(q);
  if (records.length > 256) throw new Error('more than 256 property records: the leaves are uint8');
}
// sequences in code point order: decompositions, then the case folds left
if (marks.size > 0x7f) throw new Error('more than 127 distinct second code points');

// Compositions, as the vendored table gives them (utf8proc.c
// utf8proc_normalize_utf32): for each first of a pair (comb_index < 0x8000),
// in code point order, its pairs as (index of the second | 0x80 on its last
// pair, low 16 bits of the composite, which is in the plane of the first).
// The sparse comb value is the first's offset in that list, or 0x8000 | the
// 1-based index of a second.
function composition(firstComb, secondComb) {
  const sidx = firstComb;
  let idx = secondComb & 0x3fff;
  if (idx < combinations[sidx] || idx > combinations[sidx + 1]) return 0;
  idx += sidx + 2 - combinations[sidx];
  return secondComb & 0x4000 ? (combinations[idx] << 16) | combinations[idx + 1] : combinations[idx];
}
const combSeconds = sparse.comb.filter(([, c]) => c >= 0x8000);
if (combSeconds.length > 0x7f) throw new Error('more than 127 second code points of compositions');
const combPairSecond = [];
const combPairComposite = [];
sparse.comb = sparse.comb.map(([cp, c]) => {
  if (c >= 0x8000) return [cp, 0x8000 | (combSeconds.findIndex(([s]) => s === cp) + 1)];
  const start = combPairSecond.length;
  combSeconds.forEach(([s, sc], k) => {
    const x = composition(c, sc);
    if (x <= 0) return;
    if (x >> 16 !== cp >> 16) throw new Error(`U+${cp.toString(16)}: composition leaves the plane`);
    combPairSecond.push(k + 1);
    combPairComposite.push(x & 0xffff);
  });
  if (combPairSecond.length === start) throw new Error(`U+${cp.toString(16)}: a first without pairs`);
  combPairSecond[combPairSecond.length - 1] |= 0x80;
  if (start >= 0x8000) throw new Error('too many composition pairs');
  return [cp, start];
});
sparse.casefold = sparse.casefold.map(([cp, v]) => [cp, repack(v)]);

// ---- 3-stage lookup: top[cp >> (LEAF+MID)] -> mid block, mid -> leaf block
const LEAF = 4; // 16 code points per leaf block
const MID = 5; // 32 leaf blocks per mid block
const leafIds = new Map();
const leaves = [];
const midOfBlock = [];
for (let b = 0; b < N; b += 1 << LEAF) {
  const leaf = Array.from(recOf.subarray(b, b + (1 << LEAF)));
  const key = leaf.join(',');
  if (!leafIds.has(key)) {
    leafIds.set(key, leafIds.size);
    leaves.push(...leaf);
  }
  midOfBlock.push(leafIds.get(key));
}
const midIds = new Map();
const mids = [];
const top = [];
for (let i = 0; i < midOfBlock.length; i += 1 << MID) {
  const mid = midOfBlock.slice(i, i + (1 << MID));
  const key = mid.join(',');
  if (!midIds.has(key)) {
    midIds.set(key, midIds.size);
    mids.push(...mid);
  }
  top.push(midIds.get(key));
}
if (midIds.size > 256) throw new Error('more than 256 mid blocks: the top stage is uint8');
if (leafIds.size > 0x10000) throw new Error('more than 65536 leaf blocks');

// ---- sparse tables: per page of 256 code points, sorted low bytes --------
function sparseTable(name, entries) {
  const pages = (entries[entries.length - 1][0] >> 8) + 1;
  const page = new Array(pages + 1).fill(0);
  for (const [cp] of entries) page[(cp >> 8) + 1]++;
  for (let i = 1; i <= pages; i++) page[i] += page[i - 1];
  if (page[pages] > 0xffff) throw new Error(`${name}: too many entries`);
  const key = entries.map(([cp]) => cp & 0xff);
  const val = entries.map(([, v]) => v);
  const val2 = entries[0].length > 2 ? entries.map(([, , w]) => w) : null;
  return { name, page, key, val, val2 };
}
const tables = [
  sparseTable('utf8proc_lower', sparse.lower),
  sparseTable('utf8proc_casefold', sparse.casefold),
  sparseTable('utf8proc_decomp', sparse.decomp),
  sparseTable('utf8proc_comb', sparse.comb),
];

const rows = (arr, per) => {
  const out = [];
  for (let i = 0; i < arr.length; i += per) out.push('  ' + arr.slice(i, i + per).join(', ') + ',');
  return out.join('\n');
};
// uint16 tables as separate high and low bytes: they compress better
const split16 = (name, arr) => `static const utf8proc_uint8_t ${name}_hi[] = {
${rows(arr.map((v) => v >> 8), 16)}
};
static const utf8proc_uint8_t ${name}_lo[] = {
${rows(arr.map((v) => v & 0xff), 16)}
};`;
const sparseText = (t) => `static const utf8proc_uint16_t ${t.name}_page[] = {
${rows(t.page, 12)}
};
static const utf8proc_uint8_t ${t.name}_key[] = {
${rows(t.key, 16)}
};
${split16(`${t.name}_val`, t.val)}
${t.val2 ? `static const utf8proc_uint8_t ${t.name}_val2[] = {
${rows(t.val2, 16)}
};
` : ''}`;
const data = `/* GENERATED by core/tools/gen-utf8proc-min.mjs from ${SRC} (utf8proc 2.8.0,
 * Unicode 15.0.0) — do not edit. Read by utf8proc.c patched with
 * ${VENDOR}/patches/ (README.md there): ${props.length} -> ${records.length} property records,
 * a 3-stage lookup (${top.length} + ${mids.length} + ${leaves.length} entries), sparse tables of
 * ${sparse.lower.length} lower-case, ${sparse.casefold.length} case-fold, ${sparse.decomp.length} decomposition and ${sparse.comb.length} composition
 * entries, ${combPairSecond.length} composition pairs, ${oldSeq.length} -> ${newSeq.length} sequence entries. */
#define UTF8PROC_LEAF_BITS ${LEAF}
#define UTF8PROC_MID_BITS ${MID}
#define UTF8PROC_SPARSE ${SPARSE}
#define UTF8PROC_SAME_AS_LOWER ${SAME_AS_LOWER}
#define UTF8PROC_U16(table, i) ((utf8proc_uint16_t)((table##_hi[i] << 8) | table##_lo[i]))

static const utf8proc_uint16_t utf8proc_sequences[] = {
${rows(newSeq, 12)}
};

static const utf8proc_uint8_t utf8proc_stage1table[] = {
${rows(top, 16)}
};

${split16('utf8proc_stage2table', mids)}

static const utf8proc_uint8_t utf8proc_stage3table[] = {
${rows(leaves, 16)}
};

static const utf8proc_property_t utf8proc_properties[] = {
${records.map((q) => `  {${q.join(', ')}},`).join('\n')}
};

/* the second code points of the canonical decompositions (utf8proc_decomp_val2 & 0x7F, 1-based) */
static const utf8proc_int32_t utf8proc_decomp_seconds[] = {
${rows([...marks.keys()], 12)}
};

static const utf8proc_uint8_t utf8proc_comb_second[] = {
${rows(combPairSecond, 16)}
};

${split16('utf8proc_comb_composite', combPairComposite)}

${tables.map(sparseText).join('\n')}`;

const outputs = [
  [`${OUT_DIR}/utf8proc_data.c`, data],
  [`${OUT_DIR}/utf8proc.c`, patchedSource(root, VENDOR, 'utf8proc.c', 'core/tools/gen-utf8proc-min.mjs')],
];

if (process.argv.includes('--check')) {
  let stale = false;
  for (const [rel, text] of outputs) {
    const file = path.join(root, rel);
    let cur = null;
    try {
      cur = lstatSync(file).isSymbolicLink() ? null : readFileSync(file, 'utf8');
    } catch {}
    if (cur !== text) {
      console.error(`${rel} is stale: run node core/tools/gen-utf8proc-min.mjs`);
      stale = true;
    }
  }
  process.exit(stale ? 1 : 0);
}
for (const [rel, text] of outputs) {
  const file = path.join(root, rel);
  try {
    if (lstatSync(file).isSymbolicLink()) unlinkSync(file);
  } catch {}
  writeFileSync(file, text);
}
console.log(
  `${OUT_DIR}: ${records.length} records, stages ${top.length}/${mids.length}/${leaves.length}, ` +
    `sparse ${tables.map((t) => `${t.name.slice(9)} ${t.key.length}`).join(', ')}, ${newSeq.length} sequence entries`,
);
