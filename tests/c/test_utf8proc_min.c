/* test_utf8proc_min.c — the core's utf8proc (core/src/gen/utf8proc: the
 * vendored utf8proc.c patched for small tables, core/tools/gen-utf8proc-min.mjs)
 * against the pristine vendored utf8proc 2.8.0, compiled into this file with
 * every public symbol renamed ref_*. For every code point 0..0x10FFFF: the
 * property fields the core and utf8proc read, utf8proc_category,
 * utf8proc_tolower, utf8proc_decompose_char under many option sets (all but
 * UTF8PROC_COMPAT, whose compatibility decompositions the core does not ship),
 * decompose + normalize of runs of consecutive code points, every composition
 * pair, and grapheme breaks. */

/* ---- the pristine utf8proc, renamed ------------------------------------- */
#define utf8proc_NFC ref_NFC
#define utf8proc_NFD ref_NFD
#define utf8proc_NFKC ref_NFKC
#define utf8proc_NFKC_Casefold ref_NFKC_Casefold
#define utf8proc_NFKD ref_NFKD
#define utf8proc_category ref_category
#define utf8proc_category_string ref_category_string
#define utf8proc_charwidth ref_charwidth
#define utf8proc_codepoint_valid ref_codepoint_valid
#define utf8proc_decompose ref_decompose
#define utf8proc_decompose_char ref_decompose_char
#define utf8proc_decompose_custom ref_decompose_custom
#define utf8proc_encode_char ref_encode_char
#define utf8proc_errmsg ref_errmsg
#define utf8proc_get_property ref_get_property
#define utf8proc_grapheme_break ref_grapheme_break
#define utf8proc_grapheme_break_stateful ref_grapheme_break_stateful
#define utf8proc_islower ref_islower
#define utf8proc_isupper ref_isupper
#define utf8proc_iterate ref_iterate
#define utf8proc_map ref_map
#define utf8proc_map_custom ref_map_custom
#define utf8proc_normalize_utf32 ref_normalize_utf32
#define utf8proc_reencode ref_reencode
#define utf8proc_tolower ref_tolower
#define utf8proc_totitle ref_totitle
#define utf8proc_toupper ref_toupper
#define utf8proc_unicode_version ref_unicode_version
#define utf8proc_version ref_version
#define utf8proc_utf8class ref_utf8class

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#endif
/* its #include "utf8proc_data.c" resolves beside it: the vendored tables */
#include "../../core/third_party/utf8proc/utf8proc.c"
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#undef utf8proc_category
#undef utf8proc_decompose
#undef utf8proc_decompose_char
#undef utf8proc_get_property
#undef utf8proc_grapheme_break_stateful
#undef utf8proc_normalize_utf32
#undef utf8proc_tolower

/* ---- the core's utf8proc (libwebcare.a) ---------------------------------- */
const utf8proc_property_t *utf8proc_get_property(utf8proc_int32_t codepoint);
utf8proc_ssize_t utf8proc_decompose_char(utf8proc_int32_t codepoint, utf8proc_int32_t *dst, utf8proc_ssize_t bufsize,
                                         utf8proc_option_t options, int *last_boundclass);
utf8proc_ssize_t utf8proc_decompose(const utf8proc_uint8_t *str, utf8proc_ssize_t strlen, utf8proc_int32_t *buffer,
                                    utf8proc_ssize_t bufsize, utf8proc_option_t options);
utf8proc_ssize_t utf8proc_normalize_utf32(utf8proc_int32_t *buffer, utf8proc_ssize_t length, utf8proc_option_t options);
utf8proc_int32_t utf8proc_tolower(utf8proc_int32_t c);
utf8proc_category_t utf8proc_category(utf8proc_int32_t codepoint);
utf8proc_bool utf8proc_grapheme_break_stateful(utf8proc_int32_t codepoint1, utf8proc_int32_t codepoint2,
                                               utf8proc_int32_t *state);

#include "check.h"

#define NCP 0x110000
/* Reports the first few differences of a kind, then only counts them. */
static long diffs;
#define SAME(cp, what, a, b)                                                                        \
    do {                                                                                            \
        long long same_a_ = (long long)(a), same_b_ = (long long)(b);                               \
        if (same_a_ != same_b_) {                                                                   \
            if (diffs++ < 20)                                                                       \
                fprintf(stderr, "U+%04lX %s: %lld, pristine %lld\n", (unsigned long)(cp), what,     \
                        same_a_, same_b_);                                                          \
            check_current_failed = 1;                                                               \
        }                                                                                           \
    } while (0)

