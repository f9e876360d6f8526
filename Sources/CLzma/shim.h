#ifndef LOCKGATE_CLZMA_SHIM_H
#define LOCKGATE_CLZMA_SHIM_H

#include <lzma.h>

/* LZMA_CONCATENATED is a UINT32_C macro, which Swift cannot import; this wrapper passes it. */

/// Initialises `stream` to decode .xz data (concatenated streams and padding accepted, integrity checks verified),
/// failing with LZMA_MEMLIMIT_ERROR when the data needs more than `memlimit` bytes of decoder memory.
static inline lzma_ret clzma_stream_decoder(lzma_stream *stream, uint64_t memlimit) {
    return lzma_stream_decoder(stream, memlimit, LZMA_CONCATENATED);
}

#endif
