/* test_regressions.c — one test per fuzz or hostile-input finding (issue 10),
 * named finding_<what>. Each failed before its fix; see tests/fuzz/README.md. */
#include "check.h"
#include "internal.h"
#include "length.h"
#include "rules.h"
#include "text.h"

/* Sends `len` raw bytes; returns the parsed answer and checks that the raw
 * answer is valid UTF-8 (the core's answers are read by TextDecoder in JS). */
static cJSON *call_raw(const char *req, size_t len)
{
    char *out = webcare_call(req, len);
    if (!out) return NULL;
    CHECK(wc_validate_utf8(out, strlen(out), NULL) == 0);
    cJSON *r = cJSON_Parse(out);
    webcare_free(out);
    return r;
}

static cJSON *call_str(const char *req) { return call_raw(req, strlen(req)); }

static char *repeat(const char *unit, size_t times, size_t *len_out)
{
    size_t u = strlen(unit);
    char *s = malloc(u * times + 1);
    if (!s) return NULL;
    for (size_t i = 0; i < times; i++) memcpy(s + i * u, unit, u);
    s[u * times] = 0;
    if (len_out) *len_out = u * times;
    return s;
}

/* A request {"op":op,"text":text,"platform":"x"} built with cJSON. */
static cJSON *call_op(const char *op, const char *text)
{
    cJSON *req = cJSON_CreateObject();
    cJSON_AddStringToObject(req, "op", op);
    cJSON_AddStringToObject(req, "text", text);
    cJSON_AddStringToObject(req, "platform", "x");
    char *json = cJSON_PrintUnformatted(req);
    cJSON *r = json ? call_str(json) : NULL;
    free(json);
    cJSON_Delete(req);
    return r;
}

/* The op name, the id and the platform were echoed into answers as raw
 * bytes: invalid UTF-8 in, invalid UTF-8 out; "%.40s" also cut a multi-byte
 * character in half. */
static void finding_echoed_strings_not_utf8(void)
{
    cJSON *r = call_str("{\"op\":\"\xff\xfe\",\"id\":\"\xc3\"}");
    CHECK_EQ_STR(error_code(r), "invalid-utf8");
    CHECK(cJSON_GetObjectItem(r, "id") == NULL);
    cJSON_Delete(r);
    r = call_str("{\"op\":\"version\",\"id\":\"ok-\xed\xa0\x80\"}");
    CHECK(result_of(r) != NULL);
    CHECK(cJSON_GetObjectItem(r, "id") == NULL);
    cJSON_Delete(r);
    /* 14 euro signs: 42 bytes; a 40-byte cut would split the 14th. */
    const char *euros = "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"
                        "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"
                        "\xe2\x82\xac\xe2\x82\xac";
    char buf[256];
    snprintf(buf, sizeof buf, "{\"op\":\"%s\"}", euros);
    r = call_str(buf);
    CHECK_EQ_STR(error_code(r), "unknown-op");
    cJSON_Delete(r);
    snprintf(buf, sizeof buf, "{\"op\":\"length\",\"text\":\"a\",\"platform\":\"%s\"}", euros);
    r = call_str(buf);
    CHECK_EQ_STR(error_code(r), "bad-request");
    cJSON_Delete(r);
    CHECK_EQ_INT(wc_clip_utf8(euros, 40), 39);
    CHECK_EQ_INT(wc_clip_utf8("ab", 40), 2);
}

/* "\u0000" in a JSON string silently cut the text at that point (cJSON keeps
 * C strings), so whatever followed was never checked. It now becomes U+FFFD,
 * one UTF-16 unit like U+0000, so offsets after it still hold. */
