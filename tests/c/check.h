/* check.h — a tiny test harness: TEST functions, CHECK macros, and a summary
 * line "N passed, N failed" that CI reads. One binary per module. */
#ifndef WEBCARE_CHECK_H
#define WEBCARE_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cJSON.h"
#include "webcare.h"

static int check_passed, check_failed, check_current_failed;
static const char *check_current;

#define CHECK(cond)                                                                       \
    do {                                                                                  \
        if (!(cond)) {                                                                    \
            fprintf(stderr, "%s:%d: %s: CHECK(%s) failed\n", __FILE__, __LINE__,          \
                    check_current, #cond);                                                \
            check_current_failed = 1;                                                     \
        }                                                                                 \
    } while (0)

#define CHECK_EQ_INT(a, b)                                                                \
    do {                                                                                  \
        long long check_a_ = (long long)(a), check_b_ = (long long)(b);                   \
        if (check_a_ != check_b_) {                                                       \
            fprintf(stderr, "%s:%d: %s: %s == %lld, expected %lld\n", __FILE__, __LINE__,  \
                    check_current, #a, check_a_, check_b_);                               \
            check_current_failed = 1;                                                     \
        }                                                                                 \
    } while (0)

#define CHECK_EQ_STR(a, b)                                                                \
    do {                                                                                  \
        const char *check_a_ = (a), *check_b_ = (b);                                      \
        if (!check_a_ || !check_b_ || strcmp(check_a_, check_b_) != 0) {                  \
            fprintf(stderr, "%s:%d: %s: %s == \"%s\", expected \"%s\"\n", __FILE__,        \
                    __LINE__, check_current, #a, check_a_ ? check_a_ : "(null)",          \
                    check_b_ ? check_b_ : "(null)");                                      \
            check_current_failed = 1;                                                     \
        }                                                                                 \
    } while (0)

#define RUN(fn)                                                                           \
    do {                                                                                  \
        check_current = #fn;                                                              \
        check_current_failed = 0;                                                         \
        fn();                                                                             \
        if (check_current_failed) {                                                       \
            check_failed++;                                                               \
            fprintf(stderr, "FAIL %s\n", #fn);                                            \
        } else {                                                                          \
            check_passed++;                                                               \
        }                                                                                 \
    } while (0)

/* Prints the summary and returns the exit status. */
static inline int check_summary(const char *suite)
{
    printf("%s: %d passed, %d failed\n", suite, check_passed, check_failed);
    return check_failed ? 1 : 0;
}

/* Sends a request through the public entry point and parses the answer. */
static inline cJSON *api(const char *json)
{
    char *out = webcare_call(json, strlen(json));
    if (!out) return NULL;
    cJSON *r = cJSON_Parse(out);
    webcare_free(out);
    return r;
}

/* The "result" of a response (borrowed), or NULL on an error response. */
static inline const cJSON *result_of(const cJSON *resp)
{
    return cJSON_GetObjectItemCaseSensitive(resp, "result");
}

static inline const char *error_code(const cJSON *resp)
{
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(resp, "error");
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(e, "code");
    return cJSON_IsString(c) ? c->valuestring : NULL;
}

#endif
