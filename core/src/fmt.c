/* fmt.c — wc_fmt / wc_vfmt (fmt.h): snprintf for the conversions the core
 * uses. tests/c/test_fmt.c compares them with snprintf, and checks that every
 * format string in core/src uses only these conversions. */
#include "fmt.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

typedef struct out {
    char *buf;
    size_t cap;
    size_t n; /* length of the whole text so far (may exceed cap) */
} out;

static void put(out *o, const char *s, size_t len)
{
    if (o->n + 1 < o->cap) {
        size_t room = o->cap - 1 - o->n;
        memcpy(o->buf + o->n, s, len < room ? len : room);
    }
    o->n += len;
}

static void put_num(out *o, uintmax_t v, int neg)
{
    char tmp[24];
    size_t i = sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (neg) tmp[--i] = '-';
    put(o, tmp + i, sizeof tmp - i);
}

static void put_signed(out *o, intmax_t v)
{
    put_num(o, v < 0 ? (uintmax_t)0 - (uintmax_t)v : (uintmax_t)v, v < 0);
}

/* Length of the text buf[0, end) without an incomplete UTF-8 sequence at its end. */
static size_t utf8_whole(const char *buf, size_t end)
{
    if (end == 0) return 0;
    size_t j = end - 1; /* the first byte of the last sequence */
    while (j > 0 && end - j < 4 && ((unsigned char)buf[j] & 0xC0) == 0x80) j--;
    unsigned char lead = (unsigned char)buf[j];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return end - j < need ? j : end;
}

int wc_vfmt(char *buf, size_t cap, const char *fmt, va_list ap)
{
    out o = {buf, cap, 0};
    const char *f = fmt;
    while (*f) {
        const char *lit = f;
        while (*f && *f != '%') f++;
        put(&o, lit, (size_t)(f - lit));
        if (!*f) break;
        const char *spec = f++; /* '%' */
        int prec = -1;
        if (f[0] == '.' && f[1] == '*') {
            prec = va_arg(ap, int);
            f += 2;
        }
        char len = 0;
        if (*f == 'l' || *f == 'z') len = *f++;
        switch (*f) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s) s = "(null)";
            size_t n = 0;
            while ((prec < 0 || n < (size_t)prec) && s[n]) n++;
            put(&o, s, n);
            break;
        }
        case 'd':
            if (len == 'l') put_signed(&o, va_arg(ap, long));
            else if (len == 'z') put_num(&o, va_arg(ap, size_t), 0); /* %zd: not used */
            else put_signed(&o, va_arg(ap, int));
            break;
        case 'u':
            if (len == 'l') put_num(&o, va_arg(ap, unsigned long), 0);
            else if (len == 'z') put_num(&o, va_arg(ap, size_t), 0);
            else put_num(&o, va_arg(ap, unsigned), 0);
            break;
        case '%':
            put(&o, "%", 1);
            break;
        default: /* not supported: copied as it stands */
            if (!*f) {
                put(&o, spec, (size_t)(f - spec));
                continue;
            }
            put(&o, spec, (size_t)(f + 1 - spec));
            break;
        }
        f++;
    }
    if (cap > 0) buf[o.n < cap ? o.n : utf8_whole(buf, cap - 1)] = 0;
    return o.n > INT_MAX ? INT_MAX : (int)o.n;
}

int wc_fmt(char *buf, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = wc_vfmt(buf, cap, fmt, ap);
    va_end(ap);
    return n;
}
