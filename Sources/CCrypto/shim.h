#ifndef LOCKGATE_CCRYPTO_SHIM_H
#define LOCKGATE_CCRYPTO_SHIM_H

// OpenSSL's libcrypto message digests (SHA-1/2 family), which libcurl already loads. Only EVP digests are used.
#include <openssl/evp.h>

#endif
