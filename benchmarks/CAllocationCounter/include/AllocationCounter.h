#ifndef RL_ALLOCATION_COUNTER_H
#define RL_ALLOCATION_COUNTER_H

#include <stdint.h>

/// Heap allocations (malloc, calloc, realloc) made by any code in the process since it started.
uint64_t rl_allocation_count(void);

#endif
