/* test_text.c — the text layer: tokens, kinds, keys, UTF-16 offsets, bad UTF-8. */
#include "check.h"
#include "text.h"

static const wc_token *find_kind(const wc_text *t, int kind, size_t nth)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->tok[i].kind == kind && nth-- == 0) return &t->tok[i];
    return NULL;
}

static int tok(wc_text *t, const char *s) { return wc_tokenize(s, strlen(s), t, NULL); }

static void words_and_keys(void)
{
    wc_text t;
    CHECK_EQ_INT(tok(&t, "Wat een TOPSERVICE, vóór 16:00 geleverd!"), 0);
    CHECK_EQ_INT(t.n, 8);
    CHECK_EQ_STR(wc_key(&t, 0), "wat");
    CHECK_EQ_STR(wc_key(&t, 2), "topservice");
    CHECK(t.tok[2].flags & WC_TF_UPPER);
    CHECK_EQ_INT(t.tok[3].kind, WC_TOK_PUNCT);
    CHECK_EQ_STR(wc_key(&t, 4), "voor");
    CHECK_EQ_INT(t.tok[5].kind, WC_TOK_NUMBER);
    CHECK_EQ_STR(wc_key(&t, 5), "16:00");
    CHECK_EQ_INT(t.tok[7].kind, WC_TOK_PUNCT);
    wc_text_free(&t);
}

static void contractions_and_hyphens(void)
{
    wc_text t;
    CHECK_EQ_INT(tok(&t, "zo'n e-mail, auto's - ok"), 0);
    CHECK_EQ_STR(wc_key(&t, 0), "zo'n");
    CHECK_EQ_STR(wc_key(&t, 1), "e-mail");
    CHECK_EQ_STR(wc_key(&t, 3), "auto's");
    CHECK_EQ_INT(t.tok[4].kind, WC_TOK_PUNCT);
    wc_text_free(&t);
}

static void handles_hashtags_urls_emails(void)
{
    wc_text t;
    const char *s = "@NS_online #fail zie https://ns.nl/storing?x=1. of www.bol.com en mail "
                    "info@kpn.com of bol.com/retour";
    CHECK_EQ_INT(tok(&t, s), 0);
    const wc_token *h = find_kind(&t, WC_TOK_HANDLE, 0);
    CHECK(h && h->u16_start == 0 && h->u16_end == 10);
    const wc_token *ht = find_kind(&t, WC_TOK_HASHTAG, 0);
    CHECK(ht && ht->u16_end - ht->u16_start == 5);
    const wc_token *u = find_kind(&t, WC_TOK_URL, 0);
    CHECK(u && strncmp(s + u->start, "https://ns.nl/storing?x=1", u->end - u->start) == 0 &&
          u->end - u->start == 25);
    u = find_kind(&t, WC_TOK_URL, 1);
    CHECK(u && u->end - u->start == strlen("www.bol.com"));
    const wc_token *m = find_kind(&t, WC_TOK_EMAIL, 0);
    CHECK(m && m->end - m->start == strlen("info@kpn.com"));
    u = find_kind(&t, WC_TOK_URL, 2);
    CHECK(u && u->end - u->start == strlen("bol.com/retour"));
    wc_text_free(&t);
}

static void emoji_sequences_and_utf16(void)
{
    wc_text t;
    /* 🤦‍♀️ (ZWJ, 5 UTF-16 units), 👍🏽 (skin tone, 4), 🇳🇱 (flag, 4), 1️⃣ (keycap, 3) */
    const char *s = "hoi 🤦‍♀️👍🏽 🇳🇱 1️⃣ klaar";
    CHECK_EQ_INT(tok(&t, s), 0);
    CHECK_EQ_INT(t.n, 6);
    CHECK_EQ_INT(t.tok[1].kind, WC_TOK_EMOJI);
    CHECK_EQ_INT(t.tok[1].u16_start, 4);
    CHECK_EQ_INT(t.tok[1].u16_end, 9);
    CHECK_EQ_INT(t.tok[2].kind, WC_TOK_EMOJI);
    CHECK_EQ_INT(t.tok[2].u16_end - t.tok[2].u16_start, 4);
    CHECK_EQ_STR(wc_key(&t, 2), "👍");
    CHECK_EQ_INT(t.tok[3].kind, WC_TOK_EMOJI);
    CHECK_EQ_INT(t.tok[4].kind, WC_TOK_EMOJI);
    CHECK_EQ_STR(wc_key(&t, 5), "klaar");
    CHECK_EQ_INT(t.tok[5].u16_start, 23);
    CHECK_EQ_INT(t.u16_len, 28);
    wc_text_free(&t);
}

static void combining_accents_do_not_shift(void)
{
    wc_text t;
    /* "cafe\u0301" (decomposed é) then a word: offsets count the combining mark. */
    CHECK_EQ_INT(tok(&t, "cafe\xcc\x81 open"), 0);
    CHECK_EQ_INT(t.n, 2);
    CHECK_EQ_STR(wc_key(&t, 0), "cafe");
    CHECK_EQ_INT(t.tok[0].u16_end, 5);
    CHECK_EQ_INT(t.tok[1].u16_start, 6);
    wc_text_free(&t);
}

