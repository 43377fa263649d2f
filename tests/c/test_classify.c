/* test_classify.c — the mention classifier: every cue family, evidence
 * offsets in UTF-16, priority, language, bad input. */
#include <math.h>

#include "check.h"
#include "classify.h"
#include "lexicon.h"

static wc_classification cls(const char *text)
{
    wc_classification c;
    int rc = wc_classify(text, strlen(text), &c);
    if (rc) memset(&c, 0, sizeof c);
    return c;
}

static int has_cue(const wc_classification *c, const char *cue, const char *label)
{
    for (size_t i = 0; i < c->n_evidence; i++)
        if (strcmp(c->evidence[i].cue, cue) == 0 && (!label || strcmp(c->evidence[i].label, label) == 0))
            return 1;
    return 0;
}

#define TYPE_IS(text, t) CHECK_EQ_STR(wc_type_name(cls(text).type), t)

static void null_and_garbage(void)
{
    wc_classification c;
    CHECK_EQ_INT(wc_classify(NULL, 3, &c), WEBCARE_ERROR_NULL);
    CHECK_EQ_INT(wc_classify("x", 1, NULL), WEBCARE_ERROR_NULL);
    CHECK_EQ_INT(wc_classify("\xff\xfe", 2, &c), WEBCARE_ERROR_INVALID_UTF8);
    CHECK_EQ_INT(wc_classify("", 0, &c), 0);
    CHECK_EQ_STR(wc_type_name(c.type), "neutral");
    CHECK_EQ_INT(c.n_evidence, 0);
    CHECK_EQ_INT(wc_classify(NULL, 0, &c), 0);
    cJSON *r = api("{\"op\":\"classify\"}");
    CHECK_EQ_STR(error_code(r), "bad-request");
    cJSON_Delete(r);
    r = api("{\"op\":\"classify\",\"text\":\"hoi\",\"options\":3}");
    CHECK_EQ_STR(error_code(r), "bad-request");
    cJSON_Delete(r);
    r = api("{\"op\":\"classify\",\"text\":\"hoi\",\"options\":{\"reach\":-4}}");
    CHECK_EQ_STR(error_code(r), "bad-request");
    cJSON_Delete(r);
    /* a long, odd text must not crash or overflow the evidence list */
    char big[6000];
    size_t n = 0;
    while (n + 40 < sizeof big) n += (size_t)snprintf(big + n, sizeof big - n, "kut k*t 😡 niet slecht #fail ?! ");
    CHECK_EQ_INT(wc_classify(big, n, &c), 0);
    CHECK(c.n_evidence <= WC_MAX_EVIDENCE);
}

static void type_names(void)
{
    for (int t = 0; t < WC_TYPE_COUNT; t++) CHECK_EQ_INT(wc_type_from_name(wc_type_name(t)), t);
    CHECK_EQ_INT(wc_type_from_name("furious"), -1);
    CHECK_EQ_INT(wc_type_from_name(NULL), -1);
    CHECK(wc_type_name(7) == NULL);
}

static void feature_names_match_model(void)
{
    static const char *const want[WC_NFEAT] = {
        "bias", "pos", "neg", "qmark", "qstart", "qphrase", "rhetorical", "excl", "caps",
        "profanity", "sarcasm", "complaint", "emoji_pos", "emoji_neg", "emoji_q", "thanks",
        "neutral", "long", "intens", "short"};
    for (int i = 0; i < WC_NFEAT; i++) CHECK_EQ_STR(wc_feature_names[i], want[i]);
}

/* Word tables as find_exact's binary search needs them: by first byte, then
 * length, then bytes, no duplicates; the first-byte index brackets each byte. */
