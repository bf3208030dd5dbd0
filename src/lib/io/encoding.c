/* Text encodings met in spreadsheet exports. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "encoding.h"

int effekt_encoding_ascii_only(const unsigned char *s, size_t len)
{
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & UINT64_C(0x8080808080808080))
            return 0;
    }
    for (; i < len; i++)
        if (s[i] & 0x80)
            return 0;
    return 1;
}

size_t effekt_encoding_utf8_invalid_offset(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        uint32_t cp, min;
        if (c >= 0xC2 && c <= 0xDF) { n = 1; cp = c & 0x1F; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 2; cp = c & 0x0F; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 3; cp = c & 0x07; min = 0x10000; }
        else return i;
        for (size_t k = 1; k <= n; k++) {
            if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n + 1;
    }
    return len;
}

/* Windows-1252 0x80-0x9F; 0 marks the five undefined bytes. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

static size_t put_utf8(uint32_t cp, unsigned char *out)
{
    if (cp < 0x80) { out[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (unsigned char)(0xC0 | (cp >> 6));
        out[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (cp >> 12));
        out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (cp >> 18));
    out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t effekt_encoding_single_byte_to_utf8(const unsigned char *s, size_t len, int cp1252,
                           unsigned char *out, size_t *bad)
{
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        uint32_t cp = s[i];
        if (cp1252 && cp >= 0x80 && cp <= 0x9F) {
            cp = cp1252_high[cp - 0x80];
            if (!cp) {
                *bad = i;
                return (size_t)-1;
            }
        }
        o += put_utf8(cp, out + o);
    }
    return o;
}

size_t effekt_encoding_utf16_to_utf8(const unsigned char *s, size_t len, int le,
                     unsigned char *out, size_t *consumed)
{
    size_t o = 0, i = 0;
    while (i + 1 < len) {
        uint32_t u = le ? (uint32_t)(s[i] | (s[i + 1] << 8)) : (uint32_t)((s[i] << 8) | s[i + 1]);
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 3 >= len)
                break;   /* the pair is split: wait for more input */
            uint32_t lo = le ? (uint32_t)(s[i + 2] | (s[i + 3] << 8)) : (uint32_t)((s[i + 2] << 8) | s[i + 3]);
            if (lo < 0xDC00 || lo > 0xDFFF)
                return (size_t)-1;
            u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            i += 2;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            return (size_t)-1;
        }
        o += put_utf8(u, out + o);
        i += 2;
    }
    *consumed = i;
    return o;
}
