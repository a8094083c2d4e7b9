// RLNeural's elementwise loops on Float32 (Sources/RLNeural/NeuralScalar.swift), written in C so
// the compiler may use the processor's widest vectors, chosen at run time as for tanh. Each
// value goes through the same operations in the same order as the Swift loops they replace
// (-ffp-contract=off: no fused multiply-adds), and a column's sum adds its rows in order, so
// the vector width changes no bit.
#include "CNeuralKernels.h"
#include <math.h>

#define TANH_BACKWARD_BODY                                                                          \
    for (long index = 0; index < count; index++) {                                                  \
        float y = output[index];                                                                    \
        result[index] = gradient[index] * (1.0f - y * y);                                           \
    }

#define COLUMN_SUMS_BODY                                                                            \
    for (long column = 0; column < columns; column++) sums[column] = 0;                             \
    for (long row = 0; row < rows; row++) {                                                         \
        const float *values = matrix + row * columns;                                               \
        for (long column = 0; column < columns; column++) sums[column] += values[column];           \
    }

#define ADAM_UPDATE(FIRST)                                                                          \
    {                                                                                               \
        float first = (FIRST);                                                                      \
        float g = gradient[index];                                                                  \
        first_moment[index] = first;                                                                \
        float v = second_moment[index] * second_decay + second_weight * g * g;                      \
        second_moment[index] = v;                                                                   \
        float denominator = sqrtf(fabsf(v)) / bias_correction2_root + epsilon;                     \
        parameter[index] = parameter[index] + (-step_size) * first / denominator;                   \
    }

#define ADAM_BODY                                                                                   \
    if (first_weight < 0.5f) {                                                                      \
        for (long index = 0; index < count; index++)                                                \
            ADAM_UPDATE(first_moment[index] + first_weight * (gradient[index] - first_moment[index])) \
    } else {                                                                                        \
        float complement = 1.0f - first_weight;                                                     \
        for (long index = 0; index < count; index++)                                                \
            ADAM_UPDATE(gradient[index] - (gradient[index] - first_moment[index]) * complement)     \
    }

#define TANH_BACKWARD_SIGNATURE(NAME)                                                               \
    void NAME(const float *restrict output, const float *restrict gradient, float *restrict result, long count)
#define COLUMN_SUMS_SIGNATURE(NAME)                                                                 \
    void NAME(const float *restrict matrix, long rows, long columns, float *restrict sums)
#define ADAM_SIGNATURE(NAME)                                                                        \
    void NAME(float *restrict parameter, const float *restrict gradient, float *restrict first_moment,   \
              float *restrict second_moment, long count, float first_weight, float second_decay,    \
              float second_weight, float step_size, float bias_correction2_root, float epsilon)

static TANH_BACKWARD_SIGNATURE(tanh_backward_baseline) { TANH_BACKWARD_BODY }
static COLUMN_SUMS_SIGNATURE(column_sums_baseline) { COLUMN_SUMS_BODY }
static ADAM_SIGNATURE(adam_baseline) { ADAM_BODY }

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
__attribute__((target("avx2"))) static TANH_BACKWARD_SIGNATURE(tanh_backward_avx2) { TANH_BACKWARD_BODY }
__attribute__((target("avx2"))) static COLUMN_SUMS_SIGNATURE(column_sums_avx2) { COLUMN_SUMS_BODY }
__attribute__((target("avx2"))) static ADAM_SIGNATURE(adam_avx2) { ADAM_BODY }

static int has_avx2(void) {
    static int known = -1;
    if (known < 0) known = __builtin_cpu_supports("avx2") ? 1 : 0;
    return known;
}

TANH_BACKWARD_SIGNATURE(rl_tanh_backward_f32) {
    if (has_avx2()) tanh_backward_avx2(output, gradient, result, count);
    else tanh_backward_baseline(output, gradient, result, count);
}
COLUMN_SUMS_SIGNATURE(rl_column_sums_f32) {
    if (has_avx2()) column_sums_avx2(matrix, rows, columns, sums);
    else column_sums_baseline(matrix, rows, columns, sums);
}
ADAM_SIGNATURE(rl_adam_f32) {
    if (has_avx2())
        adam_avx2(parameter, gradient, first_moment, second_moment, count, first_weight, second_decay, second_weight,
                  step_size, bias_correction2_root, epsilon);
    else
        adam_baseline(parameter, gradient, first_moment, second_moment, count, first_weight, second_decay, second_weight,
                      step_size, bias_correction2_root, epsilon);
}
#else
TANH_BACKWARD_SIGNATURE(rl_tanh_backward_f32) { tanh_backward_baseline(output, gradient, result, count); }
COLUMN_SUMS_SIGNATURE(rl_column_sums_f32) { column_sums_baseline(matrix, rows, columns, sums); }
ADAM_SIGNATURE(rl_adam_f32) {
    adam_baseline(parameter, gradient, first_moment, second_moment, count, first_weight, second_decay, second_weight,
                  step_size, bias_correction2_root, epsilon);
}
#endif
