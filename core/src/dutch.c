/* dutch.c — d/t spelling, confusions and readability for Dutch replies.
 * See dutch.h. The non-word morphology mirrors core/tools/gen-dutch-verbs.mjs
 * (which uses it to compute the exception list): keep the two in sync. */
#include "dutch.h"
#include "gen/dutch_words.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- tables */

/* The table keys are reversed: byte i of the stored form of s. */
#define REV(s, len, i) ((unsigned char)(s)[(len) - 1 - (i)])

/* Compares the block-head key at d (shares nothing) with s reversed: <0, 0, >0. */
static int head_cmp(const unsigned char *d, const char *s, size_t len)
{
    for (size_t i = 0;; i++) {
        unsigned char c = (unsigned char)(d[i] & 0x7f);
        if (i == len) return 1;
        if (c != REV(s, len, i)) return c < REV(s, len, i) ? -1 : 1;
        if (d[i] & 0x80) return i + 1 == len ? 0 : -1;
    }
}

/* Flags of an entry from its header byte; s is its (forward) key. The D/T
 * code says whether the weak past follows 't kofschip (see the generator). */
static int entry_flags(unsigned h, const char *s, size_t len)
{
    static const unsigned char weak[2][4] = {
        {0, WC_NL_PAST_D, WC_NL_PAST_T, WC_NL_PAST_D | WC_NL_PAST_T}, /* -de expected */
        {0, WC_NL_PAST_T, WC_NL_PAST_D, WC_NL_PAST_D | WC_NL_PAST_T}, /* -te expected */
    };
    char z = s[len - 1];
    int kof = z == 't' || z == 'k' || z == 'f' || z == 's' || z == 'p' || (z == 'h' && len > 1 && s[len - 2] == 'c');
    return weak[kof][(h >> 4) & 3] | ((h & 0x40) ? WC_NL_NOUN : 0);
}

/* Offset in t->chars of block b (index: low bytes, then high bytes). */
static size_t block_at(const wc_nl_table *t, size_t b) { return t->index[b] | (size_t)t->index[t->nblocks + b] << 8; }

int wc_nl_find(const wc_nl_table *t, const char *s, size_t len)
{
    size_t lo = 0, hi, pos, match = 0;
    unsigned char z;
    if (!t || !s || len == 0 || len > 60) return -1;
    hi = t->nblocks;
    z = REV(s, len, 0);
    if (z >= 'a' && z <= 'z') { /* only the blocks of the first letter */
        size_t f0 = t->first[z - 'a'], f1 = t->first[z - 'a' + 1];
        if (f0 == f1) return -1;
        lo = f0 / WC_NL_BLOCK;
        hi = (f1 - 1) / WC_NL_BLOCK + 1;
    }
    /* last block whose first key <= r */
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (head_cmp(t->chars + block_at(t, mid), s, len) <= 0) lo = mid;
        else hi = mid;
    }
    /* Scan the block without rebuilding keys: `match` is how many leading
     * bytes the previous entry shares with the reversed s (and is smaller). */
    pos = block_at(t, lo);
    for (size_t i = lo * WC_NL_BLOCK; i < t->n && i < lo * WC_NL_BLOCK + WC_NL_BLOCK; i++) {
        const unsigned char *d = t->chars + pos;
        size_t p = t->hdr[i] & 15, j = 0, q;
        if (i > lo * WC_NL_BLOCK && p < match) return -1; /* diverges earlier, upward: past s */
        if (i > lo * WC_NL_BLOCK && p > match) {          /* still below s: skip it */
            while (!(d[j] & 0x80)) j++;
            pos += j + 1;
            continue;
        }
        /* p == match (or the block head): compare the suffix with the reversed s from p */
        for (q = p;; j++, q++) {
            unsigned char c = (unsigned char)(d[j] & 0x7f);
            if (q >= len) return -1; /* entry longer than s: entry > s */
            if (c != REV(s, len, q)) {
                if (c > REV(s, len, q)) return -1;
                break; /* entry < s: go on */
            }
            if (d[j] & 0x80) {
                if (q + 1 == len) return entry_flags(t->hdr[i], s, len);
                q++;
                break; /* entry is a prefix of the reversed s: < s */
            }
        }
        match = q;
        while (!(d[j] & 0x80)) j++;
        pos += j + 1;
    }
    return -1;
}

/* -------------------------------------------------------------- morphology */

static const char *const SEP[] = {"aan", "achter", "af", "bij", "binnen", "buiten", "dicht", "door",
    "heen", "in", "langs", "los", "mee", "na", "neer", "om", "onder", "op", "over", "rond", "samen",
    "tegen", "terug", "thuis", "toe", "uit", "vast", "voor", "voorbij", "weg", NULL};
static const unsigned char SEP_LEN[] = {3, 6, 2, 3, 6, 6, 5, 4, 4, 2, 5, 3, 3, 2, 4, 2, 5, 2, 4, 4, 5, 5, 5, 5, 3, 3, 4, 4, 7, 3, 0};
static const char *const INSEP[] = {"be", "ge", "her", "ont", "ver", "er", NULL};
/* SEP_AT[c]: index of the first SEP entry whose letter is >= 'a' + c. */
static const unsigned char SEP_AT[26] = {0, 3, 6, 6, 8, 8, 8, 8, 9, 10, 10, 10, 12, 13, 15, 19, 19, 19, 20, 21, 25, 26, 29, 30, 30, 30};
/* Index of the first SEP entry starting with s[0]; the loop over them stops
 * at the first entry with another letter (or the NULL end). */
static int sep_first(const char *s, size_t len)
{
    return len > 0 && s[0] >= 'a' && s[0] <= 'z' ? SEP_AT[s[0] - 'a'] : 30;
}

static int starts(const char *s, size_t len, const char *p)
{
    size_t i = 0;
    for (; p[i]; i++)
        if (i >= len || s[i] != p[i]) return 0;
    return 1;
}
static int ends(const char *s, size_t len, const char *x)
{
    size_t xl = strlen(x);
    return len >= xl && memcmp(s + len - xl, x, xl) == 0;
}
static int ends_dt(const char *s, size_t len) { return len > 0 && (s[len - 1] == 'd' || s[len - 1] == 't'); }

/* (?!ge)[a-z]{4,}[^e]eer : regular weak -de verbs (annuleer, installeer) not stored. */
static int eer_shape(const char *s, size_t len)
{
    if (len < 8 || !ends(s, len, "eer") || s[len - 4] == 'e' || starts(s, len, "ge")) return 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] < 'a' || s[i] > 'z') return 0;
    return 1;
}

/* Flags of exactly s, or -1. */
static int lookup(const char *s, size_t len)
{
    int f = wc_nl_find(&wc_nl_verbs, s, len);
    if (f >= 0) return f;
    if (eer_shape(s, len)) return WC_NL_PAST_D | WC_NL_NOUN;
    return -1;
}

int wc_nl_stem_flags(const char *s, size_t len)
{
    int f = lookup(s, len);
    if (f >= 0) return f | WC_NL_FOUND;
    for (int i = sep_first(s, len); SEP[i] && SEP[i][0] == s[0]; i++) {
        size_t pl = SEP_LEN[i];
        if (len > pl + 1 && starts(s, len, SEP[i])) {
            f = lookup(s + pl, len - pl);
            if (f >= 0) return f | WC_NL_FOUND;
        }
    }
    return 0;
}
static int is_stem(const char *s, size_t len) { return wc_nl_stem_flags(s, len) != 0; }
static int is_weak(int f) { return (f & (WC_NL_PAST_D | WC_NL_PAST_T)) != 0; }
static int starts_insep(const char *s, size_t len)
{
    for (int i = 0; INSEP[i]; i++)
        if (starts(s, len, INSEP[i]) && len > strlen(INSEP[i]) + 1) return 1;
    return 0;
}

/* Correct participle ending: 0 "", 'd', 't', or -1 (strong). */
static int pp_end(const char *s, size_t len, int f)
{
    if (ends_dt(s, len)) return is_weak(f) ? 0 : -1;
    if (f & WC_NL_PAST_D) return 'd';
    if (f & WC_NL_PAST_T) return 't';
    return -1;
}

typedef struct pp_split {
    size_t sep_len; /* separable prefix length */
    int ge;         /* "ge" follows the prefix */
    size_t stem_off, stem_len;
} pp_split;

/* Splits body (a participle without its final d/t) into [sep][ge]stem. */
static size_t pp_splits(const char *b, size_t len, pp_split *out, size_t cap)
{
    size_t n = 0;
    /* no prefix (i = -1), then the prefixes starting with b[0] */
    for (int i = -1; n + 2 <= cap; i = i < 0 ? sep_first(b, len) : i + 1) {
        size_t pl = i < 0 ? 0 : SEP_LEN[i];
        const char *r;
        size_t rl;
        if (i >= 0 && (!SEP[i] || SEP[i][0] != b[0])) break;
        if (i >= 0 && !starts(b, len, SEP[i])) continue;
        r = b + pl;
        rl = len - pl;
        if (rl > 2 && starts(r, rl, "ge") && lookup(r + 2, rl - 2) >= 0)
            out[n++] = (pp_split){pl, 1, pl + 2, rl - 2};
        if (starts_insep(r, rl) && lookup(r, rl) >= 0) out[n++] = (pp_split){pl, 0, pl, rl};
    }
    return n;
}

static int is_participle(const char *k, size_t len)
{
    static const char ends_[3] = {0, 'd', 't'};
    pp_split sp[16];
    for (int e = 0; e < 3; e++) {
        size_t bl = len;
        if (ends_[e]) {
            if (len == 0 || k[len - 1] != ends_[e]) continue;
            bl = len - 1;
        }
        size_t n = pp_splits(k, bl, sp, 16);
        for (size_t j = 0; j < n; j++) {
            int pe = pp_end(k + sp[j].stem_off, sp[j].stem_len, lookup(k + sp[j].stem_off, sp[j].stem_len));
            if (pe >= 0 && pe == ends_[e]) return 1;
        }
    }
    return 0;
}

/* A participle, also of a strong verb: "aangekomen", "gebeld", "verstuurd". */
static int pp_like(const char *k, size_t len)
{
    if (is_participle(k, len)) return 1;
    if (len >= 6 && starts(k, len, "ge") && ends_dt(k, len)) return 1; /* gerenderd: any ge-...-d/t */
    if (len < 6 || !ends(k, len, "en")) return 0;
    if (starts(k, len, "ge") || starts(k, len, "ver") || starts(k, len, "be") || starts(k, len, "ont")) return 1;
    for (int i = 0; SEP[i]; i++)
        if (starts(k, len, SEP[i]) && starts(k + SEP_LEN[i], len - SEP_LEN[i], "ge")) return 1;
    return 0;
}

static int is_weak_past(const char *k, size_t len)
{
    static const char *const suf[] = {"de", "den", "te", "ten"};
    for (int i = 0; i < 4; i++) {
        size_t sl = strlen(suf[i]);
        int f;
        if (!ends(k, len, suf[i]) || len <= sl) continue;
        f = wc_nl_stem_flags(k, len - sl);
        if (f && (suf[i][0] == 'd' ? (f & WC_NL_PAST_D) : (f & WC_NL_PAST_T))) return 1;
    }
    return 0;
}

static int valid_form(const char *k, size_t len)
{
    if (is_stem(k, len)) return 1;
    if (len > 1 && k[len - 1] == 'e' && is_participle(k, len - 1)) return 1;
    if (len > 1 && k[len - 1] == 't' && is_stem(k, len - 1)) return 1;
    if (len > 2 && (ends(k, len, "aat") || ends(k, len, "oot")) && is_stem(k, len - 2)) return 1;
    return is_participle(k, len) || is_weak_past(k, len);
}

static int put(char *fix, size_t cap, const char *a, size_t al, const char *b)
{
    size_t bl = strlen(b);
    if (al + bl + 1 > cap) return 0;
    memcpy(fix, a, al);
    memcpy(fix + al, b, bl + 1);
    return 1;
}

/* Longer words are not checked as non-words (mirrors MAXLEN in the generator). */
#define WC_NL_NONWORD_MAX 13

