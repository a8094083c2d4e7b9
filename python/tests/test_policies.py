"""load_policy on rl's files: a table (the shipped Pong policy and one trained by the Swift test)
and a network (a DQN the Swift test trained, with what its own forward pass gave every state)."""

import json
import os
from pathlib import Path

import gymnasium as gym
import numpy as np
import pytest

import rl_gymnasium

REPOSITORY = Path(__file__).resolve().parents[2]


def test_the_shipped_pong_table():
    policy = rl_gymnasium.load_policy(REPOSITORY / "policies/pretrained/pong.safetensors")
    assert policy.world == "pong" and not policy.is_network
    assert policy.table.shape == (12, 16, 18, 2, 2, 2)
    assert policy.metadata["state_dimensions"] == ["paddle", "ball_y", "ball_x", "ball_moving_right", "ball_moving_up"]
    assert policy.metadata["actions"] == ["up", "down"]
    env = gym.make("rl/Pong-v0")
    observation, _ = env.reset(seed=1)
    total = 0.0
    for _ in range(3000):
        action = policy.predict(observation)
        assert action == int(np.argmax(policy.table[tuple(observation)]))
        observation, reward, terminated, truncated, _ = env.step(action)
        total += reward
        if terminated or truncated:
            break
    # The shipped policy plays long rallies (rl eval: mean 890).
    assert total >= 500


@pytest.mark.skipif(not os.environ.get("RL_TABLE_POLICY"), reason="the Swift test trains the table")
def test_a_cliff_walking_table_plays_greedily():
    policy = rl_gymnasium.load_policy(os.environ["RL_TABLE_POLICY"])
    assert policy.world == "cliff-walking" and policy.table.shape == (4, 12, 4)
    assert policy.metadata["agent"] == "q-learning"
    env = gym.make("rl/CliffWalking-v0")
    observation, _ = env.reset(seed=1)
    # Gymnasium's state number is row × 12 + column: the table's [row, column].
    assert policy.predict(np.unravel_index(observation, (4, 12))) == int(np.argmax(policy.table[3, 0]))


@pytest.mark.skipif(not os.environ.get("RL_NETWORK_POLICY"), reason="the Swift test trains the network")
def test_a_network_gives_what_rls_forward_pass_gives():
    policy = rl_gymnasium.load_policy(os.environ["RL_NETWORK_POLICY"])
    assert policy.is_network and policy.world == "cliff-walking" and policy.metadata["agent"] == "dqn"
    expected = json.load(open(os.environ["RL_NETWORK_OUTPUTS"]))
    for state, outputs in enumerate(expected):
        values = policy.action_values(state)
        np.testing.assert_allclose(values, outputs, rtol=1e-5, atol=1e-5)
        assert policy.predict(state) == int(np.argmax(outputs))
    weight, bias = policy.layers[0]
    assert weight.shape[1] == 48 and bias.shape == (weight.shape[0],)


def test_a_file_that_is_not_a_policy(tmp_path):
    path = tmp_path / "empty.safetensors"
    path.write_bytes(b"\x02\x00\x00\x00\x00\x00\x00\x00{}")
    with pytest.raises(ValueError, match="not an rl policy file"):
        rl_gymnasium.load_policy(path)


def _samples(name):
    return json.load(open(os.environ["RL_POLICY_SAMPLES"]))[name]


@pytest.mark.skipif(not os.environ.get("RL_LINEAR_POLICY"), reason="the Swift test trains the linear policy")
def test_a_linear_policy_gives_what_rl_inspect_reads():
    policy = rl_gymnasium.load_policy(os.environ["RL_LINEAR_POLICY"])
    assert policy.world == "mountain-car" and policy.metadata.get("features") and not policy.is_network
    for sample in _samples("car-sarsa"):
        np.testing.assert_allclose(policy.action_values(sample["observation"]), sample["values"], rtol=1e-12, atol=1e-12)
        assert policy.predict(np.array(sample["observation"])) == int(np.argmax(sample["values"]))
    # It plays the Gymnasium environment's own observations.
    env = gym.make("rl/MountainCar-v0")
    observation, _ = env.reset(seed=3)
    assert policy.predict(observation) in range(env.action_space.n)
    with pytest.raises(ValueError, match="2 coordinates"):
        policy.predict([0.1, 0.2, 0.3])


@pytest.mark.skipif(not os.environ.get("RL_PONG_NETWORK_POLICY"), reason="the Swift test trains the network")
def test_a_network_takes_a_states_coordinates_with_no_shape_given():
    policy = rl_gymnasium.load_policy(os.environ["RL_PONG_NETWORK_POLICY"])
    assert policy.is_network and policy.state_shape == (12, 16, 18, 2, 2)
    for sample in _samples("pong-dqn"):
        coordinates = [int(c) for c in sample["observation"]]
        np.testing.assert_allclose(policy.action_values(coordinates), sample["values"], rtol=1e-5, atol=1e-5)
    env = gym.make("rl/Pong-v0")
    observation, _ = env.reset(seed=1)
    assert policy.predict(observation) in (0, 1)
