"""The Swift library (libRLGymnasium) through ctypes: every registered world, stepped in batches.

The library is the one `pip install ./python` built and copied into this package, or the file
named by the environment variable ``RL_GYMNASIUM_LIBRARY`` (tests point it at a build of the
repository). Nothing here knows a world's name: everything comes from the registry's JSON.
"""

from __future__ import annotations

import ctypes
import json
import os
from pathlib import Path

import numpy as np

LIBRARY_ENVIRONMENT_VARIABLE = "RL_GYMNASIUM_LIBRARY"
LIBRARY_NAME = "libRLGymnasium.so"
_ERROR_CAPACITY = 1024


class RLError(ValueError):
    """A request `rl` refuses (an unknown world, flag, value or action), with the registry's one line."""


def _library_path() -> Path:
    given = os.environ.get(LIBRARY_ENVIRONMENT_VARIABLE)
    if given:
        return Path(given)
    return Path(__file__).with_name(LIBRARY_NAME)


def _load() -> ctypes.CDLL:
    path = _library_path()
    if not path.exists():
        raise ImportError(
            f"rl_gymnasium: {path} is missing: install the package with `pip install ./python` from rl's "
            f"repository (it builds the Swift library), or set {LIBRARY_ENVIRONMENT_VARIABLE} to a built {LIBRARY_NAME}"
        )
    library = ctypes.CDLL(str(path))
    pointer, char_p, i64, i32, f64 = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int64, ctypes.c_int32, ctypes.c_double
    library.rl_worlds_json.restype = char_p
    library.rl_worlds_json.argtypes = []
    library.rl_batch_make.restype = pointer
    library.rl_batch_make.argtypes = [char_p, char_p, char_p, i64, i32, char_p, i64]
    library.rl_batch_free.restype = None
    library.rl_batch_free.argtypes = [pointer]
    library.rl_batch_description.restype = char_p
    library.rl_batch_description.argtypes = [pointer]
    library.rl_batch_reset.restype = None
    library.rl_batch_reset.argtypes = [pointer, pointer, pointer, pointer]
    library.rl_batch_step.restype = i32
    library.rl_batch_step.argtypes = [pointer, pointer, pointer, pointer, pointer, pointer, pointer, char_p, i64]
    library.rl_batch_legal_actions.restype = None
    library.rl_batch_legal_actions.argtypes = [pointer, pointer]
    library.rl_batch_render_rgb.restype = ctypes.POINTER(ctypes.c_uint8)
    library.rl_batch_render_rgb.argtypes = [pointer, i64, f64, ctypes.POINTER(i64), ctypes.POINTER(i64), char_p, i64]
    library.rl_batch_render_ansi.restype = char_p
    library.rl_batch_render_ansi.argtypes = [pointer, i64, i64, char_p, i64]
    library.rl_policy_open.restype = pointer
    library.rl_policy_open.argtypes = [char_p, char_p, i64]
    library.rl_policy_free.restype = None
    library.rl_policy_free.argtypes = [pointer]
    library.rl_policy_description.restype = char_p
    library.rl_policy_description.argtypes = [pointer]
    library.rl_policy_action_values.restype = i32
    library.rl_policy_action_values.argtypes = [pointer, pointer, i64, pointer, char_p, i64]
    return library


_library: ctypes.CDLL | None = None


def library() -> ctypes.CDLL:
    """The loaded Swift library (loaded on first use)."""
    global _library
    if _library is None:
        _library = _load()
    return _library


def worlds() -> list[dict]:
    """Every world of `rl`'s registry: id, summary, flags (name, value_name, help), presets, metrics, capabilities."""
    return json.loads(library().rl_worlds_json().decode())


def _number(value) -> float:
    # The registry writes infinite bounds as the strings "inf" and "-inf".
    return float(value) if isinstance(value, str) else value


