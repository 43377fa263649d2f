/* fuzz_call.c — libFuzzer target for the JSON entry point.
 *
 * The first input byte picks a mode:
 *   even: the rest is a raw request, sent to webcare_call and to
 *         webcare_engine_call (arbitrary bytes: JSON or not);
 *   odd:  the rest drives a structured request built with cJSON — a random
 *         op (classify, lint, length, tokens, normalize, version, check-pack,
 *         load-pack, batch, unknown) with random text and every field sometimes
 *         of the wrong type — so the fuzzer spends its time inside the ops
 *         instead of in the JSON parser.
 * Checks: the core always answers with valid UTF-8 JSON, {"v":1} and exactly
 * one of result / error / results; the same request gives the same answer
 * twice; text offsets in results stay inside the text (UTF-16 units). */
#include "fuzz_common.h"

static const char *const OPS[] = {
    "classify", "lint", "length", "tokens", "normalize", "version",
    "check-pack", "load-pack", "batch", "nope", "",
};
#define N_OPS (sizeof OPS / sizeof OPS[0])

static const char *const PLATFORMS[] = {"x", "facebook", "linkedin", "twitter", "X", ""};

static const char *const SAMPLES[] = {
    "Hoi @KLM 🤦‍♀️ #fail https://x.com vóór 16:00",
    "Lekker bezig weer @NS 🙄 #fail",
    "WAAROM reageert niemand?!?! al 3 dagen wachten",
    "Dank je wel voor de snelle hulp! 😍",
    "We gaan er even naar kijken! ^Sanne",
    "Stuur je ordernummer en je e-mail naar info@bol.com of bel 06-12345678",
    "Zoals op onze site staat had je dat kunnen lezen.",
    "Sorry sorry sorry, onze excuses!!!",
};

/* A value of a random JSON type; strings from the input. */
static cJSON *rd_value(reader *r, int depth)
{
    switch (rd_pick(r, depth > 3 ? 6 : 8)) {
    case 0: return cJSON_CreateNull();
    case 1: return cJSON_CreateBool(rd_byte(r) & 1);
    case 2: {
        static const double nums[] = {0, -1, 1, 0.5, 1e300, -1e300, 2147483648.0, 4294967296.0};
        return cJSON_CreateNumber(nums[rd_pick(r, 8)]);
    }
    case 3:
    case 4: {
        char *s = rd_string(r, 4096);
        cJSON *v = cJSON_CreateString(s ? s : "");
        free(s);
        return v;
    }
    case 5: return cJSON_CreateString(SAMPLES[rd_pick(r, sizeof SAMPLES / sizeof SAMPLES[0])]);
    case 6: {
        cJSON *a = cJSON_CreateArray();
        unsigned k = rd_pick(r, 4);
        for (unsigned i = 0; i < k; i++) cJSON_AddItemToArray(a, rd_value(r, depth + 1));
        return a;
    }
    default: {
        cJSON *o = cJSON_CreateObject();
        static const char *const keys[] = {"text", "type", "name", "id", "rules", "x"};
        unsigned k = rd_pick(r, 4);
        for (unsigned i = 0; i < k; i++)
            cJSON_AddItemToObject(o, keys[rd_pick(r, 6)], rd_value(r, depth + 1));
        return o;
    }
    }
}

/* A text field: usually a string (random bytes, a sample, or a sample with
 * random bytes spliced in), sometimes any other JSON value. */
static cJSON *rd_text(reader *r)
{
    unsigned how = rd_pick(r, 8);
    if (how == 0) return rd_value(r, 0);
    if (how <= 2) return cJSON_CreateString(SAMPLES[rd_pick(r, sizeof SAMPLES / sizeof SAMPLES[0])]);
    char *s = rd_string(r, 8192);
    if (how == 3 && s) {
        const char *a = SAMPLES[rd_pick(r, sizeof SAMPLES / sizeof SAMPLES[0])];
        size_t n = strlen(a), m = strlen(s);
        char *t = malloc(n + m + 1);
        if (t) {
            size_t cut = m ? rd_byte(r) % (m + 1) : 0;
            memcpy(t, s, cut);
            memcpy(t + cut, a, n);
            memcpy(t + cut + n, s + cut, m - cut + 1);
            free(s);
            s = t;
        }
    }
    cJSON *v = cJSON_CreateString(s ? s : "");
    free(s);
    return v;
}

