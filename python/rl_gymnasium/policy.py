"""`rl`'s policy files (safetensors with JSON metadata, docs/INSPECT.md and docs/DEEP.md) as numpy."""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ._native import NativePolicy, RLError

_DTYPES = {
    "F64": np.float64, "F32": np.float32, "F16": np.float16,
    "I64": np.int64, "I32": np.int32, "I16": np.int16, "I8": np.int8,
    "U64": np.uint64, "U32": np.uint32, "U16": np.uint16, "U8": np.uint8, "BOOL": np.bool_,
}  # fmt: skip
#: The bound `rl` clips normalised observations to, and its variance epsilon (Stable-Baselines3's VecNormalize).
_NORMALIZATION_CLIP, _NORMALIZATION_EPSILON = 10.0, 1e-8


def read_safetensors(path: str | Path) -> tuple[dict[str, np.ndarray], dict[str, str]]:
    """A safetensors file's tensors (numpy arrays, copied out of the file) and its string metadata."""
    data = Path(path).read_bytes()
    if len(data) < 8:
        raise ValueError(f"{path}: not a safetensors file (too short)")
    (header_size,) = struct.unpack("<Q", data[:8])
    if header_size > len(data) - 8:
        raise ValueError(f"{path}: not a safetensors file (its header runs past the end)")
    header = json.loads(data[8 : 8 + header_size])
    metadata = header.pop("__metadata__", {}) or {}
    tensors = {}
    body = 8 + header_size
    for name, entry in header.items():
        dtype = _DTYPES.get(entry["dtype"])
        if dtype is None:
            raise ValueError(f"{path}: tensor {name} has dtype {entry['dtype']}, which this reader does not know")
        start, end = entry["data_offsets"]
        array = np.frombuffer(data[body + start : body + end], dtype=np.dtype(dtype).newbyteorder("<"))
        tensors[name] = array.reshape(entry["shape"]).astype(dtype, copy=True)
    return tensors, metadata


def _json_or_text(value: str):
    try:
        return json.loads(value)
    except (TypeError, ValueError):
        return value