/* The first non-word candidate fix for k (cheap: a few lookups), or 0. */
static int nonword_candidate(const char *k, size_t len, char *fix, size_t cap)
{
    pp_split sp[16];
    char last = k[len - 1];
    if (last == 'd') {
        size_t bl = len - 1;
        if (lookup(k, bl) >= 0 && !ends_dt(k, bl)) return put(fix, cap, k, bl, "t");
        size_t n = pp_splits(k, bl, sp, 16);
        for (size_t j = 0; j < n; j++) {
            int f = lookup(k + sp[j].stem_off, sp[j].stem_len);
            if (sp[j].ge && (f & WC_NL_PAST_T) && !ends_dt(k + sp[j].stem_off, sp[j].stem_len))
                return put(fix, cap, k, bl, "t");
        }
    } else if (last == 't') {
        size_t bl = len - 1;
        size_t n = pp_splits(k, bl, sp, 16);
        for (size_t j = 0; j < n; j++) {
            int f = lookup(k + sp[j].stem_off, sp[j].stem_len);
            if (sp[j].ge && (f & WC_NL_PAST_D) && !(f & WC_NL_PAST_T) &&
                !ends_dt(k + sp[j].stem_off, sp[j].stem_len))
                return put(fix, cap, k, bl, "d");
        }
    }
    {
        static const char *const suf[] = {"de", "den", "te", "ten"};
        for (int i = 0; i < 4; i++) {
            size_t sl = strlen(suf[i]), bl;
            int f;
            if (!ends(k, len, suf[i]) || len <= sl) continue;
            bl = len - sl;
            f = lookup(k, bl);
            if (f < 0 || ends_dt(k, bl)) continue;
            if (suf[i][0] == 'd' && (f & WC_NL_PAST_T) && !(f & WC_NL_PAST_D))
                return put(fix, cap, k, bl, i == 0 ? "te" : "ten");
            if (suf[i][0] == 't' && (f & WC_NL_PAST_D) && !(f & WC_NL_PAST_T))
                return put(fix, cap, k, bl, i == 2 ? "de" : "den");
        }
    }
    if (last == 'e') {
        size_t bl = len - 1;
        int f = lookup(k, bl);
        if (f >= 0 && ends_dt(k, bl) && is_weak(f)) return put(fix, cap, k, bl, (f & WC_NL_PAST_D) ? "de" : "te");
    }
    return 0;
}

static int nonword_raw(const char *k, size_t len, char *fix, size_t cap)
{
    char last;
    if (len < 4 || len > WC_NL_NONWORD_MAX) return 0;
    last = k[len - 1];
    if (last != 'd' && last != 't' && last != 'e' && !ends(k, len, "den") && !ends(k, len, "ten")) return 0;
    /* same result as "valid form -> 0, else the first candidate", cheaper order */
    if (!nonword_candidate(k, len, fix, cap)) return 0;
    if (valid_form(k, len)) {
        fix[0] = 0;
        return 0;
    }
    return 1;
}

int wc_nl_nonword(const char *s, size_t len, char *fix, size_t cap)
{
    if (!s || !fix || cap == 0) return 0;
    if (!nonword_raw(s, len, fix, cap)) return 0;
    return wc_nl_find(&wc_nl_exc, s, len) >= 0 ? 2 : 1;
}

/* ------------------------------------------------------------ word lists */
/* The closed word lists (core/tools/gen-dutch-verbs.mjs, WORD_LISTS) as bits. */
enum {
    FINITE_IRR = WC_NL_W_FINITE_IRR,
    PLURAL_IRR = WC_NL_W_PLURAL_IRR,
    AUX = WC_NL_W_AUX,
    SUBORD = WC_NL_W_SUBORD,
    COORD = WC_NL_W_COORD,
    WH = WC_NL_W_WH,
    DET = WC_NL_W_DET,
    SUBJ = WC_NL_W_SUBJ,
    CLOSED = WC_NL_W_CLOSED,
    MASS_OBJ = WC_NL_W_MASS_OBJ,
    DT_SKIP = WC_NL_W_DT_SKIP,
    LIGHT_NOUN = WC_NL_W_LIGHT_NOUN,
    PREP = WC_NL_W_PREP,
    ENGLISH_STRONG = WC_NL_W_ENGLISH_STRONG,
    ENGLISH_WEAK = WC_NL_W_ENGLISH_WEAK,
    EXPECT = WC_NL_W_EXPECT,
};

/* Id of word k in the closed lists (1 + its offset in the blob; the ids in
 * gen/dutch_words.h), or 0; *bits gets its WC_NL_W_* bits. The words of a
 * first letter come in groups of one length, each group in byte order. */
unsigned wc_nl_word_id(const char *k, size_t len, unsigned *bits)
{
    const unsigned char *b = wc_nl_words.blob;
    size_t pos, end;
    *bits = 0;
    if (!k || len == 0 || k[0] < 'a' || k[0] > 'z') return 0;
    pos = wc_nl_words.first[k[0] - 'a'];
    end = wc_nl_words.first[k[0] - 'a' + 1];
    while (pos < end) {
        size_t wl = b[pos], cnt = b[pos + 1];
        pos += 2;
        if (wl < len) {
            pos += cnt * (wl + 1);
            continue;
        }
        if (wl > len) break;
        for (; cnt > 0; cnt--, pos += wl + 1) {
            size_t j = 1; /* byte 0 is the letter */
            while (j < len && b[pos + j] == (unsigned char)k[j]) j++;
            if (j == len) {
                *bits = wc_nl_words.bits[b[pos + wl]];
                return (unsigned)pos + 1;
            }
            if (b[pos + j] > (unsigned char)k[j]) break;
        }
        break;
    }
    return 0;
}
unsigned wc_nl_word_bits(const char *k, size_t len)
{
    unsigned bits;
    (void)wc_nl_word_id(k, len, &bits);
    return bits;
}
static unsigned word_bits(const char *k, size_t len) { return wc_nl_word_bits(k, len); }

static int in_strs(const char *k, size_t len, const char *const *list)
{
    if (len == 0) return 0;
    for (int i = 0; list[i]; i++) /* first byte first: most words differ there */
        if (list[i][0] == k[0] && strlen(list[i]) == len && memcmp(list[i], k, len) == 0) return 1;
    return 0;
}
static int in_list(const char *k, size_t len, unsigned bits) { return (word_bits(k, len) & bits) != 0; }

/* Finite forms outside the regular lexicon (irregular and strong verbs). */
/* Plural/infinitive forms outside the regular lexicon. */
/* Closed-class words and common adverbs: never the start of a noun phrase
 * that a possessive would need. */
/* Words that follow "jou"/"u" as a separate object, not a noun after a possessive. */

/* Derived adjectives, recognised by shape (not stored in wc_nl_adjs). */
static int adj_shape(const char *k, size_t len)
{
    return len >= 5 && (ends(k, len, "ig") || ends(k, len, "lijk") || ends(k, len, "isch") || ends(k, len, "baar") ||
                        ends(k, len, "zaam") || ends(k, len, "ief") || ends(k, len, "eel") || ends(k, len, "aal"));
}
static int is_adj(const char *k, size_t len) { return adj_shape(k, len) || wc_nl_find(&wc_nl_adjs, k, len) >= 0; }

static int adverb_shape(const char *k, size_t len)
{
    return ends(k, len, "lijk") || ends(k, len, "ig") || ends(k, len, "baar") || ends(k, len, "isch") ||
           ends(k, len, "loos") || ends(k, len, "zaam") || ends(k, len, "ochtend") ||
           ends(k, len, "middag") || ends(k, len, "avond") || starts(k, len, "hier") ||
           starts(k, len, "daar") || starts(k, len, "er") || starts(k, len, "waar");
}

/* Infinitive / plural form of a regular verb ("bellen", "maken", "verhuizen", "afgeven"). */
static int is_infinitive(const char *k, size_t len, int allow_noun)
{
    char b[48];
    size_t bl;
    if (in_list(k, len, PLURAL_IRR)) return 1;
    if (len < 4 || len > 44 || !ends(k, len, "en")) return 0;
    bl = len - 2;
    memcpy(b, k, bl);
    b[bl] = 0;
    {
        const char *s = b;
        size_t sl = bl;
        char c[50];
        size_t cl;
        int f;
#define TRY(str, l)                                                                      \
    do {                                                                                 \
        f = lookup((str), (l));                                                          \
        if (f >= 0 && (allow_noun || !(f & WC_NL_NOUN))) return 1;                       \
    } while (0)
        TRY(s, sl);
        /* bellen -> bel */
        if (sl >= 2 && s[sl - 1] == s[sl - 2] && strchr("bdfgklmnprst", s[sl - 1])) TRY(s, sl - 1);
        /* maken -> maak, verhuizen -> verhuis, leven -> leef */
        memcpy(c, s, sl);
        cl = sl;
        if (cl >= 1 && c[cl - 1] == 'z') c[cl - 1] = 's';
        else if (cl >= 1 && c[cl - 1] == 'v') c[cl - 1] = 'f';
        TRY(c, cl);
        if (cl >= 3 && strchr("aeou", c[cl - 2]) && !strchr("aeiou", c[cl - 3]) && !strchr("aeiou", c[cl - 1])) {
            memmove(c + cl - 1, c + cl - 2, 2);
            cl++;
            TRY(c, cl);
        }
#undef TRY
    }
    /* after a separable prefix: afgeven, inloggen, langskomen */
    for (int i = 0; SEP[i]; i++) {
        size_t pl = SEP_LEN[i];
        if (bl > pl + 2 && starts(b, bl, SEP[i]) && is_infinitive(k + pl, len - pl, 1)) return 1;
    }
    return 0;
}

int wc_nl_is_verb_form(const char *s, size_t len)
{
    if (!s) return 0;
    if (in_list(s, len, FINITE_IRR) || in_list(s, len, PLURAL_IRR)) return 1;
    if (valid_form(s, len)) return 1;
    return is_infinitive(s, len, 1);
}

/* ----------------------------------------------------------- the checker */

typedef struct ctx {
    const wc_text *t;
    wc_dutch_finding *out;
    size_t cap, n;
    unsigned report; /* WC_NL_WANT_* bits to report; other rules only mark tokens */
} ctx;

/* The checks run over an nl_view: the text plus per-token memos of the
 * morphology (each predicate is asked many times for the same token).
 * Helpers receive &view->t and reach the memos through VIEW(t); every
 * wc_text inside this file is the first member of an nl_view. */
enum { M_STEM, M_SPT, M_SPD, M_SNT, M_PP, M_PPL, M_INF0, M_INF1, M_VFORM, M_ADJ, M_FIN, M_COUNT };
typedef struct nl_view {
    wc_text t;
    uint16_t *wid;          /* word id per token (wc_nl_word_id), 0 = not a listed word */
    uint16_t *wbits;        /* WC_NL_W_* bits per token */
    uint8_t *tf;            /* TF_* per token (boundary punctuation...) */
    int8_t *memo[M_COUNT];  /* per token; -128 = not yet known */
} nl_view;
#define VIEW(tp) ((const nl_view *)(const void *)(tp))
enum { TF_BOUNDARY = 1, TF_SENTENCE_END = 2, TF_ASCII = 4 };
#define MEMO(tp, slot, i, expr)                                          \
    do {                                                                 \
        int8_t *m_ = VIEW(tp)->memo[slot];                               \
        if (m_[i] == -128) m_[i] = (int8_t)(expr);                       \
        return m_[i];                                                    \
    } while (0)

static const char *key(const wc_text *t, size_t i) { return wc_key(t, i); }
static size_t klen(const wc_text *t, size_t i) { return t->tok[i].key_len; }
static int is_word(const wc_text *t, size_t i) { return i < t->n && t->tok[i].kind == WC_TOK_WORD; }
/* Word token i is the listed word `id` (WC_NL_ID_*). */
static int kis(const wc_text *t, size_t i, unsigned id) { return i < t->n && VIEW(t)->wid[i] == id; }
/* Word token i is in one of the closed lists `list`. */
static int kin(const wc_text *t, size_t i, unsigned list) { return i < t->n && (VIEW(t)->wbits[i] & list) != 0; }
/* The key is non-empty lower-case ASCII (TF_ASCII, set before the checks run). */
static int ascii_key(const wc_text *t, size_t i) { return i < t->n && (VIEW(t)->tf[i] & TF_ASCII); }

