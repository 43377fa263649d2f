#!/usr/bin/env node
// gen-dutch-verbs.mjs — builds core/src/gen/dutch_verbs.c, the compact Dutch
// lexicon behind the `dt-spelling` and `confusion` checks (core/src/dutch.c).
//
// Sources (Debian packages wdutch and hunspell-nl, OpenTaal data,
// (c) OpenTaal / Simon Brouwer and others; licence: revised BSD and/or
// CC BY 3.0, at the user's choice — full texts in /usr/share/doc/wdutch/copyright
// and the header of /usr/share/hunspell/nl.aff. Only derived facts — stems,
// past-tense class, noun/adjective marks — are compiled into the core):
//   /usr/share/hunspell/nl.dic (+ nl.aff)  hunspell-nl 2.20.x: verb stems carry
//       flag V3 (stem+t), weak pasts Vp (-de) / Vq (-te); nouns carry plural /
//       diminutive flags (Z*, Y*, Ch); adjectives A*, comparable ones Ab.
//   /usr/share/dict/dutch                  wdutch (OpenTaal word list, 413k
//       forms): used only to find real words that the runtime "non-word" test
//       would flag, which become the exception list.
//
// Output (deterministic: sorted, no timestamps):
//   wc_nl_verbs  front-coded stems, blocks of 16; entry = (prefix<<3|flags),
//                suffix bytes, last byte | 0x80. flags: 1 weak -de, 2 weak -te,
//                4 stem is also a noun.
//   wc_nl_adjs   comparable adjectives (base forms), same coding, flags 0.
//   wc_nl_exc    real words the non-word test must leave alone.
// Keys are lower case ASCII with accents stripped, like the tokenizer's keys.
//
// Usage: node core/tools/gen-dutch-verbs.mjs [nl.dic] [dutch-wordlist] [check.h] > core/src/gen/dutch_verbs.c
import { readFileSync, writeFileSync } from "node:fs";

const DIC = process.argv[2] || "/usr/share/hunspell/nl.dic";
const WORDS = process.argv[3] || "/usr/share/dict/dutch";
const CHECK_OUT = process.argv[4]; // optional: tests/c/gen/dutch_lexicon_expect.h

const norm = (w) =>
  w.normalize("NFD").replace(/\u0133/g, "ij").replace(/[\u0300-\u036f]/g, "").toLowerCase();

const F_D = 1, F_T = 2, F_NOUN = 4;
const EER = /^(?!ge)[a-z]{4,}[^e]eer$/; // not ge-: "geannuleer" is no stem
const ADJ_SHAPE = /(ig|lijk|isch|baar|zaam|ief|eel|aal)$/;
const MAXLEN = 13; // longer words are not checked as non-words (rare, mostly compounds)
const verbs = new Map(); // stem -> flags
const nouns = new Set();
const adjs = new Set();

for (const line of readFileSync(DIC, "utf8").split("\n").slice(1)) {
  const slash = line.indexOf("/");
  const raw = slash < 0 ? line.trim() : line.slice(0, slash);
  const flags = slash < 0 ? "" : line.slice(slash + 1).trim();
  if (!/^[a-zäëïöüéèêáóú\u0133]+$/.test(raw)) continue; // no capitals, hyphens, digits
  const w = norm(raw);
  if (!/^[a-z]+$/.test(w)) continue;
  const fl = flags.match(/../g) || [];
    // Entries with a weak past (Vp/Vq) are stems even without V3 ("herstel/CcCaCbVp").
  if (fl.includes("V3") || fl.includes("Vq") || fl.includes("Vp")) {
    let f = verbs.get(w) || 0;
    if (fl.includes("Vp")) f |= F_D;
    if (fl.includes("Vq")) f |= F_T;
    verbs.set(w, f);
  }
  if (fl.some((x) => /^(Z.|Y.|Ch)$/.test(x))) nouns.add(w);
  // Comparable adjectives: a comparative or superlative flag (Ab -er, Ad -st, Ao/Aq/As spelling variants).
  // Derived adjectives (-ig, -lijk, -isch, -baar, -zaam, -ief, -eel, -aal) are recognised by shape.
  if (fl.some((x) => /^A[bdoqs]$/.test(x)) && w.length >= 3 && w.length <= 8 && !ADJ_SHAPE.test(w)) adjs.add(w);
}
// A stem is also a noun when hunspell gives it noun flags, or when the word
// list has a plural or diminutive of it ("coaches", "coachje"): verb stems
// never take -s or -je.
const allWords = new Set();
for (const line of readFileSync(WORDS, "utf8").split("\n")) allWords.add(norm(line.trim()));
const nounish = (w) => nouns.has(w) || ["s", "es", "'s", "je", "tje", "pje", "etje"].some((x) => allWords.has(w + x));
// A stem that is both weak -de and -te (rare, dialectal doublets) keeps both.
for (const [w, f] of verbs) if (nounish(w)) verbs.set(w, f | F_NOUN);
// Drop stems that are a separable prefix + another stem with the same flags:
// the runtime strips such prefixes ("opbel" -> "bel").
const SEP0 = ["aan", "achter", "af", "bij", "binnen", "buiten", "dicht", "door", "heen", "in",
  "langs", "los", "mee", "na", "neer", "om", "onder", "op", "over", "rond", "samen", "tegen",
  "terug", "thuis", "toe", "uit", "vast", "voor", "voorbij", "weg"];
