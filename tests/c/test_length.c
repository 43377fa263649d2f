/* test_length.c — platform lengths: X weighted length (twitter-text 3.1.0
 * parseTweet().weightedLength; expected values taken from it), LinkedIn and
 * Facebook in UTF-16 units, the NFC fast path. */
#include "check.h"
#include "internal.h"
#include "length.h"
#include "utf8proc.h"

static long xlen(const char *s)
{
    size_t w = 0;
    int rc = wc_x_weighted_length(s, strlen(s), &w);
    return rc ? rc : (long)w;
}

static char *repeat(const char *unit, size_t n)
{
    size_t k = strlen(unit);
    char *s = malloc(k * n + 1);
    if (!s) return NULL;
    for (size_t i = 0; i < n; i++) memcpy(s + i * k, unit, k);
    s[k * n] = 0;
    return s;
}

static void empty_and_limits(void)
{
    CHECK_EQ_INT(xlen(""), 0);
    char *a280 = repeat("a", 280), *a281 = repeat("a", 281);
    char *cjk140 = repeat("日", 140), *cjk141 = repeat("日", 141);
    CHECK_EQ_INT(xlen(a280), 280);
    CHECK_EQ_INT(xlen(a281), 281);
    CHECK_EQ_INT(xlen(cjk140), 280);
    CHECK_EQ_INT(xlen(cjk141), 282);
    wc_length L;
    CHECK_EQ_INT(wc_platform_length(a280, 280, WC_PLATFORM_X, &L), 0);
    CHECK_EQ_INT(L.used, 280);
    CHECK_EQ_INT(L.limit, 280);
    CHECK_EQ_INT(wc_platform_length(a281, 281, WC_PLATFORM_X, &L), 0);
    CHECK(L.used > L.limit);
    free(a280);
    free(a281);
    free(cjk140);
    free(cjk141);
}