/* comb_index as utf8proc.c and length.c read it: none, first of a pair, second (+ 32-bit flag) */
static int comb_class(const utf8proc_property_t *p)
{
    if (p->comb_index == UINT16_MAX) return 0;
    if (p->comb_index < 0x8000) return 1;
    return 2 + !!(p->comb_index & 0x4000);
}

static void compare_property(utf8proc_int32_t cp, const utf8proc_property_t *a, const utf8proc_property_t *b)
{
    SAME(cp, "category", a->category, b->category);
    SAME(cp, "combining_class", a->combining_class, b->combining_class);
    SAME(cp, "boundclass", a->boundclass, b->boundclass);
    SAME(cp, "ignorable", a->ignorable, b->ignorable);
    SAME(cp, "comp_exclusion", a->comp_exclusion, b->comp_exclusion);
    /* length.c nfc_inert; compatibility decompositions are dropped */
    SAME(cp, "canonical decomposition", a->decomp_seqindex != UINT16_MAX && a->decomp_type == 0,
         b->decomp_seqindex != UINT16_MAX && b->decomp_type == 0);
    SAME(cp, "comb_index class", comb_class(a), comb_class(b));
}

static void properties(void)
{
    for (utf8proc_int32_t cp = 0; cp < NCP; cp++) {
        compare_property(cp, utf8proc_get_property(cp), ref_get_property(cp));
        SAME(cp, "category()", utf8proc_category(cp), ref_category(cp));
        SAME(cp, "tolower", utf8proc_tolower(cp), ref_tolower(cp));
    }
    static const utf8proc_int32_t outside[] = {-1, -0x10000, NCP, NCP + 1, 0x7FFFFFFF, -0x7FFFFFFF - 1};
    for (size_t i = 0; i < sizeof outside / sizeof outside[0]; i++) {
        utf8proc_int32_t cp = outside[i];
        compare_property(cp, utf8proc_get_property(cp), ref_get_property(cp));
        SAME(cp, "category()", utf8proc_category(cp), ref_category(cp));
        SAME(cp, "tolower", utf8proc_tolower(cp), ref_tolower(cp));
    }
}

static const int OPTION_SETS[] = {
    0,
    UTF8PROC_STABLE,
    UTF8PROC_STABLE | UTF8PROC_COMPOSE, /* text.c wc_nfc, length.c */
    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE, /* match keys */
    UTF8PROC_COMPOSE,
    UTF8PROC_DECOMPOSE,
    UTF8PROC_CASEFOLD,
    UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD,
    UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE,
    UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK,
    UTF8PROC_IGNORE | UTF8PROC_STRIPNA,
    UTF8PROC_REJECTNA | UTF8PROC_DECOMPOSE,
    UTF8PROC_LUMP | UTF8PROC_NLF2LS | UTF8PROC_NLF2PS | UTF8PROC_CASEFOLD,
    UTF8PROC_CHARBOUND | UTF8PROC_COMPOSE,
    UTF8PROC_CHARBOUND | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK,
};
#define NSETS (sizeof OPTION_SETS / sizeof OPTION_SETS[0])

static void decompose_char(void)
{
    static const utf8proc_ssize_t sizes[] = {16, 1, 0};
    for (utf8proc_int32_t cp = -1; cp <= NCP; cp++) {
        for (size_t o = 0; o < NSETS; o++) {
            for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
                if (sizes[s] < 16 && o > 3) continue; /* short buffers: the core's sets */
                utf8proc_int32_t a[16] = {0}, b[16] = {0};
                int la = UTF8PROC_BOUNDCLASS_OTHER, lb = UTF8PROC_BOUNDCLASS_OTHER;
                utf8proc_option_t opt = (utf8proc_option_t)OPTION_SETS[o];
                utf8proc_ssize_t na = utf8proc_decompose_char(cp, a, sizes[s], opt, &la);
                utf8proc_ssize_t nb = ref_decompose_char(cp, b, sizes[s], opt, &lb);
                SAME(cp, "decompose_char length", na, nb);
                SAME(cp, "decompose_char last_boundclass", la, lb);
                for (int k = 0; k < 16; k++) SAME(cp, "decompose_char", a[k], b[k]);
            }
        }
    }
}

/* utf8proc_decompose + utf8proc_normalize_utf32 of every run of RUNLEN
 * consecutive scalar values (marks meet letters, Hangul jamo meet each other). */
