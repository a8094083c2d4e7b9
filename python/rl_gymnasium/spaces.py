"""Gymnasium's spaces for a batch's description: the rule, stated once, for every world."""

from __future__ import annotations

import numpy as np
from gymnasium import spaces


def observation_space(batch) -> spaces.Space:
    """One world's observations: ``Discrete`` (one dimension), ``MultiDiscrete`` (several),
    ``Tuple`` of ``Discrete`` (a world that groups them so, as Gymnasium's Blackjack) or ``Box``
    (real coordinates, float64: the values `rl` computes)."""
    description = batch.description["observation"]
    kind, shape = description["kind"], description["shape"]
    if kind == "discrete":
        return spaces.Discrete(shape[0])
    if kind == "multi_discrete":
        return spaces.MultiDiscrete(np.array(shape, dtype=np.int64))
    if kind == "tuple":
        return spaces.Tuple(tuple(spaces.Discrete(size) for size in shape))
    if kind == "box":
        return spaces.Box(low=batch.low, high=batch.high, dtype=np.float64)
    raise ValueError(f"rl_gymnasium: unknown observation kind {kind!r}: update the package")


def action_space(batch, current_mask=None) -> spaces.Discrete:
    """The actions, numbered as `rl` (and Gymnasium, for its own worlds) numbers them.

    For a world where some states allow only some actions (the maximisation-bias example's A),
    ``current_mask`` gives the current state's mask, and ``sample()`` without a mask draws among
    the allowed actions: what a random agent (Gymnasium's checker, DQN's exploration) may take.
    """
    if current_mask is None or not batch.limits_actions:
        return spaces.Discrete(batch.action_count)
    return StateMaskedDiscrete(batch.action_count, current_mask)


class StateMaskedDiscrete(spaces.Discrete):
    """``Discrete(n)`` whose ``sample()`` follows the current state's action mask unless given one."""

    def __init__(self, n: int, current_mask):
        super().__init__(n)
        self._current_mask = current_mask

    def sample(self, mask=None, probability=None):
        if mask is None and probability is None:
            mask = self._current_mask()
        return super().sample(mask=mask, probability=probability)
