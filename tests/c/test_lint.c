/* test_lint.c — the linter op, its config, offsets, checklist and score, and
 * the team-pack ops (load-pack, check-pack, inline config.pack). */
#include "check.h"

/* Lints and returns the response (caller frees). */
static cJSON *lint(const char *json) { return api(json); }

static int has_rule(const cJSON *resp, const char *id)
{
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(result_of(resp), "findings"))
    {
        const cJSON *r = cJSON_GetObjectItemCaseSensitive(f, "rule");
        if (cJSON_IsString(r) && strcmp(r->valuestring, id) == 0) return 1;
    }
    return 0;
}

static const cJSON *finding(const cJSON *resp, const char *id)
{
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(result_of(resp), "findings"))
    {
        const cJSON *r = cJSON_GetObjectItemCaseSensitive(f, "rule");
        if (cJSON_IsString(r) && strcmp(r->valuestring, id) == 0) return f;
    }
    return NULL;
}

static int num(const cJSON *o, const char *k) { return cJSON_GetObjectItemCaseSensitive(o, k)->valueint; }

static void output_shape(void)
{
    cJSON *r = lint("{\"op\":\"lint\",\"text\":\"Hoi Sanne, wat vervelend! We bellen je vandaag voor 16:00. ^Tom\","
                    "\"platform\":\"x\",\"mention\":{\"type\":\"angry\"},\"agent\":\"Tom\"}");
    const cJSON *res = result_of(r);
    CHECK(res != NULL);
    const cJSON *score = cJSON_GetObjectItemCaseSensitive(res, "score");
    CHECK(cJSON_IsNumber(score) && score->valueint >= 0 && score->valueint <= 100);
    const cJSON *len = cJSON_GetObjectItemCaseSensitive(res, "length");
    CHECK_EQ_INT(num(len, "limit"), 280);
    CHECK_EQ_STR(cJSON_GetObjectItemCaseSensitive(len, "platform")->valuestring, "x");
    CHECK(cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(res, "findings")));
    const cJSON *cl = cJSON_GetObjectItemCaseSensitive(res, "checklist");
    CHECK_EQ_INT(cJSON_GetArraySize(cl), 9);
    static const char *const steps[9] = {"reageren", "begroeten & bedanken", "sorry", "meeleven", "doorvragen",
                                         "informatie", "oplossen", "compenseren", "afsluiten met naam"};
    for (int i = 0; i < 9 && i < cJSON_GetArraySize(cl); i++)
        CHECK_EQ_STR(cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(cl, i), "step")->valuestring, steps[i]);
    CHECK(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(cl, 3), "done"))); /* meeleven */
    CHECK(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(cl, 8), "done"))); /* naam */
    CHECK_EQ_STR(cJSON_GetObjectItemCaseSensitive(res, "mention_type")->valuestring, "angry");
    CHECK_EQ_INT(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(res, "findings")), 0);
    cJSON_Delete(r);
}

static void finding_fields_and_utf16_offsets(void)
{
    /* two emoji (4 UTF-16 units) and a space before "Dat is SUPER" */
    cJSON *r = lint("{\"op\":\"lint\",\"text\":\"\xf0\x9f\x98\x8a\xf0\x9f\x98\x8a Dat is SUPER fijn.\"}");
    const cJSON *f = finding(r, "shouting");
    CHECK(f != NULL);
    if (f) {
        CHECK_EQ_INT(num(f, "start"), 12);
        CHECK_EQ_INT(num(f, "end"), 17);
        CHECK_EQ_STR(cJSON_GetObjectItemCaseSensitive(f, "severity")->valuestring, "warning");
        CHECK(cJSON_IsString(cJSON_GetObjectItemCaseSensitive(f, "message")));
        CHECK(cJSON_IsString(cJSON_GetObjectItemCaseSensitive(f, "why")));
        const cJSON *s0 = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(f, "suggestions"), 0);
        CHECK_EQ_STR(cJSON_GetObjectItemCaseSensitive(s0, "kind")->valuestring, "replace");
        CHECK_EQ_STR(cJSON_GetObjectItemCaseSensitive(s0, "text")->valuestring, "super");
    }
    /* greeting points at the start, sign-off at the end */
    f = finding(r, "greeting");
    CHECK(f && num(f, "start") == 0 && num(f, "end") == 0);
    cJSON_Delete(r);
}

