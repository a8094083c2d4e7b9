#ifndef RL_COPENBLAS_SHIM_H
#define RL_COPENBLAS_SHIM_H

// pkg-config's `openblas` puts Debian's OpenBLAS folder (openblas-pthread) on the include path:
// its cblas.h declares the CBLAS interface and openblas_set_num_threads.
#include <cblas.h>

#endif
