import RLBlackjack
import RLCore
import RLPlanning
import RLPrediction
import RLRender

/// Figure 5.1 (p. 94, Example 5.1): first-visit Monte Carlo prediction of the policy that sticks
/// only on 20 or 21, on Sutton & Barto's Blackjack (infinite deck, the dealer sticks on 17 or
/// more, a natural wins unless the dealer has one too), γ = 1: the state values after 10,000 and
/// 500,000 episodes, with and without a usable ace. The book shows one run of each.
///
/// The book's surfaces are drawn as tables (rows: the dealer's card, A to 10; columns: the
/// player's sum, 12 to 21), shaded from red (−1) to green (+1). Point x of a table is
/// `10 × (dealer − 1) + (sum − 12)`: a row of the table is ten x values in a row.
enum Figure5_1 {
    static let counts = [10_000, 500_000]
    /// `--quick`'s longer run: enough for the checks' tolerances, fast in a debug build.
    static let quickLongRun = 100_000

    /// The x of the state (dealer's card, player's sum).
    static func x(dealer: Int, sum: Int) -> Double { Double(10 * (dealer - 1) + sum - 12) }
    static let states = (0..<100).map(Double.init)

    /// The 100 states of one table, in x order.
    static func observations(usableAce: Bool) -> [BlackjackObservation] {
        (1...10).flatMap { dealer in (12...21).map { BlackjackObservation(playerSum: $0, dealerCard: dealer, usableAce: usableAce) } }
    }

    /// A count written as the book writes it: `10,000`.
    static func grouped(_ count: Int) -> String {
        count < 1000 ? String(count) : grouped(count / 1000) + "," + String(String(count % 1000 + 1000).dropFirst())
    }

    /// The tables' style: values to two decimals, shaded, labelled as the book's axes are.
    static let cells = BookPanel.Cells(
        width: 66, height: 20, text: { fixed($1, 2) }, rowLabels: ["A"] + (2...10).map(String.init),
        columnLabels: (12...21).map(String.init), rowTitle: "rows: dealer showing", columnTitle: "player sum", shading: -1...1)

    /// The policy's exact values under the plain rules (``BlackjackModel``), by iterative policy
    /// evaluation: the same as under the book's rules everywhere but at 21 with a usable ace,
    /// where only the book's rules let a natural win against a dealer's non-natural 21.
    static let exactValues: [Double] = {
        let model = BlackjackModel.plainRules(), space = BlackjackSpace()
        let policy = (0..<space.count).map { SticksOnTwentyOrTwentyOne.action(for: space.element(at: $0)).rawValue }
        return evaluatePolicy(policy, in: model, discount: 1, tolerance: 1e-12).values
    }()

    /// The exact value of the policy averaged over a stretch of x.
    static func exact(usableAce: Bool, _ stretch: ClosedRange<Double>) -> Double {
        let space = BlackjackSpace(), table = observations(usableAce: usableAce)
        let inside = states.filter { stretch.contains($0) }
        return inside.map { exactValues[space.index(of: table[Int($0)])] }.reduce(0, +) / Double(inside.count)
    }

    /// A table's title: `After 10,000 episodes`.
    static func label(episodes: Int) -> String { "After \(grouped(episodes)) episodes" }

    /// One run of `episodes` (`quickEpisodes` under `--quick`), titled with the episodes the
    /// figure says it plays.
    static func series(episodes: Int, quickEpisodes: Int, shown: Int) -> BookSeries {
        BookSeries(label: label(episodes: shown), x: states, measures: 2) { seeds, quick, sums in
            let clock = ContinuousClock()
            let tables = [true, false].map(observations(usableAce:))
            for seed in seeds {
                let start = clock.now
                var blackjack = Blackjack(sab: true)
                var policy = SticksOnTwentyOrTwentyOne()
                var estimator = FirstVisitMonteCarlo<BlackjackSpace, BlackjackAction>(space: BlackjackSpace())
                predict(
                    &estimator, following: &policy, on: &blackjack, episodes: quick ? quickEpisodes : episodes,
                    seed: derivedSeed(seed, purpose: SeedPurpose.training))
                sums.secondsInRuns += seconds(clock.now - start)
                sums.add(tables.flatMap { $0.map(estimator.value(of:)) })
            }
        }
    }

