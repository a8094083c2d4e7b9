// The floor yardstick: `rl bench`'s training run (RLCore.train + QLearningAgent on the default
// PongEnvironment) as one plain C loop, every rule and hyperparameter a compile-time constant.
// Each random draw mirrors the Swift code's, in the same order, so both runs take the same
// steps and learn the same table: only the speed may differ. Where this file leaves something
// out (episode counters, avoidable misses, the per-episode return), it neither draws a random
// number nor changes a reward or a transition.

#include "CPongFloor.h"

#include <stdlib.h>
#include <string.h>

// Swift rounds a * b + c twice; C may fuse it into one FMA on targets that have one (arm64),
// which would change the learned values. Keep every product and sum rounded on its own.
#pragma STDC FP_CONTRACT OFF

// The reference rules (docs/PONG.md), as PongConfiguration's defaults.
enum {
    COURT_WIDTH = 50,
    COURT_HEIGHT = 40,
    MOVEMENT_STEP = 3,
    PADDLE_HEIGHT = COURT_HEIGHT / 4,
    PADDLE_LINE_X = 3,
    SERVE_TOP_MARGIN = 10,
    LIVES = 3,
    STEP_CAP = 3000,
};
#define BALL_RADIUS 2.5
#define HIT_REWARD 10.0
#define MISS_REWARD (-10.0)
#define STEP_REWARD 0.0
#define WINNING_SCORE 1000.0

// The bins of Bins.swift: each coordinate's reachable range in bins one movement step wide.
enum {
    PADDLE_LOW = -MOVEMENT_STEP,
    PADDLE_HIGH = COURT_HEIGHT - PADDLE_HEIGHT,
    BALL_Y_LOW = -MOVEMENT_STEP,
    BALL_Y_HIGH = COURT_HEIGHT + MOVEMENT_STEP,
    // min(paddle line + 1 − m, W / 2): the lowest x a ball moving left reaches.
    BALL_X_LOW = PADDLE_LINE_X + 1 - MOVEMENT_STEP < COURT_WIDTH / 2 ? PADDLE_LINE_X + 1 - MOVEMENT_STEP : COURT_WIDTH / 2,
    BALL_X_HIGH = COURT_WIDTH + MOVEMENT_STEP,
    PADDLE_BINS = (PADDLE_HIGH - PADDLE_LOW) / MOVEMENT_STEP + 1,  // 12
    BALL_Y_BINS = (BALL_Y_HIGH - BALL_Y_LOW) / MOVEMENT_STEP + 1,  // 16
    BALL_X_BINS = (BALL_X_HIGH - BALL_X_LOW) / MOVEMENT_STEP + 1,  // 18
    DIRECTIONS = 4,  // markov: moving right × moving up
    ACTIONS = 2,     // up = 0, down = 1
    STATE_COUNT = PADDLE_BINS * BALL_Y_BINS * BALL_X_BINS * DIRECTIONS,
    TABLE_COUNT = STATE_COUNT * ACTIONS,
};

// Hyperparameters.pongDefault: α 1 → 0.01 and ε 0.3 → 0 linearly over 90% of the run, γ 0.9.
#define LEARNING_RATE_START 1.0
#define LEARNING_RATE_END 0.01
#define EPSILON_START 0.3
#define EPSILON_END 0.0
#define DECAY_FRACTION 0.9
#define DISCOUNT 0.9

// SeedPurpose.training and SeedPurpose.agent.
#define PURPOSE_TRAINING 1u
#define PURPOSE_AGENT 2u

#include "FloorRandom.h"

// --- The loop ---

// PongObservationSpace.index(of:) of the observation of (paddle, ball, velocity).
static inline int state_index(int paddle, int ball_x, int ball_y, int velocity_x, int velocity_y) {
    return (paddle - PADDLE_LOW) / MOVEMENT_STEP * (BALL_Y_BINS * BALL_X_BINS * DIRECTIONS)
         + (ball_y - BALL_Y_LOW) / MOVEMENT_STEP * (BALL_X_BINS * DIRECTIONS)
         + (ball_x - BALL_X_LOW) / MOVEMENT_STEP * DIRECTIONS
         + (velocity_x > 0) * 2 + (velocity_y > 0);
}

// PongEnvironment.serve(): x first, then y.
static inline void serve(xoshiro256 *court, int *ball_x, int *ball_y) {
    *ball_x = COURT_WIDTH / 2 + (int)next_index(court, COURT_WIDTH - COURT_WIDTH / 2 + 1);
    *ball_y = (int)next_index(court, COURT_HEIGHT - SERVE_TOP_MARGIN + 1);
}

