/* length.c — platform lengths.
 *
 * X: twitter-text 3.1.0 parseTweet(text).weightedLength with the default v3
 * config, replicated exactly. twitter-text works on the NFC form of the text
 * as a JavaScript string, and its regexes are non-Unicode, so everything here
 * runs on UTF-16 code units:
 *   1. NFC (skipped when every code point is NFC-inert, see nfc_inert);
 *   2. URLs as extractUrlsWithIndices finds them: its regex (extractUrl, flags
 *      "gi") is replayed by hand below, with its backtracking order worked out
 *      per part (see the comments), then isValidUrl, the protocol-less ASCII
 *      domain rules and the t.co rule; each URL weighs 23;
 *   3. emoji as twemoji-parser's regex finds them; each weighs 2;
 *   4. any other code unit weighs 1 in the light ranges, else 2 (a surrogate
 *      pair counts once, with the weight of its low half: 2).
 * Character classes, TLD lists and the emoji regex come from
 * core/src/gen/x_tables.c (core/tools/gen-x-tables.mjs), which also checks the
 * structural facts relied on here.
 */
#include "length.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "text.h"
#include "utf8proc.h"

/* ---- UTF-16 text ---------------------------------------------------------- */

typedef struct u16text {
    const uint16_t *u;
    size_t n;
} u16text;

#define AT(t, i) ((i) < (t)->n ? (t)->u[i] : 0xFFFFu) /* U+FFFF is in no class we test */

static inline int in_ranges(const wc_x_ranges *rs, uint16_t u)
{
    size_t lo = 0, hi = rs->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (u < rs->r[mid].lo) hi = mid;
        else if (u > rs->r[mid].hi) lo = mid + 1;
        else return 1;
    }
    return 0;
}

static inline int cls(uint16_t u, int c)
{
    if (u < 128) return (wc_x_ascii_class[u] >> c) & 1;
    return in_ranges(&wc_x_class[c], u);
}

/* The canonical unit under the regex "i" flag (only meaningful for TLD and
 * literal characters; others map to themselves). */
static inline uint16_t canon(uint16_t u)
{
    if (u < 128) return wc_x_canon_ascii[u];
    size_t lo = 0, hi = wc_x_canon.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (u < wc_x_canon.from[mid]) hi = mid;
        else if (u > wc_x_canon.from[mid]) lo = mid + 1;
        else return wc_x_canon.to[mid];
    }
    return u;
}

/* Case-insensitive match of an ASCII literal at i; returns its length or 0. */
static size_t lit_ci(const u16text *t, size_t i, const char *lit)
{
    size_t k = 0;
    for (; lit[k]; k++)
        if (i + k >= t->n || canon(t->u[i + k]) != wc_x_canon_ascii[(unsigned char)lit[k]]) return 0;
    return k;
}

/* ---- DAWGs ---------------------------------------------------------------- */

#define DAWG_END (-2) /* a final state without edges */

/* The state after unit u from state s (-1: no edge; DAWG_END), its final
 * flag in *final (length.h). */
static int dawg_step(const wc_x_dawg *d, int s, uint16_t u, unsigned *final)
{
    if (s < 0) return -1;
    size_t lo = (size_t)s, hi = lo + d->deg[s];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        unsigned label = (unsigned)d->label_hi[mid] << 8 | d->label_lo[mid];
        if (u < label) hi = mid;
        else if (u > label + (d->span ? d->span[mid] : 0u)) lo = mid + 1;
        else {
            unsigned next = (unsigned)d->next_hi[mid] << 8 | d->next_lo[mid];
            int delta = (int)((next >> 2) ^ 0x2000u) - 0x2000;
            *final = next & 3u;
            return delta ? (int)mid + delta : DAWG_END;
        }
    }
    return -1;
}

/* TLD (gTLD | ccTLD | punycode) at i in t[..lim): the end, or 0. The regex
 * takes the first alternative, in list order, whose lookahead
 * (?=[^0-9a-zA-Z@+-]|$) holds; the generator checked that this is always the
 * longest such TLD. Punycode (xn--[-0-9a-z]+, no lookahead) comes last. */
static size_t tld_at(const u16text *t, size_t i, size_t lim)
{
    size_t best = 0;
    int s = 0;
    unsigned f;
    for (size_t j = i; j < lim; j++) {
        s = dawg_step(&wc_x_tld, s, canon(t->u[j]), &f);
        if (s == -1) break;
        if (f && (j + 1 == lim || cls(t->u[j + 1], WC_XC_TLDLA))) best = j + 1;
    }
    if (best) return best;
    if (i + 4 < lim && lit_ci(t, i, "xn--") && cls(t->u[i + 4], WC_XC_PUNY)) {
        size_t j = i + 5;
        while (j < lim && cls(t->u[j], WC_XC_PUNY)) j++;
        return j;
    }
    return 0;
}

