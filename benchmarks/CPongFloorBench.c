// Times the C floor (Sources/CPongFloor) on rl bench's training run: 6000 episodes, seed 1,
// best of 3. Link it against the object a release build made, so the figure is the one
// the package's own -O3 flags give:
//   swift build -c release -j 1
//   clang -O2 -Iinclude-dir benchmarks/CPongFloorBench.c .build/release/CPongFloor.build/CPongFloor.c.o -o /tmp/cfloor-bench
// (include-dir: Sources/CPongFloor/include) and run /tmp/cfloor-bench.
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <time.h>

#include "CPongFloor.h"

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(void) {
    const int episodes = 6000, repeats = 3;
    double best = 1e300, checksum = 0;
    unsigned long long steps = 0;
    for (int repeat = 0; repeat < repeats; repeat++) {
        double start = now();
        steps = rl_floor_train_pong(episodes, 1, &checksum);
        double seconds = now() - start;
        if (seconds < best) best = seconds;
    }
    printf("C floor: %d episodes, %llu steps, best of %d %.4f s, %.2f million steps/s (checksum %.17g)\n",
           episodes, steps, repeats, best, (double)steps / best / 1e6, checksum);
    return 0;
}
