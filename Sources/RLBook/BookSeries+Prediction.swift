import RLCore
import RLExperiments
import RLRandomWalk

extension BookSeries {
    /// A value estimator learning the random walk's values under the equiprobable policy: the
    /// RMS error over its non-terminal states before any episode and after each (Example 6.2's
    /// right graph). Run `seed` draws the policy's moves from `derivedSeed(seed, purpose: agent)`.
    public static func prediction<V: ValueEstimator>(
        _ label: String, walk: RandomWalk, episodes: Int, estimator: @escaping @Sendable () -> V
    ) -> BookSeries where V.Observation == Int, V.Action == RandomWalk.Move {
        BookSeries(label: label, x: (0...episodes).map(Double.init)) { seeds, _, sums in
            var errors = Array(repeating: 0.0, count: episodes + 1)
            let clock = ContinuousClock()
            for seed in seeds {
                let start = clock.now
                var world = walk
                var policy = EquiprobableWalk(seed: derivedSeed(seed, purpose: SeedPurpose.agent))
                var learner = estimator()
                errors[0] = rootMeanSquareError(learner, walk)
                predict(&learner, following: &policy, on: &world, episodes: episodes, seed: nil) { episode, learned in
                    errors[episode + 1] = rootMeanSquareError(learned, walk)
                }
                sums.secondsInRuns += seconds(clock.now - start)
                sums.add(errors)
            }
        }
    }

    /// A parameter study of a value estimator on the random walk (Figure 7.2): for each value
    /// (the x values), the RMS error after each of the first `episodes` episodes, averaged. Every
    /// value meets the same walks.
    public static func predictionStudy<V: ValueEstimator>(
        _ label: String, walk: RandomWalk, episodes: Int, values: [Double], estimator: @escaping @Sendable (Double) -> V
    ) -> BookSeries where V.Observation == Int, V.Action == RandomWalk.Move {
        BookSeries(label: label, x: values) { seeds, _, sums in
            var points = Array(repeating: 0.0, count: values.count)
            let clock = ContinuousClock()
            for seed in seeds {
                let start = clock.now
                for (index, value) in values.enumerated() {
                    var world = walk
                    var policy = EquiprobableWalk(seed: derivedSeed(seed, purpose: SeedPurpose.agent))
                    var learner = estimator(value)
                    var total = 0.0
                    predict(&learner, following: &policy, on: &world, episodes: episodes, seed: nil) { _, learned in
                        total += rootMeanSquareError(learned, walk)
                    }
                    points[index] = total / Double(episodes)
                }
                sums.secondsInRuns += seconds(clock.now - start)
                sums.add(points)
            }
        }
    }
}

/// √(mean over the walk's non-terminal states of (V(s) − v_π(s))²).
func rootMeanSquareError<V: ValueEstimator>(_ estimator: V, _ walk: RandomWalk) -> Double where V.Observation == Int {
    let truth = walk.trueValues
    var total = 0.0
    for state in 1...walk.states {
        let error = estimator.value(of: state) - truth[state - 1]
        total += error * error
    }
    return (total / Double(walk.states)).squareRoot()
}
