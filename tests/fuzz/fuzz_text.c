/* fuzz_text.c — libFuzzer target for the text layer on arbitrary bytes.
 *
 * Runs wc_validate_utf8, wc_tokenize, wc_squeeze (on every key), wc_nfc and
 * wc_x_weighted_length, and checks the invariants every caller relies on:
 * tokens are non-empty, ordered and inside the text; their UTF-16 offsets
 * agree with their byte offsets; every key is NUL-terminated inside `keys`;
 * NFC output is valid UTF-8. A broken invariant aborts (a finding). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "length.h"
#include "text.h"
#include "webcare.h"

#define REQUIRE(cond)                                                          \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "fuzz_text: invariant failed: %s (line %d)\n",     \
                    #cond, __LINE__);                                          \
            abort();                                                           \
        }                                                                      \
    } while (0)

static void check_tokens(const char *s, size_t len, const wc_text *t)
{
    REQUIRE(t->src == s && t->len == len);
    REQUIRE(t->u16_len == wc_u16_len(s, len));
    REQUIRE(t->n <= t->cap);
    REQUIRE(t->keys_len <= t->keys_cap);
    size_t prev_end = 0, prev_u16 = 0, prev_key_end = 0;
    for (size_t i = 0; i < t->n; i++) {
        const wc_token *k = &t->tok[i];
        REQUIRE(k->kind < WC_TOK_KIND_COUNT);
        REQUIRE(k->start < k->end);
        REQUIRE(k->end <= len);
        REQUIRE(k->start >= prev_end);
        REQUIRE(k->u16_start < k->u16_end);
        REQUIRE(k->u16_start >= prev_u16);
        REQUIRE(k->u16_end <= t->u16_len);
        /* Byte and UTF-16 offsets describe the same span. */
        REQUIRE(k->u16_start == wc_u16_len(s, k->start));
        REQUIRE(k->u16_end - k->u16_start == wc_u16_len(s + k->start, k->end - k->start));
        /* Token boundaries fall on code-point boundaries. */
        REQUIRE(((unsigned char)s[k->start] & 0xC0) != 0x80);
        REQUIRE(k->end == len || ((unsigned char)s[k->end] & 0xC0) != 0x80);
        /* Keys: in order, inside the buffer, NUL-terminated, no inner NUL
         * unless the text itself had one. */
        REQUIRE(k->key >= prev_key_end);
        REQUIRE((size_t)k->key + k->key_len < t->keys_len);
        REQUIRE(t->keys[k->key + k->key_len] == '\0');
        REQUIRE(wc_validate_utf8(wc_key(t, i), k->key_len, NULL) == 0);
        if (!memchr(s + k->start, 0, k->end - k->start))
            REQUIRE(strlen(wc_key(t, i)) == k->key_len);
        /* Squeezing never grows a key and respects the buffer size. */
        char sq[64];
        size_t m = wc_squeeze(wc_key(t, i), sq, sizeof sq, 1);
        REQUIRE(m < sizeof sq && sq[m] == '\0');
        REQUIRE(m <= strlen(wc_key(t, i)));
        char *big = malloc(k->key_len + 1);
        REQUIRE(big);
        size_t m2 = wc_squeeze(wc_key(t, i), big, k->key_len + 1, 2);
        REQUIRE(m2 <= k->key_len && big[m2] == '\0');
        free(big);
        prev_end = k->end;
        prev_u16 = k->u16_end;
        prev_key_end = (size_t)k->key + k->key_len + 1;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    size_t err_at = (size_t)-1;
    int valid = wc_validate_utf8(s, size, &err_at) == 0;
    if (!valid) REQUIRE(err_at < size);

    wc_text t;
    size_t at = (size_t)-1;
    int rc = wc_tokenize(s, size, &t, &at);
    if (valid) {
        REQUIRE(rc == 0);
        check_tokens(s, size, &t);
    } else {
        REQUIRE(rc == WEBCARE_ERROR_INVALID_UTF8);
        REQUIRE(at == err_at);
    }
    wc_text_free(&t);
    wc_text_free(&t); /* must be idempotent */

    char *nfc = wc_nfc(s, size);
    if (valid) {
        REQUIRE(nfc != NULL);
        REQUIRE(wc_validate_utf8(nfc, strlen(nfc), NULL) == 0);
    }
    free(nfc);

    if (valid) {
        size_t w = 0;
        REQUIRE(wc_x_weighted_length(s, size, &w) == 0);
        /* Every code point weighs at least... nothing (ignorables), at most 23 (a URL). */
        REQUIRE(w <= 23 * (size + 1));
        for (int p = 0; p < 3; p++) {
            wc_length L;
            REQUIRE(wc_platform_length(s, size, p, &L) == 0);
            REQUIRE(L.limit > 0);
        }
    }
    return 0;
}
