/* text.c — validation, tokens, match keys and UTF-16 offsets on utf8proc. */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "../include/webcare.h"
#include "utf8proc.h"

/* ---- code points ------------------------------------------------------ */

/* Decode one code point of valid-or-not UTF-8 at s[i]; returns bytes used
 * (>0) or a negative value on a bad sequence. */
static int decode(const char *s, size_t len, size_t i, int32_t *cp)
{
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(len - i), cp);
    return n > 0 ? (int)n : -1;
}

static int u16_units(int32_t cp) { return cp >= 0x10000 ? 2 : 1; }

/* Bytes from i up to the first non-ASCII byte in 8-byte words (or len). */
static size_t ascii_run(const char *src, size_t len, size_t i)
{
    while (len - i >= 8) {
        uint64_t w;
        memcpy(&w, src + i, 8);
        if (w & 0x8080808080808080u) break;
        i += 8;
    }
    return i;
}

int wc_validate_utf8(const char *src, size_t len, size_t *err_at)
{
    size_t i = 0;
    if (!src && len) return WEBCARE_ERROR_NULL;
    while (i < len) {
        unsigned char c = (unsigned char)src[i];
        if (c < 0x80) {
            i = ascii_run(src, len, i + 1);
            continue;
        }
        int32_t cp;
        int n = decode(src, len, i, &cp);
        if (n < 0) {
            if (err_at) *err_at = i;
            return WEBCARE_ERROR_INVALID_UTF8;
        }
        i += (size_t)n;
    }
    return 0;
}

size_t wc_u16_len(const char *src, size_t len)
{
    size_t i = 0, u = 0;
    while (i < len) {
        unsigned char c = (unsigned char)src[i];
        /* Valid UTF-8 is assumed: lead bytes tell the length. */
        if (c < 0x80) {
            size_t j = ascii_run(src, len, i + 1);
            u += j - i;
            i = j;
        }
        else if (c < 0xE0) { i += 2; u += 1; }
        else if (c < 0xF0) { i += 3; u += 1; }
        else { i += 4; u += 2; }
    }
    return u;
}

/* Stream-safe limit (UAX #15): NFC reorders runs of combining marks with an
 * insertion sort, quadratic in the run. A text is decomposed in segments cut
 * inside any run longer than this, so "a" + 100,000 accents stays linear;
 * texts without such runs are one segment and normalise exactly. */
#define MAX_NONSTARTERS 30

/* End of the NFC segment that starts at byte `from` of valid UTF-8. */
static size_t nfc_segment_end(const char *src, size_t len, size_t from)
{
    size_t i = from;
    int run = 0;
    while (i < len) {
        int32_t cp;
        int n = decode(src, len, i, &cp);
        if (n < 0) return len; /* utf8proc reports the error */
        if (utf8proc_get_property(cp)->combining_class == 0) run = 0;
        else if (++run > MAX_NONSTARTERS && i > from) return i;
        i += (size_t)n;
    }
    return len;
}

char *wc_nfc(const char *src, size_t len)
{
    /* Not utf8proc_map: it measures with a NULL buffer, which is undefined
     * behaviour (pointer arithmetic on NULL) that UBSan rejects. */
    const int opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
    utf8proc_ssize_t cap = (utf8proc_ssize_t)len + 8;
    utf8proc_int32_t *buf = malloc((size_t)cap * sizeof *buf);
    utf8proc_ssize_t n = 0;
    size_t seg = 0;
    if (!buf) return NULL;
    while (seg < len) {
        size_t end = nfc_segment_end(src, len, seg);
        for (;;) {
            utf8proc_ssize_t m = utf8proc_decompose((const utf8proc_uint8_t *)src + seg,
                                                    (utf8proc_ssize_t)(end - seg), buf + n,
                                                    cap - n, opts);
            if (m < 0) goto fail;
            if (m <= cap - n) { n += m; break; }
            utf8proc_ssize_t want = cap * 2 > n + m + 8 ? cap * 2 : n + m + 8;
            utf8proc_int32_t *nb = realloc(buf, (size_t)want * sizeof *buf);
            if (!nb) goto fail;
            buf = nb;
            cap = want;
        }
        seg = end;
    }
    n = utf8proc_normalize_utf32(buf, n, opts);
    if (n < 0) goto fail;
    if (n >= cap) {
        /* UTF-8 needs at most 4 bytes per code point and reencode adds a
         * NUL: one spare code point of room is enough. */
        utf8proc_int32_t *nb = realloc(buf, (size_t)(n + 1) * sizeof *buf);
        if (!nb) goto fail;
        buf = nb;
    }
    n = utf8proc_reencode(buf, n, opts);
    if (n < 0) goto fail;
    return (char *)buf;
fail:
    free(buf);
    return NULL;
}