@dataclass
class Policy:
    """A policy `rl` saved: its tensors, its metadata (JSON values decoded) and a greedy ``predict``.

    - A table (``rl train`` with a tabular agent): ``q`` has the world's state shape then the
      actions (``table``); ``predict(observation)`` is the action with the largest value (the
      first of equals, where ``rl eval`` breaks ties at random).
    - A network (``--agent dqn`` or ``ppo``): ``layers`` are (weight [out, in], bias [out]) as
      PyTorch lays them out; the input is the state one-hot (a finite world) or the coordinates
      (a continuous one), normalised when the file keeps ``obs_mean`` and ``obs_var``.
    - A linear policy (a table agent on a continuous world): ``q`` holds one row of weights per
      feature; its features (tile coding, aggregation, Fourier) are computed by `rl`'s own
      library, so ``predict`` gives exactly the action `rl eval` plays.

    Tables and networks are computed here with numpy; the library (when it knows the file's
    world) also gives a finite world's state shape, so a network takes coordinates as they are.
    """

    path: str
    tensors: dict[str, np.ndarray]
    metadata: dict = field(default_factory=dict)
    #: A finite world's state shape, for a network's one-hot input from coordinates (a table knows its own).
    state_shape: tuple[int, ...] | None = None
    #: The file as `rl`'s library opened it, or why it could not.
    native: object | None = None
    native_error: str | None = None

    @property
    def world(self) -> str:
        """The registry id of the world the policy was trained on (``pong``)."""
        return self.metadata.get("environment", "")

    @property
    def is_network(self) -> bool:
        return "network" in self.metadata

    @property
    def table(self) -> np.ndarray | None:
        """The action values, state shape then actions; ``None`` for a network."""
        return None if self.is_network else self.tensors.get("q")

    @property
    def layers(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """The action network's (weight, bias) pairs, first layer first; ``[]`` for a table."""
        if not self.is_network:
            return []
        sizes = self.metadata["network"]["policy"]
        return [(self.tensors[f"policy.{2 * i}.weight"], self.tensors[f"policy.{2 * i}.bias"]) for i in range(len(sizes) - 1)]

    def _state_coordinates(self, observation) -> tuple[int, ...]:
        shape = self._state_shape()
        coordinates = np.atleast_1d(np.asarray(observation, dtype=np.int64)).reshape(-1)
        if len(coordinates) != len(shape):
            raise ValueError(f"an observation of world {self.world} has {len(shape)} coordinates, got {len(coordinates)}")
        return tuple(int(c) for c in coordinates)

    def _state_shape(self) -> list[int]:
        return list(self.tensors["q"].shape[:-1])

    def action_values(self, observation) -> np.ndarray:
        """What the policy gives each action in ``observation`` (a table row or the network's outputs)."""
        if not self.is_network:
            if self.metadata.get("features"):
                if self.native is None:
                    raise ValueError(f"{self.path}: a linear policy needs rl's library to compute its features: {self.native_error}")
                return self.native.action_values(observation)
            return self.tensors["q"][self._state_coordinates(observation)]
        inputs = self._network_inputs(observation)
        activation = {"relu": lambda x: np.maximum(x, 0), "tanh": np.tanh}[self.metadata["network"]["activation"]]
        x = inputs
        layers = self.layers
        for index, (weight, bias) in enumerate(layers):
            x = x @ weight.T + bias
            if index < len(layers) - 1:
                x = activation(x)
        return x

    def _network_inputs(self, observation) -> np.ndarray:
        width = self.layers[0][0].shape[1]
        observation = np.asarray(observation)
        if np.issubdtype(observation.dtype, np.floating):
            x = observation.astype(np.float64).reshape(-1)
        else:
            # A finite world: the state's row-major index, one-hot.
            coordinates = np.atleast_1d(observation.astype(np.int64)).reshape(-1)
            if len(coordinates) == 1:
                index = int(coordinates[0])
            elif self.state_shape is not None:
                index = int(np.ravel_multi_index(tuple(coordinates), tuple(self.state_shape)))
            else:
                raise ValueError(
                    f"{self.path}: a network's file does not keep the state's shape; "
                    "load it with load_policy(path, state_shape=env.observation_space.nvec)"
                )
            x = np.zeros(width)
            x[index] = 1
        if "obs_mean" in self.tensors:
            mean = self.tensors["obs_mean"].astype(np.float64)
            scale = np.sqrt(self.tensors["obs_var"].astype(np.float64) + _NORMALIZATION_EPSILON)
            x = np.clip((x - mean) / scale, -_NORMALIZATION_CLIP, _NORMALIZATION_CLIP)
        return x.astype(np.float32)

    def predict(self, observation) -> int:
        """The greedy action in ``observation`` (as the Gymnasium environment gives it)."""
        return int(np.argmax(self.action_values(observation)))


def load_policy(path: str | Path, state_shape=None) -> Policy:
    """Reads a policy file `rl` wrote (``rl train --out FILE``). ``state_shape`` (a
    ``MultiDiscrete``'s ``nvec``) lets a network's ``predict`` take a finite world's coordinates."""
    tensors, metadata = read_safetensors(path)
    decoded = {key: _json_or_text(value) for key, value in metadata.items()}
    if "environment" not in decoded:
        raise ValueError(f"{path}: not an rl policy file (its metadata names no environment)")
    shape = None if state_shape is None else tuple(int(size) for size in state_shape)
    try:
        native, native_error = NativePolicy(str(path)), None
    except (RLError, ImportError, OSError) as error:
        native, native_error = None, str(error)
    if shape is None and native is not None:
        shape = native.state_shape
    return Policy(path=str(path), tensors=tensors, metadata=decoded, state_shape=shape, native=native, native_error=native_error)
