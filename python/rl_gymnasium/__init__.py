"""Every world of `rl` (a reinforcement-learning framework in Swift) as a Gymnasium environment.

Importing the package registers one Gymnasium id per world of `rl`'s registry, by rule:
``cliff-walking`` is ``rl/CliffWalking-v0``, ``pong`` is ``rl/Pong-v0``. A world added to `rl`
appears here with no change to this package. See docs/PYTHON.md in rl's repository.
"""

from __future__ import annotations

import gymnasium

from ._native import RLError, worlds
from .policy import Policy, load_policy

__all__ = ["RLError", "Policy", "load_policy", "gymnasium_id", "registered_ids", "worlds"]

NAMESPACE = "rl"
VERSION = 0


def gymnasium_id(world: str) -> str:
    """The Gymnasium id of a registry id: each dash-separated word capitalised, ``rl/`` before, ``-v0`` after."""
    return f"{NAMESPACE}/" + "".join(word[:1].upper() + word[1:] for word in world.split("-")) + f"-v{VERSION}"


def registered_ids() -> list[str]:
    """The Gymnasium ids this package registered, in the registry's order."""
    return [gymnasium_id(world["id"]) for world in worlds()]


def _register() -> None:
    for world in worlds():
        identifier = gymnasium_id(world["id"])
        if identifier in gymnasium.registry:
            continue
        gymnasium.register(
            id=identifier,
            entry_point="rl_gymnasium.env:RLEnv",
            vector_entry_point="rl_gymnasium.vector:RLVectorEnv",
            kwargs={"world": world["id"]},
            # The world's own step cap truncates its episodes (its max_steps flag, where it has one).
            max_episode_steps=None,
        )


_register()