enum cp_class { C_SPACE, C_NEWLINE, C_LETTER, C_MARK, C_DIGIT, C_PUNCT, C_EMOJI, C_IGNORABLE };

static int is_emoji_presentation_bmp(int32_t cp)
{
    /* Extended_Pictographic code points below U+1F000 that are emoji by default
     * (Emoji_Presentation=Yes) or are almost always used as emoji. */
    static const int32_t list[] = {
        0x231A, 0x231B, 0x23E9, 0x23EA, 0x23EB, 0x23EC, 0x23F0, 0x23F3, 0x25FD, 0x25FE,
        0x2614, 0x2615, 0x2639, 0x263A, 0x2648, 0x2649, 0x264A, 0x264B, 0x264C, 0x264D,
        0x264E, 0x264F, 0x2650, 0x2651, 0x2652, 0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA,
        0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2, 0x26F3,
        0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A, 0x270B, 0x2728, 0x274C, 0x274E, 0x2753,
        0x2754, 0x2755, 0x2757, 0x2764, 0x2795, 0x2796, 0x2797, 0x27B0, 0x27BF, 0x2B1B,
        0x2B1C, 0x2B50, 0x2B55,
    };
    size_t lo = 0, hi = sizeof list / sizeof list[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (list[mid] == cp) return 1;
        if (list[mid] < cp) lo = mid + 1; else hi = mid;
    }
    return 0;
}

static int is_regional_indicator(int32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

static int is_ignorable(int32_t cp)
{
    /* Zero-width characters: pages (Facebook) hide them in text as decoys. */
    return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF ||
           cp == 0x00AD;
}

static int32_t peek_at(const char *s, size_t len, size_t i, int *n);

static enum cp_class classify_wide(int32_t cp, const char *s, size_t len, size_t after);

/* Class of code point cp whose encoding ends at byte `after` of s (the next
 * code point is only decoded for emoji-capable symbols: U+FE0F makes them emoji). */
static inline enum cp_class classify_cp(int32_t cp, const char *s, size_t len, size_t after)
{
    if (cp < 0x80) {
        if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') return C_LETTER;
        if (cp >= '0' && cp <= '9') return C_DIGIT;
        if (cp == '\n') return C_NEWLINE;
        if (cp < 0x21 || cp == 0x7F) return C_SPACE; /* ' ', \t, \r, \f, \v and controls */
        return C_PUNCT;
    }
    return classify_wide(cp, s, len, after);
}

/* classify_cp of a non-ASCII code point. */
static enum cp_class classify_wide(int32_t cp, const char *s, size_t len, size_t after)
{
    if (cp == 0x2028 || cp == 0x2029) return C_NEWLINE;
    if (is_ignorable(cp)) return C_IGNORABLE;
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (p->boundclass == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC) {
        int m;
        if (cp >= 0x1F000 || is_emoji_presentation_bmp(cp) || peek_at(s, len, after, &m) == 0xFE0F)
            return C_EMOJI;
        return C_PUNCT;
    }
    if (is_regional_indicator(cp)) return C_EMOJI;
    switch (p->category) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        return C_LETTER;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return C_MARK;
    case UTF8PROC_CATEGORY_ND:
        return C_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
        return C_SPACE;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        return C_NEWLINE;
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
        return C_SPACE;
    default:
        return C_PUNCT;
    }
}

/* ---- a cursor over the text ------------------------------------------- */

typedef struct cursor {
    const char *s;
    size_t len;
    size_t i;   /* byte offset */
    size_t u16; /* UTF-16 offset */
} cursor;

/* Code point at byte offset i (assumes valid UTF-8); *n gets its byte length. */
static int32_t peek_at(const char *s, size_t len, size_t i, int *n)
{
    int32_t cp = -1;
    if (i >= len) { *n = 0; return -1; }
    if ((unsigned char)s[i] < 0x80) { *n = 1; return (unsigned char)s[i]; }
    *n = decode(s, len, i, &cp);
    if (*n < 0) { *n = 1; return 0xFFFD; }
    return cp;
}

