/* dutch.h — "Foutloos Nederlands" (issue 11): d/t spelling, classic
 * confusions (jou/jouw, u/uw, hun/zij, als/dan, me/mijn, ken/kan, ben/bent)
 * and readability. Internal to the core.
 *
 * Precision first: a check only fires when the analysis of subject and verb
 * is certain; everything else is left alone. The verb lexicon is generated
 * from OpenTaal data by core/tools/gen-dutch-verbs.mjs (core/src/gen/dutch_verbs.c). */
#ifndef WEBCARE_DUTCH_H
#define WEBCARE_DUTCH_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

/* A front-coded word table over reversed keys (see the generator for the layout). */
#define WC_NL_BLOCK 16 /* entries per block (BLOCK in the generator) */
typedef struct wc_nl_table {
    const unsigned char *chars; /* suffix bytes per entry, last byte | 0x80 */
    const unsigned char *hdr;   /* per entry: shared length | D/T code << 4 | noun << 6 */
    const unsigned char *index; /* offset in chars of every WC_NL_BLOCK-th entry: nblocks low bytes, then high bytes */
    const uint16_t *first;      /* [27]: first entry whose reversed key starts with 'a'+c; [26] = n */
    uint16_t n, nblocks;
} wc_nl_table;

extern const wc_nl_table wc_nl_verbs; /* verb stems; flags WC_NL_* */
extern const wc_nl_table wc_nl_adjs;  /* comparable adjectives (base form) */
extern const wc_nl_table wc_nl_exc;   /* real words the non-word test leaves alone */

enum { WC_NL_PAST_D = 1, WC_NL_PAST_T = 2, WC_NL_NOUN = 4, WC_NL_FOUND = 8 };

/* Closed word lists (function words, irregular verbs...): each word with
 * the bit set of the lists it belongs to. */
typedef struct wc_nl_wordlist {
    const unsigned char *blob; /* per word, in byte order: length, bytes, class */
    const uint16_t *bits;      /* WC_NL_W_* bit set of each class */
    const uint16_t *first;     /* [27]: offset in blob of the first word starting with 'a'+c; [26] = end */
} wc_nl_wordlist;
extern const wc_nl_wordlist wc_nl_words;

enum {
    WC_NL_W_FINITE_IRR = 1u << 0,  /* irregular / strong finite forms: is, kan, kreeg */
    WC_NL_W_PLURAL_IRR = 1u << 1,  /* irregular plurals / infinitives: zijn, hebben */
    WC_NL_W_AUX = 1u << 2,         /* auxiliaries before a participle */
    WC_NL_W_SUBORD = 1u << 3,      /* subordinators: als, zodra, omdat */
    WC_NL_W_COORD = 1u << 4,       /* en, maar, want, of, dus */
    WC_NL_W_WH = 1u << 5,          /* question words */
    WC_NL_W_DET = 1u << 6,         /* determiners and possessives */
    WC_NL_W_SUBJ = 1u << 7,        /* subject pronouns */
    WC_NL_W_CLOSED = 1u << 8,      /* closed-class words and common adverbs */
    WC_NL_W_MASS_OBJ = 1u << 9,    /* succes, sterkte: objects after jou/u */
    WC_NL_W_DT_SKIP = 1u << 10,    /* never analysed as regular verb forms */
    WC_NL_W_LIGHT_NOUN = 1u << 11, /* contact, informatie: after "met u" */
    WC_NL_W_PREP = 1u << 12,       /* prepositions before u */
    WC_NL_W_ENGLISH_STRONG = 1u << 13,
    WC_NL_W_ENGLISH_WEAK = 1u << 14,
    WC_NL_W_EXPECT = 1u << 15      /* verwacht, gedacht: "sneller dan we hadden verwacht" */
};

/* Flags of `len` bytes of `s` in table t, or -1 when absent. */
int wc_nl_find(const wc_nl_table *t, const char *s, size_t len);
/* WC_NL_W_* bits of word s (0 when in no list). */
unsigned wc_nl_word_bits(const char *s, size_t len);
/* Id of word s in the closed lists (WC_NL_ID_* in gen/dutch_words.h), 0 if
 * absent; *bits (not NULL) gets its WC_NL_W_* bits. */
unsigned wc_nl_word_id(const char *s, size_t len, unsigned *bits);

typedef enum wc_dutch_rule { WC_NL_DT = 0, WC_NL_CONFUSION, WC_NL_READABILITY } wc_dutch_rule;

#define WC_NL_SUGG_MAX 48

typedef struct wc_dutch_finding {
    uint8_t rule;     /* wc_dutch_rule */
    uint8_t severity; /* 0 error, 1 warning, 2 info (as WC_SEV_*) */
    uint32_t start, end;       /* byte offsets into the text */
    uint32_t start16, end16;   /* UTF-16 offsets into the text */
    const char *message;       /* static Dutch message with the reason */
    char suggestion[WC_NL_SUGG_MAX]; /* replacement for [start,end), "" = advice only */
} wc_dutch_finding;

/* Rule ids as they appear in the API: "dt-spelling", "confusion", "readability". */
const char *wc_dutch_rule_id(int rule);

/* Bits for `rules` in wc_dutch_check. */
enum { WC_NL_WANT_DT = 1, WC_NL_WANT_CONFUSION = 2, WC_NL_WANT_READABILITY = 4, WC_NL_WANT_ALL = 7 };

/* Runs the wanted checks over tokenised text t. Writes at most `cap`
 * findings to out (in text order) and returns how many were found in total
 * (may exceed cap). Uses one scratch allocation (freed before returning);
 * when that fails it reports nothing (fail open: no false alarms). Only
 * the first 4096 tokens are checked. out may be NULL when cap is 0. */
size_t wc_dutch_check(const wc_text *t, unsigned rules, wc_dutch_finding *out, size_t cap);

/* Morphology helpers, exposed for the tests. `s` is a match key (lower case). */
int wc_nl_stem_flags(const char *s, size_t len);  /* 0 if not a verb stem */
int wc_nl_is_verb_form(const char *s, size_t len);
/* If s is a non-word d/t misspelling (e.g. "werkd", "geregelt", "fietsde"),
 * writes the correction and returns 1 (2 if s is also a real word). */
int wc_nl_nonword(const char *s, size_t len, char *fix, size_t cap);

#endif
