/*
 * webcare.h — the one public header of the Webcare Lens core.
 *
 * The core classifies social-media mentions aimed at Dutch companies and lints
 * webcare replies. Everything goes through one JSON entry point so the CLI,
 * the tests and the WebAssembly binding share one code path:
 *
 *   char *out = webcare_call(json, strlen(json));
 *   ... use out (always a NUL-terminated JSON object, or NULL when out of memory) ...
 *   webcare_free(out);
 *
 * Requests are JSON objects with an "op" (see README "JSON API"). Every bad
 * request returns {"v":1,"error":{"code","message","at"}}; the core never
 * prints, exits or aborts on user input. All text offsets in results are
 * UTF-16 code units into the original text (what JavaScript and the DOM use).
 *
 * Thread safety: no hidden global state; an engine may be used by one thread
 * at a time, different engines concurrently.
 */
#ifndef WEBCARE_H
#define WEBCARE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__EMSCRIPTEN__) || defined(__GNUC__)
#define WEBCARE_API(type) __attribute__((visibility("default"))) type
#else
#define WEBCARE_API(type) type
#endif

#define WEBCARE_VERSION_MAJOR 0
#define WEBCARE_VERSION_MINOR 1
#define WEBCARE_VERSION_PATCH 0
/* Version of the JSON request/response format ("v" field). */
#define WEBCARE_API_VERSION 1

/* Limits, overridable at build time. */
#ifndef WEBCARE_MAX_INPUT
#define WEBCARE_MAX_INPUT (4u * 1024u * 1024u) /* bytes of one request */
#endif
#ifndef WEBCARE_MAX_TEXT
#define WEBCARE_MAX_TEXT (1024u * 1024u) /* bytes of one text field */
#endif
#ifndef WEBCARE_NESTING_LIMIT
#define WEBCARE_NESTING_LIMIT 64
#endif

typedef enum webcare_status {
    WEBCARE_OK = 0,
    WEBCARE_ERROR_NOMEM = -1,
    WEBCARE_ERROR_NULL = -2,         /* a required pointer was NULL */
    WEBCARE_ERROR_INVALID_UTF8 = -3, /* text is not valid UTF-8 */
    WEBCARE_ERROR_TOO_LARGE = -4,    /* input over WEBCARE_MAX_* */
    WEBCARE_ERROR_BAD_JSON = -5,     /* request is not JSON */
    WEBCARE_ERROR_BAD_REQUEST = -6,  /* JSON, but a field is missing or of the wrong type */
    WEBCARE_ERROR_UNKNOWN_OP = -7,
    WEBCARE_ERROR_BAD_PACK = -8      /* a rule pack is invalid */
} webcare_status;

/* "0.1.0"; static, do not free. */
WEBCARE_API(const char *) webcare_version(void);

/* Fixed English description of a status code; static, do not free. */
WEBCARE_API(const char *) webcare_strerror(int code);

/* Stable kebab-case name of a status code ("bad-json"); static, do not free. */
WEBCARE_API(const char *) webcare_status_name(int code);

/*
 * Stateless entry point: handle one JSON request of `len` bytes (need not be
 * NUL-terminated). Returns a NUL-terminated JSON response that the caller
 * frees with webcare_free(), or NULL only when memory ran out.
 */
WEBCARE_API(char *) webcare_call(const char *json, size_t len);

/*
 * An engine keeps loaded team rule packs between calls (op "load-pack").
 * webcare_engine_new returns NULL when out of memory; free with
 * webcare_engine_free (NULL is allowed).
 */
typedef struct webcare_engine webcare_engine;
WEBCARE_API(webcare_engine *) webcare_engine_new(void);
WEBCARE_API(void) webcare_engine_free(webcare_engine *engine);

/* Like webcare_call, on an engine. NULL engine gives an error response. */
WEBCARE_API(char *) webcare_engine_call(webcare_engine *engine, const char *json, size_t len);

/* Frees memory returned by the core (responses). NULL is allowed. */
WEBCARE_API(void) webcare_free(void *ptr);

#ifdef __cplusplus
}
#endif

#endif /* WEBCARE_H */
