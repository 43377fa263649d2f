/* test_hostile.c — hostile input through the public JSON API (issue 10):
 * invalid and overlong UTF-8, surrogates, NUL bytes, 1 MB texts, 10,000
 * emoji, 100k-character words, deep and huge JSON, wrong types everywhere,
 * empty strings, catastrophic team-pack patterns. Every answer must be a
 * well-formed response (valid UTF-8 JSON, "v":1, one of result / error /
 * results); no crash, no leak (ASan run), no hang. Timing is measured in
 * tests/bench/scaling.mjs, never asserted here. */
#include "check.h"
#include "text.h"

static const char *const TEXT_OPS[] = {"classify", "lint", "length", "tokens", "normalize"};
#define N_TEXT_OPS (sizeof TEXT_OPS / sizeof TEXT_OPS[0])

static const char *const KNOWN_CODES[] = {"no-memory",   "null",       "invalid-utf8", "too-large",
                                          "bad-json",    "bad-request", "unknown-op",  "bad-pack"};

/* Checks one response object; returns 1 if sane. */
static int sane_one(const cJSON *r, int allow_batch)
{
    if (!cJSON_IsObject(r)) return 0;
    const cJSON *v = cJSON_GetObjectItem(r, "v");
    if (!cJSON_IsNumber(v) || v->valueint != 1) return 0;
    const cJSON *res = cJSON_GetObjectItem(r, "result"), *err = cJSON_GetObjectItem(r, "error"),
                *results = cJSON_GetObjectItem(r, "results");
    if ((res != NULL) + (err != NULL) + (results != NULL) != 1) return 0;
    if (res && !cJSON_IsObject(res)) return 0;
    if (err) {
        const cJSON *code = cJSON_GetObjectItem(err, "code"), *msg = cJSON_GetObjectItem(err, "message");
        if (!cJSON_IsString(code) || !cJSON_IsString(msg) || !msg->valuestring[0]) return 0;
        int known = 0;
        for (size_t i = 0; i < sizeof KNOWN_CODES / sizeof KNOWN_CODES[0]; i++)
            known |= strcmp(code->valuestring, KNOWN_CODES[i]) == 0;
        if (!known) return 0;
    }
    if (results) {
        if (!allow_batch || !cJSON_IsArray(results)) return 0;
        const cJSON *it;
        cJSON_ArrayForEach(it, results) if (!sane_one(it, 0)) return 0;
    }
    return 1;
}

/* Sends raw bytes on `eng` (or statelessly); checks the raw answer is valid
 * UTF-8 and a sane response; returns it parsed (caller deletes). */
static cJSON *send_on(webcare_engine *eng, const char *req, size_t len)
{
    char *out = eng ? webcare_engine_call(eng, req, len) : webcare_call(req, len);
    CHECK(out != NULL);
    if (!out) return NULL;
    CHECK(wc_validate_utf8(out, strlen(out), NULL) == 0);
    cJSON *r = cJSON_ParseWithOpts(out, NULL, 1);
    webcare_free(out);
    CHECK(sane_one(r, 1));
    return r;
}

static cJSON *send_raw(const char *req, size_t len) { return send_on(NULL, req, len); }
static cJSON *send_str(const char *req) { return send_raw(req, strlen(req)); }

/* Prints and sends a request object (consumed). */
static cJSON *send_obj(cJSON *req)
{
    char *json = cJSON_PrintUnformatted(req);
    cJSON_Delete(req);
    CHECK(json != NULL);
    if (!json) return NULL;
    cJSON *r = send_str(json);
    free(json);
    return r;
}

static cJSON *text_req(const char *op, const char *text)
{
    cJSON *req = cJSON_CreateObject();
    cJSON_AddStringToObject(req, "op", op);
    cJSON_AddStringToObject(req, "text", text);
    if (strcmp(op, "lint") == 0) {
        cJSON *m = cJSON_AddObjectToObject(req, "mention");
        cJSON_AddStringToObject(m, "text", "Waar blijft mijn pakket?!");
    }
    return req;
}

static char *repeat(const char *unit, size_t times)
{
    size_t u = strlen(unit);
    char *s = malloc(u * times + 1);
    if (!s) return NULL;
    for (size_t i = 0; i < times; i++) memcpy(s + i * u, unit, u);
    s[u * times] = 0;
    return s;
}

