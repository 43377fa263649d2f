/* classify.c — the mention classifier: happy | neutral | angry | question.
 *
 * One pass over the tokens of the text layer collects cues from compiled-in
 * lexicons (core/lexicon/ txt files -> core/src/gen/lexicon_words.c): sentiment
 * words with Dutch inflection and compound rules, negation scope,
 * intensifiers, "maar"-contrast, phrases (sarcasm, rhetorical questions,
 * questions without "?", complaint idioms), emoji, hashtags, punctuation,
 * caps and profanity (also obfuscated: k*t, sh1t, kuuut). The cues become a
 * small feature vector; a linear model (core/lexicon/model.json, trained on the
 * train split by core/tools/train-classifier.mjs) scores the four types,
 * together with hashed word features (each distinct word's bucket carries a
 * small int8 weight per type). Every cue that counted is kept as evidence
 * with its UTF-16 span; words with a large learned weight for the chosen
 * type are evidence with cue "word".
 *
 * No allocation besides the tokenizer's; no global mutable state.
 */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "classify.h"
#include "internal.h"
#include "lexicon.h"
#include "text.h"

/* Feature indices; the names and order are those of core/lexicon/model.json
 * (a test checks wc_feature_names against this list). */
enum {
    F_BIAS = 0, F_POS, F_NEG, F_QMARK, F_QSTART, F_QPHRASE, F_RHETORICAL, F_EXCL, F_CAPS,
    F_PROFANITY, F_SARCASM, F_COMPLAINT, F_EMOJI_POS, F_EMOJI_NEG, F_EMOJI_Q, F_THANKS,
    F_NEUTRAL, F_LONG, F_INTENS, F_SHORT, F_COUNT
};

#define MAX_CUES 48
#define MEMO_N 160
#define KEYBUF 64
#define TOKBUF 128

typedef struct cue {
    uint32_t start, end;
    const char *cue, *label;
} cue;

/* What one word looks up to. */
typedef struct word_info {
    uint32_t cats;  /* WC_LX_* */
    int weight;     /* sentiment, 0 if none */
    int compound;   /* sentiment came from a compound/stem rule */
} word_info;

/* The state of one classification. */
typedef struct state {
    const wc_text *t;
    float f[F_COUNT];
    float pos, neg;        /* sentiment sums (clause weighted) */
    float ironic_pos;      /* praise inside sarcasm phrases: counts unless sarcasm */
    float opening_pos;     /* praise before the first negative cue */
    float negctx;          /* negative context for sarcasm */
    float sarc;            /* ironic markers */
    float sarc_emoji;      /* 🙄 🙃 🤡 */
    int seen_neg;          /* a negative cue was seen */
    int contrast_seen;
    int neg_left;          /* tokens left in a negation scope */
    uint32_t neg_tok;      /* index of the negator */
    int intens_left;       /* tokens left for an intensifier to apply */
    int caps_words, caps_long;
    int words, nl, en;
    int profane;
    size_t n_cues;
    unsigned char memo_ok[MEMO_N];
    /* hashed words: buckets seen, per-class sums of their int8 weights, and
     * bucket + 1 of the first MEMO_N tokens that brought a new bucket */
    uint32_t hseen[WC_NHASH / 32];
    int32_t hsum[WC_NCLASS];
    uint16_t hbucket[MEMO_N];
    /* from here on not cleared per call (STATE_CLEAR): filled before read */
    cue cues[MAX_CUES];     /* [0, n_cues) */
    word_info memo[MEMO_N]; /* per-token lookups where memo_ok (tokens past MEMO_N are looked up each time) */
} state;

#define STATE_CLEAR offsetof(state, cues)

/* ---- names --------------------------------------------------------------- */

static const char *const type_names[WC_TYPE_COUNT] = {"happy", "neutral", "angry", "question"};

/* Cue labels are these very pointers (keep_evidence compares them). */
#define LBL_HAPPY (type_names[WC_HAPPY])
#define LBL_NEUTRAL (type_names[WC_NEUTRAL])
#define LBL_ANGRY (type_names[WC_ANGRY])
#define LBL_QUESTION (type_names[WC_QUESTION])

const char *wc_type_name(int type)
{
    return (type >= 0 && type < WC_TYPE_COUNT) ? type_names[type] : NULL;
}

int wc_type_from_name(const char *name)
{
    if (!name) return -1;
    for (int i = 0; i < WC_TYPE_COUNT; i++)
        if (strcmp(name, type_names[i]) == 0) return i;
    return -1;
}

/* ---- table lookups ------------------------------------------------------- */

static int cmp_key(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t n = alen < blen ? alen : blen;
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i]) return (unsigned char)a[i] < (unsigned char)b[i] ? -1 : 1;
    return alen < blen ? -1 : (alen > blen ? 1 : 0);
}

static int same_bytes(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i]) return 0;
    return 1;
}

/* The exact entry for the n-byte key k: a binary search among the words
 * with k's first byte (ordered by length, then bytes). */
static const wc_lex_word *find_exact(const char *k, size_t n)
{
    if (n == 0) return NULL;
    unsigned char b = (unsigned char)k[0];
    size_t lo = wc_lex_words_index[b], hi = wc_lex_words_index[b + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const wc_lex_word *w = &wc_lex_words[mid];
        int c = w->len < n ? -1 : w->len > n ? 1 : cmp_key(wc_lex_strings + w->off + 1, n - 1, k + 1, n - 1);
        if (c == 0) return w;
        if (c < 0) lo = mid + 1; else hi = mid;
    }
    return NULL;
}

/* Longest stem ("kut*", "tevreden*") that is a prefix of the klen-byte key
 * k: the few stems with k's first byte are compared. */
static const wc_lex_word *find_stem(const char *k, size_t klen)
{
    const wc_lex_word *best = NULL;
    unsigned char b = (unsigned char)k[0];
    if (klen < 3) return NULL;
    for (size_t e = wc_lex_stems_index[b]; e < wc_lex_stems_index[b + 1]; e++) {
        const wc_lex_word *w = &wc_lex_stems[e];
        if (w->len > klen || w->len >= 64 || (best && w->len <= best->len)) continue;
        if (same_bytes(wc_lex_strings + w->off, k, w->len)) best = w;
    }
    return best;
}

static void merge(word_info *wi, const wc_lex_word *w)
{
    if (!w) return;
    wi->cats |= w->cats;
    if ((w->cats & WC_LX_SENT) && wi->weight == 0) wi->weight = w->weight;
}

/* Exact word or stem. */
static void lookup_plain(const char *k, size_t klen, word_info *wi)
{
    if (klen == 0) return;
    unsigned p = wc_lex_pair(k, klen);
    if (wc_lex_pair_has(wc_lex_words_pair_any, p)) merge(wi, find_exact(k, klen));
    if (wc_lex_pair_has(wc_lex_stems_pair_any, p)) merge(wi, find_stem(k, klen));
}

/* Like lookup_plain, for callers that only want a sentiment weight (or
 * profanity): inflections and compound heads. */
