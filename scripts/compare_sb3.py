"""Stable-Baselines3 and rl side by side on CartPole (scripts/compare-sb3 is the entry point).

For each seed and algorithm: Stable-Baselines3 trains on Gymnasium's CartPole-v1 with rl-zoo3's
hyperparameters and its greedy policy plays fresh episodes; rl trains on its cart-pole world with
its defaults (`rl train --json`) and `rl eval --json` plays its greedy policy. Only training is
timed on both sides. Stable-Baselines3, Gymnasium and PyTorch are imported only once the flags
are checked, so `--check-only` and `--help` run with any python3.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

EXIT_USAGE = 64
ALGORITHMS = ("ppo", "dqn")
GYM_ENV = "CartPole-v1"
RL_ENV = "cart-pole"

# rl-zoo3's hyperparams/ppo.yml and dqn.yml, CartPole-v1 entries (DLR-RM/rl-baselines3-zoo at
# 22e3ff2450fd92033f7f032915e1f64894a09584). "lin_X" is rl-zoo3's linear schedule: X times the
# progress remaining (1 at the start, 0 at the end). policy 'MlpPolicy' in both.
ZOO = {
    "ppo": {
        "n_envs": 8,
        "n_timesteps": 100_000,
        "hyperparameters": {
            "n_steps": 32,
            "batch_size": 256,
            "gae_lambda": 0.8,
            "gamma": 0.98,
            "n_epochs": 20,
            "ent_coef": 0.0,
            "learning_rate": "lin_0.001",
            "clip_range": "lin_0.2",
        },
    },
    "dqn": {
        "n_envs": 1,
        "n_timesteps": 50_000,
        "hyperparameters": {
            "learning_rate": 2.3e-3,
            "batch_size": 64,
            "buffer_size": 100_000,
            "learning_starts": 1000,
            "gamma": 0.99,
            "target_update_interval": 10,
            "train_freq": 256,
            "gradient_steps": 128,
            "exploration_fraction": 0.16,
            "exploration_final_eps": 0.04,
            "policy_kwargs": {"net_arch": [256, 256]},
        },
    },
}

# The greedy episodes of a Stable-Baselines3 policy trained with seed S are reset with seeds
# EVAL_SEED_BASE * S + 0, 1, ...: never the training environments' seeds (S ... S + 7).
EVAL_SEED_BASE = 1_000_000


class UsageError(Exception):
    """A bad flag: scripts/compare-sb3 prints one line and exits with status 64."""


class Parser(argparse.ArgumentParser):
    """argparse whose errors are one line and exit status 64 (EX_USAGE)."""

    def error(self, message):
        raise UsageError(message)


def comma_list(text, convert, what):
    """The comma-separated items of `text`, each converted; UsageError when one does not convert."""
    items = [item.strip() for item in text.split(",")]
    if not items or any(not item for item in items):
        raise UsageError(f"{what}: give a comma-separated list, not '{text}'")
    try:
        return [convert(item) for item in items]
    except ValueError:
        raise UsageError(f"{what}: '{text}' is not a comma-separated list of integers") from None


def algorithm_name(text):
    """A known algorithm (lower case)."""
    name = text.lower()
    if name not in ALGORITHMS:
        raise ValueError(name)
    return name


def parse_arguments(argv):
    """The checked flags; raises UsageError on bad input."""
    parser = Parser(
        prog="scripts/compare-sb3",
        description="Stable-Baselines3 (rl-zoo3's CartPole-v1 settings) and rl (cart-pole defaults) side by side.",
    )
    parser.add_argument("--seeds", default="1,2,3", help="comma-separated integer seeds (default 1,2,3)")
    parser.add_argument("--algorithms", default="ppo,dqn", help="comma-separated, from ppo and dqn (default ppo,dqn)")
    parser.add_argument("--threads", default="1", help="torch.set_num_threads for Stable-Baselines3 (default 1)")
    parser.add_argument("--steps-scale", default="1", help="multiplies both step budgets (default 1)")
    parser.add_argument("--episodes", default="100", help="greedy evaluation episodes (default 100)")
    parser.add_argument("--rl", default=".build/release/rl", help="the rl binary (default .build/release/rl)")
    parser.add_argument("--json", metavar="FILE", help="also write every row as JSON to FILE")
    parser.add_argument("--check-only", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)

    arguments.seeds = comma_list(arguments.seeds, int, "--seeds")
    if any(seed < 0 for seed in arguments.seeds):
        raise UsageError(f"--seeds: seeds are non-negative integers, not {arguments.seeds}")
    try:
        arguments.algorithms = comma_list(arguments.algorithms, algorithm_name, "--algorithms")
    except UsageError:
        raise UsageError(f"--algorithms: '{arguments.algorithms}' is not a list of {', '.join(ALGORITHMS)}") from None
    arguments.threads = positive(arguments.threads, int, "--threads")
    arguments.episodes = positive(arguments.episodes, int, "--episodes")
    arguments.steps_scale = positive(arguments.steps_scale, float, "--steps-scale")
    return arguments


def positive(text, convert, flag):
    """`text` as a number above 0 (finite), else UsageError."""
    try:
        value = convert(text)
    except ValueError:
        raise UsageError(f"{flag}: '{text}' is not a number") from None
    if not value > 0 or value == float("inf"):
        raise UsageError(f"{flag}: must be above 0, not {text}")
    return value


def budget(algorithm, scale):
    """rl-zoo3's environment steps for the algorithm, times `scale`, at least 1."""
    return max(1, round(ZOO[algorithm]["n_timesteps"] * scale))