static const cJSON *get(const cJSON *o, const char *k) { return cJSON_GetObjectItem(o, k); }
static double num(const cJSON *o, const char *k)
{
    const cJSON *v = get(o, k);
    return cJSON_IsNumber(v) ? v->valuedouble : -1;
}

/* Every {"start","end"} span inside node lies in [0, limit]. */
static int spans_within(const cJSON *node, double limit)
{
    if (cJSON_IsObject(node)) {
        const cJSON *s = get(node, "start"), *e = get(node, "end");
        if (cJSON_IsNumber(s) && cJSON_IsNumber(e) &&
            !(s->valuedouble >= 0 && s->valuedouble <= e->valuedouble && e->valuedouble <= limit))
            return 0;
    }
    const cJSON *it;
    cJSON_ArrayForEach(it, node) if (!spans_within(it, limit)) return 0;
    return 1;
}

/* ---- UTF-8 ------------------------------------------------------------ */

static const char *const BAD_UTF8[] = {
    "\xff",                 /* never valid */
    "\xfe",                 /* never valid */
    "\x80",                 /* lone continuation byte */
    "\xc0\xaf",             /* overlong "/" (2 bytes) */
    "\xc1\xbf",             /* overlong (2 bytes) */
    "\xe0\x80\xaf",         /* overlong "/" (3 bytes) */
    "\xf0\x80\x80\xaf",     /* overlong "/" (4 bytes) */
    "\xf8\x88\x80\x80\x80", /* 5-byte form */
    "\xe2\x82",             /* truncated "€" */
    "\xf0\x9f\x98",         /* truncated emoji */
    "\xed\xa0\x80",         /* high surrogate U+D800 in UTF-8 */
    "\xed\xbf\xbf",         /* low surrogate U+DFFF in UTF-8 */
    "\xed\xa0\xbd\xed\xb8\x80", /* CESU-8 surrogate pair */
    "\xf4\x90\x80\x80",     /* U+110000, above Unicode */
    "\xc3",                 /* truncated at the very end of the text */
};

static void invalid_utf8_every_op(void)
{
    char buf[256];
    for (size_t b = 0; b < sizeof BAD_UTF8 / sizeof BAD_UTF8[0]; b++) {
        for (size_t o = 0; o < N_TEXT_OPS; o++) {
            snprintf(buf, sizeof buf, "{\"op\":\"%s\",\"text\":\"ab%s%s\"}", TEXT_OPS[o], BAD_UTF8[b],
                     b + 1 == sizeof BAD_UTF8 / sizeof BAD_UTF8[0] ? "" : "cd");
            cJSON *r = send_str(buf);
            CHECK_EQ_STR(error_code(r), "invalid-utf8");
            CHECK_EQ_INT(num(get(r, "error"), "at"), 2);
            cJSON_Delete(r);
        }
        /* In the mention of a lint, the agent, the platform, the op, the id. */
        static const char *const fmts[] = {
            "{\"op\":\"lint\",\"text\":\"hoi\",\"mention\":{\"text\":\"x%s\"}}",
            "{\"op\":\"lint\",\"text\":\"hoi\",\"mention\":\"x%s\"}",
            "{\"op\":\"lint\",\"text\":\"hoi\",\"agent\":\"S%s\"}",
            "{\"op\":\"length\",\"text\":\"hoi\",\"platform\":\"x%s\"}",
            "{\"op\":\"classify%s\",\"text\":\"hoi\"}",
            "{\"op\":\"classify\",\"text\":\"hoi\",\"id\":\"%s\"}",
            "{\"op\":\"check-pack\",\"pack\":\"{\\\"name\\\":\\\"%s\\\",\\\"rules\\\":[]}\"}",
        };
        for (size_t f = 0; f < sizeof fmts / sizeof fmts[0]; f++) {
            snprintf(buf, sizeof buf, fmts[f], BAD_UTF8[b]);
            cJSON_Delete(send_str(buf)); /* sane and valid UTF-8 out is all we ask */
        }
    }
}