/* Memoised token versions of the string predicates. */
static int tstem(const wc_text *t, size_t i) { MEMO(t, M_STEM, i, wc_nl_stem_flags(key(t, i), klen(t, i))); }
static int tpp(const wc_text *t, size_t i) { MEMO(t, M_PP, i, is_participle(key(t, i), klen(t, i))); }
static int tppl(const wc_text *t, size_t i) { MEMO(t, M_PPL, i, pp_like(key(t, i), klen(t, i))); }
static int tinf(const wc_text *t, size_t i, int allow_noun)
{
    if (allow_noun) MEMO(t, M_INF1, i, is_infinitive(key(t, i), klen(t, i), 1));
    MEMO(t, M_INF0, i, is_infinitive(key(t, i), klen(t, i), 0));
}
static int tvform(const wc_text *t, size_t i) { MEMO(t, M_VFORM, i, wc_nl_is_verb_form(key(t, i), klen(t, i))); }
static int tadj(const wc_text *t, size_t i) { MEMO(t, M_ADJ, i, is_adj(key(t, i), klen(t, i))); }
static int ascii_key_raw(const wc_text *t, size_t i)
{
    const char *k = key(t, i);
    for (size_t j = 0; j < klen(t, i); j++)
        if (k[j] < 'a' || k[j] > 'z') return 0;
    return klen(t, i) > 0;
}

/* Punctuation that ends a clause (sentence end, comma, colon...). */
static int is_boundary_raw(const wc_text *t, size_t i)
{
    if (i >= t->n) return 1;
    if (t->tok[i].kind == WC_TOK_BREAK) return 1;
    if (t->tok[i].kind != WC_TOK_PUNCT) return 0;
    for (uint32_t b = t->tok[i].start; b < t->tok[i].end; b++) {
        char c = t->src[b];
        if (c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':' || c == '(' || c == ')' ||
            c == '"' || (unsigned char)c == 0xE2)
            return 1;
    }
    return 0;
}
static int is_sentence_end_raw(const wc_text *t, size_t i)
{
    if (i >= t->n) return 1;
    if (t->tok[i].kind == WC_TOK_BREAK) return 1;
    if (t->tok[i].kind != WC_TOK_PUNCT) return 0;
    for (uint32_t b = t->tok[i].start; b < t->tok[i].end; b++) {
        char c = t->src[b];
        if (c == '.' || c == '!' || c == '?') return 1;
    }
    return 0;
}
static int is_boundary(const wc_text *t, size_t i) { return i >= t->n || (VIEW(t)->tf[i] & TF_BOUNDARY); }
static int is_sentence_end(const wc_text *t, size_t i) { return i >= t->n || (VIEW(t)->tf[i] & TF_SENTENCE_END); }
/* Token i starts a clause: text start, after boundary punctuation, or after a
 * conjunction / subordinator. */
static int clause_start(const wc_text *t, size_t i)
{
    if (i == 0) return 1;
    if (is_boundary(t, i - 1)) return 1;
    return kin(t, i - 1, COORD) || kin(t, i - 1, SUBORD);
}
static int sentence_start(const wc_text *t, size_t i) { return i == 0 || is_sentence_end(t, i - 1); }
static int upper_count(const wc_text *t, size_t i)
{
    int n = 0;
    for (uint32_t b = t->tok[i].start; b < t->tok[i].end; b++)
        if (t->src[b] >= 'A' && t->src[b] <= 'Z') n++;
    return n;
}

static void add(ctx *c, size_t i, int rule, int sev, const char *msg, const char *fix, size_t fixlen,
                unsigned char *taken)
{
    const wc_token *tk = &c->t->tok[i];
    if (taken[i]) return;
    taken[i] = 1;
    if (!(c->report & (1u << rule))) return;
    if (c->n < c->cap) {
        wc_dutch_finding *f = &c->out[c->n];
        f->rule = (uint8_t)rule;
        f->severity = (uint8_t)sev;
        f->start = tk->start;
        f->end = tk->end;
        f->start16 = tk->u16_start;
        f->end16 = tk->u16_end;
        f->message = msg;
        f->suggestion[0] = 0;
        if (fix) {
            /* Edit the original spelling at its end, so accents and capitals stay:
             * key "geinformeert" -> "geinformeerd" turns "geïnformeert" into "geïnformeerd". */
            const char *k = wc_key(c->t, i);
            size_t kl = tk->key_len, cp = 0, ol = tk->end - tk->start, keep;
            int ascii_tail = 1;
            while (cp < kl && cp < fixlen && k[cp] == fix[cp]) cp++;
            keep = ol >= kl - cp ? ol - (kl - cp) : 0;
            for (size_t b = keep; b < ol; b++)
                if ((unsigned char)c->t->src[tk->start + b] >= 0x80) ascii_tail = 0;
            if (cp == 0 || !ascii_tail) keep = 0, cp = 0;
            if (keep + (fixlen - cp) + 1 <= WC_NL_SUGG_MAX) {
                memcpy(f->suggestion, c->t->src + tk->start, keep);
                memcpy(f->suggestion + keep, fix + cp, fixlen - cp);
                f->suggestion[keep + fixlen - cp] = 0;
                /* a whole-word replacement keeps the original's capital */
                if (cp == 0 && c->t->src[tk->start] >= 'A' && c->t->src[tk->start] <= 'Z' &&
                    f->suggestion[0] >= 'a' && f->suggestion[0] <= 'z')
                    f->suggestion[0] = (char)(f->suggestion[0] - 'a' + 'A');
            }
        }
    }
    c->n++;
}

/* Closed-class and irregular words are never analysed as regular verb forms
 * ("in", "naar", "weer", "was", "ben", "ken"). */
static int dt_skip(const wc_text *t, size_t i)
{
    return kin(t, i, CLOSED | FINITE_IRR | PLURAL_IRR | DT_SKIP | SUBORD | COORD | DET);
}

/* A word that is (only) a verb stem form without -t: "word", "vind", "bezorg".
 * 0: no; 1: yes; 2: yes, but the stem is also a noun. */
static int stem_no_t_raw(const wc_text *t, size_t i)
{
    int f;
    if (!is_word(t, i) || !ascii_key(t, i) || dt_skip(t, i)) return 0;
    if (ends_dt(key(t, i), klen(t, i)) && key(t, i)[klen(t, i) - 1] == 't') return 0;
    f = tstem(t, i);
    if (!f || tadj(t, i)) return 0; /* "als je ziek wordt" */
    return (f & WC_NL_NOUN) ? 2 : 1;
}
/* word = stem + t, the stem not ending in t: "wordt", "vindt", "krijgt". */
static int stem_plus_t_raw(const wc_text *t, size_t i)
{
    size_t l = klen(t, i);
    const char *k = key(t, i);
    if (!is_word(t, i) || !ascii_key(t, i) || dt_skip(t, i) || l < 3 || k[l - 1] != 't' || k[l - 2] == 't') return 0;
    return is_stem(k, l - 1);
}
/* word = stem + d where stem + t is the 3rd person: "bezorgd", "verhuisd", "beloofd". */
static int stem_plus_d_raw(const wc_text *t, size_t i)
{
    size_t l = klen(t, i);
    const char *k = key(t, i);
    if (!is_word(t, i) || !ascii_key(t, i) || dt_skip(t, i) || l < 4 || k[l - 1] != 'd' || ends_dt(k, l - 1)) return 0;
    if (wc_nl_find(&wc_nl_exc, k, l) >= 0) return 2; /* also a real word of its own: "maand", "band" */
    return is_stem(k, l - 1);
}

static int stem_no_t(const wc_text *t, size_t i, int allow_noun)
{
    int8_t *m = VIEW(t)->memo[M_SNT];
    if (i >= t->n) return 0;
    if (m[i] == -128) m[i] = (int8_t)stem_no_t_raw(t, i);
    return m[i] == 1 || (allow_noun && m[i] == 2);
}
static int stem_plus_t(const wc_text *t, size_t i)
{
    if (i >= t->n) return 0;
    MEMO(t, M_SPT, i, stem_plus_t_raw(t, i));
}
/* 1: stem + d ("bezorgd"); 0 also for real words of their own ("maand"),
 * see stem_plus_d_any. */
static int stem_plus_d_any(const wc_text *t, size_t i)
{
    if (i >= t->n) return 0;
    MEMO(t, M_SPD, i, stem_plus_d_raw(t, i));
}
static int stem_plus_d(const wc_text *t, size_t i) { return stem_plus_d_any(t, i) == 1; }

static const char MSG_3SG[] = "Persoonsvorm bij hij/zij/het/u (of jij vóór het werkwoord): stam + t.";
static const char MSG_IK[] = "Bij 'ik' is de persoonsvorm de stam, zonder t.";
static const char MSG_INV[] = "Staat 'je' of 'jij' achter het werkwoord, dan valt de t weg.";
static const char MSG_U_INV[] = "Bij 'u' blijft de t, ook als 'u' achter het werkwoord staat.";
static const char MSG_PP[] = "Voltooid deelwoord: 't kofschip of stam op d bepaalt de laatste letter (-d of -t).";
static const char MSG_NONWORD[] = "Deze werkwoordsvorm bestaat niet: let op de d/t-uitgang.";
static const char MSG_PAST[] = "Verleden tijd: 't kofschip (-te) of anders -de; stam op d/t: dubbele letter.";
static const char MSG_JOU[] = "Bezittelijk voornaamwoord vóór een zelfstandig naamwoord: 'jouw' (van jou).";
static const char MSG_JOUW[] = "Als lijdend of meewerkend voorwerp is het 'jou', niet 'jouw'.";
static const char MSG_U[] = "Bezittelijk voornaamwoord vóór een zelfstandig naamwoord: 'uw'.";
static const char MSG_UW[] = "Als voorwerp is het 'u'; 'uw' staat alleen vóór een zelfstandig naamwoord.";
static const char MSG_HUN[] = "'Hun' is geen onderwerp: gebruik 'zij' of 'ze'.";
static const char MSG_ALS[] = "Na een vergrotende trap (groter, meer, sneller) gebruik je 'dan', niet 'als'.";
static const char MSG_ME[] = "'Me' is geen bezittelijk voornaamwoord: schrijf 'mijn'.";
static const char MSG_KEN[] = "'Kennen' is weten/kennen; voor mogelijkheid is het 'kan' (of 'kunt').";
static const char MSG_BEN[] = "Bij 'je/jij' vóór het werkwoord is het 'bent'.";
static const char MSG_LONGSENT[] = "Lange zin: splits hem in twee of drie korte zinnen; dat leest sneller en duidelijker.";
static const char MSG_LONGWORD[] = "Heel lang woord: schrijf het korter of omschrijf het in gewone woorden.";
static const char MSG_PASSIVE[] = "Gestapelde lijdende vorm ('er wordt ... door ... '): schrijf actief, met 'wij' of 'ik'.";

/* First token index of the clause containing i (after a boundary/conjunction). */
static size_t clause_begin(const wc_text *t, size_t i)
{
    while (i > 0 && !is_boundary(t, i - 1) && !kin(t, i - 1, SUBORD) && !kin(t, i - 1, COORD) &&
           !kin(t, i - 1, WH) && !kis(t, i - 1, WC_NL_ID_die) &&
           !(is_word(t, i - 1) && starts(key(t, i - 1), klen(t, i - 1), "waar")))
        i--;
    return i;
}

/* An auxiliary (is/wordt/heeft...) earlier in i's clause. */
static int aux_before(const wc_text *t, size_t i)
{
    size_t b = clause_begin(t, i);
    for (size_t j = b; j < i; j++)
        if (kin(t, j, AUX)) {
            /* "de taal waarin de tekst gerenderd wordt beïnvloedt": that
             * auxiliary already has its participle */
            if (j > b && is_word(t, j - 1) && tppl(t, j - 1)) continue;
            return 1;
        }
    return 0;
}

static int is_subj_pron(const wc_text *t, size_t i) { return kin(t, i, SUBJ) && !kis(t, i, WC_NL_ID_er); }

/* Token after i is the end of a clause or a closed word (not a noun start). */
static int next_not_noun(const wc_text *t, size_t i)
{
    size_t j = i + 1;
    if (j >= t->n || is_boundary(t, j)) return 1;
    if (!is_word(t, j)) return t->tok[j].kind != WC_TOK_PUNCT;
    if (kin(t, j, CLOSED) || adverb_shape(key(t, j), klen(t, j))) return 1;
    return tpp(t, j) || tinf(t, j, 0);
}

/* A word that starts a noun phrase after a possessive: not closed, not a verb form. */
static int nounish(const wc_text *t, size_t j)
{
    const char *k;
    size_t l;
    if (!is_word(t, j) || !ascii_key(t, j)) return 0;
    if ((t->tok[j].flags & WC_TF_TITLE) || (t->tok[j].flags & WC_TF_UPPER)) return 0;
    k = key(t, j);
    l = klen(t, j);
    if (l < 3 || kin(t, j, CLOSED) || adverb_shape(k, l) || in_list(k, l, MASS_OBJ)) return 0;
    if (is_adj(k, l)) return 0; /* "u tevreden" */
    if (wc_nl_is_verb_form(k, l)) {
        /* "antwoord", "gebruik": a noun too, unless the word after it is closed */
        int f = tstem(t, j);
        if (!(f & WC_NL_NOUN)) return 0;
        if (next_not_noun(t, j)) return 0;
    }
    return 1;
}

