"""EnvPool's C++ classic-control worlds through its Python API, as users run them: 64
environments on one thread, counting every sub-environment step, best of 3. The yardstick
docs/PERFORMANCE.md puts beside `rl bench --env W`. Needs `pip install envpool` (not a
dependency of rl): python3 benchmarks/envpool_classic_control.py"""
import time, sys, numpy as np, envpool
for task, n_actions in [("CartPole-v1", 2), ("MountainCar-v0", 3), ("Acrobot-v1", 3)]:
    env = envpool.make(task, env_type="gymnasium", num_envs=64, batch_size=64, num_threads=1, seed=1)
    env.reset()
    rng = np.random.default_rng(1)
    actions = [rng.integers(0, n_actions, size=64).astype(np.int32) for _ in range(64)]
    best = 0
    for repeat in range(3):
        steps = 0
        start = time.perf_counter()
        for i in range(20000 if task != "Acrobot-v1" else 4000):
            env.step(actions[i % 64])
            steps += 64
        rate = steps / (time.perf_counter() - start)
        best = max(best, rate)
    print(f"{task}: {best/1e6:.2f} M steps/s (64 envs, 1 thread, best of 3)")
