/* lint.c — the reply linter (SPEC "Core → Linter", "Rule catalogue") and the
 * rule-pack ops load-pack / check-pack.
 *
 * A lint request: {text, platform, mention:{text,type} | "text", agent,
 * config:{style:"je"|"u", disabled:[ids], signoff:"^{name}", agent, platform,
 * pack:{...inline team pack}}}. The result:
 *   {score, length:{used,limit,platform}, mention_type, findings:[{rule,
 *    severity, start, end, message, why, suggestions:[{kind,text}]}],
 *    checklist:[{step, done: true|false|null}]}
 * Offsets are UTF-16 code units. A suggestion of kind "replace" is text for
 * the span [start,end) (an empty span means: insert there); "advice" is a tip.
 *
 * Score: 90 + 10 × (checklist steps done / steps that apply), minus per
 * finding 25 (error), 10 (warning) or 3 (info), counting at most two findings
 * per rule; rounded and clamped to 0..100. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "internal.h"
#include "length.h"
#include "rules.h"
#include "dutch.h"
#include "fmt.h"

#define MAX_FINDINGS 64
#define MAX_PER_RULE 16 /* matches looked at per rule: bounds the work on hostile input */
enum { T_UNKNOWN = -1 };

typedef struct finding {
    const wc_pack *pack;
    const wc_rule *rule;
    uint32_t start, end; /* UTF-16 */
    const wc_pat *pat;   /* the pattern that matched (replacement suggestions) */
    char repl[96];       /* a computed replacement, or "" */
    const char *detail;  /* a per-finding message (static), or NULL: the rule's */
    int has_repl;
} finding;

typedef struct lint_ctx {
    const wc_doc *d;
    int platform;
    int mtype; /* wc_mention_type or T_UNKNOWN */
    const char *agent;
    const char *signoff; /* format with {name}, or NULL */
    int style;           /* 0, 'u' or 'j' */
    const cJSON *disabled;
    const wc_pack *team;
    wc_length L;
    size_t nf;
    size_t addr_end; /* first token after the leading address */
    int addressed, thanked, apologized, empathized, asked, informed, solved, compensated, signed_;
    int promise_found;
    wc_dutch_finding *nl; /* d/t + confusion findings, computed once (check_dutch) */
    size_t n_nl;
    finding f[MAX_FINDINGS]; /* last: not cleared up front (add() clears each one) */
} lint_ctx;

/* ---- helpers ---------------------------------------------------------- */

static const char *const TYPES[] = {"happy", "neutral", "angry", "question"};

static int type_from_name(const char *s)
{
    for (int i = 0; i < 4; i++)
        if (strcmp(s, TYPES[i]) == 0) return i;
    return -2;
}

static int is_disabled(const lint_ctx *c, const char *id)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, c->disabled)
    {
        if (cJSON_IsString(it) && strcmp(it->valuestring, id) == 0) return 1;
    }
    if (c->team)
        for (size_t i = 0; i < c->team->n_disabled; i++)
            if (strcmp(c->team->disabled[i], id) == 0) return 1;
    return 0;
}

static uint32_t u16_at_tok(const wc_doc *d, size_t i)
{
    return i < d->t.n ? d->t.tok[i].u16_start : (uint32_t)d->t.u16_len;
}

static uint32_t u16_end_tok(const wc_doc *d, size_t i_excl)
{
    return i_excl > 0 ? d->t.tok[i_excl - 1].u16_end : 0;
}

static finding *add(lint_ctx *c, const wc_pack *p, const wc_rule *r, uint32_t s, uint32_t e,
                    const wc_pat *pat)
{
    for (size_t i = 0; i < c->nf; i++) /* one finding per rule per span */
        if (c->f[i].rule == r && c->f[i].start < e + (s == e) && s < c->f[i].end + (s == e)) return NULL;
    if (c->nf >= MAX_FINDINGS) return NULL;
    finding *f = &c->f[c->nf++];
    memset(f, 0, sizeof *f);
    f->pack = p;
    f->rule = r;
    f->start = s;
    f->end = e;
    f->pat = pat;
    return f;
}

static int tok_is(const wc_doc *d, size_t i, int kind) { return i < d->t.n && d->t.tok[i].kind == kind; }

static int tok_text_is(const wc_doc *d, size_t i, const char *s)
{
    size_t n = strlen(s);
    return i < d->t.n && d->t.tok[i].end - d->t.tok[i].start == n &&
           memcmp(d->t.src + d->t.tok[i].start, s, n) == 0;
}

/* The sentence holding token i: the first k with i < sent[k + 1] (binary search). */
static size_t sentence_of(const wc_doc *d, size_t i)
{
    size_t lo = 0, hi = d->n_sent;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (i < d->sent[mid + 1]) hi = mid;
        else lo = mid + 1;
    }
    return lo < d->n_sent ? lo : d->n_sent ? d->n_sent - 1 : 0;
}

/* ---- structure -------------------------------------------------------- */

/* Finds the leading address: handles, greeting words, a name (Title-case
 * words before , or !), "mevrouw/meneer" and their punctuation. */
static void find_address(lint_ctx *c, const wc_pack *p, const wc_rule *r)
{
    const wc_doc *d = c->d;
    const wc_list *greet = wc_rule_list(p, r, "greet");
    const wc_list *notname = wc_rule_list(p, r, "not_names");
    size_t i = 0, n = d->t.n;
    while (i < n && (tok_is(d, i, WC_TOK_EMOJI) || tok_is(d, i, WC_TOK_BREAK) || tok_is(d, i, WC_TOK_PUNCT)))
        i++;
    int addressed = 0;
    for (;;) {
        if (i >= n) break;
        if (tok_is(d, i, WC_TOK_HANDLE)) { addressed = 1; i++; continue; }
        wc_match m;
        size_t k = sentence_of(d, i);
        size_t lim = d->sent[k + 1] < i + 4 ? d->sent[k + 1] : i + 4; /* bounded: hostile "hoi hoi hoi…" */
        if (i > 24) break;
        if (greet && wc_list_find(p, greet, d, i, lim, i, 0, &m) && m.tok_lo == i) {
            addressed = 1;
            i = m.tok_hi;
            continue;
        }
        /* a name: up to three Title-case words, then , ! or a line break */
        size_t j = i;
        while (j < n && j < i + 3 && tok_is(d, j, WC_TOK_WORD) && (d->t.tok[j].flags & WC_TF_TITLE) &&
               !wc_list_tok(p, notname, d, j, 0))
            j++;
        if (j > i && (j == n || tok_text_is(d, j, ",") || tok_text_is(d, j, "!") || tok_is(d, j, WC_TOK_BREAK) ||
                      (addressed && !tok_is(d, j, WC_TOK_WORD)))) {
            addressed = 1;
            i = j;
            continue;
        }
        /* a lower-case name right after a greeting word ("hoi marco,") */
        if (addressed && j == i && tok_is(d, i, WC_TOK_WORD) && tok_text_is(d, i + 1, ",") &&
            i > 0 && !tok_is(d, i - 1, WC_TOK_PUNCT)) {
            i++;
            continue;
        }
        break;
    }
    while (addressed && i < n && tok_is(d, i, WC_TOK_PUNCT) && !tok_text_is(d, i, "?")) i++;
    while (addressed && i < n && (tok_is(d, i, WC_TOK_BREAK) || tok_is(d, i, WC_TOK_EMOJI))) i++;
    c->addressed = addressed;
    c->addr_end = addressed ? i : 0;
    while (c->addr_end < n && (tok_is(d, c->addr_end, WC_TOK_BREAK) || tok_is(d, c->addr_end, WC_TOK_EMOJI)))
        c->addr_end++;
}