static cJSON *rd_pack(reader *r)
{
    /* A pack as a JSON text (the API's form) or as a random value. */
    if (rd_pick(r, 4) == 0) return rd_value(r, 0);
    cJSON *pack = cJSON_CreateObject();
    cJSON_AddStringToObject(pack, "name", "team");
    cJSON *rules = cJSON_AddArrayToObject(pack, "rules");
    unsigned k = rd_pick(r, 4);
    for (unsigned i = 0; i < k; i++) {
        cJSON *rule = cJSON_CreateObject();
        cJSON_AddStringToObject(rule, "id", rd_pick(r, 2) ? "banned-word" : "sign-off-format");
        cJSON_AddStringToObject(rule, "severity", rd_pick(r, 2) ? "warning" : "error");
        cJSON *match = cJSON_AddObjectToObject(rule, "match");
        cJSON *phr = cJSON_AddArrayToObject(match, "phrases");
        cJSON_AddItemToArray(phr, rd_text(r));
        cJSON_AddItemToObject(rule, "message", rd_text(r));
        cJSON *fires = cJSON_AddArrayToObject(rule, "fires");
        cJSON_AddItemToArray(fires, rd_text(r));
        if (rd_pick(r, 4) == 0) cJSON_AddItemToObject(rule, "extra", rd_value(r, 0));
        cJSON_AddItemToArray(rules, rule);
    }
    char *txt = cJSON_PrintUnformatted(pack);
    cJSON_Delete(pack);
    cJSON *v = cJSON_CreateString(txt ? txt : "");
    free(txt);
    return v;
}

static cJSON *rd_request(reader *r, int depth)
{
    cJSON *req = cJSON_CreateObject();
    unsigned op = rd_pick(r, depth ? N_OPS - 1 : N_OPS);
    if (op == N_OPS - 1 || rd_pick(r, 16) == 0) cJSON_AddItemToObject(req, "op", rd_value(r, 0));
    else cJSON_AddStringToObject(req, "op", OPS[op]);
    unsigned fields = rd_byte(r);
    if (fields & 1) cJSON_AddItemToObject(req, "text", rd_text(r));
    if (fields & 2) {
        if (rd_pick(r, 4)) cJSON_AddStringToObject(req, "platform", PLATFORMS[rd_pick(r, 6)]);
        else cJSON_AddItemToObject(req, "platform", rd_value(r, 0));
    }
    if (fields & 4) {
        if (rd_pick(r, 2)) {
            cJSON *m = cJSON_AddObjectToObject(req, "mention");
            cJSON_AddItemToObject(m, "text", rd_text(r));
            if (rd_pick(r, 2)) cJSON_AddItemToObject(m, "type", rd_value(r, 0));
        } else {
            cJSON_AddItemToObject(req, "mention", rd_text(r));
        }
    }
    if (fields & 8) cJSON_AddItemToObject(req, rd_pick(r, 2) ? "agent" : "options", rd_value(r, 0));
    if (fields & 16) cJSON_AddItemToObject(req, "pack", rd_pack(r));
    if (fields & 32) cJSON_AddItemToObject(req, "id", rd_value(r, 0));
    if (fields & 64) cJSON_AddItemToObject(req, "v", rd_value(r, 0));
    if (op == 8 || (fields & 128)) {
        cJSON *reqs = cJSON_AddArrayToObject(req, "requests");
        unsigned k = depth < 2 ? rd_pick(r, 6) : 0;
        for (unsigned i = 0; i < k; i++) cJSON_AddItemToArray(reqs, rd_request(r, depth + 1));
    }
    return req;
}

/* UTF-16 length of a string field of the request, or (size_t)-1. */
static size_t u16_of(const cJSON *req, const char *field)
{
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(req, field);
    if (!cJSON_IsString(t) || !is_valid_utf8(t->valuestring, strlen(t->valuestring)))
        return (size_t)-1;
    return wc_u16_len(t->valuestring, strlen(t->valuestring));
}

