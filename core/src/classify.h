/* classify.h — the mention classifier (internal API; JSON op "classify" in classify.c). */
#ifndef WEBCARE_CLASSIFY_H
#define WEBCARE_CLASSIFY_H

#include <stddef.h>
#include <stdint.h>

typedef enum wc_mention_type {
    WC_HAPPY = 0,
    WC_NEUTRAL,
    WC_ANGRY,
    WC_QUESTION,
    WC_TYPE_COUNT
} wc_mention_type;

typedef enum wc_language { WC_LANG_NL = 0, WC_LANG_EN, WC_LANG_OTHER } wc_language;

#define WC_MAX_EVIDENCE 16

typedef struct wc_evidence {
    uint32_t start, end;  /* UTF-16 offsets into the text */
    const char *cue;      /* static string: what kind of cue ("lexicon", "negation", "sarcasm", ...) */
    const char *label;    /* static string: what it pointed to ("angry", "happy", "question", ...) */
} wc_evidence;

typedef struct wc_classification {
    wc_mention_type type;
    double confidence;    /* 0..1 */
    int intensity;        /* 0..3 */
    wc_language language;
    int profanity;        /* bool */
    int sarcasm;          /* bool */
    int priority;         /* 0..100 */
    wc_evidence evidence[WC_MAX_EVIDENCE];
    size_t n_evidence;
} wc_classification;

/* Classify `len` bytes of valid UTF-8. Returns 0 or a negative webcare_status.
 * No allocation survives the call; `out` needs no freeing. */
int wc_classify(const char *text, size_t len, wc_classification *out);

/* Like wc_classify, with the author's reach (followers, >= 0) raising the
 * priority as op "classify" does with "options.reach". */
int wc_classify_reach(const char *text, size_t len, double reach, wc_classification *out);

/* "happy" | "neutral" | "angry" | "question"; and the reverse (-1 if unknown). */
const char *wc_type_name(int type);
int wc_type_from_name(const char *name);

#endif
