#ifndef LOCKGATE_CCURL_SHIM_H
#define LOCKGATE_CCURL_SHIM_H

// Typed wrappers around libcurl's C-variadic curl_easy_setopt / curl_easy_getinfo / curl_multi_setopt,
// which Swift cannot call directly. One wrapper per argument type; nothing else lives here.
#include <curl/curl.h>

typedef size_t (*lockgate_curl_data_callback)(char *buffer, size_t size, size_t count, void *userdata);

static inline CURLcode lockgate_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode lockgate_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode lockgate_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode lockgate_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode lockgate_easy_setopt_callback(CURL *handle, CURLoption option, lockgate_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode lockgate_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode lockgate_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode lockgate_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode lockgate_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}

#endif