static void finding_escaped_nul_cut_text(void)
{
    cJSON *r = call_str("{\"op\":\"tokens\",\"text\":\"ab\\u0000cd\"}");
    const cJSON *res = result_of(r);
    CHECK_EQ_INT(cJSON_GetObjectItem(res, "length16")->valueint, 5);
    const cJSON *last = cJSON_GetArrayItem(cJSON_GetObjectItem(res, "tokens"), 2);
    CHECK_EQ_STR(cJSON_GetObjectItem(last, "key")->valuestring, "cd");
    CHECK_EQ_INT(cJSON_GetObjectItem(last, "start")->valueint, 3);
    cJSON_Delete(r);
    /* An escaped backslash before "u0000" is not the escape. */
    r = call_str("{\"op\":\"tokens\",\"text\":\"a\\\\u0000\"}");
    CHECK_EQ_INT(cJSON_GetObjectItem(result_of(r), "length16")->valueint, 7);
    cJSON_Delete(r);
    /* A raw NUL byte is not JSON. */
    static const char raw[] = "{\"op\":\"tokens\",\"text\":\"ab\0cd\"}";
    r = call_raw(raw, sizeof raw - 1);
    CHECK_EQ_STR(error_code(r), "bad-json");
    CHECK_EQ_INT(cJSON_GetObjectItem(cJSON_GetObjectItem(r, "error"), "at")->valueint, 25);
    cJSON_Delete(r);
}

/* Text after the request object was ignored: two requests on one line ran
 * only the first. */
static void finding_trailing_text_ignored(void)
{
    cJSON *r = call_str("{\"op\":\"version\"}{\"op\":\"version\"}");
    CHECK_EQ_STR(error_code(r), "bad-json");
    CHECK_EQ_INT(cJSON_GetObjectItem(cJSON_GetObjectItem(r, "error"), "at")->valueint, 16);
    cJSON_Delete(r);
    r = call_str("{\"op\":\"version\"} \r\n\t");
    CHECK(result_of(r) != NULL);
    cJSON_Delete(r);
}

/* "a.a.a.a…" (also "a%a%…", "ab+ab+…"): every word start rescanned the rest
 * of the text for an e-mail address or a domain — quadratic, about 1000 s for
 * 1 MB. Scans now stop at the RFC limits (local part 64, domain 253). This
 * test takes minutes if it comes back. */
static void finding_link_scan_quadratic(void)
{
    static const char *const units[] = {"a.", "a%", "ab+", "a.b@"};
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++) {
        size_t n;
        char *s = repeat(units[k], 200000 / strlen(units[k]), &n);
        wc_text t;
        CHECK_EQ_INT(wc_tokenize(s, n, &t, NULL), 0);
        CHECK(t.n > 1000);
        wc_text_free(&t);
        free(s);
        /* Through the API too (the tokens op: only the text layer). */
        s = repeat(units[k], 100000 / strlen(units[k]), &n);
        cJSON *r = call_op("tokens", s);
        CHECK(result_of(r) != NULL);
        cJSON_Delete(r);
        free(s);
    }
    /* Links at the limits still work; one byte over and they are not links. */
    wc_text t;
    char local[80], mail[400];
    memset(local, 'a', 64);
    local[64] = 0;
    snprintf(mail, sizeof mail, "%s@ns.nl", local);
    CHECK_EQ_INT(wc_tokenize(mail, strlen(mail), &t, NULL), 0);
    CHECK(t.n == 1 && t.tok[0].kind == WC_TOK_EMAIL);
    wc_text_free(&t);
    snprintf(mail, sizeof mail, "a%s@ns.nl", local);
    CHECK_EQ_INT(wc_tokenize(mail, strlen(mail), &t, NULL), 0);
    CHECK(t.n > 1);
    wc_text_free(&t);
    /* A 253-byte domain is a URL. */
    char dom[300];
    size_t o = 0;
    while (o < 250) { memcpy(dom + o, "abcdefg.", 8); o += 8; }
    o = 248;
    memcpy(dom + o, "ab.nl", 5);
    dom[o + 5] = 0;
    CHECK_EQ_INT(strlen(dom), 253);
    CHECK_EQ_INT(wc_tokenize(dom, strlen(dom), &t, NULL), 0);
    CHECK(t.n == 1 && t.tok[0].kind == WC_TOK_URL);
    wc_text_free(&t);
}

