/* scan.c — the structural scan of the CSV fast path (scan.h): the
 * delimiters, line breaks, quotes, odd bytes and spaces of 64 bytes as
 * four bit masks, built 32 bytes at a time (AVX2), 16 (SSE2) or 8 (a
 * portable word), as simdjson and simdcsv do.  The three give the same
 * masks (test_scan compares them on random and on every byte value). */
#include "config.h"

#include <string.h>

#include "io/scan.h"

#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__) && defined(__SSE2__)
#define SCAN_X86 1
#include <immintrin.h>
#endif

/* ---- 8 bytes at a time in a 64-bit word ---- */

/* The high bit of each byte of x that is zero (exact: no borrow between
 * bytes, unlike the shorter (x - 0x01..) & ~x). */
static inline uint64_t zero_bytes(uint64_t x)
{
    const uint64_t lo7 = 0x7F7F7F7F7F7F7F7Full;
    return ~(((x & lo7) + lo7) | x | lo7);
}

/* The high bits of the bytes of a word (byte i at bits 8i) as bits 0..7:
 * the multiplication moves bit 8i to bit 56 + i, without carries. */
static inline uint64_t gather(uint64_t h)
{
    return ((h >> 7) * 0x0102040810204080ull) >> 56;
}

static void scan_swar(const unsigned char *p, size_t blocks, unsigned char delim, effekt_scan_block *out)
{
    const uint64_t ones = 0x0101010101010101ull;
    for (size_t b = 0; b < blocks; b++, p += 64) {
        effekt_scan_block m = { 0, 0, 0, 0 };
        for (int w = 0; w < 8; w++) {
            uint64_t x = 0;
            for (int i = 0; i < 8; i++)   /* byte i at bits 8i whatever the byte order */
                x |= (uint64_t)p[8 * w + i] << (8 * i);
            m.delim |= gather(zero_bytes(x ^ (ones * delim))) << (8 * w);
            m.mark |= gather(zero_bytes(x ^ (ones * '\n')) | zero_bytes(x ^ (ones * '"'))
                             | zero_bytes(x ^ (ones * '\r'))) << (8 * w);
            m.odd |= gather((x & 0x8080808080808080ull) | zero_bytes(x)) << (8 * w);
            m.space |= gather(zero_bytes(x ^ (ones * ' ')) | zero_bytes(x ^ (ones * '\t'))) << (8 * w);
        }
        out[b] = m;
    }
}

#ifdef SCAN_X86
/* ---- 16 bytes at a time: SSE2, which every x86-64 has ---- */

static void scan_sse2(const unsigned char *p, size_t blocks, unsigned char delim, effekt_scan_block *out)
{
    const __m128i vd = _mm_set1_epi8((char)delim), vn = _mm_set1_epi8('\n'), vr = _mm_set1_epi8('\r'),
                  vq = _mm_set1_epi8('"'), vs = _mm_set1_epi8(' '), vt = _mm_set1_epi8('\t'),
                  z = _mm_setzero_si128();
    for (size_t b = 0; b < blocks; b++, p += 64) {
        effekt_scan_block m = { 0, 0, 0, 0 };
        for (int k = 0; k < 4; k++) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
            __m128i x = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, vn), _mm_cmpeq_epi8(v, vr)),
                                     _mm_cmpeq_epi8(v, vq));
            m.delim |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vd)) << (16 * k);
            m.mark |= (uint64_t)(unsigned)_mm_movemask_epi8(x) << (16 * k);
            m.odd |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, z))) << (16 * k);
            m.space |= (uint64_t)(unsigned)_mm_movemask_epi8(
                           _mm_or_si128(_mm_cmpeq_epi8(v, vs), _mm_cmpeq_epi8(v, vt))) << (16 * k);
        }
        out[b] = m;
    }
}

/* ---- 32 bytes at a time: AVX2, when the CPU has it ---- */

__attribute__((target("avx2")))
static void scan_avx2(const unsigned char *p, size_t blocks, unsigned char delim, effekt_scan_block *out)
{
    const __m256i vd = _mm256_set1_epi8((char)delim), vn = _mm256_set1_epi8('\n'), vr = _mm256_set1_epi8('\r'),
                  vq = _mm256_set1_epi8('"'), vs = _mm256_set1_epi8(' '), vt = _mm256_set1_epi8('\t'),
                  z = _mm256_setzero_si256();
    for (size_t b = 0; b < blocks; b++, p += 64) {
        effekt_scan_block m = { 0, 0, 0, 0 };
        for (int k = 0; k < 2; k++) {
            __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32 * k));
            __m256i x = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, vn), _mm256_cmpeq_epi8(v, vr)),
                                        _mm256_cmpeq_epi8(v, vq));
            m.delim |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, vd)) << (32 * k);
            m.mark |= (uint64_t)(uint32_t)_mm256_movemask_epi8(x) << (32 * k);
            m.odd |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_or_si256(v, _mm256_cmpeq_epi8(v, z)))
                     << (32 * k);
            m.space |= (uint64_t)(uint32_t)_mm256_movemask_epi8(
                           _mm256_or_si256(_mm256_cmpeq_epi8(v, vs), _mm256_cmpeq_epi8(v, vt))) << (32 * k);
        }
        out[b] = m;
    }
}
#endif

effekt_scan_fn effekt_scan_get(int which)
{
    switch (which) {
    case EFFEKT_SCAN_SWAR:
        return scan_swar;
#ifdef SCAN_X86
    case EFFEKT_SCAN_SSE2:
        return scan_sse2;
    case EFFEKT_SCAN_AVX2:
        return __builtin_cpu_supports("avx2") ? scan_avx2 : NULL;
#endif
    default:
        return NULL;
    }
}

effekt_scan_fn effekt_scan_best(void)
{
#if defined(SCAN_X86) && !defined(EFFEKT_CSV_SWAR)
    return __builtin_cpu_supports("avx2") ? scan_avx2 : scan_sse2;
#else
    return scan_swar;
#endif
}
