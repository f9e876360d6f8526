#ifndef LOCKGATE_CZLIB_SHIM_H
#define LOCKGATE_CZLIB_SHIM_H

#include <zlib.h>

/* inflateInit2 and deflateInit2 are macros, which Swift cannot import; these wrappers call them. */

/// Initialises `stream` for inflation with the given window bits (-15 raw deflate, 15 + 32 gzip or zlib).
static inline int czlib_inflate_init2(z_streamp stream, int window_bits) {
    return inflateInit2(stream, window_bits);
}

/// Initialises `stream` for deflation (used by tests and benchmarks to build archives).
static inline int czlib_deflate_init2(z_streamp stream, int level, int window_bits) {
    return deflateInit2(stream, level, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
}

#endif