def machine():
    """nproc, the CPU model (from /proc/cpuinfo) and the system."""
    try:
        cores = int(subprocess.run(["nproc"], capture_output=True, text=True, check=True).stdout)
    except (OSError, subprocess.CalledProcessError, ValueError):
        cores = os.cpu_count()
    model = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"nproc": cores, "cpu": model, "system": f"{platform.system()} {platform.machine()}"}


def versions():
    """The versions of Python and of the libraries the Stable-Baselines3 side uses."""
    import gymnasium
    import stable_baselines3
    import torch

    return {
        "python": platform.python_version(),
        "torch": torch.__version__,
        "stable_baselines3": stable_baselines3.__version__,
        "gymnasium": gymnasium.__version__,
    }


def linear_schedule(initial):
    """rl-zoo3's lin_X: X times the progress remaining."""

    def schedule(progress_remaining):
        return progress_remaining * initial

    return schedule


def sb3_hyperparameters(algorithm):
    """rl-zoo3's settings as keyword arguments of the Stable-Baselines3 class."""
    settings = {}
    for name, value in ZOO[algorithm]["hyperparameters"].items():
        if isinstance(value, str) and value.startswith("lin_"):
            value = linear_schedule(float(value[len("lin_"):]))
        settings[name] = value
    return settings


def sb3_greedy_mean(model, episodes, seed):
    """The mean return of the model's deterministic policy over fresh, per-episode-seeded CartPole-v1 episodes."""
    import gymnasium

    env = gymnasium.make(GYM_ENV)
    returns = []
    for episode in range(episodes):
        observation, _ = env.reset(seed=EVAL_SEED_BASE * seed + episode)
        total, done = 0.0, False
        while not done:
            action, _ = model.predict(observation, deterministic=True)
            observation, reward, terminated, truncated, _ = env.step(int(action))
            total += float(reward)
            done = terminated or truncated
        returns.append(total)
    env.close()
    return statistics.fmean(returns)


def run_sb3(algorithm, seed, scale, episodes):
    """Trains with Stable-Baselines3 (only model.learn timed) and evaluates its greedy policy."""
    from stable_baselines3 import DQN, PPO
    from stable_baselines3.common.env_util import make_vec_env
    from stable_baselines3.common.vec_env import DummyVecEnv

    steps = budget(algorithm, scale)
    env = make_vec_env(GYM_ENV, n_envs=ZOO[algorithm]["n_envs"], seed=seed, vec_env_cls=DummyVecEnv)
    model_class = {"ppo": PPO, "dqn": DQN}[algorithm]
    model = model_class("MlpPolicy", env, seed=seed, device="cpu", verbose=0, **sb3_hyperparameters(algorithm))
    start = time.perf_counter()
    model.learn(total_timesteps=steps)
    seconds = time.perf_counter() - start
    env.close()
    return {
        "status": "ok",
        "seconds": seconds,
        "steps": int(model.num_timesteps),
        "greedy_mean": sb3_greedy_mean(model, episodes, seed),
    }


def rl_json(command):
    """Runs an rl command; its --json object, or (None, the reason it failed)."""
    process = subprocess.run(command, capture_output=True, text=True, check=False)
    if process.returncode != 0:
        lines = [line for line in process.stderr.strip().splitlines() if line.strip()]
        return None, (lines[-1] if lines else f"exit status {process.returncode}")
    try:
        return json.loads(process.stdout.strip().splitlines()[-1]), None
    except (ValueError, IndexError):
        return None, "no JSON on stdout"


