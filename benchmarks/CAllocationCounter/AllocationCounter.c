// Counts the process's heap allocations, for neural-bench's "no allocation per step" figure:
// malloc, calloc and realloc defined here take precedence over the C library's for the whole
// executable (the Swift runtime included) and pass each call on to glibc's own allocator.
#include "AllocationCounter.h"

#include <stddef.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);

static _Atomic uint64_t allocations = 0;

void *malloc(size_t size) {
    allocations++;
    return __libc_malloc(size);
}

void *calloc(size_t count, size_t size) {
    allocations++;
    return __libc_calloc(count, size);
}

void *realloc(void *pointer, size_t size) {
    allocations++;
    return __libc_realloc(pointer, size);
}

uint64_t rl_allocation_count(void) { return allocations; }
