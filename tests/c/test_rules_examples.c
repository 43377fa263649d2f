/* test_rules_examples.c — runs every "fires" and "passes" example of every
 * rule file in core/rules/nl through the JSON op (webcare_call, the same path
 * as the CLI and WASM), and checks that the compiled-in pack matches the rule
 * files: same ids, and every compiled word is the tokenizer's own match key
 * with the right hash and bloom bit. Run from the repository root. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>

#include "check.h"
#include "rules.h"
#include "text.h"

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) { free(buf); buf = NULL; }
    if (buf) buf[n] = 0;
    fclose(f);
    return buf;
}

static int examples_run, examples_failed, replacements_checked;

/* Byte offset of UTF-16 offset u in s (-1 if past the end or inside a code point). */
static long u16_to_byte(const char *s, long u)
{
    long b = 0, k = 0, n = (long)strlen(s);
    while (k < u && b < n) {
        unsigned char c = (unsigned char)s[b];
        int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        k += len == 4 ? 2 : 1;
        b += len;
    }
    return k == u && b <= n ? b : -1;
}

/* Whitespace-separated words of s[lo, hi), appended to out (NUL-separated). */
static size_t words_of(const char *s, long lo, long hi, char *out, size_t cap, size_t w)
{
    for (long i = lo; i < hi;) {
        while (i < hi && (s[i] == ' ' || s[i] == '\n')) i++;
        long j = i;
        while (j < hi && s[j] != ' ' && s[j] != '\n') j++;
        if (j > i && w + (size_t)(j - i) + 1 < cap) {
            memcpy(out + w, s + i, (size_t)(j - i));
            w += (size_t)(j - i);
            out[w++] = 0;
        }
        i = j;
    }
    return w;
}

/* Issue 9 follow-up: a suggestion of kind "replace" is text for [start,end).
 * Applying it must keep every word outside the span (in order), a span
 * holds a few words at most (never a whole sentence), and the rules whose
 * suggestion adds something (an opener, thanks, a greeting, a question, a
 * name) insert it: start == end. */
static void check_replacements(const char *id, const char *text, const cJSON *res)
{
    static const char *const INSERTS[] = {"greeting", "thanks", "empathy-first", "follow-up-question", "sign-off"};
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(res, "findings"))
    {
        const char *rule = cJSON_GetObjectItemCaseSensitive(f, "rule")->valuestring;
        long start = (long)cJSON_GetObjectItemCaseSensitive(f, "start")->valuedouble;
        long end = (long)cJSON_GetObjectItemCaseSensitive(f, "end")->valuedouble;
        long bs = u16_to_byte(text, start), be = u16_to_byte(text, end);
        int ok = bs >= 0 && be >= bs;
        const cJSON *sg;
        cJSON_ArrayForEach(sg, cJSON_GetObjectItemCaseSensitive(f, "suggestions"))
        {
            if (strcmp(cJSON_GetObjectItemCaseSensitive(sg, "kind")->valuestring, "replace") != 0) continue;
            const char *repl = cJSON_GetObjectItemCaseSensitive(sg, "text")->valuestring;
            replacements_checked++;
            if (!ok) break;
            for (size_t k = 0; k < sizeof INSERTS / sizeof INSERTS[0]; k++)
                if (strcmp(rule, INSERTS[k]) == 0 && start != end) ok = 0;
            char span[4096], kept[8192], got[8192];
            size_t nspan = words_of(text, bs, be, span, sizeof span, 0), words = 0;
            for (size_t q = 0; q < nspan; q++) words += span[q] == 0;
            if (words > 4) ok = 0;
            /* the edited text, and the original words outside the span in it, in order */
            size_t tl = strlen(text), rl = strlen(repl);
            char *edited = malloc(tl + rl + 1);
            if (!edited) { ok = 0; break; }
            memcpy(edited, text, (size_t)bs);
            memcpy(edited + bs, repl, rl);
            memcpy(edited + bs + rl, text + be, tl - (size_t)be + 1);
            size_t nk = words_of(text, 0, bs, kept, sizeof kept, 0);
            nk = words_of(text, be, (long)tl, kept, sizeof kept, nk);
            size_t ng = words_of(edited, 0, (long)strlen(edited), got, sizeof got, 0);
            const char *g = got, *gend = got + ng;
            for (const char *w = kept; w < kept + nk && ok; w += strlen(w) + 1) {
                /* the word (or, at the span's edges, its part outside) occurs later in the edited text */
                int found = 0;
                for (; g < gend && !found; g += strlen(g) + 1) found = strstr(g, w) || strstr(w, g);
                if (!found) ok = 0;
            }
            free(edited);
            if (!ok) break;
        }
        if (!ok) {
            check_current_failed = 1;
            fprintf(stderr, "  %s: finding %s [%ld,%ld) has a replace suggestion that deletes unrelated text: %s\n", id,
                    rule, start, end, text);
        }
    }
}

