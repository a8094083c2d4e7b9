"""Tunes a world's hyperparameters with Optuna: each trial is one `rl train`, whose progress
stream (`--progress-jsonl -`) Optuna reads while it runs, pruning trials whose greedy
evaluations fall behind (median pruner).

    python examples/optuna/tune.py --env pong --episodes 3000 --eval-every 500 --trials 30

Each trial trains with `--learning-rate`, `--epsilon` and `--discount` from the sampler, and
scores the mean return of its last greedy evaluation. A pruned trial is stopped with SIGINT, as
Ctrl-C would: rl saves what it learned and exits. To spread trials over machines, give every
worker the same --storage (an RDB URL such as postgresql://... or a journal file on a shared
disk) and --study name, and run this script on each.
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from rl_binary import find_rl  # noqa: E402

import optuna  # noqa: E402


def objective_for(args, folder):
    def objective(trial):
        learning_rate = trial.suggest_float("learning_rate", 0.01, 1.0, log=True)
        epsilon = trial.suggest_float("epsilon", 0.01, 0.5)
        discount = trial.suggest_float("discount", 0.5, 0.99)
        command = [args.rl, "train", "--env", args.env, "--episodes", str(args.episodes),
                   "--learning-rate", repr(learning_rate), "--epsilon", repr(epsilon), "--discount", repr(discount),
                   "--eval-every", str(args.eval_every), "--eval-episodes", "20", "--seed", str(args.seed),
                   "--out", os.path.join(folder, f"trial-{trial.number}.safetensors"),
                   "--progress-jsonl", "-", "--json", "--quiet"]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        summary = None
        for text in process.stdout:
            line = json.loads(text)
            if line.get("event") == "evaluation":
                trial.report(line["mean_return"], line["episodes"])
                if trial.should_prune():
                    process.send_signal(signal.SIGINT)
                    process.communicate()
                    raise optuna.TrialPruned()
            elif "event" not in line:
                summary = line  # --json's summary: the stream's last line
        if process.wait() != 0 or summary is None:
            raise RuntimeError(f"rl train failed: {' '.join(command)}")
        return summary["last_evaluation"]["mean_return"]
    return objective


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rl", default=None, help="the rl binary (default: $RL_BIN, rl on PATH, or this checkout's .build)")
    parser.add_argument("--env", default="pong")
    parser.add_argument("--episodes", type=int, default=3000)
    parser.add_argument("--eval-every", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--trials", type=int, default=30)
    parser.add_argument("--storage", default=None, help="Optuna storage URL shared by workers (default: in memory)")
    parser.add_argument("--study", default="rl", help="study name in the storage")
    args = parser.parse_args()
    args.rl = find_rl(args.rl)

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(
        study_name=args.study, storage=args.storage, load_if_exists=True, direction="maximize",
        sampler=optuna.samplers.TPESampler(seed=args.seed),
        pruner=optuna.pruners.MedianPruner(n_startup_trials=3, n_warmup_steps=0))
    with tempfile.TemporaryDirectory() as folder:
        study.optimize(objective_for(args, folder), n_trials=args.trials)
    states = [trial.state for trial in study.trials]
    print(json.dumps({
        "best_value": study.best_value, "best_params": study.best_params,
        "complete": states.count(optuna.trial.TrialState.COMPLETE),
        "pruned": states.count(optuna.trial.TrialState.PRUNED),
    }))


if __name__ == "__main__":
    sys.exit(main())
