/* rules.c — rule packs: matcher over token keys, and the team-pack loader
 * (JSON -> the same compiled form the generator emits for the default pack).
 * The pattern language is described in rules.h and core/rules/README.md. */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "internal.h"

/* FNV-1a folded to 16 bits: the default pack's sorted alternatives and word
 * index ship in the WASM, where random 32-bit values cost their full size
 * even gzipped. Every hash hit is confirmed on the bytes (or only adds a
 * candidate), so a collision never changes an answer. Never 0 (0 = "no
 * 3-byte prefix" in wc_doc.h3). */
uint32_t wc_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    h = (h ^ (h >> 16)) & 0xffffu;
    return h ? h : 1u;
}

static const char *const CHECK_NAMES[WC_CHECK_COUNT] = {
    "phrase",       "greeting",     "thanks",        "apology-excess", "empathy-first",
    "answer-question", "follow-up-question", "sign-off", "shouting",    "emoji-tone",
    "register-mix", "privacy",      "length",        "required",       "brand",
    "dt-spelling",  "confusion",    "readability",
};

const char *wc_check_name(int check)
{
    return (check >= 0 && check < WC_CHECK_COUNT) ? CHECK_NAMES[check] : "phrase";
}

const char *wc_severity_name(int sev)
{
    return sev == WC_SEV_ERROR ? "error" : sev == WC_SEV_INFO ? "info" : "warning";
}

/* ---- documents ------------------------------------------------------- */

static int is_sentence_end(const wc_text *t, size_t i)
{
    const wc_token *k = &t->tok[i];
    if (k->kind == WC_TOK_BREAK) return 1;
    if (k->kind != WC_TOK_PUNCT) return 0;
    for (uint32_t b = k->start; b < k->end; b++) {
        char c = t->src[b];
        if (c == '.' || c == '!' || c == '?' || c == ';') return 1;
        if ((unsigned char)c == 0xE2 && b + 2 < k->end && (unsigned char)t->src[b + 1] == 0x80 &&
            (unsigned char)t->src[b + 2] == 0xA6)
            return 1; /* … */
    }
    return 0;
}

static void set_add(wc_doc *d, uint32_t h)
{
    h |= 1u; /* 0 marks an empty cell */
    size_t i = (h * 2654435761u) & d->set_mask;
    while (d->set[i] && d->set[i] != h) i = (i + 1) & d->set_mask;
    d->set[i] = h;
}

static int set_has(const wc_doc *d, uint32_t h)
{
    h |= 1u;
    size_t i = (h * 2654435761u) & d->set_mask;
    while (d->set[i]) {
        if (d->set[i] == h) return 1;
        i = (i + 1) & d->set_mask;
    }
    return 0;
}

/* The hash index cell of h (inserted with first = UINT32_MAX, count 0 when
 * `add`), or NULL. */
static uint32_t *ix_cell_of(const wc_doc *d, uint32_t h, int add)
{
    h |= 1u;
    size_t k = (h * 2654435761u) & d->ix_mask;
    while (d->ix[3 * k] && d->ix[3 * k] != h) k = (k + 1) & d->ix_mask;
    uint32_t *c = &d->ix[3 * k];
    if (!c[0]) {
        if (!add) return NULL;
        c[0] = h;
        c[1] = UINT32_MAX;
    }
    return c;
}

/* The tokens whose hash is h, ascending (*n of them). */
static const uint32_t *ix_run(const wc_doc *d, uint32_t h, size_t *n)
{
    const uint32_t *c = d->ix ? ix_cell_of(d, h, 0) : NULL;
    *n = c ? c[2] : 0;
    return c ? d->ipos + c[1] : NULL;
}

/* Appends token i to the list of its cell (first use of a cell takes the
 * next `*used` places). */
static void ix_put(wc_doc *d, uint32_t h, uint32_t i, uint32_t *used, uint32_t *fill)
{
    uint32_t *c = ix_cell_of(d, h, 0);
    if (c[1] == UINT32_MAX) {
        c[1] = *used;
        *used += c[2];
    }
    d->ipos[c[1] + fill[(size_t)(c - d->ix) / 3]++] = i;
}

/* The bloom bits, the hash set and the hash index (loaded packs). */
static int doc_hashes(wc_doc *d)
{
    size_t nt = d->t.n, cap = 64, icap = 64;
    while (cap < 8 * nt + 8) cap *= 2;   /* up to 4 hashes per token, load <= 1/2 */
    while (icap < 4 * nt + 4) icap *= 2; /* 2 hashes per token, load <= 1/2 */
    d->set = calloc(cap + 4 * icap + 2 * nt, sizeof *d->set);
    if (!d->set) return WEBCARE_ERROR_NOMEM;
    d->set_mask = cap - 1;
    d->ix = d->set + cap;
    d->ix_mask = icap - 1;
    uint32_t *fill = d->ix + 3 * icap; /* per cell: its tokens placed so far */
    d->ipos = fill + icap;
    for (size_t i = 0; i < nt; i++) {
        const wc_token *tk = &d->t.tok[i];
        wc_bloom_add(d->bloom, d->h[i]);
        set_add(d, d->h[i]);
        if (tk->kind == WC_TOK_WORD && tk->key_len >= 3) {
            wc_bloom_add(d->bloom, d->h3[i]);
            set_add(d, d->h3[i]);
        }
        if (tk->flags & WC_TF_ELONGATED) {
            char buf[64];
            wc_bloom_add(d->bloom, d->hs[i]);
            set_add(d, d->hs[i]);
            size_t m = wc_squeeze(wc_key(&d->t, i), buf, sizeof buf, 2);
            wc_bloom_add(d->bloom, wc_hash(buf, m));
            set_add(d, wc_hash(buf, m));
        }
        ix_cell_of(d, d->h[i], 1)[2]++;
        if (tk->kind == WC_TOK_WORD && d->h3[i]) ix_cell_of(d, d->h3[i] ^ 0x5bd1e995u, 1)[2]++;
    }
    uint32_t used = 0;
    for (size_t i = 0; i < nt; i++) {
        ix_put(d, d->h[i], (uint32_t)i, &used, fill);
        if (d->t.tok[i].kind == WC_TOK_WORD && d->h3[i]) ix_put(d, d->h3[i] ^ 0x5bd1e995u, (uint32_t)i, &used, fill);
    }
    return 0;
}

int wc_doc_init(wc_doc *d, const char *s, size_t n, int hashes, size_t *err_at)
{
    memset(d, 0, sizeof *d);
    int rc = wc_tokenize(s, n, &d->t, err_at);
    if (rc) return rc;
    size_t nt = d->t.n;
    d->h = malloc((7 * nt + 2) * sizeof *d->h);
    if (!d->h) return WEBCARE_ERROR_NOMEM;
    d->hs = d->h + nt;
    d->h3 = d->hs + nt;
    d->odd = d->h3 + nt;
    d->kpos = d->odd + nt;
    d->fpos = d->kpos + nt;
    d->sent = d->fpos + nt;
    size_t ns = 0;
    uint64_t fb_seen[4] = {0, 0, 0, 0}; /* first bytes of words of 5+ bytes */
    d->sent[0] = 0;
    for (size_t i = 0; i < nt; i++) {
        const wc_token *tk = &d->t.tok[i];
        const char *key = wc_key(&d->t, i);
        size_t kl = tk->key_len;
        d->h[i] = wc_hash(key, kl);
        d->hs[i] = d->h[i];
        d->h3[i] = kl >= 3 ? wc_hash(key, 3) : 0;
        if (tk->flags & WC_TF_ELONGATED) {
            char buf[64];
            d->hs[i] = wc_hash(buf, wc_squeeze(key, buf, sizeof buf, 1));
        }
        if (tk->flags & WC_TF_ELONGATED) d->odd[d->n_odd++] = (uint32_t)i;
        d->kind_off[tk->kind + 1]++;
        if (tk->kind == WC_TOK_WORD && kl >= 5) {
            unsigned char fb = (unsigned char)key[0];
            d->fb_cnt[fb]++;
            fb_seen[fb >> 6] |= 1ull << (fb & 63);
            d->fb_letters |= fb >= 'a' && fb <= 'z' ? 1u << (fb - 'a') : 1u << 26;
        }
        if (is_sentence_end(&d->t, i)) {
            /* a run of ends ("?!" then a break) closes one sentence */
            if (i + 1 < nt && is_sentence_end(&d->t, i + 1)) continue;
            d->sent[++ns] = (uint32_t)(i + 1);
        }
    }
    if (d->sent[ns] != nt) d->sent[++ns] = (uint32_t)nt;
    d->n_sent = ns;
    /* the token lists by kind and by first byte (counted above) */
    uint32_t kfill[WC_TOK_KIND_COUNT] = {0}, ffill[256] = {0};
    for (int k = 0; k < WC_TOK_KIND_COUNT; k++) d->kind_off[k + 1] += d->kind_off[k];
    uint32_t used = 0;
    for (int w = 0; w < 4; w++)
        for (uint64_t m = fb_seen[w]; m; m &= m - 1) {
            int b = 64 * w + __builtin_ctzll(m);
            d->fb_start[b] = used;
            used += d->fb_cnt[b];
        }
    for (size_t i = 0; i < nt; i++) {
        const wc_token *tk = &d->t.tok[i];
        d->kpos[d->kind_off[tk->kind] + kfill[tk->kind]++] = (uint32_t)i;
        if (tk->kind == WC_TOK_WORD && tk->key_len >= 5) {
            unsigned char fb = (unsigned char)wc_key(&d->t, i)[0];
            d->fpos[d->fb_start[fb] + ffill[fb]++] = (uint32_t)i;
        }
    }
    return hashes ? doc_hashes(d) : 0;
}

