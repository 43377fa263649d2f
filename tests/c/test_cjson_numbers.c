/* test_cjson_numbers.c — the core's cJSON (core/src/gen/cjson/cJSON.c: the
 * vendored cJSON with core/third_party/cjson/patches/ applied) parses and
 * prints numbers without stdio. Checked against the C library here:
 * - parsing: the double and the bytes taken equal strtod's on the same
 *   characters (cJSON only hands [0-9+-.eE] to it), bit for bit: integers,
 *   2-decimal values, powers of ten, halfway cases, subnormals, overflow to
 *   ±inf, very long mantissas, malformed numbers, random strings;
 * - printing: integral values below 2^53 as integers, others as
 *   printf("%.<P>g") with the smallest P in 15..17 that strtod reads back
 *   as the same double; NaN/inf as null;
 * - print -> parse is the identity for every finite double tried. */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>

#include "check.h"

static uint64_t rng = 0x9E3779B97F4A7C15u;
static uint64_t next_u64(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static uint64_t bits_of(double d)
{
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

static double double_of(uint64_t b)
{
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

/* values checked in bulk: the first 10 mismatches of a test are shown, each
 * fails the test */
static int failures;

/* s (NUL-terminated, starts with '-' or a digit) through cJSON and strtod */
static void check_parse(const char *s)
{
    char copy[2048];
    size_t n = 0;
    while (s[n] && strchr("0123456789+-.eE", s[n]) && n < sizeof copy - 1) {
        copy[n] = s[n];
        n++;
    }
    copy[n] = 0;
    char *end = NULL;
    double want = strtod(copy, &end);
    size_t want_len = (size_t)(end - copy);
    const char *parse_end = NULL;
    cJSON *j = cJSON_ParseWithOpts(s, &parse_end, 0);
    if (want_len == 0) {
        if (j && failures++ < 10) fprintf(stderr, "  parse \"%s\": cJSON took it, strtod did not\n", s);
        if (j) check_current_failed = 1;
    } else {
        int ok = j && cJSON_IsNumber(j) && bits_of(j->valuedouble) == bits_of(want) &&
                 (size_t)(parse_end - s) == want_len;
        if (!ok && failures++ < 10)
            fprintf(stderr, "  parse \"%s\": %.17g (%zu bytes), strtod %.17g (%zu bytes)\n", s,
                    j ? j->valuedouble : NAN, j ? (size_t)(parse_end - s) : 0, want, want_len);
        if (!ok) check_current_failed = 1;
        int vi = want >= INT_MAX ? INT_MAX : want <= (double)INT_MIN ? INT_MIN : (int)want;
        if (j && j->valueint != vi) {
            if (failures++ < 10) fprintf(stderr, "  parse \"%s\": valueint %d, expected %d\n", s, j->valueint, vi);
            check_current_failed = 1;
        }
    }
    cJSON_Delete(j);
}

/* what cJSON printed before (stdio), with the 15..17-digit choice exact */
static void reference(double d, char *buf, size_t cap)
{
    if (isnan(d) || isinf(d)) {
        snprintf(buf, cap, "null");
        return;
    }
    if (fabs(d) < 9007199254740992.0 && d == floor(d)) {
        snprintf(buf, cap, "%.0f", d);
        return;
    }
    for (int p = 15; p <= 17; p++) {
        snprintf(buf, cap, "%.*g", p, d);
        if (p == 17 || strtod(buf, NULL) == d) return;
    }
}

static void check_print(double d)
{
    char want[64];
    reference(d, want, sizeof want);
    /* cJSON_CreateNumber(NaN) converts NaN to int (undefined behaviour) */
    cJSON *n = cJSON_CreateNumber(0);
    if (n) n->valuedouble = d;
    char *got = n ? cJSON_PrintUnformatted(n) : NULL;
    int ok = got && strcmp(got, want) == 0;
    if (!ok && failures++ < 10) fprintf(stderr, "  print %a: \"%s\", expected \"%s\"\n", d, got ? got : "(null)", want);
    if (!ok) check_current_failed = 1;
    if (got && !isnan(d) && !isinf(d)) {
        /* print -> parse is the identity */
        cJSON *back = cJSON_Parse(got);
        int same = back && cJSON_IsNumber(back) && bits_of(back->valuedouble) == bits_of(d);
        if (!same && failures++ < 10) fprintf(stderr, "  round trip %a: \"%s\"\n", d, got);
        if (!same) check_current_failed = 1;
        cJSON_Delete(back);
    }
    cJSON_free(got);
    cJSON_Delete(n);
}

static void parses_like_strtod(void)
{
    static const char *const cases[] = {
        "0", "-0", "00", "007", "1", "-1", "12", "0.87", "12.5", "-0.25", "0.1", "0.2", "0.3",
        "3.14159", "2147483647", "2147483648", "-2147483648", "-2147483649", "1e3", "1E3",
        "1e+3", "1e-3", "1.5e10", "123456789012345678901234567890", "9007199254740992",
        "9007199254740993", "9007199254740994", "9007199254740995", "18446744073709551615",
        "18446744073709551616", "1e22", "1e23", "1e-22", "1e-23", "4.35", "0.000001",
        "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e308",
        "1e309", "1e400", "-1e400", "2.2250738585072011e-308", "2.2250738585072014e-308",
        "4.9406564584124654e-324", "5e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
        "1e-400", "-1e-400", "0e999999999", "1e-99999999999", "1e99999999999", "0.0000",
        "1.", "1.e5", "1e", "1e+", "1e-", "1ee5", "1.2.3", "1-2", "1+2", "-", "--1", "-.5",
        "-e5", "1.5e5.5", "1x", "12abc", "0.5E-3", "89255.0e-22", "8.98846567431158e307",
        "6.631236846766476e-316", "3.2378839133029012e-319", "100000000000000016777215",
        "100000000000000016777216", "0.500000000000000166533453693773481063544750213623046875",
        "2.225073858507201136057409796709131975934819546351645648e-308",
        "9007199254740993.0000000000000000000000000000000000000000000000000000000001",
    };
    failures = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) check_parse(cases[i]);
    /* a mantissa of 900 digits (beyond the 800 kept exactly), just above a halfway point */
    char big[1024];
    memcpy(big, "9007199254740993", 16);
    memset(big + 16, '0', 900);
    strcpy(big + 916, "1e-900");
    check_parse(big);
    big[916] = 0;
    strcat(big, "e-900");
    check_parse(big);
    memset(big, '0', 1000);
    strcpy(big + 1000, ".1e1");
    check_parse(big);
}

static void parses_random_numbers_like_strtod(void)
{
    char s[80];
    failures = 0;
    for (int i = 0; i < 100000; i++) {
        /* mantissa of 1..25 digits, a point somewhere, an exponent */
        int nd = 1 + (int)(next_u64() % 25), k = 0;
        if (next_u64() & 1) s[k++] = '-';
        int dot = (int)(next_u64() % (unsigned)(nd + 1));
        for (int j = 0; j < nd; j++) {
            if (j == dot && j > 0) s[k++] = '.';
            s[k++] = (char)('0' + next_u64() % 10);
        }
        if (next_u64() % 3) k += sprintf(s + k, "e%d", (int)(next_u64() % 700) - 350);
        s[k] = 0;
        check_parse(s);
    }
    for (int i = 0; i < 50000; i++) {
        /* any string of number characters */
        static const char alphabet[] = "0123456789.eE+-";
        int len = 1 + (int)(next_u64() % 20);
        s[0] = (next_u64() & 1) ? '-' : (char)('0' + next_u64() % 10);
        for (int j = 1; j < len; j++) s[j] = alphabet[next_u64() % (sizeof alphabet - 1)];
        s[len] = 0;
        check_parse(s);
    }
    for (int i = 0; i < 50000; i++) {
        /* random doubles in the forms C prints */
        double d = double_of(next_u64());
        if (isnan(d) || isinf(d)) continue;
        snprintf(s, sizeof s, (i % 3 == 0) ? "%.17g" : (i % 3 == 1) ? "%.15g" : "%.3e", d);
        check_parse(s);
    }
}

static void prints_like_the_c_library(void)
{
    static const double cases[] = {
        0.0, -0.0, 1.0, -1.0, 0.87, 12.5, -0.25, 0.1, 0.3, 0.1 + 0.2, 1.0 / 3.0, 2.0 / 3.0,
        100.0, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23, 123456789012345.6, 1234567890123456.5,
        9007199254740991.0, 9007199254740992.0, 9007199254740994.0, -9007199254740993.0,
        1e308, DBL_MAX, -DBL_MAX, DBL_MIN, 5e-324, -5e-324, 2.2250738585072009e-308, 1e-5,
        1.5e-5, 0.0001, 0.00012345, 1e-4, 123e-7, 2147483647.0, 2147483648.5, 4.35, 0.07,
        5e-1, 1e100, 1.7976931348623157e308, 3.0e-310, 3.141592653589793, 2.718281828459045, 1.0 / 7.0,
    };
    failures = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) check_print(cases[i]);
    for (int e = -325; e <= 309; e++) check_print(pow(10.0, e));
    for (int k = -100000; k <= 100000; k += 7) check_print(k / 100.0);
    for (int k = 0; k < 20000; k++) check_print(round((double)(next_u64() % 100000000) / 100.0) / 100.0);
    for (int k = 0; k < 64; k++) check_print(ldexp(1.0, k * 17 - 540) * 3.0);
    for (int i = 0; i < 100000; i++) check_print(double_of(next_u64()));
    for (int i = 0; i < 20000; i++) check_print((double)(int64_t)next_u64());
    for (int i = 0; i < 20000; i++) check_print((double)(next_u64() % 100000000) / 1e6);
}

static void prints_null_for_nan_and_inf(void)
{
    failures = 0;
    check_print(NAN);
    check_print(INFINITY);
    check_print(-INFINITY);
    cJSON *j = cJSON_Parse("[1e400,-1e999]");
    char *s = cJSON_PrintUnformatted(j);
    CHECK_EQ_STR(s, "[null,null]");
    CHECK_EQ_INT(cJSON_GetArrayItem(j, 0)->valueint, INT_MAX);
    CHECK_EQ_INT(cJSON_GetArrayItem(j, 1)->valueint, INT_MIN);
    cJSON_free(s);
    cJSON_Delete(j);
}

static void numbers_inside_documents(void)
{
    const char *in = "{\"a\":[0.87,12.5,-0,1e2,3],\"b\":{\"c\":-12.25e-1}, \"d\" : 7 }";
    cJSON *j = cJSON_Parse(in);
    char *s = cJSON_PrintUnformatted(j);
    CHECK_EQ_STR(s, "{\"a\":[0.87,12.5,-0,100,3],\"b\":{\"c\":-1.225},\"d\":7}");
    cJSON_free(s);
    cJSON_Delete(j);
    CHECK(cJSON_Parse("[1.2.3]") == NULL);
    CHECK(cJSON_Parse("[1e]") == NULL);
    CHECK(cJSON_Parse("[-]") == NULL);
    CHECK(cJSON_Parse("-") == NULL);
    const char *end = NULL;
    j = cJSON_ParseWithOpts("12 ", &end, 1);
    CHECK(j && j->valueint == 12 && end && *end == 0);
    cJSON_Delete(j);
}

static void escapes_and_version_without_sprintf(void)
{
    cJSON *s = cJSON_CreateString("a\x01\x1f\b\n\x7f" "b");
    char *out = cJSON_PrintUnformatted(s);
    CHECK_EQ_STR(out, "\"a\\u0001\\u001f\\b\\n\x7f" "b\"");
    cJSON_free(out);
    cJSON_Delete(s);
    char all[33];
    for (int c = 1; c < 32; c++) all[c - 1] = (char)c;
    all[31] = 0;
    s = cJSON_CreateString(all);
    out = cJSON_PrintUnformatted(s);
    char want[256];
    size_t w = 0;
    want[w++] = '"';
    for (int c = 1; c < 32; c++) {
        const char *named = c == '\b' ? "\\b" : c == '\f' ? "\\f" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : NULL;
        if (named) w += (size_t)sprintf(want + w, "%s", named);
        else w += (size_t)sprintf(want + w, "\\u%04x", c);
    }
    want[w++] = '"';
    want[w] = 0;
    CHECK_EQ_STR(out, want);
    cJSON_free(out);
    cJSON_Delete(s);
    CHECK_EQ_STR(cJSON_Version(), "1.7.15");
}

int main(void)
{
    RUN(parses_like_strtod);
    RUN(parses_random_numbers_like_strtod);
    RUN(prints_like_the_c_library);
    RUN(prints_null_for_nan_and_inf);
    RUN(numbers_inside_documents);
    RUN(escapes_and_version_without_sprintf);
    return check_summary("cjson_numbers");
}
