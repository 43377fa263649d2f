/* bench_native.c — native timings for `make bench` (issue 9). Not a test.
 *
 *   build/bench/bench_native --replies FILE --mentions FILE [--rounds R] [--calls N] [--limit K]
 *                            [--only lint|classify|classify_json|length|tokenize]
 *
 * Reads the bench corpora (JSON Lines: replies {text, platform, mention,
 * agent}, mentions {text}), then times, one call at a time with
 * clock_gettime(CLOCK_MONOTONIC):
 *   lint_json      webcare_engine_call({"op":"lint",...}) per reply (the only lint path)
 *   classify_typed wc_classify(text) per mention
 *   classify_json  webcare_engine_call({"op":"classify","text"}) per mention
 *   length_typed   wc_platform_length(text, X) per reply and mention
 *   tokenize       wc_tokenize per mention (reference: the shared first step)
 * over R rounds after one warm-up round; every call is one sample. Then RSS
 * after 1,000 and after N (default 100,000) mixed lint/classify JSON calls.
 * Prints one JSON object on stdout: {name: {n, median_us, p95_us, mean_us, max_us}, rss: {...}}.
 * --only runs one of the timed loops (and no memory loop), for `perf record`:
 *   perf record -g build/bench/bench_native ... --only lint --rounds 20
 * Exit 2 on bad arguments or unreadable corpora. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cJSON.h"
#include "classify.h"
#include "internal.h"
#include "length.h"
#include "text.h"
#include "webcare.h"

typedef struct item {
    char *text;   /* owned, NUL-terminated */
    size_t len;
    char *req;    /* owned JSON request */
    size_t req_len;
} item;

typedef struct corpus {
    item *v;
    size_t n;
} corpus;

typedef struct samples {
    double *us;
    size_t n, cap;
} samples;

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec * 1e-3;
}

static long rss_kb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long size = 0, res = 0;
    if (!f) return -1;
    if (fscanf(f, "%ld %ld", &size, &res) != 2) res = -1;
    fclose(f);
    return res < 0 ? -1 : res * (sysconf(_SC_PAGESIZE) / 1024);
}

static long peak_rss_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    if (!f) return -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "VmHWM:", 6) == 0) kb = strtol(line + 6, NULL, 10);
    fclose(f);
    return kb;
}

static void corpus_free(corpus *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->v[i].text);
        free(c->v[i].req);
    }
    free(c->v);
    c->v = NULL;
    c->n = 0;
}

/* Reads up to `limit` JSON lines; each gets "op": op added for its request
 * (lint keeps every field; classify sends only the text). Returns 0 or -1. */
static int corpus_read(const char *path, const char *op, size_t limit, corpus *out)
{
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    int rc = -1;
    size_t vcap = 0;
    out->v = NULL;
    out->n = 0;
    if (!f) return -1;
    while (out->n < limit && (got = getline(&line, &cap, f)) > 0) {
        cJSON *o = cJSON_ParseWithLength(line, (size_t)got);
        cJSON *req = NULL;
        const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "text");
        if (!cJSON_IsString(t)) {
            cJSON_Delete(o);
            continue;
        }
        if (out->n == vcap) {
            size_t ncap = vcap ? vcap * 2 : 1024;
            item *nv = realloc(out->v, ncap * sizeof *nv);
            if (!nv) { cJSON_Delete(o); goto cleanup; }
            out->v = nv;
            vcap = ncap;
        }
        if (strcmp(op, "lint") == 0) {
            req = o;
            o = NULL;
            cJSON_DeleteItemFromObjectCaseSensitive(req, "id");
        } else {
            req = cJSON_CreateObject();
            if (req) cJSON_AddStringToObject(req, "text", t->valuestring);
        }
        item *it = &out->v[out->n];
        it->text = NULL;
        it->req = NULL;
        if (req && cJSON_AddStringToObject(req, "op", op)) {
            const cJSON *rt = cJSON_GetObjectItemCaseSensitive(req, "text");
            it->len = strlen(rt->valuestring);
            it->text = malloc(it->len + 1);
            if (it->text) memcpy(it->text, rt->valuestring, it->len + 1);
            it->req = cJSON_PrintUnformatted(req);
        }
        cJSON_Delete(req);
        cJSON_Delete(o);
        if (!it->text || !it->req) {
            free(it->text);
            free(it->req);
            goto cleanup;
        }
        it->req_len = strlen(it->req);
        out->n++;
    }
    rc = out->n > 0 ? 0 : -1;
