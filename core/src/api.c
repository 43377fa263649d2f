/* api.c — the JSON entry point: parse a request, dispatch on "op", answer. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "internal.h"
#include "length.h"
#include "text.h"
#include "utf8proc.h"

#if CJSON_VERSION_MAJOR != 1 || CJSON_VERSION_MINOR != 7 || CJSON_VERSION_PATCH != 15
#error "vendored cJSON version differs from the one core/third_party/README.md pins"
#endif
#if UTF8PROC_VERSION_MAJOR != 2 || UTF8PROC_VERSION_MINOR != 8
#error "vendored utf8proc version differs from the one core/third_party/README.md pins"
#endif

#define STR2(x) #x
#define STR(x) STR2(x)

const char *webcare_version(void)
{
    return STR(WEBCARE_VERSION_MAJOR) "." STR(WEBCARE_VERSION_MINOR) "." STR(WEBCARE_VERSION_PATCH);
}

static const struct {
    int code;
    const char *name;
    const char *message;
} STATUS[] = {
    {WEBCARE_OK, "ok", "no error"},
    {WEBCARE_ERROR_NOMEM, "no-memory", "out of memory"},
    {WEBCARE_ERROR_NULL, "null", "a required pointer was NULL"},
    {WEBCARE_ERROR_INVALID_UTF8, "invalid-utf8", "text is not valid UTF-8"},
    {WEBCARE_ERROR_TOO_LARGE, "too-large", "input is larger than the limit"},
    {WEBCARE_ERROR_BAD_JSON, "bad-json", "request is not valid JSON"},
    {WEBCARE_ERROR_BAD_REQUEST, "bad-request", "request has a missing or wrongly typed field"},
    {WEBCARE_ERROR_UNKNOWN_OP, "unknown-op", "unknown op"},
    {WEBCARE_ERROR_BAD_PACK, "bad-pack", "rule pack is invalid"},
};

const char *webcare_strerror(int code)
{
    for (size_t i = 0; i < sizeof STATUS / sizeof STATUS[0]; i++)
        if (STATUS[i].code == code) return STATUS[i].message;
    return "unknown error";
}

const char *webcare_status_name(int code)
{
    for (size_t i = 0; i < sizeof STATUS / sizeof STATUS[0]; i++)
        if (STATUS[i].code == code) return STATUS[i].name;
    return "unknown";
}

int wc_fail(wc_err *e, int code, long at, const char *fmt, ...)
{
    if (e) {
        va_list ap;
        va_start(ap, fmt);
        wc_vfmt(e->message, sizeof e->message, fmt, ap);
        va_end(ap);
        e->code = code;
        e->at = at;
    }
    return code;
}

static const char *const PLATFORMS[] = {"x", "facebook", "linkedin"};

int wc_platform_from_name(const char *name)
{
    if (!name) return -1;
    for (int i = 0; i < 3; i++)
        if (strcmp(name, PLATFORMS[i]) == 0) return i;
    if (strcmp(name, "twitter") == 0) return WC_PLATFORM_X;
    return -1;
}

const char *wc_platform_name(int platform)
{
    return (platform >= 0 && platform < 3) ? PLATFORMS[platform] : "x";
}

int wc_clip_utf8(const char *s, int max)
{
    int n = 0;
    while (n < max && s[n]) {
        int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + n, max - n, &cp);
        if (k <= 0) break;
        n += (int)k;
    }
    return n;
}

cJSON *wc_add_number2(cJSON *obj, const char *name, double v)
{
    return cJSON_AddNumberToObject(obj, name, round(v * 100.0) / 100.0);
}

int wc_get_text(const cJSON *req, const char *field, int required, const char **out, size_t *len,
                wc_err *e)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(req, field);
    *out = NULL;
    *len = 0;
    if (!v || cJSON_IsNull(v)) {
        if (required) return wc_fail(e, WEBCARE_ERROR_BAD_REQUEST, -1, "missing field \"%s\"", field);
        return 0;
    }
    if (!cJSON_IsString(v) || !v->valuestring)
        return wc_fail(e, WEBCARE_ERROR_BAD_REQUEST, -1, "field \"%s\" must be a string", field);
    size_t n = strlen(v->valuestring);
    if (n > WEBCARE_MAX_TEXT)
        return wc_fail(e, WEBCARE_ERROR_TOO_LARGE, -1, "field \"%s\" is %zu bytes; the limit is %u",
                       field, n, (unsigned)WEBCARE_MAX_TEXT);
    size_t at = 0;
    if (wc_validate_utf8(v->valuestring, n, &at))
        return wc_fail(e, WEBCARE_ERROR_INVALID_UTF8, (long)at,
                       "field \"%s\" is not valid UTF-8 at byte %zu", field, at);
    *out = v->valuestring;
    *len = n;
    return 0;
}

/* ---- small ops -------------------------------------------------------- */