static void lookup_sent(const char *k, size_t klen, word_info *wi)
{
    if (klen == 0) return;
    unsigned p = wc_lex_pair(k, klen);
    if (wc_lex_pair_has(wc_lex_words_pair_sent, p)) merge(wi, find_exact(k, klen));
    if (wc_lex_pair_has(wc_lex_stems_pair_sent, p)) merge(wi, find_stem(k, klen));
}

/* Dutch/English inflection: slechte, snelle, toppers, beste, waited. */
static void lookup_inflected(const char *k, size_t klen, word_info *wi)
{
    static const char *const suffixes[] = {"ste", "ere", "en", "er", "es", "e", "s", "ed", "ly"};
    static const unsigned char suffix_len[] = {3, 3, 2, 2, 2, 1, 1, 2, 2};
    if (klen < 4) return;
    /* every suffix ends in one of these */
    char last = k[klen - 1];
    if (last != 'e' && last != 'n' && last != 'r' && last != 's' && last != 'd' && last != 'y') return;
    /* inflection only finds sentiment: skip keys no sentiment entry starts like */
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        size_t sl = suffix_len[i];
        if (klen < sl + 3 || suffixes[i][sl - 1] != last ||
            !same_bytes(k + klen - sl, suffixes[i], sl))
            continue;
        size_t n = klen - sl;
        word_info w = {0, 0, 0};
        lookup_sent(k, n, &w);
        /* undouble: snelle -> snell -> snel (a prefix of the key too) */
        if (!(w.cats & WC_LX_SENT) && n >= 4 && k[n - 1] == k[n - 2] && n <= KEYBUF)
            lookup_sent(k, n - 1, &w);
        if (w.cats & WC_LX_SENT) {
            wi->cats |= w.cats & (WC_LX_SENT | WC_LX_LANG_NL | WC_LX_LANG_EN);
            wi->weight = w.weight;
            return;
        }
    }
}

/* Compounds: supersnel, megatraag, topdag, klantonvriendelijk, seinstoring. */
static void lookup_compound(const char *k, size_t klen, word_info *wi)
{
    /* modifier prefix + known word: the modifiers of 3..6 bytes that start
     * k, found in one pass over the words with k's first byte */
    const wc_lex_word *mods[7] = {NULL};
    if (wc_lex_pair_has(wc_lex_words_pair_any, wc_lex_pair(k, klen))) {
        unsigned char b = (unsigned char)k[0];
        for (size_t e = wc_lex_words_index[b]; e < wc_lex_words_index[b + 1]; e++) {
            const wc_lex_word *w = &wc_lex_words[e];
            if (w->len > 6 || w->len + 3u > klen) break; /* shortest first */
            if ((w->cats & WC_LX_MODIFIER) && w->len >= 3 && same_bytes(wc_lex_strings + w->off, k, w->len))
                mods[w->len] = w;
        }
    }
    for (size_t n = 3; n + 3 <= klen && n <= 6; n++) {
        const wc_lex_word *m = mods[n];
        if (!m) continue;
        word_info rest = {0, 0, 0};
        lookup_sent(k + n, klen - n, &rest);
        if (rest.cats & WC_LX_SENT) {
            wi->weight = rest.weight + (rest.weight > 0 ? 1 : -1);
        } else if ((m->cats & WC_LX_SENT) && m->weight > 0) {
            wi->weight = 1; /* superservice, topdag */
        } else {
            continue;
        }
        wi->cats |= WC_LX_SENT | WC_LX_INTENS;
        wi->compound = 1;
        return;
    }
    if (klen < 7) return;
    /* head of the compound: the longest known tail of 4+ bytes */
    for (size_t i = 2; i + 4 <= klen; i++) {
        word_info tail = {0, 0, 0};
        int negated = 0;
        lookup_sent(k + i, klen - i, &tail);
        if (!(tail.cats & WC_LX_SENT) && klen - i > 6 && k[i] == 'o' && k[i + 1] == 'n') {
            lookup_sent(k + i + 2, klen - i - 2, &tail);
            negated = 1;
        }
        if ((tail.cats & WC_LX_SENT) && (tail.cats & WC_LX_LANG_NL) && tail.weight != 0) {
            int w = negated ? -tail.weight : tail.weight;
            if (negated && w > 0) w = w / 2; /* onslecht is not a word; keep it weak */
            wi->weight = w;
            wi->cats |= WC_LX_SENT | (tail.cats & WC_LX_PROF);
            wi->compound = 1;
            return;
        }
    }
}

/* Leetspeak to letters: sh1t, f4ck, k0t. Returns 1 when something changed. */
static int unleet(const char *k, size_t klen, char *dst, size_t cap)
{
    int changed = 0;
    if (klen + 1 > cap) return 0;
    for (size_t i = 0; i < klen; i++) {
        char c = k[i];
        switch (c) {
        case '1': c = 'i'; changed = 1; break;
        case '3': c = 'e'; changed = 1; break;
        case '4': c = 'a'; changed = 1; break;
        case '0': c = 'o'; changed = 1; break;
        case '5': c = 's'; changed = 1; break;
        case '$': c = 's'; changed = 1; break;
        default: break;
        }
        dst[i] = c;
    }
    dst[klen] = 0;
    return changed;
}

/* Everything a word key can mean. `flags` are the token's WC_TF_*. */
static void lookup_word(const char *k, size_t klen, unsigned flags, word_info *wi)
{
    char buf[KEYBUF];
    memset(wi, 0, sizeof *wi);
    lookup_plain(k, klen, wi);
    if ((flags & WC_TF_ELONGATED) && klen < sizeof buf) {
        for (int keep = 2; keep >= 1 && !(wi->cats & (WC_LX_SENT | WC_LX_PROF)); keep--) {
            size_t n = wc_squeeze(k, buf, sizeof buf, keep);
            lookup_plain(buf, n, wi);
            if (!(wi->cats & (WC_LX_SENT | WC_LX_PROF))) lookup_inflected(buf, n, wi);
        }
    }
    if ((flags & WC_TF_DIGIT) && !(wi->cats & (WC_LX_SENT | WC_LX_PROF)) &&
        unleet(k, klen, buf, sizeof buf))
        lookup_plain(buf, klen, wi);
    if (!(wi->cats & WC_LX_SENT) && klen >= 4) lookup_inflected(k, klen, wi);
    if (!(wi->cats & (WC_LX_SENT | WC_LX_PROF)) && klen >= 6 && klen < KEYBUF)
        lookup_compound(k, klen, wi);
}

/* What word token j means, memoised per token. `tmp` is used past MEMO_N. */
static const word_info *tok_info(state *st, size_t j, word_info *tmp)
{
    const wc_token *tk = &st->t->tok[j];
    word_info *wi = j < MEMO_N ? &st->memo[j] : tmp;
    if (j < MEMO_N && st->memo_ok[j]) return wi;
    lookup_word(wc_key(st->t, j), tk->key_len, tk->flags, wi);
    if (j < MEMO_N) st->memo_ok[j] = 1;
    return wi;
}

/* "k*t", "f**k", "sh*t": a glob where each '*' run stands for 1-3 letters,
 * matched against the profanity lexicon (stems may continue). */