cleanup:
    free(line);
    fclose(f);
    if (rc) corpus_free(out);
    return rc;
}

static int samples_init(samples *s, size_t cap)
{
    s->us = malloc((cap ? cap : 1) * sizeof *s->us);
    s->n = 0;
    s->cap = cap;
    return s->us ? 0 : -1;
}

static void samples_add(samples *s, double us)
{
    if (s->n < s->cap) s->us[s->n++] = us;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Nearest-rank percentile of sorted xs. */
static double pct(const double *xs, size_t n, double p)
{
    size_t k = (size_t)((p / 100.0) * (double)n + 0.999999);
    if (n == 0) return 0;
    if (k < 1) k = 1;
    if (k > n) k = n;
    return xs[k - 1];
}

static void print_stats(const char *name, samples *s, int comma)
{
    double sum = 0;
    qsort(s->us, s->n, sizeof *s->us, cmp_double);
    for (size_t i = 0; i < s->n; i++) sum += s->us[i];
    printf("  \"%s\": {\"n\": %zu, \"median_us\": %.3f, \"p95_us\": %.3f, \"mean_us\": %.3f, \"max_us\": %.3f}%s\n",
           name, s->n, pct(s->us, s->n, 50), pct(s->us, s->n, 95), s->n ? sum / (double)s->n : 0,
           s->n ? s->us[s->n - 1] : 0, comma ? "," : "");
}

/* One JSON call; returns 0 when the response is not an error. */
static int call_json(webcare_engine *eng, const item *it, long *sink)
{
    char *out = webcare_engine_call(eng, it->req, it->req_len);
    int bad = !out || strncmp(out, "{\"v\":1,\"error\"", 15) == 0;
    if (out) *sink += (long)strlen(out);
    webcare_free(out);
    return bad ? -1 : 0;
}

static long arg_long(int argc, char **argv, const char *name, long def)
{
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], name) == 0) return strtol(argv[i + 1], NULL, 10);
    return def;
}

static const char *arg_str(int argc, char **argv, const char *name)
{
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], name) == 0) return argv[i + 1];
    return NULL;
}

#define RUN(name) (!only || strcmp(only, name) == 0)

