// Loads libcurl with dlopen at first use, so that notelint links no network library and a
// run that never touches the network never loads one (ARCHITECTURE.md, "How networking is
// linked").
#include "CCurlLoader.h"

#include <dlfcn.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

// CURL_GLOBAL_SSL | CURL_GLOBAL_WIN32 (CURL_GLOBAL_DEFAULT).
#define NL_CURL_GLOBAL_DEFAULT 3L

static int (*p_global_init)(long flags);
static nl_curl *(*p_easy_init)(void);
static int (*p_easy_setopt)(nl_curl *handle, int option, ...);
static int (*p_easy_perform)(nl_curl *handle);
static int (*p_easy_getinfo)(nl_curl *handle, int info, ...);
static void (*p_easy_cleanup)(nl_curl *handle);
static const char *(*p_easy_strerror)(int code);
static nl_curl_slist *(*p_slist_append)(nl_curl_slist *list, const char *text);
static void (*p_slist_free_all)(nl_curl_slist *list);

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const char *failure;
static char message[1024];

const char *nl_curl_library_path(void) {
    const char *path = getenv("NOTELINT_LIBCURL");
#ifdef __APPLE__
    const char *standard = "libcurl.4.dylib";
#else
    const char *standard = "libcurl.so.4";
#endif
    return path != NULL && path[0] != '\0' ? path : standard;
}

static void load(void) {
    const char *path = nl_curl_library_path();
    void *library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *why = dlerror();
        snprintf(message, sizeof message, "%s", why != NULL ? why : path);
        failure = message;
        return;
    }
    struct {
        const char *name;
        void **slot;
    } symbols[] = {
        {"curl_global_init", (void **)&p_global_init},
        {"curl_easy_init", (void **)&p_easy_init},
        {"curl_easy_setopt", (void **)&p_easy_setopt},
        {"curl_easy_perform", (void **)&p_easy_perform},
        {"curl_easy_getinfo", (void **)&p_easy_getinfo},
        {"curl_easy_cleanup", (void **)&p_easy_cleanup},
        {"curl_easy_strerror", (void **)&p_easy_strerror},
        {"curl_slist_append", (void **)&p_slist_append},
        {"curl_slist_free_all", (void **)&p_slist_free_all},
    };
    for (size_t index = 0; index < sizeof symbols / sizeof symbols[0]; index++) {
        void *address = dlsym(library, symbols[index].name);
        if (address == NULL) {
            snprintf(message, sizeof message, "%s: %s not found (not a libcurl?)", path, symbols[index].name);
            failure = message;
            dlclose(library);
            return;
        }
        *symbols[index].slot = address;
    }
    // Not thread-safe in libcurl before 7.84: called once, here, before any handle exists.
    int code = p_global_init(NL_CURL_GLOBAL_DEFAULT);
    if (code != NL_CURLE_OK) {
        snprintf(message, sizeof message, "%s: curl_global_init failed (%s)", path, p_easy_strerror(code));
        failure = message;
    }
}

const char *nl_curl_load(void) {
    pthread_once(&once, load);
    return failure;
}

nl_curl *nl_curl_easy_init(void) { return p_easy_init(); }

int nl_curl_easy_setopt_long(nl_curl *handle, int option, long value) { return p_easy_setopt(handle, option, value); }

int nl_curl_easy_setopt_pointer(nl_curl *handle, int option, const void *value) { return p_easy_setopt(handle, option, value); }

int nl_curl_easy_setopt_callback(nl_curl *handle, int option, nl_curl_data_callback callback) {
    return p_easy_setopt(handle, option, callback);
}

int nl_curl_easy_perform(nl_curl *handle) {
    // With CURLOPT_NOSIGNAL libcurl does not ignore SIGPIPE, and a write to a connection the
    // server closed (through the TLS library, say) must be an error, not the end of notelint.
    // SIGPIPE is blocked on this thread only, and one raised meanwhile is taken before the
    // mask is restored.
    sigset_t pipe_signal, previous, pending;
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_signal, &previous);
    sigpending(&pending);
    int already_pending = sigismember(&pending, SIGPIPE) == 1;
    int code = p_easy_perform(handle);
    sigpending(&pending);
    if (!already_pending && sigismember(&pending, SIGPIPE) == 1) {
        struct timespec now = {0, 0};
        sigtimedwait(&pipe_signal, NULL, &now);
    }
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    return code;
}

int nl_curl_easy_getinfo_long(nl_curl *handle, int info, long *value) { return p_easy_getinfo(handle, info, value); }

void nl_curl_easy_cleanup(nl_curl *handle) { p_easy_cleanup(handle); }

const char *nl_curl_easy_strerror(int code) { return p_easy_strerror(code); }

nl_curl_slist *nl_curl_slist_append(nl_curl_slist *list, const char *text) { return p_slist_append(list, text); }

void nl_curl_slist_free_all(nl_curl_slist *list) { p_slist_free_all(list); }