static void lexicon_tables_sorted(void)
{
    for (size_t i = 1; i < wc_lex_words_n; i++) {
        const wc_lex_word *a = &wc_lex_words[i - 1], *b = &wc_lex_words[i];
        const unsigned char *x = (const unsigned char *)wc_lex_strings + a->off,
                            *y = (const unsigned char *)wc_lex_strings + b->off;
        int c = x[0] != y[0] ? (x[0] < y[0] ? -1 : 1)
                : a->len != b->len ? (a->len < b->len ? -1 : 1)
                : memcmp(x, y, a->len);
        CHECK(c < 0);
    }
    for (unsigned b = 0; b < 256; b++) {
        CHECK(wc_lex_words_index[b] <= wc_lex_words_index[b + 1]);
        for (size_t i = wc_lex_words_index[b]; i < wc_lex_words_index[b + 1]; i++)
            CHECK((unsigned char)wc_lex_strings[wc_lex_words[i].off] == b);
        for (size_t i = wc_lex_stems_index[b]; i < wc_lex_stems_index[b + 1]; i++)
            CHECK((unsigned char)wc_lex_strings[wc_lex_stems[i].off] == b);
    }
    CHECK(wc_lex_words_index[256] == wc_lex_words_n);
    CHECK(wc_lex_stems_index[256] == wc_lex_stems_n);
    for (size_t i = 1; i < wc_lex_emoji_n; i++) CHECK(wc_lex_emoji_tab[i - 1].cp < wc_lex_emoji_tab[i].cp);
}

static void lexicon_and_inflection(void)
{
    TYPE_IS("Waardeloos.", "angry");
    TYPE_IS("Super blij met de snelle levering van @Coolblue", "happy");
    TYPE_IS("Wat een slechte service weer @KPN", "angry");          /* slechte -> slecht */
    TYPE_IS("Echt klantvriendelijke medewerkers bij @HEMA, dank!", "happy"); /* stem */
    TYPE_IS("Heel teleurgesteld in @Jumbo", "angry");
    TYPE_IS("The support of @bol was excellent, thanks", "happy");
    TYPE_IS("Worst customer service ever @Zalando", "angry");
}

static void compounds(void)
{
    wc_classification c = cls("Supersnel geleverd door @bol");
    CHECK_EQ_STR(wc_type_name(c.type), "happy");
    CHECK(has_cue(&c, "compound", "happy"));
    c = cls("Wat een klantonvriendelijke winkel @HEMA");
    CHECK_EQ_STR(wc_type_name(c.type), "angry");
    CHECK(has_cue(&c, "compound", "angry"));
    c = cls("@NS alweer een seinstoring");
    CHECK_EQ_STR(wc_type_name(c.type), "angry");
}

static void negation(void)
{
    wc_classification c = cls("de nieuwe app van @ING is niet slecht");
    CHECK_EQ_STR(wc_type_name(c.type), "happy");
    c = cls("Niet echt blij met mijn nieuwe telefoon van @Odido");
    CHECK_EQ_STR(wc_type_name(c.type), "angry");
    CHECK(has_cue(&c, "negation", "angry"));
    c = cls("Helemaal niet tevreden met de reparatie");
    CHECK_EQ_STR(wc_type_name(c.type), "angry");
    TYPE_IS("Nooit meer storing gehad sinds de monteur van @Ziggo is geweest, top", "happy");
    TYPE_IS("Nooit meer @Transavia", "angry");
    TYPE_IS("honestly not bad at all @KLM", "happy");
    c = cls("Vlucht met @Transavia, geen voucher, geen water, niks");
    CHECK(has_cue(&c, "negation", "angry"));
}

static void intensifiers(void)
{
    wc_classification a = cls("goed geholpen @KPN");
    wc_classification b = cls("echt super goed geholpen @KPN!!");
    CHECK_EQ_STR(wc_type_name(b.type), "happy");
    CHECK(b.intensity > a.intensity);
    /* slang: a negative word that intensifies praise */
    wc_classification c = cls("kapot goed die nieuwe koffie bij @HEMA");
    CHECK_EQ_STR(wc_type_name(c.type), "happy");
    c = cls("Goeeeeed gedaan @KPN");
    CHECK_EQ_STR(wc_type_name(c.type), "happy");
    CHECK(has_cue(&c, "elongation", "happy"));
    c = cls("Slechttttt @Jumbo");
    CHECK_EQ_STR(wc_type_name(c.type), "angry");
    CHECK(has_cue(&c, "elongation", "angry"));
}

static void contrast(void)
{
    TYPE_IS("Eten was prima maar 50 minuten wachten en niemand die sorry zei. Nooit meer", "angry");
    TYPE_IS("Vlucht had vertraging maar de crew van @KLM was geweldig, top geregeld", "happy");
}