static void surrogate_escapes(void)
{
    /* JSON escapes of lone surrogates (what JSON.stringify writes for them). */
    static const char *const lone[] = {"\\ud800", "\\udfff", "\\ud83dx", "\\ude00\\ud83d",
                                       "\\ud83d\\u0041", "\\ud83d"};
    char buf[128];
    for (size_t i = 0; i < sizeof lone / sizeof lone[0]; i++) {
        for (size_t o = 0; o < N_TEXT_OPS; o++) {
            snprintf(buf, sizeof buf, "{\"op\":\"%s\",\"text\":\"a%s\"}", TEXT_OPS[o], lone[i]);
            cJSON *r = send_str(buf);
            CHECK_EQ_STR(error_code(r), "bad-json");
            cJSON_Delete(r);
        }
    }
    /* A proper pair is one code point, two UTF-16 units. */
    cJSON *r = send_str("{\"op\":\"tokens\",\"text\":\"a \\ud83d\\ude00 b\"}");
    const cJSON *res = result_of(r);
    CHECK_EQ_INT(num(res, "length16"), 6);
    const cJSON *emo = cJSON_GetArrayItem(get(res, "tokens"), 1);
    CHECK_EQ_STR(get(emo, "kind")->valuestring, "emoji");
    CHECK_EQ_INT(num(emo, "start"), 2);
    CHECK_EQ_INT(num(emo, "end"), 4);
    cJSON_Delete(r);
}

static void nul_bytes(void)
{
    /* Escaped U+0000 anywhere in a text: a result, offsets counted. */
    for (size_t o = 0; o < N_TEXT_OPS; o++) {
        char buf[128];
        snprintf(buf, sizeof buf, "{\"op\":\"%s\",\"text\":\"\\u0000Hoi\\u0000 @NS\\u0000\"}", TEXT_OPS[o]);
        cJSON *r = send_str(buf);
        CHECK(result_of(r) != NULL);
        if (strcmp(TEXT_OPS[o], "tokens") == 0) CHECK_EQ_INT(num(result_of(r), "length16"), 10);
        cJSON_Delete(r);
    }
    /* In other strings: op, platform, id, mention, pack. */
    static const char *const reqs[] = {
        "{\"op\":\"tok\\u0000ens\",\"text\":\"a\"}",
        "{\"op\":\"length\",\"text\":\"a\",\"platform\":\"x\\u0000\"}",
        "{\"op\":\"length\",\"text\":\"a\",\"id\":\"\\u0000\"}",
        "{\"op\":\"lint\",\"text\":\"a\",\"mention\":{\"text\":\"\\u0000\"}}",
        "{\"op\":\"check-pack\",\"pack\":\"\\u0000\"}",
        "{\"op\":\"check-pack\",\"pack\":\"{\\\"rules\\\":[]}\\u0000garbage\"}",
        "{\"op\":\"version\",\"\\u0000\":1}",
    };
    for (size_t i = 0; i < sizeof reqs / sizeof reqs[0]; i++) cJSON_Delete(send_str(reqs[i]));
    /* Raw NUL bytes in the request are not JSON. */
    static const char raw[] = "{\"op\":\"classify\",\"text\":\"a\0b\"}";
    cJSON *r = send_raw(raw, sizeof raw - 1);
    CHECK_EQ_STR(error_code(r), "bad-json");
    cJSON_Delete(r);
    r = send_raw("\0", 1);
    CHECK_EQ_STR(error_code(r), "bad-json");
    cJSON_Delete(r);
    /* NUL bytes inside raw text given to the text layer: skipped like
     * control characters, offsets still exact. */
    wc_text t;
    CHECK_EQ_INT(wc_tokenize("a\0b\0\0cd", 7, &t, NULL), 0);
    CHECK_EQ_INT(t.n, 3);
    CHECK_EQ_INT(t.tok[2].start, 5);
    CHECK_EQ_INT(t.tok[2].u16_end, 7);
    wc_text_free(&t);
}

/* ---- size ------------------------------------------------------------- */

/* Exactly `bytes` of realistic mention text (cut on a character boundary and
 * padded with spaces). */