static int glob_prefix(const char *p, size_t plen, const char *s, size_t slen, int stem)
{
    if (plen == 0) return stem || slen == 0;
    if (p[0] == '*') {
        size_t stars = 1;
        while (stars < plen && p[stars] == '*') stars++;
        for (size_t n = 1; n <= 3 && n <= slen; n++)
            if (glob_prefix(p + stars, plen - stars, s + n, slen - n, stem)) return 1;
        return 0;
    }
    if (slen == 0) return stem; /* pattern longer than a stem: kutbedrijf vs kut* */
    return p[0] == s[0] && glob_prefix(p + 1, plen - 1, s + 1, slen - 1, stem);
}

static int obfuscated_profanity(const char *p, size_t plen)
{
    for (size_t i = 0; i < wc_lex_words_n; i++) {
        const wc_lex_word *w = &wc_lex_words[i];
        if ((w->cats & WC_LX_PROF) && w->len >= 2 &&
            glob_prefix(p, plen, wc_lex_strings + w->off, w->len, 0))
            return 1;
    }
    for (size_t i = 0; i < wc_lex_stems_n; i++) {
        const wc_lex_word *w = &wc_lex_stems[i];
        if ((w->cats & WC_LX_PROF) && glob_prefix(p, plen, wc_lex_strings + w->off, w->len, 1))
            return 1;
    }
    return 0;
}

static const wc_lex_emoji *find_emoji(uint32_t cp)
{
    size_t lo = 0, hi = wc_lex_emoji_n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (wc_lex_emoji_tab[mid].cp == cp) return &wc_lex_emoji_tab[mid];
        if (wc_lex_emoji_tab[mid].cp < cp) lo = mid + 1; else hi = mid;
    }
    return NULL;
}

static uint32_t first_cp(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len == 0) return 0;
    if (u[0] < 0x80) return u[0];
    if (u[0] < 0xE0 && len >= 2) return ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu);
    if (u[0] < 0xF0 && len >= 3)
        return ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
    if (len >= 4)
        return ((u[0] & 0x07u) << 18) | ((u[1] & 0x3Fu) << 12) | ((u[2] & 0x3Fu) << 6) |
               (u[3] & 0x3Fu);
    return 0;
}

/* ---- hashed words -------------------------------------------------------- */

/* Bucket of a word key: FNV-1a over the key with letter runs of 3+ cut to 2. */
static unsigned word_bucket(const char *k, size_t klen)
{
    uint32_t h = WC_LEX_HASH_INIT;
    for (size_t i = 0; i < klen; i++) {
        char c = k[i];
        /* the third and later of a run of equal letters */
        if (i >= 2 && c == k[i - 1] && c == k[i - 2] && c >= 'a' && c <= 'z') continue;
        h = wc_lex_hash_step(h, (unsigned char)c);
    }
    return h & (WC_NHASH - 1);
}

/* The per-class weights of hashed bucket b (all 0 for an unused bucket). */
static const int8_t *bucket_weights(unsigned b)
{
    static const int8_t none[WC_NCLASS];
    uint64_t word = wc_model_hw_bits[b >> 6];
    if (!(word >> (b & 63) & 1)) return none;
    /* GCC/Clang builtin: one popcnt instruction natively and in WASM */
    unsigned n = (unsigned)__builtin_popcountll(word & ((UINT64_C(1) << (b & 63)) - 1));
    return wc_model_hw_rows[wc_model_hw_rank[b >> 6] + n];
}

/* Adds word token i's bucket once per text. */
static void hashed_word(state *st, size_t i)
{
    unsigned b = word_bucket(wc_key(st->t, i), st->t->tok[i].key_len);
    if (st->hseen[b >> 5] & (1u << (b & 31))) return;
    st->hseen[b >> 5] |= 1u << (b & 31);
    const int8_t *w = bucket_weights(b);
    for (int c = 0; c < WC_NCLASS; c++) st->hsum[c] += w[c];
    if (i < MEMO_N) st->hbucket[i] = (uint16_t)(b + 1);
}

/* How much bucket b favours type `best` over the runner-up type (logits). */
static float word_margin(unsigned b, int best)
{
    const int8_t *w = bucket_weights(b);
    int other = -128;
    for (int c = 0; c < WC_NCLASS; c++)
        if (c != best && w[c] > other) other = w[c];
    return wc_model_hscale * (float)(w[best] - other);
}

/* ---- cues ---------------------------------------------------------------- */

static void add_cue(state *st, uint32_t start, uint32_t end, const char *what, const char *label)
{
    if (st->n_cues >= MAX_CUES) return;
    cue *c = &st->cues[st->n_cues++];
    c->start = start;
    c->end = end;
    c->cue = what;
    c->label = label;
}

static void add_tok_cue(state *st, size_t i, const char *what, const char *label)
{
    add_cue(st, st->t->tok[i].u16_start, st->t->tok[i].u16_end, what, label);
}

/* The (at most WORD_CUES) words whose learned weight favours type `best`
 * by WORD_MARGIN logits or more become cues "word". */
#define WORD_CUES 3
#define WORD_MARGIN 0.4f
static void word_cues(state *st, int best)
{
    size_t pick[WORD_CUES];
    float pm[WORD_CUES];
    size_t n = 0, lim = st->t->n < MEMO_N ? st->t->n : MEMO_N;
    for (size_t i = 0; i < lim; i++) {
        if (!st->hbucket[i]) continue;
        unsigned b = st->hbucket[i] - 1u;
        /* no margin when another type weighs as much (the common case) */
        const int8_t *w = bucket_weights(b);
        if (w[best == 0 ? 1 : 0] >= w[best]) continue;
        float m = word_margin(b, best);
        if (m < WORD_MARGIN) continue;
        size_t at; /* insert into pick[], strongest first */
        if (n < WORD_CUES) at = n++;
        else if (m <= pm[WORD_CUES - 1]) continue;
        else at = WORD_CUES - 1;
        while (at > 0 && pm[at - 1] < m) {
            pick[at] = pick[at - 1];
            pm[at] = pm[at - 1];
            at--;
        }
        pick[at] = i;
        pm[at] = m;
    }
    for (size_t k = 0; k < n; k++) add_tok_cue(st, pick[k], "word", wc_type_name(best));
}

static int is_word(const wc_token *tk) { return tk->kind == WC_TOK_WORD; }

/* Does token i end a clause (1: . ! ? , ; : or a line break; not quotes or
 * '*') or a sentence (2: . ! ? or a line break)? 0 if neither. */
static int boundary_of(const wc_text *t, size_t i)
{
    const wc_token *tk = &t->tok[i];
    int b = 0;
    if (tk->kind == WC_TOK_BREAK) return 2;
    if (tk->kind != WC_TOK_PUNCT) return 0;
    for (uint32_t k = tk->start; k < tk->end; k++) {
        char c = t->src[k];
        if (c == '.' || c == '!' || c == '?') return 2;
        if (c == ',' || c == ';' || c == ':') b = 1;
    }
    return b;
}

/* Next word token after i (skipping handles), or t->n. */
static size_t next_word(const wc_text *t, size_t i)
{
    for (size_t j = i + 1; j < t->n; j++) {
        if (t->tok[j].kind == WC_TOK_HANDLE) continue;
        return (is_word(&t->tok[j])) ? j : t->n;
    }
    return t->n;
}

