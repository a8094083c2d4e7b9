"""Episodes each learning agent takes to reach Gymnasium's reward thresholds on the toy-text
worlds, with the world's default hyperparameters, seeds 1-5, and how close it ends to the
optimum (docs/WORLDS.md). Needs a release build: swift build -c release --product rl.

    python3 scripts/toy-text-thresholds.py                      # every agent, every world
    python3 scripts/toy-text-thresholds.py q-learning,sarsa     # some agents
    TAXI=7.7 WORLDS=taxi python3 scripts/toy-text-thresholds.py # another threshold for Taxi
    python3 scripts/toy-text-thresholds.py --quick              # frozen-lake 4x4, seed 1, 8000 episodes: seconds (CI)

RL=path/to/rl runs that binary instead of .build/release/rl.
"""
import json, subprocess, sys, csv, os, tempfile
R = os.environ.get("RL", os.path.join(os.path.dirname(__file__), "..", ".build", "release", "rl"))
worlds0 = [("frozen-lake 4x4", ["--env", "frozen-lake"], 0.70, 500),
          ("frozen-lake 8x8", ["--env", "frozen-lake", "--map", "8x8"], 0.85, 1000),
          ("taxi", ["--env", "taxi"], float(os.environ.get("TAXI", "8.0")), 250)]
arguments = sys.argv[1:]
quick = "--quick" in arguments
if quick:
    arguments.remove("--quick")
worlds = [w for w in worlds0 if w[0] in os.environ.get("WORLDS", "frozen-lake 4x4" if quick else "frozen-lake 4x4,frozen-lake 8x8,taxi").split(",")]
# Every learning agent of the registry that trains by episodes, the deep ones aside
# (Tests/CommandLineTests/ScriptsTests checks this list).
agents = arguments[0].split(",") if arguments else ["q-learning", "sarsa", "expected-sarsa", "double-q-learning", "sarsa-lambda", "dyna-q", "true-online-sarsa-lambda", "dyna-q-plus", "prioritized-sweeping", "monte-carlo", "off-policy-monte-carlo", "n-step-sarsa", "n-step-tree-backup", "monte-carlo-es", "sample-average", "ucb", "gradient-bandit", "differential-sarsa", "reinforce", "reinforce-baseline", "actor-critic"]
seeds = [1] if quick else [1, 2, 3, 4, 5]
# The quick form trains a short run with small evaluations: it checks the script, not the agents.
short = ["--episodes", "8000", "--eval-episodes", "100"] if quick else ["--eval-episodes", "1000"]
for name, args, threshold, every in worlds:
    for agent in agents:
        reached, gaps, secs, exacts = [], [], [], []
        for seed in seeds:
            folder = tempfile.mkdtemp()
            out, log = os.path.join(folder, "m.safetensors"), os.path.join(folder, "m.csv")
            trained = subprocess.run([R, "train", *args, "--agent", agent, "--seed", str(seed), "--out", out, "--log", log,
                                      "--eval-every", str(every), *short, "--quiet", "--json"], capture_output=True, text=True)
            # An agent the world does not suit (a bandit method, Monte Carlo ES) is refused with 64.
            if trained.returncode == 64:
                break
            trained.check_returncode()
            t = json.loads(trained.stdout)
            first = None
            for row in csv.DictReader(open(log)):
                if row["eval_return"] and float(row["eval_return"]) >= threshold:
                    first = int(row["episode"]); break
            e = json.loads(subprocess.run([R, "eval", out, "--episodes", "1", "--json"], capture_output=True, text=True, check=True).stdout)
            reached.append(first); gaps.append(100 * e["gap"] / abs(e["optimal_return"])); exacts.append(e["exact_return"]); secs.append(t["seconds"])
        if not secs:
            print(f"{name:16} {agent:18} cannot learn this world: {trained.stderr.strip()}", flush=True)
            continue
        print(f"{name:16} {agent:18} reached {reached}  exact {['%.4f' % x for x in exacts]}  gap% {['%.2f' % g for g in gaps]}  optimum {e['optimal_return']:.4f}  s {max(secs):.3f}", flush=True)