void wc_doc_free(wc_doc *d)
{
    if (!d) return;
    wc_text_free(&d->t);
    free(d->h);
    free(d->set);
    for (int k = 0; k < 2; k++) {
        free(d->cache[k].bits ? (void *)d->cache[k].bits : (void *)d->cache[k].range);
        free(d->cache[k].ent);
    }
    memset(d->cache, 0, sizeof d->cache);
    d->h = d->hs = d->h3 = d->sent = d->set = d->ix = d->ipos = NULL;
}

int wc_alt_order(const void *a, const void *b)
{
    static const int rank[4] = {0, 1, 3, 2}; /* word, prefix, class, suffix */
    const wc_alt *x = a, *y = b;
    if (x->kind != y->kind) return rank[x->kind & 3] < rank[y->kind & 3] ? -1 : 1;
    if (x->h != y->h) return x->h < y->h ? -1 : 1;
    if (!x->w || !y->w) return 0;
    return strcmp(x->w, y->w);
}

/* ---- matching --------------------------------------------------------- */

static int has_byte(const wc_text *t, size_t i, char c)
{
    for (uint32_t b = t->tok[i].start; b < t->tok[i].end; b++)
        if (t->src[b] == c) return 1;
    return 0;
}

static int class_match(const wc_doc *d, size_t i, uint32_t cls)
{
    const wc_token *k = &d->t.tok[i];
    switch (cls) {
    case WC_CLASS_NUM: return k->kind == WC_TOK_NUMBER;
    case WC_CLASS_TIME: {
        if (k->kind != WC_TOK_NUMBER) return 0;
        const char *key = wc_key(&d->t, i);
        size_t n = k->key_len, p = 0;
        while (p < n && key[p] >= '0' && key[p] <= '9') p++;
        if (p < 1 || p > 2 || p >= n || (key[p] != ':' && key[p] != '.')) return 0;
        size_t q = p + 1, m = 0;
        while (q < n && key[q] >= '0' && key[q] <= '9') { q++; m++; }
        return m == 2 && q == n;
    }
    case WC_CLASS_URL: return k->kind == WC_TOK_URL;
    case WC_CLASS_EMAIL: return k->kind == WC_TOK_EMAIL;
    case WC_CLASS_HANDLE: return k->kind == WC_TOK_HANDLE;
    case WC_CLASS_HASHTAG: return k->kind == WC_TOK_HASHTAG;
    case WC_CLASS_EMOJI: return k->kind == WC_TOK_EMOJI;
    case WC_CLASS_QMARK: return k->kind == WC_TOK_PUNCT && has_byte(&d->t, i, '?');
    case WC_CLASS_EXCL: {
        if (k->kind != WC_TOK_PUNCT) return 0;
        int run = 0;
        for (uint32_t b = k->start; b < k->end; b++) {
            run = d->t.src[b] == '!' ? run + 1 : 0;
            if (run >= 2) return 1;
        }
        return 0;
    }
    case WC_CLASS_CODE: {
        if (k->kind != WC_TOK_NUMBER && k->kind != WC_TOK_WORD && k->kind != WC_TOK_HASHTAG) return 0;
        if (class_match(d, i, WC_CLASS_TIME)) return 0;
        const char *key = wc_key(&d->t, i);
        int digits = 0;
        for (uint32_t b = 0; b < k->key_len; b++) digits += key[b] >= '0' && key[b] <= '9';
        return digits >= 4;
    }
    case WC_CLASS_CAPS:
        return k->kind == WC_TOK_WORD && (k->flags & WC_TF_UPPER) && !(k->flags & WC_TF_DIGIT);
    default: return 0;
    }
}

/* Damerau-Levenshtein distance <= 1, same first byte. */
static int near1(const char *a, size_t la, const char *b, size_t lb)
{
    if (la + 1 < lb || lb + 1 < la || la == 0 || lb == 0 || a[0] != b[0]) return 0;
    size_t i = 0;
    while (i < la && i < lb && a[i] == b[i]) i++;
    if (i == la && i == lb) return 1;
    if (la == lb) {
        if (memcmp(a + i + 1, b + i + 1, la - i - 1) == 0) return 1; /* substitution */
        return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
               memcmp(a + i + 2, b + i + 2, la - i - 2) == 0; /* transposition */
    }
    if (la > lb) return memcmp(a + i + 1, b + i, lb - i) == 0;
    return memcmp(a + i, b + i + 1, la - i) == 0;
}

int wc_tok_match_alt(const wc_doc *d, size_t i, const wc_alt *a, int typos)
{
    const wc_token *k = &d->t.tok[i];
    if (k->kind == WC_TOK_BREAK) return 0;
    const char *key = wc_key(&d->t, i);
    switch (a->kind) {
    case WC_ALT_WORD:
        if (d->h[i] == a->h && k->key_len == a->len && memcmp(key, a->w, a->len) == 0) return 1;
        if (d->hs[i] == a->h && (k->flags & WC_TF_ELONGATED)) {
            char buf[64];
            size_t m = wc_squeeze(key, buf, sizeof buf, 1);
            if (m == a->len && memcmp(buf, a->w, m) == 0) return 1;
        }
        if (k->flags & WC_TF_ELONGATED) {
            char buf[64];
            size_t m = wc_squeeze(key, buf, sizeof buf, 2);
            if (m == a->len && memcmp(buf, a->w, m) == 0) return 1;
        }
        return typos && a->len >= 6 && k->key_len >= 5 && k->kind == WC_TOK_WORD &&
               near1(key, k->key_len, a->w, a->len);
    case WC_ALT_PREFIX:
        return k->key_len >= a->len && memcmp(key, a->w, a->len) == 0;
    case WC_ALT_SUFFIX:
        return k->key_len >= a->len && memcmp(key + k->key_len - a->len, a->w, a->len) == 0;
    case WC_ALT_CLASS: return class_match(d, i, a->h);
    default: return 0;
    }
}

/* First index in alts[lo, hi) with hash >= h (they are sorted by hash). */
static size_t lower_bound(const wc_alt *alts, size_t lo, size_t hi, uint32_t h)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (alts[mid].h < h) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* Counts one token the matcher looks at (wc_doc.steps; the document is the
 * caller's, only this counter and the per-pack cache change during matching). */
static void step(const wc_doc *d) { ((wc_doc *)d)->steps++; }

static int slot_match(const wc_pack *p, const wc_slot *s, const wc_doc *d, size_t i, int typos)
{
    const wc_token *k = &d->t.tok[i];
    step(d);
    if (k->kind == WC_TOK_BREAK) return 0;
    const wc_alt *alts = p->alts + s->alt;
    size_t nw = s->n_word, np = s->n_prefix;
    uint32_t keys[2] = {d->h[i], d->hs[i]};
    for (int q = 0; q < ((k->flags & WC_TF_ELONGATED) ? 2 : 1); q++)
        for (size_t a = lower_bound(alts, 0, nw, keys[q]); a < nw && alts[a].h == keys[q]; a++)
            if (wc_tok_match_alt(d, i, &alts[a], 0)) return 1;
    if (np && d->h3[i])
        for (size_t a = lower_bound(alts, nw, nw + np, d->h3[i]); a < nw + np && alts[a].h == d->h3[i]; a++)
            if (wc_tok_match_alt(d, i, &alts[a], 0)) return 1;
    for (size_t a = nw + np; a < s->n_alt; a++) /* suffixes, classes */
        if (wc_tok_match_alt(d, i, &alts[a], 0)) return 1;
    if (k->flags & WC_TF_ELONGATED)
        for (size_t a = 0; a < nw; a++) /* squeezed to 2 letters */
            if (wc_tok_match_alt(d, i, &alts[a], 0)) return 1;
    if (typos && k->kind == WC_TOK_WORD && k->key_len >= 5) {
        const char *key = wc_key(&d->t, i);
        size_t kl = k->key_len;
        for (size_t a = 0; a < nw; a++) { /* one typo away (words of 6+ letters) */
            const wc_alt *al = &alts[a];
            if (al->len >= 6 && al->w[0] == key[0] && (size_t)al->len + 1 >= kl && al->len <= kl + 1 &&
                near1(key, kl, al->w, al->len))
                return 1;
        }
    }
    return 0;
}

/* Positions k.. of sequence q from token pos on (before hi): the first way
 * through in search order, its end in *end. With gaps the search branches
 * (up to gap + 1 ways per position): `memo`, when not NULL, remembers the
 * (k, pos) pairs that cannot complete, per k in a ring of 128 positions
 * tagged pos + 1, so a search over a sentence tries each pair once instead
 * of exponentially often ("a {9} a {9} … b" on "a a a … b"). A pair's answer
 * depends only on (k, pos), so the first match found is the same. */
#define WC_MEMO_RING 128
static int seq_rest(const wc_pack *p, const wc_seq *q, uint16_t k, const wc_doc *d, size_t pos,
                    size_t hi, int typos, size_t *end, uint32_t (*memo)[WC_MEMO_RING])
{
    if (k == q->n_slot) {
        *end = pos;
        return 1;
    }
    uint32_t *cell = memo ? &memo[k][pos % WC_MEMO_RING] : NULL;
    if (cell && *cell == pos + 1) return 0;
    const wc_slot *s = &p->slots[q->slot + k];
    for (size_t j = pos; j < hi && j <= pos + s->gap; j++)
        if (slot_match(p, s, d, j, typos) && seq_rest(p, q, (uint16_t)(k + 1), d, j + 1, hi, typos, end, memo))
            return 1;
    if (cell) *cell = (uint32_t)(pos + 1);
    return 0;
}

/* Does searching q from one start try more than 256 (k, pos) pairs in the
 * worst case (sum over k of the product of gap + 1)? */
static int seq_branchy(const wc_pack *p, const wc_seq *q)
{
    uint32_t ways = 1, total = 0;
    for (uint16_t k = 1; k < q->n_slot && total <= 256; k++) {
        ways *= p->slots[q->slot + k].gap + 1u;
        if (ways > 256) return 1;
        total += ways;
    }
    return total > 256;
}

/* First k in the ascending a[0 .. n) with a[k] >= from. */
static size_t lower_u32(const uint32_t *a, size_t n, size_t from)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a[mid] < from) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* Appends the entries of the ascending list a[0 .. n) that lie in [from, hi);
 * 0 when that overflows cap. */