/* twemoji-parser's regex at i: the match length or 0 (longest = first
 * alternative, checked by the generator). */
static size_t emoji_at(const u16text *t, size_t i)
{
    size_t best = 0;
    int s = 0;
    unsigned f;
    for (size_t j = i; j < t->n; j++) {
        s = dawg_step(&wc_x_emoji, s, t->u[j], &f);
        if (s == -1) break;
        if (f == 1 || (f == 2 && (j + 1 == t->n || t->u[j + 1] != 0xFE0E))) best = j + 1 - i;
    }
    return best;
}

/* ---- the URL regex, part by part --------------------------------------------
 * extractUrl = (PRE)((https?://)?(DOMAIN)(?::([0-9]+))?(/PATH*)?(\?Q*QEND)?)
 * Everything after DOMAIN is optional and the regex ends there, so it can
 * never make the engine backtrack into DOMAIN: each part takes its own
 * first-priority match. */

/* Memo of the last run of domain-label characters [C_-] (C = validDomainChars),
 * so that scanning a long run from every start stays linear; and, once a
 * label chain longer than DOM_MEMO_LABELS is seen, domain_at's answer per
 * start position (dom[x] = answer + 1, 0 = not known yet), so that a chain of
 * short labels ("a.b.a.b.…") is walked once, not once per start. */
typedef struct runmemo {
    size_t lo, end, last_us; /* run [lo, end); last '_' in it (or SIZE_MAX) */
    int valid;
    uint32_t *dom; /* t->n + 1 entries, or NULL */
} runmemo;

static inline int is_label_unit(uint16_t u) { return u == '_' || u == '-' || cls(u, WC_XC_DOM); }

static void label_run(const u16text *t, size_t x, runmemo *m)
{
    if (m->valid && x >= m->lo && x < m->end) return;
    size_t j = x, us = SIZE_MAX;
    while (j < t->n && is_label_unit(t->u[j])) {
        if (t->u[j] == '_') us = j;
        j++;
    }
    m->lo = x;
    m->end = j;
    m->last_us = us;
    m->valid = 1;
}

/* validSubdomain = (?:(?:C(?:[_-]|C)*)?C\.): the greedy run backtracks to its
 * only possible end (the run end, followed by '.'), so it matches iff the run
 * from x starts and ends with C and is followed by '.'. Returns the end
 * (after the '.') or 0; *underscore says whether the label has a '_'
 * (validDomainName is the same without '_'). */
static size_t sub_at(const u16text *t, size_t x, runmemo *m, int *underscore)
{
    if (x >= t->n || !cls(t->u[x], WC_XC_DOM)) return 0;
    label_run(t, x, m);
    size_t r = m->end;
    if (r >= t->n || t->u[r] != '.' || !cls(t->u[r - 1], WC_XC_DOM)) return 0;
    *underscore = m->last_us != SIZE_MAX && m->last_us >= x;
    return r + 1;
}

/* validDomain = SUB* NAME TLD. SUB* takes n labels greedily; NAME cannot match
 * where SUB failed, so the engine tries NAME at label j = n-1 .. 0 with the TLD
 * right after it: the answer is the TLD end after the last label j without a
 * '_' that has a TLD after it, or 0. The chain from the second label is the
 * tail of the chain from the first, so answer(x0) = answer(x1) if that is not
 * 0, else label 0's TLD end: with long chains the answers are memoised. */
#define DOM_MEMO_LABELS 32
static size_t domain_at(const u16text *t, size_t x0, runmemo *m)
{
    if (m->dom && m->dom[x0]) return m->dom[x0] - 1;
    size_t x = x0, nl = 0, best = 0, best_label = 0, tail = 0;
    int tail_known = 0;
    for (;;) {
        int u = 0;
        size_t nx = sub_at(t, x, m, &u);
        if (!nx) {
            tail_known = 1; /* no label at x: its answer is 0 */
            break;
        }
        if (!u) {
            size_t e = tld_at(t, nx, t->n);
            if (e) {
                best = e;
                best_label = nl;
            }
        }
        nl++;
        x = nx;
        if (m->dom && m->dom[x]) {
            tail = m->dom[x] - 1;
            tail_known = 1;
            break;
        }
    }
    size_t ans = tail ? tail : best;
    if (nl > DOM_MEMO_LABELS && !m->dom && t->n < UINT32_MAX - 1)
        m->dom = calloc(t->n + 1, sizeof *m->dom); /* on failure: slower, same answers */
    if (m->dom && nl > 1) {
        /* label i's start gets tail, else best up to best_label, then 0 */
        size_t xi = x0;
        for (size_t i = 0; i < nl; i++) {
            size_t v = tail ? tail : (best && i <= best_label ? best : 0);
            m->dom[xi] = (uint32_t)(v + 1);
            int u = 0;
            xi = sub_at(t, xi, m, &u);
        }
        if (tail_known) m->dom[xi] = (uint32_t)(tail + 1);
    }
    return ans;
}