static void check_greeting(lint_ctx *c, const wc_pack *p, const wc_rule *r)
{
    if (!c->addressed) add(c, p, r, 0, 0, NULL);
}

static void check_thanks(lint_ctx *c, const wc_pack *p, const wc_rule *r)
{
    const wc_list *L = wc_rule_list(p, r, "thanks");
    c->thanked = wc_list_any(p, L, c->d, 0, c->d->t.n, 0);
    if (c->mtype == WC_HAPPY && !c->thanked) {
        uint32_t at = u16_at_tok(c->d, c->addr_end);
        add(c, p, r, at, at, NULL);
    }
}

static void check_apology(lint_ctx *c, const wc_pack *p, const wc_rule *r)
{
    const wc_list *L = wc_rule_list(p, r, "apology");
    const wc_doc *d = c->d;
    size_t count = 0;
    wc_match first = {0, 0, NULL}, third = {0, 0, NULL};
    for (size_t k = 0; k < d->n_sent && count < 3; k++) {
        size_t from = d->sent[k];
        wc_match m;
        while (wc_list_find(p, L, d, d->sent[k], d->sent[k + 1], from, r->typos, &m)) {
            count++;
            if (count == 1) first = m;
            if (count == 3) { third = m; break; }
            from = m.tok_hi > m.tok_lo ? m.tok_hi : m.tok_lo + 1;
            if (m.pat->n_seq > 1) break;
        }
    }
    c->apologized = count > 0;
    if (c->mtype == WC_HAPPY && count >= 1)
        add(c, p, r, u16_at_tok(d, first.tok_lo), u16_end_tok(d, first.tok_hi), NULL);
    else if (count >= 3)
        add(c, p, r, u16_at_tok(d, third.tok_lo), u16_end_tok(d, third.tok_hi), NULL);
}

static void check_empathy(lint_ctx *c, const wc_pack *p, const wc_rule *r)
{
    const wc_doc *d = c->d;
    const wc_list *ack = wc_rule_list(p, r, "ack");
    c->empathized = wc_list_any(p, ack, d, 0, d->t.n, r->typos);
    c->compensated = wc_list_any(p, wc_rule_list(p, r, "compensate"), d, 0, d->t.n, 0);
    if (c->mtype != WC_ANGRY || d->t.n == 0) return;
    /* the first sentence with content after the address; the address itself
     * may share it ("Balen, Niels, ...") and is searched too */
    size_t a = c->addr_end < d->t.n ? c->addr_end : 0;
    size_t k = sentence_of(d, a), words = 0;
    for (size_t i = a; i < d->sent[k + 1]; i++) words += tok_is(d, i, WC_TOK_WORD);
    size_t lo = d->sent[k], hi = d->sent[k + 1];
    if (words < 3 && k + 1 < d->n_sent) hi = d->sent[k + 2]; /* "De Wit,\n" then the content */
    if (!wc_list_any(p, ack, d, lo, hi, r->typos)) {
        /* the suggestion adds an opener: an insertion where the content
         * starts (after the address), never a replacement of the sentence */
        size_t at = c->addr_end > lo && c->addr_end < hi ? c->addr_end : lo;
        while (at < hi && tok_is(d, at, WC_TOK_BREAK)) at++;
        uint32_t u = u16_at_tok(d, at);
        add(c, p, r, u, u, NULL);
    }
}

static void check_answer(lint_ctx *c, const wc_pack *p, const wc_rule *r)
{
    const wc_doc *d = c->d;
    c->informed = wc_list_any(p, wc_rule_list(p, r, "answer"), d, 0, d->t.n, r->typos);
    c->solved = wc_list_any(p, wc_rule_list(p, r, "step"), d, 0, d->t.n, r->typos);
    if (c->mtype == WC_QUESTION && !c->informed && !c->solved) add(c, p, r, 0, 0, NULL);
}

static int is_title_word(const wc_doc *d, size_t i)
{
    return tok_is(d, i, WC_TOK_WORD) && (d->t.tok[i].flags & WC_TF_TITLE);
}

/* The first token of a trailing sign-off ("^Sanne", "- Sanne", a last line
 * "Sanne" or "Groet, Sanne" / "Groetjes,\nSanne"), or n when there is none. */
static size_t signature_start(const lint_ctx *c)
{
    const wc_doc *d = c->d;
    size_t n = d->t.n, e = n;
    while (e > 0 && tok_is(d, e - 1, WC_TOK_BREAK)) e--;
    size_t w = e; /* up to three Title-case words at the end */
    while (w > 0 && e - w < 3 && is_title_word(d, w - 1)) w--;
    if (w == e) return n;
    if (w > 0 && (tok_text_is(d, w - 1, "^") || tok_text_is(d, w - 1, "-") || tok_text_is(d, w - 1, "/")))
        return w - 1;
    if (w > 0 && tok_text_is(d, w - 1, ",")) { /* "Groet, Sanne" on one line */
        size_t g = w - 1;
        while (g > 0 && e - g < 8 && tok_is(d, g - 1, WC_TOK_WORD)) g--;
        if (g < w - 1 && (g == 0 || tok_is(d, g - 1, WC_TOK_BREAK))) return g;
        return n;
    }
    if (w == 0 || !tok_is(d, w - 1, WC_TOK_BREAK)) return n;
    /* a line of its own; a greeting line ending in "," just before it belongs to it */
    size_t b = w - 1;
    while (b > 0 && tok_is(d, b - 1, WC_TOK_BREAK)) b--;
    if (b > 0 && tok_text_is(d, b - 1, ",")) {
        size_t g = b - 1;
        while (g > 0 && b - g < 6 && tok_is(d, g - 1, WC_TOK_WORD)) g--;
        if (g < b - 1 && (g == 0 || tok_is(d, g - 1, WC_TOK_BREAK))) return g;
    }
    return w;
}

static void check_follow_up(lint_ctx *c, const wc_pack *p, const wc_rule *r)
{
    const wc_doc *d = c->d;
    c->asked = wc_list_any(p, wc_rule_list(p, r, "ask"), d, 0, d->t.n, r->typos);
    if (c->mtype == WC_NEUTRAL && !c->asked) {
        /* the question goes after the last sentence, before a sign-off */
        size_t e = signature_start(c);
        while (e > 0 && tok_is(d, e - 1, WC_TOK_BREAK)) e--;
        uint32_t at = e < d->t.n ? u16_end_tok(d, e) : (uint32_t)d->t.u16_len;
        add(c, p, r, at, at, NULL);
    }
}

static void format_signoff(const lint_ctx *c, char *buf, size_t cap)
{
    const char *fmt = c->signoff ? c->signoff : (c->platform == WC_PLATFORM_X ? " ^{name}" : "\n\nGroet, {name}");
    size_t w = 0;
    for (const char *s = fmt; *s && w + 1 < cap; s++) {
        if (strncmp(s, "{name}", 6) == 0) {
            size_t n = strlen(c->agent);
            if (w + n >= cap) break;
            memcpy(buf + w, c->agent, n);
            w += n;
            s += 5;
        } else {
            buf[w++] = *s;
        }
    }
    buf[w] = 0;
}