static void punctuation_runs_and_breaks(void)
{
    wc_text t;
    CHECK_EQ_INT(tok(&t, "Echt?!! Nee...\n\nGroet, Sanne"), 0);
    CHECK_EQ_INT(t.tok[1].kind, WC_TOK_PUNCT);
    CHECK_EQ_STR(wc_key(&t, 1), "?!!");
    CHECK_EQ_STR(wc_key(&t, 3), "...");
    CHECK_EQ_INT(t.tok[4].kind, WC_TOK_BREAK);
    CHECK_EQ_STR(wc_key(&t, 7), "sanne");
    wc_text_free(&t);
}

static void elongation_and_squeeze(void)
{
    wc_text t;
    char buf[32];
    CHECK_EQ_INT(tok(&t, "kuuuut heeeel zee"), 0);
    CHECK(t.tok[0].flags & WC_TF_ELONGATED);
    CHECK(!(t.tok[2].flags & WC_TF_ELONGATED));
    wc_squeeze(wc_key(&t, 0), buf, sizeof buf, 1);
    CHECK_EQ_STR(buf, "kut");
    wc_squeeze(wc_key(&t, 1), buf, sizeof buf, 2);
    CHECK_EQ_STR(buf, "heel");
    wc_squeeze(wc_key(&t, 2), buf, sizeof buf, 1);
    CHECK_EQ_STR(buf, "zee");
    wc_text_free(&t);
}

static void zero_width_decoys_are_ignored(void)
{
    wc_text t;
    /* Facebook hides U+200B inside words. */
    CHECK_EQ_INT(tok(&t, "Spon\xe2\x80\x8bsored klacht"), 0);
    CHECK_EQ_INT(t.n, 2);
    CHECK_EQ_STR(wc_key(&t, 0), "sponsored");
    wc_text_free(&t);
}

static void invalid_utf8_is_an_error(void)
{
    wc_text t;
    size_t at = 99;
    const char bad[] = "ok \xc3\x28 nee";
    CHECK_EQ_INT(wc_tokenize(bad, sizeof bad - 1, &t, &at), WEBCARE_ERROR_INVALID_UTF8);
    CHECK_EQ_INT(at, 3);
    wc_text_free(&t);
    const char overlong[] = "\xc0\xaf";
    CHECK_EQ_INT(wc_tokenize(overlong, 2, &t, &at), WEBCARE_ERROR_INVALID_UTF8);
    wc_text_free(&t);
    const char truncated[] = "abc\xe2\x82";
    CHECK_EQ_INT(wc_tokenize(truncated, 5, &t, &at), WEBCARE_ERROR_INVALID_UTF8);
    CHECK_EQ_INT(at, 3);
    wc_text_free(&t);
    const char surrogate[] = "\xed\xa0\x80";
    CHECK_EQ_INT(wc_tokenize(surrogate, 3, &t, &at), WEBCARE_ERROR_INVALID_UTF8);
    wc_text_free(&t);
}

static void nul_bytes_and_empty(void)
{
    wc_text t;
    const char s[] = "a\0b";
    CHECK_EQ_INT(wc_tokenize(s, 3, &t, NULL), 0);
    CHECK_EQ_INT(t.n, 2);
    wc_text_free(&t);
    CHECK_EQ_INT(wc_tokenize("", 0, &t, NULL), 0);
    CHECK_EQ_INT(t.n, 0);
    wc_text_free(&t);
    CHECK_EQ_INT(wc_tokenize(NULL, 0, &t, NULL), 0);
    wc_text_free(&t);
    CHECK_EQ_INT(wc_tokenize(NULL, 5, &t, NULL), WEBCARE_ERROR_NULL);
    wc_text_free(&t);
}

static void long_tokens_and_many_emoji(void)
{
    size_t n = 10000;
    char *s = malloc(n * 4 + 1);
    for (size_t i = 0; i < n; i++) memcpy(s + i * 4, "\xf0\x9f\x98\x80", 4); /* 😀 */
    s[n * 4] = 0;
    wc_text t;
    CHECK_EQ_INT(wc_tokenize(s, n * 4, &t, NULL), 0);
    CHECK_EQ_INT(t.n, n);
    CHECK_EQ_INT(t.u16_len, 2 * n);
    wc_text_free(&t);
    for (size_t i = 0; i < n * 4; i++) s[i] = (char)('a' + (i % 3 == 0));
    CHECK_EQ_INT(wc_tokenize(s, n * 4, &t, NULL), 0);
    CHECK_EQ_INT(t.n, 1);
    CHECK_EQ_INT(t.tok[0].key_len, n * 4);
    wc_text_free(&t);
    free(s);
}

static void nfc(void)
{
    char *s = wc_nfc("cafe\xcc\x81", 6);
    CHECK_EQ_STR(s, "caf\xc3\xa9");
    free(s);
}

int main(void)
{
    RUN(words_and_keys);
    RUN(contractions_and_hyphens);
    RUN(handles_hashtags_urls_emails);
    RUN(emoji_sequences_and_utf16);
    RUN(combining_accents_do_not_shift);
    RUN(punctuation_runs_and_breaks);
    RUN(elongation_and_squeeze);
    RUN(zero_width_decoys_are_ignored);
    RUN(invalid_utf8_is_an_error);
    RUN(nul_bytes_and_empty);
    RUN(long_tokens_and_many_emoji);
    RUN(nfc);
    return check_summary("text");
}