static void empty_promise_inflection_fillers_and_clearing(void)
{
    static const char *const fire[] = {
        "We gaan er even naar kijken!", "Wij zullen hier zeker naar gaan kijken.",
        "Ik zet het door naar de afdeling.", "We komen er zo snel mogelijk op terug.",
        "We hebben ernaar gekeken en nemen het mee.", "We gaan ernaar kijkken."};
    static const char *const pass[] = {
        "Ik bel je vóór 16:00 terug.", "We kijken er vandaag naar en sturen je voor 17:00 een DM.",
        "We gaan ernaar kijken: de monteur komt morgen tussen 8 en 12 uur."};
    char buf[512];
    for (size_t i = 0; i < sizeof fire / sizeof fire[0]; i++) {
        snprintf(buf, sizeof buf, "{\"op\":\"lint\",\"text\":\"%s\"}", fire[i]);
        cJSON *r = lint(buf);
        if (!has_rule(r, "empty-promise")) fprintf(stderr, "  should fire: %s\n", fire[i]);
        CHECK(has_rule(r, "empty-promise"));
        cJSON_Delete(r);
    }
    for (size_t i = 0; i < sizeof pass / sizeof pass[0]; i++) {
        snprintf(buf, sizeof buf, "{\"op\":\"lint\",\"text\":\"%s\"}", pass[i]);
        cJSON *r = lint(buf);
        if (has_rule(r, "empty-promise")) fprintf(stderr, "  should pass: %s\n", pass[i]);
        CHECK(!has_rule(r, "empty-promise"));
        cJSON_Delete(r);
    }
}

static void structure_rules_need_a_mention(void)
{
    cJSON *r = lint("{\"op\":\"lint\",\"text\":\"Hoi Sanne, goede vraag!\"}");
    CHECK(!has_rule(r, "answer-question"));
    CHECK(!has_rule(r, "thanks"));
    CHECK(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(result_of(r), "mention_type")));
    const cJSON *cl = cJSON_GetObjectItemCaseSensitive(result_of(r), "checklist");
    CHECK(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(cl, 2), "done"))); /* sorry */
    cJSON_Delete(r);
    r = lint("{\"op\":\"lint\",\"text\":\"Hoi Sanne, goede vraag!\",\"mention\":{\"type\":\"question\"}}");
    CHECK(has_rule(r, "answer-question"));
    cJSON_Delete(r);
    /* the type is classified when only the text is given */
    r = lint("{\"op\":\"lint\",\"text\":\"Hoi Sanne!\",\"mention\":{\"text\":\"Hoe laat gaan jullie morgen open?\"}}");
    CHECK(cJSON_IsString(cJSON_GetObjectItemCaseSensitive(result_of(r), "mention_type")));
    cJSON_Delete(r);
    r = lint("{\"op\":\"lint\",\"text\":\"Hoi Sanne!\",\"mention\":\"Hoe laat gaan jullie morgen open?\"}");
    CHECK(cJSON_IsString(cJSON_GetObjectItemCaseSensitive(result_of(r), "mention_type")));
    cJSON_Delete(r);
}

static void config_style_disabled_signoff_platform(void)
{
    cJSON *r = lint("{\"op\":\"lint\",\"text\":\"Hoi Sanne, kunt u ons een DM sturen?\",\"config\":{\"style\":\"je\"}}");
    const cJSON *f = finding(r, "register-mix");
    CHECK(f != NULL);
    if (f) CHECK_EQ_INT(num(f, "start"), 16); /* "u" */
    cJSON_Delete(r);
    r = lint("{\"op\":\"lint\",\"text\":\"Kunt u ons een DM sturen?\",\"config\":{\"disabled\":[\"greeting\"]}}");
    CHECK(!has_rule(r, "greeting"));
    cJSON_Delete(r);
    r = lint("{\"op\":\"lint\",\"text\":\"Hoi Sanne, tot morgen. Groet, Tom\",\"agent\":\"Tom\",\"config\":{\"signoff\":\"^{name}\"}}");
    f = finding(r, "sign-off");
    CHECK(f != NULL);
    if (f) {
        const cJSON *s0 = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(f, "suggestions"), 0);
        CHECK_EQ_STR(cJSON_GetObjectItemCaseSensitive(s0, "text")->valuestring, "^Tom");
    }
    cJSON_Delete(r);
    r = lint("{\"op\":\"lint\",\"text\":\"Hoi Sanne, tot morgen. ^Tom\",\"agent\":\"Tom\",\"config\":{\"signoff\":\"^{name}\"}}");
    CHECK(!has_rule(r, "sign-off"));
    cJSON_Delete(r);
    r = lint("{\"op\":\"lint\",\"text\":\"Hoi\",\"platform\":\"linkedin\"}");
    CHECK_EQ_INT(num(cJSON_GetObjectItemCaseSensitive(result_of(r), "length"), "limit"), 1250);
    cJSON_Delete(r);
}

