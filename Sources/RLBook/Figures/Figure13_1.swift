import RLCore
import RLFeatures
import RLPolicyGradient
import RLShortCorridor

/// Figure 13.1 (p. 328): REINFORCE on Example 13.1's short corridor with switched actions, the
/// total reward of each of 1000 episodes, averaged over 100 runs, α = 2⁻¹², 2⁻¹³, 2⁻¹⁴, γ = 1,
/// against v*(s₀) ≈ −11.6, the best a policy blind to the state can do (dashed in the book).
/// The features see no state (one feature, 1 everywhere), so θ = (θ_left, θ_right).
enum Figure13_1 {
    static let episodes = 1000
    static let x = (1...episodes).map(Double.init)
    /// x(s): one feature, the same in every state ("all the states appear identical").
    static let blind = GroupAggregation(first: 0, states: ShortCorridor.states, groups: 1)
    /// θ₀ = (θ_left, θ_right): π(right) = 1/(1 + e^{2.94}) = 0.0502, the "ε-greedy left" policy
    /// of Example 13.1. The book gives no θ₀; this is the Python reproduction's.
    static let initialWeights = [1.47, -1.47]
    /// The Python reproduction's floor under π: without it a run whose π(right) nears 1 plays
    /// an endless episode (right, right, … between the first two states).
    static let floor = 0.05
    static let optimal = "v*(s0) = -11.66"

    static func label(_ power: Int) -> String { "α = 2^-\(power)" }

    /// REINFORCE on the corridor with α = 2^−`power`.
    static func reinforce(_ label: String, power: Int) -> BookSeries {
        let settings = Reinforce<GroupAggregation, EnumSpace<ShortCorridor.Move>>.Settings(
            stepSize: 1 / Double(1 << power), discount: 1, minimumProbability: floor)
        return .episodicReturns(label, world: ShortCorridor(), episodes: episodes) { seed in
            Reinforce(
                features: blind, actionSpace: EnumSpace<ShortCorridor.Move>(), settings: settings, weights: initialWeights, seed: seed)
        }
    }

    static let figure = BookFigure(
        id: "13.1", title: "REINFORCE on the short-corridor gridworld",
        section: "§13.3 REINFORCE: Monte Carlo Policy Gradient (Example 13.1)", page: 328, runs: 100, quickRuns: 10,
        settings:
            "short corridor, 3 states, the second switched, -1 a step; x(s, right) = [1, 0], x(s, left) = [0, 1]; soft-max policy, θ0 giving π(right) = 0.05 and π floored at 0.05 (the Python reproduction's); α = 2^-12, 2^-13, 2^-14, γ = 1; 1000 episodes",
        series: [12, 13, 14].map { reinforce(label($0), power: $0) } + [
            .constant(optimal, x: x, value: ShortCorridor.bestStartValue)
        ],
        panels: [
            BookPanel(title: "", xLabel: "Episode", yLabel: "Total reward on episode (100 runs)", yRange: -90 ... -10)
        ],
        checks: [
            BookCheck(
                "the dashed line: v*(s0) of the best state-blind policy (\"about -11.6\", p(right) about 0.59)",
                .init(optimal, x: 1...1), .value(-11.6, reading: 0.06), source: "Example 13.1, p. 323"),
            BookCheck(
                "the first episode: the ε-greedy-left policy θ0 gives is worth about -82 (\"less than ... -82\")",
                .init(label(12), x: 1...1), .value(-82, reading: 1), source: "Example 13.1, p. 323"),
            BookCheck(
                "α = 2^-12 approaches v*(s0), episodes 901-1000",
                .init(label(12), x: 901...1000), .value(-11.6, reading: 1), source: "Figure 13.1, p. 328"),
            BookCheck(
                "a larger α learns faster: 2^-12 above 2^-13, episodes 101-500",
                .init(label(12), x: 101...500), .above(.init(label(13), x: 101...500)), source: "Figure 13.1, p. 328"),
            BookCheck(
                "a larger α learns faster: 2^-13 above 2^-14, episodes 101-500",
                .init(label(13), x: 101...500), .above(.init(label(14), x: 101...500)), source: "Figure 13.1, p. 328"),
        ])
}