/* validUrlBalancedParens = \((?:G+|(?:G*\(G+\)G*))\) — each greedy run can only
 * end at its maximal end, so the match is unique. Returns the end or 0. */
static size_t path_run(const u16text *t, size_t i)
{
    while (i < t->n && cls(t->u[i], WC_XC_PATH)) i++;
    return i;
}

static size_t parens_at(const u16text *t, size_t q)
{
    if (AT(t, q) != '(') return 0;
    size_t r1 = path_run(t, q + 1);
    if (r1 > q + 1 && AT(t, r1) == ')') return r1 + 1;
    if (AT(t, r1) != '(') return 0;
    size_t r2 = path_run(t, r1 + 1);
    if (r2 == r1 + 1 || AT(t, r2) != ')') return 0;
    size_t r3 = path_run(t, r2 + 1);
    return AT(t, r3) == ')' ? r3 + 1 : 0;
}

/* One iteration of validUrlPath. validUrlPathEndingChars is spliced in
 * without a group, so its "|" splits the path: the alternatives are
 *   (1) G*(?:B G*)*[ending]   (2) B   (3) @G+/
 * (1): after each maximal G run a balanced group B continues the match; the
 * engine keeps the deepest level whose run holds an ending character (the
 * last one in that run). (3) can never match where (1) failed: its '/' is an
 * ending character inside the first run. Returns the end or 0. */
static size_t path_iter(const u16text *t, size_t p)
{
    size_t level = p, best = 0;
    for (;;) {
        size_t r = path_run(t, level);
        for (size_t k = r; k > level; k--)
            if (cls(t->u[k - 1], WC_XC_PEND)) { best = k; break; }
        size_t b = parens_at(t, r);
        if (!b) break;
        level = b;
    }
    if (best) return best;
    return parens_at(t, p);
}

/* (\?Q*QEND)? at i: the end of the query or i. */
static size_t query_at(const u16text *t, size_t i, size_t lim)
{
    if (i >= lim || t->u[i] != '?') return i;
    size_t r = i + 1;
    while (r < lim && cls(t->u[r], WC_XC_QRY)) r++;
    for (size_t k = r; k > i + 1; k--)
        if (cls(t->u[k - 1], WC_XC_QEND)) return k;
    return i;
}

typedef struct urlmatch {
    size_t s;            /* match start (the preceding character, if any) */
    int has_before;      /* PRE consumed a character (t->u[s]) */
    size_t url, end;     /* $3 */
    size_t plen;         /* protocol length */
    size_t dom, dom_end; /* $5 */
    int has_path;        /* $7 non-empty */
} urlmatch;

/* (https?://)?(DOMAIN)(?::(PORT))?(/PATH*)?(QUERY)? at x. */
static int url_body(const u16text *t, size_t x, runmemo *m, urlmatch *um)
{
    size_t plen = lit_ci(t, x, "http");
    if (plen) {
        if (lit_ci(t, x + plen, "s")) plen++;
        size_t c = lit_ci(t, x + plen, "://");
        plen = c ? plen + c : 0;
    }
    size_t de = plen ? domain_at(t, x + plen, m) : 0;
    if (!de) {
        plen = 0;
        de = domain_at(t, x, m);
        if (!de) return 0;
    }
    size_t e = de;
    if (AT(t, e) == ':' && cls(AT(t, e + 1), WC_XC_DIGIT)) {
        e += 2;
        while (e < t->n && cls(t->u[e], WC_XC_DIGIT)) e++;
    }
    um->has_path = 0;
    if (AT(t, e) == '/') {
        size_t pe = e + 1, nx;
        while ((nx = path_iter(t, pe)) != 0) pe = nx;
        um->has_path = 1; /* "/" alone is a non-empty $7 */
        e = pe;
    }
    e = query_at(t, e, t->n);
    um->url = x;
    um->end = e;
    um->plen = plen;
    um->dom = x + plen;
    um->dom_end = de;
    return 1;
}

