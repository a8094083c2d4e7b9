import RLCore
import RLJacksCarRental
import RLPlanning
import RLRender
import Synchronization

/// Figure 4.2 (p. 81, Example 4.2): policy iteration on Jack's car rental, γ = 0.9, from the
/// policy that never moves a car: the policies π0 ... π4 and the values v_π4. Each evaluation is
/// in place to a largest change below θ = 1e-6 (`--quick`: 1e-2) and starts from the previous
/// values; an improvement changes a state's move only for a better one by more than θ. Nothing is
/// random: one run is the figure.
///
/// The tables put the cars at the first location down the rows (20 at the top, as the book's
/// vertical axis has them) and the cars at the second across the columns; point x of a table is
/// `21 × (20 − first) + second`.
enum Figure4_2 {
    static let size = 21
    static let discount = 0.9
    static let rounds = 4

    static func x(first: Int, second: Int) -> Double { Double(size * (size - 1 - first) + second) }

    /// The model's state of table point `index`.
    static func state(at index: Int) -> Int { (size - 1 - index / size) * size + index % size }

    /// π0 ... π4 (moves, −5...5) and v_π4, table by table; made once for each θ.
    static let made = Mutex<[Double: [[Double]]]>([:])

    static func solve(tolerance: Double) -> [[Double]] {
        made.withLock { made in
            if let found = made[tolerance] { return found }
            let model = JacksCarRental.model()
            let stay = JacksCarRentalConfiguration().maxMove
            var policy = Array(repeating: stay, count: model.stateCount)
            var values = Array(repeating: 0.0, count: model.stateCount)
            var tables: [[Double]] = []
            for round in 0...rounds {
                tables.append((0..<(size * size)).map { Double(policy[state(at: $0)] - stay) })
                values = evaluatePolicy(policy, in: model, discount: discount, tolerance: tolerance, startingFrom: values).values
                guard round < rounds else { break }
                for state in 0..<model.stateCount {
                    let current = model.actionValue(state: state, action: policy[state], values: values, discount: discount)
                    let best = model.greedyAction(state: state, values: values, discount: discount)
                    if best.value > current + tolerance { policy[state] = best.action }
                }
            }
            let found = tables + [(0..<(size * size)).map { values[state(at: $0)] }]
            made[tolerance] = found
            return found
        }
    }

    static func series(_ label: String, _ index: Int) -> BookSeries {
        BookSeries(label: label, x: (0..<(size * size)).map(Double.init)) { seeds, quick, sums in
            let clock = ContinuousClock()
            let start = clock.now
            let table = solve(tolerance: quick ? 1e-2 : 1e-6)[index]
            sums.secondsInRuns += seconds(clock.now - start)
            for _ in seeds { sums.add(table) }
        }
    }

    /// The book's π0 ... π4 and v_π4, in words the pictures' font has.
    static let labels = (0...rounds).map { "policy \($0)" } + ["v of policy 4"]

    static func cells(values: Bool) -> BookPanel.Cells {
        BookPanel.Cells(
            width: 42, height: 22, text: { fixed($1, 0) }, rowLabels: (0..<size).map { String(size - 1 - $0) },
            columnLabels: (0..<size).map { $0 % 5 == 0 ? String($0) : "" }, rowTitle: "rows: cars at the first location",
            columnTitle: "cars at the second location", shading: values ? 400...620 : -5...5)
    }

    static let figure = BookFigure(
        id: "4.2",
        title: "The sequence of policies found by policy iteration on Jack's car rental problem, and the final state-value function",
        section: "§4.3 Policy Iteration (Example 4.2)", page: 81, runs: 1, quickRuns: 1,
        settings:
            "0-20 cars at each location, up to 5 moved overnight at $2, $10 a rental; requests Poisson 3 and 4, returns 3 and 2 (exact, tails lumped); γ = 0.9; policy iteration from 'move none', θ = 1e-6 (--quick: 1e-2)",
        series: labels.enumerated().map { series($1, $0) },
        panels: labels.map { label in
            BookPanel(
                title: "", xLabel: "state",
                yLabel: label == labels.last ? "the values of policy 4" : "cars moved from the first location to the second",
                series: [label],
                grid: (size, size), cells: cells(values: label == labels.last))
        },
        checks: checks)

    static var checks: [BookCheck] {
        func at(_ first: Int, _ second: Int) -> ClosedRange<Double> { x(first: first, second: second)...x(first: first, second: second) }
        return [
            BookCheck("π0 moves no car", .init("policy 0", x: 0...440), .value(0, reading: 0), source: "Figure 4.2, p. 81"),
            BookCheck(
                "π4 moves 5 cars from a full first location to an empty second", .init("policy 4", panel: 4, x: at(20, 0)),
                .value(5, reading: 0),
                source: "Figure 4.2, p. 81"),
            BookCheck(
                "π4 moves none from (0, 0)", .init("policy 4", panel: 4, x: at(0, 0)), .value(0, reading: 0), source: "Figure 4.2, p. 81"),
            BookCheck(
                "v_π4 of (0, 0), the bottom of the book's value axis, 420 (read from memory of the figure)",
                .init("v of policy 4", panel: 5, x: at(0, 0)), .value(420, reading: 5),
                source: "Figure 4.2, p. 81"),
        ]
    }
}
