import RLCore
import RLMaximizationBias
import RLTabular

/// `maximization-bias`: Sutton & Barto's Example 6.7, where Double Q-learning's point shows.
public enum MaximizationBiasWorld: WorldRegistration, InspectableWorld {
    public static let id = "maximization-bias"
    public static let summary = "Sutton & Barto's maximisation-bias example (Example 6.7, Figure 6.5)"
    public static var defaultConfiguration: MaximizationBiasConfiguration { MaximizationBiasConfiguration() }

    public static var flags: [SettingFlag<MaximizationBiasConfiguration>] {
        [
            .integer("actions-in-b", \.actionsInB, in: 2...1000, help: "Actions in state B (default 10)."),
            .number("reward-mean", \.rewardMean, in: -1000...1000, help: "Mean of B's rewards (default -0.1)."),
            .number("reward-deviation", \.rewardStandardDeviation, in: 0...1000, help: "Standard deviation of B's rewards (default 1)."),
        ]
    }

    public static func validate(_ configuration: MaximizationBiasConfiguration) throws(SettingError) {
        guard (2...1000).contains(configuration.actionsInB) else {
            throw SettingError("actions in B must be in 2...1000, got \(configuration.actionsInB)")
        }
        guard configuration.rewardMean.isFinite, abs(configuration.rewardMean) <= 1000,
            configuration.rewardStandardDeviation.isFinite, (0...1000).contains(configuration.rewardStandardDeviation)
        else {
            throw SettingError("B's reward mean must be within ±1000 and its deviation in 0...1000")
        }
    }

    public static func makeWorld(_ configuration: MaximizationBiasConfiguration) -> MaximizationBias {
        MaximizationBias(configuration: configuration)
    }

    public static func stateDimensions(_ configuration: MaximizationBiasConfiguration) -> [String] { ["state"] }

    /// In A, action 0 is left and 1 is right; in B every action is a numbered choice.
    public static func actionNames(_ configuration: MaximizationBiasConfiguration) -> [String] {
        ["left", "right"] + (2..<configuration.actionsInB).map { "b\($0)" }
    }

    /// One way to see the world: policy files record no observation mode.
    public static func observationName(_ configuration: MaximizationBiasConfiguration) -> String? { nil }

    /// The plain grids: one over the last two state dimensions for each value of the others.
    public static func panels(_ configuration: MaximizationBiasConfiguration, _ selection: PanelSelection) throws(InspectionError)
        -> [PolicyPanel]
    {
        try PolicyPanel.grids(
            stateShape: makeWorld(configuration).observationSpace.shape,
            dimensions: stateDimensions(configuration), selection: selection)
    }

    public static func describe(_ configuration: MaximizationBiasConfiguration) -> String {
        "A: left (to B) or right (end, 0); B: \(configuration.actionsInB) actions, rewards N(\(formatNumber(configuration.rewardMean)), \(formatNumber(configuration.rewardStandardDeviation))²)"
    }

    public static var metrics: [EpisodeMetric<MaximizationBiasCounters>] {
        [EpisodeMetric("left", phrase: "left from A", isShare: true) { Double($0.left) }]
    }

    /// The book's settings for Figure 6.5: ε 0.1, α 0.1, γ 1.
    public static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters {
        Hyperparameters(learningRate: .constant(0.1), discount: 1, epsilon: .constant(0.1))
    }

    public static func explain(state coordinates: [Int], _ configuration: MaximizationBiasConfiguration) -> String? {
        [
            "State A, the start: left leads to B, right ends the episode with 0.",
            "State B: every action ends the episode with a reward drawn from N(\(formatNumber(configuration.rewardMean)), \(formatNumber(configuration.rewardStandardDeviation))²).",
            "The terminal state.",
        ][coordinates[0]]
    }
}