static void urls(void)
{
    CHECK_EQ_INT(xlen("https://www.ns.nl/reizen/actueel?x=1"), 23);
    CHECK_EQ_INT(xlen("www.ns.nl"), 23);
    CHECK_EQ_INT(xlen("ns.nl"), 23);
    CHECK_EQ_INT(xlen("bol.com/abc"), 23);
    CHECK_EQ_INT(xlen("WWW.NS.NL/Reizen"), 23);
    CHECK_EQ_INT(xlen("a.b.c.d.e.f.nl"), 23);
    CHECK_EQ_INT(xlen("example.xyzq"), 12);                              /* unknown TLD */
    CHECK_EQ_INT(xlen("Kijk op www.ns.nl."), 32);                        /* trailing dot out */
    CHECK_EQ_INT(xlen("(https://en.wikipedia.org/wiki/Foo_(bar))"), 25); /* balanced parens */
    CHECK_EQ_INT(xlen("-www.ns.nl"), 10);            /* no protocol after '-': not a URL */
    CHECK_EQ_INT(xlen("xn--p1ai.рф"), 23);
    CHECK_EQ_INT(xlen("пример.рф"), 9);              /* protocol-less needs an ASCII domain */
    CHECK_EQ_INT(xlen("http://localhost:8080/x"), 23);
    CHECK_EQ_INT(xlen("x.com/@user/"), 23);
    CHECK_EQ_INT(xlen("x.com/a?b=(c)"), 24);
    CHECK_EQ_INT(xlen("x.co.uk/a."), 24);
    CHECK_EQ_INT(xlen("x.nl:8080"), 28);             /* port without path is not part of it */
    CHECK_EQ_INT(xlen("x.nl:8080/p"), 23);
    CHECK_EQ_INT(xlen("https://t.co/abc?x=1."), 24);
    CHECK_EQ_INT(xlen("https://t.co/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), 54); /* slug > 40 */
    CHECK_EQ_INT(xlen("Stuur ons een DM via https://klm.nl/dm 😀 dan kijken we mee."), 66);
}

static void emoji_and_scripts(void)
{
    CHECK_EQ_INT(xlen("😀"), 2);
    CHECK_EQ_INT(xlen("👨‍👩‍👧"), 2);
    CHECK_EQ_INT(xlen("🇳🇱"), 2);
    CHECK_EQ_INT(xlen("1️⃣"), 2);
    CHECK_EQ_INT(xlen("🤦🏽‍♀️"), 2);
    CHECK_EQ_INT(xlen("❤"), 2);
    CHECK_EQ_INT(xlen("❤\xEF\xB8\x8E"), 4);  /* text presentation: not an emoji */
    CHECK_EQ_INT(xlen("\xEF\xB8\x8F"), 2);   /* a lone U+FE0F matches twemoji's regex */
    CHECK_EQ_INT(xlen("1\xEF\xB8\x8F"), 3);
    CHECK_EQ_INT(xlen("©️ ™"), 5);
    CHECK_EQ_INT(xlen("日本語"), 6);
    CHECK_EQ_INT(xlen("한국어"), 6);
    CHECK_EQ_INT(xlen("Hoi @KLM, #fail! 16:00"), 22);
}

static void nfc(void)
{
    CHECK_EQ_INT(xlen("e\xCC\x81"), 1);      /* e + U+0301 -> é */
    CHECK_EQ_INT(xlen("\xE2\x84\xAB"), 1);   /* U+212B ANGSTROM SIGN -> Å */
    CHECK_EQ_INT(xlen("\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8"), 2); /* jamo -> one syllable */
    CHECK_EQ_INT(xlen("\xF0\x9D\x85\xA0"), 6); /* U+1D160 -> three astral code points */
}

static void bad_utf8(void)
{
    size_t w;
    CHECK_EQ_INT(wc_x_weighted_length("a\xC3", 2, &w), WEBCARE_ERROR_INVALID_UTF8);
    CHECK_EQ_INT(wc_x_weighted_length("\xED\xA0\x80", 3, &w), WEBCARE_ERROR_INVALID_UTF8);
    CHECK_EQ_INT(wc_x_weighted_length("a\0b", 3, &w), 0); /* explicit length, NUL inside */
    CHECK_EQ_INT(w, 3);
}

static void linkedin_facebook(void)
{
    wc_length L;
    CHECK_EQ_INT(wc_platform_length("😀é", strlen("😀é"), WC_PLATFORM_LINKEDIN, &L), 0);
    CHECK_EQ_INT(L.used, 3); /* UTF-16 units: 2 + 1 */
    CHECK_EQ_INT(L.limit, 1250);
    char *a1250 = repeat("a", 1250), *a1251 = repeat("a", 1251);
    CHECK_EQ_INT(wc_platform_length(a1250, 1250, WC_PLATFORM_LINKEDIN, &L), 0);
    CHECK(L.used == 1250 && L.used <= L.limit);
    CHECK_EQ_INT(wc_platform_length(a1251, 1251, WC_PLATFORM_LINKEDIN, &L), 0);
    CHECK(L.used > L.limit);
    free(a1250);
    free(a1251);
    char *e4000 = repeat("😀", 4000), *e4001 = repeat("😀", 4001);
    CHECK_EQ_INT(wc_platform_length(e4000, strlen(e4000), WC_PLATFORM_FACEBOOK, &L), 0);
    CHECK_EQ_INT(L.used, 8000);
    CHECK_EQ_INT(L.limit, 8000);
    CHECK_EQ_INT(wc_platform_length(e4001, strlen(e4001), WC_PLATFORM_FACEBOOK, &L), 0);
    CHECK(L.used > L.limit);
    free(e4000);
    free(e4001);
}

static void api_op(void)
{
    cJSON *r = api("{\"op\":\"length\",\"text\":\"zie ns.nl 😀\",\"platform\":\"x\"}");
    const cJSON *res = result_of(r);
    CHECK(res != NULL);
    CHECK_EQ_INT(cJSON_GetObjectItemCaseSensitive(res, "used")->valuedouble, 30);
    CHECK_EQ_INT(cJSON_GetObjectItemCaseSensitive(res, "limit")->valuedouble, 280);
    cJSON_Delete(r);
}

/* NFC applied to [prev, cp] must leave it alone whenever both are inert. */
static int nfc_same(const utf8proc_int32_t *in, utf8proc_ssize_t n)
{
    utf8proc_int32_t buf[16];
    utf8proc_ssize_t m = utf8proc_decompose_char(in[0], buf, 16, UTF8PROC_STABLE, NULL);
    if (m < 0 || m > 8) return 0;
    for (utf8proc_ssize_t i = 1; i < n; i++) {
        utf8proc_ssize_t k = utf8proc_decompose_char(in[i], buf + m, 16 - m, UTF8PROC_STABLE, NULL);
        if (k < 0 || m + k > 16) return 0;
        m += k;
    }
    m = utf8proc_normalize_utf32(buf, m, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (m != n) return 0;
    for (utf8proc_ssize_t i = 0; i < n; i++)
        if (buf[i] != in[i]) return 0;
    return 1;
}

static void nfc_inert_is_exact(void)
{
    static const utf8proc_int32_t prevs[] = {'a', 'e', 0x1100, 0xAC00, 0x0B47, 0x0DD9, 0x3046, 0x05D0};
    size_t inert = 0, bad = 0;
    for (utf8proc_int32_t cp = 0; cp < 0x30000; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        if (!wc_x_nfc_inert(cp)) continue;
        inert++;
        utf8proc_int32_t one[1] = {cp};
        if (!nfc_same(one, 1)) bad++;
        for (size_t k = 0; k < sizeof prevs / sizeof prevs[0]; k++) {
            utf8proc_int32_t two[2] = {prevs[k], cp};
            if (wc_x_nfc_inert(prevs[k]) && !nfc_same(two, 2)) bad++;
        }
    }
    CHECK_EQ_INT(bad, 0);
    CHECK(inert > 150000);
    CHECK(!wc_x_nfc_inert(0x0301));
    CHECK(!wc_x_nfc_inert(0x212B));
    CHECK(!wc_x_nfc_inert(0x1161));
    CHECK(wc_x_nfc_inert(0x1F600));
    CHECK(wc_x_nfc_inert(0x65E5));
}

int main(void)
{
    RUN(empty_and_limits);
    RUN(urls);
    RUN(emoji_and_scripts);
    RUN(nfc);
    RUN(bad_utf8);
    RUN(linkedin_facebook);
    RUN(api_op);
    RUN(nfc_inert_is_exact);
    return check_summary("length");
}