/* "a" + 100,000 combining marks of alternating classes: NFC's canonical
 * reordering (an insertion sort in utf8proc) was quadratic, 8 s for 100 kB
 * and ~15 min for 1 MB, in every X length. Normalisation now cuts runs of
 * more than 30 non-starters (UAX #15 stream-safe limit). */
static void finding_nfc_reorder_quadratic(void)
{
    size_t n;
    char *marks = repeat("\xcc\x81\xcc\x96", 100000, &n); /* U+0301 (230) U+0316 (220) */
    char *s = malloc(n + 2);
    s[0] = 'a';
    memcpy(s + 1, marks, n + 1);
    char *nfc = wc_nfc(s, n + 1);
    CHECK(nfc != NULL);
    if (nfc) CHECK(strlen(nfc) + 8 >= n && strlen(nfc) <= n + 1);
    free(nfc);
    cJSON *r = call_op("normalize", s);
    const cJSON *out = cJSON_GetObjectItem(result_of(r), "nfc");
    CHECK(cJSON_IsString(out) && strlen(out->valuestring) + 8 >= n);
    cJSON_Delete(r);
    free(s);
    free(marks);
    /* Short runs still normalise exactly: reordered and composed. */
    nfc = wc_nfc("a\xcc\x81\xcc\x96 e\xcc\x81", 9);
    CHECK_EQ_STR(nfc, "\xc3\xa1\xcc\x96 \xc3\xa9");
    free(nfc);
}

/* The X weighted length of `unit` repeated `times` times, after `pre`. */
static size_t x_len_of(const char *pre, const char *unit, size_t times, const char *post)
{
    size_t n, pl = strlen(pre), ql = strlen(post);
    char *body = repeat(unit, times, &n);
    char *s = malloc(pl + n + ql + 1);
    size_t used = SIZE_MAX;
    if (body && s) {
        memcpy(s, pre, pl);
        memcpy(s + pl, body, n);
        memcpy(s + pl + n, post, ql + 1);
        CHECK_EQ_INT(wc_x_weighted_length(s, pl + n + ql, &used), 0);
    }
    free(body);
    free(s);
    return used;
}

/* "a.b.a.b…" (also "www.a.", "1.a."): the X length's URL scan walked the
 * whole label chain again from every start position (url_exec -> url_body ->
 * domain_at): 50 kB took 19-34 s, so 200 kB took minutes. Answers per start
 * are now memoised on long chains. The xn-- check and the protocol-less split
 * (ascii_domain_at tried at every position) had the same shape. Expected
 * values are twitter-text's parseTweet(text).weightedLength. */
static void finding_x_length_label_chain_quadratic(void)
{
    CHECK_EQ_INT(x_len_of("", "a.b.", 50000, ""), 200000);
    CHECK_EQ_INT(x_len_of("", "www.a.", 30000, ""), 180000);
    CHECK_EQ_INT(x_len_of("", "1.a.", 50000, ""), 200000);
    CHECK_EQ_INT(x_len_of("xn--a.", "b.", 50000, "\xd0\xb4.com"), 100011);
    CHECK_EQ_INT(x_len_of("http://xn--a.", "b.", 50000, "\xd0\xb4.com"), 100018);
    /* twitter-text's small cases agree (chains past the memo threshold) */
    CHECK_EQ_INT(x_len_of("", "a.b.", 1000, ""), 4000);
    CHECK_EQ_INT(x_len_of("", "www.a.", 1000, ""), 6000);
    CHECK_EQ_INT(x_len_of("", "a.", 40, "nl"), 23);
    CHECK_EQ_INT(x_len_of("", "a.b.", 20, "a_b.c.nl x"), 107);
    CHECK_EQ_INT(x_len_of("https://", "a.", 40, "nl/x"), 23);
    CHECK_EQ_INT(x_len_of("xn--a.", "b.", 500, "\xd0\xb4.com"), 1011);
    CHECK_EQ_INT(x_len_of("xn--a.", "b.", 500, "com"), 23);
    /* through the API: length and lint (which measures the X length) */
    size_t n;
    char *s = repeat("a.b.", 25000, &n);
    cJSON *r = call_op("length", s);
    CHECK_EQ_INT(cJSON_GetObjectItem(result_of(r), "used")->valueint, 100000);
    cJSON_Delete(r);
    free(s);
    s = repeat("a.b.", 2500, &n); /* the linter's own matching is slower per unit */
    r = call_op("lint", s);
    CHECK_EQ_INT(cJSON_GetObjectItem(cJSON_GetObjectItem(result_of(r), "length"), "used")->valueint, 10000);
    cJSON_Delete(r);
    free(s);
}