/* A '.' between two domain characters. Every domain the regex can match has
 * one right after its first label (the generator checked that TLDs start with
 * a domain character), so no match can start at s unless the first '.' after
 * s is such a dot, and the label run ending there begins at most 9 units
 * (preceding character + "https://") after s. */
static inline int good_dot(const u16text *t, size_t k)
{
    return t->u[k] == '.' && k > 0 && k + 1 < t->n && cls(t->u[k - 1], WC_XC_DOM) &&
           cls(t->u[k + 1], WC_XC_DOM);
}

/* The leftmost match at or after `from` (RegExp exec with lastIndex). */
static int url_exec(const u16text *t, size_t from, runmemo *m, urlmatch *um)
{
    size_t nd = from, rs = 0; /* the first '.' after s; start of the label run ending there */
    int nd_known = 0;
    for (size_t s = from; s < t->n; s++) {
        if (!nd_known || nd <= s) {
            nd = s + 1;
            while (nd < t->n && t->u[nd] != '.') nd++;
            if (nd >= t->n) return 0;
            nd_known = 1;
            if (!good_dot(t, nd)) {
                s = nd - 1; /* continue at s = nd */
                nd_known = 0;
                continue;
            }
            rs = nd;
            while (rs > 0 && is_label_unit(t->u[rs - 1])) rs--;
        }
        if (rs >= s + 10) {
            s = rs - 10; /* continue at s = rs - 9 */
            continue;
        }
        if (cls(t->u[s], WC_XC_PRE) && url_body(t, s + 1, m, um)) {
            um->s = s;
            um->has_before = 1;
            return 1;
        }
        if (s == 0 && url_body(t, 0, m, um)) { /* the ^ alternative */
            um->s = 0;
            um->has_before = 0;
            return 1;
        }
    }
    return 0;
}

/* validAsciiDomain = (?:(?:L+)\.)+(?:TLD) at p in t[..lim): the end or 0.
 * Each (L+\.) iteration is unique (L excludes '.'), so the engine tries the
 * TLD after k = n .. 1 labels: the answer is the TLD at the last label
 * boundary of the chain that has one. The chain from a later position of the
 * same chain is its tail, so callers that try every p in turn share one walk
 * per chain through an asciimemo (the same answers, linear instead of
 * quadratic in the number of labels). */
typedef struct asciimemo {
    size_t lo, hi;     /* the chain walked from lo covers [lo, hi) */
    size_t ystar, end; /* its last boundary with a TLD and that TLD's end (end 0: none) */
} asciimemo;

static size_t ascii_domain_at(const u16text *t, size_t p, size_t lim, asciimemo *am)
{
    if (!(p >= am->lo && p < am->hi)) {
        size_t y = p, r;
        am->lo = p;
        am->end = 0;
        for (;;) {
            r = y;
            while (r < lim && cls(t->u[r], WC_XC_ALBL)) r++;
            if (r == y || r >= lim || t->u[r] != '.') break;
            y = r + 1;
            size_t e = tld_at(t, y, lim);
            if (e) {
                am->ystar = y;
                am->end = e;
            }
        }
        am->hi = r > p ? r : p + 1;
    }
    /* p must start a label whose '.' is at or before the last TLD boundary's */
    if (!am->end || p + 1 >= am->ystar || !cls(t->u[p], WC_XC_ALBL)) return 0;
    return am->end;
}

/* ---- punycode length (node's punycode.toASCII, as idna.toAscii uses it) --- */

static size_t puny_digit_count(uint32_t q, uint32_t bias)
{
    size_t n = 0;
    for (uint32_t k = 36;; k += 36) {
        uint32_t tt = k <= bias ? 1 : (k >= bias + 26 ? 26 : k - bias);
        if (q < tt) break;
        q = (q - tt) / (36 - tt);
        n++;
    }
    return n + 1;
}

static uint32_t puny_adapt(uint32_t delta, uint32_t numpoints, int first)
{
    uint32_t k = 0;
    delta = first ? delta / 700 : delta >> 1;
    delta += delta / numpoints;
    for (; delta > ((36 - 1) * 26) >> 1; k += 36) delta /= 36 - 1;
    return k + (36 - 1 + 1) * delta / (delta + 38);
}

/* Length of 'xn--' + encode(units) or of the units themselves when they are
 * all <= 0x7E; returns SIZE_MAX where punycode would throw (overflow). */