for (const [w, f] of [...verbs]) {
  for (const p of SEP0) {
    const r = w.slice(p.length);
    if (w.startsWith(p) && r.length > 1 && verbs.has(r) && ((verbs.get(r) & 3) === (f & 3)) && !(f & F_NOUN)) { verbs.delete(w); break; }
  }
}
// Stems in -eer of 7+ letters (annuleer, installeer) are regular weak -de verbs;
// the runtime recognises them by shape (see lookup), so they are not stored.
for (const [w, f] of [...verbs]) if (EER.test(w) && f === F_D) verbs.delete(w);
// Size budget: stems of 12+ letters are rare compounds (the -eer ones are
// recognised by shape); they are left out.
for (const w of [...verbs.keys()]) if (w.length > 11 && !(verbs.get(w) & F_NOUN)) verbs.delete(w);
// Comparable adjectives: keep simplex ones (not ending in another listed adjective).
for (const a of [...adjs]) {
  for (let i = 2; i < a.length - 2; i++) if (adjs.has(a.slice(i)) && a.slice(0, i).length > 2) { adjs.delete(a); break; }
}

// ---- the runtime's morphology, mirrored (keep in sync with core/src/dutch.c) ----
const SEP = ["aan", "achter", "af", "bij", "binnen", "buiten", "dicht", "door", "heen", "in",
  "langs", "los", "mee", "na", "neer", "om", "onder", "op", "over", "rond", "samen", "tegen",
  "terug", "thuis", "toe", "uit", "vast", "voor", "voorbij", "weg"];
