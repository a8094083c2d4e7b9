"""Environment steps per second through Python, random actions drawn beforehand, one thread:
rl's vector environment (rl_gymnasium, one call into Swift per batch step) at 1 and 64
environments, Gymnasium's own world stepped in a Python loop (``gym.make``, as users run it), and
EnvPool at 1 and 64 when it is installed (not a dependency of rl). Resets are included: rl's and
EnvPool's vector environments reset finished copies themselves, Gymnasium's loop calls reset().
Best of 3. docs/PERFORMANCE.md has the table.

    pip install ./python        # from rl's repository (or RL_GYMNASIUM_LIBRARY=.../libRLGymnasium.so)
    python3 benchmarks/python_envs.py [--seconds 1.0]
"""

import argparse
import time

import gymnasium as gym
import numpy as np

import rl_gymnasium

try:
    import envpool
except ImportError:  # not a dependency
    envpool = None

# rl's Gymnasium id, Gymnasium's own id, EnvPool's id (None: EnvPool has no such world).
WORLDS = [
    ("rl/Taxi-v0", "Taxi-v4", "Taxi-v3"),
    ("rl/FrozenLake-v0", "FrozenLake-v1", "FrozenLake-v1"),
    ("rl/CliffWalking-v0", "CliffWalking-v1", "CliffWalking-v0"),
    ("rl/Blackjack-v0", "Blackjack-v1", "Blackjack-v1"),
    ("rl/CartPole-v0", "CartPole-v1", "CartPole-v1"),
]
ACTION_ROWS = 1024


def best_rate(run, seconds, repeats=3):
    rates = []
    for _ in range(repeats):
        steps, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            steps += run()
        rates.append(steps / (time.perf_counter() - start))
    return max(rates)


def rl_vector(identifier, count, seconds):
    envs = gym.make_vec(identifier, num_envs=count, vectorization_mode="vector_entry_point")
    envs.reset(seed=1)
    actions = np.random.default_rng(1).integers(0, envs.single_action_space.n, size=(ACTION_ROWS, count), dtype=np.int64)
    position = [0]

    def run():
        for _ in range(256):
            envs.step(actions[position[0] % ACTION_ROWS])
            position[0] += 1
        return 256 * count

    return best_rate(run, seconds)


def gymnasium_loop(identifier, seconds):
    env = gym.make(identifier)
    env.reset(seed=1)
    actions = np.random.default_rng(1).integers(0, env.action_space.n, size=ACTION_ROWS).tolist()
    position = [0]

    def run():
        for _ in range(1024):
            _, _, terminated, truncated, _ = env.step(actions[position[0] % ACTION_ROWS])
            position[0] += 1
            if terminated or truncated:
                env.reset()
        return 1024

    return best_rate(run, seconds)


def envpool_vector(identifier, count, seconds):
    envs = envpool.make(identifier, env_type="gymnasium", num_envs=count, batch_size=count, num_threads=1, seed=1)
    envs.reset()
    actions = np.random.default_rng(1).integers(0, envs.action_space.n, size=(ACTION_ROWS, count)).astype(np.int32)
    position = [0]

    def run():
        for _ in range(256):
            envs.step(actions[position[0] % ACTION_ROWS])
            position[0] += 1
        return 256 * count

    return best_rate(run, seconds)


def millions(rate):
    return f"{rate / 1e6:.2f} M" if rate >= 1e6 else f"{rate / 1e3:.0f} k"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.0, help="time per measurement (best of 3)")
    arguments = parser.parse_args()
    columns = ["rl, 1 env", "rl, 64 envs", "Gymnasium's own, loop", "EnvPool, 1 env", "EnvPool, 64 envs", "rl 64 / Gymnasium"]
    print("| world | " + " | ".join(columns) + " |")
    print("| --- " * (len(columns) + 1) + "|")
    for ours, theirs, pool in WORLDS:
        one = rl_vector(ours, 1, arguments.seconds)
        many = rl_vector(ours, 64, arguments.seconds)
        loop = gymnasium_loop(theirs, arguments.seconds)
        if envpool is not None and pool is not None:
            try:
                pool_one = millions(envpool_vector(pool, 1, arguments.seconds))
                pool_many = millions(envpool_vector(pool, 64, arguments.seconds))
            except Exception as error:  # a world this EnvPool lacks
                pool_one = pool_many = f"n/a ({type(error).__name__})"
        else:
            pool_one = pool_many = "not installed"
        cells = [millions(one), millions(many), millions(loop), pool_one, pool_many, f"{many / loop:.0f}×"]
        print(f"| {ours} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