static char *mention_text(size_t bytes)
{
    static const char unit[] = "Hoi @KLM, al 3 dagen wacht ik op mijn koffer!!! \xf0\x9f\x98\xa1 Waarom "
                               "reageert NIEMAND? https://klm.nl/x #fail v\xc3\xb3\xc3\xb3r 16:00\n";
    char *s = malloc(bytes + 1);
    if (!s) return NULL;
    size_t u = sizeof unit - 1;
    for (size_t i = 0; i < bytes; i += u) memcpy(s + i, unit, bytes - i < u ? bytes - i : u);
    size_t end = bytes;
    while (end > 0 && ((unsigned char)s[end - 1] & 0x80)) end--; /* drop a cut character */
    memset(s + end, ' ', bytes - end);
    s[bytes] = 0;
    return s;
}

static void megabyte_text_every_op(void)
{
    char *big = mention_text(WEBCARE_MAX_TEXT);
    size_t u16 = wc_u16_len(big, WEBCARE_MAX_TEXT);
    for (size_t o = 0; o < N_TEXT_OPS; o++) {
        cJSON *r = send_obj(text_req(TEXT_OPS[o], big));
        const cJSON *res = result_of(r);
        CHECK(res != NULL);
        CHECK(spans_within(res, (double)u16));
        if (strcmp(TEXT_OPS[o], "tokens") == 0) CHECK_EQ_INT(num(res, "length16"), u16);
        if (strcmp(TEXT_OPS[o], "length") == 0) CHECK(cJSON_IsTrue(get(res, "over")));
        cJSON_Delete(r);
    }
    free(big);
    /* One byte more is too large, for every op. */
    big = mention_text(WEBCARE_MAX_TEXT + 1);
    for (size_t o = 0; o < N_TEXT_OPS; o++) {
        cJSON *r = send_obj(text_req(TEXT_OPS[o], big));
        CHECK_EQ_STR(error_code(r), "too-large");
        cJSON_Delete(r);
    }
    /* As a mention and as a pack. */
    cJSON *req = text_req("lint", "Hoi Sanne, sorry!");
    cJSON_ReplaceItemInObject(cJSON_GetObjectItem(req, "mention"), "text", cJSON_CreateString(big));
    cJSON *r = send_obj(req);
    CHECK_EQ_STR(error_code(r), "too-large");
    cJSON_Delete(r);
    req = cJSON_CreateObject();
    cJSON_AddStringToObject(req, "op", "check-pack");
    cJSON_AddStringToObject(req, "pack", big);
    r = send_obj(req);
    CHECK_EQ_STR(error_code(r), "too-large");
    cJSON_Delete(r);
    free(big);
}

static void ten_thousand_emoji(void)
{
    static const char *const units[] = {
        "\xf0\x9f\x98\x80",                                         /* 😀 */
        "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd",                         /* 👍🏽 */
        "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7", /* 👩‍👩‍👧 */
        "\xf0\x9f\x87\xb3\xf0\x9f\x87\xb1",                         /* 🇳🇱 */
        "1\xef\xb8\x8f\xe2\x83\xa3",                                /* 1️⃣ */
    };
    static const int u16_per[] = {2, 4, 8, 4, 3};
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++) {
        char *s = repeat(units[k], 10000);
        cJSON *r = send_obj(text_req("tokens", s));
        const cJSON *res = result_of(r);
        CHECK_EQ_INT(cJSON_GetArraySize(get(res, "tokens")), 10000);
        CHECK_EQ_INT(num(res, "length16"), 10000 * u16_per[k]);
        const cJSON *last = cJSON_GetArrayItem(get(res, "tokens"), 9999);
        CHECK_EQ_INT(num(last, "end"), 10000 * u16_per[k]);
        cJSON_Delete(r);
        for (size_t o = 0; o < N_TEXT_OPS; o++) {
            r = send_obj(text_req(TEXT_OPS[o], s));
            CHECK(result_of(r) != NULL);
            CHECK(spans_within(result_of(r), 10000.0 * u16_per[k]));
            cJSON_Delete(r);
        }
        free(s);
    }
    /* Emoji count 2 on X each. */
    char *s = repeat("\xf0\x9f\x98\x80", 10000);
    cJSON *req = text_req("length", s);
    cJSON_AddStringToObject(req, "platform", "x");
    cJSON *r = send_obj(req);
    CHECK_EQ_INT(num(result_of(r), "used"), 20000);
    cJSON_Delete(r);
    free(s);
}