static int add_run(const wc_doc *d, const uint32_t *a, size_t n, size_t from, size_t hi, uint32_t *out, size_t *m,
                   size_t cap)
{
    for (size_t k = a ? lower_u32(a, n, from) : n; k < n && a[k] < hi; k++) {
        step(d);
        if (*m == cap) return 0;
        out[(*m)++] = a[k];
    }
    return 1;
}

/* The tokens offering a word of slot s (word index), ascending; *n of them. */
static const uint32_t *slot_run(const struct wc_doc_cache *dc, size_t s, size_t *n)
{
    int on = (dc->bits[s >> 6] >> (s & 63)) & 1;
    *n = on ? dc->cnt[s] : 0;
    return on ? dc->ent + dc->off[s] : NULL;
}

/* Candidate start tokens in [from, hi) for a first slot, sorted (may hold
 * duplicates); returns the count, or SIZE_MAX to scan instead (suffixes,
 * #code/#caps, too many candidates). */
static size_t candidates(const wc_pack *p, const wc_slot *s0, const wc_doc *d, size_t from, size_t hi,
                         int typos, uint32_t *out, size_t cap, const struct wc_doc_cache *dc)
{
    size_t n = 0;
    uint64_t fb_done[4] = {0, 0, 0, 0}; /* first bytes whose chain is in already */
    if (dc) { /* exact words and prefixes from the word index's per-slot list */
        size_t m;
        const uint32_t *run = slot_run(dc, (size_t)(s0 - p->slots), &m);
        if (!add_run(d, run, m, from, hi, out, &n, cap)) return SIZE_MAX;
    }
    /* With the word index, its list has the exact words and prefixes: a
     * word only adds its first letter's long words (typos), then the loop
     * starts past the prefixes. Without it, words and prefixes come from
     * the hash index (without one, the sentence is scanned instead). */
    if (dc && typos) {
        /* the slot's first letters a-z of words of 6+ bytes (bit 26: another
         * first byte; bit 31: known), once per call */
        uint32_t *tl = &dc->tfb[s0 - p->slots];
        if (!*tl) {
            *tl = 1u << 31;
            for (uint16_t a = 0; a < s0->n_word; a++) {
                const wc_alt *al = &p->alts[s0->alt + a];
                unsigned char fb = (unsigned char)al->w[0];
                if (al->len >= 6) *tl |= fb >= 'a' && fb <= 'z' ? 1u << (fb - 'a') : 1u << 26;
            }
        }
        for (uint32_t m = *tl & d->fb_letters & ((1u << 26) - 1); m; m &= m - 1) {
            unsigned char fb = (unsigned char)('a' + __builtin_ctz(m));
            if (!add_run(d, d->fpos + d->fb_start[fb], d->fb_cnt[fb], from, hi, out, &n, cap)) return SIZE_MAX;
        }
    }
    if (dc && typos && (dc->tfb[s0 - p->slots] & d->fb_letters & (1u << 26)))
        for (uint16_t a = 0; a < s0->n_word; a++) { /* first bytes other than a-z */
            const wc_alt *al = &p->alts[s0->alt + a];
            unsigned char fb = (unsigned char)al->w[0];
            if (fb >= 'a' && fb <= 'z') continue;
            if (al->len >= 6 && !((fb_done[fb >> 6] >> (fb & 63)) & 1)) {
                fb_done[fb >> 6] |= 1ull << (fb & 63);
                if (!add_run(d, d->fpos + d->fb_start[fb], d->fb_cnt[fb], from, hi, out, &n, cap))
                    return SIZE_MAX;
            }
        }
    if (!dc && !d->ix && s0->n_word + s0->n_prefix) return SIZE_MAX;
    uint16_t a0 = dc ? (uint16_t)(s0->n_word + s0->n_prefix) : 0;
    for (uint16_t a = a0; a < s0->n_alt; a++) {
        const wc_alt *al = &p->alts[s0->alt + a];
        int ok = 1;
        if (al->kind == WC_ALT_WORD) {
            size_t m;
            const uint32_t *run;
            if (!dc) {
                run = ix_run(d, al->h, &m);
                ok = add_run(d, run, m, from, hi, out, &n, cap);
            }
            unsigned char fb = (unsigned char)al->w[0];
            if (ok && typos && al->len >= 6 && !((fb_done[fb >> 6] >> (fb & 63)) & 1)) {
                fb_done[fb >> 6] |= 1ull << (fb & 63);
                ok = add_run(d, d->fpos + d->fb_start[fb], d->fb_cnt[fb], from, hi, out, &n, cap);
            }
        } else if (al->kind == WC_ALT_PREFIX) {
            size_t m;
            const uint32_t *run = dc ? NULL : ix_run(d, al->h ^ 0x5bd1e995u, &m);
            if (!dc) ok = add_run(d, run, m, from, hi, out, &n, cap);
        } else if (al->kind == WC_ALT_CLASS) {
            static const int8_t KIND[WC_CLASS_COUNT] = {
                WC_TOK_NUMBER, WC_TOK_NUMBER, WC_TOK_URL, WC_TOK_EMAIL, WC_TOK_HANDLE,
                WC_TOK_HASHTAG, WC_TOK_EMOJI, WC_TOK_PUNCT, WC_TOK_PUNCT, -1, -1};
            int kind = al->h < WC_CLASS_COUNT ? KIND[al->h] : -1;
            if (kind < 0) return SIZE_MAX;
            ok = add_run(d, d->kpos + d->kind_off[kind], d->kind_off[kind + 1] - d->kind_off[kind], from, hi, out,
                         &n, cap);
        } else {
            return SIZE_MAX;
        }
        if (!ok) return SIZE_MAX;
    }
    if (!dc && !add_run(d, d->odd, d->n_odd, from, hi, out, &n, cap)) /* (the word index lists them) */
        return SIZE_MAX;
    for (size_t a = 1; a < n; a++) /* insertion sort; n is small */
        for (size_t b = a; b > 0 && out[b - 1] > out[b]; b--) {
            uint32_t t = out[b];
            out[b] = out[b - 1];
            out[b - 1] = t;
        }
    return n;
}

static struct wc_doc_cache *doc_cache(const wc_pack *p, const wc_doc *d);

/* Earliest match of sequence q starting in [from, hi). */
static int seq_find(const wc_pack *p, const wc_seq *q, const wc_doc *d, size_t from, size_t hi,
                    int typos, size_t *lo_out, size_t *hi_out, const struct wc_doc_cache *cache)
{
    const wc_slot *s0 = &p->slots[q->slot];
    const struct wc_doc_cache *dc = p->ix_n && s0->nofilter != 1 ? cache : NULL;
    uint32_t ring[12][WC_MEMO_RING], (*memo)[WC_MEMO_RING] = NULL;
    if (q->n_slot >= 3 && q->n_slot <= 12 && seq_branchy(p, q)) {
        memset(ring, 0, q->n_slot * sizeof ring[0]);
        memo = ring;
    }
    if (dc && !s0->nofilter) { /* the tokens that offer one of the first position's words */
        size_t m;
        const uint32_t *run = slot_run(dc, q->slot, &m);
        for (size_t k = run ? lower_u32(run, m, from) : m; k < m && run[k] < hi; k++) {
            size_t end, i = run[k];
            if (slot_match(p, s0, d, i, typos) && seq_rest(p, q, 1, d, i + 1, hi, typos, &end, memo)) {
                *lo_out = i;
                *hi_out = end;
                return 1;
            }
        }
        return 0;
    }
    {
        uint32_t cand[64];
        size_t n = candidates(p, s0, d, from, hi, typos, cand, 64, dc);
        if (n != SIZE_MAX) {
            for (size_t c = 0; c < n; c++) {
                size_t end, i = cand[c];
                if (c > 0 && cand[c] == cand[c - 1]) continue;
                if (slot_match(p, s0, d, i, typos) && seq_rest(p, q, 1, d, i + 1, hi, typos, &end, memo)) {
                    *lo_out = i;
                    *hi_out = end;
                    return 1;
                }
            }
            return 0;
        }
    }
    for (size_t i = from; i < hi; i++) {
        if (!slot_match(p, s0, d, i, typos)) continue;
        size_t end;
        if (seq_rest(p, q, 1, d, i + 1, hi, typos, &end, memo)) {
            *lo_out = i;
            *hi_out = end;
            return 1;
        }
    }
    return 0;
}

