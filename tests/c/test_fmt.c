/* test_fmt.c — wc_fmt (core/src/fmt.c), the core's snprintf: equal to the C
 * library's snprintf for every format string the core uses, at every buffer
 * size (truncation included; a cut never splits a UTF-8 sequence), and no
 * format string in core/src uses a conversion wc_fmt does not support. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>

#include "check.h"
#include "fmt.h"

/* snprintf's text cut to at most cap - 1 bytes, without an incomplete UTF-8
 * sequence at the end: what wc_fmt must write */
static void expected_cut(char *want, size_t cap, const char *full)
{
    size_t n = strlen(full);
    if (cap == 0) return;
    if (n < cap) {
        memcpy(want, full, n + 1);
        return;
    }
    size_t end = cap - 1, j = end;
    while (j > 0 && end - j < 4 && (((unsigned char)full[j - 1] & 0xC0) == 0x80)) j--;
    /* full[j - 1] starts the last sequence if j < end or it is a lead byte */
    size_t start = j > 0 ? j - 1 : 0;
    unsigned char lead = (unsigned char)full[start];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (end > 0 && end - start < need) end = start;
    memcpy(want, full, end);
    want[end] = 0;
}

static int mismatches;

/* wc_vfmt against vsnprintf at every cap from 0 to the length + 2 */
static void same(const char *fmt, ...)
{
    char full[1024], want[1024], got[1024];
    va_list ap, aq;
    va_start(ap, fmt);
    va_copy(aq, ap);
    int n = vsnprintf(full, sizeof full, fmt, ap);
    va_end(ap);
    for (size_t cap = 0; cap <= (size_t)n + 2; cap++) {
        va_list ar;
        va_copy(ar, aq);
        memset(got, 'X', sizeof got);
        int r = wc_vfmt(got, cap, fmt, ar);
        va_end(ar);
        expected_cut(want, cap, full);
        int ok = r == n && (cap == 0 ? got[0] == 'X' : strcmp(got, want) == 0);
        if (!ok) {
            if (mismatches++ < 10)
                fprintf(stderr, "  \"%s\" cap %zu: \"%.*s\" (%d), expected \"%s\" (%d)\n", fmt, cap,
                        cap ? (int)strnlen(got, cap) : 0, got, r, cap ? want : "", n);
            check_current_failed = 1;
        }
    }
    va_end(aq);
}

static void the_core_formats(void)
{
    mismatches = 0;
    const char *key = "naam", *u = "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 ok";
    /* api.c */
    same("missing field \"%s\"", "text");
    same("field \"%s\" must be a string", "platform");
    same("field \"%s\" is %zu bytes; the limit is %u", "text", (size_t)1048577, 1048576u);
    same("field \"%s\" is not valid UTF-8 at byte %zu", "text", (size_t)0);
    same("tokenizing failed: %s", "out of memory");
    same("unknown platform \"%.*s\" (use x, facebook or linkedin)", 5, u);
    same("unknown platform \"%.*s\" (use x, facebook or linkedin)", 0, u);
    same("length failed: %s", u);
    same("unsupported API version (this core speaks v%d)", 1);
    same("%s", u);
    same("unknown op \"%.*s\" (ops: batch, check-pack, classify, length, lint, load-pack, normalize, tokenize)", 11, u);
    same("request is %zu bytes; the limit is %u", (size_t)SIZE_MAX, UINT_MAX);
    same("request has a NUL byte at byte %ld", 12L);
    same("unexpected text after the request at byte %ld", LONG_MAX);
    same("request is not valid JSON (at byte %ld)", LONG_MIN);
    same("request is not valid JSON (at byte %ld)", -1L);
    /* lint.c, rules.c */
    same("%s", "het");
    same("%zu", (size_t)280);
    same("%zu", (size_t)0);
    same("%s.%s[%d]", "rules[3]", "passes", 12);
    same("rules[%d]", INT_MAX);
    same("[%d]", INT_MIN);
    same("%s%s", ".", key);
    same("%s%s", "", u);
    same("line %d, column %d: %s: example is not a valid lint request: %s", 3, 14, "rules[0].fires[1]", u);
    same("line %d, column %d: %s: rule \"%s\" %s on this example", 1, 1, "rules[0]", u, "fires but must not");
    same("line %d, column %d: %s%s%s", 2, -7, "rules[1].id", ": ", u);
    same("line %d, column %d: not valid JSON", 10, 0);
    same("\"%.*s\" is not one word (use spaces between words)", 9, u);
    same("missing \"%s\"", "severity");
    same("unknown field \"%.*s\" (fields: id, severity, check, message, why, suggest, patterns, unless, "
         "unless_scope, typos, spelling, fires, passes)", 40, u);
    same("100%% %s", u);
    same("");
}