/* ---- phrases ------------------------------------------------------------- */

/* Does phrase word `w` (wlen bytes) match token j? */
static int phrase_word_matches(const wc_text *t, size_t j, const char *w, size_t wlen)
{
    const wc_token *tk = &t->tok[j];
    const char *k = wc_key(t, j);
    if (wlen == 1 && w[0] == '*') return tk->kind == WC_TOK_WORD || tk->kind == WC_TOK_NUMBER;
    if (wlen == 1 && w[0] == '#')
        return tk->kind == WC_TOK_NUMBER ||
               (tk->kind == WC_TOK_WORD && k[0] >= '0' && k[0] <= '9');
    if (tk->kind != WC_TOK_WORD) return 0;
    if (w[wlen - 1] == '*') return tk->key_len >= wlen - 1 && same_bytes(k, w, wlen - 1);
    return tk->key_len == wlen && same_bytes(k, w, wlen);
}

/* Matches the phrase words s[0..end) against the tokens from j on, of a
 * phrase that starts at token i; returns the index after the last matched
 * token, or 0. Handles between the words are skipped. */
static size_t phrase_words_at(const wc_text *t, size_t i, size_t j, const char *s, const char *end)
{
    while (s < end) {
        while (j < t->n && t->tok[j].kind == WC_TOK_HANDLE && j > i) j++;
        if (j >= t->n) return 0;
        /* a word (or stem*) needs a word token with the same first byte */
        if (s[0] != '*' && s[0] != '#' && (t->tok[j].kind != WC_TOK_WORD || wc_key(t, j)[0] != s[0]))
            return 0;
        const char *sp = s;
        while (sp < end && *sp != ' ') sp++;
        size_t wlen = (size_t)(sp - s);
        if (!phrase_word_matches(t, j, s, wlen)) return 0;
        j++;
        s = sp < end ? sp + 1 : end;
    }
    return j;
}

/* Matches phrase p starting at token i; returns the index after the last
 * matched token, or 0. */
static size_t phrase_at(const wc_text *t, size_t i, const wc_lex_phrase *p)
{
    const char *s = wc_lex_strings + p->off;
    return phrase_words_at(t, i, i, s, s + p->len);
}

