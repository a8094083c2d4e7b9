"""Every registered id against Gymnasium's own checker, the vector environment's contract, pictures and bad input."""

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

import rl_gymnasium
from rl_gymnasium import RLError

IDS = rl_gymnasium.registered_ids()


def test_every_world_of_the_registry_is_registered_by_rule():
    worlds = [world["id"] for world in rl_gymnasium.worlds()]
    assert IDS == [rl_gymnasium.gymnasium_id(world) for world in worlds]
    assert rl_gymnasium.gymnasium_id("cliff-walking") == "rl/CliffWalking-v0"
    assert rl_gymnasium.gymnasium_id("pong") == "rl/Pong-v0"
    assert {"rl/Taxi-v0", "rl/FrozenLake-v0", "rl/Blackjack-v0", "rl/PongDuel-v0", "rl/CartPole-v0"} <= set(IDS)


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("identifier", IDS)
def test_gymnasiums_checker_passes(identifier):
    check_env(gym.make(identifier).unwrapped)


def test_spaces_are_gymnasiums_where_gymnasium_has_the_world():
    assert gym.make("rl/Taxi-v0").observation_space == gym.spaces.Discrete(500)
    assert gym.make("rl/FrozenLake-v0").observation_space == gym.spaces.Discrete(16)
    assert gym.make("rl/FrozenLake-v0", map="8x8").observation_space == gym.spaces.Discrete(64)
    assert gym.make("rl/CliffWalking-v0").observation_space == gym.spaces.Discrete(48)
    blackjack = gym.spaces.Tuple((gym.spaces.Discrete(32), gym.spaces.Discrete(11), gym.spaces.Discrete(2)))
    assert gym.make("rl/Blackjack-v0").observation_space == blackjack
    assert isinstance(gym.make("rl/Pong-v0").observation_space, gym.spaces.MultiDiscrete)
    assert gym.make("rl/CartPole-v0").observation_space.shape == (4,)


def test_flags_are_keyword_arguments():
    env = gym.make("rl/FrozenLake-v0", map="8x8", not_slippery=True)
    assert '"is_slippery":false' in env.unwrapped.description["configuration"]
    env.reset(seed=1)
    # Not slippery: right from the start moves right.
    observation, *_ = env.step(2)
    assert observation == 1
    env = gym.make("rl/Pong-v0", preset="tutorial")
    assert '"observation":"classic"' in env.unwrapped.description["configuration"]
    assert env.observation_space.shape == (3,)


def test_metrics_are_in_info():
    env = gym.make("rl/Taxi-v0")
    env.reset(seed=3)
    _, _, _, _, info = env.step(4)  # a pickup where there is no passenger, most likely
    assert set(info) == {"deliveries", "illegal_actions"}


@pytest.mark.parametrize("identifier", ["rl/Taxi-v0", "rl/Blackjack-v0", "rl/CartPole-v0", "rl/MaximizationBias-v0"])
def test_the_vector_environment_equals_single_environments_with_next_step_autoreset(identifier):
    count, steps = 4, 400
    vector = gym.make_vec(identifier, num_envs=count, vectorization_mode="vector_entry_point")
    assert vector.metadata["autoreset_mode"] == gym.vector.AutoresetMode.NEXT_STEP
    singles = [gym.make(identifier) for _ in range(count)]
    observations, info = vector.reset(seed=100)
    single_observations = [env.reset(seed=100 + index)[0] for index, env in enumerate(singles)]
    generator = np.random.default_rng(0)
    done = np.zeros(count, dtype=bool)
    for _ in range(steps):
        for index in range(count):
            expected = single_observations[index]
            got = observations[index] if not isinstance(observations, tuple) else tuple(int(o[index]) for o in observations)
            np.testing.assert_array_equal(np.asarray(got), np.asarray(expected))
        masks = info.get("action_mask")
        if masks is None:
            actions = generator.integers(0, vector.single_action_space.n, size=count)
        else:
            actions = np.array([generator.choice(np.flatnonzero(mask)) for mask in masks])
        observations, rewards, terminated, truncated, info = vector.step(actions)
        assert observations in vector.observation_space
        assert rewards.dtype == np.float64 and terminated.dtype == np.bool_ and truncated.dtype == np.bool_
        for index, env in enumerate(singles):
            if done[index]:
                # NEXT_STEP: the step after an episode's end is the reset, its action ignored.
                single_observations[index], _ = env.reset()
                assert rewards[index] == 0 and not terminated[index] and not truncated[index]
            else:
                single_observations[index], reward, ended, cut, _ = env.step(int(actions[index]))
                assert (rewards[index], terminated[index], truncated[index]) == (reward, ended, cut)
        done = terminated | truncated


