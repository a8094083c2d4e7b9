#ifndef CPONGFLOOR_H
#define CPONGFLOOR_H

// The floor yardstick: the training loop that `rl bench` times (default Pong, markov
// observation, two actions, Hyperparameters.pongDefault), written once in plain C with every
// number a compile-time constant. It draws the same xoshiro256** numbers in the same order as
// RLCore.train with QLearningAgent and PongEnvironment, so it takes the same steps and learns
// the same table bit for bit; CPongFloorTests checks this.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// How many values (and visit counts) the default markov Pong Q-table holds:
/// 12 paddle bins x 16 ball-y bins x 18 ball-x bins x 2 x 2 directions x 2 actions = 27,648.
size_t rl_floor_pong_table_count(void);

/// Trains a fresh table for `episodes` episodes, seeded as `rl bench` seeds its run from
/// `seed` (agent: derivedSeed(seed, purpose: 2); first reset: derivedSeed(seed, purpose: 1)),
/// and returns the environment steps taken. When `checksum` is not NULL it receives the sum of
/// the learned values in table order. Returns 0 when the table cannot be allocated or
/// `episodes` is not positive.
uint64_t rl_floor_train_pong(int episodes, uint64_t seed, double *checksum);

/// Trains like rl_floor_train_pong into caller-owned buffers of rl_floor_pong_table_count()
/// elements each, laid out like QTable.values and QTable.visits (row-major over
/// (paddle, ball y, ball x, moving right, moving up, action)). The buffers are zeroed first.
/// Returns the environment steps taken (0 when `episodes` is not positive).
uint64_t rl_floor_train_pong_table(int episodes, uint64_t seed, double *values, int64_t *visits);

/// How many weights (and update counts) the linear floor's Mountain Car agent holds:
/// 16 tilings x 11 x 11 tiles x 3 actions = 5,808.
size_t rl_floor_mountain_car_weight_count(void);

/// `rl bench --env mountain-car --agent sarsa`'s training run in plain C: semi-gradient Sarsa
/// over MountainCarWorld's default tile coding and hyperparameters on MountainCar-v0 with its
/// 200-step cap, seeded as `rl bench` seeds its run. Writes the weights and update counts into
/// caller-owned buffers of rl_floor_mountain_car_weight_count() elements each, laid out like
/// the linear agent's QTable (feature-major, then action), and returns the environment steps
/// taken (0 when `episodes` is not positive).
uint64_t rl_floor_train_mountain_car_sarsa(int episodes, uint64_t seed, double *weights, int64_t *visits);

#ifdef __cplusplus
}
#endif

#endif