static void sarcasm(void)
{
    wc_classification c = cls("Top hoor @Ziggo, voor de vierde avond op rij geen internet.");
    CHECK(c.sarcasm);
    CHECK_EQ_STR(wc_type_name(c.type), "angry");
    CHECK(has_cue(&c, "sarcasm", "angry"));
    c = cls("Lekker bezig @KPN, drie monteurs verder en nog altijd geen glasvezel");
    CHECK(c.sarcasm);
    c = cls("Fantastisch @Jumbo, bezorging om 21:15 nog niks 🙃");
    CHECK(c.sarcasm);
    CHECK_EQ_STR(wc_type_name(c.type), "angry");
    c = cls("Echt fijn zo'n \"slimme\" meter die al 4 maanden niks doorgeeft");
    CHECK(c.sarcasm);
    c = cls("Bedankt voor niks @NS, weer te laat");
    CHECK(c.sarcasm);
    /* sincere praise with the same words is not sarcasm */
    c = cls("Klantvriendelijk hoor, de medewerker van @HEMA");
    CHECK(!c.sarcasm);
    CHECK_EQ_STR(wc_type_name(c.type), "happy");
    c = cls("Goed bezig gemeente Utrecht, de lantaarnpaal is gerepareerd 💡");
    CHECK(!c.sarcasm);
    CHECK_EQ_STR(wc_type_name(c.type), "happy");
}

static void emoji_cues(void)
{
    wc_classification c = cls("@NS 😡😡😡");
    CHECK_EQ_STR(wc_type_name(c.type), "angry");
    CHECK(has_cue(&c, "emoji", "angry"));
    TYPE_IS("🤬", "angry");
    TYPE_IS("@bol 🫶🏼", "happy");          /* skin tone ignored */
    TYPE_IS("@KLM 🥹🙏🏻", "happy");
    c = cls("@bol 📦❓");
    CHECK_EQ_STR(wc_type_name(c.type), "question");
    TYPE_IS("🤦‍♂️🤦‍♂️ @NS", "angry");     /* ZWJ sequence: base emoji counts */
    TYPE_IS("🤷‍♀️", "neutral");
}

static void hashtags(void)
{
    wc_classification c = cls("Derde pakket kwijt @PostNL #fail");
    CHECK_EQ_STR(wc_type_name(c.type), "angry");
    CHECK(has_cue(&c, "hashtag", "angry"));
    c = cls("Weer geholpen door @Coolblue #topservice");
    CHECK_EQ_STR(wc_type_name(c.type), "happy");
    CHECK(has_cue(&c, "hashtag", "happy"));
    c = cls("Kassa dicht, niemand te zien #klantonvriendelijk");
    CHECK(has_cue(&c, "hashtag", "angry"));
    c = cls("Wachten op de bus #NooitMeerArriva #slecht");
    CHECK(has_cue(&c, "hashtag", "angry"));
}

static void punctuation_and_caps(void)
{
    wc_classification c = cls("@bol IK WIL GEWOON MIJN GELD TERUG!!! 4 weken!!!");
    CHECK_EQ_STR(wc_type_name(c.type), "angry");
    CHECK(has_cue(&c, "punctuation", "angry"));
    CHECK(c.intensity >= 2);
    c = cls("Alweer storing @NS?!");
    CHECK_EQ_STR(wc_type_name(c.type), "angry");
    /* acronyms are not shouting */
    c = cls("Ik vlieg met KLM via JFK naar de USA");
    CHECK_EQ_STR(wc_type_name(c.type), "neutral");
}

static void questions(void)
{
    TYPE_IS("Hoe laat zijn jullie open?", "question");
    TYPE_IS("weet iemand al of @Ziggo in Nijmegen Oost weer werkt, buurman zei van wel", "question");
    TYPE_IS("@KLM hoeveel handbagage mag mee naar Curaçao", "question");
    TYPE_IS("@Thuisbezorgd bezorgen jullie ook in Zeewolde", "question");
    TYPE_IS("Goedemiddag, graag zou ik willen weten of jullie glutenvrije taarten maken", "question");
    TYPE_IS("@Vodafone what are the roaming costs in Switzerland", "question");
    TYPE_IS("?", "question");
    /* exclamations that start like a question */
    TYPE_IS("Wat een service van @Coolblue, dank!", "happy");
    wc_classification c = cls("Hoe moeilijk kan het zijn om een trein op tijd te laten rijden @NS??");
    CHECK_EQ_STR(wc_type_name(c.type), "angry");
    CHECK(has_cue(&c, "question", "angry"));
    TYPE_IS("@Ziggo hoe vaak moet ik nog bellen voordat er een monteur komt?! 5e keer nu", "angry");
}

