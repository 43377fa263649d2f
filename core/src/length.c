/* length.c — platform lengths. */
#include "length.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "text.h"
#include "utf8proc.h"

/* twitter-text v3 weights: code points in these ranges weigh 1, others 2. */
static int light(int32_t cp)
{
    return (cp >= 0 && cp <= 4351) || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) ||
           (cp >= 8242 && cp <= 8247);
}

int wc_x_weighted_length(const char *s, size_t len, size_t *out)
{
    char *nfc = wc_nfc(s, len);
    if (!nfc) return WEBCARE_ERROR_NOMEM;
    size_t n = strlen(nfc);
    wc_text t;
    int rc = wc_tokenize(nfc, n, &t, NULL);
    if (rc) goto cleanup;
    size_t w = 0, i = 0, k = 0;
    while (i < n) {
        while (k < t.n && t.tok[k].end <= i) k++;
        if (k < t.n && t.tok[k].start == i &&
            (t.tok[k].kind == WC_TOK_URL || t.tok[k].kind == WC_TOK_EMOJI)) {
            w += t.tok[k].kind == WC_TOK_URL ? 23 : 2;
            i = t.tok[k].end;
            continue;
        }
        int32_t cp;
        utf8proc_ssize_t m = utf8proc_iterate((const utf8proc_uint8_t *)nfc + i,
                                              (utf8proc_ssize_t)(n - i), &cp);
        if (m <= 0) { rc = WEBCARE_ERROR_INVALID_UTF8; goto cleanup; }
        w += light(cp) ? 1 : 2;
        i += (size_t)m;
    }
    *out = w;
cleanup:
    wc_text_free(&t);
    free(nfc);
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