def test_pictures_are_rl_watchs_scenes():
    env = gym.make("rl/CliffWalking-v0", render_mode="rgb_array")
    env.reset(seed=1)
    frame = env.render()
    assert frame.dtype == np.uint8 and frame.ndim == 3 and frame.shape[2] == 3 and frame.size > 0
    assert len(np.unique(frame.reshape(-1, 3), axis=0)) > 3
    text_env = gym.make("rl/Taxi-v0", render_mode="ansi")
    text_env.reset(seed=1)
    text = text_env.render()
    assert isinstance(text, str) and "\x1b[" in text and len(text.splitlines()) > 5
    vector = gym.make_vec("rl/CartPole-v0", num_envs=2, vectorization_mode="vector_entry_point", render_mode="rgb_array")
    vector.reset(seed=1)
    frames = vector.render()
    assert len(frames) == 2 and frames[0].shape == frame_shape(frames[1])
    with pytest.raises(RLError, match="render_mode"):
        gym.make("rl/PongDuel-v0", render_mode="rgb_array")


def frame_shape(frame):
    return frame.shape


def test_bad_input_is_one_clear_exception():
    with pytest.raises(RLError, match=r"unknown world 'nowhere' \(this rl knows pong, "):
        rl_gymnasium.env.RLEnv("nowhere")
    with pytest.raises(RLError, match=r"--colour is not a flag of world taxi"):
        gym.make("rl/Taxi-v0", colour="red")
    with pytest.raises(RLError, match=r"--max-steps must be in 1\.\.\.100000, got 0"):
        gym.make("rl/Taxi-v0", max_steps=0)
    with pytest.raises(RLError, match=r"--map must be 4x4 or 8x8, got '9x9'"):
        gym.make("rl/FrozenLake-v0", map="9x9")
    with pytest.raises(RLError, match="switch"):
        gym.make("rl/Taxi-v0", rainy="yes")
    with pytest.raises(RLError, match="reset the environment before stepping it"):
        rl_gymnasium.env.RLEnv("taxi").step(0)
    env = gym.make("rl/Taxi-v0").unwrapped
    env.reset(seed=1)
    with pytest.raises(RLError, match=r"action 6 is outside 0\.\.<6"):
        env.step(6)
    with pytest.raises(RLError, match="not a whole number"):
        env.step("left")
    bias = gym.make("rl/MaximizationBias-v0").unwrapped
    bias.reset(seed=1)
    # A allows left (0) and right (1) only: 5 is taken as right, and the episode ends.
    _, reward, terminated, _, _ = bias.step(5)
    assert (reward, terminated) == (0.0, True)
    with pytest.raises(RLError, match="the episode has ended"):
        bias.step(0)
    vector = gym.make_vec("rl/Taxi-v0", num_envs=3, vectorization_mode="vector_entry_point")
    vector.reset(seed=1)
    with pytest.raises(RLError, match="outside"):
        vector.step(np.array([0, 9, 0]))


@pytest.mark.parametrize("identifier", ["rl/MaximizationBias-v0", "rl/JacksCarRental-v0", "rl/GamblersProblem-v0"])
def test_an_action_the_state_does_not_allow_is_the_nearest_one_it_does(identifier):
    taken = 0
    for seed in range(20):
        env, twin = gym.make(identifier).unwrapped, gym.make(identifier).unwrapped
        _, info = env.reset(seed=seed)
        twin.reset(seed=seed)
        # Allowed random steps, the same in both, until a state allows only some actions.
        chooser = np.random.default_rng(seed)
        terminated = truncated = False
        for _ in range(50):
            mask = info["action_mask"]
            if not mask.all():
                break
            action = int(chooser.choice(np.flatnonzero(mask)))
            *_, terminated, truncated, info = env.step(action)
            twin.step(action)
            if terminated or truncated:
                break
        if mask.all() or terminated or truncated:
            continue
        illegal = int(np.flatnonzero(mask == 0)[-1])
        allowed = np.flatnonzero(mask)
        nearest = int(allowed[np.argmin(np.abs(allowed - illegal))])  # the first, the lower, on a tie
        assert nearest != illegal
        one, other = env.step(illegal), twin.step(nearest)
        assert all(np.array_equal(a, b) for a, b in zip(one[:4], other[:4]))
        taken += 1
    assert taken > 0
