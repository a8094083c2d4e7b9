import RLCore
import RLDeep
import RLPong
import RLRender
import RLTabular

/// What `rl inspect` says about a policy before the dump (also part of its JSON).
public struct PolicySummary: Sendable, Codable, Equatable {
    public var path: String
    public var environment: String
    public var observation: String?
    public var stateDimensions: [String]
    public var actions: [String]
    /// The table's shape: state dimensions, then actions.
    public var shape: [Int]
    /// How many values the table holds.
    public var valueCount: Int
    public var agent: String
    /// The agent's own settings, as JSON.
    public var agentSettings: String
    public var hyperparameters: Hyperparameters
    public var seed: UInt64
    public var training: TrainingSummary
    /// The smallest and largest value in the table.
    public var minimumValue: Double
    public var maximumValue: Double
    /// The share of state-action pairs learned from at least once.
    public var pairCoverage: Double
    /// The share of states with at least one visited action.
    public var stateCoverage: Double
    /// Over visited states: how often each action is the only greedy one, by action name.
    public var greedyShares: [String: Double]
    /// Over visited states: how often several actions tie for the best value.
    public var tieShare: Double
    /// A deep agent's networks (JSON: activation and sizes), or `nil`.
    public var network: NetworkDescription?
    /// How many weights and biases its networks hold.
    public var parameterCount: Int?

    public init(_ loaded: LoadedPolicy) {
        let table = loaded.policy.table
        let metadata = loaded.policy.metadata
        path = loaded.path
        environment = metadata.environment
        observation = metadata.observation
        stateDimensions = metadata.stateDimensions
        actions = metadata.actions
        shape = table.shape
        valueCount = table.values.count
        agent = metadata.agent
        agentSettings = metadata.agentSettings
        hyperparameters = metadata.hyperparameters
        seed = metadata.seed
        training = metadata.summary
        minimumValue = table.values.min() ?? 0
        maximumValue = table.values.max() ?? 0
        pairCoverage = Double(table.visits.count { $0 > 0 }) / Double(table.visits.count)
        var visitedStates = 0, ties = 0
        var greedyCounts = Array(repeating: 0, count: table.actionCount)
        for state in 0..<table.stateCount where table.wasVisited(state) {
            visitedStates += 1
            let best = table.greedyActions(in: state)
            if best.count == 1 { greedyCounts[best[0]] += 1 } else { ties += 1 }
        }
        stateCoverage = Double(visitedStates) / Double(table.stateCount)
        let denominator = Double(max(visitedStates, 1))
        greedyShares = Dictionary(uniqueKeysWithValues: zip(metadata.actions, greedyCounts.map { Double($0) / denominator }))
        tieShare = Double(ties) / denominator
        if let json = metadata.network, let description = try? NetworkDescription(json: json) {
            network = description
            parameterCount = ([description.policy] + (description.value.map { [$0] } ?? [])).reduce(0) { total, sizes in
                total + zip(sizes, sizes.dropFirst()).reduce(0) { $0 + ($1.0 + 1) * $1.1 }
            }
        }
    }
}

