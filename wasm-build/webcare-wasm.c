/* webcare-wasm.c — WASM-only glue. The core has no #ifdefs for WebAssembly;
 * this file only re-exports what the JS binding needs under its own prefix
 * (webcare__wasm_*: not part of the public C API). */
#include <stdlib.h>

#include "webcare.h"

#define WASM_EXPORT __attribute__((used, visibility("default")))

WASM_EXPORT void *webcare__wasm_alloc(size_t n) { return malloc(n ? n : 1); }
WASM_EXPORT void webcare__wasm_dealloc(void *p) { free(p); }