static void hundred_k_single_word(void)
{
    static const char *const units[] = {"a", "\xc3\xa9", "7", "_", "!", "\xe2\x80\x8b"};
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++) {
        char *s = repeat(units[k], 100000);
        for (size_t o = 0; o < N_TEXT_OPS; o++) {
            cJSON *r = send_obj(text_req(TEXT_OPS[o], s));
            CHECK(result_of(r) != NULL);
            if (strcmp(TEXT_OPS[o], "tokens") == 0) {
                int n = cJSON_GetArraySize(get(result_of(r), "tokens"));
                CHECK(n <= 1); /* one word, number or punctuation run; none for zero-width */
            }
            cJSON_Delete(r);
        }
        free(s);
    }
    /* "a" + 100,000 combining accents: one word, key "a". */
    char *marks = repeat("\xcc\x81", 100000);
    char *s = malloc(strlen(marks) + 2);
    s[0] = 'a';
    strcpy(s + 1, marks);
    for (size_t o = 0; o < N_TEXT_OPS; o++) {
        cJSON *r = send_obj(text_req(TEXT_OPS[o], s));
        CHECK(result_of(r) != NULL);
        if (strcmp(TEXT_OPS[o], "tokens") == 0) {
            const cJSON *toks = get(result_of(r), "tokens");
            CHECK_EQ_INT(cJSON_GetArraySize(toks), 1);
            CHECK_EQ_STR(get(cJSON_GetArrayItem(toks, 0), "key")->valuestring, "a");
        }
        cJSON_Delete(r);
    }
    free(s);
    free(marks);
}

/* ---- JSON shape ------------------------------------------------------- */

static char *nested(const char *open, const char *close, int depth, const char *prefix, const char *suffix)
{
    size_t n = strlen(prefix) + strlen(suffix) + (size_t)depth * (strlen(open) + strlen(close)) + 1;
    char *s = malloc(n);
    size_t o = 0, lo = strlen(open), lc = strlen(close);
    memcpy(s, prefix, strlen(prefix));
    o += strlen(prefix);
    for (int i = 0; i < depth; i++, o += lo) memcpy(s + o, open, lo);
    for (int i = 0; i < depth; i++, o += lc) memcpy(s + o, close, lc);
    memcpy(s + o, suffix, strlen(suffix) + 1);
    return s;
}

static void deep_nesting(void)
{
    static const int depths[] = {10, 62, 63, 64, 65, 1000, 100000};
    for (size_t d = 0; d < sizeof depths / sizeof depths[0]; d++) {
        /* in an ignored field, in "mention", in "config", as the request */
        char *a = nested("[", "]", depths[d], "{\"op\":\"version\",\"x\":", "}");
        char *b = nested("{\"a\":", "}", depths[d], "{\"op\":\"lint\",\"text\":\"hoi\",\"mention\":", "}");
        char *c = nested("{\"pack\":", "}", depths[d], "{\"op\":\"lint\",\"text\":\"hoi\",\"config\":", "}");
        char *e = nested("[", "]", depths[d], "", "");
        cJSON *r = send_str(a);
        /* cJSON's limit: 64 levels in all, the request object included. */
        if (depths[d] < 64) CHECK(result_of(r) != NULL);
        else CHECK_EQ_STR(error_code(r), "bad-json");
        cJSON_Delete(r);
        cJSON_Delete(send_str(b));
        cJSON_Delete(send_str(c));
        r = send_str(e);
        CHECK(error_code(r) != NULL);
        cJSON_Delete(r);
        free(a); free(b); free(c); free(e);
    }
    /* A pack nested deeply inside its own JSON text. */
    char *inner = nested("[", "]", 5000, "{\\\"rules\\\":", "}");
    size_t n = strlen(inner) + 64;
    char *req = malloc(n);
    snprintf(req, n, "{\"op\":\"check-pack\",\"pack\":\"%s\"}", inner);
    cJSON *r = send_str(req);
    CHECK_EQ_STR(error_code(r), "bad-pack");
    cJSON_Delete(r);
    free(req);
    free(inner);
}

