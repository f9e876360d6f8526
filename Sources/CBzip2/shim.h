#ifndef LOCKGATE_CBZIP2_SHIM_H
#define LOCKGATE_CBZIP2_SHIM_H

/* libbz2 ships no pkg-config file; the header is bzlib.h (Debian/Ubuntu: libbz2-dev). */
#include <bzlib.h>

#endif
