/* internal.h — shared between the core's modules; not part of the public API. */
#ifndef WEBCARE_INTERNAL_H
#define WEBCARE_INTERNAL_H

#include <stddef.h>

#include "../include/webcare.h"
#include "cJSON.h"

/* An error as a value: status code, English message, byte offset (or -1). */
typedef struct wc_err {
    int code;
    long at;
    char message[200];
} wc_err;

/* Fills *e (if non-NULL) and returns code; printf-style message. */
int wc_fail(wc_err *e, int code, long at, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

typedef enum wc_platform { WC_PLATFORM_X = 0, WC_PLATFORM_FACEBOOK, WC_PLATFORM_LINKEDIN } wc_platform;

/* "x"/"twitter", "facebook", "linkedin" -> platform; -1 if unknown. */
int wc_platform_from_name(const char *name);
const char *wc_platform_name(int platform);

struct wc_pack; /* a loaded team rule pack (see lint.c, rules.c) */

struct webcare_engine {
    struct wc_pack *team_pack; /* NULL when none is loaded */
};

/* Reads a required/optional string field of a request. Returns 0 and sets
 * *out and *len (NULL and 0 when absent and optional), or fails with bad-request,
 * too-large / invalid-utf8. */
int wc_get_text(const cJSON *req, const char *field, int required, const char **out, size_t *len,
                wc_err *e);

/* Op handlers: fill `result` (an object), or return a negative status with *e set. */
int wc_op_classify(webcare_engine *eng, const cJSON *req, cJSON *result, wc_err *e);
int wc_op_lint(webcare_engine *eng, const cJSON *req, cJSON *result, wc_err *e);
int wc_op_check_pack(webcare_engine *eng, const cJSON *req, cJSON *result, wc_err *e);
int wc_op_load_pack(webcare_engine *eng, const cJSON *req, cJSON *result, wc_err *e);
void wc_engine_release_pack(webcare_engine *eng);

/* Bytes of the longest valid-UTF-8 prefix of s within max bytes, for echoing
 * user strings in messages: printf("%.*s", wc_clip_utf8(s, 40), s). */
int wc_clip_utf8(const char *s, int max);

/* Adds a number that prints the same in every libc (rounded to 2 decimals). */
cJSON *wc_add_number2(cJSON *obj, const char *name, double v);

#endif