static void check_sign_off(lint_ctx *c, const wc_pack *p, const wc_rule *r)
{
    const wc_doc *d = c->d;
    size_t n = d->t.n;
    size_t last = n; /* last word token */
    for (size_t i = n; i-- > 0;)
        if (tok_is(d, i, WC_TOK_WORD)) { last = i; break; }
    if (!c->agent || !c->agent[0]) {
        /* no agent expected: a name after ^ / - or on its own last line counts for the checklist */
        c->signed_ = last < n && (d->t.tok[last].flags & WC_TF_TITLE) && last > 0 &&
                     (tok_is(d, last - 1, WC_TOK_BREAK) || tok_text_is(d, last - 1, "^") ||
                      tok_text_is(d, last - 1, "-") || tok_text_is(d, last - 1, "/") ||
                      tok_text_is(d, last - 1, ","));
        return;
    }
    wc_text at;
    size_t bad_at;
    int ok = 0;
    if (wc_tokenize(c->agent, strlen(c->agent), &at, &bad_at) == 0 && at.n > 0 && last < n) {
        /* the reply's last words are the agent's name (first name, or all of it) */
        size_t m = 0;
        for (size_t i = 0; i < at.n; i++) m += at.tok[i].kind == WC_TOK_WORD;
        for (size_t take = 1; take <= m && !ok; take++) {
            if (take > last + 1) break;
            size_t j = last + 1 - take, match = 1;
            for (size_t q = 0; q < take; q++) {
                if (strcmp(wc_key(&d->t, j + q), wc_key(&at, q)) != 0) { match = 0; break; }
            }
            ok = match && (take == m || take == 1);
        }
    }
    wc_text_free(&at);
    if (ok && c->signoff) {
        char want[96];
        format_signoff(c, want, sizeof want);
        const char *w = want;
        while (*w == ' ' || *w == '\n') w++;
        size_t wl = strlen(w), e = d->t.len;
        while (e > 0 && (d->t.src[e - 1] == ' ' || d->t.src[e - 1] == '\n')) e--;
        ok = e >= wl && memcmp(d->t.src + e - wl, w, wl) == 0;
    }
    c->signed_ = ok;
    if (!ok) {
        uint32_t end = (uint32_t)d->t.u16_len;
        finding *f = add(c, p, r, end, end, NULL);
        if (f) {
            format_signoff(c, f->repl, sizeof f->repl);
            f->has_repl = 1;
        }
    }
}

/* ---- tone ------------------------------------------------------------- */

static int has_vowel(const char *k)
{
    for (; *k; k++)
        if (strchr("aeiouy", *k)) return 1;
    return 0;
}

static void lower_surface(const wc_doc *d, size_t i, char *buf, size_t cap)
{
    size_t n = d->t.tok[i].end - d->t.tok[i].start, w = 0;
    const char *s = d->t.src + d->t.tok[i].start;
    for (size_t k = 0; k < n && w + 1 < cap; k++) {
        char ch = s[k];
        buf[w++] = (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
    }
    buf[w] = 0;
}

/* The team pack's own nouns with their article (issue 11): "de abonnement"
 * or "de nieuwe abonnement" when the pack lists "het abonnement". Only a
 * definite article de/het directly before the noun, or before one inflected
 * adjective (ending in -e, or a known adjective) and the noun; never "een". */
static const char *const ART_MSG[2] = {
    "Verkeerd lidwoord: volgens het teampakket is het 'de' bij dit woord van ons merk. Schrijf onze eigen woorden consistent en correct.",
    "Verkeerd lidwoord: volgens het teampakket is het 'het' bij dit woord van ons merk. Schrijf onze eigen woorden consistent en correct.",
};

static int art_adjective(const wc_doc *d, size_t i)
{
    static const char *const NOT_ADJ[] = {"de", "deze", "die", "elke", "iedere", "je", "me", "mee", "onze",
                                          "te", "we", "welke", "ze", "zulke", "nee", "ene", "jouwe", "mijne", NULL};
    if (!tok_is(d, i, WC_TOK_WORD) || (d->t.tok[i].flags & WC_TF_DIGIT)) return 0;
    const char *k = wc_key(&d->t, i);
    size_t n = d->t.tok[i].key_len;
    for (size_t j = 0; NOT_ADJ[j]; j++)
        if (strcmp(k, NOT_ADJ[j]) == 0) return 0;
    return (n >= 3 && k[n - 1] == 'e') || wc_nl_find(&wc_nl_adjs, k, n) >= 0;
}

static void check_articles(lint_ctx *c, const wc_pack *p, const wc_rule *r)
{
    const wc_doc *d = c->d;
    const wc_article *arts;
    size_t n_arts = wc_pack_articles(c->team, &arts);
    if (!n_arts) return;
    for (size_t i = 0; i + 1 < d->t.n; i++) {
        if (!tok_is(d, i, WC_TOK_WORD)) continue;
        const char *a = wc_key(&d->t, i);
        int het = strcmp(a, "het") == 0;
        if (!het && strcmp(a, "de") != 0) continue;
        size_t nn = i + 1; /* the noun: next token, or the one after an adjective */
        const wc_article *hit = NULL;
        for (int step = 0; step < 2 && !hit && tok_is(d, nn, WC_TOK_WORD); step++, nn++) {
            for (size_t k = 0; k < n_arts; k++)
                if (strcmp(wc_key(&d->t, nn), arts[k].key) == 0) { hit = &arts[k]; break; }
            if (!hit && !art_adjective(d, nn)) break;
        }
        if (!hit || hit->het == het) continue;
        const wc_token *k = &d->t.tok[i];
        finding *f = add(c, p, r, k->u16_start, k->u16_end, NULL);
        if (!f) continue;
        f->detail = ART_MSG[hit->het];
        const char *fix = hit->het ? "het" : "de";
        if (k->flags & WC_TF_UPPER) fix = hit->het ? "HET" : "DE";
        else if (k->flags & WC_TF_TITLE) fix = hit->het ? "Het" : "De";
        wc_fmt(f->repl, sizeof f->repl, "%s", fix);
        f->has_repl = 1;
    }
}

/* Dutch d/t spelling, confusions and readability (issue 11): the analysis is
 * in dutch.c; each finding carries its own message (the reason) and, for d/t and
 * confusions, the corrected word as a one-click replacement. d/t and
 * confusions come from one analysis (confusions need the d/t pass anyway),
 * kept in c->nl for the second of the two rules. */
#define NL_CAP 96
static void check_dutch(lint_ctx *c, const wc_pack *p, const wc_rule *r, int rule)
{
    wc_dutch_finding local[32], *df = local;
    size_t n;
    if (rule == WC_NL_READABILITY) {
        n = wc_dutch_check(&c->d->t, WC_NL_WANT_READABILITY, local, 32);
        if (n > 32) n = 32;
    } else {
        if (!c->nl) {
            c->nl = malloc(NL_CAP * sizeof *c->nl);
            if (!c->nl) return;
            c->n_nl = wc_dutch_check(&c->d->t, WC_NL_WANT_DT | WC_NL_WANT_CONFUSION, c->nl, NL_CAP);
            if (c->n_nl > NL_CAP) c->n_nl = NL_CAP;
        }
        df = c->nl;
        n = c->n_nl;
    }
    for (size_t i = 0, taken = 0; i < n && taken < 32; i++) {
        if (df[i].rule != rule) continue;
        taken++;
        finding *f = add(c, p, r, df[i].start16, df[i].end16, NULL);
        if (!f) continue; /* overlaps a finding of the same rule */
        f->detail = df[i].message;
        if (df[i].suggestion[0]) {
            wc_fmt(f->repl, sizeof f->repl, "%s", df[i].suggestion);
            f->has_repl = 1;
        }
    }
    if (rule == WC_NL_CONFUSION) check_articles(c, p, r);
}

static void check_shouting(lint_ctx *c, const wc_pack *p, const wc_rule *r)
{
    const wc_doc *d = c->d;
    const wc_list *acr = wc_rule_list(p, r, "acronyms");
    for (size_t i = 0; i < d->t.n; i++) {
        const wc_token *k = &d->t.tok[i];
        if (k->kind == WC_TOK_PUNCT) {
            wc_alt excl = {NULL, WC_CLASS_EXCL, WC_ALT_CLASS, 0};
            if (wc_tok_match_alt(d, i, &excl, 0)) {
                finding *f = add(c, p, r, k->u16_start, k->u16_end, NULL);
                if (f) { strcpy(f->repl, "!"); f->has_repl = 1; }
            }
            continue;
        }
        if (k->kind != WC_TOK_WORD || !(k->flags & WC_TF_UPPER) || (k->flags & WC_TF_DIGIT)) continue;
        const char *key = wc_key(&d->t, i);
        if (!has_vowel(key) || wc_list_tok(p, acr, d, i, 0)) continue;
        /* postcode letters: 1234 AB */
        if (k->key_len == 2 && i > 0 && tok_is(d, i - 1, WC_TOK_NUMBER) &&
            d->t.tok[i - 1].key_len == 4)
            continue;
        finding *f = add(c, p, r, k->u16_start, k->u16_end, NULL);
        if (f) { lower_surface(d, i, f->repl, sizeof f->repl); f->has_repl = 1; }
    }
}

static void check_emoji(lint_ctx *c, const wc_pack *p, const wc_rule *r)
{
    if (c->mtype != WC_ANGRY) return;
    const wc_doc *d = c->d;
    const wc_list *L = wc_rule_list(p, r, "emoji");
    for (size_t i = 0; i < d->t.n; i++) {
        if (!tok_is(d, i, WC_TOK_EMOJI) || !wc_list_tok(p, L, d, i, 0)) continue;
        finding *f = add(c, p, r, d->t.tok[i].u16_start, d->t.tok[i].u16_end, NULL);
        if (f) f->has_repl = 1; /* replace with "": remove it */
    }
}

/* The single-word pattern of list L that token i matches (for its replacements). */
static const wc_pat *tok_pat(const wc_pack *p, const wc_list *L, const wc_doc *d, size_t i)
{
    for (uint16_t k = 0; L && k < L->n_pat; k++) {
        const wc_pat *pt = &p->pats[L->pat + k];
        const wc_seq *q = &p->seqs[pt->seq];
        if (pt->n_seq != 1 || q->n_slot != 1) continue;
        const wc_slot *s = &p->slots[q->slot];
        for (uint16_t a = 0; a < s->n_alt; a++)
            if (wc_tok_match_alt(d, i, &p->alts[s->alt + a], 0)) return pt;
    }
    return NULL;
}

static void check_register(lint_ctx *c, const wc_pack *p, const wc_rule *r)
{
    const wc_doc *d = c->d;
    const wc_list *formal = wc_rule_list(p, r, "formal"), *informal = wc_rule_list(p, r, "informal");
    size_t nf = 0, ni = 0;
    uint8_t *mark = NULL; /* 1 formal, 2 informal */
    if (d->t.n) mark = calloc(d->t.n, 1);
    if (!mark) return;
    wc_list_mark(p, formal, d, 0, mark, 1);
    wc_list_mark(p, informal, d, 0, mark, 2);
    for (size_t i = 0; i < d->t.n; i++) {
        if (!mark[i]) continue;
        if (!tok_is(d, i, WC_TOK_WORD) ||
            (i > 0 && tok_is(d, i - 1, WC_TOK_NUMBER) && strcmp(wc_key(&d->t, i), "u") == 0)) { /* 9 u */
            mark[i] = 0;
            continue;
        }
        if (mark[i] == 1) nf++;
        else ni++;
    }
    int bad = 0;
    if (c->style == 'u') bad = 2;
    else if (c->style == 'j') bad = 1;
    else if (nf && ni) bad = nf < ni ? 1 : 2;
    if (bad) {
        const wc_list *L = bad == 1 ? formal : informal;
        for (size_t i = 0; i < d->t.n; i++)
            if (mark[i] == bad) add(c, p, r, d->t.tok[i].u16_start, d->t.tok[i].u16_end, tok_pat(p, L, d, i));
    }
    free(mark);
}

/* ---- safety ----------------------------------------------------------- */

static size_t count_digits(const char *s, size_t n, char *first)
{
    size_t k = 0;
    *first = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9') {
            if (!k) *first = s[i];
            k++;
        }
    return k;
}