static int32_t cur_cp(const cursor *c, int *n) { return peek_at(c->s, c->len, c->i, n); }


static void advance(cursor *c)
{
    if (c->i < c->len && (unsigned char)c->s[c->i] < 0x80) { /* ASCII: one byte, one unit */
        c->i++;
        c->u16++;
        return;
    }
    int n;
    int32_t cp = cur_cp(c, &n);
    if (!n) return;
    c->i += (size_t)n;
    c->u16 += (size_t)u16_units(cp);
}

static enum cp_class cur_class(const cursor *c)
{
    int n;
    int32_t cp = cur_cp(c, &n);
    if (!n) return C_SPACE;
    return classify_cp(cp, c->s, c->len, c->i + (size_t)n);
}

/* ---- token storage ---------------------------------------------------- */

/* A buffer of `want` bytes holding the `used` bytes of buf: realloc, or for
 * a borrowed buffer (the caller's, wc_tokenize_in) a fresh copy. */
static void *grow(void *buf, size_t used, size_t want, int borrowed)
{
    if (!borrowed) return realloc(buf, want);
    void *nb = malloc(want);
    if (nb && used) memcpy(nb, buf, used);
    return nb;
}

/* reserve_keys when the keys are full. */
static int grow_keys(wc_text *t, size_t n)
{
    size_t cap = t->keys_cap ? t->keys_cap : 256;
    while (cap < t->keys_len + n) cap *= 2;
    char *k = grow(t->keys, t->keys_len, cap, t->borrowed & WC_TEXT_BORROWED_KEYS);
    if (!k) return WEBCARE_ERROR_NOMEM;
    t->keys = k;
    t->keys_cap = cap;
    t->borrowed &= (unsigned char)~WC_TEXT_BORROWED_KEYS;
    return 0;
}

/* Room for n more bytes of keys. */
static inline int reserve_keys(wc_text *t, size_t n)
{
    return t->keys_len + n <= t->keys_cap ? 0 : grow_keys(t, n);
}

static int push_key_bytes(wc_text *t, const char *b, size_t n)
{
    int rc = reserve_keys(t, n + 1);
    if (rc) return rc;
    memcpy(t->keys + t->keys_len, b, n);
    t->keys_len += n;
    return 0;
}

static int end_key(wc_text *t)
{
    int rc = reserve_keys(t, 1);
    if (rc == 0) t->keys[t->keys_len++] = 0;
    return rc;
}

/* Match key of a non-ASCII span: case fold, strip accents, compose, skip
 * zero-width characters. */
static int push_key_unicode(wc_text *t, const char *s, size_t len)
{
    utf8proc_int32_t stackbuf[128];
    utf8proc_int32_t *buf = stackbuf;
    utf8proc_ssize_t cap = (utf8proc_ssize_t)(sizeof stackbuf / sizeof stackbuf[0]);
    const int opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
                     UTF8PROC_IGNORE;
    utf8proc_ssize_t n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, buf,
                                            cap, opts);
    if (n > cap) {
        buf = malloc((size_t)n * sizeof *buf);
        if (!buf) return WEBCARE_ERROR_NOMEM;
        cap = n;
        n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, buf, cap, opts);
    }
    int rc = 0;
    if (n < 0) {
        rc = WEBCARE_ERROR_INVALID_UTF8;
        goto cleanup;
    }
    n = utf8proc_normalize_utf32(buf, n, opts);
    if (n < 0) {
        rc = WEBCARE_ERROR_INVALID_UTF8;
        goto cleanup;
    }
    /* Re-encode by hand (utf8proc_reencode needs room for 4 bytes per code
     * point in the same buffer, which it always has). */
    for (utf8proc_ssize_t k = 0; k < n && rc == 0; k++) {
        utf8proc_uint8_t b[4];
        if (is_ignorable(buf[k])) continue;
        utf8proc_ssize_t m = utf8proc_encode_char(buf[k], b);
        rc = push_key_bytes(t, (const char *)b, (size_t)m);
    }
cleanup:
    if (buf != stackbuf) free(buf);
    return rc;
}