static int op_version(webcare_engine *eng, const cJSON *req, cJSON *r, wc_err *e)
{
    (void)eng; (void)req; (void)e;
    cJSON_AddStringToObject(r, "version", webcare_version());
    cJSON_AddNumberToObject(r, "api", WEBCARE_API_VERSION);
    cJSON_AddStringToObject(r, "cjson", cJSON_Version());
    cJSON_AddStringToObject(r, "utf8proc", utf8proc_version());
    cJSON_AddStringToObject(r, "unicode", utf8proc_unicode_version());
    return 0;
}

static int op_tokens(webcare_engine *eng, const cJSON *req, cJSON *r, wc_err *e)
{
    (void)eng;
    const char *s;
    size_t n, at = 0;
    int rc = wc_get_text(req, "text", 1, &s, &n, e);
    if (rc) return rc;
    wc_text t;
    rc = wc_tokenize(s, n, &t, &at);
    if (rc) {
        wc_text_free(&t);
        return wc_fail(e, rc, (long)at, "tokenizing failed: %s", webcare_strerror(rc));
    }
    cJSON *arr = cJSON_AddArrayToObject(r, "tokens");
    for (size_t i = 0; arr && i < t.n; i++) {
        cJSON *o = cJSON_CreateObject();
        if (!o) break;
        cJSON_AddItemToArray(arr, o);
        cJSON_AddStringToObject(o, "kind", wc_tok_kind_name(t.tok[i].kind));
        cJSON_AddNumberToObject(o, "start", t.tok[i].u16_start);
        cJSON_AddNumberToObject(o, "end", t.tok[i].u16_end);
        cJSON_AddStringToObject(o, "key", wc_key(&t, i));
        unsigned f = t.tok[i].flags;
        if (f & WC_TF_UPPER) cJSON_AddTrueToObject(o, "upper");
        if (f & WC_TF_ELONGATED) cJSON_AddTrueToObject(o, "elongated");
    }
    cJSON_AddNumberToObject(r, "length16", (double)t.u16_len);
    wc_text_free(&t);
    return 0;
}

static int op_normalize(webcare_engine *eng, const cJSON *req, cJSON *r, wc_err *e)
{
    (void)eng;
    const char *s;
    size_t n;
    int rc = wc_get_text(req, "text", 1, &s, &n, e);
    if (rc) return rc;
    char *nfc = wc_nfc(s, n);
    if (!nfc) return wc_fail(e, WEBCARE_ERROR_NOMEM, -1, "out of memory");
    cJSON_AddStringToObject(r, "nfc", nfc);
    free(nfc);
    return 0;
}

/* Reads "platform" (default x). */
static int get_platform(const cJSON *req, int *platform, wc_err *e)
{
    const cJSON *p = cJSON_GetObjectItemCaseSensitive(req, "platform");
    *platform = WC_PLATFORM_X;
    if (!p || cJSON_IsNull(p)) return 0;
    if (!cJSON_IsString(p))
        return wc_fail(e, WEBCARE_ERROR_BAD_REQUEST, -1, "field \"platform\" must be a string");
    *platform = wc_platform_from_name(p->valuestring);
    if (*platform < 0)
        return wc_fail(e, WEBCARE_ERROR_BAD_REQUEST, -1,
                       "unknown platform \"%.*s\" (use x, facebook or linkedin)",
                       wc_clip_utf8(p->valuestring, 40), p->valuestring);
    return 0;
}

static int op_length(webcare_engine *eng, const cJSON *req, cJSON *r, wc_err *e)
{
    (void)eng;
    const char *s;
    size_t n;
    int platform;
    int rc = wc_get_text(req, "text", 1, &s, &n, e);
    if (!rc) rc = get_platform(req, &platform, e);
    if (rc) return rc;
    wc_length L;
    rc = wc_platform_length(s, n, platform, &L);
    if (rc) return wc_fail(e, rc, -1, "length failed: %s", webcare_strerror(rc));
    cJSON_AddNumberToObject(r, "used", (double)L.used);
    cJSON_AddNumberToObject(r, "limit", (double)L.limit);
    cJSON_AddStringToObject(r, "platform", wc_platform_name(platform));
    cJSON_AddBoolToObject(r, "over", L.used > L.limit);
    return 0;
}

/* ---- dispatch --------------------------------------------------------- */