static void huge_batches(void)
{
    /* 100,000 small requests in one batch (1.7 MB). */
    const int n = 100000;
    cJSON *req = cJSON_CreateObject();
    cJSON_AddStringToObject(req, "op", "batch");
    cJSON *arr = cJSON_AddArrayToObject(req, "requests");
    for (int i = 0; i < n; i++) {
        cJSON *one = cJSON_CreateObject();
        cJSON_AddStringToObject(one, "op", i % 3 ? "version" : "nope");
        cJSON_AddNumberToObject(one, "id", i);
        cJSON_AddItemToArray(arr, one);
    }
    cJSON *r = send_obj(req);
    const cJSON *results = get(r, "results");
    CHECK_EQ_INT(cJSON_GetArraySize(results), n);
    CHECK_EQ_INT(num(cJSON_GetArrayItem(results, n - 1), "id"), n - 1);
    cJSON_Delete(r);
    /* 2,000 classify and lint requests. */
    req = cJSON_CreateObject();
    cJSON_AddStringToObject(req, "op", "batch");
    arr = cJSON_AddArrayToObject(req, "requests");
    for (int i = 0; i < 2000; i++)
        cJSON_AddItemToArray(arr, text_req(i % 2 ? "classify" : "lint", "WAAROM duurt dit zo lang?!! 😡"));
    r = send_obj(req);
    CHECK_EQ_INT(cJSON_GetArraySize(get(r, "results")), 2000);
    cJSON_Delete(r);
    /* A batch over the request limit. */
    size_t big = WEBCARE_MAX_INPUT + 2;
    char *s = malloc(big);
    memset(s, ' ', big);
    memcpy(s, "{\"op\":\"batch\",\"requests\":[", 26);
    s[big - 2] = ']';
    s[big - 1] = '}';
    r = send_raw(s, big);
    CHECK_EQ_STR(error_code(r), "too-large");
    cJSON_Delete(r);
    free(s);
    /* Batches of non-objects and nested batches. */
    r = send_str("{\"op\":\"batch\",\"requests\":[1,\"a\",null,[],{},{\"op\":\"batch\",\"requests\":[]}]}");
    results = get(r, "results");
    CHECK_EQ_INT(cJSON_GetArraySize(results), 6);
    const cJSON *it;
    cJSON_ArrayForEach(it, results) CHECK_EQ_STR(error_code(it), "bad-request");
    cJSON_Delete(r);
}

static void wrong_types_everywhere(void)
{
    static const char *const ops[] = {"classify", "lint",      "length",    "tokens",  "normalize",
                                      "version",  "check-pack", "load-pack", "batch",   "nope"};
    static const char *const fields[] = {"text",   "platform", "mention", "agent", "config", "options",
                                         "pack",   "requests", "id",      "v",     "op"};
    static const char *const values[] = {"1",     "-1.5",     "1e999",       "true",          "false",
                                         "null",  "[]",       "{}",          "[1,\"a\"]",     "{\"text\":1}",
                                         "\"\"",  "\"x\"",    "{\"pack\":1}", "{\"type\":[]}", "[[[[]]]]"};
    char buf[256];
    for (size_t o = 0; o < sizeof ops / sizeof ops[0]; o++)
        for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++)
            for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
                /* The field under test first; cJSON uses the first of duplicates. */
                snprintf(buf, sizeof buf, "{\"%s\":%s,\"op\":\"%s\",\"text\":\"Hoi!\"}", fields[f], values[v],
                         ops[o]);
                cJSON *r = send_str(buf);
                CHECK(r != NULL);
                cJSON_Delete(r);
            }
    /* The text field of a text op, wrongly typed: bad-request, always. */
    static const char *const not_strings[] = {"1", "true", "[]", "{}", "[\"a\"]"};
    for (size_t o = 0; o < N_TEXT_OPS; o++)
        for (size_t v = 0; v < sizeof not_strings / sizeof not_strings[0]; v++) {
            snprintf(buf, sizeof buf, "{\"op\":\"%s\",\"text\":%s}", TEXT_OPS[o], not_strings[v]);
            cJSON *r = send_str(buf);
            CHECK_EQ_STR(error_code(r), "bad-request");
            cJSON_Delete(r);
        }
}

