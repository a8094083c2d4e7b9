"""Plays Gymnasium's own CartPole-v1 with a policy `rl` trained, loaded into PyTorch as it is.

    rl train --env cart-pole --agent ppo --out cartpole.safetensors
    python3 examples/python/play_cartpole.py cartpole.safetensors --episodes 10

A deep agent's policy file is a PyTorch state dictionary: the action network's tensors are
named as in an `nn.Sequential` under `policy.` (`policy.0.weight` of shape [out, in],
`policy.0.bias`, `policy.2.weight`, ...), a PPO critic's under `value.`, and the metadata's
`network` says the activation and the layer sizes. So the network is rebuilt here with
`torch.nn` and `load_state_dict` takes the tensors with no conversion. The greedy action is
the argmax of its outputs (DQN's Q-values, PPO's logits), as `rl eval` plays it.

An agent trained with `--normalize` also stores `obs_mean` and `obs_var`: observations are
normalised as (x - mean) / sqrt(var + 1e-8), clipped to ±10, before the network (what
Stable-Baselines3's VecNormalize does).

`--backend numpy` does the same forward pass in NumPy, for a machine without PyTorch.
"""

import argparse
import json
import sys

import gymnasium as gym
import numpy as np
from safetensors import safe_open


def read_policy(path):
    """The file's network description and its tensors, as NumPy arrays."""
    with safe_open(path, "np") as file:
        metadata = file.metadata() or {}
        tensors = {name: file.get_tensor(name) for name in file.keys()}
    if "network" not in metadata:
        sys.exit(f"{path} holds no network (train it with --agent dqn or --agent ppo)")
    if metadata.get("environment") != "cart-pole":
        sys.exit(f"{path} is a policy for {metadata.get('environment')}, not cart-pole")
    return json.loads(metadata["network"]), tensors


def torch_policy(network, tensors):
    """The action network as an `nn.Sequential`, its state dictionary loaded as stored."""
    import torch
    from torch import nn

    sizes = network["policy"]
    activation = {"relu": nn.ReLU, "tanh": nn.Tanh}[network["activation"]]
    layers = []
    for index, (inputs, outputs) in enumerate(zip(sizes, sizes[1:])):
        layers.append(nn.Linear(inputs, outputs))
        if index < len(sizes) - 2:
            layers.append(activation())
    model = nn.Sequential(*layers)
    state = {name[len("policy."):]: torch.from_numpy(value) for name, value in tensors.items() if name.startswith("policy.")}
    model.load_state_dict(state, strict=True)
    model.eval()

    def act(observation):
        with torch.no_grad():
            return int(model(torch.as_tensor(observation, dtype=torch.float32)).argmax())

    return act


def numpy_policy(network, tensors):
    """The same forward pass in NumPy: x · Wᵀ + b per layer, the activation between layers."""
    sizes = network["policy"]
    activation = {"relu": lambda x: np.maximum(x, 0), "tanh": np.tanh}[network["activation"]]
    weights = [(tensors[f"policy.{2 * i}.weight"], tensors[f"policy.{2 * i}.bias"]) for i in range(len(sizes) - 1)]

    def act(observation):
        x = np.asarray(observation, dtype=np.float32)
        for index, (weight, bias) in enumerate(weights):
            x = x @ weight.T + bias
            if index < len(weights) - 1:
                x = activation(x)
        return int(np.argmax(x))

    return act


def normaliser(tensors):
    """The observation normalisation the file keeps, or the identity."""
    if "obs_mean" not in tensors:
        return lambda observation: np.asarray(observation, dtype=np.float32)
    mean = tensors["obs_mean"].astype(np.float64)
    scale = np.sqrt(tensors["obs_var"].astype(np.float64) + 1e-8)
    return lambda observation: np.clip((np.asarray(observation, dtype=np.float64) - mean) / scale, -10, 10).astype(np.float32)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("policy", help="a cart-pole policy trained by rl with --agent dqn or ppo")
    parser.add_argument("--episodes", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0, help="episode k resets Gymnasium with seed + k")
    parser.add_argument("--backend", choices=["torch", "numpy"], default="torch")
    parser.add_argument("--json", action="store_true", help="print the returns as JSON")
    arguments = parser.parse_args()
    if arguments.episodes < 1:
        sys.exit("--episodes must be 1 or more")

    network, tensors = read_policy(arguments.policy)
    act_on_inputs = (torch_policy if arguments.backend == "torch" else numpy_policy)(network, tensors)
    normalise = normaliser(tensors)

    def act(observation):
        return act_on_inputs(normalise(observation))

    environment = gym.make("CartPole-v1")
    returns = []
    for episode in range(arguments.episodes):
        observation, _ = environment.reset(seed=arguments.seed + episode)
        total, done = 0.0, False
        while not done:
            observation, reward, terminated, truncated, _ = environment.step(act(observation))
            total += reward
            done = terminated or truncated
        returns.append(total)
    mean = sum(returns) / len(returns)
    if arguments.json:
        print(json.dumps({"backend": arguments.backend, "returns": returns, "mean_return": mean}))
    else:
        print(f"Gymnasium CartPole-v1, {len(returns)} episodes with {arguments.backend}: mean return {mean:.1f}")


if __name__ == "__main__":
    main()
