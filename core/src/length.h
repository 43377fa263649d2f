/* length.h — platform lengths: X weighted length (twitter-text v3), LinkedIn, Facebook. */
#ifndef WEBCARE_LENGTH_H
#define WEBCARE_LENGTH_H

#include <stddef.h>

typedef struct wc_length {
    size_t used;   /* in the platform's own unit */
    size_t limit;
    int platform;  /* wc_platform */
} wc_length;

#define WC_LIMIT_X 280
#define WC_LIMIT_LINKEDIN 1250
#define WC_LIMIT_FACEBOOK 8000

/* X's weighted length exactly as twitter-text v3 counts it (NFC first; URLs
 * 23; emoji 2; code points outside the light ranges 2). Text must be valid
 * UTF-8. Returns 0 or a negative webcare_status. */
int wc_x_weighted_length(const char *s, size_t len, size_t *out);

/* Length and limit for a platform: X weighted; LinkedIn and Facebook in
 * UTF-16 code units, as their editors count. */
int wc_platform_length(const char *s, size_t len, int platform, wc_length *out);

#endif
