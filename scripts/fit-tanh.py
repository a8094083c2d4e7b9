#!/usr/bin/env python3
"""The coefficients of RLNeural's tanh (Sources/RLNeural/FastTanh.swift, Sources/CNeuralKernels/tanh.c).

tanh a = a * P(a^2) / Q(a^2) on [0, 9], P of degree 6 and Q of degree 3 with Q(0) = 1. The fit
minimises the largest relative error: least squares on the relative error, then Lawson's
reweighting toward the minimax fit (about 7e-9). The coefficients are then rounded to Float32
and each is nudged by a few units in its last place while that lowers the worst error of the
rounded evaluation (fused multiply-adds, as the code does), measured on a sample of Float32s.
Prints the coefficients as hexadecimal float literals and the worst error in units in the last
place over every third Float32 in [2^-30, 12]. Needs numpy and scipy; takes about ten minutes.

    python3 scripts/fit-tanh.py
"""

import numpy as np
from scipy.optimize import least_squares

F32 = np.float32
CAP = 9.0
P_DEGREE, Q_DEGREE = 6, 3


def split(v):
    return v[: P_DEGREE + 1], np.concatenate([[1.0], v[P_DEGREE + 1 :]])


def fit():
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


def main():
    p, q = nudge(*fit())
    print("P (constant first):", ", ".join(float(c).hex() for c in p))
    print("Q (constant first):", ", ".join(float(c).hex() for c in q))
    low, high = int(F32(2**-30).view(np.uint32)), int(F32(12).view(np.uint32))
    worst = 0.0
    for start in range(low, high, 1 << 24):
        a = np.arange(start, min(start + (1 << 24), high), 3, dtype=np.uint32).view(F32)
        worst = max(worst, worst_units(p, q, a))
    print(f"worst error over every third Float32 in [2^-30, 12]: {worst:.2f} units in the last place")


if __name__ == "__main__":
    main()