/* Finite verb form (for the clause checks). */
static int finite_form_raw(const wc_text *t, size_t i)
{
    const char *k = key(t, i);
    size_t l = klen(t, i);
    if (!is_word(t, i)) return 0;
    if (in_list(k, l, FINITE_IRR) || in_list(k, l, AUX)) return 1;
    return stem_plus_t(t, i) || is_weak_past(k, l);
}

static int finite_form(const wc_text *t, size_t i)
{
    if (!is_word(t, i)) return 0;
    MEMO(t, M_FIN, i, finite_form_raw(t, i));
}

/* A comparative: "sneller", "groter", "duurder", "meer". */
static int comparative(const wc_text *t, size_t i)
{
    static const char *const IRR[] = {"meer", "minder", "beter", "liever", "eerder", "erger", NULL};
    const char *k = key(t, i);
    size_t l = klen(t, i);
    char b[40];
    size_t bl;
    if (!is_word(t, i) || !ascii_key(t, i)) return 0;
    if (in_strs(k, l, IRR)) return 1;
    if (l < 5 || l > 30 || !ends(k, l, "er")) return 0;
    bl = l - 2;
    memcpy(b, k, bl);
    if (is_adj(b, bl)) return 1;
    if (bl >= 2 && b[bl - 1] == b[bl - 2] && is_adj(b, bl - 1)) return 1; /* sneller */
    if (b[bl - 1] == 'd' && is_adj(b, bl - 1)) return 1;                  /* duurder */
    if (bl >= 3 && strchr("aeou", b[bl - 2]) && !strchr("aeiou", b[bl - 3])) {                    /* groter */
        char c[40];
        memcpy(c, b, bl - 1);
        c[bl - 1] = b[bl - 2];
        c[bl] = b[bl - 1];
        if (is_adj(c, bl + 1)) return 1;
    }
    if (b[bl - 1] == 'z' || b[bl - 1] == 'v') { /* lozer? -> loos; braver -> braaf */
        b[bl - 1] = b[bl - 1] == 'z' ? 's' : 'f';
        if (is_adj(b, bl)) return 1;
    }
    return 0;
}

static void fix_t(ctx *c, size_t i, const char *msg, unsigned char *taken) /* stem(d) -> stem+t */
{
    char f[WC_NL_SUGG_MAX];
    size_t l = klen(c->t, i);
    const char *k = key(c->t, i);
    if (l + 2 > sizeof f) return;
    if (k[l - 1] == 'd' && stem_plus_d_any(c->t, i) && !is_stem(k, l)) l--; /* bezorgd -> bezorg */
    if (l >= 1 && (k[l - 1] == 'a' || k[l - 1] == 'o') && l >= 2 && k[l - 2] != k[l - 1]) {
        memcpy(f, k, l);
        f[l] = k[l - 1];
        f[l + 1] = 't';
        add(c, i, WC_NL_DT, 0, msg, f, l + 2, taken);
        return;
    }
    memcpy(f, k, l);
    f[l] = 't';
    add(c, i, WC_NL_DT, 0, msg, f, l + 1, taken);
}
static void fix_drop_t(ctx *c, size_t i, const char *msg, unsigned char *taken)
{
    add(c, i, WC_NL_DT, 0, msg, key(c->t, i), klen(c->t, i) - 1, taken);
}

/* A form with the wrong ending for a 3rd-person subject: bare stem, or stem+d. */
static int wrong_3sg(const wc_text *t, size_t i, int allow_noun)
{
    return stem_no_t(t, i, allow_noun) || stem_plus_d(t, i);
}

/* ---- subjects and participles further from their verb (issue 11, wording of others) */

static int plural_shape(const char *k, size_t l);

/* Word token i is exactly s (for words without a generated id). */
static int kstr(const wc_text *t, size_t i, const char *s)
{
    size_t sl;
    if (!is_word(t, i) || klen(t, i) == 0 || key(t, i)[0] != s[0]) return 0;
    sl = strlen(s);
    return klen(t, i) == sl && memcmp(key(t, i), s, sl) == 0;
}
static int kstrs(const wc_text *t, size_t i, const char *const *list)
{
    return is_word(t, i) && in_strs(key(t, i), klen(t, i), list);
}
/* Common adverbs that follow a finite verb ("antwoordt doorgaans", "geldt alleen"). */
static int verb_adverb(const wc_text *t, size_t i)
{
    static const char *const ADV[] = {"doorgaans", "meestal", "normaal", "gewoonlijk", "zelden", "alleen",
                                      "automatisch", "nauwelijks", "dagelijks", "momenteel", "regelmatig", NULL};
    return kstrs(t, i, ADV);
}
/* "je" at i is the subject: not "je" + noun (possessive). */
static int je_subject(const wc_text *t, size_t i)
{
    return kis(t, i, WC_NL_ID_jij) || (kis(t, i, WC_NL_ID_je) && next_not_noun(t, i));
}
/* Sentence of token i ends in a question mark. */
static int in_question(const wc_text *t, size_t i)
{
    size_t e = i;
    while (e < t->n && !is_sentence_end(t, e)) e++;
    if (e >= t->n || t->tok[e].kind != WC_TOK_PUNCT) return 0;
    for (uint32_t b = t->tok[e].start; b < t->tok[e].end; b++)
        if (t->src[b] == '?') return 1;
    return 0;
}
/* An auxiliary anywhere in i's sentence. */
static int aux_in_sentence(const wc_text *t, size_t i)
{
    size_t s = i;
    while (s > 0 && !is_sentence_end(t, s - 1)) s--;
    for (; s < t->n && !is_sentence_end(t, s); s++)
        if (kin(t, s, AUX)) return 1;
    return 0;
}
/* Scanning back from the verb at i over its clause (no finite verb, no
 * boundary, at most 10 words): the subordinator that opens it, or -1. */
static size_t subord_opening(const wc_text *t, size_t i)
{
    for (size_t j = i; j > 0 && i - j < 10;) {
        j--;
        if (is_boundary(t, j) || kin(t, j, COORD) || kin(t, j, WH) || kis(t, j, WC_NL_ID_die) ||
            (is_word(t, j) && starts(key(t, j), klen(t, j), "waar")))
            return (size_t)-1;
        if (kin(t, j, SUBORD)) return j;
        if (finite_form(t, j) || kin(t, j, AUX) || tinf(t, j, 0)) return (size_t)-1;
    }
    return (size_t)-1;
}
/* The participle rule 7 would suggest for k (bl = k without its t) has a
 * real prefix + stem: "verhuisd", "gebeurd" (not "beurd" from "beurt"). */
static int pp_fix_ok(const char *k, size_t bl, int pp_d)
{
    (void)pp_d;
    /* [separable prefix] + be/ge/ver/... + a stem of its own ("be"+"ur" is none) */
    for (int s = -1; s < 0 || SEP[s]; s++) {
        size_t o = s < 0 ? 0 : SEP_LEN[s];
        if (s >= 0 && !(bl > o + 2 && starts(k, bl, SEP[s]))) continue;
        for (int p = 0; INSEP[p]; p++) {
            size_t pl = strlen(INSEP[p]);
            if (bl > o + pl + 1 && starts(k + o, bl - o, INSEP[p]) && lookup(k + o + pl, bl - o - pl) >= 0) return 1;
        }
    }
    return 0;
}
/* Verb i ends its clause. */
static int clause_final(const wc_text *t, size_t i)
{
    return is_boundary(t, i + 1) || kin(t, i + 1, COORD) || kin(t, i + 1, SUBORD);
}
/* An inflected adjective: "kleine", "nieuwe", "grote", "dikke". */
static int infl_adj(const wc_text *t, size_t j)
{
    const char *k = key(t, j);
    size_t l = klen(t, j);
    char b[40];
    if (!is_word(t, j) || l < 3 || l > 30 || k[l - 1] != 'e') return 0;
    if (is_adj(k, l - 1)) return 1;
    if (l >= 4 && k[l - 2] == k[l - 3] && is_adj(k, l - 2)) return 1;
    if (l >= 4 && strchr("aeou", k[l - 3]) && !strchr("aeiou", k[l - 4])) {
        memcpy(b, k, l - 2);
        b[l - 2] = k[l - 3];
        b[l - 1] = k[l - 2];
        if (is_adj(b, l)) return 1;
    }
    return 0;
}

/* "De medewerker die je sprak, belt je terug": the comma before i closes a
 * relative clause of the sentence's subject, so i is no inverted verb. */
static int relative_subject_before(const wc_text *t, size_t i)
{
    size_t s = i - 1;
    if (i < 4 || !is_boundary(t, i - 1) || is_sentence_end(t, i - 1)) return 0;
    while (s > 0 && !is_sentence_end(t, s - 1)) s--;
    if (!kin(t, s, DET) || kin(t, s, SUBORD)) return 0;
    for (size_t j = s + 1; j < i - 1 && j <= s + 4; j++) {
        if (kis(t, j, WC_NL_ID_die) || kis(t, j, WC_NL_ID_dat)) return j > s + 1 && !kin(t, j - 1, CLOSED);
        if (!is_word(t, j)) return 0;
    }
    return 0;
}
/* "De monteur die morgen kom," -> komt: the verb at the end of a relative
 * clause with a singular noun before "die" and no other subject. */
static int dt_relative_final(ctx *c, size_t i, unsigned char *taken)
{
    const wc_text *t = c->t;
    size_t j;
    if (!clause_final(t, i) || !stem_no_t(t, i, 1)) return 0;
    /* a stem that is also a noun only after an adverb: "die morgen kom" (not "die de kom") */
    if (!stem_no_t(t, i, 0) && !(kin(t, i - 1, CLOSED) && !kin(t, i - 1, DET | SUBJ))) return 0;
    for (j = i; j > 0 && i - j < 8;) {
        j--;
        if (kis(t, j, WC_NL_ID_die)) break;
        if (is_boundary(t, j) || kin(t, j, SUBORD | COORD | WH | AUX) || finite_form(t, j) || tinf(t, j, 1) ||
            (kin(t, j, SUBJ) && !kis(t, j, WC_NL_ID_hij) && !(kis(t, j, WC_NL_ID_je) && !next_not_noun(t, j))))
            return 0;
    }
    if (!kis(t, j, WC_NL_ID_die) || j + 1 >= i || j == 0) return 0;
    /* the noun before die: singular, not a verb, not a closed word */
    if (!is_word(t, j - 1) || kin(t, j - 1, CLOSED) || (t->tok[j - 1].flags & WC_TF_TITLE) ||
        plural_shape(key(t, j - 1), klen(t, j - 1)) || ends(key(t, j - 1), klen(t, j - 1), "ers") ||
        (tvform(t, j - 1) && !(tstem(t, j - 1) & WC_NL_NOUN)) || tadj(t, j - 1))
        return 0;
    if (j < 2 || !kin(t, j - 2, DET)) return 0; /* "de monteur die" */
    fix_t(c, i, MSG_3SG, taken);
    return 1;
}

/* "Als ik het goed begrijpt," -> begrijp: ik opens the subordinate clause. */
static int dt_sub_ik(ctx *c, size_t i, unsigned char *taken)
{
    const wc_text *t = c->t;
    size_t s;
    if (!clause_final(t, i) || !stem_plus_t(t, i) || lookup(key(t, i), klen(t, i)) >= 0) return 0;
    s = subord_opening(t, i);
    if (s == (size_t)-1 || s + 2 > i || !kis(t, s + 1, WC_NL_ID_ik)) return 0;
    fix_drop_t(c, i, MSG_IK, taken);
    return 1;
}
/* "dat u er begrip voor heb" -> hebt; "omdat hij er geen zin in heb" -> heeft. */
static int dt_sub_heb(ctx *c, size_t i, unsigned char *taken)
{
    const wc_text *t = c->t;
    size_t s;
    if (klen(t, i) != 3 || !kstr(t, i, "heb") || !clause_final(t, i)) return 0;
    s = subord_opening(t, i);
    if (s == (size_t)-1 || s + 2 > i) return 0;
    if (kis(t, s + 1, WC_NL_ID_u) || kis(t, s + 1, WC_NL_ID_jij) || (kis(t, s + 1, WC_NL_ID_je) && je_subject(t, s + 1)))
        add(c, i, WC_NL_DT, 0, MSG_3SG, "hebt", 4, taken);
    else if (kis(t, s + 1, WC_NL_ID_hij) || kis(t, s + 1, WC_NL_ID_men))
        add(c, i, WC_NL_DT, 0, MSG_3SG, "heeft", 5, taken);
    else
        return 0;
    return 1;
}
/* "Wilt je", "Kunt je", "Hebt je": the t goes when je/jij follows. */
static int dt_modal_inv(ctx *c, size_t i, unsigned char *taken)
{
    static const char *const T_FORMS[] = {"wilt", "kunt", "hebt", "zult", NULL};
    const wc_text *t = c->t;
    if (!(kis(t, i + 1, WC_NL_ID_je) || kis(t, i + 1, WC_NL_ID_jij)) || klen(t, i) != 4 || !kstrs(t, i, T_FORMS) ||
        !je_subject(t, i + 1))
        return 0;
    if (!(clause_start(t, i) || (i > 0 && kin(t, i - 1, WH)))) return 0;
    fix_drop_t(c, i, MSG_INV, taken);
    return 1;
}
/* "Gebeurd dit vaker?": a question that starts with the participle spelling
 * and a subject after it, without any auxiliary -> the finite form. */
