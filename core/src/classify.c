/* classify.c — PLACEHOLDER until the classifier issue lands: answers with a
 * result explicitly marked "placeholder":true. */
#include "internal.h"

int wc_op_classify(webcare_engine *eng, const cJSON *req, cJSON *result, wc_err *e)
{
    (void)eng;
    const char *s;
    size_t n;
    int rc = wc_get_text(req, "text", 1, &s, &n, e);
    if (rc) return rc;
    cJSON_AddTrueToObject(result, "placeholder");
    cJSON_AddStringToObject(result, "type", "neutral");
    wc_add_number2(result, "confidence", 0);
    cJSON_AddNumberToObject(result, "intensity", 0);
    cJSON_AddStringToObject(result, "language", "other");
    cJSON_AddFalseToObject(result, "profanity");
    cJSON_AddFalseToObject(result, "sarcasm");
    cJSON_AddNumberToObject(result, "priority", 0);
    cJSON_AddArrayToObject(result, "evidence");
    return 0;
}
