"""Trains Stable-Baselines3's PPO on rl's CartPole (rl/CartPole-v0) through Gymnasium, then
plays the greedy policy on fresh episodes.

    pip install ./python stable-baselines3        # from rl's repository; SB3 brings torch
    python3 examples/python/sb3_cartpole.py [--steps 100000] [--seed 1]

The settings are rl-zoo3's for CartPole-v1 (8 environments, 32 steps each per update, 20 epochs,
minibatches of 256, GAE λ 0.8, γ 0.98, learning rate 0.001 decaying linearly, clip 0.2), the
ones `rl train --env cart-pole --agent ppo` starts from. SB3 steps the environments in its own
DummyVecEnv of `gym.make` environments: its vector API resets finished environments in the same
step, which Gymnasium's NEXT_STEP vector environments do not.

Measured on the 2-core AMD EPYC machine of docs/PERFORMANCE.md, shared with two Swift builds
(load average 5 to 7 throughout, so about a third of a core): 100,000 steps in 1,186 s (84
steps/s, 20 minutes of wall time, 10.7 min of CPU); the greedy policy then scored 500.0 (the
cap) on all 20 episodes. On an idle machine expect a few minutes: SB3's PyTorch updates, not
the environment, are the cost (rl's own `rl train --env cart-pole --agent ppo` reaches 500 in
about 4 s, docs/DEEP.md).
"""

import argparse
import time

import gymnasium as gym
import numpy as np

import rl_gymnasium  # noqa: F401  (registers rl/CartPole-v0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=100_000, help="environment steps of training")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--episodes", type=int, default=20, help="greedy episodes to score the policy")
    arguments = parser.parse_args()

    from stable_baselines3 import PPO
    from stable_baselines3.common.env_util import make_vec_env

    envs = make_vec_env(lambda: gym.make("rl/CartPole-v0"), n_envs=8, seed=arguments.seed)
    model = PPO(
        "MlpPolicy", envs, n_steps=32, batch_size=256, n_epochs=20, gae_lambda=0.8, gamma=0.98, ent_coef=0.0,
        learning_rate=lambda progress: 0.001 * progress, clip_range=lambda progress: 0.2 * progress,
        seed=arguments.seed, device="cpu", verbose=0,
    )  # fmt: skip
    start = time.perf_counter()
    model.learn(total_timesteps=arguments.steps)
    seconds = time.perf_counter() - start

    env = gym.make("rl/CartPole-v0")
    returns = []
    for episode in range(arguments.episodes):
        observation, _ = env.reset(seed=10_000 + episode)
        total, done = 0.0, False
        while not done:
            action, _ = model.predict(observation, deterministic=True)
            observation, reward, terminated, truncated, _ = env.step(int(action))
            total, done = total + reward, terminated or truncated
        returns.append(total)
    print(
        f"PPO on rl/CartPole-v0: {arguments.steps} steps in {seconds:.1f} s ({arguments.steps / seconds:,.0f} steps/s); "
        f"greedy return over {arguments.episodes} episodes: mean {np.mean(returns):.1f}, min {np.min(returns):.0f}"
    )


if __name__ == "__main__":
    main()
