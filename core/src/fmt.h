/* fmt.h — the core's snprintf: formats without the C library's printf, so the
 * WASM carries no printf (issue 9: the WASM budget). Internal to the core. */
#ifndef WEBCARE_FMT_H
#define WEBCARE_FMT_H

#include <stdarg.h>
#include <stddef.h>

/* Like snprintf for exactly the conversions the core uses: %s, %.*s, %d,
 * %ld, %u, %zu and %% (no flags or widths; anything else is copied as it
 * stands). Writes at most cap - 1 bytes and a NUL (nothing when cap is 0);
 * when the text is cut, a UTF-8 sequence is never split (the cut moves back
 * to its first byte). Returns the length the whole text has, as snprintf
 * does (so a return >= cap means it was cut). */
int wc_fmt(char *buf, size_t cap, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
int wc_vfmt(char *buf, size_t cap, const char *fmt, va_list ap);

#endif
