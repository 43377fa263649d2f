/* fuzz_common.h — shared by the fuzz targets: a byte reader that turns the
 * fuzz input into choices and strings, and checks on a core response. */
#ifndef WEBCARE_FUZZ_COMMON_H
#define WEBCARE_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cJSON.h"
#include "text.h"
#include "webcare.h"

#define REQUIRE(cond)                                                          \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "fuzz: invariant failed: %s (%s:%d)\n", #cond,     \
                    __FILE__, __LINE__);                                       \
            abort();                                                           \
        }                                                                      \
    } while (0)

typedef struct reader {
    const uint8_t *p;
    size_t n;
} reader;

static inline unsigned rd_byte(reader *r)
{
    if (!r->n) return 0;
    r->n--;
    return *r->p++;
}

/* A choice in [0, k). */
static inline unsigned rd_pick(reader *r, unsigned k) { return k ? rd_byte(r) % k : 0; }

/* A string of up to `max` bytes, NUL-terminated, caller frees. The length
 * comes from the input, so short and long strings both happen. NUL bytes
 * are kept out (cJSON strings are C strings). */
static inline char *rd_string(reader *r, size_t max)
{
    size_t want = rd_byte(r);
    if (want == 255) want = (size_t)rd_byte(r) << 8 | rd_byte(r);
    if (want > max) want = max;
    if (want > r->n) want = r->n;
    char *s = malloc(want + 1);
    if (!s) return NULL;
    size_t o = 0;
    for (size_t i = 0; i < want; i++)
        if (r->p[i]) s[o++] = (char)r->p[i];
    s[o] = 0;
    r->p += want;
    r->n -= want;
    return s;
}

static inline int is_valid_utf8(const char *s, size_t n)
{
    return wc_validate_utf8(s, n, NULL) == 0;
}

static const char *const FUZZ_ERROR_CODES[] = {
    "no-memory", "null", "invalid-utf8", "too-large", "bad-json",
    "bad-request", "unknown-op", "bad-pack",
};

/* Checks one response object (not a batch): {"v":1, ...} with exactly one of
 * "result" or "error"; an error has a known code and a message. */
static inline void check_one_response(const cJSON *resp, int allow_results)
{
    REQUIRE(cJSON_IsObject(resp));
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(resp, "v");
    REQUIRE(cJSON_IsNumber(v) && v->valuedouble == WEBCARE_API_VERSION);
    const cJSON *res = cJSON_GetObjectItemCaseSensitive(resp, "result");
    const cJSON *err = cJSON_GetObjectItemCaseSensitive(resp, "error");
    const cJSON *results = cJSON_GetObjectItemCaseSensitive(resp, "results");
    REQUIRE((res != NULL) + (err != NULL) + (results != NULL) == 1);
    if (results) {
        REQUIRE(allow_results && cJSON_IsArray(results));
        const cJSON *it;
        cJSON_ArrayForEach(it, results) check_one_response(it, 0);
    }
    if (res) REQUIRE(cJSON_IsObject(res));
    if (err) {
        REQUIRE(cJSON_IsObject(err));
        const cJSON *code = cJSON_GetObjectItemCaseSensitive(err, "code");
        const cJSON *msg = cJSON_GetObjectItemCaseSensitive(err, "message");
        REQUIRE(cJSON_IsString(code) && cJSON_IsString(msg));
        int known = 0;
        for (size_t i = 0; i < sizeof FUZZ_ERROR_CODES / sizeof FUZZ_ERROR_CODES[0]; i++)
            if (strcmp(code->valuestring, FUZZ_ERROR_CODES[i]) == 0) known = 1;
        REQUIRE(known);
        const cJSON *at = cJSON_GetObjectItemCaseSensitive(err, "at");
        if (at) REQUIRE(cJSON_IsNumber(at) && at->valuedouble >= 0);
    }
}

/* Every core answer: non-NULL, valid UTF-8 JSON, a well-formed response.
 * Returns the parsed response (caller deletes). */
static inline cJSON *check_response(const char *out)
{
    REQUIRE(out != NULL);
    size_t n = strlen(out);
    REQUIRE(is_valid_utf8(out, n));
    cJSON *resp = cJSON_ParseWithLength(out, n);
    REQUIRE(resp != NULL);
    check_one_response(resp, 1);
    return resp;
}

#endif