const INSEP = ["be", "ge", "her", "ont", "ver", "er"];
const endsDT = (s) => /[dt]$/.test(s);
// Stem flags of exactly s (table, or the -eer shape rule), or undefined.
const lookup = (s) => (verbs.has(s) ? verbs.get(s) : EER.test(s) ? F_D | F_NOUN : undefined);
const startsInsep = (s) => INSEP.some((p) => s.startsWith(p) && s.length > p.length + 1);
// Stem flags for s, also through one separable prefix ("opbel" -> "bel").
function stemFlags(s) {
  if (lookup(s) !== undefined) return lookup(s) | 8;
  for (const p of SEP) if (s.startsWith(p) && s.length > p.length + 1 && lookup(s.slice(p.length)) !== undefined)
    return (lookup(s.slice(p.length)) & ~F_NOUN) | 8;
  return 0;
}
const isStem = (s) => stemFlags(s) !== 0;
const weak = (f) => (f & (F_D | F_T)) !== 0;
// The correct participle ending for stem flags f and stem s: "", "d", "t", or null (strong).
function ppEnd(s, f) {
  if (endsDT(s)) return weak(f) ? "" : null;
  if (f & F_D) return "d";
  if (f & F_T) return "t";
  return null;
}
// Split a participle-shaped word body (without its final d/t) into [sep, ge, stem].
function ppSplits(body) {
  const out = [];
  for (const p of ["", ...SEP]) {
    if (!body.startsWith(p)) continue;
    const rest = body.slice(p.length);
    if (rest.startsWith("ge") && lookup(rest.slice(2)) !== undefined) out.push([p, "ge", rest.slice(2)]);
    if (startsInsep(rest) && lookup(rest) !== undefined) out.push([p, "", rest]);
  }
  return out;
}
function isParticiple(k) {
  for (const end of ["", "d", "t"]) {
    if (end && !k.endsWith(end)) continue;
    const body = end ? k.slice(0, -1) : k;
    for (const [, , s] of ppSplits(body)) {
      const e = ppEnd(s, lookup(s));
      if (e !== null && e === end) return true;
    }
  }
  return false;
}
function isWeakPast(k) {
  for (const suf of ["de", "den", "te", "ten"]) {
    if (!k.endsWith(suf)) continue;
    const f = stemFlags(k.slice(0, -suf.length));
    if (f && (suf[0] === "d" ? f & F_D : f & F_T)) return true;
  }
  return false;
}
function validForm(k) {
  if (isStem(k)) return true;
  if (k.endsWith("e") && isParticiple(k.slice(0, -1))) return true; // "de beantwoorde vraag"
  if (k.endsWith("t") && isStem(k.slice(0, -1))) return true;
  if (/(aat|oot)$/.test(k) && isStem(k.slice(0, -2))) return true;
  return isParticiple(k) || isWeakPast(k);
}
function nonword(k) {
  if (k.length < 4 || k.length > MAXLEN || validForm(k)) return null;
  const last = k[k.length - 1];
  if (last === "d") {
    const base = k.slice(0, -1);
    if (lookup(base) !== undefined && !endsDT(base)) return base + "t";
    for (const [p, ge, s] of ppSplits(base))
      if (ge && (lookup(s) & F_T) && !endsDT(s)) return p + ge + s + "t";
  } else if (last === "t") {
    const base = k.slice(0, -1);
    for (const [p, ge, s] of ppSplits(base))
      if (ge && (lookup(s) & F_D) && !(lookup(s) & F_T) && !endsDT(s)) return p + ge + s + "d";
  }
  for (const suf of ["de", "den", "te", "ten"]) {
    if (!k.endsWith(suf)) continue;
    const base = k.slice(0, -suf.length);
    const f = lookup(base);
    if (f === undefined || endsDT(base)) continue;
    if (suf[0] === "d" && (f & F_T) && !(f & F_D)) return base + "t" + suf.slice(1);
    if (suf[0] === "t" && (f & F_D) && !(f & F_T)) return base + "d" + suf.slice(1);
  }
  if (last === "e") {
    const base = k.slice(0, -1);
    const f = lookup(base);
    if (f !== undefined && endsDT(base) && weak(f)) return base + (f & F_D ? "de" : "te");
  }
  return null;
}

const exc = new Set();
for (const w of allWords) {
  if (!/^[a-z]+$/.test(w)) continue;
  if (nonword(w) !== null) exc.add(w);
}

