/* webcare-wasm.c — WASM-only glue. The core has no #ifdefs for WebAssembly;
 * this file only re-exports what the JS binding needs under its own prefix
 * (webcare__wasm_*: not part of the public C API). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "webcare.h"

#define WASM_EXPORT __attribute__((used, visibility("default")))

WASM_EXPORT void *webcare__wasm_alloc(size_t n) { return malloc(n ? n : 1); }
WASM_EXPORT void webcare__wasm_dealloc(void *p) { free(p); }

/* Cue and label names by id; webcare.mjs keeps the same lists (CUES, TYPES). */
static const char *const CUES[] = {
    "lexicon", "negation", "sarcasm",   "question", "phrase",   "emoji",
    "punctuation", "profanity", "elongation", "hashtag", "compound", "word",
};

static int name_id(const char *const *names, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], s) == 0) return (int)i;
    return -1;
}

/* Words of the fixed-layout classify result (uint32 each; CR_WORDS = 72 is
 * CLASSIFY_WORDS in webcare.mjs). */
enum { CR_STATUS, CR_TYPE, CR_CENTS, CR_INTENSITY, CR_LANGUAGE, CR_FLAGS, CR_PRIORITY, CR_N_EVIDENCE,
       CR_EVIDENCE, CR_WORDS = CR_EVIDENCE + 4 * WC_MAX_EVIDENCE };

/*
 * op "classify" without JSON: classifies `len` bytes of UTF-8 at `text` and
 * writes into out[CR_WORDS]:
 *   status (0, a negative webcare_status, or 1: "a name has no id, use the
 *   JSON call"), type (wc_mention_type), confidence in hundredths (what the
 *   JSON answer rounds it to), intensity, language (wc_language), flags (1
 *   profanity, 2 sarcasm), priority, evidence count n, then n x {start, end,
 *   cue id (CUES), label id (type names)}.
 * Returns the status. The caller (webcare.mjs) owns both buffers and checks
 * what op "classify" checks before (text size, reach >= 0).
 */
WASM_EXPORT int webcare__wasm_classify(const char *text, size_t len, double reach, uint32_t *out)
{
    wc_classification c;
    int rc;
    if (!out) return WEBCARE_ERROR_NULL;
    memset(out, 0, CR_WORDS * sizeof *out);
    rc = wc_classify_reach(text, len, reach, &c);
    if (rc) {
        out[CR_STATUS] = (uint32_t)rc;
        return rc;
    }
    out[CR_TYPE] = (uint32_t)c.type;
    out[CR_CENTS] = (uint32_t)round(c.confidence * 100.0);
    out[CR_INTENSITY] = (uint32_t)c.intensity;
    out[CR_LANGUAGE] = (uint32_t)c.language;
    out[CR_FLAGS] = (c.profanity ? 1u : 0u) | (c.sarcasm ? 2u : 0u);
    out[CR_PRIORITY] = (uint32_t)c.priority;
    out[CR_N_EVIDENCE] = (uint32_t)c.n_evidence;
    for (size_t i = 0; i < c.n_evidence; i++) {
        uint32_t *e = out + CR_EVIDENCE + 4 * i;
        int cue = name_id(CUES, sizeof CUES / sizeof CUES[0], c.evidence[i].cue);
        int label = wc_type_from_name(c.evidence[i].label);
        if (cue < 0 || label < 0) {
            out[CR_STATUS] = 1;
            return 1;
        }
        e[0] = c.evidence[i].start;
        e[1] = c.evidence[i].end;
        e[2] = (uint32_t)cue;
        e[3] = (uint32_t)label;
    }
    return 0;
}
