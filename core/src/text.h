/* text.h — the text layer: validation, tokens, match keys, UTF-16 offsets.
 * Internal to the core (not part of the public API). */
#ifndef WEBCARE_TEXT_H
#define WEBCARE_TEXT_H

#include <stddef.h>
#include <stdint.h>

typedef enum wc_tok_kind {
    WC_TOK_WORD = 0,  /* letters (and digits inside), internal ' and - */
    WC_TOK_NUMBER,    /* 12, 16:00, 3,50, 06-12345678, 1.000 */
    WC_TOK_URL,       /* https://..., www.x.nl, bol.com/abc */
    WC_TOK_EMAIL,     /* a@b.nl */
    WC_TOK_HANDLE,    /* @ns_online */
    WC_TOK_HASHTAG,   /* #fail */
    WC_TOK_EMOJI,     /* one emoji grapheme: ZWJ sequences, skin tones, flags, keycaps */
    WC_TOK_PUNCT,     /* a run of punctuation/symbols: "?!", "...", "!!!" */
    WC_TOK_BREAK,     /* a line break (one or more \n) */
    WC_TOK_KIND_COUNT
} wc_tok_kind;

/* Token flags. */
enum {
    WC_TF_UPPER = 1u << 0,     /* all letters upper case, at least 2 letters */
    WC_TF_TITLE = 1u << 1,     /* first letter upper case */
    WC_TF_DIGIT = 1u << 2,     /* word contains a digit */
    WC_TF_ELONGATED = 1u << 3, /* a letter repeated 3+ times ("heeeel") */
    WC_TF_NONASCII = 1u << 4,  /* token has non-ASCII code points */
    WC_TF_SPACE_BEFORE = 1u << 5 /* whitespace directly before the token */
};

typedef struct wc_token {
    uint8_t kind;        /* wc_tok_kind */
    uint8_t flags;       /* WC_TF_* */
    uint32_t start, end; /* byte offsets into the original text */
    uint32_t u16_start, u16_end; /* UTF-16 code-unit offsets into the original text */
    uint32_t key;        /* offset of the match key in wc_text.keys */
    uint32_t key_len;    /* bytes of the match key */
} wc_token;

/*
 * A tokenised text. `keys` holds, per token, its match key: NFC, case folded,
 * accents stripped, NUL-terminated ("Vóór" -> "voor", "KLANT" -> "klant").
 * Elongations are kept in the key; see wc_squeeze for a squeezed form.
 */
typedef struct wc_text {
    const char *src; /* borrowed, not owned */
    size_t len;
    size_t u16_len;   /* length of the whole text in UTF-16 code units */
    wc_token *tok;
    size_t n, cap;
    char *keys;
    size_t keys_len, keys_cap;
    unsigned char borrowed; /* WC_TEXT_BORROWED_*: tok / keys are the caller's (wc_tokenize_in) */
} wc_text;

enum { WC_TEXT_BORROWED_TOK = 1, WC_TEXT_BORROWED_KEYS = 2 };

/* Tokenise `len` bytes of `src` (need not be NUL-terminated; must outlive
 * `out`). Returns 0 or a negative webcare_status; on WEBCARE_ERROR_INVALID_UTF8
 * *err_at (if non-NULL) is the byte offset of the bad sequence. `out` is
 * always initialised and must be released with wc_text_free. */
int wc_tokenize(const char *src, size_t len, wc_text *out, size_t *err_at);
void wc_text_free(wc_text *t);

/* Like wc_tokenize, but starts in the caller's buffers `tok` (tok_cap tokens)
 * and `keys` (keys_cap bytes) when they hold what wc_tokenize would reserve
 * (len / 4 + 16 tokens, len * 3 / 2 + 64 key bytes); longer texts, or more
 * tokens than that, move to the heap. wc_text_free frees only heap buffers;
 * the caller's must outlive `out`. Saves two allocations per short text. */
int wc_tokenize_in(const char *src, size_t len, wc_text *out, size_t *err_at, wc_token *tok,
                   size_t tok_cap, char *keys, size_t keys_cap);

/* The match key of token i (NUL-terminated). */
static inline const char *wc_key(const wc_text *t, size_t i) { return t->keys + t->tok[i].key; }

/* Validate UTF-8; returns 0, or WEBCARE_ERROR_INVALID_UTF8 with *err_at set. */
int wc_validate_utf8(const char *src, size_t len, size_t *err_at);

/* UTF-16 length of a valid UTF-8 byte range. */
size_t wc_u16_len(const char *src, size_t len);

/* NFC of the whole text; caller frees with free(). Returns NULL on OOM or bad UTF-8. */
char *wc_nfc(const char *src, size_t len);

/* Writes into dst (cap bytes, NUL-terminated) `key` with runs of 3+ equal
 * letters squeezed to `keep` letters: keep=1 "kuuut" -> "kut", keep=2
 * "heeeel" -> "heel". Returns the length written. */
size_t wc_squeeze(const char *key, char *dst, size_t cap, int keep);

const char *wc_tok_kind_name(int kind);

#endif /* WEBCARE_TEXT_H */
