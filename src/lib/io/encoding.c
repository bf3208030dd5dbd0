/* Text encodings met in spreadsheet exports. */
#include "config.h"

#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <uchardet.h>

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
            if (lo < 0xDC00 || lo > 0xDFFF) {
                *consumed = i;
                return (size_t)-1;
            }
            u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            i += 2;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            *consumed = i;
            return (size_t)-1;
        }
        o += put_utf8(u, out + o);
        i += 2;
    }
    *consumed = i;
    return o;
}

/* ---- detection (libuchardet) and other encodings (iconv) ------------ */

/* ISO-8859 parts and the Windows code page of the same script that
 * spreadsheets write instead: it is chosen when the sample has a byte in
 * 0x80-0x9F (control codes in ISO-8859, letters and signs in Windows) or
 * has none of the bytes where the two differ above 0x9F (`differ`: then
 * they read the same, and Excel's is the likelier). */
static const struct { const char *iso; const char *windows; const char *differ; } iso_to_windows[] = {
    { "ISO-8859-1", "WINDOWS-1252", "" },   /* Western European: the same above 0x9F */
    { "ISO-8859-15", "WINDOWS-1252", "\xA4\xA6\xA8\xB4\xB8\xBC\xBD\xBE" },   /* with the euro sign */
    { "ISO-8859-2", "WINDOWS-1250", NULL },   /* Central European: differ in many places */
    { "ISO-8859-5", "WINDOWS-1251", NULL },   /* Cyrillic */
    { "ISO-8859-7", "WINDOWS-1253", NULL },   /* Greek */
    { "ISO-8859-9", "WINDOWS-1254", NULL },   /* Turkish */
    { "ISO-8859-13", "WINDOWS-1257", NULL },  /* Baltic */
    { "ISO-8859-16", "WINDOWS-1250", NULL },  /* Romanian */
};

/* Does the sample hold any byte of set (NULL: every byte above 0x9F)? */
static int sample_has(const unsigned char *s, size_t len, const char *set)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] >= 0xA0 && (!set || strchr(set, s[i])))
            return 1;
    return 0;
}

int effekt_encoding_detect(const unsigned char *sample, size_t len, char *name, size_t size)
{
    name[0] = '\0';
    uchardet_t ud = uchardet_new();
    if (!ud)
        return -1;
    int rc = -1;
    if (uchardet_handle_data(ud, (const char *)sample, len) == 0) {
        uchardet_data_end(ud);
        const char *found = uchardet_get_charset(ud);
        if (found && *found && strlen(found) < size) {
            int c1 = 0;
            for (size_t i = 0; i < len && !c1; i++)
                c1 = sample[i] >= 0x80 && sample[i] <= 0x9F;
            snprintf(name, size, "%s", found);
            for (size_t i = 0; i < sizeof iso_to_windows / sizeof *iso_to_windows; i++)
                if (strcasecmp(found, iso_to_windows[i].iso) == 0
                    && (c1 || !sample_has(sample, len, iso_to_windows[i].differ)))
                    snprintf(name, size, "%s", iso_to_windows[i].windows);
            rc = 0;
        }
    }
    uchardet_delete(ud);
    return rc;
}

int effekt_encoding_iconv_known(const char *name)
{
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1)
        return 0;
    iconv_close(cd);
    return 1;
}

int effekt_encoding_ascii_compatible(const char *name)
{
    static const char syntax[] = "AZaz09,;\t|\"\r\n sep=";
    iconv_t cd = iconv_open(name, "UTF-8");
    if (cd == (iconv_t)-1)
        return 0;
    char out[64];
    char *in = (char *)syntax, *o = out;
    size_t inleft = sizeof syntax - 1, outleft = sizeof out;
    size_t rc = iconv(cd, &in, &inleft, &o, &outleft);
    iconv_close(cd);
    return rc != (size_t)-1 && inleft == 0 && (size_t)(o - out) == sizeof syntax - 1
           && memcmp(out, syntax, sizeof syntax - 1) == 0;
}
