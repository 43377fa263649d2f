/* test_api.c — the JSON entry point: ops, versions, structured errors, NULLs. */
#include "check.h"

static void version_op(void)
{
    cJSON *r = api("{\"op\":\"version\"}");
    CHECK(r != NULL);
    CHECK_EQ_INT(cJSON_GetObjectItem(r, "v")->valueint, 1);
    CHECK_EQ_STR(cJSON_GetObjectItem(result_of(r), "version")->valuestring, webcare_version());
    CHECK_EQ_STR(cJSON_GetObjectItem(result_of(r), "unicode")->valuestring, "15.0.0");
    cJSON_Delete(r);
}

static void errors_are_structured(void)
{
    static const struct { const char *req; const char *code; } cases[] = {
        {"not json", "bad-json"},
        {"{\"op\":", "bad-json"},
        {"[1,2]", "bad-request"},
        {"{}", "bad-request"},
        {"{\"op\":42}", "bad-request"},
        {"{\"op\":\"dance\"}", "unknown-op"},
        {"{\"op\":\"classify\"}", "bad-request"},
        {"{\"op\":\"classify\",\"text\":7}", "bad-request"},
        {"{\"op\":\"length\",\"text\":\"x\",\"platform\":\"myspace\"}", "bad-request"},
        {"{\"op\":\"length\",\"text\":\"x\",\"platform\":1}", "bad-request"},
        {"{\"op\":\"version\",\"v\":2}", "bad-request"},
        {"{\"op\":\"batch\",\"requests\":{}}", "bad-request"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cJSON *r = api(cases[i].req);
        CHECK(r != NULL);
        CHECK_EQ_STR(error_code(r), cases[i].code);
        const cJSON *msg = cJSON_GetObjectItem(cJSON_GetObjectItem(r, "error"), "message");
        CHECK(cJSON_IsString(msg) && strlen(msg->valuestring) > 5);
        cJSON_Delete(r);
    }
}

static void bad_json_reports_position(void)
{
    cJSON *r = api("{\"op\":\"version\",}");
    const cJSON *at = cJSON_GetObjectItem(cJSON_GetObjectItem(r, "error"), "at");
    CHECK(cJSON_IsNumber(at) && at->valueint >= 15);
    cJSON_Delete(r);
}

static void invalid_utf8_in_text(void)
{
    cJSON *r = api("{\"op\":\"tokens\",\"text\":\"ab\xff\"}");
    /* cJSON passes the bytes through; the core must reject them. */
    CHECK_EQ_STR(error_code(r), "invalid-utf8");
    cJSON_Delete(r);
}

static void id_is_passed_through(void)
{
    cJSON *r = api("{\"op\":\"length\",\"id\":\"m-7\",\"text\":\"hoi\"}");
    CHECK_EQ_STR(cJSON_GetObjectItem(r, "id")->valuestring, "m-7");
    cJSON_Delete(r);
    r = api("{\"op\":\"nope\",\"id\":12}");
    CHECK_EQ_INT(cJSON_GetObjectItem(r, "id")->valueint, 12);
    CHECK_EQ_STR(error_code(r), "unknown-op");
    cJSON_Delete(r);
}

static void huge_input(void)
{
    size_t n = WEBCARE_MAX_INPUT + 10;
    char *big = malloc(n);
    memset(big, ' ', n);
    char *out = webcare_call(big, n);
    cJSON *r = cJSON_Parse(out);
    CHECK_EQ_STR(error_code(r), "too-large");
    cJSON_Delete(r);
    webcare_free(out);
    /* A text field over WEBCARE_MAX_TEXT inside an acceptable request. */
    size_t t = WEBCARE_MAX_TEXT + 1;
    snprintf(big, n, "{\"op\":\"tokens\",\"text\":\"");
    size_t o = strlen(big);
    memset(big + o, 'a', t);
    memcpy(big + o + t, "\"}", 2);
    out = webcare_call(big, o + t + 2);
    r = cJSON_Parse(out);
    CHECK_EQ_STR(error_code(r), "too-large");
    cJSON_Delete(r);
    webcare_free(out);
    free(big);
}

static void deep_nesting(void)
{
    char buf[4096];
    size_t o = 0;
    o += (size_t)snprintf(buf, sizeof buf, "{\"op\":\"version\",\"x\":");
    for (int i = 0; i < 1000; i++) buf[o++] = '[';
    for (int i = 0; i < 1000; i++) buf[o++] = ']';
    buf[o++] = '}';
    char *out = webcare_call(buf, o);
    cJSON *r = cJSON_Parse(out);
    CHECK_EQ_STR(error_code(r), "bad-json");
    cJSON_Delete(r);
    webcare_free(out);
}

static void null_arguments(void)
{
    char *out = webcare_call(NULL, 0);
    cJSON *r = cJSON_Parse(out);
    CHECK_EQ_STR(error_code(r), "null");
    cJSON_Delete(r);
    webcare_free(out);
    out = webcare_engine_call(NULL, "{}", 2);
    r = cJSON_Parse(out);
    CHECK_EQ_STR(error_code(r), "null");
    cJSON_Delete(r);
    webcare_free(out);
    webcare_free(NULL);
    webcare_engine_free(NULL);
    CHECK(strlen(webcare_strerror(-999)) > 0);
}

static void length_op(void)
{
    cJSON *r = api("{\"op\":\"length\",\"text\":\"Hoi 👋 zie https://www.ns.nl/a\",\"platform\":\"x\"}");
    const cJSON *res = result_of(r);
    CHECK_EQ_INT(cJSON_GetObjectItem(res, "used")->valueint, 4 + 2 + 5 + 23);
    CHECK_EQ_INT(cJSON_GetObjectItem(res, "limit")->valueint, 280);
    cJSON_Delete(r);
    r = api("{\"op\":\"length\",\"text\":\"Hoi 👋\",\"platform\":\"linkedin\"}");
    CHECK_EQ_INT(cJSON_GetObjectItem(result_of(r), "used")->valueint, 6);
    CHECK_EQ_INT(cJSON_GetObjectItem(result_of(r), "limit")->valueint, 1250);
    cJSON_Delete(r);
    r = api("{\"op\":\"length\",\"text\":\"\",\"platform\":\"facebook\"}");
    CHECK_EQ_INT(cJSON_GetObjectItem(result_of(r), "limit")->valueint, 8000);
    cJSON_Delete(r);
}

static void batch(void)
{
    cJSON *r = api("{\"op\":\"batch\",\"requests\":[{\"op\":\"version\",\"id\":1},{\"op\":\"x\"},"
                   "{\"op\":\"batch\",\"requests\":[]}]}");
    const cJSON *results = cJSON_GetObjectItem(r, "results");
    CHECK_EQ_INT(cJSON_GetArraySize(results), 3);
    CHECK(result_of(cJSON_GetArrayItem(results, 0)) != NULL);
    CHECK_EQ_STR(error_code(cJSON_GetArrayItem(results, 1)), "unknown-op");
    CHECK_EQ_STR(error_code(cJSON_GetArrayItem(results, 2)), "bad-request");
    cJSON_Delete(r);
}

static void engine_lifecycle(void)
{
    webcare_engine *e = webcare_engine_new();
    CHECK(e != NULL);
    for (int i = 0; i < 100; i++) {
        char *out = webcare_engine_call(e, "{\"op\":\"tokens\",\"text\":\"hoi 👋\"}", 34);
        CHECK(out != NULL);
        webcare_free(out);
    }
    webcare_engine_free(e);
}

int main(void)
{
    RUN(version_op);
    RUN(errors_are_structured);
    RUN(bad_json_reports_position);
    RUN(invalid_utf8_in_text);
    RUN(id_is_passed_through);
    RUN(huge_input);
    RUN(deep_nesting);
    RUN(null_arguments);
    RUN(length_op);
    RUN(batch);
    RUN(engine_lifecycle);
    return check_summary("api");
}
