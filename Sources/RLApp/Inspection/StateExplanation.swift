import RLCore
import RLPolicyGradient
import RLPong
import RLRender
import RLTabular

/// One state of a table, read back in words (`rl inspect --state`).
public struct StateExplanation: Sendable, Equatable {
    /// The state's coordinates, one per table dimension.
    public var coordinates: [Int]
    /// The state's dense index in the table.
    public var state: Int

    /// Parses `P,Y,X[,DX,DY]` (or `ROW,COLUMN` for Cliff Walking) against the table's shape.
    /// - Throws: one line naming the problem: wrong count, not a number, out of range.
    public init(parsing text: String, policy: Policy) throws(InspectionError) {
        let dimensions = policy.metadata.stateDimensions
        let shape = policy.table.stateShape
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters() }
        guard parts.count == shape.count else {
            throw InspectionError(
                "--state needs \(shape.count) comma-separated numbers (\(dimensions.joined(separator: ","))) for this policy, got \(parts.count)"
            )
        }
        var coordinates: [Int] = []
        for (index, part) in parts.enumerated() {
            guard let value = Int(part) else {
                throw InspectionError("--state: \(dimensions[index]) must be an integer, got '\(part)'")
            }
            guard (0..<shape[index]).contains(value) else {
                throw InspectionError("--state: \(dimensions[index]) must be in 0...\(shape[index] - 1), got \(value)")
            }
            coordinates.append(value)
        }
        self.coordinates = coordinates
        state = MultiDiscrete(shape).index(of: coordinates)
    }

    /// The explanation: where things are, each action's value and visits, and what the agent does.
    public func render(_ loaded: LoadedPolicy) -> String {
        let policy = loaded.policy
        let table = policy.table
        let actions = policy.metadata.actions
        let named = zip(policy.metadata.stateDimensions, coordinates).map { "\($0) \($1)" }.joined(separator: ", ")
        var lines = ["State (\(named))"]
        if let words = loaded.world?.inspection?.explain(state: coordinates) {
            lines.append("  " + words)
        }
        let valueWidth = (0..<table.actionCount).map { fixed(table[state, $0], 3).count }.max() ?? 1
        let nameWidth = actions.map(\.count).max() ?? 1
        if Registry.isSoftmaxPolicy(policy.metadata.agent) {
            return render(preferencesOf: table, actions: actions, header: lines, nameWidth: nameWidth, valueWidth: valueWidth)
        }
        for (action, name) in actions.enumerated() {
            let value = fixed(table[state, action], 3)
            let visits = table.visitCount(state: state, action: action)
            lines.append(
                "  \(name)\(String(repeating: " ", count: nameWidth - name.count))  \(String(repeating: " ", count: valueWidth - value.count))\(value)  (learned from \(visits) visit\(visits == 1 ? "" : "s"))"
            )
        }
        lines.append(verdict(table: table, actions: actions))
        return lines.joined(separator: "\n") + "\n"
    }

    /// A policy-gradient agent's state: each action's preference θ(s, a) and its probability
    /// π(a|s) under the soft-max, and the action `rl eval` plays (the most probable).
    func render(preferencesOf table: QTable, actions: [String], header: [String], nameWidth: Int, valueWidth: Int) -> String {
        var lines = header
        let probabilities = table.softmaxProbabilities(in: state)
        for (action, name) in actions.enumerated() {
            let value = fixed(table[state, action], 3)
            let visits = table.visitCount(state: state, action: action)
            lines.append(
                "  \(name)\(String(repeating: " ", count: nameWidth - name.count))  preference \(String(repeating: " ", count: valueWidth - value.count))\(value)"
                    + "  π \(fixed(probabilities[action], 3))  (taken \(visits) time\(visits == 1 ? "" : "s") in training)")
        }
        let best = table.greedyActions(in: state)
        lines.append(
            table.wasVisited(state)
                ? "The soft-max policy draws each action with its probability π while training; played greedily (rl eval), it goes "
                    + best.map { actions[$0] }.joined(separator: " or ") + (best.count > 1 ? " (a tie, one at random)." : ".")
                : "Never visited in training: every action is equally likely, so the agent picks at random among \(actions.joined(separator: ", "))."
        )
        return lines.joined(separator: "\n") + "\n"
    }

    /// The tutorial's reading in one sentence: "the value of going up is 1.9 and of going down −9: it goes up".
    func verdict(table: QTable, actions: [String]) -> String {
        guard table.wasVisited(state) else {
            return
                "Never visited in training: every value is still its initial \(fixed(table[state, 0], 1)), so the agent picks at random among \(actions.joined(separator: ", "))."
        }
        // Enough decimals that different values never print alike (3, up to 9).
        let raw = (0..<table.actionCount).map { table[state, $0] }
        let digits = (3...9).first { digits in Set(raw.map { fixed($0, digits) }).count == Set(raw).count } ?? 9
        let values = (0..<table.actionCount).map { "of going \(actions[$0]) is \(fixed(raw[$0], digits))" }
        // "of going up is 1.9 and of going down is -9"; with more actions, commas before the last "and".
        let reading =
            "The value "
            + (values.count <= 2
                ? values.joined(separator: " and ")
                : values.dropLast().joined(separator: ", ") + " and " + values.last!)
        let best = table.greedyActions(in: state)
        if best.count == 1 {
            return reading + ": the agent goes \(actions[best[0]])."
        }
        return reading + ": \(best.map { actions[$0] }.joined(separator: " and ")) tie, so the agent picks one of them at random."
    }

    /// Where the bins put the paddle and the ball, in pixels.
    static func pongPositions(_ coordinates: [Int], _ configuration: PongConfiguration) -> String {
        func range(_ values: ClosedRange<Int>) -> String {
            values.count == 1 ? "\(values.lowerBound)" : "\(values.lowerBound) to \(values.upperBound)"
        }
        var text =
            "The paddle's bottom edge is at y \(range(configuration.paddleBins.values(inBin: coordinates[0])))"
            + ", the ball at x \(range(configuration.ballXBins.values(inBin: coordinates[2])))"
            + ", y \(range(configuration.ballYBins.values(inBin: coordinates[1])))"
        if coordinates.count == 5 {
            text +=
                ", moving \(coordinates[3] == 1 ? "right (away from the paddle)" : "left (towards the paddle)") and \(coordinates[4] == 1 ? "up" : "down")"
        }
        return text + "."
    }
}

extension Substring {
    func trimmingCharacters() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