static int dt_pp_question(ctx *c, size_t i, unsigned char *taken)
{
    static const char *const NEXT[] = {"het", "dit", "dat", "er", "de", "deze", "die", "uw", "jouw", "mijn", "onze",
                                       "ons", "zijn", "haar", "hij", "zij", "iets", "alles", NULL};
    const wc_text *t = c->t;
    if (!sentence_start(t, i) || !stem_plus_d(t, i)) return 0;
    if (!kstrs(t, i + 1, NEXT) && !(kis(t, i + 1, WC_NL_ID_je) && !next_not_noun(t, i + 1))) return 0;
    if (!in_question(t, i) || aux_in_sentence(t, i)) return 0;
    fix_t(c, i, MSG_3SG, taken);
    return 1;
}
/* "Je krijg een bevestiging": je + a stem that is also a noun, then an article. */
static int dt_je_noun_stem(ctx *c, size_t i, unsigned char *taken)
{
    const wc_text *t = c->t;
    if (i == 0 || !kis(t, i - 1, WC_NL_ID_je) || !clause_start(t, i - 1) || !stem_no_t(t, i, 1)) return 0;
    if (!(tstem(t, i) & WC_NL_NOUN) || in_list(key(t, i), klen(t, i), LIGHT_NOUN)) return 0;
    if (!(kis(t, i + 1, WC_NL_ID_een) || kis(t, i + 1, WC_NL_ID_de) || kis(t, i + 1, WC_NL_ID_het))) {
        /* "Je krijg binnen een uur ...": a time adverb, and no verb of its own
         * after it ("Je werk vandaag is klaar") */
        static const char *const WHEN[] = {"binnen", "morgen", "vandaag", "straks", "direct", "meteen", "altijd",
                                           "nooit", "vaak", "automatisch", "binnenkort", "vanavond", NULL};
        size_t m;
        if (!kstrs(t, i + 1, WHEN)) return 0;
        for (m = i + 2; m < t->n && !is_boundary(t, m) && m < i + 8; m++)
            if (kin(t, m, AUX | FINITE_IRR) || finite_form(t, m) || tpp(t, m)) return 0;
    }
    fix_t(c, i, MSG_3SG, taken);
    return 1;
}
/* Plain noun word inside a subject noun phrase. */
static int np_word(const wc_text *t, size_t j)
{
    if (!is_word(t, j) || kin(t, j, CLOSED | SUBJ | AUX | FINITE_IRR | PLURAL_IRR)) return 0;
    if (t->tok[j].flags & WC_TF_TITLE) return 1; /* "in Breda" */
    return (tstem(t, j) & WC_NL_NOUN) || !tvform(t, j);
}
/* A preposition inside a noun phrase: "de app op je telefoon", "de kast naast de deur". */
static int np_prep(const wc_text *t, size_t j)
{
    static const char *const MORE[] = {"achter", "naast", "tussen", "onder", "boven", "zonder", "tegen", "via", "per",
                                       "rond", "binnen", "buiten", "tijdens", "vanaf", "uit", NULL};
    return kin(t, j, PREP) || kstrs(t, j, MORE);
}
/* A noun ending in -tie/-sie/-gie ("actie", "versie"), not an inflected adjective. */
static int ie_noun(const wc_text *t, size_t j)
{
    const char *k = key(t, j);
    size_t l = klen(t, j);
    return ends(k, l, "tie") || ends(k, l, "sie") || ends(k, l, "gie");
}
/* Subject noun phrase at the sentence start, also with a prepositional part:
 * "De app op je telefoon geef ...", "Onze helpdesk antwoord doorgaans ...",
 * "Die actie loop nog ...". The verb is a bare stem or stem + d. */
static int dt_np_subject(ctx *c, size_t i, unsigned char *taken)
{
    const wc_text *t = c->t;
    size_t d, j, head;
    int noun_k, pp = 0;
    int spd;
    if (i < 2 || i + 1 >= t->n || is_boundary(t, i + 1)) return 0;
    spd = stem_plus_d_any(t, i);
    if (!(spd || stem_no_t(t, i, 1))) return 0;
    if (is_word(t, i + 1) && (finite_form(t, i + 1) || tinf(t, i + 1, 0) || kin(t, i + 1, COORD))) return 0;
    /* a subject after the verb: a fronted object ("De rest van het bedrag betaal je") */
    if (kin(t, i + 1, SUBJ) &&
        !((kis(t, i + 1, WC_NL_ID_het) && !next_not_noun(t, i + 1)) || (kis(t, i + 1, WC_NL_ID_je) && nounish(t, i + 2))))
        return 0;
    noun_k = (tstem(t, i) & WC_NL_NOUN) != 0;
    /* the sentence-start determiner */
    for (d = i; d > 0 && i - d < 8;) {
        d--;
        if (!is_word(t, d)) return 0;
        if (sentence_start(t, d)) break;
    }
    if (!sentence_start(t, d) || !kin(t, d, DET) || kis(t, d, WC_NL_ID_je)) return 0;
    /* W{1,2} (PREP DET? W{1,2})? */
    j = d + 1;
    head = j;
    {
        size_t w = 0;
        while (j < i && !np_prep(t, j) && np_word(t, j) && w < 2) j++, w++;
        if (w == 0) return 0;
        head = j - 1;
        if (w == 2 && !tadj(t, d + 1) && !(ends(key(t, d + 1), klen(t, d + 1), "e") && !ends(key(t, d + 1), klen(t, d + 1), "je")))
            return 0;
    }
    if (j < i) {
        size_t w = 0;
        if (!np_prep(t, j)) return 0;
        j++;
        if (j < i && kin(t, j, DET)) j++;
        while (j < i && !np_prep(t, j) && np_word(t, j) && w < 2) j++, w++;
        if (w == 0 || j != i) return 0;
        pp = 1;
    }
    if (plural_shape(key(t, head), klen(t, head)) || ends(key(t, head), klen(t, head), "ers")) return 0;
    /* a noun-verb after an adjective or an -e word is the noun ("een kleine groep") */
    if (noun_k || spd == 2) {
        /* "Het lampje op de router brand rood.": an adjective that ends the clause */
        if (!(kin(t, i + 1, CLOSED) || verb_adverb(t, i + 1) || (pp && tadj(t, i + 1) && is_boundary(t, i + 2))))
            return 0;
        if (kis(t, i + 1, WC_NL_ID_en) || kis(t, i + 1, WC_NL_ID_of) || kis(t, i + 1, WC_NL_ID_door)) return 0;
        /* "betaald het verschil": an article after stem + d only behind a
         * prepositional part; never after a noun-verb ("de klant antwoord de") */
        if (kin(t, i + 1, DET) && (noun_k || !pp)) return 0;
        if (ends(key(t, i - 1), klen(t, i - 1), "e") && !ie_noun(t, i - 1) && (!pp || infl_adj(t, i - 1))) return 0;
        if (tadj(t, i - 1)) return 0;
        if (spd == 2 && !pp) return 0;
    }
    if (spd && (in_question(t, i) || (is_word(t, i + 1) && !kin(t, i + 1, CLOSED) &&
                                                    (tppl(t, i + 1) || tvform(t, i + 1)))))
        return 0;
    /* without a prepositional part rule 5 decides, except after an -ie noun
     * ("Die actie loop nog") or before a listed adverb ("antwoord doorgaans") */
    if (!pp && !ie_noun(t, i - 1) && !verb_adverb(t, i + 1)) return 0;
    fix_t(c, i, MSG_3SG, taken);
    return 1;
}
/* "belande" -> belandde, "verwachte" -> verwachtte: a be-/ver-/ont- stem on d/t
 * + e reads as the inflected participle only before a noun. */
static int dt_past_dd(ctx *c, size_t i, unsigned char *taken)
{
    const wc_text *t = c->t;
    const char *k = key(t, i);
    size_t l = klen(t, i);
    char f[WC_NL_SUGG_MAX];
    int fl;
    if (l < 6 || l + 2 > sizeof f || k[l - 1] != 'e' || !ends_dt(k, l - 1) || !starts_insep(k, l - 1) ||
        starts(k, l, "ge"))
        return 0;
    fl = lookup(k, l - 1);
    if (fl < 0 || !is_weak(fl)) return 0;
    if (!is_word(t, i - 1) || kin(t, i - 1, DET | CLOSED) || tadj(t, i - 1)) {
        /* a personal subject pronoun: "ik/hij verwachte" (not het/je: articles too) */
        if (!(kis(t, i - 1, WC_NL_ID_ik) || kis(t, i - 1, WC_NL_ID_jij) || kis(t, i - 1, WC_NL_ID_hij) ||
              kis(t, i - 1, WC_NL_ID_zij) || kis(t, i - 1, WC_NL_ID_wij) || kis(t, i - 1, WC_NL_ID_we) ||
              kis(t, i - 1, WC_NL_ID_men)))
            return 0;
    }
    if (!(is_boundary(t, i + 1) || kin(t, i + 1, CLOSED) || verb_adverb(t, i + 1))) return 0;
    memcpy(f, k, l - 1);
    f[l - 1] = (fl & WC_NL_PAST_D) ? 'd' : 't';
    f[l] = 'e';
    add(c, i, WC_NL_DT, 0, MSG_PAST, f, l + 1, taken);
    return 1;
}
/* "goedgekeurt": a participle after goed-/vrij-/klaar-... (not separable
 * prefixes of the lexicon) -> check the ge- part. */
static int dt_prefixed_pp(ctx *c, size_t i, unsigned char *taken)
{
    static const char *const PFX[] = {"goed", "vrij", "klaar", "bekend", "schoon", "stil", "kapot", "open", "vol",
                                      "leeg", "mis", "gelijk", NULL};
    const wc_text *t = c->t;
    const char *k = key(t, i);
    size_t l = klen(t, i);
    char f[WC_NL_SUGG_MAX];
    if (l < 9 || !ends_dt(k, l)) return 0;
    for (int p = 0; PFX[p]; p++) {
        size_t pl;
        if (PFX[p][0] != k[0]) continue;
        pl = strlen(PFX[p]);
        if (l < pl + 6 || k[pl] != 'g' || k[pl + 1] != 'e' || !starts(k, l, PFX[p])) continue;
        if (wc_nl_nonword(k + pl, l - pl, f, sizeof f) != 1) return 0;
        if (pl + strlen(f) + 1 > sizeof f) return 0;
        memmove(f + pl, f, strlen(f) + 1);
        memcpy(f, k, pl);
        add(c, i, WC_NL_DT, 0, MSG_NONWORD, f, strlen(f), taken);
        return 1;
    }
    return 0;
}