/* The longest phrase starting at token i; *end gets the index after it. */
static const wc_lex_phrase *find_phrase(const wc_text *t, size_t i, size_t *end)
{
    const wc_lex_phrase *best = NULL;
    size_t best_end = 0;
    const wc_token *tk = &t->tok[i];
    /* phrases opening with a wildcard sort first ('#' and '*' < letters) */
    for (size_t p = 0; p < wc_lex_phrases_n; p++) {
        const char c = wc_lex_strings[wc_lex_phrases[p].off];
        if (c != '#' && c != '*') break;
        size_t e = phrase_at(t, i, &wc_lex_phrases[p]);
        if (e > best_end) { best = &wc_lex_phrases[p]; best_end = e; }
    }
    if (tk->kind == WC_TOK_WORD) {
        const char *k = wc_key(t, i);
        size_t klen = tk->key_len, lo = 0, hi = wc_lex_phrases_n;
        while (lo < hi) { /* lower bound of k */
            size_t mid = lo + (hi - lo) / 2;
            if (cmp_key(wc_lex_strings + wc_lex_phrases[mid].off, wc_lex_phrases[mid].len, k, klen) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t p = lo; p < wc_lex_phrases_n; p++) {
            const wc_lex_phrase *ph = &wc_lex_phrases[p];
            const char *s = wc_lex_strings + ph->off;
            if (ph->len < klen || !same_bytes(s, k, klen)) break;
            if (ph->len > klen && s[klen] != ' ') continue;
            /* its first word is this token's key: match the rest */
            size_t e = ph->len == klen ? i + 1
                                       : phrase_words_at(t, i, i + 1, s + klen + 1, s + ph->len);
            if (e > best_end) { best = ph; best_end = e; }
        }
    }
    *end = best_end;
    return best;
}

/* ---- the pass ------------------------------------------------------------ */

static void sentiment(state *st, size_t i, float w, const char *what)
{
    if (w > 0) {
        st->pos += w;
        if (!st->seen_neg) st->opening_pos += w;
        add_tok_cue(st, i, what, LBL_HAPPY);
    } else if (w < 0) {
        st->neg += -w;
        st->negctx += -w / 2;
        st->seen_neg = 1;
        add_tok_cue(st, i, what, LBL_ANGRY);
    }
}

/* A sentiment word at token i with lexicon weight w (applies negation and
 * intensifiers in scope). */
static void sentiment_word(state *st, size_t i, int w, int compound)
{
    float v = (float)w / 2.0f;
    const char *what = compound ? "compound" : "lexicon";
    if (st->intens_left > 0) {
        v *= 1.5f;
        st->f[F_INTENS] += 1;
        st->intens_left = 0;
    }
    if (st->neg_left > 0) {
        /* "niet slecht" is mild praise; "niet tevreden" a complaint */
        v = v > 0 ? -v : -v * 0.5f;
        st->neg_left = 0;
        add_tok_cue(st, st->neg_tok, "negation", v > 0 ? LBL_HAPPY : LBL_ANGRY);
        what = "negation";
    }
    sentiment(st, i, v, what);
}

static void profanity_at(state *st, size_t i, uint32_t u16_start, uint32_t u16_end)
{
    const wc_text *t = st->t;
    st->profane = 1;
    /* as an intensifier of praise: "tering lekker", "fucking vet", "kapot goed" */
    size_t j = next_word(t, i);
    for (int hop = 0; hop < 2 && j < t->n; hop++, j = next_word(t, j)) {
        word_info tmp;
        const word_info *wi = tok_info(st, j, &tmp);
        if ((wi->cats & WC_LX_SENT) && wi->weight > 0 && !(wi->cats & WC_LX_PROF)) {
            st->intens_left = 2;
            add_cue(st, u16_start, u16_end, "profanity", LBL_HAPPY);
            return;
        }
    }
    st->f[F_PROFANITY] += 1;
    st->negctx += 1;
    st->seen_neg = 1;
    add_cue(st, u16_start, u16_end, "profanity", LBL_ANGRY);
}

static void phrase_cue(state *st, const wc_lex_phrase *p, size_t i, size_t end)
{
    const wc_text *t = st->t;
    uint32_t a = t->tok[i].u16_start, b = t->tok[end - 1].u16_end;
    float w = p->weight;
    switch (p->label) {
    case WC_PH_SARCASM:
        st->sarc += w;
        st->ironic_pos += 1;
        add_cue(st, a, b, "sarcasm", LBL_ANGRY);
        break;
    case WC_PH_RHETORICAL:
        st->f[F_RHETORICAL] += w / 3;
        st->negctx += 1;
        st->seen_neg = 1;
        add_cue(st, a, b, "question", LBL_ANGRY);
        break;
    case WC_PH_QUESTION:
        st->f[F_QPHRASE] += w / 3;
        add_cue(st, a, b, "question", LBL_QUESTION);
        break;
    case WC_PH_HAPPY:
        if (st->neg_left > 0) {
            /* "niet goed geholpen", "geen klachten" is its own phrase */
            st->neg_left = 0;
            st->neg += w / 2;
            st->negctx += w / 2;
            st->seen_neg = 1;
            add_tok_cue(st, st->neg_tok, "negation", LBL_ANGRY);
            add_cue(st, a, b, "negation", LBL_ANGRY);
            break;
        }
        st->pos += w / 2;
        if (!st->seen_neg) st->opening_pos += w / 2;
        add_cue(st, a, b, "phrase", LBL_HAPPY);
        break;
    case WC_PH_ANGRY:
        st->neg += w / 2;
        st->negctx += w / 2;
        st->seen_neg = 1;
        add_cue(st, a, b, "phrase", LBL_ANGRY);
        break;
    default:
        st->f[F_NEUTRAL] += w / 2;
        add_cue(st, a, b, "phrase", LBL_NEUTRAL);
        break;
    }
}

/* Is token i the start of a question ("hoe ...", "kunnen jullie ...")? */
static int question_start(state *st, size_t i, const word_info *wi)
{
    const wc_text *t = st->t;
    size_t j = next_word(t, i);
    word_info nx = {0, 0, 0}, tmp;
    if (j < t->n) nx = *tok_info(st, j, &tmp);
    if (wi->cats & WC_LX_WH) {
        /* exclamations: "wat een service", "wat fijn", "hoe mooi", "what a day" */
        if (j < t->n) {
            const char *k = wc_key(t, j);
            if (strcmp(k, "een") == 0 || strcmp(k, "a") == 0 || strcmp(k, "an") == 0) return 0;
            if ((nx.cats & WC_LX_INTENS) || ((nx.cats & WC_LX_SENT) && nx.weight > 0)) return 0;
        }
        return 1;
    }
    if (!(wi->cats & WC_LX_QWORD) || j >= t->n) return 0;
    if (nx.cats & WC_LX_PRONOUN) return 2;
    /* verb first, then a noun or name: "werkt esim ook ...", "dekt ANWB ...";
     * not "zit met ...", "moet nog ..." (subject left out of a statement) */
    return (nx.cats & (WC_LX_FUNC_NL | WC_LX_FUNC_EN | WC_LX_SENT | WC_LX_NEGATOR)) ? 0 : 1;
}

static void hashtag(state *st, size_t i)
{
    const wc_text *t = st->t;
    const wc_token *tk = &t->tok[i];
    const char *k = wc_key(t, i) + 1;
    size_t klen = tk->key_len ? tk->key_len - 1 : 0;
    word_info wi;
    if (klen < 2) return;
    lookup_word(k, klen, 0, &wi);
    if (!(wi.cats & (WC_LX_SENT | WC_LX_PROF))) {
        /* CamelCase: #NooitMeerKPN -> look at the first part */
        const char *s = t->src + tk->start + 1;
        size_t n = tk->end - tk->start - 1, cut = 0;
        for (size_t b = 1; b < n && b < klen; b++)
            if (s[b] >= 'A' && s[b] <= 'Z' && s[b - 1] >= 'a' && s[b - 1] <= 'z') { cut = b; break; }
        if (cut >= 3) lookup_word(k, cut, 0, &wi);
    }
    if (wi.cats & WC_LX_PROF) profanity_at(st, i, tk->u16_start, tk->u16_end);
    if ((wi.cats & WC_LX_SENT) && wi.weight) {
        float v = (float)wi.weight / 2.0f * 1.5f; /* a hashtag is a verdict */
        sentiment(st, i, v, "hashtag");
    }
}

static void emoji(state *st, size_t i)
{
    const wc_text *t = st->t;
    const wc_token *tk = &t->tok[i];
    const wc_lex_emoji *e = find_emoji(first_cp(t->src + tk->start, tk->end - tk->start));
    if (!e) return;
    float w = (float)e->weight / 2.0f;
    switch (e->label) {
    case WC_EM_POS:
        st->f[F_EMOJI_POS] += w;
        if (!st->seen_neg) st->opening_pos += w / 2;
        add_tok_cue(st, i, "emoji", LBL_HAPPY);
        break;
    case WC_EM_NEG:
        st->f[F_EMOJI_NEG] += w;
        st->negctx += w;
        st->seen_neg = 1;
        add_tok_cue(st, i, "emoji", LBL_ANGRY);
        break;
    case WC_EM_SARC:
        st->sarc += w;
        st->sarc_emoji += w;
        st->f[F_EMOJI_NEG] += w / 2;
        add_tok_cue(st, i, "sarcasm", LBL_ANGRY);
        break;
    case WC_EM_QUESTION:
        st->f[F_EMOJI_Q] += w;
        add_tok_cue(st, i, "emoji", LBL_QUESTION);
        break;
    default:
        st->f[F_NEUTRAL] += w;
        add_tok_cue(st, i, "emoji", LBL_NEUTRAL);
        break;
    }
}

static void punct(state *st, size_t i)
{
    const wc_text *t = st->t;
    const wc_token *tk = &t->tok[i];
    size_t q = 0, x = 0;
    for (uint32_t b = tk->start; b < tk->end; b++) {
        if (t->src[b] == '?') q++;
        else if (t->src[b] == '!') x++;
    }
    if (q) {
        st->f[F_QMARK] = 1;
        add_tok_cue(st, i, "punctuation", LBL_QUESTION);
    }
    if ((q && x) || x >= 2 || q >= 3) { /* ?! !! ??? */
        st->f[F_EXCL] += 1;
        add_tok_cue(st, i, "punctuation", LBL_ANGRY);
    }
}

/* The next word (same clause) is praise. */
static int next_is_praise(state *st, size_t i)
{
    const wc_text *t = st->t;
    word_info tmp;
    if (i + 1 >= t->n || !is_word(&t->tok[i + 1])) return 0;
    const word_info *wi = tok_info(st, i + 1, &tmp);
    return (wi->cats & WC_LX_SENT) && wi->weight > 0;
}

static int is_quote_at(const char *s, size_t len)
{
    if (len >= 1 && (s[0] == '"' || s[0] == '\'')) return 1;
    /* U+2018/2019/201C/201D: E2 80 98/99/9C/9D */
    return len >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
           ((unsigned char)s[2] == 0x98 || (unsigned char)s[2] == 0x99 ||
            (unsigned char)s[2] == 0x9C || (unsigned char)s[2] == 0x9D);
}

/* One word in quotes with no spaces inside: een "slimme" meter. */
static int scare_quoted(const wc_text *t, size_t i)
{
    if (i == 0 || i + 1 >= t->n) return 0;
    const wc_token *a = &t->tok[i - 1], *w = &t->tok[i], *b = &t->tok[i + 1];
    if (a->kind != WC_TOK_PUNCT || b->kind != WC_TOK_PUNCT) return 0;
    if ((w->flags & WC_TF_SPACE_BEFORE) || (b->flags & WC_TF_SPACE_BEFORE)) return 0;
    size_t alen = a->end - a->start;
    const char *as = t->src + a->start;
    /* the opening quote is the last character of the token before */
    int open = is_quote_at(as + alen - 1, 1) || (alen >= 3 && is_quote_at(as + alen - 3, 3));
    return open && is_quote_at(t->src + b->start, b->end - b->start);
}

/* A negation that found no sentiment word: "geen voucher, geen water, niks"
 * is a complaint context (weak). */
static void unconsumed_negation(state *st)
{
    st->f[F_COMPLAINT] += 0.5f;
    st->negctx += 0.5f;
    add_tok_cue(st, st->neg_tok, "negation", LBL_ANGRY);
}

/* Word token i (not inside a phrase); returns its categories. */
static uint32_t word(state *st, size_t i, int sentence_start)
{
    const wc_text *t = st->t;
    const wc_token *tk = &t->tok[i];
    word_info tmp;
    word_info wi = *tok_info(st, i, &tmp);

    st->words++;
    if (wi.cats & (WC_LX_FUNC_NL | WC_LX_LANG_NL)) st->nl++;
    if (wi.cats & (WC_LX_FUNC_EN | WC_LX_LANG_EN)) st->en++;

    if (sentence_start && (wi.cats & WC_LX_GREETING)) return wi.cats; /* "Beste KLM," */
    if ((tk->flags & WC_TF_UPPER) && !(wi.cats & WC_LX_ACRONYM) && !(tk->flags & WC_TF_DIGIT)) {
        st->caps_words++;
        if (tk->key_len >= 5) st->caps_long++;
    }
    if ((tk->flags & WC_TF_ELONGATED) && (wi.cats & (WC_LX_SENT | WC_LX_PROF))) {
        st->f[F_INTENS] += 0.5f;
        add_tok_cue(st, i, "elongation", wi.weight > 0 ? LBL_HAPPY : LBL_ANGRY);
    }
    int qs = sentence_start ? question_start(st, i, &wi) : 0;
    if (qs) {
        /* 2: sentence start, 1: clause start ("..., is dat normaal");
         * a verb before a noun counts less than before a pronoun */
        float v = sentence_start == 2 ? 1.0f : 0.6f;
        if (qs == 1) v *= 0.6f;
        if (v > st->f[F_QSTART]) st->f[F_QSTART] = v;
        add_tok_cue(st, i, "question", LBL_QUESTION);
    }
    if (wi.cats & WC_LX_PROF) {
        profanity_at(st, i, tk->u16_start, tk->u16_end);
        return wi.cats;
    }
    if (wi.cats & WC_LX_CONTRAST) {
        /* what comes after "maar" weighs more */
        st->pos *= 0.5f;
        st->neg *= 0.5f;
        st->contrast_seen = 1;
        st->neg_left = 0;
        return wi.cats;
    }
    if (wi.cats & WC_LX_NEGATOR) {
        if (st->neg_left > 0) unconsumed_negation(st);
        st->neg_left = 4; /* scope: the next 3 words */
        st->neg_tok = (uint32_t)i;
        return wi.cats;
    }
    if (wi.cats & WC_LX_THANKS) {
        st->f[F_THANKS] += 1;
        add_tok_cue(st, i, "lexicon", LBL_HAPPY);
        if (!st->seen_neg) st->opening_pos += 1;
        if (wi.cats & WC_LX_SARCMARK) st->sarc += 0.5f;
        return wi.cats;
    }
    if ((wi.cats & WC_LX_SENT) && wi.weight < 0 && (wi.cats & WC_LX_INTENS) &&
        next_is_praise(st, i)) {
        st->intens_left = 2; /* "kapot goed", "bizar lekker" */
        return wi.cats;
    }
    if ((wi.cats & WC_LX_SENT) && wi.weight > 0 && scare_quoted(t, i)) {
        st->sarc += 1.5f; /* een "slimme" meter */
        st->ironic_pos += 0.5f;
        add_tok_cue(st, i, "sarcasm", LBL_ANGRY);
        return wi.cats;
    }
    if ((wi.cats & WC_LX_SENT) && wi.weight) {
        if ((wi.cats & WC_LX_SARCMARK) && st->words <= 3) st->sarc += 0.5f;
        sentiment_word(st, i, wi.weight, wi.compound);
        if (wi.cats & WC_LX_INTENS) st->intens_left = 2;
        return wi.cats;
    }
    if (wi.cats & WC_LX_INTENS) st->intens_left = 2;
    if (wi.cats & WC_LX_COMPLAINT) {
        st->f[F_COMPLAINT] += 0.5f;
        st->negctx += 0.5f;
        add_tok_cue(st, i, "lexicon", LBL_ANGRY);
    }
    if (wi.cats & WC_LX_VAGUE) st->f[F_NEUTRAL] += 0.5f;
    if (wi.cats & WC_LX_SARCMARK && st->words <= 3) st->sarc += 0.5f;
    return wi.cats;
}

/* Tries "k*t": word, '*' run, word, with no spaces. Returns tokens consumed (0 if none). */
static size_t obfuscation(state *st, size_t i)
{
    const wc_text *t = st->t;
    char pat[KEYBUF];
    size_t n = 0, j = i;
    /* quick reject: no run of '*'/'#' (3 at most) glued to this word */
    for (j = i + 1;; j++) {
        if (j >= t->n || (t->tok[j].flags & WC_TF_SPACE_BEFORE)) return 0;
        const wc_token *tk = &t->tok[j];
        if (tk->kind == WC_TOK_WORD) continue;
        if (tk->kind != WC_TOK_PUNCT || tk->end - tk->start > 3) return 0;
        int stars = 1;
        for (uint32_t b = tk->start; b < tk->end; b++)
            if (t->src[b] != '*' && t->src[b] != '#') stars = 0;
        if (!stars) return 0;
        break;
    }
    j = i;
    while (j < t->n && n + 8 < sizeof pat) {
        const wc_token *tk = &t->tok[j];
        if (j > i && (tk->flags & WC_TF_SPACE_BEFORE)) break;
        if (tk->kind == WC_TOK_WORD) {
            if (tk->key_len + n + 1 >= sizeof pat) break;
            memcpy(pat + n, wc_key(t, j), tk->key_len);
            n += tk->key_len;
        } else if (tk->kind == WC_TOK_PUNCT) {
            size_t len = tk->end - tk->start;
            int stars = 1;
            for (size_t b = 0; b < len; b++)
                if (t->src[tk->start + b] != '*' && t->src[tk->start + b] != '#') stars = 0;
            if (!stars || len > 3) break;
            for (size_t b = 0; b < len; b++) pat[n++] = '*';
        } else {
            break;
        }
        j++;
    }
    if (j - i < 2 || !memchr(pat, '*', n) || pat[0] == '*') return 0;
    if (!obfuscated_profanity(pat, n)) return 0;
    profanity_at(st, j - 1, t->tok[i].u16_start, t->tok[j - 1].u16_end);
    return j - i;
}

static void scan(state *st)
{
    const wc_text *t = st->t;
    int sentence_start = 2; /* 2 at a sentence start, 1 at a clause start, else 0 */
    size_t skip_until = 0;
    for (size_t i = 0; i < t->n; i++) {
        const wc_token *tk = &t->tok[i];
        if (tk->kind == WC_TOK_WORD) hashed_word(st, i);
        if (i < skip_until) continue;
        if (st->neg_left > 0 && is_word(tk) && --st->neg_left == 0) unconsumed_negation(st);
        if (st->intens_left > 0 && is_word(tk)) st->intens_left--;
        switch (tk->kind) {
        case WC_TOK_WORD:
        case WC_TOK_NUMBER: {
            size_t end = 0;
            const wc_lex_phrase *p = NULL;
            word_info tmp0;
            /* only a phrase's first word (or a number, for "# keer") starts one */
            if (tk->kind == WC_TOK_NUMBER || (wc_key(t, i)[0] >= '0' && wc_key(t, i)[0] <= '9') ||
                (tok_info(st, i, &tmp0)->cats & WC_LX_PHRASE))
                p = find_phrase(t, i, &end);
            if (p && (p->flags & 1) && end < t->n) {
                /* "nooit meer storing": the negation targets the next word */
                size_t j = next_word(t, end - 1);
                word_info tmp;
                if (j < t->n) {
                    const word_info *wi = tok_info(st, j, &tmp);
                    if ((wi->cats & WC_LX_SENT) && wi->weight) p = NULL;
                }
            }
            if (p) {
                if (sentence_start == 2 && p->label == WC_PH_QUESTION) st->f[F_QSTART] = 1;
                phrase_cue(st, p, i, end);
                st->words += (int)(end - i);
                skip_until = end;
                sentence_start = 0;
                break;
            }
            if (tk->kind == WC_TOK_NUMBER) { sentence_start = 0; break; }
            size_t used = obfuscation(st, i);
            if (used) { skip_until = i + used; sentence_start = 0; break; }
            if (!(word(st, i, sentence_start) & WC_LX_GREETING)) sentence_start = 0;
            break;
        }
        case WC_TOK_HASHTAG: hashtag(st, i); break;
        case WC_TOK_EMOJI: emoji(st, i); break;
        case WC_TOK_PUNCT: punct(st, i); break;
        default: break;
        }
        int bnd = boundary_of(t, i);
        if (bnd) {
            if (st->neg_left > 0) unconsumed_negation(st);
            st->neg_left = 0;
            st->intens_left = 0;
        }
        if (bnd == 2) sentence_start = 2;
        else if (bnd && !sentence_start) sentence_start = 1;
    }
    if (st->neg_left > 0) unconsumed_negation(st);
}

/* ---- decision ------------------------------------------------------------ */

static float clampf(float v, float lo, float hi) { return v < lo ? lo : (v > hi ? hi : v); }

/* Sarcasm: ironic praise whose real message is a complaint. */
static int is_sarcastic(const state *st)
{
    if (st->sarc >= 3 && st->negctx >= 1) return 1;           /* "top hoor" + a failure */
    if (st->sarc_emoji >= 1 && (st->opening_pos > 0 || st->ironic_pos > 0)) return 1; /* praise + 🙄 */
    if (st->sarc >= 2 && st->negctx >= 0.5f) return 1; /* "wat een service weer" + a failure */
    if (!st->contrast_seen && st->opening_pos >= 1 && st->negctx >= 1.5f && st->sarc >= 0.5f)
        return 1;                                              /* "Goh @NS, weer storing" */
    if (!st->contrast_seen && st->opening_pos >= 1.5f && st->negctx >= 2.5f) return 1;
    return 0;
}

static void finish_features(state *st, int sarcastic)
{
    float *f = st->f;
    float pos = st->pos;
    f[F_BIAS] = 1;
    if (sarcastic) {
        f[F_SARCASM] = 1;
        pos *= 0.2f;
        f[F_THANKS] = 0;
        f[F_EMOJI_POS] = 0;
    } else {
        pos += st->ironic_pos;
    }
    f[F_POS] = clampf(pos, 0, 4);
    f[F_NEG] = clampf(st->neg, 0, 4);
    f[F_CAPS] = (st->caps_long > 0 || st->caps_words >= 2) ? 1 : 0;
    if (st->caps_words >= 4) f[F_CAPS] = 2;
    f[F_PROFANITY] = clampf(f[F_PROFANITY], 0, 2);
    f[F_COMPLAINT] = clampf(f[F_COMPLAINT], 0, 3);
    f[F_EXCL] = clampf(f[F_EXCL], 0, 2);
    f[F_EMOJI_POS] = clampf(f[F_EMOJI_POS], 0, 3);
    f[F_EMOJI_NEG] = clampf(f[F_EMOJI_NEG], 0, 3);
    f[F_EMOJI_Q] = clampf(f[F_EMOJI_Q], 0, 2);
    f[F_THANKS] = clampf(f[F_THANKS], 0, 2);
    f[F_NEUTRAL] = clampf(f[F_NEUTRAL], 0, 2);
    f[F_RHETORICAL] = clampf(f[F_RHETORICAL], 0, 2);
    f[F_QPHRASE] = clampf(f[F_QPHRASE], 0, 2);
    f[F_INTENS] = clampf(f[F_INTENS], 0, 2);
    f[F_LONG] = clampf((float)st->words / 40.0f, 0, 1);
    f[F_SHORT] = st->words <= 2 ? 1 : 0;
}

/*
 * Priority 0..100 (angry and questions first):
 *   base      angry 60, question 50, neutral 20, happy 10
 *   + 8 x intensity (0..3)
 *   + 5 when profane, + 5 when shouting (caps)
 *   + reach: round(4 x log10(1 + reach)), at most 20 (1k followers +12, 100k +20)
 * capped at 100.
 */
static int priority_of(wc_mention_type type, int intensity, int profane, int caps, double reach)
{
    static const int base[WC_TYPE_COUNT] = {10, 20, 60, 50};
    double p = base[type] + 8 * intensity + (profane ? 5 : 0) + (caps ? 5 : 0);
    if (reach > 0) {
        double r = floor(4.0 * log10(1.0 + reach) + 0.5);
        p += r > 20 ? 20 : r;
    }
    return p > 100 ? 100 : (int)p;
}

static int intensity_of(const state *st, wc_mention_type type)
{
    const float *f = st->f;
    int n;
    if (type == WC_NEUTRAL) return 0;
    n = 1;
    if (type == WC_ANGRY && f[F_NEG] + f[F_EMOJI_NEG] + f[F_RHETORICAL] + f[F_COMPLAINT] >= 2.5f) n++;
    if (type == WC_HAPPY && f[F_POS] + f[F_EMOJI_POS] + f[F_THANKS] >= 2.5f) n++;
    if (f[F_CAPS] > 0 || f[F_EXCL] > 0 || f[F_INTENS] > 0) n++;
    if (type == WC_ANGRY && f[F_PROFANITY] > 0) n++;
    if (type == WC_QUESTION && n > 2) n = 2;
    return n > 3 ? 3 : n;
}

static void keep_evidence(const state *st, wc_classification *out)
{
    const char *want = wc_type_name(out->type);
    out->n_evidence = 0;
    /* first the cues for the chosen type, then the others, each in text order */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < st->n_cues && out->n_evidence < WC_MAX_EVIDENCE; i++) {
            const cue *c = &st->cues[i];
            int same = c->label == want || strcmp(c->label, want) == 0 ||
                       (out->type == WC_ANGRY && c->cue[0] == 's' && strcmp(c->cue, "sarcasm") == 0);
            if (same != (pass == 0)) continue;
            if (c->end <= c->start) continue;
            wc_evidence *ev = &out->evidence[out->n_evidence++];
            ev->start = c->start;
            ev->end = c->end;
            ev->cue = c->cue;
            ev->label = c->label;
        }
    }
    /* text order within the kept set (insertion sort: at most 16) */
    for (size_t i = 1; i < out->n_evidence; i++) {
        wc_evidence x = out->evidence[i];
        size_t j = i;
        while (j > 0 && out->evidence[j - 1].start > x.start) {
            out->evidence[j] = out->evidence[j - 1];
            j--;
        }
        out->evidence[j] = x;
    }
}