/* Lints one example; returns 1 if rule `id` is among the findings. */
static int fires(const cJSON *context, const cJSON *ex, const char *id, int *ok)
{
    cJSON *req = context ? cJSON_Duplicate(context, 1) : cJSON_CreateObject();
    cJSON_AddStringToObject(req, "op", "lint");
    if (cJSON_IsString(ex)) {
        cJSON_AddStringToObject(req, "text", ex->valuestring);
    } else {
        const cJSON *it;
        cJSON_ArrayForEach(it, ex)
        {
            cJSON_DeleteItemFromObjectCaseSensitive(req, it->string);
            cJSON_AddItemToObject(req, it->string, cJSON_Duplicate(it, 1));
        }
    }
    char *json = cJSON_PrintUnformatted(req);
    cJSON *resp = api(json);
    free(json);
    const cJSON *res = result_of(resp), *f;
    *ok = res != NULL;
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(req, "text");
    if (res && cJSON_IsString(text)) check_replacements(id, text->valuestring, res);
    cJSON_Delete(req);
    int hit = 0;
    cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(res, "findings"))
    {
        const cJSON *r = cJSON_GetObjectItemCaseSensitive(f, "rule");
        hit |= cJSON_IsString(r) && strcmp(r->valuestring, id) == 0;
    }
    cJSON_Delete(resp);
    return hit;
}

static void run_rule_file(const char *id)
{
    char path[256];
    snprintf(path, sizeof path, "core/rules/nl/%s.json", id);
    char *text = slurp(path);
    CHECK(text != NULL);
    if (!text) { fprintf(stderr, "  cannot read %s (run from the repository root)\n", path); return; }
    cJSON *rule = cJSON_Parse(text);
    free(text);
    CHECK(rule != NULL);
    const cJSON *context = cJSON_GetObjectItemCaseSensitive(rule, "context");
    for (int k = 0; k < 2; k++) {
        const cJSON *ex;
        int n = 0;
        cJSON_ArrayForEach(ex, cJSON_GetObjectItemCaseSensitive(rule, k ? "passes" : "fires"))
        {
            int ok, hit = fires(context, ex, id, &ok);
            examples_run++;
            n++;
            if (!ok || hit != !k) {
                examples_failed++;
                check_current_failed = 1;
                char *s = cJSON_PrintUnformatted(ex);
                fprintf(stderr, "  %s: %s example %d %s: %s\n", id, k ? "passes" : "fires", n,
                        !ok ? "was rejected" : k ? "fired" : "did not fire", s ? s : "?");
                free(s);
            }
        }
        CHECK(n >= 1); /* every rule has both kinds */
    }
    cJSON_Delete(rule);
}

static void every_example_of_every_rule(void)
{
    for (size_t i = 0; i < wc_default_pack.n_rules; i++) run_rule_file(wc_default_pack.rules[i].id);
    printf("rule examples: %d run, %d failed; %d replace suggestions applied\n", examples_run, examples_failed,
           replacements_checked);
    CHECK(replacements_checked > 20);
}

static void every_rule_file_is_compiled(void)
{
    DIR *dir = opendir("core/rules/nl");
    CHECK(dir != NULL);
    if (!dir) return;
    struct dirent *e;
    size_t files = 0;
    while ((e = readdir(dir))) {
        size_t n = strlen(e->d_name);
        if (n < 6 || strcmp(e->d_name + n - 5, ".json") != 0) continue;
        files++;
        int found = 0;
        for (size_t i = 0; i < wc_default_pack.n_rules; i++)
            found |= strlen(wc_default_pack.rules[i].id) == n - 5 &&
                     strncmp(wc_default_pack.rules[i].id, e->d_name, n - 5) == 0;
        if (!found) fprintf(stderr, "  %s is not in the compiled pack: run make regen\n", e->d_name);
        CHECK(found);
    }
    closedir(dir);
    CHECK_EQ_INT(files, wc_default_pack.n_rules);
}

