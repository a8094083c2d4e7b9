// The linear floor yardstick: `rl bench --env mountain-car --agent sarsa`'s training run
// (RLCore.train + LinearSarsaAgent over ContinuousFeatures' tile coding, on TimeLimit<MountainCar>
// with MountainCarWorld's defaults) as one plain C loop. Every random draw, every rounding and
// every weight update mirrors the Swift code's, in the same order, so both runs take the same
// steps and learn the same weights bit for bit (CPongFloorTests checks it): only the speed may
// differ.

#include "CPongFloor.h"
#include "FloorRandom.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#pragma STDC FP_CONTRACT OFF

// MountainCar.swift (Gymnasium's MountainCar-v0) and its 200-step cap.
#define MIN_POSITION (-1.2)
#define MAX_POSITION 0.6
#define MAX_SPEED 0.07
#define GOAL_POSITION 0.5
#define GOAL_VELOCITY 0.0
#define FORCE 0.001
#define GRAVITY 0.0025
enum { STEP_CAP = 200, ACTIONS = 3 };

// MountainCarWorld's default features: 16 tilings of 10 tiles over position and velocity.
enum {
    TILINGS = 16,
    TILES = 10,
    EXTENT = TILES + 1,                 // tiles along a coordinate in one tiling
    PER_TILING = EXTENT * EXTENT,       // 121
    FEATURES = TILINGS * PER_TILING,    // 1936
    WEIGHT_COUNT = FEATURES * ACTIONS,  // 5808
};

// MountainCarWorld's default hyperparameters: α 0.5 → 0.01 over 90% of the run, ε 0, γ 1.
#define LEARNING_RATE_START 0.5
#define LEARNING_RATE_END 0.01
#define DECAY_FRACTION 0.9
#define EPSILON 0.0
#define DISCOUNT 1.0

#define PURPOSE_TRAINING 1u
#define PURPOSE_AGENT 2u

// FeatureRanges.position(of:dimension:cells:) for a coordinate that does not wrap.
static inline double position_in_cells(double value, double low, double high) {
    const double width = high - low;
    const double unit = (value - low) / width;
    if (!(unit > 0)) return 0;
    if (unit >= 1) return TILES;
    return unit * TILES;
}

// TileCoding.activeTiles, with its arithmetic: each coordinate is quantised once, q = ⌊x·n⌋ =
// w·n + r, and tiling t's tile along it is ⌊(q + o) / n⌋ = w + (o ≥ n − r) for the tiling's
// offset o = t·(2d+1) mod n < n: a comparison per tile instead of a division. The tile never
// passes the last (w + 1 only when r > 0, so w < TILES), so no clamp either.
static inline void active_tiles(double position, double velocity, int *tiles) {
    const double cells[2] = {position_in_cells(position, MIN_POSITION, MAX_POSITION),
                             position_in_cells(velocity, -MAX_SPEED, MAX_SPEED)};
    int whole[2], threshold[2];
    for (int d = 0; d < 2; d++) {
        // ⌊x · n⌋ of a non-negative x: the conversion truncates, which is the floor here.
        const int quantised = (int)(cells[d] * (double)TILINGS);
        whole[d] = quantised / TILINGS;
        threshold[d] = TILINGS - quantised % TILINGS;
    }
    for (int tiling = 0; tiling < TILINGS; tiling++) {
        int index = 0;
        for (int d = 0; d < 2; d++) {
            const int offset = tiling * (2 * d + 1) % TILINGS;
            index = index * EXTENT + whole[d] + (offset >= threshold[d]);
        }
        tiles[tiling] = tiling * PER_TILING + index;
    }
}

// LinearActionValues.value(of:action:): the sum over the active tiles, in tiling order.
static inline double value(const double *weights, const int *tiles, int action) {
    double sum = 0.0;
    for (int slot = 0; slot < TILINGS; slot++) sum += weights[tiles[slot] * ACTIONS + action] * 1.0;
    return sum;
}

// LinearActionValues.action(over:mode:) while training: ε draws first, then greedy with ties at random.
static inline int choose(xoshiro256 *agent, const double *weights, const int *tiles) {
    if (next_unit_double(agent) < EPSILON) return (int)next_index(agent, ACTIONS);
    double values[ACTIONS];
    for (int action = 0; action < ACTIONS; action++) values[action] = value(weights, tiles, action);
    double best = values[0];
    int best_action = 0, ties = 1;
    for (int action = 1; action < ACTIONS; action++) {
        if (values[action] > best) {
            best = values[action];
            best_action = action;
            ties = 1;
        } else if (values[action] == best) {
            ties++;
        }
    }
    if (ties == 1) return best_action;
    uint64_t pick = next_index(agent, (uint64_t)ties);
    for (int action = best_action; action < ACTIONS; action++) {
        if (values[action] != best) continue;
        if (pick == 0) return action;
        pick--;
    }
    return best_action;
}

size_t rl_floor_mountain_car_weight_count(void) { return WEIGHT_COUNT; }

uint64_t rl_floor_train_mountain_car_sarsa(int episodes, uint64_t seed, double *weights, int64_t *visits) {
    if (episodes <= 0) return 0;
    memset(weights, 0, sizeof(double) * WEIGHT_COUNT);
    memset(visits, 0, sizeof(int64_t) * WEIGHT_COUNT);
    xoshiro256 agent, world;
    xoshiro256_seed(&agent, derived_seed(seed, PURPOSE_AGENT));
    xoshiro256_seed(&world, 0);  // MountainCar(seed: 0), reseeded by the first reset
    int current[TILINGS], next[TILINGS];
    uint64_t steps = 0;
    for (int episode = 0; episode < episodes; episode++) {
        const double step_size = linear_schedule(LEARNING_RATE_START, LEARNING_RATE_END, DECAY_FRACTION, episode, episodes) / TILINGS;
        if (episode == 0) xoshiro256_seed(&world, derived_seed(seed, PURPOSE_TRAINING));
        double position = -0.6 + (-0.4 - -0.6) * next_unit_double(&world), velocity = 0;
        active_tiles(position, velocity, current);
        int action = choose(&agent, weights, current);
        for (int elapsed = 1;; elapsed++) {
            // MountainCar.next(_:accelerating:).
            velocity = velocity + ((double)(action - 1) * FORCE + cos(3 * position) * -GRAVITY);
            velocity = fmin(fmax(velocity, -MAX_SPEED), MAX_SPEED);
            position = position + velocity;
            position = fmin(fmax(position, MIN_POSITION), MAX_POSITION);
            if (position == MIN_POSITION && velocity < 0) velocity = 0;
            const int terminated = position >= GOAL_POSITION && velocity >= GOAL_VELOCITY;
            const int truncated = !terminated && elapsed >= STEP_CAP;
            steps++;
            // LinearSarsaAgent.learn: the target, A′ chosen before the update, then the update.
            double target = -1.0;
            active_tiles(position, velocity, next);
            int next_action = 0;
            if (!terminated) {
                next_action = choose(&agent, weights, next);
                target += DISCOUNT * value(weights, next, next_action);
            }
            const double delta = target - value(weights, current, action);
            const double amount = step_size * delta;
            for (int slot = 0; slot < TILINGS; slot++) {
                const int index = current[slot] * ACTIONS + action;
                weights[index] += amount * 1.0;
                visits[index] += 1;
            }
            if (terminated || truncated) break;
            memcpy(current, next, sizeof current);
            action = next_action;
        }
    }
    return steps;
}
