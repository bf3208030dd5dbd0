/* encoding.h — UTF-8 validation and conversion from Windows-1252,
 * Latin-1 and UTF-16 to UTF-8.  Internal. */
#ifndef EFFEKT_IO_ENCODING_H
#define EFFEKT_IO_ENCODING_H

#include <stddef.h>

/* Offset of the first byte that is not part of valid UTF-8, or len when
 * s[0..len) is valid.  Overlong forms, surrogates and code points above
 * U+10FFFF are invalid. */
size_t effekt_encoding_utf8_invalid_offset(const unsigned char *s, size_t len);

/* 1 when every byte is ASCII. */
int effekt_encoding_ascii_only(const unsigned char *s, size_t len);

/* Convert a single-byte encoding to UTF-8.  out must hold 3*len bytes.
 * cp1252 != 0 maps 0x80-0x9F as Windows-1252 does; otherwise as Latin-1.
 * Returns the bytes written, or (size_t)-1 with *bad set to the offset
 * of a byte Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D). */
size_t effekt_encoding_single_byte_to_utf8(const unsigned char *s, size_t len, int cp1252,
                           unsigned char *out, size_t *bad);

/* Convert UTF-16 (little endian if le) to UTF-8.  out must hold
 * 3*(len/2) bytes.  *consumed is set to the input bytes used (an odd
 * trailing byte or a split surrogate pair are left for the next call).
 * Returns bytes written, or (size_t)-1 on an unpaired surrogate, with
 * *consumed then its offset (the input before it converts). */
size_t effekt_encoding_utf16_to_utf8(const unsigned char *s, size_t len, int le,
                     unsigned char *out, size_t *consumed);

/* The encoding of a sample that is not valid UTF-8, as libuchardet names
 * it ("WINDOWS-1250", "ISO-8859-2", ...), written into name.  An
 * ISO-8859 name is replaced by the Windows code page of the same script
 * (1252 for -1, 1250 for -2, ...) when the sample has bytes 0x80-0x9F:
 * those are control codes in ISO-8859, letters and signs (š, €, ") in
 * the Windows pages that spreadsheets write.  Returns 0, or -1 when the
 * library cannot tell (name is then ""). */
int effekt_encoding_detect(const unsigned char *sample, size_t len, char *name, size_t size);

/* 1 when an iconv converter from `name` to UTF-8 exists. */
int effekt_encoding_iconv_known(const char *name);

/* 1 when `name` writes the ASCII bytes of CSV's syntax (letters, digits,
 * , ; TAB | " CR LF) as ASCII does, so that a file can be split into
 * fields first and each field converted after (the single-byte pages,
 * UTF-8, Shift_JIS, ...); 0 for UTF-16, UTF-32, EBCDIC, which must be
 * converted before parsing. */
int effekt_encoding_ascii_compatible(const char *name);

#endif