static size_t puny_label_len(const uint16_t *u, size_t n)
{
    int nonascii = 0;
    for (size_t i = 0; i < n; i++)
        if (u[i] > 0x7E) { nonascii = 1; break; }
    if (!nonascii) return n;
    /* ucs2decode */
    uint32_t stackcp[128];
    uint32_t *cp = n <= 128 ? stackcp : malloc(n * sizeof *cp);
    if (!cp) return SIZE_MAX;
    size_t m = 0, basic = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t v = u[i];
        if (v >= 0xD800 && v <= 0xDBFF && i + 1 < n) {
            uint32_t x = u[i + 1];
            if ((x & 0xFC00) == 0xDC00) {
                cp[m++] = ((v & 0x3FF) << 10) + (x & 0x3FF) + 0x10000;
                i++;
                continue;
            }
        }
        cp[m++] = v;
    }
    for (size_t i = 0; i < m; i++) basic += cp[i] < 0x80;
    size_t out = basic + (basic ? 1 : 0);
    const uint32_t max_int = 0x7FFFFFFF;
    uint32_t nn = 0x80, delta = 0, bias = 72;
    size_t h = basic;
    while (h < m) {
        uint32_t mm = max_int;
        for (size_t i = 0; i < m; i++)
            if (cp[i] >= nn && cp[i] < mm) mm = cp[i];
        uint32_t hp1 = (uint32_t)h + 1;
        if (mm - nn > (max_int - delta) / hp1) { out = SIZE_MAX; break; }
        delta += (mm - nn) * hp1;
        nn = mm;
        int overflow = 0;
        for (size_t i = 0; i < m; i++) {
            if (cp[i] < nn && ++delta > max_int) { overflow = 1; break; }
            if (cp[i] == nn) {
                out += puny_digit_count(delta, bias);
                bias = puny_adapt(delta, hp1, h == basic);
                delta = 0; /* punycode.js keeps h + 1 fixed for the whole pass */
                ++h;
            }
        }
        if (overflow) { out = SIZE_MAX; break; }
        ++delta;
        ++nn;
    }
    if (cp != stackcp) free(cp);
    return out == SIZE_MAX ? SIZE_MAX : out + 4;
}

static int is_separator(uint16_t u) { return u == 0x2E || u == 0x3002 || u == 0xFF0E || u == 0xFF61; }

/* isValidUrl: idna.toAscii(domain) must succeed; the length check
 * protocol.length + url.length <= 4096 (toAscii returns the domain itself). */
static int url_valid(const u16text *t, const urlmatch *um)
{
    size_t d0 = um->dom, d1 = um->dom_end;
    if (d1 - d0 >= 4 && t->u[d0] == 'x' && t->u[d0 + 1] == 'n' && t->u[d0 + 2] == '-' &&
        t->u[d0 + 3] == '-') {
        int any = 0;
        asciimemo am = {0, 0, 0, 0};
        for (size_t p = d0; p < d1 && !any; p++) any = ascii_domain_at(t, p, d1, &am) != 0;
        if (!any) return 0;
    }
    /* labels split on '.', each through punycode.toASCII (which splits again
     * on the IDNA separators and joins with '.') */
    size_t a = d0;
    while (a <= d1) {
        size_t b = a;
        while (b < d1 && t->u[b] != '.') b++;
        size_t total = 0, s = a;
        for (size_t k = a; k <= b; k++) {
            if (k == b || is_separator(t->u[k])) {
                size_t l = puny_label_len(t->u + s, k - s);
                if (l == SIZE_MAX) return 0;
                total += l + (k == b ? 0 : 1);
                s = k + 1;
            }
        }
        if (total < 1 || total > 63) return 0;
        a = b + 1;
    }
    size_t plen = um->plen ? um->plen : 8; /* 'https://' */
    return plen + (um->end - um->url) <= 4096;
}

typedef struct entity {
    size_t start, len; /* len: the JavaScript `url.length` parseTweet skips */
} entity;

typedef struct entlist {
    entity *e;
    size_t n, cap;
    entity stack[16];
} entlist;

static int ent_push(entlist *l, size_t start, size_t len)
{
    if (l->n == l->cap) {
        size_t cap = l->cap * 2;
        entity *ne = l->e == l->stack ? malloc(cap * sizeof *ne) : realloc(l->e, cap * sizeof *ne);
        if (!ne) return WEBCARE_ERROR_NOMEM;
        if (l->e == l->stack) memcpy(ne, l->stack, sizeof l->stack);
        l->e = ne;
        l->cap = cap;
    }
    l->e[l->n].start = start;
    l->e[l->n].len = len;
    l->n++;
    return 0;
}