static int is_iban(const char *k, size_t n)
{
    if (n < 15 || n > 34) return 0;
    if (!(k[0] >= 'a' && k[0] <= 'z' && k[1] >= 'a' && k[1] <= 'z' && k[2] >= '0' && k[2] <= '9' &&
          k[3] >= '0' && k[3] <= '9'))
        return 0;
    for (size_t i = 4; i < n; i++)
        if (!((k[i] >= 'a' && k[i] <= 'z') || (k[i] >= '0' && k[i] <= '9'))) return 0;
    return 1;
}

/* 1234 AB (number + two letters) or 1234AB at token i. */
static int is_postcode(const wc_doc *d, size_t i)
{
    const char *key = wc_key(&d->t, i);
    const wc_token *k = &d->t.tok[i];
    int digits4 = k->key_len >= 4 && key[0] >= '1' && key[0] <= '9' && key[1] >= '0' && key[1] <= '9' &&
                  key[2] >= '0' && key[2] <= '9' && key[3] >= '0' && key[3] <= '9';
    if (k->kind == WC_TOK_NUMBER && k->key_len == 4 && digits4 && tok_is(d, i + 1, WC_TOK_WORD) &&
        d->t.tok[i + 1].key_len == 2) {
        const char *l = wc_key(&d->t, i + 1);
        return l[0] >= 'a' && l[0] <= 'z' && l[1] >= 'a' && l[1] <= 'z';
    }
    return k->kind == WC_TOK_WORD && k->key_len == 6 && digits4 && key[4] >= 'a' && key[4] <= 'z' &&
           key[5] >= 'a' && key[5] <= 'z';
}