/* "a" + (U+0301 U+0316) x 50,000: the X length's own NFC reordered marks with
 * utf8proc's swap sort, quadratic (100 kB > 10 s in WASM). The canonical
 * ordering is now linear and still exact (twitter-text uses full NFC). */
static void finding_x_length_nfc_marks_quadratic(void)
{
    CHECK_EQ_INT(x_len_of("a", "\xcc\x81\xcc\x96", 50000, ""), 100000);
    /* U+0F73 has class 0 but decomposes to two non-starters */
    CHECK_EQ_INT(x_len_of("", "\xe0\xbd\xb3", 60000, ""), 120000);
    CHECK_EQ_INT(x_len_of("a", "\xcc\x81\xcc\x96", 500, ""), 1000);
    CHECK_EQ_INT(x_len_of("", "\xe0\xbd\xb3", 500, ""), 1000);
    /* reordered, then composed: a + U+0316 U+0301 -> U+00E1 U+0316 */
    CHECK_EQ_INT(x_len_of("a", "\xcc\x96\xcc\x81", 1, ""), 2);
    size_t n;
    char *marks = repeat("\xcc\x81\xcc\x96", 40000, &n);
    char *s = malloc(n + 2);
    s[0] = 'a';
    memcpy(s + 1, marks, n + 1);
    cJSON *r = call_op("lint", s);
    CHECK(result_of(r) != NULL);
    cJSON_Delete(r);
    free(s);
    free(marks);
}

/* check-pack with the pack text `pack` (built with cJSON so it is escaped). */
static cJSON *check_pack(const char *pack)
{
    cJSON *req = cJSON_CreateObject();
    cJSON_AddStringToObject(req, "op", "check-pack");
    cJSON_AddStringToObject(req, "pack", pack);
    char *json = cJSON_PrintUnformatted(req);
    cJSON *r = json ? call_str(json) : NULL; /* call_str checks the answer is UTF-8 */
    free(json);
    cJSON_Delete(req);
    return r;
}

/* Bad-pack messages cut a pattern word or an unknown field name at 40 bytes,
 * which could split a character: the answer was invalid UTF-8 (fuzz_pack).
 * The cut now falls on a character boundary (wc_clip_utf8). */
