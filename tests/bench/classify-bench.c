/* classify-bench.c — classify time per 280-character text, native (budget
 * 5 µs). Reads mention texts (one per line) from stdin, packs them into
 * ~280-character texts and times wc_classify over them. No assertions:
 * a report for `make bench`.
 *   cc ... tests/bench/classify-bench.c build/libwebcare.a -lm -o build/classify-bench
 *   node -e '...' | build/classify-bench */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "classify.h"
#include "text.h"

#define MAX_TEXTS 512

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(void)
{
    static char texts[MAX_TEXTS][400];
    size_t lens[MAX_TEXTS], n = 0, cur = 0;
    char line[4096];
    texts[0][0] = 0;
    while (n < MAX_TEXTS && fgets(line, sizeof line, stdin)) {
        size_t l = strcspn(line, "\n");
        line[l] = 0;
        if (l == 0 || l > 280) continue;
        if (cur + l + 1 > 280) { /* close this text, start the next */
            lens[n++] = cur;
            cur = 0;
            if (n == MAX_TEXTS) break;
        }
        if (cur) texts[n][cur++] = ' ';
        memcpy(texts[n] + cur, line, l);
        cur += l;
    }
    if (n < MAX_TEXTS && cur) lens[n++] = cur;
    if (n == 0) { fprintf(stderr, "classify-bench: no texts on stdin\n"); return 2; }
    size_t bytes = 0;
    for (size_t i = 0; i < n; i++) bytes += lens[i];
    wc_classification c;
    long rounds = 0, sink = 0;
    for (size_t i = 0; i < n; i++) sink += wc_classify(texts[i], lens[i], &c); /* warm up */
    double t0 = now_s(), t1;
    do {
        for (size_t i = 0; i < n; i++) {
            wc_classify(texts[i], lens[i], &c);
            sink += c.priority;
        }
        rounds++;
        t1 = now_s();
    } while (t1 - t0 < 1.0);
    double per = (t1 - t0) / (double)(rounds * (long)n) * 1e6;
    /* the tokenizer alone, for reference */
    long trounds = 0;
    double u0 = now_s(), u1;
    do {
        for (size_t i = 0; i < n; i++) {
            wc_text t;
            if (wc_tokenize(texts[i], lens[i], &t, NULL) == 0) sink += (long)t.n;
            wc_text_free(&t);
        }
        trounds++;
        u1 = now_s();
    } while (u1 - u0 < 0.5);
    printf("tokenize native: %.2f us per text\n", (u1 - u0) / (double)(trounds * (long)n) * 1e6);
    printf("classify native: %.2f us per text (%zu texts, avg %zu bytes, %ld rounds) budget 5 us%s\n",
           per, n, bytes / n, rounds, sink == 42 ? " " : "");
    return 0;
}