void wc_pat_filter(const wc_alt *alts, const wc_slot *slots, const wc_seq *seqs, wc_pat *pt,
                   uint64_t mask[WC_BLOOM_WORDS])
{
    const wc_slot *best = NULL;
    for (uint16_t q = 0; q < pt->n_seq; q++) {
        const wc_seq *sq = &seqs[pt->seq + q];
        for (uint16_t k = 0; k < sq->n_slot; k++) {
            const wc_slot *s = &slots[sq->slot + k];
            if (!s->nofilter && (!best || s->n_alt < best->n_alt)) best = s;
        }
    }
    pt->nofilter = best == NULL;
    if (!mask) return;
    memset(mask, 0, WC_BLOOM_WORDS * sizeof *mask);
    for (uint16_t a = 0; best && a < best->n_alt; a++) wc_bloom_add(mask, alts[best->alt + a].h);
}

static int slot_present(const wc_pack *p, const wc_slot *s, const wc_doc *d)
{
    for (uint16_t a = 0; a < s->n_word + s->n_prefix; a++)
        if (set_has(d, p->alts[s->alt + a].h)) return 1;
    return 0;
}

/* The word-index cell of hash h in pack p, or UINT32_MAX. */
static uint32_t ix_cell(const wc_pack *p, uint32_t h)
{
    uint32_t key = h | 1u, lo = 0, hi = p->ix_n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (p->ix_key[mid] < key) lo = mid + 1;
        else hi = mid;
    }
    return lo < p->ix_n && p->ix_key[lo] == key ? lo : UINT32_MAX;
}

/* The hashes of token i that the word index is asked for: exact, the first
 * 3 bytes (words), squeezed once and twice (elongated) — as the set holds. */
static size_t tok_ix_hashes(const wc_doc *d, size_t i, uint32_t out[4])
{
    const wc_token *tk = &d->t.tok[i];
    size_t n = 0;
    out[n++] = d->h[i];
    if (tk->kind == WC_TOK_WORD && tk->key_len >= 3) out[n++] = d->h3[i];
    if (tk->flags & WC_TF_ELONGATED) {
        char buf[64];
        out[n++] = d->hs[i];
        out[n++] = wc_hash(buf, wc_squeeze(wc_key(&d->t, i), buf, sizeof buf, 2));
    }
    return n;
}

/* Adds token i to the lists of the slots of word-index cell `cell` (tokens
 * come in ascending order; a token offering a slot twice is listed once). */
static void fill_slots(const wc_pack *p, struct wc_doc_cache *c, uint32_t i, uint32_t cell)
{
    for (uint32_t e = p->ix_off[cell]; e < p->ix_off[cell + 1]; e++) {
        uint16_t s = p->ix_slot[e];
        uint32_t *run = c->ent + c->off[s];
        if (c->cnt[s] && run[c->cnt[s] - 1] == i) continue; /* the same token again */
        run[c->cnt[s]++] = i;
    }
}

/* The per-call cache for pack p (NULL when out of memory): the memo of
 * pat_possible and, with a word index, the slots that have a word in the
 * reply and per slot the tokens that offer it (ascending), from two passes
 * over the tokens (counted, then filled). */
static struct wc_doc_cache *doc_cache(const wc_pack *p, const wc_doc *d)
{
    wc_doc *md = (wc_doc *)d; /* the cache is not part of the document */
    int k = 0;
    for (; k < 2; k++) {
        if (md->cache[k].pack == p) return &md->cache[k];
        if (!md->cache[k].pack) break;
    }
    if (k == 2) return NULL;
    struct wc_doc_cache *c = &md->cache[k];
    size_t nt = d->t.n, total = 0;
    uint32_t hs[4];
    if (!p->ix_n) {
        c->range = calloc(2 * p->n_lists + p->n_pats + (p->n_pats + 2) / 2, 2);
        if (!c->range) return NULL;
        c->plist = c->range + 2 * p->n_lists;
        c->memo = (uint8_t *)(c->plist + p->n_pats);
        c->pack = p;
        return c;
    }
    size_t words = (p->n_slots + 63) / 64;
    uint64_t *block = malloc(words * 8 + 3 * p->n_slots * 4 + 4 * p->n_lists + 3 * p->n_pats + 1);
    if (!block) return NULL;
    c->bits = block;
    c->off = (uint32_t *)(block + words);
    c->cnt = c->off + p->n_slots;
    c->tfb = c->cnt + p->n_slots;
    memset(c->tfb, 0, p->n_slots * 4);
    c->range = (uint16_t *)(c->tfb + p->n_slots);
    c->plist = c->range + 2 * p->n_lists;
    c->memo = (uint8_t *)(c->plist + p->n_pats);
    memset(c->bits, 0, words * 8);
    memset(c->range, 0, 4 * p->n_lists);
    memset(c->memo, 0, p->n_pats + 1);
    /* count per slot (a token may offer a slot twice: counted twice here);
     * the (token, cell) hits are kept for the second pass when they fit */
    uint32_t hit[2 * 256];
    size_t n_hit = 0;
    for (size_t i = 0; i < nt; i++)
        for (size_t q = 0, nh = tok_ix_hashes(d, i, hs); q < nh; q++) {
            uint32_t cell = ix_cell(p, hs[q]);
            if (cell != UINT32_MAX && n_hit <= 256) {
                if (n_hit < 256) {
                    hit[2 * n_hit] = (uint32_t)i;
                    hit[2 * n_hit + 1] = cell;
                }
                n_hit++;
            }
            for (uint32_t e = cell == UINT32_MAX ? 0 : p->ix_off[cell]; cell != UINT32_MAX && e < p->ix_off[cell + 1]; e++) {
                uint16_t s = p->ix_slot[e];
                if (!((c->bits[s >> 6] >> (s & 63)) & 1)) {
                    c->bits[s >> 6] |= 1ull << (s & 63);
                    c->cnt[s] = 0;
                }
                c->cnt[s]++;
                total++;
            }
        }
    c->ent = malloc(total * 4 + 4);
    if (!c->ent) {
        free(block);
        memset(c, 0, sizeof *c);
        return NULL;
    }
    c->pack = p;
    uint32_t used = 0;
    for (size_t w = 0; w < words; w++)
        for (uint64_t b = c->bits[w]; b; b &= b - 1) {
            size_t s = 64 * w + (size_t)__builtin_ctzll(b);
            c->off[s] = used;
            used += c->cnt[s];
            c->cnt[s] = 0;
        }
    for (size_t h = 0; n_hit <= 256 && h < n_hit; h++) /* ascending, each token once per slot */
        fill_slots(p, c, hit[2 * h], hit[2 * h + 1]);
    for (size_t i = 0; n_hit > 256 && i < nt; i++) /* (more hits than kept: again) */
        for (size_t q = 0, nh = tok_ix_hashes(d, i, hs); q < nh; q++) {
            uint32_t cell = ix_cell(p, hs[q]);
            if (cell != UINT32_MAX) fill_slots(p, c, (uint32_t)i, cell);
        }
    return c;
}

/* Can the pattern match at all? Every filterable position needs one of its
 * words in the reply: a bit of the slot set (packs with a word index), or
 * the pattern's bloom bits and then hash-set lookups (loaded packs). The
 * answer is remembered per call. */
static int pat_possible_c(const wc_pack *p, const wc_pat *pt, const wc_doc *d, struct wc_doc_cache *c)
{
    size_t idx = (size_t)(pt - p->pats);
    if (c && c->memo[idx]) return c->memo[idx] == 1;
    const uint64_t *bits = c ? c->bits : NULL;
    int ok = 1;
    if (!pt->nofilter && !bits && p->masks) {
        uint64_t any = 0;
        for (int w = 0; w < WC_BLOOM_WORDS; w++) any |= p->masks[WC_BLOOM_WORDS * idx + w] & d->bloom[w];
        ok = any != 0;
    }
    for (uint16_t q = 0; ok && q < pt->n_seq; q++) {
        const wc_seq *sq = &p->seqs[pt->seq + q];
        for (uint16_t k = 0; ok && k < sq->n_slot; k++) {
            size_t si = sq->slot + k;
            if (p->slots[si].nofilter) continue;
            if (bits) ok = (bits[si >> 6] >> (si & 63)) & 1;
            else ok = slot_present(p, &p->slots[si], d);
        }
    }
    if (c) c->memo[idx] = ok ? 1 : 2;
    return ok;
}

static int pat_possible(const wc_pack *p, const wc_pat *pt, const wc_doc *d)
{
    return pat_possible_c(p, pt, d, doc_cache(p, d));
}

static int pat_find(const wc_pack *p, const wc_pat *pt, const wc_doc *d, size_t lo, size_t hi,
                    size_t from, int typos, wc_match *m, const struct wc_doc_cache *c)
{
    if (pt->n_seq == 1) {
        size_t a, b;
        if (!seq_find(p, &p->seqs[pt->seq], d, from, hi, typos, &a, &b, c)) return 0;
        m->tok_lo = a;
        m->tok_hi = b;
        m->pat = pt;
        return 1;
    }
    if (from > lo) return 0; /* co-occurrence: one match per sentence */
    size_t mlo = hi, mhi = lo;
    for (uint16_t q = 0; q < pt->n_seq; q++) {
        size_t a, b;
        if (!seq_find(p, &p->seqs[pt->seq + q], d, lo, hi, typos, &a, &b, c)) return 0;
        if (a < mlo) mlo = a;
        if (b > mhi) mhi = b;
    }
    m->tok_lo = mlo; /* the span covers all parts */
    m->tok_hi = mhi;
    m->pat = pt;
    return 1;
}

const wc_list *wc_rule_list(const wc_pack *p, const wc_rule *r, const char *name)
{
    for (uint16_t i = 0; i < r->n_list; i++)
        if (strcmp(p->lists[r->list + i].name, name) == 0) return &p->lists[r->list + i];
    return NULL;
}