/* indexOf of t[a..a+len) in t[from..lim) */
static size_t index_of(const u16text *t, size_t a, size_t len, size_t from, size_t lim)
{
    for (size_t i = from; i + len <= lim; i++)
        if (memcmp(t->u + i, t->u + a, len * sizeof(uint16_t)) == 0) return i;
    return SIZE_MAX;
}

/* t.co: ^https?://t\.co/([a-z0-9]+)(?:\?Q*QEND)? on the URL. Returns 0 if not
 * t.co, 1 with *len set, or -1 if the slug is over 40 (URL dropped). */
static int tco(const u16text *t, const urlmatch *um, size_t *len)
{
    size_t i = um->url, lim = um->end;
    size_t k = lit_ci(t, i, "http");
    if (!k) return 0;
    i += k;
    if (i < lim && lit_ci(t, i, "s")) i++;
    if (!lit_ci(t, i, "://t.co/") || i + 8 > lim) return 0;
    i += 8;
    size_t s = i;
    while (i < lim && cls(t->u[i], WC_XC_TCO)) i++;
    if (i == s) return 0;
    if (i - s > 40) return -1;
    i = query_at(t, i, lim);
    *len = i - um->url;
    return 1;
}

/* extractUrlsWithIndices (default options: protocol-less URLs on). */
static int extract_urls(const u16text *t, entlist *out)
{
    runmemo memo = {0, 0, SIZE_MAX, 0, NULL};
    urlmatch um;
    size_t from = 0;
    int rc = 0;
    while (from < t->n && url_exec(t, from, &memo, &um)) {
        from = um.end;
        if (!url_valid(t, &um)) continue;
        if (!um.plen) {
            if (um.has_before) {
                uint16_t b = t->u[um.s];
                if (b == '-' || b == '_' || b == '.' || b == '/') continue;
            }
            size_t d0 = um.dom, d1 = um.dom_end, ascii_end = 0;
            size_t last = SIZE_MAX;
            asciimemo am = {0, 0, 0, 0};
            for (size_t p = d0; p < d1;) {
                size_t e = ascii_domain_at(t, p, d1, &am);
                if (!e) { p++; continue; }
                size_t at = index_of(t, p, e - p, d0 + ascii_end, d1);
                if (at == SIZE_MAX) at = p; /* cannot happen: the match itself is there */
                ascii_end = at - d0 + (e - p);
                rc = ent_push(out, at, e - p);
                if (rc) goto cleanup;
                last = out->n - 1;
                p = e;
            }
            if (last == SIZE_MAX) continue;
            if (um.has_path) out->e[last].len += (um.end - um.url) - (d1 - d0);
        } else {
            size_t len = um.end - um.url;
            int r = tco(t, &um, &len);
            if (r < 0) continue;
            rc = ent_push(out, um.url, len);
            if (rc) goto cleanup;
        }
    }
cleanup:
    free(memo.dom);
    return rc;
}

/* ---- NFC fast path ---------------------------------------------------------- */

/* A code point that NFC leaves alone in any context: no canonical
 * decomposition, combining class 0, never the second of a composition pair
 * (including Hangul V and T jamo). A text made only of these is already NFC. */
static int nfc_inert(int32_t cp)
{
    if (cp < 0x300) return 1;
    /* common blocks with none of the properties below (test_length checks all) */
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
        (cp >= 0x2010 && cp <= 0x2027))
        return 1;
    if ((cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A7 && cp <= 0x11C2)) return 0;
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (p->combining_class != 0) return 0;
    if (p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0) return 0;
    if (p->comb_index != UINT16_MAX && p->comb_index >= 0x8000) return 0;
    return 1;
}

int wc_x_nfc_inert(int32_t cp) { return nfc_inert(cp); }

static size_t put_u16(uint16_t *dst, int32_t cp)
{
    if (cp < 0x10000) {
        dst[0] = (uint16_t)cp;
        return 1;
    }
    cp -= 0x10000;
    dst[0] = (uint16_t)(0xD800 + (cp >> 10));
    dst[1] = (uint16_t)(0xDC00 + (cp & 0x3FF));
    return 2;
}

static inline uint8_t ccc_of(utf8proc_int32_t cp) { return utf8proc_get_property(cp)->combining_class; }

/* Canonical ordering of buf[0..m): each run of non-starters sorted stably by
 * combining class, as utf8proc_decompose does, but linear (its in-place swap
 * sort is quadratic in the run: "a" + 100 kB of alternating marks took > 10 s).
 * Short runs: insertion sort; long ones: a counting sort through tmp. */