typedef int (*op_fn)(webcare_engine *, const cJSON *, cJSON *, wc_err *);

static const struct {
    const char *name;
    op_fn fn;
} OPS[] = {
    {"check-pack", wc_op_check_pack}, {"classify", wc_op_classify}, {"length", op_length},
    {"lint", wc_op_lint},             {"load-pack", wc_op_load_pack}, {"normalize", op_normalize},
    {"tokens", op_tokens},            {"version", op_version},
};

static cJSON *error_response(const wc_err *e, const cJSON *id)
{
    cJSON *resp = cJSON_CreateObject();
    if (!resp) return NULL;
    cJSON_AddNumberToObject(resp, "v", WEBCARE_API_VERSION);
    if (id) cJSON_AddItemToObject(resp, "id", cJSON_Duplicate(id, 1));
    cJSON *err = cJSON_AddObjectToObject(resp, "error");
    if (err) {
        cJSON_AddStringToObject(err, "code", webcare_status_name(e->code));
        cJSON_AddStringToObject(err, "message", e->message);
        if (e->at >= 0) cJSON_AddNumberToObject(err, "at", (double)e->at);
    }
    return resp;
}

/* Handles one parsed request object; returns a response object (NULL on OOM). */
static cJSON *handle(webcare_engine *eng, const cJSON *req, int depth)
{
    wc_err e = {0, -1, ""};
    const cJSON *id = NULL;
    if (!cJSON_IsObject(req)) {
        wc_fail(&e, WEBCARE_ERROR_BAD_REQUEST, -1, "request must be a JSON object");
        return error_response(&e, NULL);
    }
    id = cJSON_GetObjectItemCaseSensitive(req, "id");
    if (id && !(cJSON_IsString(id) || cJSON_IsNumber(id))) id = NULL;
    /* Strings echoed into the answer must be valid UTF-8 (the answer is). */
    if (cJSON_IsString(id) && wc_validate_utf8(id->valuestring, strlen(id->valuestring), NULL))
        id = NULL;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(req, "v");
    if (v && (!cJSON_IsNumber(v) || v->valuedouble != WEBCARE_API_VERSION)) {
        wc_fail(&e, WEBCARE_ERROR_BAD_REQUEST, -1, "unsupported API version (this core speaks v%d)",
                WEBCARE_API_VERSION);
        return error_response(&e, id);
    }
    const cJSON *op = cJSON_GetObjectItemCaseSensitive(req, "op");
    if (!cJSON_IsString(op) || !op->valuestring) {
        wc_fail(&e, WEBCARE_ERROR_BAD_REQUEST, -1, "missing string field \"op\"");
        return error_response(&e, id);
    }
    size_t bad_at = 0;
    if (wc_validate_utf8(op->valuestring, strlen(op->valuestring), &bad_at)) {
        wc_fail(&e, WEBCARE_ERROR_INVALID_UTF8, (long)bad_at, "field \"op\" is not valid UTF-8");
        return error_response(&e, id);
    }
    cJSON *resp = cJSON_CreateObject();
    if (!resp) return NULL;
    cJSON_AddNumberToObject(resp, "v", WEBCARE_API_VERSION);
    if (id) cJSON_AddItemToObject(resp, "id", cJSON_Duplicate(id, 1));
    cJSON_AddStringToObject(resp, "op", op->valuestring);

    if (strcmp(op->valuestring, "batch") == 0) {
        const cJSON *reqs = cJSON_GetObjectItemCaseSensitive(req, "requests");
        if (depth > 0 || !cJSON_IsArray(reqs)) {
            cJSON_Delete(resp);
            wc_fail(&e, WEBCARE_ERROR_BAD_REQUEST, -1,
                    depth > 0 ? "batches cannot be nested" : "batch needs an array \"requests\"");
            return error_response(&e, id);
        }
        cJSON *results = cJSON_AddArrayToObject(resp, "results");
        const cJSON *it;
        cJSON_ArrayForEach(it, reqs)
        {
            cJSON *one = handle(eng, it, depth + 1);
            if (!one) { cJSON_Delete(resp); return NULL; }
            cJSON_AddItemToArray(results, one);
        }
        return resp;
    }
    for (size_t i = 0; i < sizeof OPS / sizeof OPS[0]; i++) {
        if (strcmp(op->valuestring, OPS[i].name) != 0) continue;
        cJSON *result = cJSON_CreateObject();
        if (!result) { cJSON_Delete(resp); return NULL; }
        int rc = OPS[i].fn(eng, req, result, &e);
        if (rc) {
            cJSON_Delete(result);
            cJSON_Delete(resp);
            if (e.code == 0) wc_fail(&e, rc, -1, "%s", webcare_strerror(rc));
            return error_response(&e, id);
        }
        cJSON_AddItemToObject(resp, "result", result);
        return resp;
    }
    cJSON_Delete(resp);
    wc_fail(&e, WEBCARE_ERROR_UNKNOWN_OP, -1,
            "unknown op \"%.*s\" (ops: batch, check-pack, classify, length, lint, load-pack, "
            "normalize, tokens, version)",
            wc_clip_utf8(op->valuestring, 40), op->valuestring);
    return error_response(&e, id);
}

