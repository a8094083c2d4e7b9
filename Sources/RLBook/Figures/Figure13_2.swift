import RLCore
import RLFeatures
import RLPolicyGradient
import RLShortCorridor

/// Figure 13.2 (p. 330): REINFORCE with baseline (α^θ = 2⁻⁹, α^w = 2⁻⁶) against REINFORCE
/// (α = 2⁻¹³) on the short corridor, as Figure 13.1: the total reward of each of 1000 episodes,
/// averaged over 100 runs, γ = 1. The baseline v̂(s, w) = w sees no state either (one feature).
enum Figure13_2 {
    static let plain = "REINFORCE, α = 2^-13"
    static let baseline = "with baseline, policy α = 2^-9, baseline α = 2^-6"
    static let optimal = Figure13_1.optimal

    static let figure = BookFigure(
        id: "13.2", title: "Adding a baseline to REINFORCE on the short-corridor gridworld",
        section: "§13.4 REINFORCE with Baseline", page: 330, runs: 100, quickRuns: 10,
        settings:
            "Figure 13.1's corridor, features, θ0 and floor; REINFORCE α = 2^-13 against REINFORCE with baseline, α^θ = 2^-9, α^w = 2^-6, w0 = 0, v̂(s, w) = w; γ = 1; 1000 episodes",
        series: [
            Figure13_1.reinforce(plain, power: 13),
            .episodicReturns(baseline, world: ShortCorridor(), episodes: Figure13_1.episodes) { seed in
                ReinforceWithBaseline(
                    policyFeatures: Figure13_1.blind, valueFeatures: Figure13_1.blind, actionSpace: EnumSpace<ShortCorridor.Move>(),
                    settings: .init(
                        policyStepSize: 1 / Double(1 << 9), valueStepSize: 1 / Double(1 << 6), discount: 1,
                        minimumProbability: Figure13_1.floor),
                    weights: Figure13_1.initialWeights, seed: seed)
            },
            .constant(optimal, x: Figure13_1.x, value: ShortCorridor.bestStartValue),
        ],
        panels: [
            BookPanel(title: "", xLabel: "Episode", yLabel: "Total reward on episode (100 runs)", yRange: -90 ... -10)
        ],
        checks: [
            BookCheck(
                "the dashed line: v*(s0) (\"about -11.6\")",
                .init(optimal, x: 1...1), .value(-11.6, reading: 0.06), source: "Example 13.1, p. 323"),
            BookCheck(
                "the baseline learns much faster: with baseline above without, episodes 11-200",
                .init(baseline, x: 11...200), .above(.init(plain, x: 11...200)), source: "Figure 13.2 and text, p. 330"),
            BookCheck(
                "with baseline, close to v*(s0) from episode 200 on: episodes 201-1000",
                .init(baseline, x: 201...1000), .value(-11.6, reading: 1), source: "Figure 13.2, p. 330"),
            BookCheck(
                "without, still approaching it: episodes 901-1000",
                .init(plain, x: 901...1000), .value(-11.6, reading: 2), source: "Figure 13.2, p. 330"),
        ])
}