int wc_list_find(const wc_pack *p, const wc_list *L, const wc_doc *d, size_t lo, size_t hi,
                 size_t from, int typos, wc_match *m)
{
    if (!L) return 0;
    int found = 0;
    struct wc_doc_cache *c = doc_cache(p, d);
    if (!c || L < p->lists || L >= p->lists + p->n_lists) { /* no cache: every pattern */
        for (uint16_t k = 0; k < L->n_pat; k++) {
            const wc_pat *pt = &p->pats[L->pat + k];
            wc_match one;
            if (pat_possible_c(p, pt, d, c) && pat_find(p, pt, d, lo, hi, from, typos, &one, c) &&
                (!found || one.tok_lo < m->tok_lo)) {
                *m = one;
                found = 1;
            }
        }
        return found;
    }
    /* the list's possible patterns, once per call: plist[L->pat ..] */
    uint16_t *r = &c->range[2 * (L - p->lists)], *poss = c->plist + L->pat;
    if (!r[0]) {
        r[0] = 1;
        r[1] = 0;
        for (uint16_t k = 0; k < L->n_pat; k++)
            if (pat_possible_c(p, &p->pats[L->pat + k], d, c)) poss[r[1]++] = k;
    }
    for (uint16_t j = 0; j < r[1]; j++) {
        const wc_pat *pt = &p->pats[L->pat + poss[j]];
        wc_match one;
        if (pat_find(p, pt, d, lo, hi, from, typos, &one, c) && (!found || one.tok_lo < m->tok_lo)) {
            *m = one;
            found = 1;
        }
    }
    return found;
}

int wc_list_any(const wc_pack *p, const wc_list *L, const wc_doc *d, size_t lo, size_t hi, int typos)
{
    if (!L) return 0;
    /* the first sentence ending after lo (sent[1 ..] ascends) */
    for (size_t k = d->n_sent ? lower_u32(d->sent + 1, d->n_sent, lo + 1) : 0; k < d->n_sent; k++) {
        size_t a = d->sent[k], b = d->sent[k + 1];
        step(d);
        if (a >= hi) break;
        if (b <= lo) continue;
        if (a < lo) a = lo;
        if (b > hi) b = hi;
        wc_match m;
        if (wc_list_find(p, L, d, a, b, a, typos, &m)) return 1;
    }
    return 0;
}

int wc_list_tok(const wc_pack *p, const wc_list *L, const wc_doc *d, size_t i, int typos)
{
    if (!L) return 0;
    for (uint16_t k = 0; k < L->n_pat; k++) {
        const wc_pat *pt = &p->pats[L->pat + k];
        if (pt->n_seq != 1) continue;
        const wc_seq *q = &p->seqs[pt->seq];
        if (q->n_slot == 1 && pat_possible(p, pt, d) && slot_match(p, &p->slots[q->slot], d, i, typos)) return 1;
    }
    return 0;
}

void wc_list_mark(const wc_pack *p, const wc_list *L, const wc_doc *d, int typos, uint8_t *mark, uint8_t val)
{
    for (uint16_t k = 0; L && k < L->n_pat; k++) {
        const wc_pat *pt = &p->pats[L->pat + k];
        if (pt->n_seq != 1 || p->seqs[pt->seq].n_slot != 1 || !pat_possible(p, pt, d)) continue;
        const wc_slot *s = &p->slots[p->seqs[pt->seq].slot];
        const struct wc_doc_cache *dc = p->ix_n && s->nofilter != 1 ? doc_cache(p, d) : NULL;
        if (dc && !s->nofilter) {
            size_t m;
            const uint32_t *run = slot_run(dc, p->seqs[pt->seq].slot, &m);
            for (size_t e = 0; e < m; e++)
                if (!mark[run[e]] && slot_match(p, s, d, run[e], typos)) mark[run[e]] = val;
            continue;
        }
        uint32_t cand[64];
        size_t n = candidates(p, s, d, 0, d->t.n, typos, cand, 64, dc);
        if (n == SIZE_MAX) {
            for (size_t i = 0; i < d->t.n; i++)
                if (!mark[i] && slot_match(p, s, d, i, typos)) mark[i] = val;
            continue;
        }
        for (size_t c = 0; c < n; c++)
            if (!mark[cand[c]] && slot_match(p, s, d, cand[c], typos)) mark[cand[c]] = val;
    }
}

void wc_line_col(const char *s, size_t n, size_t at, int *line, int *col)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < at && i < n; i++) {
        if (s[i] == '\n') { l++; c = 1; }
        else if (((unsigned char)s[i] & 0xC0) != 0x80) c++;
    }
    *line = l;
    *col = c;
}

/* ---- team-pack loader ------------------------------------------------- */

/* Growable arrays; the finished pack points into them. */
typedef struct builder {
    wc_alt *alts; size_t n_alts, c_alts;
    wc_slot *slots; size_t n_slots, c_slots;
    wc_seq *seqs; size_t n_seqs, c_seqs;
    wc_pat *pats; size_t n_pats, c_pats;
    wc_list *lists; size_t n_lists, c_lists;
    wc_sugg *suggs; size_t n_suggs, c_suggs;
    wc_rule *rules; size_t n_rules, c_rules;
    uint64_t *masks; size_t n_masks, c_masks;
    char **strs; size_t n_strs, c_strs;
    wc_article *articles; size_t n_articles; /* "articles" of a team pack */
} builder;