def run_rl(rl, algorithm, seed, scale, episodes):
    """Trains with rl (its own `seconds`) and evaluates the policy with `rl eval`."""
    steps = budget(algorithm, scale)
    with tempfile.TemporaryDirectory(prefix="compare-sb3-") as folder:
        policy = os.path.join(folder, f"{algorithm}-{seed}.safetensors")
        train = [rl, "train", "--env", RL_ENV, "--agent", algorithm, "--seed", str(seed)]
        train += ["--steps", str(steps), "--out", policy, "--json"]
        summary, reason = rl_json(train)
        if summary is None:
            unknown = "unknown agent" in reason or "Unknown option '--steps'" in reason
            return {"status": "unavailable" if unknown else "failed", "reason": reason}
        report, reason = rl_json([rl, "eval", policy, "--episodes", str(episodes), "--seed", str(seed), "--json"])
        if report is None:
            return {"status": "failed", "reason": f"rl eval: {reason}", "seconds": summary["seconds"]}
        return {
            "status": "ok",
            "seconds": summary["seconds"],
            "steps": summary["steps"],
            "greedy_mean": report["mean_return"],
        }


def speed_up(row):
    """SB3 seconds over rl seconds, when both ran."""
    if row["sb3"]["status"] == "ok" and row["rl"]["status"] == "ok" and row["rl"]["seconds"] > 0:
        return row["sb3"]["seconds"] / row["rl"]["seconds"]
    return None


def cells(side):
    """The seconds and greedy-mean cells of one side of a row."""
    if side["status"] != "ok":
        return [side["status"], "-"]
    return [f"{side['seconds']:.2f}", f"{side['greedy_mean']:.1f}"]


def table(rows):
    """The rows as aligned text, then the median speed-up per algorithm."""
    header = ["algorithm", "seed", "SB3 s", "SB3 greedy", "rl s", "rl greedy", "speed-up"]
    lines = [header]
    for row in rows:
        ratio = row["speed_up"]
        lines.append(
            [row["algorithm"], str(row["seed"])] + cells(row["sb3"]) + cells(row["rl"])
            + [f"{ratio:.2f}x" if ratio is not None else "-"]
        )
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    text = ["  ".join(cell.rjust(width) if column else cell.ljust(width)
                      for column, (cell, width) in enumerate(zip(line, widths))).rstrip() for line in lines]
    for algorithm, median in medians(rows).items():
        text.append(f"median speed-up {algorithm}: " + (f"{median:.2f}x" if median is not None else "- (no row with both)"))
    notes = [f"  {row['algorithm']} seed {row['seed']} {side}: {row[side]['status']}: {row[side]['reason']}"
             for row in rows for side in ("sb3", "rl") if "reason" in row[side]]
    return "\n".join(text + (["not run:"] + notes if notes else []))


def medians(rows):
    """The median speed-up of each algorithm over the rows where both sides ran."""
    result = {}
    for algorithm in dict.fromkeys(row["algorithm"] for row in rows):
        ratios = [row["speed_up"] for row in rows if row["algorithm"] == algorithm and row["speed_up"] is not None]
        result[algorithm] = statistics.median(ratios) if ratios else None
    return result


def compare(arguments):
    """Runs every seed and algorithm, prints the table and writes the JSON file when asked."""
    import torch

    torch.set_num_threads(arguments.threads)
    about = {"machine": machine(), "versions": versions(), "threads": arguments.threads}
    print(f"machine: nproc {about['machine']['nproc']}, {about['machine']['cpu']} ({about['machine']['system']})")
    print("versions: " + ", ".join(f"{name} {version}" for name, version in about["versions"].items()))
    print(f"rl: {arguments.rl}; torch threads {arguments.threads}; {arguments.episodes} greedy episodes; "
          + ", ".join(f"{a} {budget(a, arguments.steps_scale):,} steps" for a in arguments.algorithms), flush=True)
    rows = []
    for seed in arguments.seeds:
        for algorithm in arguments.algorithms:
            row = {"algorithm": algorithm, "seed": seed, "steps": budget(algorithm, arguments.steps_scale)}
            row["sb3"] = run_sb3(algorithm, seed, arguments.steps_scale, arguments.episodes)
            row["rl"] = run_rl(arguments.rl, algorithm, seed, arguments.steps_scale, arguments.episodes)
            row["speed_up"] = speed_up(row)
            rows.append(row)
            print(f"  done: {algorithm} seed {seed}", file=sys.stderr, flush=True)
    print()
    print(table(rows))
    if arguments.json:
        document = dict(about, episodes=arguments.episodes, steps_scale=arguments.steps_scale,
                        zoo_hyperparameters={a: ZOO[a] for a in arguments.algorithms},
                        rows=rows, median_speed_up=medians(rows))
        with open(arguments.json, "w", encoding="utf-8") as file:
            json.dump(document, file, indent=2)
            file.write("\n")


def main(argv):
    """Checks the flags (exit 64 on bad ones), then compares unless --check-only."""
    try:
        arguments = parse_arguments(argv)
    except UsageError as error:
        print(f"scripts/compare-sb3: {error}", file=sys.stderr)
        return EXIT_USAGE
    if arguments.check_only:
        return 0
    compare(arguments)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