static void empty_strings(void)
{
    for (size_t o = 0; o < N_TEXT_OPS; o++) {
        cJSON *r = send_obj(text_req(TEXT_OPS[o], ""));
        CHECK(result_of(r) != NULL);
        if (strcmp(TEXT_OPS[o], "tokens") == 0) CHECK_EQ_INT(cJSON_GetArraySize(get(result_of(r), "tokens")), 0);
        cJSON_Delete(r);
    }
    static const struct { const char *req, *code; } cases[] = {
        {"", "bad-json"},
        {"{\"op\":\"\"}", "unknown-op"},
        {"{\"op\":\"length\",\"text\":\"a\",\"platform\":\"\"}", "bad-request"},
        {"{\"op\":\"check-pack\",\"pack\":\"\"}", "bad-pack"},
        {"{\"op\":\"load-pack\",\"pack\":\"\"}", "bad-pack"},
        {"{\"op\":\"lint\",\"text\":\"\",\"mention\":\"\",\"agent\":\"\"}", NULL},
        {"{\"op\":\"lint\",\"text\":\"\",\"mention\":{\"text\":\"\",\"type\":\"\"}}", NULL},
        {"{\"op\":\"batch\",\"requests\":[]}", NULL},
        {"{\"\":\"\"}", "bad-request"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cJSON *r = send_str(cases[i].req);
        if (cases[i].code) CHECK_EQ_STR(error_code(r), cases[i].code);
        cJSON_Delete(r);
    }
}

static void garbage_bytes(void)
{
    /* Requests that are not NUL-terminated: exact-size heap buffers, so ASan
     * sees any read past the end. */
    static const char *const reqs[] = {
        "{\"op\":\"tokens\",\"text\":\"abc\"}", "{\"op\":\"tokens\",\"text\":\"abc", "{\"op\":\"tok",
        "{", "\"", "[", "1", "-", "tru", "{\"op\":\"tokens\",\"text\":\"\\u00", "{\"op\":\"tokens\",\"text\":\"\\",
        "{\"op\":\"tokens\",\"text\":\"\\ud83d\\u", "\xef\xbb\xbf{\"op\":\"version\"}",
    };
    for (size_t i = 0; i < sizeof reqs / sizeof reqs[0]; i++) {
        size_t n = strlen(reqs[i]);
        char *exact = malloc(n ? n : 1);
        memcpy(exact, reqs[i], n);
        cJSON_Delete(send_raw(exact, n));
        free(exact);
    }
    /* Every byte value alone and as the text. */
    for (int b = 1; b < 256; b++) {
        char one = (char)b;
        cJSON_Delete(send_raw(&one, 1));
        char buf[64];
        snprintf(buf, sizeof buf, "{\"op\":\"tokens\",\"text\":\"%c\"}", b);
        cJSON_Delete(send_str(buf));
    }
}

/* ---- team packs --------------------------------------------------------- */

static cJSON *pack_req(const char *op, const char *pack_json)
{
    cJSON *req = cJSON_CreateObject();
    cJSON_AddStringToObject(req, "op", op);
    cJSON_AddStringToObject(req, "pack", pack_json);
    return req;
}

/* Patterns that would be catastrophic for a backtracking matcher, linted on
 * texts that nearly match: each must give an answer. Before 029ee44 the
 * matcher was exponential in the number of "{n}" gaps ("a {9} a {9} … b":
 * 25 s on 3,000 words); tests/bench/scaling.mjs measures it. */
static void catastrophic_pack_patterns(void)
{
    static const char *const patterns[] = {
        "a {9} a {9} a {9} a {9} a {9} a {9} a {9} b",
        "a|aa|aaa {9} a|aa|aaa {9} a|aa|aaa {9} a|aa|aaa {9} x",
        "a* {9} a* {9} a* {9} a* {9} zzz",
        "#emoji {9} #emoji {9} #emoji {9} #emoji {9} #qmark",
        "a & a & a & a & b",
        "*aaa {9} *aaa {9} *aaa {9} b",
    };
    char *words = repeat("a aa aaa ", 1000);
    char *emoji = repeat("\xf0\x9f\x98\xa1 ", 3000);
    webcare_engine *eng = webcare_engine_new();
    for (size_t p = 0; p < sizeof patterns / sizeof patterns[0]; p++) {
        char pack[512];
        snprintf(pack, sizeof pack,
                 "{\"name\":\"cat\",\"rules\":[{\"id\":\"cat-%zu\",\"message\":\"m\",\"patterns\":[\"%s\"]}]}", p,
                 patterns[p]);
        cJSON *lp = pack_req("load-pack", pack);
        char *json = cJSON_PrintUnformatted(lp);
        cJSON_Delete(lp);
        cJSON *r = send_on(eng, json, strlen(json));
        free(json);
        if (result_of(r)) {
            for (int t = 0; t < 2; t++) {
                cJSON *lint = text_req("lint", t ? emoji : words);
                char *lj = cJSON_PrintUnformatted(lint);
                cJSON_Delete(lint);
                cJSON *lr = send_on(eng, lj, strlen(lj));
                CHECK(result_of(lr) != NULL);
                cJSON_Delete(lr);
                free(lj);
            }
        }
        cJSON_Delete(r);
    }
    webcare_engine_free(eng);
    free(words);
    free(emoji);
    /* Many rules, many alternatives, long patterns: bounded or refused. */
    cJSON *pack = cJSON_CreateObject();
    cJSON *rules = cJSON_AddArrayToObject(pack, "rules");
    for (int i = 0; i < 2000; i++) {
        cJSON *rule = cJSON_CreateObject();
        char id[32];
        snprintf(id, sizeof id, "team-%d", i);
        cJSON_AddStringToObject(rule, "id", id);
        cJSON_AddStringToObject(rule, "message", "m");
        cJSON *pats = cJSON_AddArrayToObject(rule, "patterns");
        char alt[600];
        size_t o = 0;
        for (int k = 0; k < 100 && o + 8 < sizeof alt; k++) o += (size_t)snprintf(alt + o, sizeof alt - o, "%sw%d", k ? "|" : "", k);
        cJSON_AddItemToArray(pats, cJSON_CreateString(alt));
        cJSON_AddItemToArray(rules, rule);
    }
    char *pj = cJSON_PrintUnformatted(pack);
    cJSON_Delete(pack);
    cJSON *r = send_obj(pack_req("check-pack", pj));
    cJSON_Delete(r);
    free(pj);
}

static void engine_survives_hostile_sequence(void)
{
    webcare_engine *eng = webcare_engine_new();
    static const char *const reqs[] = {
        ("{\"op\":\"load-pack\",\"pack\":\"{\\\"rules\\\":[{\\\"id\\\":\\\"x-y\\\",\\\"message\\\":\\\"m\\\","
         "\\\"patterns\\\":[\\\"hoi\\\"]}]}\"}"),
        "{\"op\":\"load-pack\",\"pack\":\"{broken\"}",
        "{\"op\":\"lint\",\"text\":\"hoi \\ud800\"}",
        "{\"op\":\"lint\",\"text\":\"hoi\xff\"}",
        "{\"op\":\"load-pack\",\"pack\":null}",
        "{\"op\":\"load-pack\",\"pack\":7}",
        "{\"op\":\"batch\",\"requests\":[{\"op\":\"load-pack\",\"pack\":\"{\\\"rules\\\":[]}\"},{\"op\":\"lint\",\"text\":\"hoi\"}]}",
    };
    for (int round = 0; round < 50; round++)
        for (size_t i = 0; i < sizeof reqs / sizeof reqs[0]; i++) cJSON_Delete(send_on(eng, reqs[i], strlen(reqs[i])));
    const char *v = "{\"op\":\"version\"}";
    cJSON *r = send_on(eng, v, strlen(v));
    CHECK(result_of(r) != NULL);
    cJSON_Delete(r);
    webcare_engine_free(eng);
}

int main(void)
{
    RUN(invalid_utf8_every_op);
    RUN(surrogate_escapes);
    RUN(nul_bytes);
    RUN(megabyte_text_every_op);
    RUN(ten_thousand_emoji);
    RUN(hundred_k_single_word);
    RUN(deep_nesting);
    RUN(huge_batches);
    RUN(wrong_types_everywhere);
    RUN(empty_strings);
    RUN(garbage_bytes);
    RUN(catastrophic_pack_patterns);
    RUN(engine_survives_hostile_sequence);
    return check_summary("hostile");
}