static int grow(void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return 0;
    size_t nc = *cap ? *cap * 2 : 16;
    while (nc < need) nc *= 2;
    void *na = realloc(*arr, nc * elem);
    if (!na) return WEBCARE_ERROR_NOMEM;
    *arr = na;
    *cap = nc;
    return 0;
}
#define PUSH(b, field, val)                                                                   \
    (grow((void **)&(b)->field, &(b)->c_##field, (b)->n_##field + 1, sizeof *(b)->field)    \
         ? WEBCARE_ERROR_NOMEM                                                                \
         : ((b)->field[(b)->n_##field++] = (val), 0))

static const char *keep_str(builder *b, const char *s, size_t n)
{
    char *c = malloc(n + 1);
    if (!c) return NULL;
    memcpy(c, s, n);
    c[n] = 0;
    if (PUSH(b, strs, c)) { free(c); return NULL; }
    return c;
}

static void builder_free(builder *b)
{
    if (!b) return;
    for (size_t i = 0; i < b->n_strs; i++) free(b->strs[i]);
    free(b->strs); free(b->alts); free(b->slots); free(b->seqs); free(b->pats);
    free(b->lists); free(b->suggs); free(b->rules); free(b->masks); free(b->articles);
    free(b);
}

void wc_pack_free(wc_pack *p)
{
    if (!p) return;
    builder_free(p->owned);
    for (size_t i = 0; i < p->n_disabled; i++) free(p->disabled[i]);
    free(p->disabled);
    cJSON_Delete(p->examples);
    free(p);
}

/* A location in the pack for error messages: a JSON path. */
typedef struct jpath {
    const char *key[8];
    int idx[8]; /* -1 when key is used */
    int n;
} jpath;

static const char *skip_ws(const char *p, const char *e)
{
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
    return p;
}

static const char *skip_string(const char *p, const char *e)
{
    p++; /* opening quote */
    while (p < e && *p != '"') p += (*p == '\\') ? 2 : 1;
    return p < e ? p + 1 : e;
}

static const char *skip_value(const char *p, const char *e, int depth)
{
    p = skip_ws(p, e);
    if (p >= e || depth > 64) return e;
    if (*p == '"') return skip_string(p, e);
    if (*p == '{' || *p == '[') {
        char close = *p == '{' ? '}' : ']';
        p++;
        for (;;) {
            p = skip_ws(p, e);
            if (p >= e) return e;
            if (*p == close) return p + 1;
            if (*p == ',' || *p == ':') { p++; continue; }
            p = skip_value(p, e, depth + 1);
        }
    }
    while (p < e && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n' && *p != '\r' &&
           *p != '\t')
        p++;
    return p;
}

/* Byte offset of the value at path (best effort; 0 if not found). */
static size_t locate(const char *s, size_t n, const jpath *path)
{
    const char *p = s, *e = s + n;
    for (int k = 0; k < path->n; k++) {
        p = skip_ws(p, e);
        if (p >= e) return 0;
        if (path->idx[k] >= 0) {
            if (*p != '[') return (size_t)(p - s);
            p++;
            for (int i = 0; i < path->idx[k]; i++) {
                p = skip_value(p, e, 0);
                p = skip_ws(p, e);
                if (p < e && *p == ',') p++;
            }
            p = skip_ws(p, e);
        } else {
            if (*p != '{') return (size_t)(p - s);
            p++;
            size_t kl = strlen(path->key[k]);
            for (;;) {
                p = skip_ws(p, e);
                if (p >= e || *p != '"') return (size_t)(p - s);
                const char *ks = p + 1, *ke = skip_string(p, e) - 1;
                p = skip_ws(ke + 1, e);
                if (p < e && *p == ':') p++;
                p = skip_ws(p, e);
                if ((size_t)(ke - ks) == kl && memcmp(ks, path->key[k], kl) == 0) break;
                p = skip_value(p, e, 0);
                p = skip_ws(p, e);
                if (p < e && *p == ',') p++;
            }
        }
    }
    return (size_t)(skip_ws(p, e) - s);
}

typedef struct loadctx {
    const char *src;
    size_t n;
    builder *b;
    wc_err *e;
    jpath path;
} loadctx;

static void path_str(const jpath *p, char *buf, size_t cap)
{
    size_t w = 0;
    buf[0] = 0;
    for (int k = 0; k < p->n && w < cap; k++) {
        int r = p->idx[k] >= 0 ? wc_fmt(buf + w, cap - w, "[%d]", p->idx[k])
                               : wc_fmt(buf + w, cap - w, "%s%s", k ? "." : "", p->key[k]);
        if (r < 0) break;
        w += (size_t)r;
    }
    buf[wc_clip_utf8(buf, (int)cap)] = 0; /* wc_fmt does not split a character; this also clips a key that is not valid UTF-8 */
}

static int bad(loadctx *c, const char *what)
{
    size_t at = locate(c->src, c->n, &c->path);
    int line, col;
    wc_line_col(c->src, c->n, at, &line, &col);
    char ps[96];
    path_str(&c->path, ps, sizeof ps);
    return wc_fail(c->e, WEBCARE_ERROR_BAD_PACK, (long)at, "line %d, column %d: %s%s%s", line, col,
                   ps, ps[0] ? ": " : "", what);
}

static void push_key(loadctx *c, const char *k) { if (c->path.n < 8) { c->path.key[c->path.n] = k; c->path.idx[c->path.n++] = -1; } }
static void push_idx(loadctx *c, int i) { if (c->path.n < 8) { c->path.key[c->path.n] = NULL; c->path.idx[c->path.n++] = i; } }
static void pop(loadctx *c) { if (c->path.n > 0) c->path.n--; }

static const char *const CLASS_NAMES[WC_CLASS_COUNT] = {
    "num", "time", "url", "email", "handle", "hashtag", "emoji", "qmark", "excl", "caps", "code",
};

/* Key of a single word as the tokenizer sees it. */
static int word_key(loadctx *c, const char *w, size_t n, char *out, size_t cap)
{
    wc_text t;
    size_t at;
    int rc = wc_tokenize(w, n, &t, &at);
    if (rc) { wc_text_free(&t); return rc == WEBCARE_ERROR_NOMEM ? rc : bad(c, "not valid UTF-8"); }
    int ok = t.n == 1 && t.tok[0].key_len < cap;
    if (ok) memcpy(out, wc_key(&t, 0), t.tok[0].key_len + 1);
    wc_text_free(&t);
    if (!ok) {
        char msg[120];
        wc_fmt(msg, sizeof msg, "\"%.*s\" is not one word (use spaces between words)",
                 wc_clip_utf8(w, n > 40 ? 40 : (int)n), w);
        return bad(c, msg);
    }
    return 0;
}

static int compile_alt(loadctx *c, const char *w, size_t n, int typos, wc_slot *slot)
{
    wc_alt a = {NULL, 0, WC_ALT_WORD, 0};
    char key[128];
    if (n == 0) return bad(c, "empty alternative (check the | signs)");
    if (w[0] == '@' || w[0] == '~')
        return bad(c, "macros (@name) and verb forms (~stem) exist only in built-in rules; list the words with |");
    if (w[0] == '#' && n > 1) {
        for (int k = 0; k < WC_CLASS_COUNT; k++)
            if (strlen(CLASS_NAMES[k]) == n - 1 && memcmp(CLASS_NAMES[k], w + 1, n - 1) == 0) {
                a.kind = WC_ALT_CLASS;
                a.h = (uint32_t)k;
                slot->nofilter = 1;
                return PUSH(c->b, alts, a);
            }
        return bad(c, "unknown token class (use #num #time #url #email #handle #hashtag #emoji #qmark #excl #caps #code)");
    }
    int suffix = n > 1 && w[0] == '*';
    int prefix = !suffix && w[n - 1] == '*';
    int rc = word_key(c, w + suffix, n - (size_t)(prefix + suffix), key, sizeof key);
    if (rc) return rc;
    size_t kl = strlen(key);
    if (kl > 60) return bad(c, "word too long");
    if ((prefix || suffix) && kl < 3) return bad(c, "a prefix or suffix needs at least 3 letters besides *");
    a.w = keep_str(c->b, key, kl);
    if (!a.w) return WEBCARE_ERROR_NOMEM;
    a.len = (uint8_t)kl;
    a.kind = suffix ? WC_ALT_SUFFIX : prefix ? WC_ALT_PREFIX : WC_ALT_WORD;
    a.h = prefix ? wc_hash(key, 3) : wc_hash(key, kl);
    if (suffix) slot->nofilter = 1;
    if (!prefix && typos && kl >= 6 && !slot->nofilter) slot->nofilter = 2;
    return PUSH(c->b, alts, a);
}

/* Compiles one pattern string into c->b (a wc_pat appended). */
static int compile_pattern(loadctx *c, const char *src, int typos, uint32_t sugg, uint16_t n_sugg)
{
    wc_pat pt;
    memset(&pt, 0, sizeof pt);
    pt.seq = (uint32_t)c->b->n_seqs;
    pt.n_sugg = n_sugg;
    pt.sugg = sugg;
    wc_seq sq = {(uint32_t)c->b->n_slots, 0};
    int gap = 0, rc;
    const char *p = src;
    if (strlen(src) > 400) return bad(c, "pattern longer than 400 bytes");
    for (;;) {
        while (*p == ' ' || *p == '\t') p++;
        const char *w = p;
        while (*p && *p != ' ' && *p != '\t') p++;
        size_t n = (size_t)(p - w);
        if (n == 0 || (n == 1 && *w == '&')) {
            if (sq.n_slot == 0) return bad(c, n ? "nothing before &" : "empty pattern or nothing after &");
            if ((rc = PUSH(c->b, seqs, sq))) return rc;
            pt.n_seq++;
            sq.slot = (uint32_t)c->b->n_slots;
            sq.n_slot = 0;
            gap = 0;
            if (n == 0) break;
            continue;
        }
        if (w[0] == '{') {
            const char *q = w + 1;
            if (q[0] == '0' && q[1] == ',') q += 2;
            if (!(q[0] >= '0' && q[0] <= '9' && q[1] == '}' && q + 2 == p))
                return bad(c, "a gap is written {N} or {0,N} with N from 0 to 9");
            if (sq.n_slot == 0) return bad(c, "a gap {N} must stand between two words");
            gap = q[0] - '0';
            continue;
        }
        if (sq.n_slot >= 12) return bad(c, "pattern has more than 12 positions");
        wc_slot slot;
        memset(&slot, 0, sizeof slot);
        slot.alt = (uint32_t)c->b->n_alts;
        slot.gap = (uint8_t)gap;
        gap = 0;
        const char *a = w;
        for (const char *q = w; q <= p; q++) {
            if (q == p || *q == '|') {
                if ((rc = compile_alt(c, a, (size_t)(q - a), typos, &slot))) return rc;
                slot.n_alt++;
                a = q + 1;
            }
        }
        qsort(c->b->alts + slot.alt, slot.n_alt, sizeof *c->b->alts, wc_alt_order);
        for (uint16_t q = 0; q < slot.n_alt; q++) {
            int kind = c->b->alts[slot.alt + q].kind;
            slot.n_word += kind == WC_ALT_WORD;
            slot.n_prefix += kind == WC_ALT_PREFIX;
        }
        if ((rc = PUSH(c->b, slots, slot))) return rc;
        sq.n_slot++;
    }
    if (pt.n_seq > 4) return bad(c, "at most 4 parts joined by &");
    uint64_t mask[WC_BLOOM_WORDS];
    wc_pat_filter(c->b->alts, c->b->slots, c->b->seqs, &pt, mask);
    for (int w = 0; w < WC_BLOOM_WORDS; w++)
        if ((rc = PUSH(c->b, masks, mask[w]))) return rc;
    return PUSH(c->b, pats, pt);
}

static int add_sugg(loadctx *c, int kind, const char *text)
{
    const char *t = keep_str(c->b, text, strlen(text));
    if (!t) return WEBCARE_ERROR_NOMEM;
    wc_sugg s = {(uint8_t)kind, t};
    return PUSH(c->b, suggs, s);
}

/* A list: array of pattern strings or {"pattern": "...", "replace": [..]}. */
static int compile_list(loadctx *c, const cJSON *arr, const char *name, int typos, int required,
                        wc_rule *r)
{
    int rc;
    push_key(c, name);
    if (!cJSON_IsArray(arr) || (required && cJSON_GetArraySize(arr) == 0)) {
        rc = bad(c, required ? "must be a non-empty array of patterns" : "must be an array of patterns");
        pop(c);
        return rc;
    }
    wc_list L = {NULL, (uint32_t)c->b->n_pats, 0};
    L.name = keep_str(c->b, name, strlen(name));
    if (!L.name) { pop(c); return WEBCARE_ERROR_NOMEM; }
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        push_idx(c, i++);
        const cJSON *ps = it;
        uint32_t sugg = (uint32_t)c->b->n_suggs;
        uint16_t n_sugg = 0;
        rc = 0;
        if (cJSON_IsObject(it)) {
            ps = cJSON_GetObjectItemCaseSensitive(it, "pattern");
            const cJSON *rep = cJSON_GetObjectItemCaseSensitive(it, "replace"), *x;
            if (rep && !cJSON_IsArray(rep)) rc = bad(c, "\"replace\" must be an array of strings");
            cJSON_ArrayForEach(x, rep)
            {
                if (rc) break;
                if (!cJSON_IsString(x)) rc = bad(c, "\"replace\" must be an array of strings");
                else if (!(rc = add_sugg(c, WC_SUGG_REPLACE, x->valuestring))) n_sugg++;
            }
        }
        if (!rc && !cJSON_IsString(ps)) rc = bad(c, "a pattern must be a string or {\"pattern\", \"replace\"}");
        if (!rc) rc = compile_pattern(c, ps->valuestring, typos, sugg, n_sugg);
        pop(c);
        if (rc) { pop(c); return rc; }
        L.n_pat++;
        if (L.n_pat > 2000) { rc = bad(c, "too many patterns"); pop(c); return rc; }
    }
    pop(c);
    r->n_list++;
    return PUSH(c->b, lists, L);
}

static int is_kebab(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 48 || s[0] == '-' || s[n - 1] == '-') return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-')) return 0;
    return 1;
}

static const char *const RULE_KEYS[] = {"id", "severity", "check", "message", "why", "suggest",
                                        "patterns", "unless", "unless_scope", "typos", "spelling",
                                        "fires", "passes", "kind", NULL};

static int builtin_id(const char *id)
{
    for (size_t i = 0; i < wc_default_pack.n_rules; i++)
        if (strcmp(wc_default_pack.rules[i].id, id) == 0) return 1;
    return 0;
}

static int string_field(loadctx *c, const cJSON *o, const char *k, int required, const char **out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    *out = NULL;
    if (!v) {
        if (!required) return 0;
        char msg[80];
        wc_fmt(msg, sizeof msg, "missing \"%s\"", k);
        return bad(c, msg);
    }
    push_key(c, k);
    int rc = 0;
    if (!cJSON_IsString(v) || !v->valuestring[0]) rc = bad(c, "must be a non-empty string");
    else if (strlen(v->valuestring) > 1000) rc = bad(c, "longer than 1000 bytes");
    else if (wc_validate_utf8(v->valuestring, strlen(v->valuestring), NULL)) rc = bad(c, "not valid UTF-8");
    else if (!(*out = keep_str(c->b, v->valuestring, strlen(v->valuestring)))) rc = WEBCARE_ERROR_NOMEM;
    pop(c);
    return rc;
}

static int compile_rule(loadctx *c, const cJSON *o, const cJSON *all, int index)
{
    wc_rule r;
    memset(&r, 0, sizeof r);
    r.severity = WC_SEV_WARNING;
    r.category = WC_CAT_TEAM;
    r.list = (uint32_t)c->b->n_lists;
    int rc;
    if (!cJSON_IsObject(o)) return bad(c, "a rule must be an object");
    const cJSON *it;
    cJSON_ArrayForEach(it, o)
    {
        int known = 0;
        for (int k = 0; RULE_KEYS[k]; k++) known |= strcmp(RULE_KEYS[k], it->string) == 0;
        if (!known) {
            push_key(c, it->string);
            char msg[256];
            wc_fmt(msg, sizeof msg, "unknown field \"%.*s\" (fields: id, severity, check, message, why, "
                     "suggest, patterns, unless, unless_scope, typos, spelling, fires, passes)",
                     wc_clip_utf8(it->string, 40), it->string);
            rc = bad(c, msg);
            pop(c);
            return rc;
        }
    }
    if ((rc = string_field(c, o, "id", 1, &r.id))) return rc;
    push_key(c, "id");
    if (!is_kebab(r.id)) rc = bad(c, "a rule id is kebab-case: a-z, 0-9 and -");
    else if (builtin_id(r.id)) rc = bad(c, "this id is a built-in rule; pick another id (or list it in \"disabled\")");
    else {
        const cJSON *x;
        int j = 0;
        cJSON_ArrayForEach(x, all)
        {
            if (j++ >= index) break;
            const cJSON *xid = cJSON_GetObjectItemCaseSensitive(x, "id");
            if (cJSON_IsString(xid) && strcmp(xid->valuestring, r.id) == 0) { rc = bad(c, "duplicate rule id"); break; }
        }
    }
    pop(c);
    if (rc) return rc;
    if ((rc = string_field(c, o, "message", 1, &r.message))) return rc;
    if ((rc = string_field(c, o, "why", 0, &r.why))) return rc;
    if ((rc = string_field(c, o, "spelling", 0, &r.spelling))) return rc;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "severity");
    if (v) {
        push_key(c, "severity");
        if (cJSON_IsString(v) && strcmp(v->valuestring, "error") == 0) r.severity = WC_SEV_ERROR;
        else if (cJSON_IsString(v) && strcmp(v->valuestring, "warning") == 0) r.severity = WC_SEV_WARNING;
        else if (cJSON_IsString(v) && strcmp(v->valuestring, "info") == 0) r.severity = WC_SEV_INFO;
        else rc = bad(c, "must be \"error\", \"warning\" or \"info\"");
        pop(c);
        if (rc) return rc;
    }
    v = cJSON_GetObjectItemCaseSensitive(o, "check");
    r.check = WC_CHECK_PHRASE;
    if (v) {
        push_key(c, "check");
        if (cJSON_IsString(v) && strcmp(v->valuestring, "phrase") == 0) r.check = WC_CHECK_PHRASE;
        else if (cJSON_IsString(v) && strcmp(v->valuestring, "required") == 0) r.check = WC_CHECK_REQUIRED;
        else if (cJSON_IsString(v) && strcmp(v->valuestring, "brand") == 0) r.check = WC_CHECK_BRAND;
        else rc = bad(c, "team rules use check \"phrase\" (default), \"required\" or \"brand\"");
        pop(c);
        if (rc) return rc;
    }
    v = cJSON_GetObjectItemCaseSensitive(o, "typos");
    if (v) {
        if (!cJSON_IsBool(v)) { push_key(c, "typos"); rc = bad(c, "must be true or false"); pop(c); return rc; }
        r.typos = (uint8_t)cJSON_IsTrue(v);
    }
    v = cJSON_GetObjectItemCaseSensitive(o, "unless_scope");
    if (v) {
        push_key(c, "unless_scope");
        if (cJSON_IsString(v) && strcmp(v->valuestring, "reply") == 0) r.unless_scope = WC_SCOPE_REPLY;
        else if (cJSON_IsString(v) && strcmp(v->valuestring, "sentence") == 0) r.unless_scope = WC_SCOPE_SENTENCE;
        else rc = bad(c, "must be \"sentence\" or \"reply\"");
        pop(c);
        if (rc) return rc;
    }
    if (r.check == WC_CHECK_BRAND && !r.spelling) return bad(c, "a brand rule needs \"spelling\"");
    const cJSON *pats = cJSON_GetObjectItemCaseSensitive(o, "patterns");
    if (r.check == WC_CHECK_BRAND && !pats) {
        /* default: the spelling itself, compared case-insensitively */
        char key[128];
        push_key(c, "spelling");
        rc = word_key(c, r.spelling, strlen(r.spelling), key, sizeof key);
        pop(c);
        if (rc) return rc;
        cJSON *arr = cJSON_CreateArray();
        if (!arr || !cJSON_AddItemToArray(arr, cJSON_CreateString(key))) { cJSON_Delete(arr); return WEBCARE_ERROR_NOMEM; }
        rc = compile_list(c, arr, "match", 0, 1, &r);
        cJSON_Delete(arr);
        if (rc) return rc;
    } else if ((rc = compile_list(c, pats, "patterns", r.typos, 1, &r))) {
        return rc;
    } else {
        c->b->lists[c->b->n_lists - 1].name = "match";
    }
    v = cJSON_GetObjectItemCaseSensitive(o, "unless");
    if (v && (rc = compile_list(c, v, "unless", r.typos, 0, &r))) return rc;
    v = cJSON_GetObjectItemCaseSensitive(o, "suggest");
    r.sugg = (uint32_t)c->b->n_suggs;
    if (v) {
        push_key(c, "suggest");
        if (!cJSON_IsArray(v)) rc = bad(c, "must be an array of strings or {\"kind\",\"text\"}");
        int i = 0;
        cJSON_ArrayForEach(it, v)
        {
            if (rc) break;
            push_idx(c, i++);
            const cJSON *t = cJSON_IsObject(it) ? cJSON_GetObjectItemCaseSensitive(it, "text") : it;
            const cJSON *k = cJSON_IsObject(it) ? cJSON_GetObjectItemCaseSensitive(it, "kind") : NULL;
            int kind = WC_SUGG_ADVICE;
            if (k && cJSON_IsString(k) && strcmp(k->valuestring, "replace") == 0) kind = WC_SUGG_REPLACE;
            else if (k && !(cJSON_IsString(k) && strcmp(k->valuestring, "advice") == 0))
                rc = bad(c, "\"kind\" is \"replace\" or \"advice\"");
            if (!rc && !cJSON_IsString(t)) rc = bad(c, "a suggestion is a string or {\"kind\",\"text\"}");
            if (!rc && !(rc = add_sugg(c, kind, t->valuestring))) r.n_sugg++;
            pop(c);
        }
        pop(c);
        if (rc) return rc;
    }
    for (int k = 0; k < 2; k++) {
        const char *name = k ? "passes" : "fires";
        v = cJSON_GetObjectItemCaseSensitive(o, name);
        if (!v) continue;
        push_key(c, name);
        if (!cJSON_IsArray(v)) rc = bad(c, "must be an array of example replies");
        int i = 0;
        cJSON_ArrayForEach(it, v)
        {
            if (rc) break;
            push_idx(c, i++);
            const cJSON *t = cJSON_IsObject(it) ? cJSON_GetObjectItemCaseSensitive(it, "text") : it;
            if (!cJSON_IsString(t)) rc = bad(c, "an example is a string or an object with \"text\"");
            pop(c);
        }
        pop(c);
        if (rc) return rc;
    }
    return PUSH(c->b, rules, r);
}

/* "articles": {"het": ["abonnement"], "de": ["Coolblue-app"], "fires": [...],
 * "passes": [...]}: each noun one word (hyphens are fine), in one list only. */
static int compile_articles(loadctx *c, const cJSON *o)
{
    const cJSON *it;
    if (!cJSON_IsObject(o)) return bad(c, "must be an object {\"het\": [nouns], \"de\": [nouns]}");
    cJSON_ArrayForEach(it, o)
    {
        if (strcmp(it->string, "het") && strcmp(it->string, "de") && strcmp(it->string, "fires") &&
            strcmp(it->string, "passes")) {
            push_key(c, it->string);
            return bad(c, "unknown field (articles has: het, de, fires, passes)");
        }
        int ex = !strcmp(it->string, "fires") || !strcmp(it->string, "passes");
        push_key(c, it->string);
        if (!cJSON_IsArray(it)) return bad(c, ex ? "must be an array of example replies" : "must be an array of nouns");
        if (cJSON_GetArraySize(it) > 500) return bad(c, "more than 500 entries");
        int i = 0;
        const cJSON *w;
        cJSON_ArrayForEach(w, it)
        {
            push_idx(c, i++);
            const cJSON *t = ex && cJSON_IsObject(w) ? cJSON_GetObjectItemCaseSensitive(w, "text") : w;
            if (!cJSON_IsString(t)) return bad(c, ex ? "an example is a string or an object with \"text\"" : "a noun is a string");
            pop(c);
        }
        pop(c);
    }
    size_t n = 0;
    for (int k = 0; k < 2; k++) n += (size_t)cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(o, k ? "de" : "het"));
    if (!n) return 0;
    builder *b = c->b;
    b->articles = calloc(n, sizeof *b->articles);
    if (!b->articles) return WEBCARE_ERROR_NOMEM;
    for (int k = 0; k < 2; k++) {
        const char *art = k ? "de" : "het";
        int i = 0;
        push_key(c, art);
        cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(o, art))
        {
            push_idx(c, i++);
            const char *w = it->valuestring;
            wc_text t;
            size_t at;
            int rc = wc_tokenize(w, strlen(w), &t, &at);
            if (rc) { wc_text_free(&t); return rc == WEBCARE_ERROR_NOMEM ? rc : bad(c, "not valid UTF-8"); }
            int ok = t.n == 1 && t.tok[0].kind == WC_TOK_WORD && t.tok[0].key_len <= 60;
            const char *key = ok ? keep_str(c->b, wc_key(&t, 0), t.tok[0].key_len) : NULL;
            wc_text_free(&t);
            if (!ok) return bad(c, "a noun is one word without the article (hyphens are fine: \"Coolblue-app\")");
            if (!key) return WEBCARE_ERROR_NOMEM;
            for (size_t j = 0; j < b->n_articles; j++)
                if (strcmp(b->articles[j].key, key) == 0)
                    return bad(c, b->articles[j].het != !k ? "listed under both \"het\" and \"de\"" : "listed twice");
            b->articles[b->n_articles].key = key;
            b->articles[b->n_articles++].het = (uint8_t)!k;
            pop(c);
        }
        pop(c);
    }
    return 0;
}

