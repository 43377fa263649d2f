/* lint.c — PLACEHOLDER until the linter issue lands: answers with a result
 * explicitly marked "placeholder":true (length is real). */
#include "internal.h"
#include "length.h"

int wc_op_lint(webcare_engine *eng, const cJSON *req, cJSON *result, wc_err *e)
{
    (void)eng;
    const char *s;
    size_t n;
    int rc = wc_get_text(req, "text", 1, &s, &n, e);
    if (rc) return rc;
    const cJSON *p = cJSON_GetObjectItemCaseSensitive(req, "platform");
    int platform = cJSON_IsString(p) ? wc_platform_from_name(p->valuestring) : WC_PLATFORM_X;
    if (platform < 0) return wc_fail(e, WEBCARE_ERROR_BAD_REQUEST, -1, "unknown platform");
    wc_length L;
    rc = wc_platform_length(s, n, platform, &L);
    if (rc) return wc_fail(e, rc, -1, "length failed");
    cJSON_AddTrueToObject(result, "placeholder");
    cJSON_AddNumberToObject(result, "score", 100);
    cJSON *len = cJSON_AddObjectToObject(result, "length");
    cJSON_AddNumberToObject(len, "used", (double)L.used);
    cJSON_AddNumberToObject(len, "limit", (double)L.limit);
    cJSON_AddStringToObject(len, "platform", wc_platform_name(platform));
    cJSON_AddArrayToObject(result, "findings");
    cJSON_AddArrayToObject(result, "checklist");
    return 0;
}

int wc_op_check_pack(webcare_engine *eng, const cJSON *req, cJSON *result, wc_err *e)
{
    (void)eng; (void)req; (void)result;
    return wc_fail(e, WEBCARE_ERROR_UNKNOWN_OP, -1, "check-pack is not implemented yet");
}

int wc_op_load_pack(webcare_engine *eng, const cJSON *req, cJSON *result, wc_err *e)
{
    (void)eng; (void)req; (void)result;
    return wc_fail(e, WEBCARE_ERROR_UNKNOWN_OP, -1, "load-pack is not implemented yet");
}

void wc_engine_release_pack(webcare_engine *eng) { (void)eng; }