static void finding_pack_error_cut_utf8(void)
{
    /* emoji + 30 letters + ZWJ + U+2640 U+FE0F: byte 40 falls inside U+FE0F */
    cJSON *r = check_pack("{\"rules\":[{\"id\":\"emoji\",\"patterns\":[\"\xf0\x9f\x98\x82\",\"\xf0\x9f\xa4\xa6"
                          "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmm\xe2\x80\x8d\xe2\x99\x80\xef\xb8\x8f {2} \xf0\x9f\x99\x84\"],"
                          "\"message\":\"Geen lachende emoji bij boze klanten.\"}]}");
    CHECK_EQ_STR(error_code(r), "bad-pack");
    const cJSON *msg = cJSON_GetObjectItem(cJSON_GetObjectItem(r, "error"), "message");
    CHECK(cJSON_IsString(msg) && strstr(msg->valuestring, "is not one word") != NULL);
    cJSON_Delete(r);
    /* an unknown field of 14 euro signs (42 bytes) */
    r = check_pack("{\"rules\":[{\"id\":\"x\",\"\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"
                   "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"
                   "\xe2\x82\xac\xe2\x82\xac\":1}]}");
    CHECK_EQ_STR(error_code(r), "bad-pack");
    msg = cJSON_GetObjectItem(cJSON_GetObjectItem(r, "error"), "message");
    CHECK(cJSON_IsString(msg) && strstr(msg->valuestring, "unknown field") != NULL);
    cJSON_Delete(r);
    /* a long multi-byte key in the error path (cut at the path's 96 bytes) */
    char pack[400];
    size_t o = (size_t)snprintf(pack, sizeof pack, "{\"");
    for (int i = 0; i < 40; i++) o += (size_t)snprintf(pack + o, sizeof pack - o, "\xe2\x82\xac");
    snprintf(pack + o, sizeof pack - o, "\":1}");
    r = check_pack(pack);
    CHECK_EQ_STR(error_code(r), "bad-pack");
    cJSON_Delete(r);
}

/* The pack loader ignored text after the pack object ("{…} x" loaded the
 * first object); it is now bad-pack at the first byte of that text. */
static void finding_pack_trailing_text(void)
{
    cJSON *r = check_pack("{\"rules\":[]} x");
    CHECK_EQ_STR(error_code(r), "bad-pack");
    CHECK_EQ_INT(cJSON_GetObjectItem(cJSON_GetObjectItem(r, "error"), "at")->valueint, 13);
    cJSON_Delete(r);
    r = check_pack("{\"rules\":[]}{}");
    CHECK_EQ_STR(error_code(r), "bad-pack");
    CHECK_EQ_INT(cJSON_GetObjectItem(cJSON_GetObjectItem(r, "error"), "at")->valueint, 12);
    cJSON_Delete(r);
    r = check_pack("{\"rules\":[]} \r\n\t");
    CHECK(result_of(r) != NULL);
    cJSON_Delete(r);
}

/* The matcher's work (wc_doc.steps: tokens and sentences looked at) for
 * `unit` x times: every list of the default pack (and of `team`) searched in
 * every sentence, as the phrase rules do, and over the whole reply, as the
 * structure rules do. */
static uint64_t match_steps(const wc_pack *team, const char *unit, size_t times)
{
    size_t n;
    char *s = repeat(unit, times, &n);
    wc_doc d;
    uint64_t steps = 0;
    if (s && wc_doc_init(&d, s, n, team != NULL, NULL) == 0) {
        const wc_pack *packs[2] = {&wc_default_pack, team};
        for (int k = 0; k < 2 && packs[k]; k++)
            for (size_t l = 0; l < packs[k]->n_lists; l++) {
                const wc_list *L = &packs[k]->lists[l];
                for (size_t q = 0; q < d.n_sent; q++) {
                    wc_match m;
                    wc_list_find(packs[k], L, &d, d.sent[q], d.sent[q + 1], d.sent[q], 1, &m);
                }
                wc_list_any(packs[k], L, &d, 0, d.t.n, 1);
                wc_list_any(packs[k], L, &d, d.t.n / 2, d.t.n / 2 + 1, 0);
            }
        steps = d.steps;
    }
    wc_doc_free(&d);
    free(s);
    return steps;
}

/* Lint was quadratic on "a.a.a…" and "www.a.…" (every "." ends a sentence):
 * per sentence, the matcher walked each token chain (per word hash, prefix,
 * token kind, first letter, and per pattern position of the word index)
 * from its head and skipped the tokens before the sentence (WASM: 100 kB
 * 2.8 s, 1 MB > 20 s). The lists are now ascending arrays searched from the
 * sentence's first token by binary search; wc_list_any finds the first
 * sentence the same way. 10x the text must cost about 10x the work (a
 * chain walk from the head made it 100x). */