/* Every {"start","end"} span in a result lies inside [0, limit]. */
static void check_spans(const cJSON *node, size_t limit)
{
    if (!node) return;
    if (cJSON_IsObject(node)) {
        const cJSON *s = cJSON_GetObjectItemCaseSensitive(node, "start");
        const cJSON *e = cJSON_GetObjectItemCaseSensitive(node, "end");
        if (cJSON_IsNumber(s) && cJSON_IsNumber(e)) {
            REQUIRE(s->valuedouble >= 0);
            REQUIRE(s->valuedouble <= e->valuedouble);
            REQUIRE(e->valuedouble <= (double)limit);
        }
    }
    const cJSON *it;
    cJSON_ArrayForEach(it, node) check_spans(it, limit);
}

static void check_offsets(const cJSON *req, const cJSON *resp)
{
    const cJSON *op = cJSON_GetObjectItemCaseSensitive(req, "op");
    const cJSON *res = cJSON_GetObjectItemCaseSensitive(resp, "result");
    if (!cJSON_IsString(op) || !res) return;
    size_t limit = u16_of(req, "text");
    if (limit == (size_t)-1) return;
    if (strcmp(op->valuestring, "tokens") == 0) {
        const cJSON *l16 = cJSON_GetObjectItemCaseSensitive(res, "length16");
        REQUIRE(cJSON_IsNumber(l16) && l16->valuedouble == (double)limit);
        check_spans(res, limit);
    } else if (strcmp(op->valuestring, "classify") == 0) {
        check_spans(res, limit);
    } else if (strcmp(op->valuestring, "lint") == 0) {
        check_spans(cJSON_GetObjectItemCaseSensitive(res, "findings"), limit);
    }
}

static void run_structured(const uint8_t *data, size_t size)
{
    reader r = {data, size};
    cJSON *req = rd_request(&r, 0);
    char *json = req ? cJSON_PrintUnformatted(req) : NULL;
    if (!json) { cJSON_Delete(req); return; }
    size_t n = strlen(json);

    char *out1 = webcare_call(json, n);
    cJSON *resp = check_response(out1);
    check_offsets(req, resp);
    const cJSON *results = cJSON_GetObjectItemCaseSensitive(resp, "results");
    const cJSON *reqs = cJSON_GetObjectItemCaseSensitive(req, "requests");
    if (results && cJSON_IsArray(reqs)) {
        REQUIRE(cJSON_GetArraySize(results) == cJSON_GetArraySize(reqs));
        for (int i = 0; i < cJSON_GetArraySize(reqs); i++)
            check_offsets(cJSON_GetArrayItem(reqs, i), cJSON_GetArrayItem(results, i));
    }
    /* Pure: the same request answers the same. */
    char *out2 = webcare_call(json, n);
    REQUIRE(out2 && strcmp(out1, out2) == 0);

    /* On an engine: a pack load first (if any), then the request twice. */
    webcare_engine *eng = webcare_engine_new();
    if (eng) {
        const cJSON *pack = cJSON_GetObjectItemCaseSensitive(req, "pack");
        if (pack) {
            cJSON *lp = cJSON_CreateObject();
            cJSON_AddStringToObject(lp, "op", "load-pack");
            cJSON_AddItemToObject(lp, "pack", cJSON_Duplicate(pack, 1));
            char *lj = cJSON_PrintUnformatted(lp);
            if (lj) {
                char *o = webcare_engine_call(eng, lj, strlen(lj));
                cJSON_Delete(check_response(o));
                webcare_free(o);
            }
            free(lj);
            cJSON_Delete(lp);
        }
        char *o3 = webcare_engine_call(eng, json, n);
        cJSON_Delete(check_response(o3));
        webcare_free(o3);
        webcare_engine_free(eng);
    }
    webcare_free(out1);
    webcare_free(out2);
    cJSON_Delete(resp);
    free(json);
    cJSON_Delete(req);
}

static void run_raw(const uint8_t *data, size_t size)
{
    char *out = webcare_call((const char *)data, size);
    cJSON_Delete(check_response(out));
    webcare_engine *eng = webcare_engine_new();
    if (eng) {
        char *o2 = webcare_engine_call(eng, (const char *)data, size);
        cJSON_Delete(check_response(o2));
        /* webcare_call is a call on a fresh engine: same answer. */
        REQUIRE(strcmp(out, o2) == 0);
        webcare_free(o2);
        webcare_engine_free(eng);
    }
    webcare_free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) {
        char *out = webcare_call("", 0);
        cJSON_Delete(check_response(out));
        webcare_free(out);
        return 0;
    }
    if (data[0] & 1) run_structured(data + 1, size - 1);
    else run_raw(data + 1, size - 1);
    return 0;
}