/// The human-readable summary.
public enum PolicySummaryText {
    public static func render(_ summary: PolicySummary, loaded: LoadedPolicy) -> String {
        func percent(_ share: Double) -> String { fixed(share * 100, 1) + "%" }
        func schedule(_ schedule: Schedule) -> String {
            schedule.isConstant
                ? formatNumber(schedule.end)
                : "\(formatNumber(schedule.start)) → \(formatNumber(schedule.end)) over \(formatNumber(schedule.decayFraction * 100))% of training"
        }
        let configuration =
            loaded.world?.description
            ?? "unknown world: \(loaded.policy.metadata.configuration.prefix(200))"
        let hyperparameters = summary.hyperparameters
        let training = summary.training
        let greedy = summary.actions.map { "\($0) \(percent(summary.greedyShares[$0] ?? 0))" }.joined(separator: ", ")
        let environmentLine =
            "  environment      \(summary.environment)" + (summary.observation.map { ", observation \($0)" } ?? "")
            + "; actions \(summary.actions.joined(separator: ", "))"
            + (loaded.world == nil ? " (a world this rl does not know)" : "")
        let shape = summary.shape.map(String.init).joined(separator: " × ")
        let dimensions = (summary.stateDimensions + ["action"]).joined(separator: ", ")
        let kibibytes = grouped(summary.valueCount * 16 / 1024)
        // A linear policy's table is its weights: a row per feature, not per state.
        let isLinear = loaded.policy.metadata.features != nil
        // A policy-gradient agent's table holds soft-max preferences θ(s, a), not action values.
        let isSoftmax = Registry.isSoftmaxPolicy(summary.agent)
        let valueWord = isSoftmax ? "preferences" : "values"
        func layers(_ sizes: [Int]) -> String { sizes.map(String.init).joined(separator: " → ") }
        let tableLine =
            summary.network.map { network in
                "  network          \(layers(network.policy)) (\(network.activation))"
                    + (network.value.map { ", critic \(layers($0))" } ?? "")
                    + "; \(grouped(summary.parameterCount ?? 0)) parameters\n"
                    + "  inputs           \(summary.stateDimensions.joined(separator: ", "))"
            }
            ?? (isLinear
                ? "  weights          \(shape) = \(grouped(summary.valueCount)) weights (\(kibibytes) KiB with update counts)\n"
                : "  table            \(shape) = \(grouped(summary.valueCount)) \(valueWord) (\(kibibytes) KiB with visit counts)"
                    + (isSoftmax ? "; π(a|s) = e^θ(s,a) / Σ_b e^θ(s,b)\n" : "\n"))
            + "  axes             \(dimensions)"
        let trained =
            "\(grouped(training.episodes)) episodes, \(grouped(training.steps)) steps" + (training.interrupted ? " (interrupted)" : "")
            + "; mean return \(fixed(training.finalMeanReturn, 1)) over the last \(training.window), best \(fixed(training.bestReturn, 1))"
        // A planner played no episodes: it solved the model; its summary holds the start's value.
        let solved = Registry.planner(summary.agent).map { _ in
            "solved from the world's model (no episodes); discounted value of the start \(fixed(training.finalMeanReturn, 4))"
        }
        let lines: [String] =
            [
                "Policy \(summary.path)",
                environmentLine,
                "  configuration    \(configuration)",
                tableLine,
                "  agent            \(summary.agent)" + (summary.agentSettings == "{}" ? "" : " \(summary.agentSettings)")
                    + (Registry.agent(summary.agent) == nil ? " (an agent this rl does not know)" : ""),
                "  learning rate    " + schedule(hyperparameters.learningRate),
                "  discount         " + formatNumber(hyperparameters.discount),
                "  epsilon          " + schedule(hyperparameters.epsilon),
                "  seed             \(summary.seed)",
                "  trained          " + (solved ?? trained),
            ]
            + (summary.network != nil
                ? []
                : isLinear
                    ? [
                        "  weights from     \(fixed(summary.minimumValue, 3)) to \(fixed(summary.maximumValue, 3))",
                        "  coverage         \(percent(summary.pairCoverage)) of weights updated, \(percent(summary.stateCoverage)) of features",
                    ]
                    : [
                        (isSoftmax ? "  preferences      " : "  values           ")
                            + "from \(fixed(summary.minimumValue, 3)) to \(fixed(summary.maximumValue, 3))",
                        "  coverage         \(percent(summary.pairCoverage)) of state-action pairs visited, \(percent(summary.stateCoverage)) of states",
                        (isSoftmax ? "  most probable    " : "  greedy action    ")
                            + "\(greedy), tie \(percent(summary.tieShare)) (of visited states)",
                    ])
        return lines.joined(separator: "\n") + "\n"
    }
}
