"""Many copies of one `rl` world as Gymnasium's vector environment, stepped in one call into Swift."""

from __future__ import annotations

from typing import Any

import numpy as np
from gymnasium.vector import AutoresetMode, VectorEnv
from gymnasium.vector.utils import batch_space

from . import _native
from .env import ANSI_COLUMNS, RENDER_SCALE, render_modes, world_listing
from .spaces import action_space, observation_space


class RLVectorEnv(VectorEnv):
    """``num_envs`` copies of a world of `rl`'s registry (``gym.make_vec(id, num_envs,
    vectorization_mode="vector_entry_point")``).

    ``step`` hands every action to Swift in one call, which steps every copy and writes
    observations, rewards and the end flags into numpy arrays: no Python object per copy. A copy
    whose episode ended is reset on its next step, its action ignored (Gymnasium 1.x's default,
    ``AutoresetMode.NEXT_STEP``). ``info`` holds each episode metric as an array (with its
    ``_name`` mask, Gymnasium's convention), the episode so far.
    """

    metadata: dict[str, Any] = {"render_modes": ["ansi", "rgb_array"], "autoreset_mode": AutoresetMode.NEXT_STEP}

    def __init__(
        self,
        world: str,
        num_envs: int = 1,
        render_mode: str | None = None,
        preset: str | None = None,
        max_episode_steps: int | None = None,
        **flags,
    ):
        if max_episode_steps is not None:
            raise _native.RLError("rl's worlds cap their own episodes: give the world's max_steps flag instead")
        listing = world_listing(world)
        self._batch = _native.Batch(world, num_envs, autoreset=True, preset=preset, flags=_native.flag_pairs(listing, flags))
        self.world = world
        self.num_envs = int(num_envs)
        self.metadata = {"render_modes": render_modes(self._batch), "autoreset_mode": AutoresetMode.NEXT_STEP}
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise _native.RLError(
                f"render_mode {render_mode!r} is not one of world {world}'s: {self.metadata['render_modes'] or 'it has no picture'}"
            )
        self.render_mode = render_mode
        self.single_observation_space = observation_space(self._batch)
        self.single_action_space = action_space(self._batch)
        self.observation_space = batch_space(self.single_observation_space, self.num_envs)
        self.action_space = batch_space(self.single_action_space, self.num_envs)
        self._kind = self._batch.observation_kind
        self._metric_names = self._batch.metric_names
        self._mask = np.ones(self.num_envs, dtype=bool)
        self._ever_seeded = False
        # Swift writes into these; step returns copies (cheaper than new arrays' addresses).
        self._actions = np.zeros(self.num_envs, dtype=np.int64)
        self._observations = self._batch.new_observations()
        self._rewards = np.zeros(self.num_envs, dtype=np.float64)
        self._terminated = np.zeros(self.num_envs, dtype=np.bool_)
        self._truncated = np.zeros(self.num_envs, dtype=np.bool_)
        self._metrics = np.zeros((self.num_envs, len(self._metric_names))) if self._metric_names else None
        self._addresses = tuple(
            None if array is None else _native.address(array)
            for array in (self._actions, self._observations, self._rewards, self._terminated, self._truncated, self._metrics)
        )

    def _shaped(self, observations: np.ndarray):
        if self._kind == "discrete":
            return observations.reshape(self.num_envs)
        if self._kind == "tuple":
            return tuple(observations[:, dimension].copy() for dimension in range(observations.shape[1]))
        return observations

    def _info(self, metrics: np.ndarray | None) -> dict:
        info: dict = {}
        if metrics is not None:
            for column, name in enumerate(self._metric_names):
                info[name] = metrics[:, column]
                info["_" + name] = self._mask
        if self._batch.limits_actions:
            info["action_mask"] = self._batch.action_masks()
            info["_action_mask"] = self._mask
        return info

    def reset(self, *, seed: int | list[int | None] | None = None, options: dict | None = None):
        """Resets every copy. An int seeds copy i with ``seed + i`` and a list gives each its own
        (Gymnasium's rule); ``None`` keeps each generator going (the first reset without one draws
        seeds from ``np_random``)."""
        # Gymnasium's own np_random takes one int: a list seeds it from its first seed.
        listed = [] if seed is None or isinstance(seed, (int, np.integer)) else [s for s in seed if s is not None]
        super().reset(seed=int(seed) if isinstance(seed, (int, np.integer)) else (listed[0] if listed else None))
        if seed is None:
            seeds = [None] * self.num_envs
        elif isinstance(seed, (int, np.integer)):
            seeds = [int(seed) + index for index in range(self.num_envs)]
        else:
            seeds = list(seed)
            if len(seeds) != self.num_envs:
                raise _native.RLError(f"seed lists one seed per environment: {self.num_envs}, got {len(seeds)}")
        if not self._ever_seeded:
            drawn = self.np_random.integers(0, 2**63, size=self.num_envs)
            seeds = [int(drawn[index]) if given is None else given for index, given in enumerate(seeds)]
        self._ever_seeded = True
        observations = self._batch.new_observations()
        self._batch.reset(seeds, observations)
        metrics = np.zeros((self.num_envs, len(self._metric_names))) if self._metric_names else None
        return self._shaped(observations), self._info(metrics)

    def step(self, actions):
        try:
            self._actions[:] = actions
        except (TypeError, ValueError) as error:
            raise _native.RLError(f"actions must be {self.num_envs} whole numbers: {error}") from None
        # numpy's bool is one byte holding 0 or 1: Swift writes the flags straight into it.
        self._batch.step_at(*self._addresses)
        metrics = None if self._metrics is None else self._metrics.copy()
        return (
            self._shaped(self._observations.copy()),
            self._rewards.copy(),
            self._terminated.copy(),
            self._truncated.copy(),
            self._info(metrics),
        )

    def render(self):
        """Every copy's picture: a tuple of arrays (``rgb_array``) or of strings (``ansi``)."""
        if self.render_mode == "rgb_array":
            return tuple(self._batch.render_rgb(index, RENDER_SCALE) for index in range(self.num_envs))
        if self.render_mode == "ansi":
            return tuple(self._batch.render_ansi(index, ANSI_COLUMNS) for index in range(self.num_envs))
        return None
