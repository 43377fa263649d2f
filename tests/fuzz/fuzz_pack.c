/* fuzz_pack.c — libFuzzer target for team rule-pack loading, through the
 * JSON ops so it does not depend on the loader's internals.
 *
 * The input is the pack's JSON text (arbitrary bytes). It goes to
 * {"op":"check-pack","pack":<text>} and {"op":"load-pack","pack":<text>} on
 * an engine; when the pack loads, a few replies are linted with it (a loaded
 * pack's patterns run on text: catastrophic patterns must stay bounded, which
 * -timeout catches). Checks: well-formed answers; a pack check-pack accepts
 * also loads; lint answers stay well-formed with the pack; the engine can load
 * again and be freed without leaks. */
#include "fuzz_common.h"

static const char *const REPLIES[] = {
    "Hoi Sanne, wat vervelend! Ik zoek het voor je uit en stuur je voor 17:00 een DM. ^Pieter",
    "We gaan er even naar kijken!!!",
    "Zoals op onze site staat: stuur je IBAN NL91ABNA0417164300 en postcode 1234 AB 5.",
    "",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
    "🙄🙄🙄 TOP HOOR @NS #fail https://ns.nl/klantenservice",
};

static cJSON *call_ok(webcare_engine *eng, const cJSON *req)
{
    char *json = cJSON_PrintUnformatted(req);
    if (!json) return NULL;
    char *out = webcare_engine_call(eng, json, strlen(json));
    free(json);
    cJSON *resp = check_response(out);
    webcare_free(out);
    return resp;
}

static const char *err_code(const cJSON *resp)
{
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(resp, "error");
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(e, "code");
    return cJSON_IsString(c) ? c->valuestring : NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text) return 0;
    memcpy(text, data, size);
    text[size] = 0; /* a NUL inside ends the string, as a JSON \u0000 would */

    webcare_engine *eng = webcare_engine_new();
    cJSON *check = cJSON_CreateObject(), *load = cJSON_CreateObject();
    if (!eng || !check || !load) goto cleanup;
    cJSON_AddStringToObject(check, "op", "check-pack");
    cJSON_AddStringToObject(check, "pack", text);
    cJSON_AddStringToObject(load, "op", "load-pack");
    cJSON_AddStringToObject(load, "pack", text);

    cJSON *c1 = call_ok(eng, check);
    cJSON *l1 = call_ok(eng, load);
    if (c1 && l1) {
        const char *ce = err_code(c1), *le = err_code(l1);
        /* check-pack is stricter (it also runs the examples): a pack it
         * accepts loads; a pack that does not load fails the check too. */
        if (!ce) REQUIRE(le == NULL);
        if (le) REQUIRE(ce != NULL);
    }
    int loaded = l1 && !err_code(l1);
    cJSON_Delete(c1);
    cJSON_Delete(l1);

    if (loaded) {
        for (size_t i = 0; i < sizeof REPLIES / sizeof REPLIES[0]; i++) {
            cJSON *lint = cJSON_CreateObject();
            cJSON_AddStringToObject(lint, "op", "lint");
            cJSON_AddStringToObject(lint, "text", REPLIES[i]);
            cJSON_AddStringToObject(lint, "platform", i % 2 ? "x" : "linkedin");
            cJSON *m = cJSON_AddObjectToObject(lint, "mention");
            cJSON_AddStringToObject(m, "text", "Waar blijft mijn pakket?! #fail");
            cJSON_Delete(call_ok(eng, lint));
            cJSON_Delete(lint);
        }
        /* The pack's own text as a reply: its phrases will match. */
        if (size <= 4096) {
            cJSON *lint = cJSON_CreateObject();
            cJSON_AddStringToObject(lint, "op", "lint");
            cJSON_AddStringToObject(lint, "text", text);
            cJSON_Delete(call_ok(eng, lint));
            cJSON_Delete(lint);
        }
        /* Loading again replaces the pack (no leak of the first one). */
        cJSON_Delete(call_ok(eng, load));
    }
cleanup:
    cJSON_Delete(check);
    cJSON_Delete(load);
    webcare_engine_free(eng);
    free(text);
    return 0;
}
