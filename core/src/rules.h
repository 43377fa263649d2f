/* rules.h — rule packs: the data model, the pattern matcher and the team-pack
 * loader. Internal to the core.
 *
 * Pattern language (the same in core/rules/nl/<id>.json and in team packs; see
 * core/rules/README.md). A pattern matches inside one sentence (sentences end
 * at . ! ? … and line breaks), over token match keys (NFC, case folded,
 * accents stripped: "Vóór" -> "voor"):
 *
 *   kijken            a word (its match key)
 *   kijk*             a prefix (at least 3 bytes): kijk, kijken, kijkt
 *   *straat           a suffix (at least 3 bytes): Lindestraat, hoofdstraat
 *   ernaar|er         alternatives for one position
 *   #time             a token class: #num #time #url #email #handle #hashtag
 *                     #emoji #qmark (a "?") #excl (a "!!" run) #caps (ALL-CAPS word)
 *                     #code (a number or code with 4+ digits, not a time)
 *   {3}               up to 3 filler tokens before the next position
 *                     ("we gaan er {2} naar kijken" also matches "er even naar")
 *   a b & c d         unordered co-occurrence: both parts in the same sentence
 *
 * Built-in rules additionally use, expanded by core/tools/gen-rules.mjs:
 *   ~kijk             Dutch verb forms of a stem (kijk kijkt kijken keek... see the tool)
 *   @jij, @time       macros from core/rules/nl-macros.json (words or whole patterns)
 *
 * Rules with "typos": true also accept words of 6+ letters at edit distance 1
 * (same first letter): "verantwoordelijkhied" still matches.
 *
 * Matching cost: the default pack carries a generated word index (word hash
 * -> the positions that hold it); one pass over a reply's tokens marks the
 * positions with a word present and lists, per position, the tokens that
 * offer one (ascending). A pattern with an unmarked (filterable) position is
 * skipped without looking at the tokens, and a first position's candidates
 * in a sentence are found in its list by binary search. Loaded team packs
 * use a 256-bit bloom mask per pattern and the reply's hash set instead. */
#ifndef WEBCARE_RULES_H
#define WEBCARE_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "cJSON.h"
#include "text.h"

#define WC_BLOOM_WORDS 4 /* 256 bits */

enum { WC_SEV_ERROR = 0, WC_SEV_WARNING, WC_SEV_INFO };
enum { WC_CAT_STRUCTURE = 0, WC_CAT_TONE, WC_CAT_SAFETY, WC_CAT_TEAM };
enum { WC_SCOPE_SENTENCE = 0, WC_SCOPE_REPLY };
enum { WC_ALT_WORD = 0, WC_ALT_PREFIX, WC_ALT_CLASS, WC_ALT_SUFFIX };
enum {
    WC_CLASS_NUM = 0, WC_CLASS_TIME, WC_CLASS_URL, WC_CLASS_EMAIL, WC_CLASS_HANDLE,
    WC_CLASS_HASHTAG, WC_CLASS_EMOJI, WC_CLASS_QMARK, WC_CLASS_EXCL, WC_CLASS_CAPS, WC_CLASS_CODE,
    WC_CLASS_COUNT
};
enum { WC_SUGG_ADVICE = 0, WC_SUGG_REPLACE };

/* The checkers: "phrase" reports every match of list "match" (unless cleared
 * by list "unless"); the others are code that reads the rule's lists. */
typedef enum wc_check {
    WC_CHECK_PHRASE = 0,
    WC_CHECK_GREETING,
    WC_CHECK_THANKS,
    WC_CHECK_APOLOGY_EXCESS,
    WC_CHECK_EMPATHY_FIRST,
    WC_CHECK_ANSWER_QUESTION,
    WC_CHECK_FOLLOW_UP_QUESTION,
    WC_CHECK_SIGN_OFF,
    WC_CHECK_SHOUTING,
    WC_CHECK_EMOJI_TONE,
    WC_CHECK_REGISTER_MIX,
    WC_CHECK_PRIVACY,
    WC_CHECK_LENGTH,
    WC_CHECK_REQUIRED, /* team packs: a list "match" that must occur */
    WC_CHECK_BRAND,    /* team packs: words that must be spelled as "spelling" */
    WC_CHECK_DT_SPELLING, /* Dutch d/t spelling (dutch.c, issue 11) */
    WC_CHECK_CONFUSION,   /* jou/jouw, u/uw, hun/zij, als/dan, me/mijn, ken/kan, ben/bent */
    WC_CHECK_READABILITY, /* long sentences and words, stacked passives */
    WC_CHECK_COUNT
} wc_check;

typedef struct wc_alt {
    const char *w;  /* match key (word, prefix) or NULL for a class */
    uint16_t h;     /* wc_hash of w (prefix: of its first 3 bytes); class id for classes */
    uint8_t kind;   /* WC_ALT_* */
    uint8_t len;    /* strlen(w) */
} wc_alt;

