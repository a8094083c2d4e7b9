"""One `rl` world as a Gymnasium environment (a batch of one copy, stepped in Swift)."""

from __future__ import annotations

from typing import Any

import gymnasium as gym
import numpy as np

from . import _native
from .spaces import action_space, observation_space

#: Pixels per scene unit of ``render_mode="rgb_array"``: `rl watch`'s default ``--scale``.
RENDER_SCALE = 10
#: Characters per line of ``render_mode="ansi"``.
ANSI_COLUMNS = 80


def render_modes(batch) -> list[str]:
    return ["ansi", "rgb_array"] if batch.description["drawable"] else []


def world_listing(world: str) -> dict:
    for listing in _native.worlds():
        if listing["id"] == world:
            return listing
    known = ", ".join(listing["id"] for listing in _native.worlds())
    raise _native.RLError(f"unknown world '{world}' (this rl knows {known})")


class RLEnv(gym.Env):
    """A world of `rl`'s registry with Gymnasium's API.

    Keyword arguments are the world's flags (``gym.make("rl/FrozenLake-v0", map="8x8")``,
    ``not_slippery=True`` for the switch ``--not-slippery``) and ``preset``. ``step`` returns
    the world's episode metrics so far in ``info``. Episodes end inside the world: its own step
    cap truncates them, so the registration adds no ``TimeLimit``.
    """

    metadata: dict[str, Any] = {"render_modes": ["ansi", "rgb_array"], "render_fps": 30}

    def __init__(self, world: str, render_mode: str | None = None, preset: str | None = None, **flags):
        listing = world_listing(world)
        self._batch = _native.Batch(world, 1, autoreset=False, preset=preset, flags=_native.flag_pairs(listing, flags))
        self.world = world
        self.metadata = {"render_modes": render_modes(self._batch), "render_fps": 30}
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise _native.RLError(
                f"render_mode {render_mode!r} is not one of world {world}'s: {self.metadata['render_modes'] or 'it has no picture'}"
            )
        self.render_mode = render_mode
        self.observation_space = observation_space(self._batch)
        self.action_space = action_space(self._batch, lambda: self._batch.action_masks()[0])
        self._kind = self._batch.observation_kind
        self._observations = self._batch.new_observations()
        self._actions = np.zeros(1, dtype=np.int64)
        self._rewards = np.zeros(1, dtype=np.float64)
        self._terminated = np.zeros(1, dtype=np.uint8)
        self._truncated = np.zeros(1, dtype=np.uint8)
        self._metrics = np.zeros((1, len(self._batch.metric_names)), dtype=np.float64) if self._batch.metric_names else None
        self._seeded = False
        self._addresses = tuple(
            None if array is None else _native.address(array)
            for array in (self._actions, self._observations, self._rewards, self._terminated, self._truncated, self._metrics)
        )

    @property
    def description(self) -> dict:
        """What `rl` says of this world's configuration: id, configuration (JSON), summary, spaces, actions' names, metrics."""
        return self._batch.description

    def _observation(self):
        row = self._observations[0]
        if self._kind == "discrete":
            return int(row[0])
        if self._kind == "tuple":
            return tuple(int(value) for value in row)
        return row.copy()

    def _info(self) -> dict:
        info = {}
        if self._metrics is not None:
            info = {name: float(value) for name, value in zip(self._batch.metric_names, self._metrics[0])}
        if self._batch.limits_actions:
            info["action_mask"] = self._batch.action_masks()[0]
        return info

    def reset(self, *, seed: int | None = None, options: dict | None = None):
        """Starts an episode. A seed reseeds the world's generator; ``None`` keeps it going (the
        first reset without one draws a seed from Gymnasium's ``np_random``, as Gymnasium's worlds do)."""
        super().reset(seed=seed)
        if seed is None and not self._seeded:
            seed = int(self.np_random.integers(0, 2**63))
        self._seeded = True
        self._batch.reset([seed], self._observations)
        if self._metrics is not None:
            self._metrics.fill(0)
        return self._observation(), self._info()

    def step(self, action):
        try:
            self._actions[0] = action
        except (TypeError, ValueError, OverflowError):
            raise _native.RLError(f"action {action!r} is not a whole number in 0..<{self._batch.action_count}") from None
        self._batch.step_at(*self._addresses)
        return (
            self._observation(),
            float(self._rewards[0]),
            bool(self._terminated[0]),
            bool(self._truncated[0]),
            self._info(),
        )

    def render(self):
        if self.render_mode == "rgb_array":
            return self._batch.render_rgb(0, RENDER_SCALE)
        if self.render_mode == "ansi":
            return self._batch.render_ansi(0, ANSI_COLUMNS)
        return None