static void check_dt(ctx *c, unsigned char *taken, const unsigned char *quoted)
{
    const wc_text *t = c->t;
    char fix[WC_NL_SUGG_MAX];
    for (size_t i = 0; i < t->n; i++) {
        if (!is_word(t, i) || quoted[i] || !ascii_key(t, i) || (t->tok[i].flags & WC_TF_UPPER)) continue;
        const char *k = key(t, i);
        size_t l = klen(t, i);
        int title_mid = (t->tok[i].flags & WC_TF_TITLE) && !sentence_start(t, i) &&
                        !(i > 0 && t->tok[i - 1].kind == WC_TOK_PUNCT);
        if (title_mid) continue; /* names: Arend, Brandt, 'Wordt Vervolgd' */
        /* glued to a symbol: "--build", "ge¯nstalleerd" (broken encoding), file names */
        if (i > 0 && !(t->tok[i].flags & WC_TF_SPACE_BEFORE) && t->tok[i - 1].kind == WC_TOK_PUNCT &&
            !is_boundary(t, i - 1) && t->src[t->tok[i - 1].start] != '\'')
            continue;

        /* the two analyses every rule below asks for (memoised anyway; this saves the calls) */
        int spt = stem_plus_t(t, i), w3 = wrong_3sg(t, i, 1);
        /* 1. ik + stem+t, stem+t + ik */
        if (spt && ((i > 0 && kis(t, i - 1, WC_NL_ID_ik)) || kis(t, i + 1, WC_NL_ID_ik))) {
            fix_drop_t(c, i, MSG_IK, taken);
            continue;
        }
        /* 2. inversion: stem+t + jij / je (je as subject) */
        if (spt && (kis(t, i + 1, WC_NL_ID_jij) || (kis(t, i + 1, WC_NL_ID_je) && next_not_noun(t, i + 1))) &&
            (clause_start(t, i) || (i > 0 && kin(t, i - 1, WH))) && !relative_subject_before(t, i)) {
            fix_drop_t(c, i, MSG_INV, taken);
            continue;
        }
        if (dt_modal_inv(c, i, taken)) continue;
        /* 3. inversion with u keeps the t: "Vind u", "Wat bedoeld u" */
        if (kis(t, i + 1, WC_NL_ID_u) && w3 &&
            (sentence_start(t, i) || (i > 0 && kin(t, i - 1, WH) && sentence_start(t, i - 1)))) {
            fix_t(c, i, MSG_U_INV, taken);
            continue;
        }
        if (dt_pp_question(c, i, taken)) continue;
        /* 4. subject + verb: hij/zij/u/jij/je/men/wat/wie/er/dit/dat + stem */
        if (i > 0 && w3) {
            size_t s = i - 1;
            int ok = 0, noun = (tstem(t, i) & WC_NL_NOUN) != 0;
            if (kis(t, s, WC_NL_ID_hij) || kis(t, s, WC_NL_ID_zij) || kis(t, s, WC_NL_ID_jij) || kis(t, s, WC_NL_ID_men)) ok = 1;
            else if (noun) ok = 0;
            else if ((kis(t, s, WC_NL_ID_je) || kis(t, s, WC_NL_ID_u) || kis(t, s, WC_NL_ID_ze) || kis(t, s, WC_NL_ID_het)) &&
                     (s == 0 || is_boundary(t, s - 1) || kin(t, s - 1, COORD)))
                ok = 1;
            else if ((kis(t, s, WC_NL_ID_wat) || kis(t, s, WC_NL_ID_wie) || kis(t, s, WC_NL_ID_er) || kis(t, s, WC_NL_ID_dit) ||
                      kis(t, s, WC_NL_ID_dat) || kis(t, s, WC_NL_ID_alles) || kis(t, s, WC_NL_ID_iets) || kis(t, s, WC_NL_ID_niets) ||
                      kis(t, s, WC_NL_ID_iemand) || kis(t, s, WC_NL_ID_niemand) || kis(t, s, WC_NL_ID_die)) &&
                     sentence_start(t, s) && !is_subj_pron(t, i + 1))
                ok = 1;
            /* a participle after an auxiliary is fine: "Is hij verhuisd?" */
            if (ok && stem_plus_d(t, i) && aux_before(t, s)) ok = 0;
            if (ok && stem_plus_d(t, i) && is_subj_pron(t, i + 1)) ok = 0;
            if (ok) {
                fix_t(c, i, MSG_3SG, taken);
                continue;
            }
        }
        if (dt_je_noun_stem(c, i, taken)) continue;
        /* 5. noun phrase subject at the start of a sentence: "De lamp brand niet" */
        if (i >= 2 && (w3 || stem_plus_d_any(t, i) == 2) && !is_boundary(t, i + 1) && i + 1 < t->n &&
            !(is_word(t, i + 1) && (finite_form(t, i + 1) || tinf(t, i + 1, 0)))) {
            int hit = 0;
            int noun_k = (tstem(t, i) & WC_NL_NOUN) != 0;
            for (size_t m = 1; m <= 2 && m + 1 <= i && !hit; m++) {
                size_t d = i - m - 1;
                if (!kin(t, d, DET) || !(sentence_start(t, d) || is_boundary(t, d - 1))) continue;
                int np = 1;
                for (size_t j = d + 1; j < i; j++) {
                    if (!is_word(t, j) || kin(t, j, CLOSED) || (!(tstem(t, j) & WC_NL_NOUN) &&
                                                                 tvform(t, j)))
                        np = 0;
                }
                if (!np || ends(key(t, i - 1), klen(t, i - 1), "en") || ends(key(t, i - 1), klen(t, i - 1), "ers")) continue;
                /* two words: adjective + noun ("Mijn oude telefoon ...") */
                if (m == 2 && !((ends(key(t, d + 1), klen(t, d + 1), "e") && !ends(key(t, d + 1), klen(t, d + 1), "je")) ||
                                tadj(t, d + 1)))
                    continue;
                /* a real word like "beld": only as "De bezorger beld aan" (noun + word + particle) */
                if (stem_plus_d_any(t, i) == 2 &&
                    (m != 1 || tadj(t, d + 1) || ends(key(t, d + 1), klen(t, d + 1), "e") || !kin(t, i + 1, CLOSED)))
                    continue;
                /* a noun-verb after an adjective is the noun: "een los blok", "een korter label" */
                if (noun_k && (m != 1 || tadj(t, d + 1) || comparative(t, d + 1))) continue;
                /* inversion after a fronted object: "Een afspraak maak je via ..."
                 * (but "Mijn collega beantwoord je vraag": je + noun is possessive) */
                if (is_subj_pron(t, i + 1) && !(kis(t, i + 1, WC_NL_ID_je) && !next_not_noun(t, i + 1))) continue;
                /* "een kleine groep", "de eerste maand": k is the noun of the phrase */
                if (noun_k && (ends(key(t, i - 1), klen(t, i - 1), "e") || !kin(t, i + 1, CLOSED))) continue;
                if (stem_plus_d(t, i) && is_word(t, i + 1) && !kin(t, i + 1, CLOSED) &&
                    (tppl(t, i + 1) || tvform(t, i + 1)))
                    continue;
                hit = 1;
            }
            if (hit) {
                fix_t(c, i, MSG_3SG, taken);
                continue;
            }
        }
        if (dt_np_subject(c, i, taken)) continue;
        /* brand names: "PostNL bezorgd op zaterdag" */
        if (i >= 1 && wrong_3sg(t, i, 0) && is_word(t, i - 1) && upper_count(t, i - 1) >= 2 &&
            sentence_start(t, i - 1) && is_word(t, i + 1) && kin(t, i + 1, CLOSED)) {
            fix_t(c, i, MSG_3SG, taken);
            continue;
        }
        /* 6. subordinate clause, verb at the end: "Als je de app opnieuw download," */
        if (w3 && is_boundary(t, i + 1) && !(i > 0 && kin(t, i - 1, DET))) {
            size_t j = i;
            int found = 0, blocked = 0;
            while (j > 0 && i - j < 10) {
                j--;
                if (is_boundary(t, j)) break;
                if (finite_form(t, j) || kin(t, j, AUX)) blocked = 1;
                if ((kin(t, j, SUBORD) && !kis(t, j, WC_NL_ID_of)) && j + 1 < i &&
                    (kis(t, j + 1, WC_NL_ID_je) || kis(t, j + 1, WC_NL_ID_jij) || kis(t, j + 1, WC_NL_ID_u) || kis(t, j + 1, WC_NL_ID_hij) ||
                     kis(t, j + 1, WC_NL_ID_men))) {
                    found = 1;
                    break;
                }
                if (kis(t, j, WC_NL_ID_wie) && sentence_start(t, j)) {
                    found = 1;
                    break;
                }
            }
            if (found && !blocked) {
                fix_t(c, i, MSG_3SG, taken);
                continue;
            }
        }
        if (dt_sub_ik(c, i, taken) || dt_sub_heb(c, i, taken) || dt_relative_final(c, i, taken)) continue;
        /* 7. participle after an auxiliary: "is verstuurt", "is gebeurt", "al beantwoordt" */
        if (spt && l >= 5) {
            int f = wc_nl_stem_flags(k, l - 1);
            int pp_d = 0;
            size_t bl = l - 1;
            const char *body = k;
            size_t off = 0;
            /* strip a separable prefix: terugbetaalt */
            if (!starts_insep(body, bl)) {
                for (int s = 0; SEP[s]; s++) {
                    size_t pl = SEP_LEN[s];
                    if (bl > pl + 2 && starts(body, bl, SEP[s]) && starts_insep(body + pl, bl - pl)) off = pl;
                }
            }
            if (starts_insep(body + off, bl - off)) {
                if (ends_dt(k, bl) && is_weak(f)) pp_d = 2;                                   /* beantwoordt -> beantwoord */
                else if ((f & WC_NL_PAST_D) && !(f & WC_NL_PAST_T) && !ends_dt(k, bl)) pp_d = 1; /* verstuurt -> verstuurd */
            }
            if (pp_d) {
                int after_ok = 0, before_ok = 0;
                size_t nx = i + 1;
                if (nx >= t->n || is_boundary(t, nx) || kin(t, nx, COORD) || kin(t, nx, SUBORD) ||
                    kis(t, nx, WC_NL_ID_terwijl) ||
                    (kin(t, nx, CLOSED) && !kis(t, nx, WC_NL_ID_je) && !kis(t, nx, WC_NL_ID_u) && !kis(t, nx, WC_NL_ID_het) &&
                     !kis(t, nx, WC_NL_ID_de) && !kis(t, nx, WC_NL_ID_een) && !kis(t, nx, WC_NL_ID_ons) && !kis(t, nx, WC_NL_ID_hem) &&
                     !kis(t, nx, WC_NL_ID_zijn) && !kstr(t, nx, "haar")) ||
                    (is_word(t, nx) && tppl(t, nx)))
                    after_ok = 1;
                if (aux_before(t, i)) before_ok = 1;
                /* "had bezorgt moeten worden": modal infinitives after the participle */
                if (before_ok && !after_ok && pp_fix_ok(k, bl, pp_d) &&
                    (((kis(t, nx, WC_NL_ID_worden) || kis(t, nx, WC_NL_ID_zijn)) && clause_final(t, nx)) ||
                     ((kstr(t, nx, "moeten") || kstr(t, nx, "kunnen") || kstr(t, nx, "mogen")) &&
                      (clause_final(t, nx) || kis(t, nx + 1, WC_NL_ID_worden) || kis(t, nx + 1, WC_NL_ID_zijn) ||
                       kstr(t, nx + 1, "hebben")))))
                    after_ok = 1;
                /* "dat je verhuist bent": the auxiliary ends the subordinate clause */
                if (!before_ok && kin(t, nx, AUX) && clause_final(t, nx) && subord_opening(t, i) != (size_t)-1 &&
                    pp_fix_ok(k, bl, pp_d))
                    before_ok = after_ok = 1;
                if (i > 0 && kis(t, i - 1, WC_NL_ID_zoals)) before_ok = after_ok = 1;
                if (before_ok && after_ok) {
                    if (pp_d == 2) add(c, i, WC_NL_DT, 0, MSG_PP, k, bl, taken);
                    else {
                        memcpy(fix, k, bl);
                        fix[bl] = 'd';
                        add(c, i, WC_NL_DT, 0, MSG_PP, fix, l, taken);
                    }
                    continue;
                }
            }
        }
        /* 8. non-words: werkd, geregelt, gecheckd, fietsde, antwoorde */
        if (!dt_skip(t, i)) {
            int r = wc_nl_nonword(k, l, fix, sizeof fix);
            /* "is niet definieerd": after an auxiliary it is the participle, with ge- */
            if (r == 1 && l >= 5 && l + 3 < sizeof fix && k[l - 1] == 'd' && !starts_insep(k, l - 1) &&
                aux_before(t, i) && (i + 1 >= t->n || is_boundary(t, i + 1))) {
                int f = lookup(k, l - 1);
                int pe = f >= 0 ? pp_end(k, l - 1, f) : -1;
                if (pe > 0) {
                    memcpy(fix, "ge", 2);
                    memcpy(fix + 2, k, l - 1);
                    fix[l + 1] = (char)pe;
                    fix[l + 2] = 0;
                }
            }
            if (r == 1 || (r == 2 && i > 0 && !ends(k, l, "e") && !ends(k, l, "en") &&
                           (kis(t, i - 1, WC_NL_ID_ik) || kis(t, i - 1, WC_NL_ID_jij) || kis(t, i - 1, WC_NL_ID_hij) ||
                            kis(t, i - 1, WC_NL_ID_zij) || kis(t, i - 1, WC_NL_ID_wij)))) {
                const char *msg = ends(k, l, "e") || ends(k, l, "en") ? MSG_PAST : MSG_NONWORD;
                add(c, i, WC_NL_DT, 0, msg, fix, strlen(fix), taken);
                continue;
            }
            if (r == 2 && i >= 2 && kin(t, i - 2, DET) && sentence_start(t, i - 2) && !kin(t, i - 1, CLOSED) &&
                is_word(t, i - 1) && !ends(key(t, i - 1), klen(t, i - 1), "e") && kis(t, i + 1, WC_NL_ID_zich)) {
                add(c, i, WC_NL_DT, 0, MSG_PAST, fix, strlen(fix), taken);
                continue;
            }
            if (dt_past_dd(c, i, taken) || dt_prefixed_pp(c, i, taken)) continue;
        }
    }
}