static void check_privacy(lint_ctx *c, const wc_pack *p, const wc_rule *r)
{
    const wc_doc *d = c->d;
    const wc_list *priv = wc_rule_list(p, r, "private");
    for (size_t i = 0; i < d->t.n; i++) {
        const wc_token *k = &d->t.tok[i];
        const char *key = wc_key(&d->t, i);
        size_t hit_end = 0;
        if (k->kind == WC_TOK_EMAIL) hit_end = i + 1;
        else if (k->kind == WC_TOK_NUMBER || (k->kind == WC_TOK_PUNCT && tok_text_is(d, i, "+"))) {
            size_t j = i, digits = 0;
            char first = 0, f1;
            int plus = k->kind == WC_TOK_PUNCT;
            if (plus) j++;
            /* a phone number may be split: 06 12345678, +31 6 1234 5678 */
            while (j < d->t.n && j < i + 5 && tok_is(d, j, WC_TOK_NUMBER)) {
                size_t n = count_digits(wc_key(&d->t, j), d->t.tok[j].key_len, &f1);
                if (!digits) first = f1;
                digits += n;
                j++;
                if (digits >= 10) break;
            }
            if ((first == '0' && digits >= 10 && digits <= 11) || (plus && first == '3' && digits >= 10))
                hit_end = j;
            /* postcode + house number: 1234 AB 12 */
            if (!hit_end && is_postcode(d, i) && tok_is(d, i + 2, WC_TOK_NUMBER))
                hit_end = i + 3;
        } else if (k->kind == WC_TOK_WORD && (k->flags & WC_TF_DIGIT)) {
            if (is_iban(key, k->key_len)) hit_end = i + 1;
            else if (k->key_len == 6 && key[0] >= '1' && key[0] <= '9' && key[4] >= 'a' &&
                     tok_is(d, i + 1, WC_TOK_NUMBER))
                hit_end = i + 2; /* 1234AB 12 */
        }
        if (!hit_end && is_postcode(d, i)) {
            /* postcode with a house number just before it: Lindelaan 4, 7511 JK */
            size_t j = i;
            int house = 0;
            for (size_t b = 1; b <= 3 && b <= i; b++)
                if (tok_is(d, i - b, WC_TOK_NUMBER) && d->t.tok[i - b].key_len <= 4) { house = 1; j = i - b; }
            if (house) {
                add(c, p, r, d->t.tok[j].u16_start, d->t.tok[i + (k->kind == WC_TOK_NUMBER ? 1 : 0)].u16_end, NULL);
                continue;
            }
        }
        if (!hit_end && k->kind == WC_TOK_WORD && tok_is(d, i + 1, WC_TOK_NUMBER) && d->t.tok[i + 1].key_len <= 4 &&
            wc_list_tok(p, wc_rule_list(p, r, "street"), d, i, 0))
            hit_end = i + 2; /* Lindelaan 4 */
        if (!hit_end && k->kind == WC_TOK_WORD && k->key_len == 4 && key[0] >= 'a' && key[2] >= '0' &&
            key[2] <= '9' && tok_is(d, i + 1, WC_TOK_WORD)) {
            /* a spaced IBAN: NL91 ABNA 0417 1643 00 */
            size_t j = i + 1, len = 4;
            while (j < d->t.n && j < i + 9 && (tok_is(d, j, WC_TOK_WORD) || tok_is(d, j, WC_TOK_NUMBER))) {
                len += d->t.tok[j].key_len;
                j++;
            }
            if (len >= 15 && len <= 34 && key[1] >= 'a' && key[3] >= '0' && key[3] <= '9') hit_end = j;
        }
        if (hit_end) {
            add(c, p, r, k->u16_start, u16_end_tok(d, hit_end), NULL);
            i = hit_end - 1;
        }
    }
    /* order/customer numbers, and asking to post data publicly */
    const char *lists[2] = {"data", "ask"};
    for (int li = 0; li < 2; li++) {
        const wc_list *L = wc_rule_list(p, r, lists[li]);
        for (size_t s = 0; L && s < d->n_sent; s++) {
            wc_match m;
            if (!wc_list_find(p, L, d, d->sent[s], d->sent[s + 1], d->sent[s], r->typos, &m)) continue;
            if (li == 1 && wc_list_any(p, priv, d, d->sent[s], d->sent[s + 1], 0)) continue;
            add(c, p, r, u16_at_tok(d, m.tok_lo), u16_end_tok(d, m.tok_hi), m.pat);
        }
    }
}

static void check_length(lint_ctx *c, const wc_pack *p, const wc_rule *r)
{
    const wc_doc *d = c->d;
    if (c->L.used <= c->L.limit) return;
    /* the first token that ends past the limit */
    size_t lo = 0, hi = d->t.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        wc_length part;
        if (wc_platform_length(d->t.src, d->t.tok[mid].end, c->platform, &part) == 0 && part.used > c->L.limit)
            hi = mid;
        else
            lo = mid + 1;
    }
    uint32_t start = lo < d->t.n ? d->t.tok[lo].u16_start : 0;
    add(c, p, r, start, (uint32_t)d->t.u16_len, NULL);
}

/* ---- phrase rules ----------------------------------------------------- */

static void check_phrase(lint_ctx *c, const wc_pack *p, const wc_rule *r)
{
    const wc_doc *d = c->d;
    const wc_list *L = wc_rule_list(p, r, "match"), *U = wc_rule_list(p, r, "unless");
    int reply_cleared = -1, matches = 0;
    for (size_t s = 0; L && s < d->n_sent && matches < MAX_PER_RULE; s++) {
        size_t lo = d->sent[s], hi = d->sent[s + 1], from = lo;
        wc_match m;
        while (from < hi && matches++ < MAX_PER_RULE && wc_list_find(p, L, d, lo, hi, from, r->typos, &m)) {
            from = m.tok_hi > m.tok_lo ? m.tok_hi : m.tok_lo + 1;
            int cleared = 0;
            if (U) {
                if (r->unless_scope == WC_SCOPE_REPLY) {
                    if (reply_cleared < 0) reply_cleared = wc_list_any(p, U, d, 0, d->t.n, r->typos);
                    cleared = reply_cleared;
                } else {
                    cleared = wc_list_any(p, U, d, lo, hi, r->typos);
                }
            }
            if (r->check == WC_CHECK_PHRASE && strcmp(r->id, "empty-promise") == 0) c->promise_found |= !cleared;
            if (cleared) continue;
            if (r->check == WC_CHECK_BRAND) {
                /* fine when the surface is already the brand spelling */
                uint32_t bs = d->t.tok[m.tok_lo].start, be = d->t.tok[m.tok_hi - 1].end;
                size_t sl = strlen(r->spelling);
                if (be - bs == sl && memcmp(d->t.src + bs, r->spelling, sl) == 0) continue;
                finding *f = add(c, p, r, u16_at_tok(d, m.tok_lo), u16_end_tok(d, m.tok_hi), m.pat);
                if (f && sl < sizeof f->repl) { strcpy(f->repl, r->spelling); f->has_repl = 1; }
                continue;
            }
            add(c, p, r, u16_at_tok(d, m.tok_lo), u16_end_tok(d, m.tok_hi), m.pat);
        }
    }
}

static void check_required(lint_ctx *c, const wc_pack *p, const wc_rule *r)
{
    if (!wc_list_any(p, wc_rule_list(p, r, "match"), c->d, 0, c->d->t.n, r->typos)) {
        uint32_t end = (uint32_t)c->d->t.u16_len;
        add(c, p, r, end, end, NULL);
    }
}

static void run_rule(lint_ctx *c, const wc_pack *p, const wc_rule *r)
{
    switch (r->check) {
    case WC_CHECK_GREETING: check_greeting(c, p, r); break;
    case WC_CHECK_THANKS: check_thanks(c, p, r); break;
    case WC_CHECK_APOLOGY_EXCESS: check_apology(c, p, r); break;
    case WC_CHECK_EMPATHY_FIRST: check_empathy(c, p, r); break;
    case WC_CHECK_ANSWER_QUESTION: check_answer(c, p, r); break;
    case WC_CHECK_FOLLOW_UP_QUESTION: check_follow_up(c, p, r); break;
    case WC_CHECK_SIGN_OFF: check_sign_off(c, p, r); break;
    case WC_CHECK_SHOUTING: check_shouting(c, p, r); break;
    case WC_CHECK_EMOJI_TONE: check_emoji(c, p, r); break;
    case WC_CHECK_REGISTER_MIX: check_register(c, p, r); break;
    case WC_CHECK_PRIVACY: check_privacy(c, p, r); break;
    case WC_CHECK_LENGTH: check_length(c, p, r); break;
    case WC_CHECK_REQUIRED: check_required(c, p, r); break;
    case WC_CHECK_DT_SPELLING: check_dutch(c, p, r, WC_NL_DT); break;
    case WC_CHECK_CONFUSION: check_dutch(c, p, r, WC_NL_CONFUSION); break;
    case WC_CHECK_READABILITY: check_dutch(c, p, r, WC_NL_READABILITY); break;
    default: check_phrase(c, p, r); break;
    }
}