/* A slot's alternatives are sorted: words by hash, then prefixes by hash,
 * then suffixes and classes (wc_alt_order), so a token is looked up by
 * binary search. */
typedef struct wc_slot {
    uint32_t alt;   /* first alternative in pack->alts */
    uint16_t n_alt;
    uint8_t gap;    /* filler tokens allowed before this slot */
    uint8_t nofilter; /* cannot be pre-checked: 1 classes, suffixes; 2 typo-tolerant words (still in the word index) */
    uint16_t n_word, n_prefix; /* the first n_word alts are words, the next n_prefix prefixes */
} wc_slot;

typedef struct wc_seq {
    uint32_t slot;
    uint16_t n_slot;
} wc_seq;

typedef struct wc_pat {
    uint32_t seq; /* parts joined by & */
    uint16_t n_seq;
    uint16_t n_sugg; /* replacement suggestions for a match of this pattern */
    uint32_t sugg;
    uint32_t nofilter; /* 1: no pre-check */
} wc_pat;

typedef struct wc_list {
    const char *name;
    uint32_t pat;
    uint16_t n_pat;
} wc_list;

typedef struct wc_sugg {
    uint8_t kind; /* WC_SUGG_* */
    const char *text;
} wc_sugg;

typedef struct wc_rule {
    const char *id;
    const char *message; /* may hold {used} {limit} {platform} {agent} {match} */
    const char *why;
    const char *spelling; /* brand checks */
    uint8_t severity, category, check, typos, unless_scope;
    uint32_t list;
    uint16_t n_list;
    uint16_t n_sugg;
    uint32_t sugg;
} wc_rule;

typedef struct wc_pack {
    const char *name;
    const wc_rule *rules;
    size_t n_rules;
    const wc_list *lists;
    const wc_pat *pats;
    const wc_seq *seqs;
    const wc_slot *slots;
    const wc_alt *alts;
    const wc_sugg *suggs;
    size_t n_lists, n_pats, n_seqs, n_slots, n_alts, n_suggs;
    /* loaded packs only: */
    void *owned;           /* arena with everything above */
    char **disabled;       /* built-in rule ids the team pack turns off */
    size_t n_disabled;
    cJSON *examples;       /* per rule {"fires":[...],"passes":[...]} for check-pack */
    /* Word index (generated for the default pack; loaded packs have none and
     * fall back to hash-set lookups per alternative): the ascending distinct
     * keys hash | 1 (16 bits, wc_hash) of every word and prefix alternative of
     * an indexed slot (nofilter != 1); key i lists the slots
     * ix_slot[ix_off[i] .. ix_off[i + 1]). Sorted keys, found by binary
     * search, compress far better in the WASM than a hash table of them. */
    const uint16_t *ix_key;
    const uint16_t *ix_off;
    const uint16_t *ix_slot;
    uint32_t ix_n; /* number of keys, 0: no index */
    /* Loaded packs (no word index): per pattern WC_BLOOM_WORDS words, the
     * bloom bits of its most selective position; NULL with a word index. */
    const uint64_t *masks;
} wc_pack;

/* Team packs: the brand's own nouns with their definite article
 * ("articles": {"het": [...], "de": [...]}); the confusion rule flags
 * "de abonnement" / "het nieuwe Coolblue-app" (lint.c). key is a match key. */
typedef struct wc_article {
    const char *key;
    uint8_t het; /* 1: het, 0: de */
} wc_article;

/* The nouns of a loaded pack (kept in its arena); 0 for the default pack. */
size_t wc_pack_articles(const wc_pack *p, const wc_article **out);

/* The compiled-in default pack (core/src/gen/rules_default.c). */
extern const wc_pack wc_default_pack;

/* FNV-1a 32 over n bytes (the generator computes the same). */
uint32_t wc_hash(const char *s, size_t n);
/* Bloom bit of a hash. */
static inline void wc_bloom_add(uint64_t *m, uint32_t h) { m[(h >> 6) & (WC_BLOOM_WORDS - 1)] |= 1ull << (h & 63); }

/* A tokenised reply prepared for matching. Every token list below is an
 * ascending array, so a sentence's entries are found by binary search: the
 * matcher's cost per sentence does not grow with the reply (issue 10). */