#define SHORT_RUN 32
static int canonical_order(utf8proc_int32_t *buf, size_t m)
{
    size_t i = 0;
    while (i < m) {
        if (ccc_of(buf[i]) == 0) { i++; continue; }
        size_t j = i + 1;
        while (j < m && ccc_of(buf[j]) != 0) j++;
        if (j - i <= SHORT_RUN) {
            for (size_t k = i + 1; k < j; k++) {
                utf8proc_int32_t c = buf[k];
                uint8_t cc = ccc_of(c);
                size_t q = k;
                for (; q > i && ccc_of(buf[q - 1]) > cc; q--) buf[q] = buf[q - 1];
                buf[q] = c;
            }
        } else {
            size_t count[257] = {0};
            utf8proc_int32_t *tmp = malloc((j - i) * sizeof *tmp);
            if (!tmp) return WEBCARE_ERROR_NOMEM;
            for (size_t k = i; k < j; k++) count[ccc_of(buf[k]) + 1]++;
            for (size_t c = 1; c < 257; c++) count[c] += count[c - 1];
            for (size_t k = i; k < j; k++) tmp[count[ccc_of(buf[k])]++] = buf[k];
            memcpy(buf + i, tmp, (j - i) * sizeof *tmp);
            free(tmp);
        }
        i = j;
    }
    return 0;
}

/* NFC of the UTF-8 bytes s[a..b) (valid UTF-8) appended to dst at *n: the
 * canonical decomposition code point by code point, canonical_order, then
 * utf8proc's composition (linear). */
static int nfc_segment(const char *s, size_t a, size_t b, uint16_t *dst, size_t *n)
{
    const int opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
    utf8proc_int32_t stackbuf[64], *buf = stackbuf;
    size_t cap = 64, m = 0, i = a;
    int rc = 0;
    while (i < b) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(b - i), &cp);
        if (k <= 0) { rc = WEBCARE_ERROR_INVALID_UTF8; goto cleanup; }
        i += (size_t)k;
        if (cap - m < 16) { /* a canonical decomposition is at most 4 code points */
            size_t ncap = cap * 2;
            utf8proc_int32_t *nb = buf == stackbuf ? malloc(ncap * sizeof *nb) : realloc(buf, ncap * sizeof *nb);
            if (!nb) { rc = WEBCARE_ERROR_NOMEM; goto cleanup; }
            if (buf == stackbuf) memcpy(nb, stackbuf, m * sizeof *nb);
            buf = nb;
            cap = ncap;
        }
        utf8proc_ssize_t d = utf8proc_decompose_char(cp, buf + m, (utf8proc_ssize_t)(cap - m), opts, NULL);
        if (d < 0 || (size_t)d > cap - m) { rc = WEBCARE_ERROR_INVALID_UTF8; goto cleanup; }
        m += (size_t)d;
    }
    rc = canonical_order(buf, m);
    if (rc) goto cleanup;
    utf8proc_ssize_t r = utf8proc_normalize_utf32(buf, (utf8proc_ssize_t)m, opts);
    if (r < 0) { rc = WEBCARE_ERROR_INVALID_UTF8; goto cleanup; }
    for (utf8proc_ssize_t k = 0; k < r; k++) *n += put_u16(dst + *n, buf[k]);
cleanup:
    if (buf != stackbuf) free(buf);
    return rc;
}

/* UTF-8 -> NFC in UTF-16. dst needs room for len * 3 / 2 + 1 units (NFC
 * turns at most 4 bytes into 6 units, e.g. U+1D160). An NFC-inert code point
 * has a normalisation boundary before it and nothing after it combines with
 * anything before it, so only the runs of other code points, each with the
 * inert code point in front of it (it may be the first of a composition),
 * go through utf8proc. Returns 0 or a negative webcare_status. */