/* The classifier with options; `features` and `buckets` (may be NULL) receive
 * the model input: the cue features and the set of hashed-word buckets. */
static int classify_ex(const char *text, size_t len, double reach, wc_classification *out,
                       float *features, uint32_t *buckets)
{
    wc_text t;
    state st;
    /* tokens and keys of a mention (up to ~400 bytes) stay on the stack */
    wc_token tokbuf[TOKBUF];
    char keybuf[TOKBUF * 5];
    size_t err_at = 0;
    int rc;
    if (!out || (!text && len)) return WEBCARE_ERROR_NULL;
    memset(out, 0, sizeof *out);
    rc = wc_tokenize_in(text ? text : "", len, &t, &err_at, tokbuf, TOKBUF, keybuf, sizeof keybuf);
    if (rc) goto cleanup;

    memset(&st, 0, STATE_CLEAR);
    st.t = &t;
    scan(&st);
    int sarcastic = is_sarcastic(&st);
    finish_features(&st, sarcastic);

    double s[WC_NCLASS] = {0}, mx = -1e30, sum = 0;
    int best = 0;
    /* the linear model over the (few) non-zero features, in feature order:
     * a zero feature would add +-0, which changes no sum */
    for (int k = 0; k < WC_NFEAT; k++) {
        if (st.f[k] == 0) continue;
        for (int c = 0; c < WC_NCLASS; c++) s[c] += (double)wc_model_w[c][k] * st.f[k];
    }
    for (int c = 0; c < WC_NCLASS; c++) {
        double v = s[c] + (double)wc_model_hscale * st.hsum[c];
        s[c] = v;
        if (v > mx) { mx = v; best = c; }
    }
    if (sarcastic) best = WC_ANGRY; /* ironic praise is a complaint */
    for (int c = 0; c < WC_NCLASS; c++) sum += exp(s[c] - mx);
    out->type = (wc_mention_type)best;
    out->confidence = exp(s[best] - mx) / sum;
    out->sarcasm = sarcastic;
    out->profanity = st.profane;
    /* language by function words (and lexicon hits); Dutch is the default market */
    if (st.en > st.nl) out->language = WC_LANG_EN;
    else if (st.nl == 0 && st.en == 0 && st.words >= 6) out->language = WC_LANG_OTHER;
    else out->language = WC_LANG_NL;
    out->intensity = intensity_of(&st, out->type);
    out->priority = priority_of(out->type, out->intensity, st.profane, st.f[F_CAPS] > 0, reach);
    word_cues(&st, best);
    keep_evidence(&st, out);
    if (features) memcpy(features, st.f, sizeof st.f);
    if (buckets) memcpy(buckets, st.hseen, sizeof st.hseen);

cleanup:
    wc_text_free(&t);
    return rc;
}

