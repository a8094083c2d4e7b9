"""Trajectories through Python equal rl's own: the Swift test (Tests/RLGymnasiumTests) drives
every world directly from a seed and random actions and writes what it saw; here the same seed
and actions go through ``gym.make`` and must give the same observations, rewards and flags, bit
for bit, and the same through the vector environment."""

import json
import os

import gymnasium as gym
import numpy as np
import pytest

import rl_gymnasium

PATH = os.environ.get("RL_TRAJECTORIES")
TRAJECTORIES = json.load(open(PATH)) if PATH else []
pytestmark = pytest.mark.skipif(not PATH, reason="RL_TRAJECTORIES names the file the Swift test writes")


def state_index(observation, space):
    """The state's index in rl's numbering, from the observation Gymnasium gets."""
    if isinstance(space, gym.spaces.Discrete):
        return int(observation)
    if isinstance(space, gym.spaces.Tuple):
        return int(np.ravel_multi_index(tuple(int(o) for o in observation), tuple(s.n for s in space.spaces)))
    return int(np.ravel_multi_index(tuple(int(o) for o in observation), tuple(space.nvec)))


def expected_observations(trajectory):
    if trajectory.get("states") is not None:
        return trajectory["states"]
    return [np.array(c, dtype=np.float64) for c in trajectory["coordinates"]]


def same(observation, expected, space):
    if isinstance(space, gym.spaces.Box):
        return np.array_equal(np.asarray(observation), expected)
    return state_index(observation, space) == expected


def test_every_registered_world_has_a_trajectory():
    assert sorted(t["world"] for t in TRAJECTORIES) == sorted(w["id"] for w in rl_gymnasium.worlds())


@pytest.mark.parametrize("trajectory", TRAJECTORIES, ids=[t["world"] for t in TRAJECTORIES])
def test_the_environment_plays_as_rl(trajectory):
    env = gym.make(rl_gymnasium.gymnasium_id(trajectory["world"]))
    expected = expected_observations(trajectory)
    observation, _ = env.reset(seed=trajectory["seed"])
    assert same(observation, expected[0], env.observation_space)
    position = 1
    for step, action in enumerate(trajectory["actions"]):
        observation, reward, terminated, truncated, _ = env.step(action)
        assert same(observation, expected[position], env.observation_space), f"step {step}"
        assert reward == trajectory["rewards"][step], f"step {step}"
        assert (terminated, truncated) == (trajectory["terminated"][step], trajectory["truncated"][step]), f"step {step}"
        position += 1
        if terminated or truncated:
            observation, _ = env.reset()
            assert same(observation, expected[position], env.observation_space), f"reset after step {step}"
            position += 1
    assert position == len(expected)


@pytest.mark.parametrize("trajectory", TRAJECTORIES, ids=[t["world"] for t in TRAJECTORIES])
def test_the_vector_environment_plays_as_rl(trajectory):
    # Copy 0 plays rl's trajectory (the seed list gives it rl's seed); copy 1 plays along.
    envs = gym.make_vec(rl_gymnasium.gymnasium_id(trajectory["world"]), num_envs=2, vectorization_mode="vector_entry_point")
    space = envs.single_observation_space
    expected = expected_observations(trajectory)

    def first(observations):
        return tuple(o[0] for o in observations) if isinstance(observations, tuple) else observations[0]

    observations, info = envs.reset(seed=[trajectory["seed"], 7])
    assert same(first(observations), expected[0], space)
    position, step, ended = 1, 0, False
    actions = trajectory["actions"]
    while step < len(actions):
        if ended:
            # NEXT_STEP: this call resets copy 0; its action is ignored.
            observations, rewards, terminated, truncated, info = envs.step(np.array([0, 0]))
            assert rewards[0] == 0 and not terminated[0] and not truncated[0]
            assert same(first(observations), expected[position], space), f"reset after step {step - 1}"
            position += 1
            ended = False
            continue
        masks = info.get("action_mask")
        other = 0 if masks is None else int(np.flatnonzero(masks[1])[0])
        observations, rewards, terminated, truncated, info = envs.step(np.array([actions[step], other]))
        assert same(first(observations), expected[position], space), f"step {step}"
        assert rewards[0] == trajectory["rewards"][step]
        assert (bool(terminated[0]), bool(truncated[0])) == (trajectory["terminated"][step], trajectory["truncated"][step])
        ended = bool(terminated[0] or truncated[0])
        position += 1
        step += 1