int main(int argc, char **argv)
{
    const char *rpath = arg_str(argc, argv, "--replies");
    const char *mpath = arg_str(argc, argv, "--mentions");
    const char *only = arg_str(argc, argv, "--only");
    long rounds = arg_long(argc, argv, "--rounds", 5);
    long calls = arg_long(argc, argv, "--calls", 100000);
    long limit = arg_long(argc, argv, "--limit", 1000000);
    corpus rep = {0}, men = {0};
    samples s_lint = {0}, s_cls = {0}, s_clsj = {0}, s_len = {0}, s_tok = {0};
    webcare_engine *eng = NULL;
    long sink = 0, errors = 0;
    int rc = 2;

    if (!rpath || !mpath || rounds < 1 || calls < 1000 || limit < 1) {
        fprintf(stderr, "usage: bench_native --replies FILE --mentions FILE [--rounds R>=1] [--calls N>=1000] [--limit K]\n");
        return 2;
    }
    if (corpus_read(rpath, "lint", (size_t)limit, &rep) || corpus_read(mpath, "classify", (size_t)limit, &men)) {
        fprintf(stderr, "bench_native: cannot read the corpora %s, %s\n", rpath, mpath);
        goto cleanup;
    }
    eng = webcare_engine_new();
    size_t nr = rep.n * (size_t)rounds, nm = men.n * (size_t)rounds;
    if (!eng || samples_init(&s_lint, nr) || samples_init(&s_cls, nm) || samples_init(&s_clsj, nm) ||
        samples_init(&s_len, nr + nm) || samples_init(&s_tok, nm)) {
        fprintf(stderr, "bench_native: out of memory\n");
        goto cleanup;
    }

    for (long r = 0; r <= rounds; r++) { /* round 0 warms up */
        for (size_t i = 0; RUN("lint") && i < rep.n; i++) {
            double t0 = now_us();
            if (call_json(eng, &rep.v[i], &sink)) errors++;
            double t1 = now_us();
            if (r) samples_add(&s_lint, t1 - t0);
        }
        for (size_t i = 0; RUN("classify") && i < men.n; i++) {
            wc_classification c;
            double t0 = now_us();
            if (wc_classify(men.v[i].text, men.v[i].len, &c)) errors++;
            double t1 = now_us();
            sink += c.priority;
            if (r) samples_add(&s_cls, t1 - t0);
        }
        for (size_t i = 0; RUN("classify_json") && i < men.n; i++) {
            double t0 = now_us();
            if (call_json(eng, &men.v[i], &sink)) errors++;
            double t1 = now_us();
            if (r) samples_add(&s_clsj, t1 - t0);
        }
        for (size_t i = 0; RUN("length") && i < rep.n + men.n; i++) {
            const item *it = i < rep.n ? &rep.v[i] : &men.v[i - rep.n];
            wc_length L;
            double t0 = now_us();
            if (wc_platform_length(it->text, it->len, WC_PLATFORM_X, &L)) errors++;
            double t1 = now_us();
            sink += (long)L.used;
            if (r) samples_add(&s_len, t1 - t0);
        }
        for (size_t i = 0; RUN("tokenize") && i < men.n; i++) {
            wc_text t;
            double t0 = now_us();
            if (wc_tokenize(men.v[i].text, men.v[i].len, &t, NULL)) errors++;
            sink += (long)t.n;
            wc_text_free(&t);
            double t1 = now_us();
            if (r) samples_add(&s_tok, t1 - t0);
        }
    }

    /* memory: a fresh engine, RSS after 1k and after `calls` JSON calls */
    webcare_engine_free(eng);
    eng = webcare_engine_new();
    if (!eng) goto cleanup;
    long rss_start = rss_kb(), rss_1k = 0;
    for (long k = 0; !only && k < calls; k++) {
        const item *it = (k & 1) ? &men.v[(size_t)(k / 2) % men.n] : &rep.v[(size_t)(k / 2) % rep.n];
        if (call_json(eng, it, &sink)) errors++;
        if (k + 1 == 1000) rss_1k = rss_kb();
    }
    long rss_end = rss_kb();

    printf("{\n  \"replies\": %zu, \"mentions\": %zu, \"rounds\": %ld, \"errors\": %ld, \"sink\": %ld,\n",
           rep.n, men.n, rounds, errors, sink % 1000);
    print_stats("lint_json", &s_lint, 1);
    print_stats("classify_typed", &s_cls, 1);
    print_stats("classify_json", &s_clsj, 1);
    print_stats("length_typed", &s_len, 1);
    print_stats("tokenize", &s_tok, 1);
    printf("  \"rss\": {\"start_kb\": %ld, \"after_1k_kb\": %ld, \"after_n_kb\": %ld, \"n\": %ld, \"peak_kb\": %ld}\n}\n",
           rss_start, rss_1k, rss_end, calls, peak_rss_kb());
    rc = errors ? 1 : 0;
    if (errors) fprintf(stderr, "bench_native: %ld calls failed\n", errors);
cleanup:
    webcare_engine_free(eng);
    free(s_lint.us);
    free(s_cls.us);
    free(s_clsj.us);
    free(s_len.us);
    free(s_tok.us);
    corpus_free(&rep);
    corpus_free(&men);
    return rc;
}
