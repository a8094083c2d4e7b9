"""Runs an `rl sweep` on a Ray cluster: one Ray task per shard, each task `rl sweep --shard i/n`
on its own cores, the results lines collected on the driver into one results file.

    python examples/ray/ray_sweep.py --spec examples/slurm/spec.json --shards 8 --out results.jsonl

Without --address, Ray starts a local instance on this machine. On a cluster, start Ray there
(`ray start --head` on one node, `ray start --address=HEAD:6379` on the others), make `rl`
available on every node (the same path, or --rl), and pass --address auto (on a node) or
--address ray://HEAD:10001 (from outside). The driver writes the results file and, beside it as
`rl sweep` does, each run's curve and policy (`results.runs/`, sent back by the tasks from the
nodes that ran them), so `rl report results.jsonl --curves curves.png` draws from the merged file.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from rl_binary import find_rl  # noqa: E402

import ray  # noqa: E402


RUN_FILES = ("curve", "policy")


@ray.remote
def run_shard(rl, spec, index, count, jobs, work):
    """Runs shard `index` of `count` and returns its results lines (parsed), each with the bytes
    of its run files (`curve`, empty for a planner, and `policy`), which live on this node."""
    os.makedirs(work, exist_ok=True)
    out = os.path.join(work, f"shard-{index}.jsonl")
    subprocess.run([rl, "sweep", "--spec", spec, "--shard", f"{index}/{count}", "--jobs", str(jobs),
                    "--out", out, "--quiet"], check=True, stdout=subprocess.DEVNULL)
    with open(out) as lines:
        results = [json.loads(line) for line in lines if line.endswith("\n")]
    shipped = []
    for line in results:
        files = {}
        for key in RUN_FILES:
            if line[key]:
                # Relative to the shard file's folder, as rl sweep writes them.
                with open(os.path.join(work, line[key]), "rb") as run_file:
                    files[key] = run_file.read()
        shipped.append((line, files))
    return shipped


def runs_folder(out):
    """The folder beside the results file that rl sweep would use: results.jsonl -> results.runs."""
    stem = os.path.splitext(os.path.basename(out))[0] or os.path.basename(out)
    return os.path.join(os.path.dirname(os.path.abspath(out)), stem + ".runs")


def keep_run_files(line, files, folder):
    """Writes a run's files into `folder` and points its line at them, relative to the results file."""
    for key, content in files.items():
        name = os.path.basename(line[key])
        with open(os.path.join(folder, name), "wb") as run_file:
            run_file.write(content)
        line[key] = os.path.basename(folder) + "/" + name


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rl", default=None, help="the rl binary (default: $RL_BIN, rl on PATH, or this checkout's .build) on every node")
    parser.add_argument("--spec", required=True, help="the sweep's JSON spec (readable on every node)")
    parser.add_argument("--shards", type=int, default=4, help="Ray tasks, one shard each")
    parser.add_argument("--jobs", type=int, default=1, help="cores per task (rl sweep --jobs)")
    parser.add_argument("--out", default="results.jsonl", help="the merged results file, written by the driver (the runs' files beside it, in OUT's stem.runs/)")
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "rl-ray"), help="the tasks' folder for shard files and curves")
    parser.add_argument("--address", default=None, help="Ray cluster address (default: a local instance)")
    args = parser.parse_args()

    rl = find_rl(args.rl)
    spec = os.path.abspath(args.spec)
    ray.init(address=args.address, include_dashboard=False, log_to_driver=False)
    task = run_shard.options(num_cpus=args.jobs)
    futures = [task.remote(rl, spec, index, args.shards, args.jobs, os.path.abspath(args.work)) for index in range(args.shards)]
    folder = runs_folder(args.out)
    os.makedirs(folder, exist_ok=True)
    results = []
    for shard in ray.get(futures):
        for line, files in shard:
            keep_run_files(line, files, folder)
            results.append(line)
    results.sort(key=lambda line: line["id"])
    with open(args.out, "w") as out:
        for line in results:
            out.write(json.dumps(line, sort_keys=True, separators=(",", ":")) + "\n")
    ray.shutdown()
    print(json.dumps({"runs": len(results), "shards": args.shards, "out": args.out}))


if __name__ == "__main__":
    sys.exit(main())