/* ---- output ----------------------------------------------------------- */

/* Result building: keys are string literals (added as constants, not
 * copied) and static values (rule ids, severities, default-pack texts) are
 * added as references; only expanded or per-call texts are copied. */
static void add_ref(cJSON *o, const char *key, const char *s)
{
    cJSON *v = cJSON_CreateStringReference(s);
    if (!v || !cJSON_AddItemToObjectCS(o, key, v)) cJSON_Delete(v);
}
static void add_str(cJSON *o, const char *key, const char *s)
{
    cJSON *v = cJSON_CreateString(s);
    if (!v || !cJSON_AddItemToObjectCS(o, key, v)) cJSON_Delete(v);
}
static void add_num(cJSON *o, const char *key, double x)
{
    cJSON *v = cJSON_CreateNumber(x);
    if (!v || !cJSON_AddItemToObjectCS(o, key, v)) cJSON_Delete(v);
}
static cJSON *add_arr(cJSON *o, const char *key)
{
    cJSON *v = cJSON_CreateArray();
    if (!v || !cJSON_AddItemToObjectCS(o, key, v)) { cJSON_Delete(v); return NULL; }
    return v;
}

/* Adds `text` with {used} {limit} {platform} {agent} filled in; a text
 * without placeholders that lives as long as the engine (`stat`) is added
 * as a reference. */
static void add_expanded(const lint_ctx *c, cJSON *o, const char *name, const char *text, int stat)
{
    char buf[1200];
    size_t w = 0;
    if (stat && !strchr(text, '{')) { add_ref(o, name, text); return; }
    for (const char *s = text; *s && w + 1 < sizeof buf; s++) {
        char tmp[64];
        const char *ins = NULL;
        size_t skip = 0;
        if (*s != '{') { buf[w++] = *s; continue; }
        if (strncmp(s, "{used}", 6) == 0) { wc_fmt(tmp, sizeof tmp, "%zu", c->L.used); ins = tmp; skip = 6; }
        else if (strncmp(s, "{limit}", 7) == 0) { wc_fmt(tmp, sizeof tmp, "%zu", c->L.limit); ins = tmp; skip = 7; }
        else if (strncmp(s, "{platform}", 10) == 0) {
            ins = c->platform == WC_PLATFORM_X ? "X" : c->platform == WC_PLATFORM_LINKEDIN ? "LinkedIn" : "Facebook";
            skip = 10;
        } else if (strncmp(s, "{agent}", 7) == 0) { ins = c->agent && c->agent[0] ? c->agent : "je naam"; skip = 7; }
        if (ins) {
            size_t n = strlen(ins);
            if (w + n >= sizeof buf) break;
            memcpy(buf + w, ins, n);
            w += n;
            s += skip - 1;
        } else {
            buf[w++] = *s;
        }
    }
    buf[w] = 0;
    add_str(o, name, buf);
}

static void add_sugg_obj(const lint_ctx *c, cJSON *arr, int replace, const char *text, int stat)
{
    cJSON *s = cJSON_CreateObject();
    if (!s || !cJSON_AddItemToArray(arr, s)) { cJSON_Delete(s); return; }
    add_ref(s, "kind", replace ? "replace" : "advice");
    add_expanded(c, s, "text", text, stat);
}

static int emit_finding(const lint_ctx *c, const finding *f, cJSON *arr)
{
    cJSON *o = cJSON_CreateObject();
    /* the default pack's texts are static; a team pack's live in the pack */
    int stat = f->pack == &wc_default_pack;
    if (!o || !cJSON_AddItemToArray(arr, o)) { cJSON_Delete(o); return WEBCARE_ERROR_NOMEM; }
    if (stat) add_ref(o, "rule", f->rule->id);
    else add_str(o, "rule", f->rule->id);
    add_ref(o, "severity", wc_severity_name(f->rule->severity));
    add_num(o, "start", f->start);
    add_num(o, "end", f->end);
    if (f->detail) add_expanded(c, o, "message", f->detail, 1); /* static */
    else add_expanded(c, o, "message", f->rule->message, stat);
    if (f->rule->why) add_expanded(c, o, "why", f->rule->why, stat);
    cJSON *sg = add_arr(o, "suggestions");
    if (!sg) return WEBCARE_ERROR_NOMEM;
    const wc_pack *p = f->pack;
    if (f->has_repl) add_sugg_obj(c, sg, 1, f->repl, 0);
    for (uint16_t i = 0; f->pat && i < f->pat->n_sugg; i++) add_sugg_obj(c, sg, 1, p->suggs[f->pat->sugg + i].text, stat);
    for (uint16_t i = 0; i < f->rule->n_sugg; i++) {
        const wc_sugg *x = &p->suggs[f->rule->sugg + i];
        add_sugg_obj(c, sg, x->kind == WC_SUGG_REPLACE, x->text, stat);
    }
    return 0;
}

static int cmp_finding(const void *a, const void *b)
{
    const finding *x = a, *y = b;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    if (x->end != y->end) return x->end < y->end ? -1 : 1;
    if (x->pack != y->pack) return x->pack == &wc_default_pack ? -1 : 1;
    return x->rule < y->rule ? -1 : x->rule > y->rule;
}

static const char *const STEPS[9] = {"reageren", "begroeten & bedanken", "sorry", "meeleven", "doorvragen",
                                     "informatie", "oplossen", "compenseren", "afsluiten met naam"};

static int emit(lint_ctx *c, cJSON *result)
{
    /* checklist: 1 done, 0 not done, -1 does not apply */
    int t = c->mtype, words = 0;
    for (size_t i = 0; i < c->d->t.n; i++) words |= tok_is(c->d, i, WC_TOK_WORD);
    int steps[9] = {
        words,
        c->addressed && (t != WC_HAPPY || c->thanked),
        t == WC_ANGRY ? c->apologized : -1,
        t == WC_ANGRY ? c->empathized : -1,
        (t == WC_NEUTRAL || t == WC_ANGRY) ? c->asked : -1,
        (t == WC_QUESTION || t == WC_ANGRY) ? c->informed : -1,
        (t == WC_QUESTION || t == WC_ANGRY) ? (c->solved && !c->promise_found) : -1,
        t == WC_ANGRY ? c->compensated : -1,
        c->signed_,
    };
    int applicable = 0, done = 0;
    for (int i = 0; i < 9; i++) {
        if (steps[i] >= 0) applicable++;
        if (steps[i] > 0) done++;
    }
    double score = 90.0 + (applicable ? 10.0 * done / applicable : 10.0);
    qsort(c->f, c->nf, sizeof c->f[0], cmp_finding);
    for (size_t i = 0; i < c->nf; i++) {
        size_t same = 0;
        for (size_t j = 0; j < i; j++) same += c->f[j].rule == c->f[i].rule;
        if (same >= 2) continue;
        int sev = c->f[i].rule->severity;
        score -= sev == WC_SEV_ERROR ? 25 : sev == WC_SEV_WARNING ? 10 : 3;
    }
    if (score < 0) score = 0;
    if (score > 100) score = 100;
    add_num(result, "score", (double)(int)(score + 0.5));
    cJSON *len = cJSON_CreateObject();
    if (!len || !cJSON_AddItemToObjectCS(result, "length", len)) { cJSON_Delete(len); return WEBCARE_ERROR_NOMEM; }
    add_num(len, "used", (double)c->L.used);
    add_num(len, "limit", (double)c->L.limit);
    add_ref(len, "platform", wc_platform_name(c->platform));
    if (t >= 0) add_ref(result, "mention_type", TYPES[t]);
    else cJSON_AddNullToObject(result, "mention_type");
    cJSON *arr = add_arr(result, "findings");
    if (!arr) return WEBCARE_ERROR_NOMEM;
    for (size_t i = 0; i < c->nf; i++)
        if (emit_finding(c, &c->f[i], arr)) return WEBCARE_ERROR_NOMEM;
    cJSON *cl = add_arr(result, "checklist");
    if (!cl) return WEBCARE_ERROR_NOMEM;
    for (int i = 0; i < 9; i++) {
        cJSON *o = cJSON_CreateObject(), *dv = steps[i] < 0 ? cJSON_CreateNull() : cJSON_CreateBool(steps[i]);
        if (!o || !cJSON_AddItemToArray(cl, o)) { cJSON_Delete(o); cJSON_Delete(dv); return WEBCARE_ERROR_NOMEM; }
        add_ref(o, "step", STEPS[i]);
        if (!dv || !cJSON_AddItemToObjectCS(o, "done", dv)) cJSON_Delete(dv);
    }
    return 0;
}