// Closed word lists (hand-written; the checker reads them as bits, see dutch.h).
// Order fixes the bit: FINITE_IRR = bit 0, PLURAL_IRR = bit 1, ...
const WORD_LISTS = {
  FINITE_IRR: [
    "is", "ben", "bent", "was", "waren", "heb", "hebt", "heeft", "had", "hadden", "kan", "kunt",
    "kon", "konden", "wil", "wilt", "wilde", "wilden", "wou", "zal", "zult", "zullen", "zou",
    "zouden", "mag", "mocht", "mochten", "moet", "moest", "moesten", "werd", "werden", "ging",
    "gingen", "kwam", "kwamen", "kreeg", "kregen", "zei", "zeiden", "zag", "zagen", "vond",
    "vonden", "gaf", "gaven", "nam", "namen", "liet", "lieten", "bleef", "bleven", "stond",
    "stonden", "lag", "lagen", "zat", "zaten", "hield", "hielden", "liep", "liepen", "wist",
    "wisten", "dacht", "dachten", "bracht", "brachten", "kocht", "kochten", "zocht", "zochten",
    "vroeg", "vroegen", "deed", "deden", "weet", "laat", "eet", "zit", "gaat", "staat", "doet",
    "ziet", "komt", "weten", "laten", "zitten", "eten", "schreef",
    "belde", "las", "sprak", "sloot", "bood", "koos", "begon", "verloor", "vergat", "schrok",
    "reed", "wees", "won", "trok", "dronk", "zong", "sprong", "bond", "vocht", "schoot", "vloog",
    "zweeg", "leed", "streed", "beet", "gleed", "greep", "keek", "kneep", "leek", "riep", "sliep",
    "viel", "hing", "ving", "hief", "schoof", "stierf", "wierp", "bedroog", "bewoog", "dreef",
    "bleek", "steeg", "week", "stak", "brak", "at", "vergaf", "bad", "trad", "droeg", "sloeg",
    "joeg", "woog", "hielp", "wierf", "schiep", "schold", "smolt", "zwom", "klom", "glom", "kromp",
    "schonk", "stonk", "zonk", "dwong", "ontving", "verliet", "verscheen", "ontstond", "bestond",
    "verdween", "begreep", "gebood", "verbood", "verzond", "zond", "verbond", "onthield", "behield",
    "vertrok", "betrok",
  ],
  PLURAL_IRR: [
    "zijn", "hebben", "kunnen", "willen", "zullen", "mogen", "moeten", "gaan", "staan", "doen",
    "zien", "slaan", "weten", "laten", "zitten", "eten", "komen", "waren", "hadden", "konden",
    "wilden", "zouden", "mochten", "moesten", "gingen", "kwamen", "kregen", "zeiden", "zagen",
    "vonden", "deden", "wisten", "dachten", "werden", "worden",
  ],
  AUX: [
    "is", "zijn", "ben", "bent", "was", "waren", "wordt", "word", "worden", "werd", "werden",
    "heeft", "hebt", "heb", "hebben", "had", "hadden",
  ],
  SUBORD: [
    "als", "zodra", "wanneer", "omdat", "terwijl", "nadat", "voordat", "zolang", "tenzij", "indien",
    "doordat", "zodat", "dat", "of", "hoewel", "sinds",
  ],
  COORD: [
    "en", "maar", "want", "of", "dus",
  ],
  WH: [
    "wat", "wie", "waar", "wanneer", "hoe", "waarom", "welke", "welk", "hoelang", "waarmee",
    "waarvoor", "waarover",
  ],
  DET: [
    "de", "het", "een", "mijn", "onze", "ons", "je", "jouw", "uw", "zijn", "haar", "deze", "dit",
    "dat", "die", "elke", "ieder", "iedere",
  ],
  SUBJ: [
    "ik", "je", "jij", "u", "hij", "zij", "ze", "we", "wij", "jullie", "men", "het", "er",
  ],
  CLOSED: [
    "de", "het", "een", "geen", "niet", "wel", "nog", "al", "ook", "even", "graag", "gerust",
    "snel", "direct", "meteen", "zo", "dan", "toch", "echt", "zeker", "heel", "erg", "zeer", "hier",
    "daar", "er", "nu", "straks", "later", "eerst", "vandaag", "morgen", "gisteren", "vanavond",
    "vanochtend", "vanmiddag", "vannacht", "overmorgen", "liever", "binnenkort", "altijd", "nooit",
    "soms", "vaak", "weer", "alvast", "hierbij", "hiervoor", "daarvoor", "daarom", "terug", "mee",
    "op", "aan", "af", "uit", "in", "door", "om", "bij", "na", "toe", "voor", "naar", "met", "van",
    "over", "onder", "per", "via", "tot", "tijdens", "zonder", "tegen", "sinds", "vanaf", "binnen",
    "en", "of", "maar", "want", "dus", "als", "dat", "die", "wat", "wie", "ik", "je", "jij", "jou",
    "u", "hij", "zij", "ze", "we", "wij", "jullie", "hem", "haar", "hen", "hun", "ons", "me", "mij",
    "zich", "iets", "niets", "niemand", "iemand", "alles", "allemaal", "persoonlijk", "zelf",
    "natuurlijk", "helaas", "gewoon", "ook", "pas", "nog", "maandag", "dinsdag", "woensdag",
    "donderdag", "vrijdag", "zaterdag", "zondag", "eens", "wat", "dit", "deze", "zo", "veel",
    "weinig", "meer", "minder", "beter", "kosteloos", "gratis", "telefonisch", "schriftelijk",
    "morgenochtend", "morgenmiddag", "morgenavond", "vanmorgen", "precies", "ongeveer", "opnieuw",
    "nogmaals", "verder", "zoals", "hoe", "waar", "wanneer", "waarom", "mijn", "jouw", "uw", "zijn",
    "onze", "elke", "ieder", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen",
    "tien", "elf", "twaalf", "twintig", "dertig", "honderd", "duizend", "beide", "alle", "namens",
    "volgens", "voortaan", "vooraf", "achteraf", "inmiddels", "intussen", "zojuist", "net", "samen",
    "apart", "alsnog", "toen", "daarna", "eerder", "steeds", "nooit", "tussen", "omstreeks",
    "uiterlijk", "rondom", "wellicht", "misschien", "waarschijnlijk",
  ],
  MASS_OBJ: [
    "succes", "sterkte", "beterschap", "plezier", "gelijk", "toestemming", "excuses", "advies",
    "recht", "dank",
  ],
  DT_SKIP: [
    "ben", "ken", "klaar", "kan", "kun", "wil", "zal", "zul", "mag", "was", "rond",
    // English words that look like Dutch d/t forms (build = buil+d, mind = min+d)
    "build", "mind", "need", "feed", "send", "find", "fund", "friend", "field", "world", "load",
    "read", "lead", "head", "speed", "seed", "shed", "pushd",
    "dank", "voortaan",
  ],
  LIGHT_NOUN: [
    "contact", "kennis", "rekening", "gebruik", "informatie", "korting", "bericht", "uitleg",
    "antwoord", "hulp", "tijd", "zin", "last", "vragen",
  ],
  PREP: [
    "voor", "van", "met", "op", "aan", "bij", "naar", "over", "uit", "door", "om", "in",
  ],
  ENGLISH_STRONG: [
    "the", "you", "your", "my", "and", "with", "for", "of", "it", "this", "to", "please", "what",
    "have", "has", "been", "are", "our", "why", "i'm", "don't", "can't", "you're", "it's", "gonna",
  ],
  ENGLISH_WEAK: [
    "me", "out", "so", "which", "very", "back", "still", "just", "not", "can", "get", "got", "know",
    "let", "from", "every", "when", "there", "then", "than", "that", "will", "would", "could",
    "should", "do", "does", "did", "be", "by", "or", "if", "all", "any", "some", "no", "yes", "hi",
    "hey", "thanks", "thank", "sorry", "day", "single", "exactly",
  ],
  EXPECT: [
    "verwacht", "gedacht", "gehoopt", "gepland", "voorzien", "beloofd", "aangegeven", "afgesproken",
    "aangekondigd", "gemeld", "normaal", "gewend", "nodig", "gebruikelijk",
  ],
};

