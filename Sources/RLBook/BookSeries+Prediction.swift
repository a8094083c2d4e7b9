import RLCore
import RLExperiments
import RLRandomWalk

extension BookSeries {
    /// A value estimator learning the random walk's values under the equiprobable policy: the
    /// RMS error over its non-terminal states before any episode and after each (Example 6.2's
    /// right graph), or after every `every`-th (Figure 9.10). Run `seed` draws the policy's moves
    /// from `derivedSeed(seed, purpose: agent)`, the long walk's jumps from
    /// `derivedSeed(seed, purpose: training)`; `--quick` plays `quickEpisodes` of `estimator(true)`, where given
    /// (the points after them repeat the last).
    /// With a `distribution` μ over the states, the error is √VE, each state's squared error
    /// weighted by μ (eq. 9.1).
    public static func prediction<V: ValueEstimator>(
        _ label: String, walk: RandomWalk, episodes: Int, every: Int = 1, quickEpisodes: Int? = nil,
        weightedBy distribution: [Double]? = nil, estimator: @escaping @Sendable (_ quick: Bool) -> V
    ) -> BookSeries where V.Observation == Int, V.Action == RandomWalk.Move {
        BookSeries(label: label, x: stride(from: 0, through: episodes, by: every).map(Double.init)) { seeds, quick, sums in
            let played = quick ? quickEpisodes ?? episodes : episodes
            // Points past a quick run's last episode keep its last error.
            var errors = Array(repeating: 0.0, count: episodes / every + 1)
            // v_π, solved once for the runs (a computed property: Example 9.1's walk solves 1000 equations).
            let truth = walk.trueValues
            let clock = ContinuousClock()
            for seed in seeds {
                let start = clock.now
                var world = walk
                var policy = EquiprobableWalk(seed: derivedSeed(seed, purpose: SeedPurpose.agent))
                var learner = estimator(quick)
                errors[0] = rootMeanSquareError(learner, truth, weightedBy: distribution)
                let walkSeed = derivedSeed(seed, purpose: SeedPurpose.training)
                predict(&learner, following: &policy, on: &world, episodes: played, seed: walkSeed) { episode, learned in
                    if (episode + 1) % every == 0 {
                        errors[(episode + 1) / every] = rootMeanSquareError(learned, truth, weightedBy: distribution)
                    }
                }
                for point in (played / every + 1)..<errors.count { errors[point] = errors[played / every] }
                sums.secondsInRuns += seconds(clock.now - start)
                sums.add(errors)
            }
        }
    }

    /// A parameter study of a value estimator on the random walk (Figure 7.2): for each value
    /// (the x values), the RMS error after each of the first `episodes` episodes, averaged. Every
    /// value meets the same walks: the policy's moves from `derivedSeed(seed, purpose: agent)`,
    /// the long walk's jumps from `derivedSeed(seed, purpose: training)`.
    public static func predictionStudy<V: ValueEstimator>(
        _ label: String, walk: RandomWalk, episodes: Int, values: [Double], estimator: @escaping @Sendable (Double) -> V
    ) -> BookSeries where V.Observation == Int, V.Action == RandomWalk.Move {
        BookSeries(label: label, x: values) { seeds, _, sums in
            var points = Array(repeating: 0.0, count: values.count)
            let truth = walk.trueValues
            let clock = ContinuousClock()
            for seed in seeds {
                let start = clock.now
                for (index, value) in values.enumerated() {
                    var world = walk
                    var policy = EquiprobableWalk(seed: derivedSeed(seed, purpose: SeedPurpose.agent))
                    var learner = estimator(value)
                    var total = 0.0
                    let walkSeed = derivedSeed(seed, purpose: SeedPurpose.training)
                    predict(&learner, following: &policy, on: &world, episodes: episodes, seed: walkSeed) { _, learned in
                        total += rootMeanSquareError(learned, truth)
                    }
                    points[index] = total / Double(episodes)
                }
                sums.secondsInRuns += seconds(clock.now - start)
                sums.add(points)
            }
        }
    }
}

extension BookSeries {
    /// What a value estimator has learned after a long run on the random walk (Figures 9.1 and
    /// 9.2, left): two measures over the states 1…states, v̂(s) after the last episode and the
    /// share of the run's time steps spent in s (the on-policy distribution μ of §9.2). `--quick`
    /// plays `quickEpisodes`.
    public static func learnedValues<V: ValueEstimator>(
        _ label: String, walk: RandomWalk, episodes: Int, quickEpisodes: Int, runDivisor: Int = 1,
        estimator: @escaping @Sendable (_ quick: Bool) -> V
    ) -> BookSeries where V.Observation == Int, V.Action == RandomWalk.Move {
        BookSeries(label: label, x: (1...walk.states).map(Double.init), measures: 2, runDivisor: runDivisor) { seeds, quick, sums in
            let clock = ContinuousClock()
            for seed in seeds {
                let start = clock.now
                var world = walk
                var policy = CountingPolicy(
                    counts: Array(repeating: 0, count: walk.states + 2),
                    policy: EquiprobableWalk(seed: derivedSeed(seed, purpose: SeedPurpose.agent)))
                var learner = estimator(quick)
                predict(
                    &learner, following: &policy, on: &world, episodes: quick ? quickEpisodes : episodes,
                    seed: derivedSeed(seed, purpose: SeedPurpose.training))
                let steps = Double(policy.counts.reduce(0, +))
                let values = learner.values(of: Array(1...walk.states))
                let distribution = (1...walk.states).map { Double(policy.counts[$0]) / steps }
                sums.secondsInRuns += seconds(clock.now - start)
                sums.add(values + distribution)
            }
        }
    }

    /// A curve every run gives alike, point by point (a true value function).
    public static func exact(_ label: String, x: [Double], values: [Double]) -> BookSeries {
        BookSeries(label: label, x: x) { seeds, _, sums in
            for _ in seeds { sums.add(values) }
        }
    }
}

/// The equiprobable walk, counting the states it acts in: the time steps spent in each state.
struct CountingPolicy: FixedPolicy {
    var counts: [Int]
    var policy: EquiprobableWalk
    mutating func action(for observation: Int) -> RandomWalk.Move {
        counts[observation] += 1
        return policy.action(for: observation)
    }
}

/// √(mean over the walk's non-terminal states of (V(s) − v_π(s))²), or with a distribution μ
/// over them, √VE = √(Σ_s μ(s) (V(s) − v_π(s))²) (eq. 9.1). `truth` is the walk's v_π
/// (`RandomWalk.trueValues`, solved on each read: read it once, not at every episode).
func rootMeanSquareError<V: ValueEstimator>(_ estimator: V, _ truth: [Double], weightedBy distribution: [Double]? = nil) -> Double
where V.Observation == Int {
    let states = truth.count
    let values = estimator.values(of: Array(1...states))
    var total = 0.0
    for state in 1...states {
        let error = values[state - 1] - truth[state - 1]
        total += (distribution?[state - 1] ?? 1 / Double(states)) * error * error
    }
    return total.squareRoot()
}