#define RUNLEN 48
static void runs(void)
{
    static const int sets[] = {
        UTF8PROC_STABLE | UTF8PROC_COMPOSE,
        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE,
        UTF8PROC_STABLE | UTF8PROC_DECOMPOSE,
        UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD,
    };
    utf8proc_uint8_t str[RUNLEN * 4];
    utf8proc_int32_t a[RUNLEN * 8], b[RUNLEN * 8];
    for (utf8proc_int32_t start = 0; start < NCP; start += RUNLEN) {
        utf8proc_ssize_t len = 0;
        for (utf8proc_int32_t cp = start; cp < start + RUNLEN && cp < NCP; cp++)
            if (cp < 0xD800 || cp > 0xDFFF) len += ref_encode_char(cp, str + len);
        for (size_t o = 0; o < sizeof sets / sizeof sets[0]; o++) {
            utf8proc_option_t opt = (utf8proc_option_t)sets[o];
            utf8proc_ssize_t na = utf8proc_decompose(str, len, a, RUNLEN * 8, opt);
            utf8proc_ssize_t nb = ref_decompose(str, len, b, RUNLEN * 8, opt);
            SAME(start, "decompose length", na, nb);
            if (na != nb || na < 0 || na > RUNLEN * 8) continue;
            for (utf8proc_ssize_t k = 0; k < na; k++) SAME(start, "decompose", a[k], b[k]);
            na = utf8proc_normalize_utf32(a, na, opt);
            nb = ref_normalize_utf32(b, nb, opt);
            SAME(start, "normalize length", na, nb);
            for (utf8proc_ssize_t k = 0; k < na && k < nb; k++) SAME(start, "normalize", a[k], b[k]);
        }
    }
}

/* Composition reads comb_index only when the starter is a first and the
 * next code point a second (both checked for every code point above): every
 * such pair, with and without UTF8PROC_STABLE (composition exclusions). */
static void compositions(void)
{
    utf8proc_int32_t *first = malloc(NCP * sizeof *first), *second = malloc(NCP * sizeof *second);
    size_t nf = 0, ns = 0;
    CHECK(first && second);
    if (!first || !second) goto done;
    for (utf8proc_int32_t cp = 0; cp < NCP; cp++) {
        int c = comb_class(ref_get_property(cp));
        if (c == 1) first[nf++] = cp;
        if (c >= 2) second[ns++] = cp;
    }
    CHECK(nf > 300 && ns > 50);
    long composed = 0;
    for (size_t i = 0; i < nf; i++) {
        for (size_t j = 0; j < ns; j++) {
            for (int stable = 0; stable < 2; stable++) {
                utf8proc_option_t opt = (utf8proc_option_t)(UTF8PROC_COMPOSE | (stable ? UTF8PROC_STABLE : 0));
                utf8proc_int32_t a[2] = {first[i], second[j]}, b[2] = {first[i], second[j]};
                utf8proc_ssize_t na = utf8proc_normalize_utf32(a, 2, opt);
                utf8proc_ssize_t nb = ref_normalize_utf32(b, 2, opt);
                SAME(first[i], "compose length", na, nb);
                SAME(first[i], "compose", a[0], b[0]);
                composed += nb == 1;
            }
        }
    }
    CHECK(composed > 1500);
done:
    free(first);
    free(second);
}

static void grapheme_breaks(void)
{
    static const utf8proc_int32_t prevs[] = {'a', '\r', 0x0300, 0x200D, 0x1100, 0xAC00, 0x1F1E6, 0x1F600, 0x0915};
    for (utf8proc_int32_t cp = 0; cp < NCP; cp++) {
        for (size_t k = 0; k < sizeof prevs / sizeof prevs[0]; k++) {
            utf8proc_int32_t sa = 0, sb = 0;
            SAME(cp, "grapheme_break", utf8proc_grapheme_break_stateful(prevs[k], cp, &sa),
                 ref_grapheme_break_stateful(prevs[k], cp, &sb));
            SAME(cp, "grapheme_break state", sa, sb);
        }
    }
    /* one stateful pass over every code point in order */
    utf8proc_int32_t sa = 0, sb = 0;
    for (utf8proc_int32_t cp = 1; cp < NCP; cp++)
        SAME(cp, "grapheme_break run", utf8proc_grapheme_break_stateful(cp - 1, cp, &sa),
             ref_grapheme_break_stateful(cp - 1, cp, &sb));
}

int main(void)
{
    RUN(properties);
    RUN(decompose_char);
    RUN(runs);
    RUN(compositions);
    RUN(grapheme_breaks);
    return check_summary("utf8proc_min");
}