static void profanity(void)
{
    static const char *const profane[] = {
        "kuuut @KLM", "kuttttt", "k*t @Ziggo", "f*ck dit", "sh1t service", "kutbedrijf",
        "KLOTE @NS", "wat een kankerzooi", "kkr traag", "tering @NS", "tyfus app",
        "godverdomme", "Fakking webshop", "fuuuuck this", "@Ziggo teringlijers", "eikels",
        "klootzakken", "fck jullie", "#kutbedrijf"};
    for (size_t i = 0; i < sizeof profane / sizeof profane[0]; i++) {
        wc_classification c = cls(profane[i]);
        if (!c.profanity) fprintf(stderr, "  not profane: %s\n", profane[i]);
        CHECK(c.profanity);
    }
    static const char *const clean[] = {
        "Die nieuwe Mediabox is echt een verbetering", "Vlucht naar JFK", "Wat een prutsers",
        "Schandalig @KLM", "Het kantoor sluit", "kastje van de IKEA", "De kleren passen"};
    for (size_t i = 0; i < sizeof clean / sizeof clean[0]; i++) {
        wc_classification c = cls(clean[i]);
        if (c.profanity) fprintf(stderr, "  profane: %s\n", clean[i]);
        CHECK(!c.profanity);
    }
    /* profanity as an intensifier of praise */
    wc_classification c = cls("tering lekker die nieuwe poké bowl");
    CHECK(c.profanity);
    CHECK_EQ_STR(wc_type_name(c.type), "happy");
    c = cls("fucking vet dat de Winter Efteling langer open is 😍");
    CHECK_EQ_STR(wc_type_name(c.type), "happy");
    c = cls("@Picnic jullie bezorger scheurt door ons woonerf. Klootzak");
    CHECK_EQ_STR(wc_type_name(c.type), "angry");
    CHECK(has_cue(&c, "profanity", "angry"));
}

static void neutral_posts(void)
{
    TYPE_IS("Vanavond Ajax-PSV kijken via @Ziggo Sport", "neutral");
    TYPE_IS("Mijn pakketje van @bol wordt vandaag bezorgd tussen 14:00 en 16:00", "neutral");
    TYPE_IS("Sim zit erin, nummer wordt vanavond overgezet zeggen ze. We gaan het zien", "neutral");
    TYPE_IS("Oké.", "neutral");
}

static void language(void)
{
    CHECK_EQ_INT(cls("Waar kan ik mijn pakket ophalen?").language, WC_LANG_NL);
    CHECK_EQ_INT(cls("Where can I pick up my parcel?").language, WC_LANG_EN);
    CHECK_EQ_INT(cls("😡").language, WC_LANG_NL);
    CHECK_EQ_INT(cls("Merci beaucoup pour votre aide aujourd'hui madame").language, WC_LANG_OTHER);
}

static void priority_and_confidence(void)
{
    wc_classification a = cls("Schandalig @KLM, al 3 weken geen antwoord!!");
    wc_classification h = cls("Top service @KLM, bedankt!");
    wc_classification q = cls("Hoe laat gaat de winkel open?");
    CHECK(a.priority >= 60 && a.priority <= 100);
    CHECK(q.priority >= 50 && q.priority < a.priority);
    CHECK(h.priority < q.priority);
    CHECK(a.confidence > 0.25 && a.confidence <= 1.0);
    /* reach raises priority, capped at 100 */
    cJSON *r1 = api("{\"op\":\"classify\",\"text\":\"Hoe laat gaat de winkel open?\"}");
    cJSON *r2 = api("{\"op\":\"classify\",\"text\":\"Hoe laat gaat de winkel open?\",\"options\":{\"reach\":100000}}");
    const cJSON *p1 = cJSON_GetObjectItemCaseSensitive(result_of(r1), "priority");
    const cJSON *p2 = cJSON_GetObjectItemCaseSensitive(result_of(r2), "priority");
    CHECK(cJSON_IsNumber(p1) && cJSON_IsNumber(p2));
    if (p1 && p2) CHECK_EQ_INT(p2->valueint, p1->valueint + 20);
    cJSON_Delete(r1);
    cJSON_Delete(r2);
    wc_classification m = cls("KUT @NS!!! ALWEER 2 UUR VAST, SCHANDALIG, NOOIT MEER 🤬🤬");
    CHECK(m.priority <= 100);
    CHECK_EQ_INT(m.intensity, 3);
}