static void length_span_starts_where_the_limit_is_passed(void)
{
    char buf[1200];
    int w = snprintf(buf, sizeof buf, "{\"op\":\"lint\",\"platform\":\"x\",\"text\":\"");
    for (int i = 0; i < 60; i++) w += snprintf(buf + w, sizeof buf - (size_t)w, "abcd ");
    snprintf(buf + w, sizeof buf - (size_t)w, "\"}");
    cJSON *r = lint(buf);
    const cJSON *f = finding(r, "length");
    CHECK(f != NULL);
    if (f) {
        CHECK_EQ_INT(num(f, "start"), 280);
        CHECK_EQ_INT(num(f, "end"), 300);
        CHECK(strstr(cJSON_GetObjectItemCaseSensitive(f, "message")->valuestring, "300") != NULL);
    }
    cJSON_Delete(r);
}

static void bad_requests(void)
{
    static const char *const reqs[] = {
        "{\"op\":\"lint\"}",
        "{\"op\":\"lint\",\"text\":1}",
        "{\"op\":\"lint\",\"text\":\"x\",\"config\":[]}",
        "{\"op\":\"lint\",\"text\":\"x\",\"config\":{\"style\":\"jij\"}}",
        "{\"op\":\"lint\",\"text\":\"x\",\"mention\":{\"type\":\"furious\"}}",
        "{\"op\":\"lint\",\"text\":\"x\",\"mention\":7}",
        "{\"op\":\"lint\",\"text\":\"x\",\"agent\":3}",
        "{\"op\":\"lint\",\"text\":\"x\",\"platform\":\"myspace\"}",
        "{\"op\":\"lint\",\"text\":\"x\",\"config\":{\"disabled\":\"greeting\"}}",
        "{\"op\":\"lint\",\"text\":\"x\",\"config\":{\"pack\":\"nope\"}}",
        "{\"op\":\"check-pack\"}",
        "{\"op\":\"load-pack\",\"pack\":5}",
    };
    for (size_t i = 0; i < sizeof reqs / sizeof reqs[0]; i++) {
        cJSON *r = lint(reqs[i]);
        CHECK(r != NULL && error_code(r) != NULL);
        cJSON_Delete(r);
    }
    /* an empty reply is linted, not rejected */
    cJSON *r = lint("{\"op\":\"lint\",\"text\":\"\"}");
    CHECK(result_of(r) != NULL);
    cJSON_Delete(r);
}

static void hostile_input_stays_bounded(void)
{
    size_t n = 200000;
    char *s = malloc(n + 64);
    CHECK(s != NULL);
    if (!s) return;
    const char *unit = "hoi sorry we gaan er naar ";
    size_t u = strlen(unit), w = (size_t)sprintf(s, "{\"op\":\"lint\",\"text\":\"");
    while (w + u + 4 < n) { memcpy(s + w, unit, u); w += u; }
    strcpy(s + w, "\"}");
    cJSON *r = lint(s);
    CHECK(result_of(r) != NULL);
    CHECK(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(result_of(r), "findings")) <= 64);
    cJSON_Delete(r);
    free(s);
}

/* ---- team packs --------------------------------------------------------- */