/* Sets WC_TF_NONASCII and pushes the key of token tok (NUL-terminated). */
static int push_key(wc_text *t, wc_token *tok)
{
    const char *s = t->src + tok->start;
    size_t len = tok->end - tok->start;
    int rc = 0;
    if (tok->kind != WC_TOK_EMOJI) {
        /* One pass: copy (lower-cased but for punctuation) and look for
         * non-ASCII bytes; those keys are redone by push_key_unicode. */
        unsigned hi = 0;
        rc = reserve_keys(t, len + 1);
        if (rc) return rc;
        char *k = t->keys + t->keys_len;
        if (tok->kind == WC_TOK_PUNCT || tok->kind == WC_TOK_BREAK) {
            for (size_t i = 0; i < len; i++) {
                hi |= (unsigned char)s[i];
                k[i] = s[i];
            }
        } else {
            for (size_t i = 0; i < len; i++) {
                unsigned char b = (unsigned char)s[i];
                hi |= b;
                k[i] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
            }
        }
        if (hi & 0x80) tok->flags |= WC_TF_NONASCII;
        if (!(hi & 0x80) || tok->kind == WC_TOK_PUNCT || tok->kind == WC_TOK_BREAK)
            t->keys_len += len;
        else
            rc = push_key_unicode(t, s, len);
        return rc ? rc : end_key(t);
    }
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80) { tok->flags |= WC_TF_NONASCII; break; }
    {
        /* Drop variation selectors and skin tones so "👍🏽" keys as "👍". */
        size_t i = 0;
        while (i < len && rc == 0) {
            int n;
            int32_t cp = peek_at(s, len, i, &n);
            if (cp != 0xFE0F && cp != 0xFE0E && !(cp >= 0x1F3FB && cp <= 0x1F3FF))
                rc = push_key_bytes(t, s + i, (size_t)n);
            i += (size_t)n;
        }
    }
    if (rc == 0) rc = end_key(t);
    return rc;
}

static int push_token(wc_text *t, wc_tok_kind kind, unsigned flags, const cursor *from,
                      const cursor *to)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 32;
        wc_token *nt = grow(t->tok, t->n * sizeof *nt, cap * sizeof *nt, t->borrowed & WC_TEXT_BORROWED_TOK);
        if (!nt) return WEBCARE_ERROR_NOMEM;
        t->tok = nt;
        t->cap = cap;
        t->borrowed &= (unsigned char)~WC_TEXT_BORROWED_TOK;
    }
    wc_token *tok = &t->tok[t->n];
    tok->kind = (uint8_t)kind;
    tok->flags = (uint8_t)flags;
    tok->start = (uint32_t)from->i;
    tok->end = (uint32_t)to->i;
    tok->u16_start = (uint32_t)from->u16;
    tok->u16_end = (uint32_t)to->u16;
    tok->key = (uint32_t)t->keys_len;
    int rc = push_key(t, tok);
    if (rc) return rc;
    tok->key_len = (uint32_t)(t->keys_len - tok->key - 1);
    t->n++;
    return 0;
}

/* ---- recognisers ------------------------------------------------------ */

/* Is c (0..127) in the set given as two 64-bit masks (bit c / bit c - 64)? */
static int in_ascii_set(int32_t c, uint64_t lo, uint64_t hi)
{
    if (c < 0 || c >= 128) return 0;
    return (int)(((c < 64 ? lo : hi) >> (c & 63)) & 1u);
}

#define DIGITS_LO 0x03FF000000000000u  /* 0-9 */
#define LETTERS_HI 0x07FFFFFE07FFFFFEu /* A-Z, a-z */


static int ascii_alpha(int32_t c) { return (uint32_t)((c | 0x20) - 'a') < 26u; }

static int ascii_alnum(int32_t c) { return ascii_alpha(c) || (uint32_t)(c - '0') < 10u; }