/* ---- the op ----------------------------------------------------------- */

static const cJSON *field(const cJSON *req, const cJSON *cfg, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(req, k);
    if (!v || cJSON_IsNull(v)) v = cJSON_GetObjectItemCaseSensitive(cfg, k);
    return (v && !cJSON_IsNull(v)) ? v : NULL;
}

/* Lints req with the default pack and `team` (may be NULL). */
static int lint(const cJSON *req, const wc_pack *team, cJSON *result, wc_err *e)
{
    const char *s;
    size_t n;
    int rc = wc_get_text(req, "text", 1, &s, &n, e);
    if (rc) return rc;
    lint_ctx *c = malloc(sizeof *c);
    wc_doc d;
    wc_pack *inline_pack = NULL;
    char *pack_text = NULL;
    memset(&d, 0, sizeof d);
    if (!c) return wc_fail(e, WEBCARE_ERROR_NOMEM, -1, "out of memory");
    memset(c, 0, offsetof(lint_ctx, f));
    const cJSON *cfg = cJSON_GetObjectItemCaseSensitive(req, "config");
    if (cfg && !cJSON_IsNull(cfg) && !cJSON_IsObject(cfg)) {
        rc = wc_fail(e, WEBCARE_ERROR_BAD_REQUEST, -1, "field \"config\" must be an object");
        goto cleanup;
    }
    const cJSON *v = field(req, cfg, "platform");
    c->platform = WC_PLATFORM_X;
    if (v) {
        c->platform = cJSON_IsString(v) ? wc_platform_from_name(v->valuestring) : -1;
        if (c->platform < 0) {
            rc = wc_fail(e, WEBCARE_ERROR_BAD_REQUEST, -1, "unknown platform (use x, facebook or linkedin)");
            goto cleanup;
        }
    }
    v = field(req, cfg, "agent");
    if (v && !cJSON_IsString(v)) { rc = wc_fail(e, WEBCARE_ERROR_BAD_REQUEST, -1, "field \"agent\" must be a string"); goto cleanup; }
    c->agent = v ? v->valuestring : NULL;
    if (c->agent && strlen(c->agent) > 60) { rc = wc_fail(e, WEBCARE_ERROR_BAD_REQUEST, -1, "field \"agent\" is longer than 60 bytes"); goto cleanup; }
    if (c->agent && wc_validate_utf8(c->agent, strlen(c->agent), NULL)) { rc = wc_fail(e, WEBCARE_ERROR_INVALID_UTF8, -1, "field \"agent\" is not valid UTF-8"); goto cleanup; }
    v = cJSON_GetObjectItemCaseSensitive(cfg, "signoff");
    if (v && !cJSON_IsNull(v)) {
        if (!cJSON_IsString(v) || strlen(v->valuestring) > 40) { rc = wc_fail(e, WEBCARE_ERROR_BAD_REQUEST, -1, "config.signoff must be a string of at most 40 bytes, like \"^{name}\""); goto cleanup; }
        c->signoff = v->valuestring;
    }
    v = cJSON_GetObjectItemCaseSensitive(cfg, "style");
    if (v && !cJSON_IsNull(v)) {
        if (cJSON_IsString(v) && strcmp(v->valuestring, "u") == 0) c->style = 'u';
        else if (cJSON_IsString(v) && strcmp(v->valuestring, "je") == 0) c->style = 'j';
        else { rc = wc_fail(e, WEBCARE_ERROR_BAD_REQUEST, -1, "config.style must be \"je\" or \"u\""); goto cleanup; }
    }
    v = cJSON_GetObjectItemCaseSensitive(cfg, "disabled");
    if (v && !cJSON_IsNull(v) && !cJSON_IsArray(v)) { rc = wc_fail(e, WEBCARE_ERROR_BAD_REQUEST, -1, "config.disabled must be an array of rule ids"); goto cleanup; }
    c->disabled = v;
    v = cJSON_GetObjectItemCaseSensitive(cfg, "pack");
    if (v && !cJSON_IsNull(v)) {
        if (!cJSON_IsObject(v)) { rc = wc_fail(e, WEBCARE_ERROR_BAD_REQUEST, -1, "config.pack must be a rule pack object"); goto cleanup; }
        pack_text = cJSON_PrintUnformatted(v);
        if (!pack_text) { rc = wc_fail(e, WEBCARE_ERROR_NOMEM, -1, "out of memory"); goto cleanup; }
        if ((rc = wc_pack_load(pack_text, strlen(pack_text), &inline_pack, e))) goto cleanup;
        team = inline_pack;
    }
    c->team = team;
    /* mention: its type, given or classified */
    c->mtype = T_UNKNOWN;
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(req, "mention");
    const cJSON *mt = NULL, *mx = NULL;
    if (cJSON_IsString(m)) mx = m;
    else if (cJSON_IsObject(m)) {
        mt = cJSON_GetObjectItemCaseSensitive(m, "type");
        mx = cJSON_GetObjectItemCaseSensitive(m, "text");
    } else if (m && !cJSON_IsNull(m)) {
        rc = wc_fail(e, WEBCARE_ERROR_BAD_REQUEST, -1, "field \"mention\" must be an object {text, type}");
        goto cleanup;
    }
    if (mt && !cJSON_IsNull(mt)) {
        c->mtype = cJSON_IsString(mt) ? type_from_name(mt->valuestring) : -2;
        if (c->mtype < 0) { rc = wc_fail(e, WEBCARE_ERROR_BAD_REQUEST, -1, "mention.type must be happy, neutral, angry or question"); goto cleanup; }
    } else if (mx && !cJSON_IsNull(mx)) {
        const char *ms;
        size_t mn;
        if ((rc = wc_get_text(cJSON_IsString(m) ? req : m, cJSON_IsString(m) ? "mention" : "text", 1, &ms, &mn, e))) goto cleanup;
        wc_classification cl;
        if (mn > 0 && wc_classify(ms, mn, &cl) == 0) c->mtype = (int)cl.type;
    }
    size_t at = 0;
    rc = wc_doc_init(&d, s, n, team != NULL, &at);
    if (rc) { wc_fail(e, rc, (long)at, "tokenizing failed: %s", webcare_strerror(rc)); goto cleanup; }
    c->d = &d;
    rc = wc_platform_length(s, n, c->platform, &c->L);
    if (rc) { wc_fail(e, rc, -1, "length failed"); goto cleanup; }
    /* the address is needed by greeting, thanks and empathy-first */
    for (size_t i = 0; i < wc_default_pack.n_rules; i++)
        if (wc_default_pack.rules[i].check == WC_CHECK_GREETING) find_address(c, &wc_default_pack, &wc_default_pack.rules[i]);
    for (size_t i = 0; i < wc_default_pack.n_rules; i++) {
        const wc_rule *r = &wc_default_pack.rules[i];
        int off = is_disabled(c, r->id);
        /* a disabled rule still runs when the checklist needs what it finds */
        int checklist = r->check >= WC_CHECK_GREETING && r->check <= WC_CHECK_SIGN_OFF;
        if (off && !checklist) continue;
        size_t before = c->nf;
        run_rule(c, &wc_default_pack, r); /* still run structure checks: the checklist needs them */
        if (off) c->nf = before;
    }
    for (size_t i = 0; team && i < team->n_rules; i++)
        if (!is_disabled(c, team->rules[i].id)) run_rule(c, team, &team->rules[i]);
    rc = emit(c, result);
    if (rc) wc_fail(e, rc, -1, "out of memory");
cleanup:
    wc_doc_free(&d);
    wc_pack_free(inline_pack);
    free(pack_text);
    if (c) free(c->nl);
    free(c);
    return rc;
}