static const char TEAM[] =
    "{\"name\":\"acme\",\"disabled\":[\"jargon\"],\"rules\":[\n"
    " {\"id\":\"team-helaas\",\"severity\":\"warning\",\"message\":\"Geen 'helaas pindakaas'.\",\n"
    "  \"patterns\":[{\"pattern\":\"helaas {1} pindakaas\",\"replace\":[\"helaas\"]}],\n"
    "  \"fires\":[\"Helaas pindakaas!\"],\"passes\":[\"Helaas, dat ging mis.\"]},\n"
    " {\"id\":\"team-brand\",\"check\":\"brand\",\"spelling\":\"Coolblue\",\"message\":\"Schrijf Coolblue.\",\n"
    "  \"fires\":[\"Bestel bij CoolBlue.\"],\"passes\":[\"Bestel bij Coolblue.\"]},\n"
    " {\"id\":\"team-groet\",\"check\":\"required\",\"severity\":\"error\",\"message\":\"Sluit af met 'groet'.\",\n"
    "  \"patterns\":[\"groet|groetjes|gr\"],\"fires\":[\"Tot morgen!\"],\"passes\":[\"Tot morgen! Groet, Tom\"]},\n"
    " {\"id\":\"team-straat\",\"message\":\"Geen straatnamen.\",\"patterns\":[\"*straat #num\"],\n"
    "  \"fires\":[\"Kom naar de Kerkstraat 12.\"],\"passes\":[\"Kom naar de winkel.\"]}\n"
    "]}";

static cJSON *pack_req(const char *op, const char *pack)
{
    cJSON *req = cJSON_CreateObject();
    cJSON_AddStringToObject(req, "op", op);
    cJSON_AddStringToObject(req, "pack", pack);
    char *json = cJSON_PrintUnformatted(req);
    cJSON *r = api(json);
    free(json);
    cJSON_Delete(req);
    return r;
}

static void check_pack_runs_examples(void)
{
    cJSON *r = pack_req("check-pack", TEAM);
    const cJSON *res = result_of(r);
    CHECK(res != NULL);
    if (!res) fprintf(stderr, "  %s\n", cJSON_PrintUnformatted(r));
    if (res) {
        CHECK_EQ_INT(num(res, "rules"), 4);
        CHECK_EQ_INT(num(res, "examples"), 8);
        CHECK_EQ_STR(cJSON_GetObjectItemCaseSensitive(res, "name")->valuestring, "acme");
    }
    cJSON_Delete(r);
}

/* Returns the error message (static buffer) of a bad pack. */
static const char *pack_error(const char *pack)
{
    static char msg[256];
    cJSON *r = pack_req("check-pack", pack);
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(r, "error");
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(e, "message");
    snprintf(msg, sizeof msg, "%s", cJSON_IsString(m) ? m->valuestring : "(no error)");
    CHECK_EQ_STR(error_code(r), "bad-pack");
    cJSON_Delete(r);
    return msg;
}

static void bad_packs_have_line_and_column(void)
{
    const char *m = pack_error("{\"rules\": [\n  {\"id\": \"x-y\",,}\n]}");
    CHECK(strncmp(m, "line 2,", 7) == 0);
    m = pack_error("{\"rules\": [\n {\"id\":\"team-a\",\"message\":\"Hallo daar.\",\"patterns\":[\"a\"],\n  \"severity\": \"loud\"}]}");
    CHECK(strstr(m, "line 3, column 15") != NULL && strstr(m, "rules[0].severity") != NULL);
    m = pack_error("{\"rules\":[{\"id\":\"team-a\",\"message\":\"Hallo daar.\",\"patterns\":[\"a\"],\"mesage\":\"x\"}]}");
    CHECK(strstr(m, "unknown field \"mesage\"") != NULL);
    m = pack_error("{\"rules\":[{\"id\":\"team-a\",\"message\":\"Hallo daar.\",\"patterns\":[\"a {12} b\"]}]}");
    CHECK(strstr(m, "rules[0].patterns[0]") != NULL);
    m = pack_error("{\"rules\":[{\"id\":\"greeting\",\"message\":\"Hallo daar.\",\"patterns\":[\"a\"]}]}");
    CHECK(strstr(m, "built-in") != NULL);
    m = pack_error("{\"rules\":[{\"id\":\"team-a\",\"message\":\"Hallo daar.\",\"patterns\":[\"~kijk\"]}]}");
    CHECK(strstr(m, "built-in rules") != NULL);
    m = pack_error("{\"rules\":[{\"id\":\"team-a\",\"message\":\"Hallo daar.\",\"patterns\":[\"hallo\"],\n"
                   "\"fires\":[\"Goedemorgen\"]}]}");
    CHECK(strstr(m, "line 2") != NULL && strstr(m, "fires[0]") != NULL);
    m = pack_error("[1,2]");
    CHECK(strstr(m, "line 1") != NULL);
    m = pack_error("");
    CHECK(strstr(m, "not valid JSON") != NULL);
}

