// libcurl's easy interface, loaded with dlopen at first use (CCurlLoader.c). These are
// notelint's own declarations of the few types, constants and functions it uses, with the
// values of curl/curl.h (stable since libcurl 7.x), so building needs no libcurl headers and
// the binary does not link libcurl.
#ifndef NOTELINT_CCURLLOADER_H
#define NOTELINT_CCURLLOADER_H

#include <stddef.h>

/// An easy handle (`CURL *`).
typedef struct nl_curl nl_curl;
/// A header list (`struct curl_slist *`).
typedef struct nl_curl_slist nl_curl_slist;
/// CURLOPT_WRITEFUNCTION's and CURLOPT_HEADERFUNCTION's signature.
typedef size_t (*nl_curl_data_callback)(char *data, size_t size, size_t count, void *context);

// Options (CURLoption): the type's base (0 long, 10000 pointer, 20000 function) plus the number.
#define NL_CURLOPT_WRITEDATA 10001
#define NL_CURLOPT_URL 10002
#define NL_CURLOPT_ERRORBUFFER 10010
#define NL_CURLOPT_WRITEFUNCTION 20011
#define NL_CURLOPT_USERAGENT 10018
#define NL_CURLOPT_HTTPHEADER 10023
#define NL_CURLOPT_HEADERDATA 10029
#define NL_CURLOPT_FOLLOWLOCATION 52
#define NL_CURLOPT_MAXREDIRS 68
#define NL_CURLOPT_HEADERFUNCTION 20079
#define NL_CURLOPT_CAINFO 10065
#define NL_CURLOPT_NOSIGNAL 99
#define NL_CURLOPT_ACCEPT_ENCODING 10102
#define NL_CURLOPT_TIMEOUT_MS 155
#define NL_CURLOPT_CONNECTTIMEOUT_MS 156
#define NL_CURLOPT_PROTOCOLS 181
#define NL_CURLOPT_REDIR_PROTOCOLS 182

// CURLPROTO_* bits for NL_CURLOPT_PROTOCOLS.
#define NL_CURLPROTO_HTTP 1
#define NL_CURLPROTO_HTTPS 2

// CURLINFO_LONG (0x200000) + 2.
#define NL_CURLINFO_RESPONSE_CODE 0x200002

// Result codes (CURLcode) notelint tells apart.
#define NL_CURLE_OK 0
#define NL_CURLE_WRITE_ERROR 23
#define NL_CURLE_OPERATION_TIMEDOUT 28
#define NL_CURLE_ABORTED_BY_CALLBACK 42
#define NL_CURLE_FILESIZE_EXCEEDED 63

/// CURL_ERROR_SIZE: the size of the buffer given to NL_CURLOPT_ERRORBUFFER.
#define NL_CURL_ERROR_SIZE 256

/// Loads libcurl once per process (thread-safe): `dlopen`s `$NOTELINT_LIBCURL` when set and not
/// empty, else `libcurl.so.4`, resolves the functions below and calls `curl_global_init`.
/// Returns NULL when libcurl is ready, or why it is not (the library's path and the loader's
/// message), in storage that lives as long as the process. Every later call returns the same.
const char *nl_curl_load(void);

/// The path that nl_curl_load tried (or will try).
const char *nl_curl_library_path(void);

// The functions of libcurl, callable after nl_curl_load returned NULL. The variadic
// curl_easy_setopt and curl_easy_getinfo get one wrapper per argument type.
nl_curl *nl_curl_easy_init(void);
int nl_curl_easy_setopt_long(nl_curl *handle, int option, long value);
int nl_curl_easy_setopt_pointer(nl_curl *handle, int option, const void *value);
int nl_curl_easy_setopt_callback(nl_curl *handle, int option, nl_curl_data_callback callback);
int nl_curl_easy_perform(nl_curl *handle);
int nl_curl_easy_getinfo_long(nl_curl *handle, int info, long *value);
void nl_curl_easy_cleanup(nl_curl *handle);
const char *nl_curl_easy_strerror(int code);
nl_curl_slist *nl_curl_slist_append(nl_curl_slist *list, const char *text);
void nl_curl_slist_free_all(nl_curl_slist *list);

#endif
