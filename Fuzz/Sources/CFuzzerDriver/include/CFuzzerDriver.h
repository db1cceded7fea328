#ifndef NOTELINT_FUZZER_DRIVER_H
#define NOTELINT_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs with their own main: parses the command line and
/// runs `callback` on each input. Defined in the fuzzer runtime that -sanitize=fuzzer links.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