typedef struct wc_doc {
    wc_text t;
    uint32_t *h;      /* per token: hash of the match key */
    uint32_t *hs;     /* per token: hash of the squeezed key ("heeeel" -> "hel"), or h */
    uint32_t *h3;     /* per token: hash of the key's first 3 bytes (prefix lookups) */
    uint32_t *sent;   /* sentence k spans tokens [sent[k], sent[k+1]) ; n_sent+1 entries */
    size_t n_sent;
    /* tokens of kind k: kpos[kind_off[k] .. kind_off[k+1]); words of 5+
     * bytes by first byte b: fpos[fb_start[b] ..] (fb_cnt[b] of them) */
    uint32_t *kpos, *fpos;
    uint32_t kind_off[WC_TOK_KIND_COUNT + 1];
    uint32_t fb_start[256], fb_cnt[256];
    uint32_t fb_letters; /* first letters a-z present (bit 26: another first byte) */
    uint32_t *odd;    /* tokens whose squeezed key differs (elongated) */
    size_t n_odd;
    /* For packs without a word index (loaded team packs; wc_doc_init with
     * hashes = 1, else NULL / zero): */
    uint64_t bloom[WC_BLOOM_WORDS];
    uint32_t *set;    /* open-addressing set of all token hashes (h, hs, h3), 0 = empty */
    size_t set_mask;
    /* hash -> tokens: ix[] holds (hash|1, first, count) triples for the exact
     * (h) and prefix (h3) hashes; the tokens are ipos[first .. first+count). */
    uint32_t *ix, *ipos;
    size_t ix_mask;
    uint64_t steps;   /* tokens and sentences the matcher looked at (tests check it grows linearly) */
    /* per pack, filled on first use: */
    struct wc_doc_cache {
        const wc_pack *pack;
        uint8_t *memo;   /* per pattern: possible? 0 unknown, 1 yes, 2 no */
        uint16_t *range; /* per list: range[2l] 1 when known, range[2l+1] its possible patterns, */
        uint16_t *plist; /* ... at plist[list.pat ..] (indices into the list) */
        uint64_t *bits;  /* packs with a word index: slots with a word in the reply */
        uint32_t *off, *cnt; /* ... and for a slot s with its bit: the tokens offering one of */
        uint32_t *ent;       /* its words, ent[off[s] .. off[s] + cnt[s]) */
        uint32_t *tfb;       /* per slot: first letters of its typo-tolerant words, 0 = not yet */
    } cache[2];
} wc_doc;

/* Sort order of alternatives inside a slot. */
int wc_alt_order(const void *a, const void *b);

/* hashes: also build the hash set, bloom and hash index that packs without
 * a word index (loaded team packs) match with. */
int wc_doc_init(wc_doc *d, const char *s, size_t n, int hashes, size_t *err_at);
void wc_doc_free(wc_doc *d);

/* One match: tokens [tok_lo, tok_hi) and the pattern that matched. */
typedef struct wc_match {
    size_t tok_lo, tok_hi;
    const wc_pat *pat;
} wc_match;

const wc_list *wc_rule_list(const wc_pack *p, const wc_rule *r, const char *name);

/* Sets pt->nofilter and, when mask is not NULL, the bloom bits of its most
 * selective position (the loader, the generator and the tests agree). */
void wc_pat_filter(const wc_alt *alts, const wc_slot *slots, const wc_seq *seqs, wc_pat *pt,
                   uint64_t mask[WC_BLOOM_WORDS]);

/* Does token i match alternative a? */
int wc_tok_match_alt(const wc_doc *d, size_t i, const wc_alt *a, int typos);

/* First match of any pattern of list L within tokens [lo, hi) that starts
 * at or after `from` (sentence-local: lo/hi should be sentence bounds).
 * Returns 1 and fills *m, or 0. */
int wc_list_find(const wc_pack *p, const wc_list *L, const wc_doc *d, size_t lo, size_t hi,
                 size_t from, int typos, wc_match *m);
/* Any match of list L in any sentence overlapping [lo, hi). */
int wc_list_any(const wc_pack *p, const wc_list *L, const wc_doc *d, size_t lo, size_t hi, int typos);
/* Does token i alone match one single-slot pattern of the list? */
int wc_list_tok(const wc_pack *p, const wc_list *L, const wc_doc *d, size_t i, int typos);
/* Sets mark[i] = val for every token i that is still 0 and alone matches a
 * single-slot pattern of L (the same tokens wc_list_tok accepts), looking
 * only at the tokens the reply's index offers. */
void wc_list_mark(const wc_pack *p, const wc_list *L, const wc_doc *d, int typos, uint8_t *mark, uint8_t val);

/* Team packs: parse and compile JSON text (len bytes). On error returns
 * WEBCARE_ERROR_BAD_PACK (or NOMEM) and fills *e with a message, the byte
 * offset, line and column. Free with wc_pack_free. */
struct wc_err;
int wc_pack_load(const char *json, size_t len, wc_pack **out, struct wc_err *e);
void wc_pack_free(wc_pack *p);
/* Compile one pattern string into a fresh pack (tests). */

/* Byte offset -> 1-based line and column (columns in code points). */
void wc_line_col(const char *s, size_t n, size_t at, int *line, int *col);

const char *wc_check_name(int check);
const char *wc_severity_name(int sev);

#endif