static uint64_t train(int episodes, uint64_t seed, double *restrict values, int64_t *restrict visits) {
    xoshiro256 agent, court;
    xoshiro256_seed(&agent, derived_seed(seed, PURPOSE_AGENT));
    // The trainer reseeds the court only at the first reset; later resets keep it going.
    xoshiro256_seed(&court, derived_seed(seed, PURPOSE_TRAINING));
    uint64_t total_steps = 0;

    for (int episode = 0; episode < episodes; episode++) {
        // QLearningAgent.beginEpisode
        const double epsilon = linear_schedule(EPSILON_START, EPSILON_END, DECAY_FRACTION, episode, episodes);
        const double learning_rate =
            linear_schedule(LEARNING_RATE_START, LEARNING_RATE_END, DECAY_FRACTION, episode, episodes);

        // PongEnvironment.reset
        int paddle = PADDLE_HEIGHT, lives = LIVES, steps = 0;
        int ball_x, ball_y, velocity_x = MOVEMENT_STEP, velocity_y = MOVEMENT_STEP;
        double score = 0;
        serve(&court, &ball_x, &ball_y);
        int state = state_index(paddle, ball_x, ball_y, velocity_x, velocity_y);

        for (;;) {
            // QLearningAgent.action(for:mode: .training): one draw for the ε test, whatever ε
            // is (even 0), then one more for a random action or a tie between the two values.
            const double *row = values + state * ACTIONS;
            int action;
            if (next_unit_double(&agent) < epsilon) {
                action = (int)next_index(&agent, ACTIONS);
            } else if (row[0] != row[1]) {
                action = row[0] > row[1] ? 0 : 1;
            } else {
                action = (int)next_index(&agent, ACTIONS);
            }

            // PongEnvironment.step: the paddle, clamped to [−m, H − P]; then the ball.
            paddle += action == 0 ? MOVEMENT_STEP : -MOVEMENT_STEP;
            paddle = paddle < PADDLE_LOW ? PADDLE_LOW : paddle;
            paddle = paddle > PADDLE_HIGH ? PADDLE_HIGH : paddle;
            ball_x += velocity_x;
            ball_y += velocity_y;

            double reward = STEP_REWARD;
            if (ball_x <= PADDLE_LINE_X || ball_x > COURT_WIDTH) {
                velocity_x = -velocity_x;
                if (ball_x <= PADDLE_LINE_X) {
                    if ((double)(paddle + PADDLE_HEIGHT) >= (double)ball_y - BALL_RADIUS
                        && (double)paddle <= (double)ball_y + BALL_RADIUS) {
                        reward = HIT_REWARD;
                    } else {
                        reward = MISS_REWARD;
                        lives -= 1;
                        if (lives > 0) {
                            serve(&court, &ball_x, &ball_y);
                            velocity_x = MOVEMENT_STEP;
                            velocity_y = MOVEMENT_STEP;
                        }
                    }
                }
                // Only wall events change the score: adding the step reward (+0.0) to it
                // elsewhere would leave it bit for bit the same.
                score += reward;
            }
            if (ball_y < 0 || ball_y > COURT_HEIGHT) velocity_y = -velocity_y;

            steps += 1;
            const int terminated = lives <= 0 || score > WINNING_SCORE;
            const int truncated = !terminated && steps >= STEP_CAP;
            const int next_state = state_index(paddle, ball_x, ball_y, velocity_x, velocity_y);

            // QLearningAgent.learn: a truncated step still bootstraps; a terminated one does not.
            double target = reward;
            if (!terminated) {
                const double *next_row = values + next_state * ACTIONS;
                // Swift.max(x, y) is `y >= x ? y : x`.
                const double best = next_row[1] >= next_row[0] ? next_row[1] : next_row[0];
                target += DISCOUNT * best;
            }
            const int cell = state * ACTIONS + action;
            values[cell] += learning_rate * (target - values[cell]);
            visits[cell] += 1;

            state = next_state;
            if (terminated || truncated) break;
        }
        total_steps += (uint64_t)steps;
    }
    return total_steps;
}

size_t rl_floor_pong_table_count(void) { return TABLE_COUNT; }

uint64_t rl_floor_train_pong_table(int episodes, uint64_t seed, double *values, int64_t *visits) {
    if (episodes <= 0) return 0;
    memset(values, 0, TABLE_COUNT * sizeof *values);
    memset(visits, 0, TABLE_COUNT * sizeof *visits);
    return train(episodes, seed, values, visits);
}

uint64_t rl_floor_train_pong(int episodes, uint64_t seed, double *checksum) {
    if (checksum != NULL) *checksum = 0;
    if (episodes <= 0) return 0;
    double *values = calloc(TABLE_COUNT, sizeof *values);
    int64_t *visits = calloc(TABLE_COUNT, sizeof *visits);
    uint64_t steps = 0;
    if (values != NULL && visits != NULL) {
        steps = train(episodes, seed, values, visits);
        if (checksum != NULL) {
            double sum = 0;
            for (int i = 0; i < TABLE_COUNT; i++) sum += values[i];
            *checksum = sum;
        }
    }
    free(values);
    free(visits);
    return steps;
}