static void finding_lint_sentence_chains_quadratic(void)
{
    static const char *const units[] = {"a.", "www.a.", "a.b.", "sorry. ", "Stuur je ordernummer? ",
                                        "heeeel. ", "\xf0\x9f\x98\xa1!! ", "Hoi, ik kijk ernaar. "};
    wc_pack *team = NULL;
    wc_err e = {0, -1, ""};
    const char *pack = "{\"rules\":[{\"id\":\"t\",\"message\":\"m\",\"typos\":true,"
                       "\"patterns\":[\"kijk* {2} naar\",\"sorry\",\"*vervelend\",\"#qmark\",\"a & b\",\"verantwoordelijk\"]}]}";
    CHECK_EQ_INT(wc_pack_load(pack, strlen(pack), &team, &e), 0);
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++) {
        size_t times = 2000 / strlen(units[k]) + 1;
        for (int t = 0; t < 2; t++) {
            uint64_t small = match_steps(t ? team : NULL, units[k], times);
            uint64_t big = match_steps(t ? team : NULL, units[k], 10 * times);
            if (!(small > 0 && big <= 12 * small))
                fprintf(stderr, "  unit \"%s\" (%s): %llu steps, 10x: %llu\n", units[k], t ? "team pack" : "default",
                        (unsigned long long)small, (unsigned long long)big);
            CHECK(small > 0 && big <= 12 * small);
        }
    }
    wc_pack_free(team);
    /* a whole lint of 1 MB of "a." and of "www.a." (the API limit) */
    static const char *const big_units[] = {"a.", "www.a."};
    for (size_t k = 0; k < 2; k++) {
        size_t n;
        char *s = repeat(big_units[k], 1000000 / strlen(big_units[k]), &n);
        cJSON *r = call_op("lint", s);
        const cJSON *used = cJSON_GetObjectItem(cJSON_GetObjectItem(result_of(r), "length"), "used");
        CHECK(cJSON_IsNumber(used) && used->valuedouble == (double)n);
        cJSON_Delete(r);
        free(s);
    }
}

/* A team pattern with many gaps ("a {9} a {9} … b": 12 positions) on a
 * reply of "a a a … b": the search tried up to 10^11 ways per start (300
 * words: 28 s; 3,000: hours). Positions that cannot complete are now
 * remembered per search, so each (position, token) pair is tried once;
 * the match found is the same (the first in search order). */
static void finding_pack_gap_search_exponential(void)
{
    const char *pack = "{\"name\":\"gaps\",\"rules\":[{\"id\":\"gaps\",\"message\":\"m\",\"patterns\":["
                       "\"a {9} a {9} a {9} a {9} a {9} a {9} a {9} a {9} a {9} a {9} a {9} b\","
                       "\"a|aa {9} a|aa {9} a|aa {9} a|aa {9} a|aa {9} a|aa {9} x|b\"]}]}";
    wc_pack *team = NULL;
    wc_err e = {0, -1, ""};
    CHECK_EQ_INT(wc_pack_load(pack, strlen(pack), &team, &e), 0);
    size_t n;
    char *body = repeat("a ", 3000, &n);
    char *s = malloc(n + 2);
    memcpy(s, body, n);
    memcpy(s + n, "b", 2);
    wc_doc d;
    CHECK_EQ_INT(wc_doc_init(&d, s, n + 1, 1, NULL), 0);
    wc_match m = {0, 0, NULL};
    /* the first start that reaches b: the 12 positions end at b (token
     * 3000), each of the first 11 at most 10 tokens after the one before */
    CHECK(team && wc_list_find(team, &team->lists[0], &d, 0, d.t.n, 0, 0, &m));
    CHECK_EQ_INT(m.tok_lo, 3000 - 110);
    CHECK_EQ_INT(m.tok_hi, 3001);
    CHECK(d.steps < 200 * (uint64_t)d.t.n);
    wc_doc_free(&d);
    /* through the API: the same span, in UTF-16 units */
    cJSON *req = cJSON_CreateObject();
    cJSON_AddStringToObject(req, "op", "lint");
    cJSON_AddStringToObject(req, "text", s);
    cJSON_AddItemToObject(cJSON_AddObjectToObject(req, "config"), "pack", cJSON_Parse(pack));
    char *json = cJSON_PrintUnformatted(req);
    cJSON *r = call_str(json);
    int found = 0;
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItem(result_of(r), "findings"))
    {
        if (strcmp(cJSON_GetObjectItem(f, "rule")->valuestring, "gaps") != 0) continue;
        found++;
        CHECK_EQ_INT(cJSON_GetObjectItem(f, "start")->valueint, 2 * (3000 - 110));
        CHECK_EQ_INT(cJSON_GetObjectItem(f, "end")->valueint, 6001);
    }
    CHECK_EQ_INT(found, 1);
    cJSON_Delete(r);
    free(json);
    cJSON_Delete(req);
    wc_pack_free(team);
    free(body);
    free(s);
}

