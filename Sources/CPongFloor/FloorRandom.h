// What both floors share with RLCore: xoshiro256** seeded through SplitMix64, nextIndex(below:),
// nextUnitDouble(), derivedSeed(_:purpose:) and a linear Schedule, each exactly as the Swift code
// computes it, so a floor draws the same numbers in the same order as the generic trainer.
#ifndef FLOOR_RANDOM_H
#define FLOOR_RANDOM_H

#include <stdint.h>

// --- RLCore/Random.swift ---

static inline uint64_t splitmix64_next(uint64_t *state) {
    *state += 0x9E3779B97F4A7C15u;
    uint64_t z = *state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

typedef struct {
    uint64_t s0, s1, s2, s3;
} xoshiro256;

static inline void xoshiro256_seed(xoshiro256 *g, uint64_t seed) {
    uint64_t mixer = seed;
    g->s0 = splitmix64_next(&mixer);
    g->s1 = splitmix64_next(&mixer);
    g->s2 = splitmix64_next(&mixer);
    g->s3 = splitmix64_next(&mixer);
}

static inline uint64_t rotate_left(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t xoshiro256_next(xoshiro256 *g) {
    uint64_t result = rotate_left(g->s1 * 5, 7) * 9;
    uint64_t t = g->s1 << 17;
    g->s2 ^= g->s0;
    g->s3 ^= g->s1;
    g->s1 ^= g->s2;
    g->s0 ^= g->s3;
    g->s2 ^= t;
    g->s3 = rotate_left(g->s3, 45);
    return result;
}

// nextIndex(below:): Lemire's multiply-and-reject, redrawing only in the rare biased case.
static inline uint64_t next_index(xoshiro256 *g, uint64_t bound) {
    unsigned __int128 product = (unsigned __int128)xoshiro256_next(g) * bound;
    if ((uint64_t)product < bound) {
        uint64_t threshold = (0 - bound) % bound;
        while ((uint64_t)product < threshold) product = (unsigned __int128)xoshiro256_next(g) * bound;
    }
    return (uint64_t)(product >> 64);
}

// nextUnitDouble(): the top 53 bits, scaled into [0, 1).
static inline double next_unit_double(xoshiro256 *g) { return (double)(xoshiro256_next(g) >> 11) * 0x1.0p-53; }

static inline uint64_t derived_seed(uint64_t seed, uint64_t purpose) {
    uint64_t mixer = seed ^ (purpose * 0xD1B54A32D192ED03u);
    return splitmix64_next(&mixer);
}

// --- RLCore/Schedule.swift: Schedule.value(atEpisode:of:) for a linear schedule ---

static inline double linear_schedule(double start, double end, double decay_fraction, int episode, int episodes) {
    if (!(decay_fraction > 0) || start == end) return end;
    double progress = (double)episode / ((double)episodes * decay_fraction);
    return progress >= 1 ? end : start + (end - start) * progress;
}

#endif