// ---- packing ----
// Keys are stored reversed ("bezorg" -> "grozeb"): stems share endings more
// than beginnings (-eer, -el, -ig), so front coding of reversed keys is
// shorter. Per table, three streams (separate streams compress better
// under gzip than interleaved ones):
//   chars: the suffix of each reversed key after the part it shares with the
//          previous key of its block, last byte | 0x80;
//   hdr:   one byte per entry: shared length (4 bits) | D/T code << 4 | noun << 6.
//          D/T code: 0 strong, 1 the weak past 't kofschip predicts (-te after
//          t k f s ch p, else -de), 2 the other one, 3 both;
//   index: offset into chars of every block of 16 entries, as two byte
//          arrays, low bytes then high bytes (the high bytes are long runs
//          that gzip squeezes; uint16 values would interleave them) (the block head
//          shares nothing); first[c]: first entry whose reversed key starts
//          with 'a'+c (the word's last letter).
// Measured alternatives (verbs, gzip -9 of the table bytes; 2026-11): the old
// interleaved forward layout 12.5 KB; this layout 10.5 KB; an order-1 Huffman
// bitstream ~10.2 KB with a slower bit-level lookup; a DAWG has 3242 states /
// 7801 edges, ~13 KB once its edges carry targets. bzip2/xz/brotli of the
// same front-coded text give 9.0-10.1 KB, so little is left without dropping
// words. BLOCK 8 costs +1.9 KB gzip (for -4% Dutch instructions), 32 saves 0.7 KB (+10%).
const BLOCK = 16; // WC_NL_BLOCK in dutch.h
const rev = (k) => [...k].reverse().join("");
const kofschip = (k) => /([tkfsp]|ch)$/.test(k);
const dtCode = (k, f) => {
  const w = f & (F_D | F_T);
  if (!w) return 0;
  if (w === (F_D | F_T)) return 3;
  return w === (kofschip(k) ? F_T : F_D) ? 1 : 2;
};
function pack(entries) {
  // entries: [key, flags] (any order); returns streams over the reversed keys
  const rs = entries.map(([k, f]) => [rev(k), f, k]).sort((a, b) => cmp(a[0], b[0]));
  const chars = [], hdr = [], index = [];
  let prev = "";
  rs.forEach(([r, f, k], i) => {
    if (i % BLOCK === 0) { index.push(chars.length); prev = ""; }
    let p = 0;
    while (p < prev.length && p < r.length && p < 15 && prev[p] === r[p]) p++;
    if (p === r.length) p--; // suffix never empty
    hdr.push(p | (dtCode(k, f) << 4) | (f & F_NOUN ? 0x40 : 0));
    for (let j = p; j < r.length; j++) chars.push(r.charCodeAt(j) | (j === r.length - 1 ? 0x80 : 0));
    prev = r;
  });
  return { chars, hdr, index, keys: rs.map((x) => x[0]) };
}
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const vKeys = [...verbs.keys()].sort(cmp), aKeys = [...adjs].sort(cmp), eKeys = [...exc].sort(cmp);
const V = pack(vKeys.map((k) => [k, verbs.get(k)]));
const A = pack(aKeys.map((k) => [k, 0]));
const E = pack(eKeys.map((k) => [k, 0]));

