"""Finds the `rl` binary for the Python examples, so that they run from a fresh checkout without
`rl` on PATH: --rl if given, else $RL_BIN, else `rl` on PATH, else this checkout's own build
(.build/release/rl, then .build/debug/rl). When there is none, one line says how to get one."""
import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _executable(path):
    return path is not None and os.path.isfile(path) and os.access(path, os.X_OK)


def find_rl(given=None):
    """The absolute path of the rl binary to run, or exit with one line on stderr."""
    for source, name in (("--rl", given), ("RL_BIN", os.environ.get("RL_BIN"))):
        if name:
            path = os.path.abspath(name) if os.path.sep in name else shutil.which(name)
            if not _executable(path):
                sys.exit(f"{source} {name}: no such executable (build rl with `swift build -c release`)")
            return path
    on_path = shutil.which("rl")
    if on_path:
        return on_path
    for build in ("release", "debug"):
        path = os.path.join(ROOT, ".build", build, "rl")
        if _executable(path):
            return path
    sys.exit(f"rl not found: build it with `swift build -c release` in {ROOT}, or pass --rl PATH (or set RL_BIN)")
