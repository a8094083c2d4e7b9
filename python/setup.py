"""Builds rl's Swift library (libRLGymnasium) in release mode and puts it inside the package.

`pip install ./python`, from rl's repository, runs this: it needs Swift 6 and the Debian packages
`scripts/setup` installs (SDL2 and SDL2_image, OpenBLAS). The build has its own scratch folder
(`.build-python` at the repository's root), so it never waits for a `swift build` or
`swift test` running on `.build`. Environment variables:

- ``RL_REPOSITORY``: rl's repository, when this folder is not inside it (default: its parent).
- ``RL_GYMNASIUM_PREBUILT``: a libRLGymnasium.so to copy instead of building one.
"""

import os
import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

LIBRARY = "libRLGymnasium.so"
PRODUCT = "RLGymnasium"


class BuildWithSwift(build_py):
    """Copies the Python files, then the Swift library beside them."""

    def run(self):
        super().run()
        library = self._library()
        target = Path(self.build_lib) / "rl_gymnasium" / LIBRARY
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(library, target)

    def _library(self) -> Path:
        prebuilt = os.environ.get("RL_GYMNASIUM_PREBUILT")
        if prebuilt:
            return Path(prebuilt)
        repository = Path(os.environ.get("RL_REPOSITORY") or Path(__file__).resolve().parent.parent)
        if not (repository / "Package.swift").exists():
            raise SystemExit(
                f"rl-gymnasium: {repository} is not rl's repository (no Package.swift): install from the repository's root "
                "with `pip install ./python`, or set RL_REPOSITORY"
            )
        if shutil.which("swift") is None:
            raise SystemExit("rl-gymnasium: building needs Swift 6 (https://swift.org/install) and `scripts/setup`'s packages")
        scratch = repository / ".build-python"
        command = ["swift", "build", "-c", "release", "--product", PRODUCT, "--package-path", str(repository), "--scratch-path", str(scratch)]
        print("rl-gymnasium:", " ".join(command), flush=True)
        subprocess.run(command, check=True)
        binaries = subprocess.run(command + ["--show-bin-path"], check=True, capture_output=True, text=True).stdout.strip()
        return Path(binaries) / LIBRARY


setup(cmdclass={"build_py": BuildWithSwift})