const hex = (arr) => {
  const out = [];
  for (let i = 0; i < arr.length; i += 16) out.push("    " + arr.slice(i, i + 16).map((b) => "0x" + b.toString(16).padStart(2, "0")).join(",") + ",");
  return out.join("\n");
};
const idx = (arr) => {
  const out = [];
  for (let i = 0; i < arr.length; i += 12) out.push("    " + arr.slice(i, i + 12).join(",") + ",");
  return out.join("\n");
};
// first[c] = index of the first key starting with letter 'a' + c (27 entries, last = n).
const firstOf = (keys) => {
  const f = [];
  for (let c = 0; c <= 26; c++) {
    const ch = String.fromCharCode(97 + c);
    let i = keys.findIndex((k) => k >= ch);
    f.push(c === 26 || i < 0 ? keys.length : i);
  }
  return f;
};
const emit = (name, p) => `
static const unsigned char ${name}_chars[${p.chars.length}] = {
${hex(p.chars)}
};
static const unsigned char ${name}_hdr[${p.hdr.length}] = {
${hex(p.hdr)}
};
static const unsigned char ${name}_index[${2 * p.index.length}] = {
${hex([...p.index.map((x) => x & 255), ...p.index.map((x) => x >> 8)])}
};
static const uint16_t ${name}_first[27] = {
${idx(firstOf(p.keys))}
};
const wc_nl_table ${name} = { ${name}_chars, ${name}_hdr, ${name}_index, ${name}_first, ${p.keys.length}, ${p.index.length} };
`;