/* A "\u0000" escape inside the pack text cut that string (cJSON strings are
 * C strings): {"name":"a\u0000b"} loaded as "a", and a pattern or message
 * lost its tail unchecked. Now bad-pack at the escape's line and column; a
 * literal backslash before "u0000" is still fine. */
static void finding_pack_escaped_nul(void)
{
    cJSON *r = check_pack("{\"name\":\"a\\u0000b\",\"rules\":[]}");
    CHECK_EQ_STR(error_code(r), "bad-pack");
    const cJSON *err = cJSON_GetObjectItem(r, "error");
    CHECK_EQ_INT(cJSON_GetObjectItem(err, "at")->valueint, 10);
    CHECK(strstr(cJSON_GetObjectItem(err, "message")->valuestring, "line 1, column 11:") != NULL);
    CHECK(strstr(cJSON_GetObjectItem(err, "message")->valuestring, "NUL") != NULL);
    cJSON_Delete(r);
    r = check_pack("{\"rules\":[\n  {\"id\":\"x\",\"message\":\"m\",\"patterns\":[\"sorry\\u0000 {2} kijken\"]}]}");
    CHECK_EQ_STR(error_code(r), "bad-pack");
    CHECK(strstr(cJSON_GetObjectItem(cJSON_GetObjectItem(r, "error"), "message")->valuestring, "line 2, column 45:") != NULL);
    cJSON_Delete(r);
    r = check_pack("{\"name\":\"a\\\\u0000b\",\"rules\":[]}"); /* a backslash, then u0000 */
    CHECK(result_of(r) != NULL);
    CHECK_EQ_STR(cJSON_GetObjectItem(result_of(r), "name")->valuestring, "a\\u0000b");
    cJSON_Delete(r);
    /* a raw NUL byte (wc_pack_load takes an explicit length) */
    wc_pack *p = NULL;
    wc_err e = {0, -1, ""};
    static const char raw[] = "{\"name\":\"a\0b\",\"rules\":[]}";
    CHECK_EQ_INT(wc_pack_load(raw, sizeof raw - 1, &p, &e), WEBCARE_ERROR_BAD_PACK);
    CHECK_EQ_INT(e.at, 10);
    CHECK(p == NULL);
}

int main(void)
{
    RUN(finding_echoed_strings_not_utf8);
    RUN(finding_escaped_nul_cut_text);
    RUN(finding_trailing_text_ignored);
    RUN(finding_link_scan_quadratic);
    RUN(finding_nfc_reorder_quadratic);
    RUN(finding_x_length_label_chain_quadratic);
    RUN(finding_x_length_nfc_marks_quadratic);
    RUN(finding_pack_error_cut_utf8);
    RUN(finding_pack_trailing_text);
    RUN(finding_lint_sentence_chains_quadratic);
    RUN(finding_pack_gap_search_exponential);
    RUN(finding_pack_escaped_nul);
    return check_summary("regressions");
}
