#ifndef SUIVI_CFUZZDRIVER_H
#define SUIVI_CFUZZDRIVER_H
#include <stddef.h>
#include <stdint.h>

/* libFuzzer's driver (compiler-rt, linked by -sanitize=fuzzer). SwiftPM names an executable's entry point
   <Module>_main and aliases `main` to it, so libFuzzer's own `main` is not used: each fuzzer's @main calls this. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