class Batch:
    """`count` copies of one configured world, stepped together in one call into Swift.

    Observations, rewards and the two end flags are written straight into numpy arrays; with
    ``autoreset`` a copy whose episode ended is reset on its next step (Gymnasium's NEXT_STEP).
    """

    def __init__(self, world: str, count: int, autoreset: bool, preset: str | None = None, flags=()):
        lib = library()
        error = ctypes.create_string_buffer(_ERROR_CAPACITY)
        handle = lib.rl_batch_make(
            world.encode(),
            None if preset is None else str(preset).encode(),
            json.dumps([[name, value] for name, value in flags]).encode(),
            int(count),
            1 if autoreset else 0,
            error,
            _ERROR_CAPACITY,
        )
        if not handle:
            raise RLError(error.value.decode())
        self._lib = lib
        self._handle = ctypes.c_void_p(handle)
        self._error = error
        self.count = int(count)
        self.description = json.loads(lib.rl_batch_description(self._handle).decode())
        observation = self.description["observation"]
        self.observation_kind = observation["kind"]
        self.observation_width = {"discrete": 1, "box": observation["shape"][0]}.get(self.observation_kind, len(observation["shape"]))
        self.observation_dtype = np.float64 if self.observation_kind == "box" else np.int64
        if self.observation_kind == "box":
            self.low = np.array([_number(v) for v in observation["low"]], dtype=np.float64)
            self.high = np.array([_number(v) for v in observation["high"]], dtype=np.float64)
        self.action_count = len(self.description["actions"])
        self.metric_names = list(self.description["metrics"])
        self.limits_actions = bool(self.description["limits_actions"])
        self._step = lib.rl_batch_step
        self._reset = lib.rl_batch_reset
        self._seeds = np.zeros(self.count, dtype=np.uint64)
        self._seeded = np.zeros(self.count, dtype=np.uint8)

    def __del__(self):
        handle = getattr(self, "_handle", None)
        if handle is not None and handle.value:
            self._lib.rl_batch_free(handle)
            self._handle = None

    def new_observations(self) -> np.ndarray:
        return np.empty((self.count, self.observation_width), dtype=self.observation_dtype)

    def reset(self, seeds, observations: np.ndarray) -> None:
        """Resets every copy; ``seeds[i]`` (an int, or None to keep its generator going)."""
        for index, seed in enumerate(seeds):
            if seed is None:
                self._seeded[index] = 0
            else:
                self._seeds[index] = int(seed) % (1 << 64)
                self._seeded[index] = 1
        self._reset(self._handle, self._seeds.ctypes.data, self._seeded.ctypes.data, observations.ctypes.data)

    def step(self, actions: np.ndarray, observations, rewards, terminated, truncated, metrics) -> None:
        """Steps every copy with ``actions`` (int64, contiguous), writing into the given arrays."""
        self.step_at(*(None if array is None else address(array) for array in (actions, observations, rewards, terminated, truncated, metrics)))

    def step_at(self, actions: int, observations: int, rewards: int, terminated: int, truncated: int, metrics: int | None) -> None:
        """``step`` with the arrays' addresses (``address(array)``), which a caller that keeps its
        arrays computes once: numpy's ``.ctypes.data`` costs more than the call into Swift."""
        if self._step(self._handle, actions, observations, rewards, terminated, truncated, metrics, self._error, _ERROR_CAPACITY):
            raise RLError(self._error.value.decode())

    def action_masks(self) -> np.ndarray:
        """Per copy, 1 for each action its current state allows (Gymnasium's int8 action mask)."""
        masks = np.empty((self.count, self.action_count), dtype=np.int8)
        self._lib.rl_batch_legal_actions(self._handle, masks.ctypes.data)
        return masks

    def render_rgb(self, index: int, scale: float) -> np.ndarray:
        width, height = ctypes.c_int64(), ctypes.c_int64()
        pixels = self._lib.rl_batch_render_rgb(
            self._handle, index, scale, ctypes.byref(width), ctypes.byref(height), self._error, _ERROR_CAPACITY
        )
        if not pixels:
            raise RLError(self._error.value.decode())
        size = height.value * width.value * 3
        return np.ctypeslib.as_array(pixels, shape=(size,)).copy().reshape(height.value, width.value, 3)

    def render_ansi(self, index: int, columns: int) -> str:
        text = self._lib.rl_batch_render_ansi(self._handle, index, columns, self._error, _ERROR_CAPACITY)
        if text is None:
            raise RLError(self._error.value.decode())
        return text.decode()


class NativePolicy:
    """A policy file opened by the Swift library, checked as every `rl` command checks it: what it
    gives each action at an observation, for every kind of file (a linear policy's features are
    computed only there)."""

    def __init__(self, path: str):
        lib = library()
        error = ctypes.create_string_buffer(_ERROR_CAPACITY)
        handle = lib.rl_policy_open(str(path).encode(), error, _ERROR_CAPACITY)
        if not handle:
            raise RLError(error.value.decode())
        self._lib = lib
        self._handle = ctypes.c_void_p(handle)
        self._error = error
        description = json.loads(lib.rl_policy_description(self._handle).decode())
        self.state_shape = None if description["state_shape"] is None else tuple(description["state_shape"])
        self.dimensions = int(description["dimensions"])
        self.action_count = int(description["actions"])

    def __del__(self):
        handle = getattr(self, "_handle", None)
        if handle is not None and handle.value:
            self._lib.rl_policy_free(handle)
            self._handle = None

    def action_values(self, observation) -> np.ndarray:
        point = np.ascontiguousarray(np.atleast_1d(np.asarray(observation, dtype=np.float64)).reshape(-1))
        values = np.empty(self.action_count, dtype=np.float64)
        if self._lib.rl_policy_action_values(self._handle, address(point), len(point), address(values), self._error, _ERROR_CAPACITY):
            raise RLError(self._error.value.decode())
        return values


def address(array: np.ndarray) -> int:
    """Where a contiguous array's data starts."""
    return array.__array_interface__["data"][0]


def flag_pairs(world: dict, keywords: dict) -> list[tuple[str, str | None]]:
    """Keyword arguments as the world's flags: ``map="8x8"`` is ``--map 8x8``, ``not_slippery=True``
    is the switch ``--not-slippery`` (False leaves it off). Unknown names and bad values are left
    to the registry, which refuses them in one line."""
    switches = {flag["name"] for flag in world["flags"] if flag.get("value_name") is None}
    pairs = []
    for key, value in keywords.items():
        name = key.replace("_", "-")
        if name in switches:
            if not isinstance(value, (bool, np.bool_)):
                raise RLError(f"{key} is a switch of world {world['id']}: give True or False, got {value!r}")
            if value:
                pairs.append((name, None))
        elif isinstance(value, (bool, np.bool_)) or value is None:
            # Let the registry say what the flag takes.
            pairs.append((name, "" if value is None else str(value).lower()))
        else:
            pairs.append((name, str(value)))
    return pairs