int wc_classify(const char *text, size_t len, wc_classification *out)
{
    return classify_ex(text, len, 0, out, NULL, NULL);
}

int wc_classify_reach(const char *text, size_t len, double reach, wc_classification *out)
{
    return classify_ex(text, len, reach, out, NULL, NULL);
}

static const char *language_name(wc_language l)
{
    return l == WC_LANG_NL ? "nl" : (l == WC_LANG_EN ? "en" : "other");
}

int wc_op_classify(webcare_engine *eng, const cJSON *req, cJSON *result, wc_err *e)
{
    (void)eng;
    const char *s;
    size_t n;
    double reach = 0;
    int want_features = 0;
    float feats[F_COUNT];
    uint32_t buckets[WC_NHASH / 32];
    wc_classification c;
    int rc = wc_get_text(req, "text", 1, &s, &n, e);
    if (rc) return rc;
    const cJSON *opts = cJSON_GetObjectItemCaseSensitive(req, "options");
    if (opts && !cJSON_IsNull(opts)) {
        if (!cJSON_IsObject(opts))
            return wc_fail(e, WEBCARE_ERROR_BAD_REQUEST, -1, "\"options\" must be an object");
        const cJSON *r = cJSON_GetObjectItemCaseSensitive(opts, "reach");
        if (r && !cJSON_IsNull(r)) {
            if (!cJSON_IsNumber(r) || !(r->valuedouble >= 0))
                return wc_fail(e, WEBCARE_ERROR_BAD_REQUEST, -1,
                               "\"options.reach\" must be a number >= 0");
            reach = r->valuedouble;
        }
        want_features = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(opts, "features"));
    }
    rc = classify_ex(s, n, reach, &c, feats, buckets);
    if (rc) return wc_fail(e, rc, -1, "%s", webcare_strerror(rc));

    cJSON_AddStringToObject(result, "type", wc_type_name(c.type));
    wc_add_number2(result, "confidence", c.confidence);
    cJSON_AddNumberToObject(result, "intensity", c.intensity);
    cJSON_AddStringToObject(result, "language", language_name(c.language));
    cJSON_AddBoolToObject(result, "profanity", c.profanity);
    cJSON_AddBoolToObject(result, "sarcasm", c.sarcasm);
    cJSON_AddNumberToObject(result, "priority", c.priority);
    cJSON *ev = cJSON_AddArrayToObject(result, "evidence");
    for (size_t i = 0; ev && i < c.n_evidence; i++) {
        cJSON *o = cJSON_CreateObject();
        if (!o) return wc_fail(e, WEBCARE_ERROR_NOMEM, -1, "out of memory");
        cJSON_AddItemToArray(ev, o);
        cJSON_AddNumberToObject(o, "start", c.evidence[i].start);
        cJSON_AddNumberToObject(o, "end", c.evidence[i].end);
        cJSON_AddStringToObject(o, "cue", c.evidence[i].cue);
        cJSON_AddStringToObject(o, "label", c.evidence[i].label);
    }
    if (want_features) {
        cJSON *fo = cJSON_AddObjectToObject(result, "features");
        for (int k = 0; fo && k < F_COUNT; k++) wc_add_number2(fo, wc_feature_names[k], feats[k]);
        /* the hashed-word buckets present, ascending (for the trainer) */
        cJSON *wo = cJSON_AddArrayToObject(result, "buckets");
        for (unsigned b = 0; wo && b < WC_NHASH; b++) {
            if (!(buckets[b >> 5] & (1u << (b & 31)))) continue;
            cJSON *num = cJSON_CreateNumber(b);
            if (!num) return wc_fail(e, WEBCARE_ERROR_NOMEM, -1, "out of memory");
            cJSON_AddItemToArray(wo, num);
        }
        if (!fo || !wo) return wc_fail(e, WEBCARE_ERROR_NOMEM, -1, "out of memory");
    }
    return 0;
}