static void cuts_never_split_a_character(void)
{
    char buf[16];
    /* "é" is 2 bytes, "€" 3, "😀" 4: every cut inside one drops it whole */
    int n = wc_fmt(buf, 3, "%s", "a\xc3\xa9");
    CHECK_EQ_INT(n, 3);
    CHECK_EQ_STR(buf, "a");
    wc_fmt(buf, 4, "%s", "a\xe2\x82\xac");
    CHECK_EQ_STR(buf, "a");
    wc_fmt(buf, 5, "%s", "a\xe2\x82\xac");
    CHECK_EQ_STR(buf, "a\xe2\x82\xac");
    wc_fmt(buf, 5, "%s", "a\xf0\x9f\x98\x80");
    CHECK_EQ_STR(buf, "a");
    wc_fmt(buf, 6, "%s", "a\xf0\x9f\x98\x80!");
    CHECK_EQ_STR(buf, "a\xf0\x9f\x98\x80");
    wc_fmt(buf, 2, "%s", "\xc3\xa9");
    CHECK_EQ_STR(buf, "");
    /* invalid UTF-8 is cut by bytes, as snprintf would */
    wc_fmt(buf, 3, "%s", "a\x80\x80\x80");
    CHECK_EQ_STR(buf, "a\x80");
    n = wc_fmt(NULL, 0, "%d%s", 42, "xyz");
    CHECK_EQ_INT(n, 5);
}

/* Every conversion in a string literal of a core/src C file (not cli.c, which is
 * native only and uses stdio) is one wc_fmt supports. */
static int supported(const char *p, size_t *len)
{
    static const char *const conv[] = {"%%", "%s", "%.*s", "%d", "%ld", "%u", "%zu"};
    for (size_t i = 0; i < sizeof conv / sizeof conv[0]; i++) {
        size_t n = strlen(conv[i]);
        if (strncmp(p, conv[i], n) == 0) {
            *len = n;
            return 1;
        }
    }
    return 0;
}

static void check_source(const char *path)
{
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (!f) return;
    static char src[1 << 20];
    size_t n = fread(src, 1, sizeof src - 1, f);
    fclose(f);
    src[n] = 0;
    int line = 1;
    for (size_t i = 0; i < n; i++) {
        if (src[i] == '\n') line++;
        else if (src[i] == '/' && src[i + 1] == '*') {
            for (i += 2; i + 1 < n && !(src[i] == '*' && src[i + 1] == '/'); i++)
                if (src[i] == '\n') line++;
            i++;
        } else if (src[i] == '/' && src[i + 1] == '/') {
            while (i + 1 < n && src[i + 1] != '\n') i++;
        } else if (src[i] == '\'') {
            for (i++; i < n && src[i] != '\''; i++)
                if (src[i] == '\\') i++;
        } else if (src[i] == '"') {
            for (i++; i < n && src[i] != '"'; i++) {
                size_t len = 1;
                if (src[i] == '\\') i++;
                else if (src[i] == '%') {
                    if (!supported(src + i, &len)) {
                        fprintf(stderr, "  %s:%d: \"%.8s\": a conversion wc_fmt does not support\n", path, line, src + i);
                        check_current_failed = 1;
                    }
                    i += len - 1;
                }
            }
        }
    }
}

static void every_format_in_the_core_is_supported(void)
{
    DIR *d = opendir("core/src");
    CHECK(d != NULL);
    if (!d) return;
    int files = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n < 3 || strcmp(e->d_name + n - 2, ".c") != 0 || strcmp(e->d_name, "cli.c") == 0 ||
            strcmp(e->d_name, "fmt.c") == 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, "core/src/%s", e->d_name);
        check_source(path);
        files++;
    }
    closedir(d);
    CHECK(files >= 5);
}

int main(void)
{
    RUN(the_core_formats);
    RUN(cuts_never_split_a_character);
    RUN(every_format_in_the_core_is_supported);
    return check_summary("fmt");
}
