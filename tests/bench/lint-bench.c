/* lint-bench.c — the linter's cost per call, for callgrind and the wall clock.
 * Not a test (timings are not asserted anywhere).
 *
 *   build/bench/lint-bench [--file tests/data/replies.jsonl] [--n 200] [--rounds R]
 *                          [--mode json|typed] [--min 40] [--max 280]
 *
 * Takes the first N replies whose text is min..max bytes long and lints each
 * one R times (after one warm-up round):
 *   json   webcare_engine_call({"op":"lint",...}) — JSON parse + lint + print
 *   typed  wc_op_lint on a request parsed once, result built as cJSON but not
 *          printed — the linter itself
 * and prints {mode, n, rounds, calls, wall_us_per_call (best round)}.
 * Under callgrind, divide the program's instruction count by `calls` after
 * subtracting a --rounds 0 run (which only reads and warms up):
 *   valgrind --tool=callgrind build/bench/lint-bench --rounds 5
 * Exit 2 on bad arguments or an unreadable file. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cJSON.h"
#include "internal.h"
#include "webcare.h"

typedef struct item {
    cJSON *req;  /* owned: {"op":"lint", text, platform, mention, agent, config} */
    char *json;  /* owned: req printed */
    size_t len;
} item;

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec * 1e-3;
}

static char *read_file(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long sz;
    if (!f) return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (sz = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (buf = malloc((size_t)sz + 1)) && fread(buf, 1, (size_t)sz, f) == (size_t)sz) {
        buf[sz] = 0;
        *n = (size_t)sz;
    } else {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    return buf;
}

/* Builds a lint request from one line of replies.jsonl, or NULL to skip it. */
static cJSON *make_req(const char *line, size_t min, size_t max)
{
    cJSON *in = cJSON_Parse(line), *req = NULL;
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(in, "text");
    if (!cJSON_IsString(text) || strlen(text->valuestring) < min || strlen(text->valuestring) > max) goto done;
    req = cJSON_CreateObject();
    cJSON_AddStringToObject(req, "op", "lint");
    static const char *const keep[] = {"text", "platform", "mention", "agent", "config"};
    for (size_t k = 0; k < sizeof keep / sizeof keep[0]; k++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(in, keep[k]);
        if (v) cJSON_AddItemToObject(req, keep[k], cJSON_Duplicate(v, 1));
    }
done:
    cJSON_Delete(in);
    return req;
}

int main(int argc, char **argv)
{
    const char *path = "tests/data/replies.jsonl", *mode = "json";
    long want = 200, rounds = 5, min = 40, max = 280;
    for (int i = 1; i < argc; i++) {
        if (i + 1 >= argc) { fprintf(stderr, "lint-bench: %s needs a value\n", argv[i]); return 2; }
        if (strcmp(argv[i], "--file") == 0) path = argv[++i];
        else if (strcmp(argv[i], "--mode") == 0) mode = argv[++i];
        else if (strcmp(argv[i], "--n") == 0) want = strtol(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--rounds") == 0) rounds = strtol(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--min") == 0) min = strtol(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--max") == 0) max = strtol(argv[++i], NULL, 10);
        else { fprintf(stderr, "lint-bench: unknown argument %s\n", argv[i]); return 2; }
    }
    int typed = strcmp(mode, "typed") == 0;
    if (!typed && strcmp(mode, "json") != 0) { fprintf(stderr, "lint-bench: --mode json|typed\n"); return 2; }
    size_t n_src;
    char *src = read_file(path, &n_src);
    if (!src) { fprintf(stderr, "lint-bench: cannot read %s\n", path); return 2; }
    item *v = calloc((size_t)(want > 0 ? want : 1), sizeof *v);
    size_t n = 0;
    for (char *line = strtok(src, "\n"); line && n < (size_t)want; line = strtok(NULL, "\n")) {
        cJSON *req = make_req(line, (size_t)min, (size_t)max);
        if (!req) continue;
        v[n].req = req;
        v[n].json = cJSON_PrintUnformatted(req);
        v[n].len = strlen(v[n].json);
        n++;
    }
    webcare_engine *eng = webcare_engine_new();
    double best = -1;
    for (long r = -1; r < rounds; r++) { /* round -1 warms up */
        double t0 = now_us();
        for (size_t i = 0; i < n; i++) {
            if (typed) {
                cJSON *res = cJSON_CreateObject();
                wc_err e = {0, -1, ""};
                if (wc_op_lint(eng, v[i].req, res, &e)) { fprintf(stderr, "lint-bench: %s\n", e.message); return 1; }
                cJSON_Delete(res);
            } else {
                char *out = webcare_engine_call(eng, v[i].json, v[i].len);
                if (!out || !strstr(out, "\"result\":")) { fprintf(stderr, "lint-bench: %s\n", out ? out : "NULL"); return 1; }
                webcare_free(out);
            }
        }
        double dt = (now_us() - t0) / (double)(n ? n : 1);
        if (r >= 0 && (best < 0 || dt < best)) best = dt;
    }
    printf("{\"mode\":\"%s\",\"n\":%zu,\"rounds\":%ld,\"calls\":%zu,\"wall_us_per_call\":%.2f}\n", mode, n, rounds,
           n * (size_t)(rounds > 0 ? rounds : 0), best);
    webcare_engine_free(eng);
    for (size_t i = 0; i < n; i++) {
        cJSON_Delete(v[i].req);
        free(v[i].json);
    }
    free(v);
    free(src);
    return 0;
}
