#ifndef RL_NEURAL_KERNELS_H
#define RL_NEURAL_KERNELS_H

/// tanh of `count` floats in place: RLNeural's fastHyperbolicTangent, the same operations in
/// the same order (fused multiply-adds written out, none contracted), so every machine gets the same
/// bits; eight lanes at a time where the processor has AVX2, four otherwise.
void rl_tanh_f32(float *values, long count);

/// `gradient · (1 − output²)` for `count` values: tanh's backward pass, as Activation.backward.
void rl_tanh_backward_f32(const float *output, const float *gradient, float *result, long count);

/// The column sums of a row-major `rows × columns` matrix (each column's rows added in order).
void rl_column_sums_f32(const float *matrix, long rows, long columns, float *sums);

/// Adam's update of one tensor, as RLNeural's `adamUpdate` (PyTorch's lerp for the first moment).
void rl_adam_f32(float *parameter, const float *gradient, float *first_moment, float *second_moment, long count,
                 float first_weight, float second_decay, float second_weight, float step_size,
                 float bias_correction2_root, float epsilon);

#endif