/* Evidence spans are UTF-16 offsets: each emoji before a word shifts it by 2. */
static void evidence_offsets_under_emoji(void)
{
    const char *text = "😡🤦‍♀️ slecht";
    /* 😡 = 2 units, 🤦‍♀️ = 🤦(2) ZWJ(1) ♀(1) FE0F(1) = 5 units, space: "slecht" at 8..14 */
    wc_classification c = cls(text);
    int found = 0;
    for (size_t i = 0; i < c.n_evidence; i++) {
        if (strcmp(c.evidence[i].cue, "lexicon") == 0) {
            CHECK_EQ_INT(c.evidence[i].start, 8);
            CHECK_EQ_INT(c.evidence[i].end, 14);
            found = 1;
        }
        if (c.evidence[i].start == 0) CHECK_EQ_INT(c.evidence[i].end, 2);
    }
    CHECK(found);
    cJSON *r = api("{\"op\":\"classify\",\"text\":\"👨‍👩‍👧 Top hoor, weer kapot 🙄\"}");
    const cJSON *ev = cJSON_GetObjectItemCaseSensitive(result_of(r), "evidence"), *it;
    CHECK(cJSON_GetArraySize(ev) > 0);
    int saw_roll = 0;
    cJSON_ArrayForEach(it, ev)
    {
        int s = cJSON_GetObjectItemCaseSensitive(it, "start")->valueint;
        int e = cJSON_GetObjectItemCaseSensitive(it, "end")->valueint;
        CHECK(s >= 0 && e > s && e <= 32);
        if (s == 9) CHECK_EQ_INT(e, 17); /* "Top hoor" after the 8-unit family + space */
        if (s == 30) { CHECK_EQ_INT(e, 32); saw_roll = 1; } /* 🙄 */
    }
    CHECK(saw_roll);
    const cJSON *res = result_of(r);
    CHECK(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(res, "sarcasm")));
    CHECK(cJSON_GetObjectItemCaseSensitive(res, "placeholder") == NULL);
    cJSON_Delete(r);
}

static void json_shape(void)
{
    cJSON *r = api("{\"op\":\"classify\",\"text\":\"Waardeloos @KPN\",\"options\":{\"reach\":10}}");
    const cJSON *res = result_of(r);
    static const char *const fields[] = {"type", "confidence", "intensity", "language",
                                         "profanity", "sarcasm", "priority", "evidence"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        CHECK(cJSON_GetObjectItemCaseSensitive(res, fields[i]) != NULL);
    CHECK(cJSON_GetObjectItemCaseSensitive(res, "features") == NULL);
    cJSON_Delete(r);
    r = api("{\"op\":\"classify\",\"text\":\"x\",\"options\":{\"features\":true}}");
    CHECK(cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(result_of(r), "features")));
    cJSON_Delete(r);
}

/* issue 4 follow-up: negated praise phrases, verb-first questions, broader
 * complaint vocabulary, and the hashed indexes find every table entry. */
static void follow_up_cues(void)
{
    wc_classification c = cls("Helemaal niet goed geholpen door de klantenservice");
    CHECK_EQ_STR(wc_type_name(c.type), "angry");
    CHECK(has_cue(&c, "negation", "angry"));
    TYPE_IS("@ANWB dekt de wegenwacht ook pech in Duitsland", "question");
    TYPE_IS("@Flink tot hoe laat bezorgen jullie in Utrecht", "question");
    TYPE_IS("@Tele2 contract opgezegd en toch dubbel afgeschreven", "angry");
    TYPE_IS("Pakket nooit geleverd en geld nog steeds niet teruggestort @Webshop", "angry");
    TYPE_IS("Zit met een kop koffie op het station te wachten op de trein", "neutral");
}