int wc_op_lint(webcare_engine *eng, const cJSON *req, cJSON *result, wc_err *e)
{
    return lint(req, eng ? eng->team_pack : NULL, result, e);
}

/* Runs one fires (k = 0) or passes (k = 1) list: rule `id` must (not) fire.
 * `where` names the rule for the error path ("rules[2]", "articles"). */
static int run_example_list(const wc_pack *p, const char *src, size_t n, const cJSON *arr, const char *id,
                            const char *where, int k, int *count, wc_err *e)
{
    const cJSON *ex;
    int xi = 0;
    cJSON_ArrayForEach(ex, arr)
    {
        cJSON *req = cJSON_IsObject(ex) ? cJSON_Duplicate(ex, 1) : cJSON_CreateObject();
        cJSON *res = cJSON_CreateObject();
        wc_err e2 = {0, -1, ""};
        int rc = WEBCARE_ERROR_NOMEM, fired = 0;
        if (req && res && (cJSON_IsObject(ex) || cJSON_AddStringToObject(req, "text", ex->valuestring)))
            rc = lint(req, p, res, &e2);
        const cJSON *f;
        cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(res, "findings"))
        {
            const cJSON *rid = cJSON_GetObjectItemCaseSensitive(f, "rule");
            fired |= cJSON_IsString(rid) && strcmp(rid->valuestring, id) == 0;
        }
        cJSON_Delete(req);
        cJSON_Delete(res);
        if (rc == WEBCARE_ERROR_NOMEM) return wc_fail(e, rc, -1, "out of memory");
        if (rc || fired != !k) {
            char path[64];
            wc_fmt(path, sizeof path, "%s.%s[%d]", where, k ? "passes" : "fires", xi);
            size_t at = 0;
            /* cheap locate: the first occurrence of the example's text */
            const char *t = cJSON_IsObject(ex) ? NULL : ex->valuestring;
            if (t) {
                const char *hit = NULL;
                size_t tl = strlen(t);
                for (size_t q = 0; q + tl <= n && tl; q++)
                    if (memcmp(src + q, t, tl) == 0) { hit = src + q; break; }
                if (hit) at = (size_t)(hit - src);
            }
            int line, col;
            wc_line_col(src, n, at, &line, &col);
            if (rc)
                return wc_fail(e, WEBCARE_ERROR_BAD_PACK, (long)at, "line %d, column %d: %s: example is not a valid lint request: %s",
                               line, col, path, e2.message);
            return wc_fail(e, WEBCARE_ERROR_BAD_PACK, (long)at, "line %d, column %d: %s: rule \"%s\" %s on this example",
                           line, col, path, id, k ? "fires but must not" : "does not fire but must");
        }
        (*count)++;
        xi++;
    }
    return 0;
}

/* Runs the fires/passes examples of every rule of a loaded pack (and of its
 * "articles", which the built-in confusion rule checks). Returns 0, or
 * BAD_PACK with the failing example's line. */
static int run_examples(const wc_pack *p, const char *src, size_t n, int *count, wc_err *e)
{
    const cJSON *rules = cJSON_GetObjectItemCaseSensitive(p->examples, "rules"), *r;
    const cJSON *arts = cJSON_GetObjectItemCaseSensitive(p->examples, "articles");
    int ri = 0, rc;
    *count = 0;
    cJSON_ArrayForEach(r, rules)
    {
        const char *id = cJSON_GetObjectItemCaseSensitive(r, "id")->valuestring;
        char where[32];
        wc_fmt(where, sizeof where, "rules[%d]", ri);
        for (int k = 0; k < 2; k++)
            if ((rc = run_example_list(p, src, n, cJSON_GetObjectItemCaseSensitive(r, k ? "passes" : "fires"), id,
                                       where, k, count, e)))
                return rc;
        ri++;
    }
    for (int k = 0; k < 2 && arts; k++)
        if ((rc = run_example_list(p, src, n, cJSON_GetObjectItemCaseSensitive(arts, k ? "passes" : "fires"),
                                   "confusion", "articles", k, count, e)))
            return rc;
    return 0;
}

static int get_pack(const cJSON *req, wc_pack **out, int examples, int *n_examples, wc_err *e)
{
    const char *s;
    size_t n;
    int rc = wc_get_text(req, "pack", 1, &s, &n, e);
    if (rc) return rc;
    if ((rc = wc_pack_load(s, n, out, e))) return rc;
    if (examples && (rc = run_examples(*out, s, n, n_examples, e))) {
        wc_pack_free(*out);
        *out = NULL;
    }
    return rc;
}

static void describe_pack(const wc_pack *p, cJSON *result)
{
    cJSON_AddStringToObject(result, "name", p->name);
    cJSON_AddNumberToObject(result, "rules", (double)p->n_rules);
    cJSON *ids = cJSON_AddArrayToObject(result, "ids");
    for (size_t i = 0; ids && i < p->n_rules; i++) cJSON_AddItemToArray(ids, cJSON_CreateString(p->rules[i].id));
    cJSON *dis = cJSON_AddArrayToObject(result, "disabled");
    for (size_t i = 0; dis && i < p->n_disabled; i++) cJSON_AddItemToArray(dis, cJSON_CreateString(p->disabled[i]));
}

int wc_op_check_pack(webcare_engine *eng, const cJSON *req, cJSON *result, wc_err *e)
{
    (void)eng;
    wc_pack *p = NULL;
    int count = 0;
    int rc = get_pack(req, &p, 1, &count, e);
    if (rc) return rc;
    describe_pack(p, result);
    cJSON_AddNumberToObject(result, "examples", count);
    wc_pack_free(p);
    return 0;
}

int wc_op_load_pack(webcare_engine *eng, const cJSON *req, cJSON *result, wc_err *e)
{
    if (!eng) return wc_fail(e, WEBCARE_ERROR_NULL, -1, "engine is NULL");
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(req, "pack");
    if (cJSON_IsNull(v)) { /* unload */
        wc_engine_release_pack(eng);
        cJSON_AddNumberToObject(result, "rules", 0);
        return 0;
    }
    wc_pack *p = NULL;
    int rc = get_pack(req, &p, 0, NULL, e);
    if (rc) return rc;
    wc_engine_release_pack(eng);
    eng->team_pack = p;
    describe_pack(p, result);
    return 0;
}

void wc_engine_release_pack(webcare_engine *eng)
{
    if (!eng) return;
    wc_pack_free(eng->team_pack);
    eng->team_pack = NULL;
}
