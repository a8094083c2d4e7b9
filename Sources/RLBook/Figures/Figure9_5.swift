import RLFeatures
import RLPrediction
import RLRandomWalk

/// Figure 9.5 (p. 214, from memory): the Fourier basis against the polynomial basis (§9.5.1-2)
/// on the 1000-state random walk. Gradient Monte Carlo (the box on p. 202) with bases of order
/// n = 5, 10 and 20 over the state scaled to `0...1`, the step sizes roughly the best for each
/// kind: α = 10⁻⁴ for the polynomials, 5 × 10⁻⁵ for the Fourier basis. √VE (eq. 9.1, μ solved
/// exactly), every 25 episodes up to 5,000; 30 runs.
enum Figure9_5 {
    static let walk = Figure9_1.walk
    static let orders = [5, 10, 20]
    static let episodes = 5_000
    static let every = 25
    /// `--quick`: 300 episodes at 10 times the book's α.
    static let quickEpisodes = 300
    static let polynomialStepSize = 1e-4
    static let fourierStepSize = 5e-5
    static let mu = Figure9_10.mu
    static func polynomial(_ n: Int) -> String { "polynomial basis, n = \(n)" }
    static func fourier(_ n: Int) -> String { "Fourier basis, n = \(n)" }

    /// The state s as s/1000, as the Python reproduction scales it: state 1000 is 1.
    static let scale = FeatureRanges(low: [0], high: [Double(walk.states)])

    /// A basis's features of the states 0…1000, made once: x(s) is row s.
    static func rows(count: Int, _ values: (_ state: Double, inout ActiveFeatures) -> Void) -> TabulatedFeatures {
        var active = ActiveFeatures(capacity: count)
        return TabulatedFeatures(
            rows: (0...walk.states).map { state in
                values(Double(state), &active)
                return Array(active.values.prefix(active.count))
            })
    }

    // The orders are in range: the bases cannot refuse them.
    static func polynomialFeatures(_ n: Int) -> TabulatedFeatures {
        let basis = try! PolynomialBasis(order: n, ranges: scale)
        return rows(count: basis.featureCount) { state, active in basis.values(of: { _ in state }, into: &active) }
    }

    static func fourierFeatures(_ n: Int) -> TabulatedFeatures {
        let basis = try! FourierBasis(order: n, ranges: scale)
        return rows(count: basis.featureCount) { state, active in basis.values(of: { _ in state }, into: &active) }
    }

    static func series(_ label: String, features: TabulatedFeatures, stepSize: Double) -> BookSeries {
        .prediction(label, walk: walk, episodes: episodes, every: every, quickEpisodes: quickEpisodes, weightedBy: mu) { quick in
            GradientMonteCarlo<TabulatedFeatures, RandomWalk.Move>(features: features, stepSize: quick ? 10 * stepSize : stepSize)
        }
    }

    static let figure: BookFigure = BookFigure(
        id: "9.5", title: "Fourier basis against polynomials on the 1000-state random walk, using gradient Monte Carlo",
        section: "§9.5.2 Fourier Basis", page: 214, runs: 30, quickRuns: 2,
        settings:
            "Figure 9.1's walk; gradient MC; polynomial and Fourier bases of order n = 5, 10, 20 over s = state/1000; α = 1e-4 (polynomial), 5e-5 (Fourier); w = 0; 5,000 episodes (--quick: 300 at 10 times the α, the rest of the curve flat), 30 runs; √VE, weighted by μ solved exactly",
        series: orders.map { n in series(polynomial(n), features: polynomialFeatures(n), stepSize: polynomialStepSize) }
            + orders.map { n in series(fourier(n), features: fourierFeatures(n), stepSize: fourierStepSize) },
        panels: [
            BookPanel(
                title: "", xLabel: "Episodes", yLabel: "√VE averaged over 30 runs",
                series: orders.map(polynomial) + orders.map(fourier), yRange: 0...0.45)
        ],
        checks: orders.flatMap { n in
            [500...2500, 2500...5000].map { episodes in
                BookCheck(
                    "the Fourier basis learns better: polynomials' √VE above Fourier's at n = \(n), episodes \(Int(episodes.lowerBound))-\(Int(episodes.upperBound))",
                    .init(polynomial(n), x: episodes), .above(.init(fourier(n), x: episodes)), source: "Figure 9.5, p. 214 (from memory)")
            }
        },
        // --quick's curves end at its last episode, and so do its checks' readings.
        quickFigure: { figure.ending(at: Double(quickEpisodes)) })
}
