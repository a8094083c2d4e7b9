"""How close each learning agent's defaults end to value iteration's policy, on every world
with a model (docs/WORLDS.md, "Default hyperparameters"): for each world configuration and
agent, `rl train` with only --seed (seeds 1-2), then the exact return of the greedy policy
(`rl eval --json`) against the exact return of value iteration's policy on the same world.
A row passes within 2% of it (or 0.01, whichever is larger). Needs a release build:
swift build -c release --product rl.

    python3 scripts/default-gaps.py                 # every agent, every world: about a minute on 2 cores
    python3 scripts/default-gaps.py sarsa,dyna-q    # some agents
    python3 scripts/default-gaps.py --quick         # Cliff Walking, Q-learning, seed 1: seconds (CI)

RL=path/to/rl runs that binary instead of .build/release/rl. Prints a Markdown table.
"""
import json, os, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor

R = os.environ.get("RL", os.path.join(os.path.dirname(__file__), "..", ".build", "release", "rl"))
worlds = [("cliff-walking", ["--env", "cliff-walking"]),
          ("cliff-walking slippery", ["--env", "cliff-walking", "--slippery"]),
          ("frozen-lake 4x4", ["--env", "frozen-lake"]),
          ("frozen-lake 8x8", ["--env", "frozen-lake", "--map", "8x8"]),
          ("frozen-lake 4x4 not slippery", ["--env", "frozen-lake", "--not-slippery"]),
          ("frozen-lake 8x8 not slippery", ["--env", "frozen-lake", "--map", "8x8", "--not-slippery"]),
          ("taxi", ["--env", "taxi"]),
          ("taxi rainy", ["--env", "taxi", "--rainy"]),
          ("blackjack plain rules", ["--env", "blackjack", "--no-sab"])]
# Every learning agent of the registry that trains by episodes, the deep ones aside
# (Tests/CommandLineTests/ScriptsTests checks this list).
agents = ["q-learning", "sarsa", "expected-sarsa", "double-q-learning", "sarsa-lambda", "dyna-q", "true-online-sarsa-lambda", "dyna-q-plus", "prioritized-sweeping", "monte-carlo", "off-policy-monte-carlo", "n-step-sarsa", "n-step-tree-backup", "monte-carlo-es", "sample-average", "ucb", "gradient-bandit", "differential-sarsa", "reinforce", "reinforce-baseline", "actor-critic"]
seeds = [1, 2]
arguments = sys.argv[1:]
if "--quick" in arguments:
    arguments.remove("--quick")
    worlds, agents, seeds = worlds[:1], agents[:1], [1]
if arguments:
    agents = arguments[0].split(",")


def exact_return(flags):
    folder = tempfile.mkdtemp()
    out = os.path.join(folder, "p.safetensors")
    trained = subprocess.run([R, "train", *flags, "--out", out, "--quiet", "--json"], capture_output=True, text=True)
    # An agent the world does not suit (a bandit method, Monte Carlo ES) is refused with 64.
    if trained.returncode == 64:
        return None, 0.0
    if trained.returncode:
        sys.exit(f"rl train {' '.join(flags)}: {trained.stderr.strip()}")
    seconds = json.loads(trained.stdout)["seconds"]
    report = json.loads(subprocess.run([R, "eval", out, "--episodes", "1", "--json"], capture_output=True, text=True, check=True).stdout)
    return report["exact_return"], seconds


print("| world | agent | value iteration | seed 1, seed 2 | within 2% | seconds (max) |")
print("|---|---|---|---|---|---|")
with ThreadPoolExecutor(2) as pool:
    for name, flags in worlds:
        optimum, _ = exact_return(flags + ["--agent", "value-iteration"])
        tolerance = max(0.02 * abs(optimum), 0.01)
        for agent in agents:
            runs = list(pool.map(lambda seed: exact_return(flags + ["--agent", agent, "--seed", str(seed)]), seeds))
            if any(exact is None for exact, _ in runs):
                print(f"| {name} | {agent} | {optimum:.4f} | cannot learn this world | | |", flush=True)
                continue
            passed = all(optimum - exact <= tolerance for exact, _ in runs)
            returns = ", ".join(f"{exact:.4f}" for exact, _ in runs)
            print(f"| {name} | {agent} | {optimum:.4f} | {returns} | {'yes' if passed else 'no'} | {max(s for _, s in runs):.2f} |", flush=True)