static int to_nfc_u16(const char *src, size_t len, uint16_t *dst, size_t *out_n)
{
    const unsigned char *p = (const unsigned char *)src;
    size_t i = 0, n = 0, last_in = 0, last_out = 0;
    while (i < len) {
        if (i + 8 <= len) { /* eight ASCII bytes at a time */
            uint64_t v;
            memcpy(&v, p + i, 8);
            if (!(v & 0x8080808080808080ull)) {
                for (int k = 0; k < 8; k++) dst[n + (size_t)k] = p[i + (size_t)k];
                last_in = i + 7;
                last_out = n + 7;
                i += 8;
                n += 8;
                continue;
            }
        }
        if (p[i] < 0x80) {
            last_in = i;
            last_out = n;
            dst[n++] = p[i++];
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (k <= 0) return WEBCARE_ERROR_INVALID_UTF8;
        if (nfc_inert(cp)) {
            last_in = i;
            last_out = n;
            n += put_u16(dst + n, cp);
            i += (size_t)k;
            continue;
        }
        /* a run of non-inert code points up to the next inert one */
        size_t j = i + (size_t)k;
        while (j < len) {
            if (p[j] < 0x80) break;
            k = utf8proc_iterate(p + j, (utf8proc_ssize_t)(len - j), &cp);
            if (k <= 0) return WEBCARE_ERROR_INVALID_UTF8;
            if (nfc_inert(cp)) break;
            j += (size_t)k;
        }
        /* before the first inert code point last_in = last_out = 0 = i */
        n = last_out;
        int rc = nfc_segment(src, last_in, j, dst, &n);
        if (rc) return rc;
        i = j;
    }
    *out_n = n;
    return 0;
}

/* ---- parseTweet ----------------------------------------------------------------- */

static int light(uint16_t u)
{
    return u <= 4351 || (u >= 8192 && u <= 8205) || (u >= 8208 && u <= 8223) || (u >= 8242 && u <= 8247);
}

/* The emoji scan (RegExp exec in a loop): the next match at or after `from`,
 * or start = SIZE_MAX. */
static void emoji_next(const u16text *t, size_t from, size_t *start, size_t *len)
{
    for (size_t i = from; i < t->n; i++) {
        uint16_t u = t->u[i];
        if (u < 128 && !((wc_x_ascii_class[u] >> WC_XC_EMOJI1) & 1)) continue;
        size_t k = emoji_at(t, i);
        if (k) {
            *start = i;
            *len = k;
            return;
        }
    }
    *start = SIZE_MAX;
}

/* parseTweet's loop over UTF-16 units: a URL starting here weighs 23 and is
 * skipped (by its url.length), else an emoji starting here weighs 2, else the
 * unit (a surrogate pair as one, weighing 2) weighs 1 or 2. Entities that
 * start inside a skipped stretch are ignored, as in parseTweet's map lookup. */
static int weigh(const u16text *t, size_t *out)
{
    entlist urls;
    urls.e = urls.stack;
    urls.n = 0;
    urls.cap = 16;
    int rc = extract_urls(t, &urls);
    if (rc) goto cleanup;
    size_t w = 0, ui = 0, n = t->n;
    size_t estart, elen = 0;
    emoji_next(t, 0, &estart, &elen);
    for (size_t i = 0; i < n;) {
        while (ui < urls.n && urls.e[ui].start < i) ui++;
        /* later duplicates overwrite earlier ones in parseTweet's map */
        while (ui + 1 < urls.n && urls.e[ui + 1].start == i) ui++;
        if (ui < urls.n && urls.e[ui].start == i) {
            w += 23;
            i += urls.e[ui].len;
            continue;
        }
        while (estart < i) emoji_next(t, estart + elen, &estart, &elen);
        if (estart == i) {
            w += 2;
            i += elen;
            continue;
        }
        /* plain units up to the next entity */
        size_t stop = ui < urls.n && urls.e[ui].start < estart ? urls.e[ui].start : estart;
        if (stop > n) stop = n;
        do {
            uint16_t u = t->u[i];
            if (u <= 4351) {
                w++;
                i++;
            } else if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n && (t->u[i + 1] & 0xFC00) == 0xDC00) {
                w += 2;
                i += 2;
            } else {
                w += light(u) ? 1 : 2;
                i++;
            }
        } while (i < stop);
    }
    *out = w;
cleanup:
    if (urls.e != urls.stack) free(urls.e);
    return rc;
}

int wc_x_weighted_length(const char *s, size_t len, size_t *out)
{
    uint16_t stackbuf[768];
    size_t cap = len + len / 2 + 1;
    uint16_t *u = cap <= 768 ? stackbuf : malloc(cap * sizeof *u);
    if (!u) return WEBCARE_ERROR_NOMEM;
    size_t n = 0;
    int rc = to_nfc_u16(s, len, u, &n);
    if (!rc) {
        u16text t = {u, n};
        rc = weigh(&t, out);
    }
    if (u != stackbuf) free(u);
    return rc;
}

int wc_platform_length(const char *s, size_t len, int platform, wc_length *out)
{
    out->platform = platform;
    switch (platform) {
    case WC_PLATFORM_X:
        out->limit = WC_LIMIT_X;
        return wc_x_weighted_length(s, len, &out->used);
    case WC_PLATFORM_LINKEDIN:
        out->limit = WC_LIMIT_LINKEDIN;
        break;
    default:
        out->limit = WC_LIMIT_FACEBOOK;
        break;
    }
    out->used = wc_u16_len(s, len);
    return 0;
}