size_t wc_pack_articles(const wc_pack *p, const wc_article **out)
{
    const builder *b = p ? p->owned : NULL;
    *out = b ? b->articles : NULL;
    return b ? b->n_articles : 0;
}

int wc_pack_load(const char *json, size_t len, wc_pack **out, wc_err *e)
{
    *out = NULL;
    if (!json) return wc_fail(e, WEBCARE_ERROR_NULL, -1, "pack is NULL");
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(json, len, &end, 0);
    loadctx c = {json, len, NULL, e, {{0}, {0}, 0}};
    int rc = 0;
    wc_pack *p = NULL;
    if (!root) {
        size_t at = end ? (size_t)(end - json) : 0;
        int line, col;
        wc_line_col(json, len, at, &line, &col);
        return wc_fail(e, WEBCARE_ERROR_BAD_PACK, (long)at, "line %d, column %d: not valid JSON", line, col);
    }
    size_t tail = end ? (size_t)(end - json) : len; /* text after the pack object is an error */
    while (tail < len && (json[tail] == ' ' || json[tail] == '\t' || json[tail] == '\n' || json[tail] == '\r')) tail++;
    if (tail < len) {
        int line, col;
        wc_line_col(json, len, tail, &line, &col);
        cJSON_Delete(root);
        return wc_fail(e, WEBCARE_ERROR_BAD_PACK, (long)tail, "line %d, column %d: unexpected text after the pack",
                       line, col);
    }
    /* cJSON strings end at a NUL: "\u0000" (or a raw NUL byte) would cut a
     * string short and the rest would never be checked. In valid JSON a
     * backslash only starts an escape inside a string. */
    for (size_t i = 0; i < len; i++) {
        int raw = json[i] == 0;
        if (!raw && json[i] != '\\') continue;
        if (raw || (len - i >= 6 && memcmp(json + i + 1, "u0000", 5) == 0)) {
            int line, col;
            wc_line_col(json, len, i, &line, &col);
            cJSON_Delete(root);
            return wc_fail(e, WEBCARE_ERROR_BAD_PACK, (long)i,
                           "line %d, column %d: %s: a pack text cannot hold the NUL character", line, col,
                           raw ? "a NUL byte" : "\"\\u0000\"");
        }
        i++; /* the escaped character ("\\\\u0000" is a backslash, then u0000) */
    }
    c.b = calloc(1, sizeof *c.b);
    p = calloc(1, sizeof *p);
    if (!c.b || !p) { rc = wc_fail(e, WEBCARE_ERROR_NOMEM, -1, "out of memory"); goto cleanup; }
    if (!cJSON_IsObject(root)) { rc = bad(&c, "a rule pack is a JSON object {\"name\", \"rules\": [...]}"); goto cleanup; }
    const cJSON *it;
    cJSON_ArrayForEach(it, root)
    {
        if (strcmp(it->string, "name") && strcmp(it->string, "rules") && strcmp(it->string, "disabled") &&
            strcmp(it->string, "description") && strcmp(it->string, "version") && strcmp(it->string, "articles")) {
            push_key(&c, it->string);
            rc = bad(&c, "unknown field (a pack has: name, description, version, rules, disabled, articles)");
            goto cleanup;
        }
    }
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(root, "name");
    if (name && !cJSON_IsString(name)) { push_key(&c, "name"); rc = bad(&c, "must be a string"); goto cleanup; }
    p->name = keep_str(c.b, name ? name->valuestring : "team", strlen(name ? name->valuestring : "team"));
    const cJSON *dis = cJSON_GetObjectItemCaseSensitive(root, "disabled");
    if (dis) {
        push_key(&c, "disabled");
        if (!cJSON_IsArray(dis)) { rc = bad(&c, "must be an array of rule ids"); goto cleanup; }
        int n = cJSON_GetArraySize(dis), i = 0;
        p->disabled = calloc((size_t)n + 1, sizeof *p->disabled);
        if (!p->disabled) { rc = wc_fail(e, WEBCARE_ERROR_NOMEM, -1, "out of memory"); goto cleanup; }
        cJSON_ArrayForEach(it, dis)
        {
            push_idx(&c, i++);
            if (!cJSON_IsString(it) || !builtin_id(it->valuestring)) { rc = bad(&c, "not a built-in rule id"); goto cleanup; }
            pop(&c);
            p->disabled[p->n_disabled] = malloc(strlen(it->valuestring) + 1);
            if (!p->disabled[p->n_disabled]) { rc = wc_fail(e, WEBCARE_ERROR_NOMEM, -1, "out of memory"); goto cleanup; }
            strcpy(p->disabled[p->n_disabled++], it->valuestring);
        }
        pop(&c);
    }
    const cJSON *arts = cJSON_GetObjectItemCaseSensitive(root, "articles");
    if (arts) {
        push_key(&c, "articles");
        if ((rc = compile_articles(&c, arts))) goto cleanup;
        pop(&c);
    }
    const cJSON *rules = cJSON_GetObjectItemCaseSensitive(root, "rules");
    if (!rules && !dis && !arts) { rc = bad(&c, "missing \"rules\""); goto cleanup; }
    if (rules) {
        push_key(&c, "rules");
        if (!cJSON_IsArray(rules)) { rc = bad(&c, "must be an array of rules"); goto cleanup; }
        if (cJSON_GetArraySize(rules) > 500) { rc = bad(&c, "more than 500 rules"); goto cleanup; }
        int i = 0;
        cJSON_ArrayForEach(it, rules)
        {
            push_idx(&c, i);
            if ((rc = compile_rule(&c, it, rules, i))) goto cleanup;
            pop(&c);
            i++;
        }
        pop(&c);
    }
    if (!p->name) { rc = wc_fail(e, WEBCARE_ERROR_NOMEM, -1, "out of memory"); goto cleanup; }
    p->rules = c.b->rules; p->n_rules = c.b->n_rules;
    p->lists = c.b->lists; p->n_lists = c.b->n_lists;
    p->pats = c.b->pats; p->n_pats = c.b->n_pats;
    p->seqs = c.b->seqs; p->n_seqs = c.b->n_seqs;
    p->slots = c.b->slots; p->n_slots = c.b->n_slots;
    p->alts = c.b->alts; p->n_alts = c.b->n_alts;
    p->suggs = c.b->suggs; p->n_suggs = c.b->n_suggs;
    p->masks = c.b->masks;
    p->owned = c.b;
    p->examples = root;
    *out = p;
    return 0;
cleanup:
    if (rc == WEBCARE_ERROR_NOMEM) wc_fail(e, rc, -1, "out of memory");
    if (p) { p->owned = c.b; c.b = NULL; wc_pack_free(p); }
    builder_free(c.b);
    cJSON_Delete(root);
    return rc;
}
