"""A plain Python Q-learning loop, the kind every tutorial writes, learns rl's worlds through Gymnasium."""

import gymnasium as gym
import numpy as np

import rl_gymnasium  # noqa: F401  (registers rl/...)


def q_learning(env, episodes, alpha, gamma, epsilon, seed, state=lambda observation: observation):
    """Tabular Q-learning (Sutton & Barto §6.5) with ε-greedy exploration; returns Q and each episode's return."""
    rng = np.random.default_rng(seed)
    q = np.zeros((count_states(env.observation_space), env.action_space.n))
    returns = []
    observation, _ = env.reset(seed=seed)
    for _ in range(episodes):
        s, total, done = state(observation), 0.0, False
        while not done:
            a = int(rng.integers(env.action_space.n)) if rng.random() < epsilon else int(np.argmax(q[s]))
            observation, reward, terminated, truncated, _ = env.step(a)
            s_next = state(observation)
            target = reward + (0.0 if terminated else gamma * np.max(q[s_next]))
            q[s, a] += alpha * (target - q[s, a])
            s, total, done = s_next, total + reward, terminated or truncated
        returns.append(total)
        observation, _ = env.reset()
    return q, returns


def count_states(space):
    return space.n if isinstance(space, gym.spaces.Discrete) else int(np.prod(space.nvec))


def greedy_return(env, q, seed, state=lambda observation: observation):
    observation, _ = env.reset(seed=seed)
    total, done = 0.0, False
    while not done:
        observation, reward, terminated, truncated, _ = env.step(int(np.argmax(q[state(observation)])))
        total, done = total + reward, terminated or truncated
    return total


def test_q_learning_finds_the_optimal_path_along_the_cliff():
    env = gym.make("rl/CliffWalking-v0")
    q, _ = q_learning(env, episodes=500, alpha=0.5, gamma=1.0, epsilon=0.1, seed=1)
    # The shortest path along the edge: 13 steps of −1 (Sutton & Barto, Example 6.6).
    assert greedy_return(env, q, seed=2) == -13


def test_q_learning_reaches_the_tutorials_level_on_pong():
    # The tutorial's run: its classic state, α 0.1, γ 0.2, ε 0.15, 6000 episodes; its own Python
    # averaged returns of about 35–40 over the last 500 episodes (docs/PONG.md).
    env = gym.make("rl/Pong-v0", preset="tutorial")
    shape = tuple(env.observation_space.nvec)

    def state(observation):
        return int(np.ravel_multi_index(tuple(observation), shape))

    _, returns = q_learning(env, episodes=6000, alpha=0.1, gamma=0.2, epsilon=0.15, seed=1, state=state)
    assert np.mean(returns[-500:]) >= 35
