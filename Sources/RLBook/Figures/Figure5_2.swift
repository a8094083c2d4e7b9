import RLBlackjack
import RLCore
import RLPlanning
import RLRender
import RLTabular
import Synchronization

/// Figure 5.2 (p. 100, Example 5.3): the optimal policy and state-value function for Blackjack
/// found by Monte Carlo ES (exploring starts over the 200 states and both actions, first-visit
/// averages of the returns, greedy improvement after each episode), starting from the policy
/// of Example 5.1 and Q = 0. v*(s) is max_a Q(s, a). The book gives no episode count; this runs
/// 5,000,000 (`--quick`: 200,000), one run, as the figure shows one.
///
/// The tables are Figure 5.1's (rows: the dealer's card; columns: the player's sum); π* is
/// written S (stick, +1, green) or H (hit, −1, red). The checks read stretches of the book's
/// π* away from its margins (the whole of it, transcribed, is checked against value iteration on
/// the exact model in `MonteCarloExploringStartsTests`), and v* against the exact optimal values.
enum Figure5_2 {
    static let episodes = 5_000_000
    static let quickEpisodes = 200_000

    /// Runs already made, by seed and length: the two series (π* and v*) read the same run, and
    /// it is made once.
    static let made = Mutex<[[UInt64]: (policy: [Double], values: [Double])]>([:])

    /// π* and v* of one run, table by table (usable ace first), made once.
    static func solve(seed: UInt64, episodes: Int) -> (policy: [Double], values: [Double]) {
        // The lock is held while the run is made, so the other series' thread waits for it
        // rather than making it again.
        made.withLock { made in
            if let found = made[[seed, UInt64(episodes)]] { return found }
            let found = play(seed: seed, episodes: episodes)
            made[[seed, UInt64(episodes)]] = found
            return found
        }
    }

    static func play(seed: UInt64, episodes: Int) -> (policy: [Double], values: [Double]) {
        var blackjack = Blackjack(sab: true)
        var agent = MonteCarloESAgent(
            states: BlackjackSpace(), actions: BlackjackActionSpace(), initialPolicy: SticksOnTwentyOrTwentyOne.action(for:))
        _ = train(exploringStarts: &agent, on: &blackjack, episodes: episodes, seed: derivedSeed(seed, purpose: SeedPurpose.training))
        let tables = [true, false].flatMap(Figure5_1.observations(usableAce:))
        return (
            tables.map { agent.action(for: $0, mode: .evaluation) == .stick ? 1 : -1 },
            tables.map { state in BlackjackAction.allCases.map { agent.value(of: state, $0) }.max()! }
        )
    }

    static func series(_ label: String, _ pick: @escaping @Sendable ((policy: [Double], values: [Double])) -> [Double]) -> BookSeries {
        BookSeries(label: label, x: Figure5_1.states, measures: 2) { seeds, quick, sums in
            let clock = ContinuousClock()
            for seed in seeds {
                let start = clock.now
                let found = pick(solve(seed: seed, episodes: quick ? quickEpisodes : episodes))
                sums.secondsInRuns += seconds(clock.now - start)
                sums.add(found)
            }
        }
    }

    static let cells = BookPanel.Cells(
        width: 66, height: 20, text: { label, value in label == policy ? (value > 0 ? "S" : "H") : fixed(value, 2) },
        rowLabels: ["A"] + (2...10).map(String.init), columnLabels: (12...21).map(String.init), rowTitle: "rows: dealer showing",
        columnTitle: "player sum", shading: -1...1)

    static let policy = "Optimal policy (S stick, H hit)", values = "Optimal values v*"

    /// The optimal values under the plain rules, by value iteration (Figure 5.1 says where the
    /// book's rules differ: only at 21 with a usable ace).
    static let exactValues: [Double] = valueIteration(BlackjackModel.plainRules(), discount: 1, tolerance: 1e-12).values

    static func exact(usableAce: Bool, _ stretch: ClosedRange<Double>) -> Double {
        let space = BlackjackSpace(), table = Figure5_1.observations(usableAce: usableAce)
        let inside = Figure5_1.states.filter { stretch.contains($0) }
        return inside.map { exactValues[space.index(of: table[Int($0)])] }.reduce(0, +) / Double(inside.count)
    }

    static let figure = BookFigure(
        id: "5.2", title: "The optimal policy and state-value function for blackjack, found by Monte Carlo ES",
        section: "§5.3 Monte Carlo Control (Example 5.3)", page: 100, runs: 1, quickRuns: 1,
        settings:
            "Blackjack as in Figure 5.1; exploring starts over the 200 states and both actions; π0 sticks on 20 or 21, Q0 = 0; γ = 1; one run of 5,000,000 episodes (the book gives no count; --quick: 200,000)",
        series: [series(policy) { $0.policy }, series(values) { $0.values }],
        panels: [
            BookPanel(title: "Usable ace", xLabel: "state", yLabel: "Usable ace: policy and values", grid: (10, 10), cells: cells),
            BookPanel(
                title: "No usable ace", xLabel: "state", yLabel: "No usable ace: policy and values", measure: 1, grid: (10, 10),
                cells: cells),
        ],
        checks: checks)

    static var checks: [BookCheck] {
        func row(_ dealer: Int, _ sums: ClosedRange<Int>) -> ClosedRange<Double> {
            Figure5_1.x(dealer: dealer, sum: sums.lowerBound)...Figure5_1.x(dealer: dealer, sum: sums.upperBound)
        }
        func name(_ dealer: Int) -> String { dealer == 1 ? "an ace" : "a \(dealer)" }
        /// Sticks (+1) or hits (−1) on every sum of the stretch, as the book's π* does.
        func acts(_ stick: Bool, usableAce: Bool, dealer: Int, sums: ClosedRange<Int>) -> BookCheck {
            BookCheck(
                "π*, \(usableAce ? "usable ace" : "no usable ace"), against \(name(dealer)): \(stick ? "sticks" : "hits") on \(sums.lowerBound)-\(sums.upperBound)",
                .init(policy, panel: usableAce ? 0 : 1, x: row(dealer, sums)), .value(stick ? 1 : -1, reading: 0),
                source: "Figure 5.2, p. 100")
        }
        /// Each state-action pair starts about 1/400 of the episodes (500 at `--quick`'s
        /// 200,000), and a return's standard deviation is below 1: a row of five or ten is good
        /// to about ±0.02 at 200,000 episodes; the tolerance is three times that.
        func close(usableAce: Bool, dealer: Int, sums: ClosedRange<Int>) -> BookCheck {
            let stretch = row(dealer, sums), value = (exact(usableAce: usableAce, stretch) * 1000).rounded() / 1000
            return BookCheck(
                "v*, \(usableAce ? "usable ace" : "no usable ace"), against \(name(dealer)), sums \(sums.lowerBound)-\(sums.upperBound): the exact optimal value \(fixed(value, 3))",
                .init(values, panel: usableAce ? 0 : 1, x: stretch), .value(value, reading: 0.06),
                source: "Figure 5.2, p. 100; the exact value from the model")
        }
        return [
            acts(true, usableAce: false, dealer: 10, sums: 17...21),
            acts(false, usableAce: false, dealer: 10, sums: 12...15),
            acts(true, usableAce: false, dealer: 5, sums: 13...21),
            acts(false, usableAce: false, dealer: 7, sums: 12...15),
            acts(true, usableAce: true, dealer: 5, sums: 19...21),
            acts(false, usableAce: true, dealer: 10, sums: 12...17),
            close(usableAce: false, dealer: 10, sums: 12...21),
            close(usableAce: false, dealer: 5, sums: 17...21),
        ]
    }
}