/* Nouns that follow "u"/"jou" as a separate object ("met u contact opnemen"). */

/* jou / u / me at i sits where only a possessive fits before the next word:
 * jou is never a subject; u only after a preposition or after "is/was";
 * me never before a plural ("scheelt me uren", "me zorgen maken"). */
static int plural_shape(const char *k, size_t l)
{
    return ends(k, l, "en") || ends(k, l, "ers") || ends(k, l, "els") || ends(k, l, "ens") || ends(k, l, "jes") ||
           ends(k, l, "'s") || ends(k, l, "ies");
}

static int possessive_slot(const wc_text *t, size_t i)
{
    const char *k = key(t, i + 1);
    size_t l = klen(t, i + 1);
    int plural = plural_shape(k, l);
    if (!kis(t, i, WC_NL_ID_jou) && in_list(k, l, LIGHT_NOUN)) return 0;
    /* adjective + plural noun after an indirect object: "ik wens jou fijne feestdagen" */
    if (ends(k, l, "e") && is_word(t, i + 2) && plural_shape(key(t, i + 2), klen(t, i + 2))) return 0;
    if (kis(t, i, WC_NL_ID_jou)) return !plural || (i > 0 && kin(t, i - 1, AUX));
    if (kis(t, i, WC_NL_ID_me)) return !plural;
    /* u */
    if (plural || i == 0) return 0;
    if (kin(t, i - 1, PREP)) return 1;
    if (kis(t, i - 1, WC_NL_ID_is) || kis(t, i - 1, WC_NL_ID_was)) return 1;
    /* "Wij hebben u bestelling ontvangen": subject and verb before u, so u is no subject */
    {
        size_t b = clause_begin(t, i);
        int subj = 0, verb = 0;
        for (size_t j = b; j < i; j++) {
            if (kis(t, j, WC_NL_ID_wij) || kis(t, j, WC_NL_ID_we) || kis(t, j, WC_NL_ID_ik) || kis(t, j, WC_NL_ID_jullie)) subj = 1;
            if (is_word(t, j) && (kin(t, j, AUX) || finite_form(t, j) || tinf(t, j, 1))) verb = 1;
        }
        if (subj && verb && is_word(t, i + 2) && kin(t, i + 2, CLOSED)) return 1;
    }
    return 0;
}

/* "zwaarder zijn als 20 kilo": a copula right after an adjective comparative. */
static int copula_after_comp(const wc_text *t, size_t comp, size_t m)
{
    static const char *const COP[] = {"zijn", "is", "was", "waren", "ben", "bent", "worden", "wordt", "blijft",
                                      "blijven", "lijkt", "lijken", NULL};
    return kstrs(t, m, COP) && !kstr(t, comp, "meer") && !kstr(t, comp, "minder");
}

/* "Je ken het label zelf printen": an adverb before a clause-final infinitive. */
static int ken_adverb(const wc_text *t, size_t j)
{
    static const char *const ADV[] = {"niet", "zelf", "even", "ook", "wel", "nog", "gewoon", "online", "nu", "later",
                                      "pas", "altijd", "morgen", "vandaag", "direct", "meteen", "makkelijk",
                                      "eenvoudig", "gratis", "thuis", "alsnog", "opnieuw", "helaas", "echt", "zeker",
                                      NULL};
    /* "niet meer annuleren" */
    if (kstr(t, j, "meer") && j > 0 && (kis(t, j - 1, WC_NL_ID_niet) || kis(t, j - 1, WC_NL_ID_nooit))) return 1;
    return kstrs(t, j, ADV);
}

/* "me geld": after me, a bare stem that is also a noun is the noun. */
static int me_noun(const wc_text *t, size_t j)
{
    int f;
    if (!is_word(t, j) || !ascii_key(t, j) || dt_skip(t, j) || in_list(key(t, j), klen(t, j), LIGHT_NOUN))
        return 0;
    f = tstem(t, j);
    return (f & WC_NL_NOUN) && lookup(key(t, j), klen(t, j)) >= 0 && !tadj(t, j);
}

/* "Bedankt voor u bericht.", "voor jou geduld": after a preposition, u/jou +
 * a noun of thanks that ends the clause ("met u contact opnemen" goes on). */
static int possessive_thanks(const wc_text *t, size_t i)
{
    static const char *const NOUNS[] = {"bericht", "berichtje", "geduld", "begrip", "reactie", "vraag", "antwoord",
                                        "melding", "mail", "vertrouwen", "medewerking", "interesse", "feedback",
                                        "tip", "compliment", NULL};
    if (i == 0 || !kin(t, i - 1, PREP) || !(kis(t, i, WC_NL_ID_u) || kis(t, i, WC_NL_ID_jou))) return 0;
    if (!kstrs(t, i + 1, NOUNS) || (t->tok[i + 1].flags & WC_TF_UPPER)) return 0;
    return is_boundary(t, i + 2) || kis(t, i + 2, WC_NL_ID_en) || kin(t, i + 2, SUBORD);
}
/* "dat u adres is gewijzigd": u + noun after a subordinator, and the clause's
 * verb is "is"/"was", which never goes with u as the subject. */
static int possessive_u_is(const wc_text *t, size_t i)
{
    if (i == 0 || !kis(t, i, WC_NL_ID_u) || !kin(t, i - 1, SUBORD) || !nounish(t, i + 1)) return 0;
    for (size_t j = i + 2; j < t->n && !is_boundary(t, j) && j < i + 10; j++) {
        if (kin(t, j, SUBORD | COORD) || kin(t, j, SUBJ)) return 0;
        if (kis(t, j, WC_NL_ID_is) || kis(t, j, WC_NL_ID_was)) return 1;
        if (finite_form(t, j)) return 0;
    }
    return 0;
}

static void check_confusion(ctx *c, unsigned char *taken, const unsigned char *quoted)
{
    const wc_text *t = c->t;
    for (size_t i = 0; i < t->n; i++) {
        if (!is_word(t, i) || quoted[i] || taken[i]) continue;
        if (possessive_thanks(t, i) || possessive_u_is(t, i)) {
            if (kis(t, i, WC_NL_ID_jou)) add(c, i, WC_NL_CONFUSION, 0, MSG_JOU, "jouw", 4, taken);
            else add(c, i, WC_NL_CONFUSION, 0, MSG_U, "uw", 2, taken);
            continue;
        }
        /* jou + noun -> jouw ; u + noun -> uw ; me + noun -> mijn */
        if ((((kis(t, i, WC_NL_ID_jou) || kis(t, i, WC_NL_ID_u) || kis(t, i, WC_NL_ID_me)) && nounish(t, i + 1)) ||
             ((kis(t, i, WC_NL_ID_me) || (kis(t, i, WC_NL_ID_u) && i > 0 && kin(t, i - 1, PREP))) && me_noun(t, i + 1))) &&
            possessive_slot(t, i)) {
            if (kis(t, i, WC_NL_ID_jou)) add(c, i, WC_NL_CONFUSION, 0, MSG_JOU, "jouw", 4, taken);
            else if (kis(t, i, WC_NL_ID_u)) add(c, i, WC_NL_CONFUSION, 0, MSG_U, "uw", 2, taken);
            else add(c, i, WC_NL_CONFUSION, 0, MSG_ME, "mijn", 4, taken);
            continue;
        }
        /* jouw / uw as an object: followed by a closed word, a verb or the end */
        if (kis(t, i, WC_NL_ID_jouw) || kis(t, i, WC_NL_ID_uw)) {
            size_t j = i + 1;
            int obj = 0;
            if (j >= t->n || is_sentence_end(t, j)) obj = 1;
            else if (is_word(t, j) && !kis(t, j, WC_NL_ID_en) && !kis(t, j, WC_NL_ID_of) && !kis(t, j, WC_NL_ID_eigen) && !kis(t, j, WC_NL_ID_pas) &&
                     !kis(t, j, WC_NL_ID_beide) && !kis(t, j, WC_NL_ID_alle) && kin(t, j, CLOSED))
                obj = 1;
            if (obj && i > 0 && is_word(t, i - 1) && !kin(t, i - 1, DET)) {
                if (kis(t, i, WC_NL_ID_jouw)) add(c, i, WC_NL_CONFUSION, 0, MSG_JOUW, "jou", 3, taken);
                else add(c, i, WC_NL_CONFUSION, 0, MSG_UW, "u", 1, taken);
                continue;
            }
        }
        /* hun as subject */
        if (kis(t, i, WC_NL_ID_hun) && is_word(t, i + 1)) {
            size_t j = i + 1;
            const char *k = key(t, j);
            size_t l = klen(t, j);
            int subj = 0;
            if (in_list(k, l, PLURAL_IRR) || is_infinitive(k, l, 0)) subj = 1;
            else if (is_infinitive(k, l, 1) && is_word(t, j + 1) && kin(t, j + 1, CLOSED) &&
                     !kis(t, j + 1, WC_NL_ID_en) && !kis(t, j + 1, WC_NL_ID_of) && !kis(t, j + 1, WC_NL_ID_van) && !kis(t, j + 1, WC_NL_ID_in) &&
                     !kis(t, j + 1, WC_NL_ID_op) && !kis(t, j + 1, WC_NL_ID_met) && !kis(t, j + 1, WC_NL_ID_voor))
                subj = 1;
            else if (i > 0 && kin(t, i - 1, SUBORD) && kin(t, j, CLOSED) && !kis(t, j, WC_NL_ID_een) && !kis(t, j, WC_NL_ID_de) &&
                     !kis(t, j, WC_NL_ID_het))
                subj = 1;
            if (subj && !(i > 0 && is_word(t, i - 1) && (finite_form(t, i - 1) || kis(t, i - 1, WC_NL_ID_ken)) &&
                          !kin(t, i - 1, SUBORD))) {
                add(c, i, WC_NL_CONFUSION, 0, MSG_HUN, "zij", 3, taken);
                continue;
            }
        }
        /* ken + ... + infinitive -> kan */
        if (kis(t, i, WC_NL_ID_ken)) {
            size_t j = i + 1;
            int inf = 0;
            while (j < t->n && !is_boundary(t, j) && !kin(t, j, SUBORD) && !kis(t, j, WC_NL_ID_die) && !kin(t, j, COORD)) {
                if (j > i + 1 && is_word(t, j) && !kin(t, j - 1, DET) &&
                    (!kin(t, j, CLOSED) || (kis(t, j, WC_NL_ID_zijn) && is_boundary(t, j + 1))) &&
                    tinf(t, j, 0))
                    inf = 1;
                if (j > i + 1 && ken_adverb(t, j - 1) &&
                    (clause_final(t, j) || (kin(t, j + 1, CLOSED) && !kin(t, j + 1, DET))) &&
                    (tinf(t, j, 1) || (ends(key(t, j), klen(t, j), "eren") && eer_shape(key(t, j), klen(t, j) - 2))))
                    inf = 1;
                j++;
            }
            if (inf) {
                add(c, i, WC_NL_CONFUSION, 0, MSG_KEN, "kan", 3, taken);
                continue;
            }
        }
        /* je/jij + ben */
        if (kis(t, i, WC_NL_ID_ben) && i > 0 && !kis(t, i + 1, WC_NL_ID_je) && !kis(t, i + 1, WC_NL_ID_jij)) {
            int hit = 0;
            if (kis(t, i - 1, WC_NL_ID_jij) || (kis(t, i - 1, WC_NL_ID_je) && clause_start(t, i - 1))) hit = 1;
            else {
                for (size_t j = i; j > 0 && i - j < 10; ) {
                    j--;
                    if (is_boundary(t, j) || kis(t, j, WC_NL_ID_ik)) break;
                    if (kin(t, j, SUBORD) && (kis(t, j + 1, WC_NL_ID_je) || kis(t, j + 1, WC_NL_ID_jij))) {
                        hit = 1;
                        break;
                    }
                }
            }
            if (hit) {
                add(c, i, WC_NL_CONFUSION, 0, MSG_BEN, "bent", 4, taken);
                continue;
            }
        }
        /* comparative ... als -> dan */
        if (kis(t, i, WC_NL_ID_als) && i > 0) {
            size_t j = i, comp = (size_t)-1;
            while (j > 0 && i - j < 6) {
                j--;
                if (is_boundary(t, j) || kin(t, j, SUBORD)) break;
                if (comparative(t, j)) {
                    comp = j;
                    break;
                }
            }
            if (comp == (size_t)-1) continue;
            /* "niet meer als kok", "eerder/liever/verder als gast", "een of meer" */
            if (comp > 0 && (((kis(t, comp - 1, WC_NL_ID_niet) || kis(t, comp - 1, WC_NL_ID_nooit)) &&
                              (kstr(t, comp, "meer") || kstr(t, comp, "langer") || kstr(t, comp, "minder"))) ||
                             kis(t, comp - 1, WC_NL_ID_geen) ||
                             kis(t, comp - 1, WC_NL_ID_of) || kis(t, comp - 1, WC_NL_ID_en)))
                continue;
            if (comp + 1 == i && (kis(t, comp, WC_NL_ID_liever) || kis(t, comp, WC_NL_ID_eerder) || kis(t, comp, WC_NL_ID_verder))) continue;
            /* a verb between them starts another role: "meer printers gemarkeerd zijn als gedeeld" */
            {
                int verb = 0;
                for (size_t m = comp + 1; m < i; m++)
                    if (!(m == comp + 1 && copula_after_comp(t, comp, m)) && is_word(t, m) && (kin(t, m, AUX | FINITE_IRR | PLURAL_IRR) || finite_form(t, m) || tpp(t, m) ||
                                          (starts(key(t, m), klen(t, m), "ge") && tppl(t, m))))
                        verb = 1;
                if (verb) continue;
            }
            if (kis(t, comp - 1, WC_NL_ID_zo) || kis(t, comp - 1, WC_NL_ID_even)) continue;
            /* conditional "als": a subject pronoun or a finite verb in the clause,
             * unless the clause ends in an expectation: "sneller als we hadden verwacht" */
            {
                size_t m = i + 1, lastw = i;
                for (; m < t->n && !is_boundary(t, m); m++)
                    if (is_word(t, m)) lastw = m;
                if (lastw > i && kin(t, lastw, EXPECT)) {
                    add(c, i, WC_NL_CONFUSION, 0, MSG_ALS, "dan", 3, taken);
                    continue;
                }
            }
            /* a role: "Je betaalt minder als student." */
            if (is_word(t, i + 1) && !kin(t, i + 1, CLOSED | DET) && is_boundary(t, i + 2) && nounish(t, i + 1))
                continue;
            /* "goedkoper als je huidige abonnement": je + noun is no subject */
            if ((is_subj_pron(t, i + 1) &&
                 !((kis(t, i + 1, WC_NL_ID_je) || kis(t, i + 1, WC_NL_ID_het)) && !next_not_noun(t, i + 1))) ||
                kis(t, i + 1, WC_NL_ID_er))
                continue;
            int cond = 0;
            for (size_t m = i + 1; m < t->n && !is_boundary(t, m); m++) {
                if (!is_word(t, m)) continue;
                /* "lichter als het vorige model en gaat langer mee": the verb after
                 * "en" belongs to the main clause */
                if (kin(t, m, COORD) && is_word(t, m + 1) && finite_form(t, m + 1)) {
                    /* ... unless a participle came first: "als patroon begrepen en wordt" */
                    for (size_t q = i + 1; q < m; q++)
                        if (is_word(t, q) && tppl(t, q)) cond = 1;
                    break;
                }
                /* a stem on t is its own 3rd person: "als het apparaat opnieuw opstart" */
                if (finite_form(t, m) || kin(t, m, AUX) ||
                    (ends(key(t, m), klen(t, m), "t") && tstem(t, m) && !kin(t, m, CLOSED) &&
                     !kin(t, m - 1, DET) && !ends(key(t, m - 1), klen(t, m - 1), "e"))) {
                    if (!is_subj_pron(t, m + 1)) cond = 1;
                    break;
                }
            }
            if (cond) continue;
            add(c, i, WC_NL_CONFUSION, 0, MSG_ALS, "dan", 3, taken);
        }
    }
}

