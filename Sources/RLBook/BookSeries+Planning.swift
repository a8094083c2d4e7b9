import Foundation
import RLCore
import RLExperiments
import RLPlanning

extension BookSeries {
    /// How Figure 8.7 updates its one state-action pair.
    public enum UpdateKind: Sendable {
        case expected
        case sample
    }

    /// Figure 8.7: one state-action pair with `branches` equally likely successors whose targets
    /// are N(0, 1) draws (from `derivedSeed(seed, purpose: training)`), its estimate starting
    /// 1 above their mean, updated for 2b computations of a max_a' Q(s', a') by expected or by
    /// sample updates (the successors drawn from `derivedSeed(seed, purpose: agent)`). Each run
    /// gives the squared error after the computations `t` (at most `points` + 1 of 0...2b, evenly
    /// spread), plotted at x = t/b; the curve is their root mean square over runs.
    public static func branchingErrors(_ label: String, branches: Int, updates: UpdateKind, points: Int = 200) -> BookSeries {
        let computations = 2 * branches
        let shown = Array(Set((0...points).map { ($0 * computations + points / 2) / points })).sorted()
        return BookSeries(label: label, x: shown.map { Double($0) / Double(branches) }, aggregate: .rootMeanSquare) { seeds, _, sums in
            var squares = Array(repeating: 0.0, count: shown.count)
            let clock = ContinuousClock()
            for seed in seeds {
                let start = clock.now
                var values = Xoshiro256StarStar(seed: derivedSeed(seed, purpose: SeedPurpose.training))
                let targets = (0..<branches).map { _ in values.nextGaussian() }
                var draws = Xoshiro256StarStar(seed: derivedSeed(seed, purpose: SeedPurpose.agent))
                // The initial estimate's error is 1, as the book's analysis has it.
                let trueValue = targets.reduce(0, +) / Double(branches)
                var pair = BranchingUpdate(targets: targets, initialEstimate: trueValue + 1)
                var next = 0
                for t in 0...computations {
                    if t > 0 {
                        switch updates {
                        case .expected: pair.expectedUpdateStep()
                        case .sample: pair.sampleUpdate(successor: draws.nextIndex(below: branches))
                        }
                    }
                    if next < shown.count && shown[next] == t {
                        squares[next] = pair.error * pair.error
                        next += 1
                    }
                }
                sums.secondsInRuns += seconds(clock.now - start)
                sums.add(squares)
            }
        }
    }
}