/* Hashed word features: the buckets of a text (options.features) are a set
 * over squeezed keys, and a "word" cue always speaks for the chosen type. */
static int bucket_list(const char *text, int *out, int cap)
{
    char req[256];
    int n = 0;
    snprintf(req, sizeof req, "{\"op\":\"classify\",\"text\":\"%s\",\"options\":{\"features\":true}}", text);
    cJSON *r = api(req);
    const cJSON *b, *arr = cJSON_GetObjectItemCaseSensitive(result_of(r), "buckets");
    CHECK(cJSON_IsArray(arr));
    cJSON_ArrayForEach(b, arr) {
        CHECK(cJSON_IsNumber(b) && b->valueint >= 0 && b->valueint < WC_NHASH);
        if (n < cap) out[n] = b->valueint;
        n++;
    }
    cJSON_Delete(r);
    return n;
}

static void hashed_words(void)
{
    int a[8], b[8];
    int na = bucket_list("Heeeel slecht", a, 8), nb = bucket_list("heel SLECHT slecht", b, 8);
    CHECK_EQ_INT(na, 2);
    CHECK_EQ_INT(nb, 2);
    CHECK(na == 2 && nb == 2 && a[0] == b[0] && a[1] == b[1] && a[0] < a[1]);
    CHECK_EQ_INT(bucket_list("@NS 🙄 !!", a, 8), 0); /* words only */
    CHECK(wc_model_hscale > 0);
    static const char *const texts[] = {
        "Wanneer komt mijn pakket?",
        "Mijn bestelling is nog steeds niet binnen, waar blijft het",
        "Top service, dank jullie wel!",
        "Gisteren mijn nieuwe abonnement afgesloten",
    };
    int words = 0;
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        wc_classification c = cls(texts[i]);
        for (size_t k = 0; k < c.n_evidence; k++) {
            if (strcmp(c.evidence[k].cue, "word") != 0) continue;
            words++;
            CHECK_EQ_STR(c.evidence[k].label, wc_type_name(c.type));
            CHECK(c.evidence[k].end > c.evidence[k].start);
        }
    }
    CHECK(words > 0);
}

static void hashed_lookup_finds_every_entry(void)
{
    /* every exact word classifies without crashing and its stem/word tables
     * are reachable: a sentiment word alone gets its polarity as evidence */
    size_t found = 0, sent = 0;
    for (size_t i = 0; i < wc_lex_words_n; i++) {
        const wc_lex_word *w = &wc_lex_words[i];
        if (!(w->cats & WC_LX_SENT) || w->weight == 0 ||
            (w->cats & (WC_LX_PROF | WC_LX_THANKS | WC_LX_GREETING))) /* "Beste KLM," */
            continue;
        char buf[64];
        memcpy(buf, wc_lex_strings + w->off, w->len);
        buf[w->len] = 0;
        wc_classification c = cls(buf);
        sent++;
        if (has_cue(&c, "lexicon", w->weight > 0 ? "happy" : "angry") ||
            has_cue(&c, "compound", NULL) || has_cue(&c, "sarcasm", NULL) || c.n_evidence > 0)
            found++;
    }
    CHECK(sent > 290);
    CHECK_EQ_INT(found, sent);
}

int main(void)
{
    RUN(null_and_garbage);
    RUN(type_names);
    RUN(feature_names_match_model);
    RUN(lexicon_tables_sorted);
    RUN(lexicon_and_inflection);
    RUN(compounds);
    RUN(negation);
    RUN(intensifiers);
    RUN(contrast);
    RUN(sarcasm);
    RUN(emoji_cues);
    RUN(hashtags);
    RUN(punctuation_and_caps);
    RUN(questions);
    RUN(profanity);
    RUN(neutral_posts);
    RUN(language);
    RUN(priority_and_confidence);
    RUN(evidence_offsets_under_emoji);
    RUN(json_shape);
    RUN(follow_up_cues);
    RUN(hashed_lookup_finds_every_entry);
    RUN(hashed_words);
    return check_summary("classify");
}
