// RLNeural's tanh (Sources/RLNeural/FastTanh.swift documents the algorithm), written once in C
// so the compiler may use the processor's widest vectors: chosen at run time, since a binary
// built here must also run where AVX2 is missing. -ffp-contract=off (Package.swift) keeps every
// multiply and add separate, as Swift's code does: the results are the same bits either way.
#include "CNeuralKernels.h"
#include <stdint.h>
#include <string.h>

static inline float from_bits(uint32_t bits) { float value; memcpy(&value, &bits, 4); return value; }
static inline uint32_t to_bits(float value) { uint32_t bits; memcpy(&bits, &value, 4); return bits; }

#define TANH_BODY                                                                                   \
    for (long index = 0; index < count; index++) {                                                  \
        float x = values[index];                                                                    \
        uint32_t sign_bit = to_bits(x) & 0x80000000u;                                               \
        float magnitude = from_bits(to_bits(x) & 0x7FFFFFFFu);                                      \
        float a = magnitude > 9.0f ? 9.0f : magnitude;                                              \
        float y = -2.0f * a;                                                                        \
        const float rounding = 12582912.0f;                                                         \
        float shifted = y * 1.44269504f + rounding;                                                 \
        float n = shifted - rounding;                                                               \
        float r = (y - n * 0.693145751953125f) - n * 1.428606765330187e-6f;                         \
        float p = 1.0f / 5040.0f;                                                                   \
        p = p * r + 1.0f / 720.0f;                                                                  \
        p = p * r + 1.0f / 120.0f;                                                                  \
        p = p * r + 1.0f / 24.0f;                                                                   \
        p = p * r + 1.0f / 6.0f;                                                                    \
        p = p * r + 0.5f;                                                                           \
        p = p * r + 1.0f;                                                                           \
        p = p * r + 1.0f;                                                                           \
        float two_to_the_n = from_bits((to_bits(shifted) - 0x4B400000u + 127u) << 23);              \
        float e = p * two_to_the_n;                                                                 \
        float large = (1.0f - e) / (1.0f + e);                                                      \
        float a2 = a * a;                                                                           \
        float q = (float)(-443861162.0 / 1856156927625.0);                                          \
        q = q * a2 + (float)(6404582.0 / 10854718875.0);                                            \
        q = q * a2 - (float)(929569.0 / 638512875.0);                                               \
        q = q * a2 + (float)(21844.0 / 6081075.0);                                                  \
        q = q * a2 - (float)(1382.0 / 155925.0);                                                    \
        q = q * a2 + (float)(62.0 / 2835.0);                                                        \
        q = q * a2 - (float)(17.0 / 315.0);                                                         \
        q = q * a2 + (float)(2.0 / 15.0);                                                           \
        q = q * a2 - (float)(1.0 / 3.0);                                                            \
        float small = a + a * a2 * q;                                                               \
        float result = a < 0.5f ? small : large;                                                    \
        values[index] = from_bits(to_bits(result) | sign_bit);                                      \
    }

static void tanh_baseline(float *values, long count) { TANH_BODY }

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
__attribute__((target("avx2"))) static void tanh_avx2(float *values, long count) { TANH_BODY }

void rl_tanh_f32(float *values, long count) {
    static int has_avx2 = -1;
    if (has_avx2 < 0) has_avx2 = __builtin_cpu_supports("avx2") ? 1 : 0;
    if (has_avx2) tanh_avx2(values, count); else tanh_baseline(values, count);
}
#else
void rl_tanh_f32(float *values, long count) { tanh_baseline(values, count); }
#endif
