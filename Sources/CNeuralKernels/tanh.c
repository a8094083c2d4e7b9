// RLNeural's tanh (Sources/RLNeural/FastTanh.swift documents the algorithm), written once in C
// so the compiler may use the processor's widest vectors: chosen at run time, since a binary
// built here must also run where AVX2 is missing. -ffp-contract=off (Package.swift) keeps the
// compiler from fusing anything itself; the fused multiply-adds written here are exactly
// rounded everywhere (the instruction, or the C library's fmaf where the processor lacks it),
// as Swift's `addingProduct` is: the results are the same bits on every machine.
#include "CNeuralKernels.h"
#include <math.h>
#include <stdint.h>
#include <string.h>

static inline float from_bits(uint32_t bits) { float value; memcpy(&value, &bits, 4); return value; }
static inline uint32_t to_bits(float value) { uint32_t bits; memcpy(&bits, &value, 4); return bits; }

// tanh a = a · P(a²) / Q(a²), a rational fit of degrees 6 and 3 in a² on [0, 9] (relative error
// 7e-9 before rounding), each step a fused multiply-add.
#define TANH_BODY                                                                                   \
    for (long index = 0; index < count; index++) {                                                  \
        float x = values[index];                                                                    \
        uint32_t sign_bit = to_bits(x) & 0x80000000u;                                               \
        float magnitude = from_bits(to_bits(x) & 0x7FFFFFFFu);                                      \
        float a = magnitude > 9.0f ? 9.0f : magnitude;                                              \
        float t = a * a;                                                                            \
        float p = -0x1.7e0dd8p-44f;                                                                 \
        p = fmaf(p, t, 0x1.d00de6p-35f);                                                            \
        p = fmaf(p, t, -0x1.5b6170p-26f);                                                           \
        p = fmaf(p, t, 0x1.763ba8p-17f);                                                            \
        p = fmaf(p, t, 0x1.96d342p-9f);                                                             \
        p = fmaf(p, t, 0x1.0bf54ep-3f);                                                             \
        p = fmaf(p, t, 1.0f);                                                                       \
        float q = 0x1.0af6acp-12f;                                                                  \
        q = fmaf(q, t, 0x1.91521ep-6f);                                                             \
        q = fmaf(q, t, 0x1.db4ff8p-2f);                                                             \
        q = fmaf(q, t, 1.0f);                                                                       \
        float result = (a * p) / q;                                                                 \
        result = result > 1.0f ? 1.0f : result;                                                     \
        values[index] = from_bits(to_bits(result) | sign_bit);                                      \
    }

static void tanh_baseline(float *values, long count) { TANH_BODY }

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
__attribute__((target("avx2,fma"))) static void tanh_avx2(float *values, long count) { TANH_BODY }

void rl_tanh_f32(float *values, long count) {
    static int has_avx2 = -1;
    if (has_avx2 < 0) has_avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? 1 : 0;
    if (has_avx2) tanh_avx2(values, count); else tanh_baseline(values, count);
}
#else
void rl_tanh_f32(float *values, long count) { tanh_baseline(values, count); }
#endif