static void load_pack_applies_to_the_engine(void)
{
    webcare_engine *eng = webcare_engine_new();
    CHECK(eng != NULL);
    cJSON *req = cJSON_CreateObject();
    cJSON_AddStringToObject(req, "op", "load-pack");
    cJSON_AddStringToObject(req, "pack", TEAM);
    char *json = cJSON_PrintUnformatted(req);
    char *out = webcare_engine_call(eng, json, strlen(json));
    CHECK(out && strstr(out, "\"rules\":4") != NULL);
    webcare_free(out);
    free(json);
    cJSON_Delete(req);
    const char *lj = "{\"op\":\"lint\",\"text\":\"Helaas pindakaas, bestel bij CoolBlue, middels de app.\"}";
    out = webcare_engine_call(eng, lj, strlen(lj));
    cJSON *r = cJSON_Parse(out);
    webcare_free(out);
    CHECK(has_rule(r, "team-helaas"));
    CHECK(has_rule(r, "team-brand"));
    CHECK(has_rule(r, "team-groet"));
    CHECK(!has_rule(r, "jargon")); /* disabled by the pack */
    const cJSON *f = finding(r, "team-brand");
    if (f) {
        const cJSON *s0 = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(f, "suggestions"), 0);
        CHECK_EQ_STR(cJSON_GetObjectItemCaseSensitive(s0, "text")->valuestring, "Coolblue");
    }
    cJSON_Delete(r);
    /* unload with "pack": null */
    const char *un = "{\"op\":\"load-pack\",\"pack\":null}";
    out = webcare_engine_call(eng, un, strlen(un));
    webcare_free(out);
    out = webcare_engine_call(eng, lj, strlen(lj));
    r = cJSON_Parse(out);
    webcare_free(out);
    CHECK(!has_rule(r, "team-helaas"));
    CHECK(has_rule(r, "jargon"));
    cJSON_Delete(r);
    webcare_engine_free(eng);
    /* the stateless call never sees a pack */
    r = lint(lj);
    CHECK(!has_rule(r, "team-helaas"));
    cJSON_Delete(r);
}

static void inline_pack_in_config(void)
{
    cJSON *r = lint("{\"op\":\"lint\",\"text\":\"Dat is helaas pindakaas.\",\"config\":{\"pack\":{\"rules\":["
                    "{\"id\":\"team-h\",\"message\":\"Niet doen.\",\"patterns\":[\"helaas pindakaas\"]}]}}}");
    CHECK(has_rule(r, "team-h"));
    cJSON_Delete(r);
    r = lint("{\"op\":\"lint\",\"text\":\"x\",\"config\":{\"pack\":{\"rules\":[{\"id\":\"Bad Id\"}]}}}");
    CHECK_EQ_STR(error_code(r), "bad-pack");
    cJSON_Delete(r);
}

/* Issue 11: the article of the brand's own words from the team pack. */
#define ART_PACK "{\"articles\":{\"het\":[\"abonnement\",\"Pakketpunt\"],\"de\":[\"Coolblue-app\"]}}"
static cJSON *lint_art(const char *text)
{
    char buf[512];
    snprintf(buf, sizeof buf, "{\"op\":\"lint\",\"text\":\"%s\",\"config\":{\"pack\":%s}}", text, ART_PACK);
    return lint(buf);
}