static char *print_or_oom(cJSON *resp)
{
    char *out = resp ? cJSON_PrintUnformatted(resp) : NULL;
    cJSON_Delete(resp);
    return out;
}

/* Offset of the first "\u0000" escape in a JSON text, or len. cJSON keeps
 * strings NUL-terminated, so that escape would silently cut the text. */
static size_t find_escaped_nul(const char *json, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (json[i] != '\\') continue;
        if (len - i >= 6 && memcmp(json + i + 1, "u0000", 5) == 0) return i;
        i++; /* skip the escaped character ("\\\\u0000" is not an escape) */
    }
    return len;
}

/* A copy of json with every "\u0000" escape made "\ufffd" (U+FFFD is one
 * UTF-16 unit as well, so offsets into the text still hold). */
static char *replace_escaped_nul(const char *json, size_t len, size_t first)
{
    char *copy = malloc(len ? len : 1);
    if (!copy) return NULL;
    memcpy(copy, json, len);
    for (size_t i = first; i < len; i++) {
        if (copy[i] != '\\') continue;
        if (len - i >= 6 && memcmp(copy + i + 1, "u0000", 5) == 0) memcpy(copy + i + 2, "fffd", 4);
        i++;
    }
    return copy;
}

char *webcare_engine_call(webcare_engine *eng, const char *json, size_t len)
{
    wc_err e = {0, -1, ""};
    if (!eng) {
        wc_fail(&e, WEBCARE_ERROR_NULL, -1, "engine is NULL");
        return print_or_oom(error_response(&e, NULL));
    }
    if (!json) {
        wc_fail(&e, WEBCARE_ERROR_NULL, -1, "request is NULL");
        return print_or_oom(error_response(&e, NULL));
    }
    if (len > WEBCARE_MAX_INPUT) {
        wc_fail(&e, WEBCARE_ERROR_TOO_LARGE, -1, "request is %zu bytes; the limit is %u", len,
                (unsigned)WEBCARE_MAX_INPUT);
        return print_or_oom(error_response(&e, NULL));
    }
    const char *nul = memchr(json, 0, len);
    if (nul) {
        long at = (long)(nul - json);
        wc_fail(&e, WEBCARE_ERROR_BAD_JSON, at, "request has a NUL byte at byte %ld", at);
        return print_or_oom(error_response(&e, NULL));
    }
    char *copy = NULL;
    size_t esc = find_escaped_nul(json, len);
    if (esc < len) {
        copy = replace_escaped_nul(json, len, esc);
        if (!copy) return NULL;
    }
    const char *src = copy ? copy : json;
    const char *end = NULL;
    cJSON *req = cJSON_ParseWithLengthOpts(src, len, &end, 0);
    size_t tail = end ? (size_t)(end - src) : 0;
    while (req && tail < len && (src[tail] == ' ' || src[tail] == '\t' || src[tail] == '\n' ||
                                 src[tail] == '\r'))
        tail++;
    free(copy);
    if (!req || tail < len) {
        long at = (long)tail;
        int trailing = req != NULL;
        cJSON_Delete(req);
        wc_fail(&e, WEBCARE_ERROR_BAD_JSON, at,
                trailing ? "unexpected text after the request at byte %ld"
                         : "request is not valid JSON (at byte %ld)",
                at);
        return print_or_oom(error_response(&e, NULL));
    }
    cJSON *resp = handle(eng, req, 0);
    cJSON_Delete(req);
    return print_or_oom(resp);
}

webcare_engine *webcare_engine_new(void)
{
    webcare_engine *eng = calloc(1, sizeof *eng);
    return eng;
}

void webcare_engine_free(webcare_engine *eng)
{
    if (!eng) return;
    wc_engine_release_pack(eng);
    free(eng);
}

char *webcare_call(const char *json, size_t len)
{
    webcare_engine eng = {0};
    char *out = webcare_engine_call(&eng, json, len);
    wc_engine_release_pack(&eng);
    return out;
}

void webcare_free(void *ptr) { free(ptr); }