/* Called alone (the linter's readability rule), it gets word ids only for
 * words starting with d, e or w (see wc_dutch_check): a kis() here on a word
 * with another first letter needs that filter extended. */
static void check_readability(ctx *c, unsigned char *taken)
{
    const wc_text *t = c->t;
    size_t s = 0;
    while (s < t->n) {
        size_t e = s, words = 0, wordt = 0, door = 0, er_wordt = 0, first_word = (size_t)-1;
        while (e < t->n && !is_sentence_end(t, e)) {
            if (t->tok[e].kind == WC_TOK_WORD || t->tok[e].kind == WC_TOK_NUMBER) {
                words++;
                if (first_word == (size_t)-1) first_word = e;
            }
            if (kis(t, e, WC_NL_ID_wordt) || kis(t, e, WC_NL_ID_worden) || kis(t, e, WC_NL_ID_werd) || kis(t, e, WC_NL_ID_werden)) {
                wordt++;
                if (e > 0 && kis(t, e - 1, WC_NL_ID_er)) er_wordt = 1;
                if (kis(t, e + 1, WC_NL_ID_er)) er_wordt = 1;
            }
            if (kis(t, e, WC_NL_ID_door)) door++;
            if (t->tok[e].kind == WC_TOK_WORD && t->tok[e].u16_end - t->tok[e].u16_start > 20 && !taken[e]) {
                add(c, e, WC_NL_READABILITY, 2, MSG_LONGWORD, NULL, 0, taken);
            }
            e++;
        }
        if (first_word != (size_t)-1) {
            if (words > 25 && !taken[first_word]) {
                add(c, first_word, WC_NL_READABILITY, words > 40 ? 1 : 2, MSG_LONGSENT, NULL, 0, taken);
                if (c->n <= c->cap) {
                    /* widen to the whole sentence */
                    wc_dutch_finding *f = &c->out[c->n - 1];
                    size_t last = e > 0 ? e - 1 : 0;
                    if (e < t->n) last = e;
                    f->end = t->tok[last].end;
                    f->end16 = t->tok[last].u16_end;
                }
            } else if ((wordt >= 2 || er_wordt) && door >= 1 && !taken[first_word]) {
                add(c, first_word, WC_NL_READABILITY, 2, MSG_PASSIVE, NULL, 0, taken);
                if (c->n <= c->cap) {
                    wc_dutch_finding *f = &c->out[c->n - 1];
                    size_t last = e < t->n ? e : e - 1;
                    f->end = t->tok[last].end;
                    f->end16 = t->tok[last].u16_end;
                }
            }
        }
        s = e + 1;
    }
}

const char *wc_dutch_rule_id(int rule)
{
    switch (rule) {
    case WC_NL_DT: return "dt-spelling";
    case WC_NL_CONFUSION: return "confusion";
    case WC_NL_READABILITY: return "readability";
    default: return "unknown";
    }
}

#ifndef WC_NL_MAX_TOKENS
#define WC_NL_MAX_TOKENS 4096
#endif

static void mark_quotes(const wc_text *t, unsigned char *quoted)
{
    int in = 0;
    for (size_t i = 0; i < t->n; i++) {
        int q = 0;
        if (t->tok[i].kind == WC_TOK_PUNCT) {
            for (uint32_t b = t->tok[i].start; b < t->tok[i].end; b++) {
                unsigned char ch = (unsigned char)t->src[b];
                if (ch == '"') q = 1;
                if (ch == '\'' && !(kis(t, i + 1, WC_NL_ID_s) || kis(t, i + 1, WC_NL_ID_t) || kis(t, i + 1, WC_NL_ID_n))) q = 1;
                /* “ ” ‘ ’ (E2 80 9C/9D/98/99) */
                if (ch == 0xE2 && b + 2 < t->tok[i].end && (unsigned char)t->src[b + 1] == 0x80) {
                    unsigned char d = (unsigned char)t->src[b + 2];
                    if (d == 0x9C || d == 0x9D || d == 0x98 || d == 0x99) q = 1;
                }
            }
        }
        if (t->tok[i].kind == WC_TOK_BREAK) in = 0;
        if (q) in = !in;
        quoted[i] = (unsigned char)(in || q);
    }
}

/* English sentences (two or more English function words) are not checked. */

static void mark_english(const wc_text *t, unsigned char *skip)
{
    size_t s = 0;
    while (s < t->n) {
        size_t e = s, score = 0;
        while (e < t->n && !is_sentence_end(t, e)) {
            if (kin(t, e, ENGLISH_STRONG)) score += 2;
            else if (kin(t, e, ENGLISH_WEAK)) score += 1;
            e++;
        }
        if (score >= 3)
            for (size_t j = s; j < e; j++) skip[j] = 1;
        s = e + 1;
    }
}

size_t wc_dutch_check(const wc_text *t, unsigned rules, wc_dutch_finding *out, size_t cap)
{
    /* One block per call: taken + quoted marks, word bits and memos per token.
     * Texts beyond WC_NL_MAX_TOKENS tokens are checked in their first part only. */
    nl_view v;
    unsigned char *block, *taken, *quoted;
    size_t n;
    ctx c;
    int full = (rules & (WC_NL_WANT_DT | WC_NL_WANT_CONFUSION)) != 0;
    if (!t || !t->tok || t->n == 0) return 0;
    v.t = *t;
    if (v.t.n > WC_NL_MAX_TOKENS) v.t.n = WC_NL_MAX_TOKENS;
    n = v.t.n;
    block = malloc(n * (3 + 2 * sizeof(uint16_t) + M_COUNT));
    if (!block) return 0;
    v.wid = (uint16_t *)(void *)block;
    v.wbits = v.wid + n;
    taken = block + 2 * n * sizeof(uint16_t);
    quoted = taken + n;
    v.tf = quoted + n + (size_t)M_COUNT * n;
    for (int m = 0; m < M_COUNT; m++) v.memo[m] = (int8_t *)(quoted + n + (size_t)m * n);
    /* one word-list lookup per token, for every kis/kin after it; readability
     * alone (its own call from the linter) only asks for words starting with
     * d, e or w (door, er, wordt/worden/werd/werden) */
    for (size_t i = 0; i < n; i++) {
        unsigned bits = 0;
        const char *k = wc_key(&v.t, i);
        v.wid[i] = v.t.tok[i].kind == WC_TOK_WORD && (full || k[0] == 'd' || k[0] == 'e' || k[0] == 'w')
                       ? (uint16_t)wc_nl_word_id(k, v.t.tok[i].key_len, &bits)
                       : 0;
        v.wbits[i] = (uint16_t)bits;
        v.tf[i] = (uint8_t)((is_boundary_raw(&v.t, i) ? TF_BOUNDARY : 0) |
                            (is_sentence_end_raw(&v.t, i) ? TF_SENTENCE_END : 0) |
                            (full && ascii_key_raw(&v.t, i) ? TF_ASCII : 0));
    }
    memset(taken, 0, n);
    if (full) { /* the memos and the quoted/English marks are for d/t and confusions */
        memset(quoted + n, 0x80, n * M_COUNT);
        mark_quotes(&v.t, quoted);
        mark_english(&v.t, quoted);
    }
    c.t = &v.t;
    c.out = out;
    c.cap = out ? cap : 0;
    c.n = 0;
    c.report = rules;
    /* d/t runs first whenever confusions are wanted: a token gets one finding */
    if (full) check_dt(&c, taken, quoted);
    if (rules & WC_NL_WANT_CONFUSION) check_confusion(&c, taken, quoted);
    if (rules & WC_NL_WANT_READABILITY) check_readability(&c, taken);
    free(block);
    /* text order (insertion sort; findings are few) */
    size_t m = c.n < c.cap ? c.n : c.cap;
    for (size_t i = 1; i < m; i++) {
        wc_dutch_finding x = out[i];
        size_t j = i;
        while (j > 0 && out[j - 1].start > x.start) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = x;
    }
    return c.n;
}