static int lower_ascii(int c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

static int starts_with_ci(const char *s, size_t len, size_t i, const char *lit)
{
    size_t k = 0;
    for (; lit[k]; k++)
        if (i + k >= len || lower_ascii((unsigned char)s[i + k]) != lit[k]) return 0;
    return 1;
}

static const char *const TLDS[] = {
    "app", "be", "co", "com", "de", "dev", "eu", "fr", "info", "io", "ly", "me", "net", "nl",
    "nu", "online", "org", "shop", "tv", "uk", "us",
};

static int known_tld(const char *s, size_t n)
{
    for (size_t k = 0; k < sizeof TLDS / sizeof TLDS[0]; k++) {
        size_t m = strlen(TLDS[k]);
        if (m != n) continue;
        size_t j = 0;
        while (j < n && lower_ascii((unsigned char)s[j]) == TLDS[k][j]) j++;
        if (j == n) return 1;
    }
    return 0;
}

/* Longer names are not domains (RFC 1035) and longer local parts not e-mail
 * (RFC 5321). The scans stop there, which keeps the tokenizer linear: on
 * "a.a.a.a…" every word start would otherwise rescan the rest of the text. */
#define MAX_DOMAIN 253
#define MAX_LOCAL 64

/* Length of a domain name "ns.nl" / "www.bol.com" at s[i] with a known TLD,
 * or 0. Labels are ASCII letters, digits and '-'. */
static size_t domain_len(const char *s, size_t len, size_t i)
{
    size_t j = i, labels = 0, last = i;
    size_t lim = len - i > MAX_DOMAIN ? i + MAX_DOMAIN + 1 : len;
    for (;;) {
        size_t k = j;
        while (k < lim && (ascii_alnum((unsigned char)s[k]) || s[k] == '-')) k++;
        if (k == j) break;
        labels++;
        last = j;
        if (k < lim && s[k] == '.' && k + 1 < lim && ascii_alnum((unsigned char)s[k + 1])) {
            j = k + 1;
            continue;
        }
        j = k;
        break;
    }
    if (labels < 2 || j - i > MAX_DOMAIN) return 0;
    if (j < len && ((unsigned char)s[j] >= 0x80 || s[j] == '@')) return 0;
    if (!known_tld(s + last, j - last)) return 0;
    return j - i;
}

static int url_body_char(unsigned char c)
{
    return c > 0x20 && c < 0x7F && c != '"' && c != '<' && c != '>' && c != '`';
}

/* Extends a URL at byte j over its path; trims trailing punctuation. */
static size_t url_extend(const char *s, size_t len, size_t j)
{
    if (j < len && (s[j] == '/' || s[j] == '?' || s[j] == '#' || s[j] == ':')) {
        while (j < len && url_body_char((unsigned char)s[j])) j++;
        while (j > 0 && strchr(".,;:!?)'", s[j - 1])) j--;
    }
    return j;
}

/* If a URL starts at byte i, returns its end, else 0. */
static size_t match_url(const char *s, size_t len, size_t i)
{
    size_t j;
    if (starts_with_ci(s, len, i, "https://")) j = i + 8;
    else if (starts_with_ci(s, len, i, "http://")) j = i + 7;
    else j = i;
    size_t d = domain_len(s, len, j);
    if (j != i && d == 0) {
        /* A scheme with an unknown TLD is still a URL. */
        size_t k = j;
        while (k < len && url_body_char((unsigned char)s[k]) && s[k] != '/') k++;
        if (k == j) return 0;
        return url_extend(s, len, k);
    }
    if (d == 0) return 0;
    return url_extend(s, len, j + d);
}

/* A character of an e-mail local part: ASCII letter/digit or one of "._%+-".
 * (Not strchr: it also matches the NUL terminator, so a NUL byte in the text
 * would count as part of an address.) */
static int local_char(unsigned char c)
{
    /* . % + - in the low half, _ in the high one */
    return in_ascii_set(c, DIGITS_LO | 1ull << '.' | 1ull << '%' | 1ull << '+' | 1ull << '-',
                        LETTERS_HI | 1ull << ('_' - 64));
}

/* If an e-mail address starts at byte i, returns its end, else 0. */
static size_t match_email(const char *s, size_t len, size_t i)
{
    size_t j = i;
    while (j < len && j - i <= MAX_LOCAL && local_char((unsigned char)s[j])) j++;
    if (j == i || j - i > MAX_LOCAL || j >= len || s[j] != '@') return 0;
    size_t d = domain_len(s, len, j + 1);
    return d ? j + 1 + d : 0;
}

/* Cheap pre-check: could an e-mail address or URL start at byte i? Only if
 * its ASCII run contains '.' or '@', or is followed by "://". */
static int maybe_link(const char *s, size_t len, size_t i)
{
    size_t j = i;
    while (j < len) {
        unsigned char c = (unsigned char)s[j];
        if (!ascii_alnum(c)) {
            if (!local_char(c)) break;
            if (c == '.' && j + 1 < len && ascii_alnum((unsigned char)s[j + 1])) return 1;
        }
        if (j - i > MAX_LOCAL) return 0; /* too long for a local part or a label */
        j++;
    }
    return j < len && (s[j] == '@' || s[j] == ':');
}

static int prev_is_alnum(const char *s, size_t i)
{
    return i > 0 && (ascii_alnum((unsigned char)s[i - 1]) || (unsigned char)s[i - 1] >= 0x80);
}

/* ---- the tokenizer ---------------------------------------------------- */

static void skip_bytes(cursor *c, size_t end)
{
    while (c->i < end) advance(c);
}

static int is_word_joiner(int32_t cp) { return cp == '\'' || cp == 0x2019 || cp == '-'; }

/* Scans a word; returns its WC_TF_* flags. *plain (if non-NULL) is set when
 * the word is ASCII letters only. */
static unsigned scan_word(cursor *c, int *plain)
{
    unsigned flags = 0;
    size_t from = c->i;
    int slow = 0; /* consumed something past the ASCII letter path */
    int letters = 0, uppers = 0, first_upper = -1;
    int32_t prev = -1;
    int run = 0;
    for (;;) {
        if (c->i < c->len) {
            /* ASCII fast path: a run of plain letters, no property lookups. */
            unsigned char b = (unsigned char)c->s[c->i];
            int32_t low = b | 0x20;
            if (low >= 'a' && low <= 'z') {
                size_t i = c->i, start = i;
                if (first_upper < 0) first_upper = b < 'a';
                for (;;) {
                    uppers += b < 'a';
                    run = (low == prev) ? run + 1 : 1;
                    if (run >= 3) flags |= WC_TF_ELONGATED;
                    prev = low;
                    if (++i >= c->len) break;
                    b = (unsigned char)c->s[i];
                    low = b | 0x20;
                    if (low < 'a' || low > 'z') break;
                }
                letters += (int)(i - start);
                c->u16 += i - start;
                c->i = i;
                /* ASCII space or punctuation other than a joiner ends the word */
                if (i < c->len && b < 0x80 && !(b >= '0' && b <= '9') && b != '\'' && b != '-') break;
                continue;
            }
        }
        int n;
        int32_t cp = cur_cp(c, &n);
        if (!n) break;
        enum cp_class k = classify_cp(cp, c->s, c->len, c->i + (size_t)n);
        if (k == C_LETTER || k == C_MARK || k == C_DIGIT) {
            if (k == C_LETTER) {
                const utf8proc_property_t *p = utf8proc_get_property(cp);
                int up = p->category == UTF8PROC_CATEGORY_LU || p->category == UTF8PROC_CATEGORY_LT;
                if (first_upper < 0) first_upper = up;
                letters++;
                uppers += up;
                int32_t low = utf8proc_tolower(cp);
                run = (low == prev) ? run + 1 : 1;
                if (run >= 3) flags |= WC_TF_ELONGATED;
                prev = low;
            } else if (k == C_DIGIT) {
                flags |= WC_TF_DIGIT;
                prev = -1;
                run = 0;
            }
            advance(c);
            slow = 1;
            continue;
        }
        if (k == C_IGNORABLE || is_word_joiner(cp)) {
            /* Keep inside the word only when a letter follows. */
            cursor look = *c;
            advance(&look);
            while (look.i < look.len && cur_class(&look) == C_IGNORABLE) advance(&look);
            enum cp_class nk = cur_class(&look);
            if (look.i < look.len && (nk == C_LETTER || (cp == '-' && nk == C_DIGIT))) {
                *c = look;
                slow = 1;
                continue;
            }
        }
        break;
    }
    if (letters >= 2 && uppers == letters) flags |= WC_TF_UPPER;
    if (first_upper == 1) flags |= WC_TF_TITLE;
    if (plain) *plain = !slow && c->i > from;
    return flags;
}

/* Could byte b after an ASCII word continue an e-mail address or URL (what
 * maybe_link looks for past the letters)? */
static int link_char(unsigned char b)
{
    return b == '.' || b == '_' || b == '%' || b == '+' || b == '-' || b == '@' || b == ':';
}

static void scan_number(cursor *c)
{
    for (;;) {
        enum cp_class k = cur_class(c);
        if (k == C_DIGIT) { advance(c); continue; }
        char sep = c->i < c->len ? c->s[c->i] : 0;
        if ((sep == '.' || sep == ',' || sep == ':' || sep == '/' || sep == '-') && c->i + 1 < c->len &&
            c->s[c->i + 1] >= '0' && c->s[c->i + 1] <= '9') {
            advance(c);
            continue;
        }
        break;
    }
}

static void scan_emoji(cursor *c)
{
    utf8proc_int32_t state = 0;
    int n;
    int32_t prev = cur_cp(c, &n);
    advance(c);
    while (c->i < c->len) {
        int32_t cp = cur_cp(c, &n);
        if (utf8proc_grapheme_break_stateful(prev, cp, &state)) break;
        advance(c);
        prev = cp;
    }
}

static int keycap_at(const cursor *c)
{
    /* [0-9#*] FE0F? 20E3 */
    const char *s = c->s;
    size_t i = c->i, len = c->len;
    if (i >= len || !((s[i] >= '0' && s[i] <= '9') || s[i] == '#' || s[i] == '*')) return 0;
    int n;
    size_t j = i + 1;
    int32_t cp = peek_at(s, len, j, &n);
    if (cp == 0xFE0F) { j += (size_t)n; cp = peek_at(s, len, j, &n); }
    return cp == 0x20E3;
}

int wc_tokenize(const char *src, size_t len, wc_text *out, size_t *err_at)
{
    return wc_tokenize_in(src, len, out, err_at, NULL, 0, NULL, 0);
}

int wc_tokenize_in(const char *src, size_t len, wc_text *out, size_t *err_at, wc_token *tok,
                   size_t tok_cap, char *keys, size_t keys_cap)
{
    memset(out, 0, sizeof *out);
    out->src = src;
    out->len = len;
    if (!src && len) return WEBCARE_ERROR_NULL;
    int rc = wc_validate_utf8(src, len, err_at);
    if (rc) return rc;
    out->u16_len = wc_u16_len(src, len);
    /* Reserve once for typical text so short texts never reallocate (the
     * caller's buffers when they are that large). */
    out->cap = len / 4 + 16;
    if (tok && tok_cap >= out->cap) {
        out->tok = tok;
        out->cap = tok_cap;
        out->borrowed |= WC_TEXT_BORROWED_TOK;
    } else {
        out->tok = malloc(out->cap * sizeof *out->tok);
    }
    out->keys_cap = len + len / 2 + 64;
    if (keys && keys_cap >= out->keys_cap) {
        out->keys = keys;
        out->keys_cap = keys_cap;
        out->borrowed |= WC_TEXT_BORROWED_KEYS;
    } else {
        out->keys = malloc(out->keys_cap);
    }
    if (!out->tok || !out->keys) return WEBCARE_ERROR_NOMEM;

    cursor c = {src, len, 0, 0};
    unsigned space_before = 1;
    while (c.i < len && rc == 0) {
        if (src[c.i] == ' ') { /* the common case, without decoding */
            c.i++;
            c.u16++;
            space_before = 1;
            continue;
        }
        cursor from = c;
        int n = 1;
        int32_t cp = (unsigned char)src[c.i];
        if (cp >= 0x80) cp = cur_cp(&c, &n);
        enum cp_class k = classify_cp(cp, src, len, c.i + (size_t)n);
        unsigned sb = space_before ? WC_TF_SPACE_BEFORE : 0;
        space_before = 0;
        size_t end;

        if (k == C_SPACE || k == C_IGNORABLE) {
            advance(&c);
            space_before = 1;
            continue;
        }
        if (k == C_NEWLINE) {
            while (c.i < len) {
                enum cp_class m = cur_class(&c);
                if (m != C_NEWLINE && m != C_SPACE) break;
                advance(&c);
            }
            rc = push_token(out, WC_TOK_BREAK, sb, &from, &c);
            space_before = 1;
            continue;
        }
        if (k == C_LETTER) {
            /* Most words: ASCII letters followed by a space or punctuation
             * that no address continues with, so maybe_link would say no. */
            cursor w = c;
            int plain;
            unsigned f = scan_word(&w, &plain);
            if (plain && (w.i >= len || !link_char((unsigned char)src[w.i]))) {
                c = w;
                rc = push_token(out, WC_TOK_WORD, f | sb, &from, &c);
                continue;
            }
        }
        if ((k == C_LETTER || k == C_DIGIT) && !prev_is_alnum(src, c.i) && maybe_link(src, len, c.i)) {
            if ((end = match_email(src, len, c.i)) != 0) {
                skip_bytes(&c, end);
                rc = push_token(out, WC_TOK_EMAIL, sb, &from, &c);
                continue;
            }
            if ((end = match_url(src, len, c.i)) != 0) {
                skip_bytes(&c, end);
                rc = push_token(out, WC_TOK_URL, sb, &from, &c);
                continue;
            }
        }
        if (k == C_DIGIT && keycap_at(&c)) {
            scan_emoji(&c);
            rc = push_token(out, WC_TOK_EMOJI, sb, &from, &c);
            continue;
        }
        if (k == C_LETTER || k == C_MARK) {
            unsigned f = scan_word(&c, NULL);
            rc = push_token(out, WC_TOK_WORD, f | sb, &from, &c);
            continue;
        }
        if (k == C_DIGIT) {
            scan_number(&c);
            if (cur_class(&c) == C_LETTER) {
                /* "3e", "5G", "24x7": a word with digits. */
                unsigned f = scan_word(&c, NULL) | WC_TF_DIGIT;
                rc = push_token(out, WC_TOK_WORD, f | sb, &from, &c);
            } else {
                rc = push_token(out, WC_TOK_NUMBER, sb, &from, &c);
            }
            continue;
        }
        if (k == C_EMOJI) {
            scan_emoji(&c);
            rc = push_token(out, WC_TOK_EMOJI, sb, &from, &c);
            continue;
        }
        /* Punctuation: @handle, #hashtag, or a run. */
        if ((cp == '@' || cp == 0xFF20) && !prev_is_alnum(src, c.i)) {
            cursor h = c;
            advance(&h);
            size_t body = h.i;
            size_t j = h.i; /* ASCII: one UTF-16 unit per byte */
            while (j < len && (ascii_alnum((unsigned char)src[j]) || src[j] == '_')) j++;
            h.u16 += j - h.i;
            h.i = j;
            if (h.i > body) {
                c = h;
                rc = push_token(out, WC_TOK_HANDLE, sb, &from, &c);
                continue;
            }
        }
        if ((cp == '#' || cp == 0xFF03) && !prev_is_alnum(src, c.i)) {
            cursor h = c;
            advance(&h);
            int letters = 0;
            while (h.i < len) {
                enum cp_class m = cur_class(&h);
                if (m == C_LETTER) letters++;
                else if (!(m == C_DIGIT || m == C_MARK || src[h.i] == '_')) break;
                advance(&h);
            }
            if (letters) {
                c = h;
                rc = push_token(out, WC_TOK_HASHTAG, sb, &from, &c);
                continue;
            }
        }
        advance(&c);
        while (c.i < len && cur_class(&c) == C_PUNCT && c.s[c.i] != '@' && c.s[c.i] != '#' &&
               !keycap_at(&c))
            advance(&c);
        rc = push_token(out, WC_TOK_PUNCT, sb, &from, &c);
    }
    return rc;
}

void wc_text_free(wc_text *t)
{
    if (!t) return;
    if (!(t->borrowed & WC_TEXT_BORROWED_TOK)) free(t->tok);
    if (!(t->borrowed & WC_TEXT_BORROWED_KEYS)) free(t->keys);
    t->tok = NULL;
    t->keys = NULL;
    t->n = t->cap = t->keys_len = t->keys_cap = 0;
    t->borrowed = 0;
}

size_t wc_squeeze(const char *key, char *dst, size_t cap, int keep)
{
    size_t o = 0;
    if (!cap) return 0;
    for (const char *p = key; *p;) {
        const char *q = p;
        while (*q == *p) q++;
        size_t run = (size_t)(q - p);
        /* Only letter runs of 3+ are elongations; "zee", "1000" stay. */
        if (run >= 3 && *p >= 'a' && *p <= 'z') run = (size_t)keep;
        for (size_t k = 0; k < run && o + 1 < cap; k++) dst[o++] = *p;
        p = q;
    }
    dst[o] = 0;
    return o;
}

const char *wc_tok_kind_name(int kind)
{
    static const char *const names[WC_TOK_KIND_COUNT] = {
        "word", "number", "url", "email", "handle", "hashtag", "emoji", "punct", "break",
    };
    return (kind >= 0 && kind < WC_TOK_KIND_COUNT) ? names[kind] : "unknown";
}