static void team_articles(void)
{
    static const char *const FIRES[][2] = {
        {"Je kunt de abonnement opzeggen.", "het"},
        {"De nieuwe abonnement start morgen.", "Het"},
        {"Het Coolblue-app werkt weer.", "De"},
        {"Open het vernieuwde Coolblue-app.", "de"},
        {"Haal het op bij de Pakketpunt.", "het"},
    };
    for (size_t i = 0; i < sizeof FIRES / sizeof *FIRES; i++) {
        cJSON *r = lint_art(FIRES[i][0]);
        const cJSON *f = finding(r, "confusion");
        CHECK(f != NULL);
        if (f) {
            const cJSON *sg = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(f, "suggestions"), 0);
            CHECK_EQ_STR(cJSON_GetObjectItemCaseSensitive(sg, "kind")->valuestring, "replace");
            CHECK_EQ_STR(cJSON_GetObjectItemCaseSensitive(sg, "text")->valuestring, FIRES[i][1]);
            CHECK(strstr(cJSON_GetObjectItemCaseSensitive(f, "message")->valuestring, "lidwoord") != NULL);
            int s = num(f, "start"), e = num(f, "end");
            CHECK(e - s == (strlen(FIRES[i][1]) == 3 ? 2 : 3)); /* the written article */
        } else fprintf(stderr, "  no finding: %s\n", FIRES[i][0]);
        cJSON_Delete(r);
    }
    /* UTF-16 offsets: the article after an emoji */
    cJSON *r = lint_art("\xF0\x9F\x98\x8A de abonnement");
    const cJSON *f = finding(r, "confusion");
    CHECK(f && num(f, "start") == 3 && num(f, "end") == 5);
    cJSON_Delete(r);
    static const char *const PASSES[] = {
        "Je kunt het abonnement opzeggen.", "Het nieuwe abonnement start morgen.", "Een nieuw abonnement kan ook.",
        "De Coolblue-app werkt weer.", "de abonnementen zijn verlengd", "Ik heb het gisteren abonnement genoemd.",
        "Is de app het abonnement waard?", "Wil je het de Coolblue-app sturen?", "De abonnement-houders krijgen mail.",
    };
    for (size_t i = 0; i < sizeof PASSES / sizeof *PASSES; i++) {
        r = lint_art(PASSES[i]);
        CHECK(!has_rule(r, "confusion"));
        if (has_rule(r, "confusion")) fprintf(stderr, "  false alarm: %s\n", PASSES[i]);
        cJSON_Delete(r);
    }
    /* without a pack nothing changes; disabling confusion turns it off */
    r = lint("{\"op\":\"lint\",\"text\":\"Je kunt de abonnement opzeggen.\"}");
    CHECK(!has_rule(r, "confusion"));
    cJSON_Delete(r);
    r = lint("{\"op\":\"lint\",\"text\":\"Je kunt de abonnement opzeggen.\",\"config\":{\"disabled\":[\"confusion\"],"
             "\"pack\":" ART_PACK "}}");
    CHECK(!has_rule(r, "confusion"));
    cJSON_Delete(r);
    /* check-pack runs the articles examples */
    cJSON *c = pack_req("check-pack", "{\"articles\":{\"het\":[\"abonnement\"],\"fires\":[\"de abonnement\"],"
                                      "\"passes\":[\"het abonnement\"]}}");
    CHECK(result_of(c) && num(result_of(c), "examples") == 2);
    cJSON_Delete(c);
    const char *m = pack_error("{\"articles\":{\"het\":[\"abonnement\"],\n \"passes\":[\"de abonnement\"]}}");
    CHECK(strstr(m, "line 2") != NULL && strstr(m, "articles.passes[0]") != NULL);
    /* bad fields: line and column */
    m = pack_error("{\"articles\":\n  [\"het abonnement\"]}");
    CHECK(strstr(m, "line 2, column 3") != NULL && strstr(m, "articles") != NULL);
    m = pack_error("{\"articles\":{\"het\":[\"abonnement\",\n  7]}}");
    CHECK(strstr(m, "line 2, column 3") != NULL && strstr(m, "articles.het[1]") != NULL);
    m = pack_error("{\"articles\":{\"het\":\"abonnement\"}}");
    if (!strstr(m, "line 1, column 20")) fprintf(stderr, "  %s\n", m);
    CHECK(strstr(m, "line 1, column 20") != NULL && strstr(m, "articles.het") != NULL);
    m = pack_error("{\"articles\":{\"het\":[\"het abonnement\"]}}");
    CHECK(strstr(m, "articles.het[0]") != NULL && strstr(m, "one word") != NULL);
    m = pack_error("{\"articles\":{\"het\":[\"abonnement\"],\"de\":[\"Abonnement\"]}}");
    CHECK(strstr(m, "articles.de[0]") != NULL && strstr(m, "both") != NULL);
    m = pack_error("{\"articles\":{\"een\":[\"abonnement\"]}}");
    CHECK(strstr(m, "articles.een") != NULL && strstr(m, "unknown field") != NULL);
}