// Words the checker compares tokens with (kis(t, i, WC_NL_ID_x) in dutch.c):
// each gets an id in core/src/gen/dutch_words.h; those outside the lists get no bits.
const KEYWORDS = [
  "alle", "als", "alles", "beide", "ben", "dat", "de", "die", "dit", "door", "eerder", "een", "eigen", "en",
  "er", "even", "geen", "hem", "het", "hij", "hun", "iemand", "iets", "ik", "in", "is", "je", "jij", "jou",
  "jouw", "jullie", "ken", "liever", "me", "men", "met", "n", "niemand", "niet", "niets", "nooit", "of", "ons",
  "op", "pas", "s", "t", "terwijl", "u", "uw", "van", "verder", "voor", "was", "wat", "we", "werd", "werden",
  "wie", "wij", "wordt", "worden", "ze", "zich", "zij", "zijn", "zo", "zoals",
];
const wordBits = new Map();
Object.values(WORD_LISTS).forEach((list, bit) => {
  for (const w of list) wordBits.set(w, (wordBits.get(w) || 0) | (1 << bit));
});
for (const w of KEYWORDS) wordBits.set(w, wordBits.get(w) || 0);
// byte order within a first letter is (length, word): the lookup stops at longer words
const wordKeys = [...wordBits.keys()].sort((a, b) => cmp(a[0], b[0]) || a.length - b.length || cmp(a, b));
// One blob: per first letter, groups of words of one length (length, count,
// then per word its bytes and its class); a class is an index into
// wc_nl_words_bits (the distinct bit sets, most frequent first).
const classCount = new Map();
for (const w of wordKeys) classCount.set(wordBits.get(w), (classCount.get(wordBits.get(w)) || 0) + 1);
const classes = [...classCount.keys()].sort((a, b) => classCount.get(b) - classCount.get(a) || a - b);
if (classes.length > 255) throw new Error("too many word-list bit sets");
const wordBlob = [], wordFirst = [], wordId = new Map();
for (let c = 0; c <= 26; c++) {
  wordFirst.push(wordBlob.length);
  if (c === 26) break;
  const ws = wordKeys.filter((x) => x.charCodeAt(0) === 97 + c);
  for (const len of [...new Set(ws.map((w) => w.length))]) {
    const group = ws.filter((w) => w.length === len);
    if (len > 255 || group.length > 255) throw new Error("word group too large: " + group[0]);
    wordBlob.push(len, group.length);
    for (const w of group) {
      wordId.set(w, wordBlob.length + 1); // id: 1 + the offset of the word in the blob
      wordBlob.push(...Buffer.from(w, "latin1"), classes.indexOf(wordBits.get(w)));
    }
  }
}
if (wordBlob.length > 65534) throw new Error("word blob too large for uint16 ids");
const idsH = `/* GENERATED by core/tools/gen-dutch-verbs.mjs — do not edit.
 * Ids of the words dutch.c compares tokens with (wc_nl_word_id; 0 = no listed word). */
#ifndef WEBCARE_GEN_DUTCH_WORDS_H
#define WEBCARE_GEN_DUTCH_WORDS_H
enum {
${[...KEYWORDS].sort(cmp).map((w) => `    WC_NL_ID_${w} = ${wordId.get(w)},`).join("\n")}
};
#endif
`;
writeFileSync(new URL("../src/gen/dutch_words.h", import.meta.url), idsH);
if (wordKeys.some((w) => !/^[a-z]/.test(w))) throw new Error("word-list words start with a-z");
const enumLines = Object.keys(WORD_LISTS).map((n, i) => ` * WC_NL_W_${n} = 1u << ${i}`).join("\n");
const wordsC = `
/* Closed word lists: ${wordKeys.length} words and their list bits.
${enumLines}
 */
static const unsigned char wc_nl_words_blob[${wordBlob.length}] = {
${hex(wordBlob)}
};
static const uint16_t wc_nl_words_bits[${classes.length}] = {
${idx(classes)}
};
static const uint16_t wc_nl_words_first[27] = {
${idx(wordFirst)}
};
const wc_nl_wordlist wc_nl_words = { wc_nl_words_blob, wc_nl_words_bits, wc_nl_words_first };
`;
// The exhaustive check (tests/c/test_dutch.c): every key of every table with
// its flags, as the generator computed them, for the C test to look up.
if (CHECK_OUT) {
  const rows = [];
  for (const k of vKeys) rows.push(`    {0, "${k}", ${verbs.get(k)}},`);
  for (const k of aKeys) rows.push(`    {1, "${k}", 0},`);
  for (const k of eKeys) rows.push(`    {2, "${k}", 0},`);
  for (const w of wordKeys) rows.push(`    {3, "${w}", ${wordBits.get(w)}},`);
  writeFileSync(CHECK_OUT, `/* GENERATED by core/tools/gen-dutch-verbs.mjs — do not edit.
 * Every key of the Dutch tables with the answer the lookup must give:
 * table 0 verbs (flags WC_NL_*), 1 adjectives, 2 exceptions, 3 word lists (WC_NL_W_* bits). */
static const struct { unsigned char table; const char *key; unsigned flags; } nl_lexicon_expect[] = {
${rows.join("\n")}
};
`);
}
process.stdout.write(`/* GENERATED by core/tools/gen-dutch-verbs.mjs from hunspell-nl (nl.dic) and wdutch
 * (/usr/share/dict/dutch), OpenTaal data, revised BSD / CC BY 3.0 — do not edit.
 * verbs: ${verbs.size} stems; comparable adjectives: ${adjs.size}; exceptions: ${exc.size}. */
#include "dutch.h"
${emit("wc_nl_verbs", V)}${emit("wc_nl_adjs", A)}${emit("wc_nl_exc", E)}${wordsC}`);
if (V.chars.length > 65535 || A.chars.length > 65535 || E.chars.length > 65535) throw new Error("table too large for uint16 index");
process.stderr.write(`gen-dutch-verbs: ${verbs.size} verbs (${V.chars.length + V.hdr.length} B), ${adjs.size} adjectives (${A.chars.length + A.hdr.length} B), ${exc.size} exceptions (${E.chars.length + E.hdr.length} B)\n`);