/* The SPEC's catalogue: every id exists in the default pack. */
static void catalogue_is_complete(void)
{
    static const char *const ids[] = {
        "greeting", "thanks", "apology-excess", "empathy-first", "answer-question", "follow-up-question",
        "sign-off", "condescending", "empty-promise", "denial", "justification", "blame-customer",
        "shouting", "emoji-tone", "jargon", "register-mix", "profanity", "privacy", "length"};
    for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
        int found = 0;
        for (size_t i = 0; i < wc_default_pack.n_rules; i++) {
            const wc_rule *r = &wc_default_pack.rules[i];
            if (strcmp(r->id, ids[k]) != 0) continue;
            found = 1;
            CHECK(r->message && strlen(r->message) > 10);
            CHECK(r->why && strlen(r->why) > 10);
        }
        if (!found) fprintf(stderr, "  missing rule %s\n", ids[k]);
        CHECK(found);
    }
}

/* Generator and C agree: keys, hashes, bloom masks. */
static void compiled_words_are_tokenizer_keys(void)
{
    const wc_pack *p = &wc_default_pack;
    size_t bad = 0;
    for (size_t i = 0; i < p->n_alts; i++) {
        const wc_alt *a = &p->alts[i];
        if (a->kind == WC_ALT_CLASS) { CHECK(a->h < WC_CLASS_COUNT); continue; }
        wc_text t;
        size_t at;
        int rc = wc_tokenize(a->w, strlen(a->w), &t, &at);
        int ok = rc == 0 && t.n == 1 && strcmp(wc_key(&t, 0), a->w) == 0 && strlen(a->w) == a->len;
        ok = ok && a->h == (a->kind == WC_ALT_PREFIX ? wc_hash(a->w, 3) : wc_hash(a->w, a->len));
        if (!ok && bad++ < 10) fprintf(stderr, "  word \"%s\" is not its own match key (or bad hash)\n", a->w);
        wc_text_free(&t);
    }
    CHECK_EQ_INT(bad, 0);
    for (size_t s = 0; s < p->n_slots; s++) {
        const wc_slot *sl = &p->slots[s];
        int nofilter = 0;
        for (uint16_t k = 0; k < sl->n_alt; k++) {
            const wc_alt *a = &p->alts[sl->alt + k];
            if (a->kind == WC_ALT_CLASS || a->kind == WC_ALT_SUFFIX) nofilter = 1;
        }
        CHECK(nofilter <= sl->nofilter);
        for (uint16_t k = 1; k < sl->n_alt; k++) CHECK(wc_alt_order(&p->alts[sl->alt + k - 1], &p->alts[sl->alt + k]) <= 0);
        size_t nw = 0, np = 0;
        for (uint16_t k = 0; k < sl->n_alt; k++) {
            nw += p->alts[sl->alt + k].kind == WC_ALT_WORD;
            np += p->alts[sl->alt + k].kind == WC_ALT_PREFIX;
        }
        CHECK_EQ_INT(nw, sl->n_word);
        CHECK_EQ_INT(np, sl->n_prefix);
    }
    for (size_t i = 0; i < p->n_pats; i++) {
        wc_pat want = p->pats[i];
        wc_pat_filter(p->alts, p->slots, p->seqs, &want, NULL);
        CHECK_EQ_INT(want.nofilter, p->pats[i].nofilter);
    }
    /* the word index lists every word and prefix of every indexed slot */
    CHECK(p->ix_n > 0 && p->masks == NULL);
    for (uint32_t i = 1; i < p->ix_n; i++) CHECK(p->ix_key[i - 1] < p->ix_key[i]); /* ascending, distinct */
    size_t missing = 0;
    for (size_t s = 0; p->ix_n && s < p->n_slots; s++) {
        const wc_slot *sl = &p->slots[s];
        if (sl->nofilter == 1) continue;
        for (uint16_t k = 0; k < sl->n_word + sl->n_prefix; k++) {
            uint32_t key = p->alts[sl->alt + k].h | 1u;
            int found = 0;
            for (uint32_t i = 0; i < p->ix_n; i++)
                if (p->ix_key[i] == key) {
                    for (uint32_t e = p->ix_off[i]; e < p->ix_off[i + 1]; e++) found |= p->ix_slot[e] == s;
                    break;
                }
            missing += !found;
        }
    }
    CHECK_EQ_INT(missing, 0);
}

int main(void)
{
    RUN(catalogue_is_complete);
    RUN(every_rule_file_is_compiled);
    RUN(compiled_words_are_tokenizer_keys);
    RUN(every_example_of_every_rule);
    return check_summary("rules_examples");
}
