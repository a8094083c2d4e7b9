import Foundation
import RLCore
import RLInfiniteVariance
import RLPrediction

/// Figure 5.4 (p. 107, Example 5.5): ordinary importance sampling's estimate of v_π(s) = 1 on the
/// one-state loop (target: always left; behaviour: left or right at random), ten runs, each
/// drawn on its own, against the episodes on a log scale. The book runs 100,000,000 episodes;
/// this runs 1,000,000 (`--quick`: 30,000), which keeps the figure to seconds and already shows
/// the runs failing to settle. Beside them, the text's weighted importance sampling ("exactly 1
/// forever after the first episode that ended with the left action") and ordinary's largest
/// error over the ten runs.
enum Figure5_4 {
    static let episodes = 1_000_000
    static let quickEpisodes = 30_000
    static let runs = 10

    /// Twenty points a decade, 1 to 10⁶, each an episode count.
    static let points: [Double] = {
        var seen: [Double] = []
        for step in 0...120 {
            let value = pow(10, Double(step) / 20).rounded()
            if value != seen.last { seen.append(value) }
        }
        return seen
    }()

    /// The estimates at `points` (up to `episodes`; the rest repeat the last) of run `seed`.
    static func estimates(seed: UInt64, sampling: ImportanceSampling, episodes: Int) -> [Double] {
        var loop = OneStateLoop()
        var behaviour = EquiprobableLoop(seed: derivedSeed(seed, purpose: SeedPurpose.agent))
        // π(left) / b(left) = 1 / 0.5; π(right) = 0.
        var estimator = OffPolicyMonteCarlo<Discrete, OneStateLoop.Move>(space: Discrete(1), sampling: sampling) { _, action in
            action == .left ? 2 : 0
        }
        var values: [Double] = []
        var next = 0
        predict(&estimator, following: &behaviour, on: &loop, episodes: episodes, seed: derivedSeed(seed, purpose: SeedPurpose.training)) {
            episode, learned in
            while next < points.count && Int(points[next]) == episode + 1 {
                values.append(learned.value(of: OneStateLoop.state))
                next += 1
            }
        }
        while values.count < points.count { values.append(values.last ?? 0) }
        return values
    }

    /// Run `index` (1...10) of ordinary importance sampling: the figure's run r plays seed
    /// `seed + r × 10 + index`, so the ten curves are ten different runs.
    static func run(_ index: Int) -> BookSeries {
        BookSeries(label: "run \(index)", x: points) { seeds, quick, sums in
            let clock = ContinuousClock()
            for seed in seeds {
                let start = clock.now
                let values = estimates(
                    seed: seed &* 10 &+ UInt64(index), sampling: .ordinary, episodes: quick ? quickEpisodes : episodes)
                sums.secondsInRuns += seconds(clock.now - start)
                sums.add(values)
            }
        }
    }

    /// Over the same ten runs: the largest |V − 1| of ordinary importance sampling, or the
    /// estimate of weighted importance sampling averaged.
    static func overRuns(_ label: String, largestError: Bool) -> BookSeries {
        BookSeries(label: label, x: points) { seeds, quick, sums in
            let clock = ContinuousClock()
            for seed in seeds {
                let start = clock.now
                let all = (1...runs).map {
                    estimates(
                        seed: seed &* 10 &+ UInt64($0), sampling: largestError ? .ordinary : .weighted,
                        episodes: quick ? quickEpisodes : episodes)
                }
                let values = points.indices.map { point in
                    largestError
                        ? all.map { abs($0[point] - 1) }.max()! : all.map { $0[point] }.reduce(0, +) / Double(runs)
                }
                sums.secondsInRuns += seconds(clock.now - start)
                sums.add(values)
            }
        }
    }

    static let weighted = "Weighted importance sampling (mean of the 10 runs)"
    static let spread = "Ordinary: largest |V(s) - 1| of the 10 runs"

    static let figure: BookFigure = BookFigure(
        id: "5.4", title: "Ordinary importance sampling produces surprisingly unstable estimates on the one-state MDP",
        section: "§5.5 Off-policy Prediction via Importance Sampling (Example 5.5)", page: 107, runs: 1, quickRuns: 1,
        settings:
            "one state s; right ends (0), left returns to s w.p. 0.9 (0) or ends w.p. 0.1 (+1); target: always left, v(s) = 1; behaviour: left or right at random; first-visit ordinary importance sampling, 10 runs of 1,000,000 episodes (the book: 100,000,000; --quick: 30,000)",
        series: (1...runs).map(run) + [overRuns(weighted, largestError: false), overRuns(spread, largestError: true)],
        panels: [
            BookPanel(
                title: "Ordinary importance sampling, 10 runs", xLabel: "Episodes (log scale)", yLabel: "Monte-Carlo estimate of v(s)",
                series: (1...runs).map { "run \($0)" }, xScale: .logarithmic10, yRange: 0...2),
            BookPanel(
                title: "", xLabel: "Episodes (log scale)", yLabel: "Estimate or error", series: [weighted, spread],
                xScale: .logarithmic10, yRange: 0...3),
        ],
        checks: [
            BookCheck(
                "weighted importance sampling gives exactly 1 from episode 1000 on (\"an estimate of exactly 1 forever after the first episode that ended with the left action\")",
                .init(weighted, panel: 1, x: 1000...Double(episodes)), .value(1, reading: 1e-12), source: "text, p. 107"),
            BookCheck(
                "ordinary importance sampling has not converged at the last episode (--quick: its last, 30,000): some run is more than 0.05 from 1 (\"fail to converge to the correct value of 1\")",
                .init(spread, panel: 1, x: Double(episodes)...Double(episodes)), .exceeds(0.05), source: "Figure 5.4 and text, p. 107"),
        ],
        // --quick's curves end at its last episode, and so do its checks' readings.
        quickFigure: { figure.ending(at: Double(quickEpisodes)) })
}