    static let figure = make(quick: false)

    /// The book's figure, or `--quick`'s: its longer run titled with the 100,000 episodes it plays.
    static func make(quick: Bool) -> BookFigure {
        let longRun = quick ? quickLongRun : counts[1]
        return BookFigure(
            id: "5.1", title: "Approximate state-value functions for the blackjack policy that sticks only on 20 or 21",
            section: "§5.1 Monte Carlo Prediction (Example 5.1)", page: 94, runs: 1, quickRuns: 1,
            settings:
                "Blackjack, infinite deck, the dealer sticks on 17+, a natural wins unless the dealer has one; γ = 1; first-visit MC, one run of 10,000 and one of 500,000 episodes (--quick: 100,000)",
            series: [
                series(episodes: counts[0], quickEpisodes: counts[0], shown: counts[0]),
                series(episodes: counts[1], quickEpisodes: quickLongRun, shown: longRun),
            ],
            panels: [
                BookPanel(title: "Usable ace", xLabel: "state", yLabel: "Usable ace: v(s)", grid: (10, 10), cells: cells),
                BookPanel(title: "No usable ace", xLabel: "state", yLabel: "No usable ace: v(s)", measure: 1, grid: (10, 10), cells: cells),
            ],
            checks: checks(longRun: longRun), quickFigure: { make(quick: true) })
    }

    /// "After 500,000 games the value function is very well approximated" (p. 94): a row's mean
    /// against the exact value. At 100,000 episodes or more a state of a row below is seen
    /// about a thousand times or more (a return's standard deviation is below 1, so about ±0.03
    /// each), and the mean of a row of ten is good to about ±0.01; the tolerance is three times that.
    static func checks(longRun: Int) -> [BookCheck] {
        let long = label(episodes: longRun)
        func row(_ dealer: Int, _ sums: ClosedRange<Int>) -> ClosedRange<Double> {
            x(dealer: dealer, sum: sums.lowerBound)...x(dealer: dealer, sum: sums.upperBound)
        }
        func close(_ words: String, usableAce: Bool, dealer: Int, sums: ClosedRange<Int>, reading: Double) -> BookCheck {
            let stretch = row(dealer, sums)
            let exact = exact(usableAce: usableAce, stretch)
            return BookCheck(
                "\(grouped(longRun)) episodes, \(usableAce ? "usable ace" : "no usable ace"), dealer \(dealer == 1 ? "A" : String(dealer)), sums \(sums.lowerBound)-\(sums.upperBound): \(words) (the exact value \(fixed(exact, 3)))",
                .init(long, panel: usableAce ? 0 : 1, x: stretch), .value((exact * 1000).rounded() / 1000, reading: reading),
                source: "text, p. 94; the exact value from the model")
        }
        return [
            close("\"very well approximated\"", usableAce: false, dealer: 10, sums: 12...21, reading: 0.03),
            close("\"very well approximated\"", usableAce: false, dealer: 6, sums: 12...21, reading: 0.03),
            close("\"very well approximated\"", usableAce: true, dealer: 10, sums: 12...20, reading: 0.05),
            BookCheck(
                "no usable ace, dealer 10: sums 20-21 above 12-19 (\"jump up for the last two rows in the rear\")",
                .init(long, panel: 1, x: row(10, 20...21)), .above(.init(long, panel: 1, x: row(10, 12...19))),
                source: "Exercise 5.1, p. 94"),
            BookCheck(
                "no usable ace: a dealer's ace below a dealer's 2 (\"drop off for the whole last row on the left\")",
                .init(long, panel: 1, x: row(2, 12...21)), .above(.init(long, panel: 1, x: row(1, 12...21))),
                source: "Exercise 5.1, p. 94"),
            BookCheck(
                "sum 12 against a 10: usable ace above no usable ace (\"the frontmost values are higher in the upper diagrams\")",
                .init(long, panel: 0, x: row(10, 12...12)), .above(.init(long, panel: 1, x: row(10, 12...12))),
                source: "Exercise 5.1, p. 94"),
        ]
    }
}
