#ifndef RL_NEURAL_KERNELS_H
#define RL_NEURAL_KERNELS_H

/// tanh of `count` floats in place: RLNeural's fastHyperbolicTangent, the same operations in
/// the same order (fused multiply-adds written out, none contracted), so every machine gets the same
/// bits; eight lanes at a time where the processor has AVX2, four otherwise.
void rl_tanh_f32(float *values, long count);

#endif
