#!/usr/bin/env python3
"""The coefficients of RLNeural's tanh (Sources/RLNeural/FastTanh.swift, Sources/CNeuralKernels/tanh.c).

tanh a = a * P(a^2) / Q(a^2) on [0, 9], P of degree 6 and Q of degree 3 with Q(0) = 1. The fit
minimises the largest relative error: least squares on the relative error, then Lawson's
reweighting toward the minimax fit (about 7e-9). The coefficients are then rounded to Float32
and each is nudged by a few units in its last place while that lowers the worst error of the
rounded evaluation (fused multiply-adds, as the code does), measured on a sample of Float32s.
Prints the coefficients as hexadecimal float literals and the worst error in units in the last
place over every third Float32 in [2^-30, 12]. Needs numpy and scipy; takes about ten minutes.

`--check` fits nothing: it reads the coefficients from Sources/CNeuralKernels/tanh.c, checks that
Sources/RLNeural/FastTanh.swift has the same ones in the same order, and measures their worst
error over every 97th Float32 in [2^-30, 12]; it exits 1 past 6 units or on a mismatch (numpy only,
seconds; the tests run it).

    python3 scripts/fit-tanh.py [--check]
"""

import re
import sys
from pathlib import Path

import numpy as np

F32 = np.float32
CAP = 9.0
P_DEGREE, Q_DEGREE = 6, 3


def split(v):
    return v[: P_DEGREE + 1], np.concatenate([[1.0], v[P_DEGREE + 1 :]])


def fit():
    from scipy.optimize import least_squares

    x = np.concatenate([np.linspace(1e-3, CAP, 6000), np.geomspace(1e-5, 1e-1, 300)])
    t, f = x * x, np.tanh(x) / x

    def relative_error(v):
        p, q = split(v)
        return (np.polyval(p[::-1], t) / np.polyval(q[::-1], t) - f) / f

    powers = lambda degrees: np.vstack([t**k for k in degrees]).T
    start, *_ = np.linalg.lstsq(
        np.hstack([powers(range(P_DEGREE + 1)), -f[:, None] * powers(range(1, Q_DEGREE + 1))]) / f[:, None],
        np.ones_like(f),
        rcond=None,
    )
    tight = dict(xtol=1e-15, ftol=1e-15, gtol=1e-15)
    v = least_squares(relative_error, start, max_nfev=20000, **tight).x
    weights = np.ones_like(t)
    for _ in range(200):
        v = least_squares(lambda v: relative_error(v) * np.sqrt(weights), v, max_nfev=200, **tight).x
        weights *= np.abs(relative_error(v))
        weights /= weights.sum()
    print(f"fit: largest relative error {np.abs(relative_error(v)).max():.2e} before rounding")
    p, q = split(v)
    return p.astype(F32), q.astype(F32)


def evaluate(p, q, a):
    """The code's arithmetic: Float32, each Horner step one fused multiply-add (exact product in
    Float64, one rounding), then a * p / q kept <= 1."""
    a = np.minimum(a, F32(CAP))
    t = (a * a).astype(F32).astype(np.float64)

    def horner(coefficients):
        value = np.full(a.shape, coefficients[-1], np.float64)
        for c in coefficients[-2::-1]:
            value = (value * t + np.float64(c)).astype(F32).astype(np.float64)
        return value.astype(F32)

    return np.minimum(((a * horner(p)).astype(F32) / horner(q)).astype(F32), F32(1))


def worst_units(p, q, a):
    exact = np.tanh(a.astype(np.float64))
    units = np.spacing(exact.astype(F32)).astype(np.float64)
    return (np.abs(evaluate(p, q, a).astype(np.float64) - exact) / units).max()


def nudge(p, q):
    sample = np.arange(int(F32(2**-12).view(np.uint32)), int(F32(CAP).view(np.uint32)), 211, dtype=np.uint32).view(F32)
    best = worst_units(p, q, sample)
    for _ in range(6):
        improved = False
        for array, index in [(p, k) for k in range(1, P_DEGREE + 1)] + [(q, k) for k in range(1, Q_DEGREE + 1)]:
            for step in [1, 2, 4, 8, 16, 32, 64, -1, -2, -4, -8, -16, -32, -64]:
                old = array[index]
                array[index] = (old.view(np.int32) + np.int32(step)).view(F32)
                score = worst_units(p, q, sample)
                if score < best - 1e-9:
                    best, improved = score, True
                else:
                    array[index] = old
        if not improved:
            break
    return p, q


def worst_over(p, q, stride):
    low, high = int(F32(2**-30).view(np.uint32)), int(F32(12).view(np.uint32))
    worst = 0.0
    for start in range(low, high, 1 << 24):
        a = np.arange(start, min(start + (1 << 24), high), stride, dtype=np.uint32).view(F32)
        worst = max(worst, worst_units(p, q, a))
    return worst


def check():
    """The committed coefficients: the same in C and Swift, within 6 units in the last place."""
    root = Path(__file__).resolve().parent.parent
    c_text = (root / "Sources/CNeuralKernels/tanh.c").read_text()
    swift_text = (root / "Sources/RLNeural/FastTanh.swift").read_text()
    # Horner's order in the code: P's highest coefficient first, then Q's.
    hex_c = re.findall(r"-?0x[0-9a-f.]+p[-+]?\d+", c_text)
    hex_swift = re.findall(r"-?0x[0-9a-f.]+p[-+]?\d+", swift_text)
    if hex_c != hex_swift or len(hex_c) != P_DEGREE + Q_DEGREE:
        print(f"the coefficients differ: tanh.c {hex_c}, FastTanh.swift {hex_swift}", file=sys.stderr)
        return 1
    values = [F32(float.fromhex(v)) for v in hex_c]
    p = np.array([F32(1)] + values[:P_DEGREE][::-1], dtype=F32)
    q = np.array([F32(1)] + values[P_DEGREE:][::-1], dtype=F32)
    worst = worst_over(p, q, 97)
    print(f"{len(hex_c)} coefficients, the same in tanh.c and FastTanh.swift")
    print(f"worst error over every 97th Float32 in [2^-30, 12]: {worst:.2f} units in the last place")
    return 0 if worst <= 6 else 1


def main():
    if sys.argv[1:] == ["--check"]:
        sys.exit(check())
    if sys.argv[1:]:
        print("usage: scripts/fit-tanh.py [--check]", file=sys.stderr)
        sys.exit(64)
    p, q = nudge(*fit())
    print("P (constant first):", ", ".join(float(c).hex() for c in p))
    print("Q (constant first):", ", ".join(float(c).hex() for c in q))
    worst = worst_over(p, q, 3)
    print(f"worst error over every third Float32 in [2^-30, 12]: {worst:.2f} units in the last place")


if __name__ == "__main__":
    main()
