/* effekt/sha256.h — SHA-256 (FIPS 180-4) of inputs, for provenance. */
#ifndef EFFEKT_SHA256_H
#define EFFEKT_SHA256_H

#include "effekt/export.h"

#include <stddef.h>
#include <stdint.h>

#include "effekt/status.h"

typedef struct {
    uint32_t h[8];
    uint64_t length;
    unsigned char block[64];
    size_t used;
} effekt_sha256;

EFFEKT_API void effekt_sha256_init(effekt_sha256 *ctx);
EFFEKT_API void effekt_sha256_update(effekt_sha256 *ctx, const void *data, size_t len);
/* Write the digest as 64 lower-case hex digits and a NUL. */
EFFEKT_API void effekt_sha256_hex(effekt_sha256 *ctx, char hex[65]);
/* The digest of a file's bytes; EFFEKT_EIO when it cannot be read. */
EFFEKT_API effekt_status effekt_sha256_file(const char *path, char hex[65]);

#endif