static void score_formula(void)
{
    /* clean and complete: 100 */
    cJSON *r = lint("{\"op\":\"lint\",\"text\":\"Hoi Sanne, dank je wel! ^Tom\",\"mention\":{\"type\":\"happy\"},\"agent\":\"Tom\"}");
    CHECK_EQ_INT(num(result_of(r), "score"), 100);
    cJSON_Delete(r);
    /* one error (profanity, 25) */
    r = lint("{\"op\":\"lint\",\"text\":\"Hoi Sanne, dank je wel, shit! ^Tom\",\"mention\":{\"type\":\"happy\"},\"agent\":\"Tom\"}");
    CHECK_EQ_INT(num(result_of(r), "score"), 75);
    cJSON_Delete(r);
}

/* Issue 9 follow-up: suggestions that add text are insertions (an empty
 * span at the right place), so applying them keeps the agent's sentence. */
static void issue_9_added_text_is_inserted(void)
{
    /* empathy-first: the opener goes where the content starts, after the address */
    cJSON *r = lint("{\"op\":\"lint\",\"text\":\"Hoi Marco!\\nWe zoeken het uit.\",\"mention\":{\"type\":\"angry\"}}");
    const cJSON *f = finding(r, "empathy-first");
    CHECK(f != NULL);
    if (f) {
        CHECK_EQ_INT(num(f, "start"), 11);
        CHECK_EQ_INT(num(f, "end"), 11);
    }
    cJSON_Delete(r);
    r = lint("{\"op\":\"lint\",\"text\":\"Hoi Marco, stuur ons je ordernummer via DM.\",\"mention\":{\"type\":\"angry\"}}");
    f = finding(r, "empathy-first");
    CHECK(f && num(f, "start") == 11 && num(f, "end") == 11);
    cJSON_Delete(r);
    /* follow-up-question: the question goes before a sign-off, not after the name */
    r = lint("{\"op\":\"lint\",\"text\":\"Hoi Sanne, fijn dat je langs was.\\n\\nGroet,\\nPeter\",\"mention\":{\"type\":\"neutral\"}}");
    f = finding(r, "follow-up-question");
    CHECK(f && num(f, "start") == 33 && num(f, "end") == 33);
    cJSON_Delete(r);
    r = lint("{\"op\":\"lint\",\"text\":\"Hoi Sanne, fijn dat je langs was. ^Peter\",\"mention\":{\"type\":\"neutral\"}}");
    f = finding(r, "follow-up-question");
    CHECK(f && num(f, "start") == 33 && num(f, "end") == 33);
    cJSON_Delete(r);
    r = lint("{\"op\":\"lint\",\"text\":\"Hoi Sanne, fijn dat je langs was. Tot ziens!\",\"mention\":{\"type\":\"neutral\"}}");
    f = finding(r, "follow-up-question");
    CHECK(f && num(f, "start") == 44 && num(f, "end") == 44);
    cJSON_Delete(r);
}

int main(void)
{
    RUN(issue_9_added_text_is_inserted);
    RUN(output_shape);
    RUN(finding_fields_and_utf16_offsets);
    RUN(empty_promise_inflection_fillers_and_clearing);
    RUN(structure_rules_need_a_mention);
    RUN(config_style_disabled_signoff_platform);
    RUN(length_span_starts_where_the_limit_is_passed);
    RUN(bad_requests);
    RUN(hostile_input_stays_bounded);
    RUN(check_pack_runs_examples);
    RUN(bad_packs_have_line_and_column);
    RUN(load_pack_applies_to_the_engine);
    RUN(inline_pack_in_config);
    RUN(team_articles);
    RUN(score_formula);
    return check_summary("lint");
}
