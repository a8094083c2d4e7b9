import RLCore
import Testing

@testable import RLApp
@testable import RLTabular

/// Each agent declares the shared settings it reads; one declaration checks every range.
@Suite struct SharedSettingTests {
    @Test func everyRangeIsCheckedInOnePlaceWithOneMessage() {
        #expect(throws: SettingError("--epsilon must be in 0...1, got 2.0")) { try SharedSetting.epsilon.check(2, flag: "epsilon") }
        #expect(throws: SettingError("--learning-rate-end must be 0 or in 1e-12...1, got 5e-324")) {
            try SharedSetting.learningRate.check(.leastNonzeroMagnitude, flag: "learning-rate-end")
        }
        // A rate may anneal to nothing (PPO's), but not start there.
        #expect(throws: Never.self) { try SharedSetting.learningRate.check(0, flag: "learning-rate-end") }
        #expect(throws: SettingError.self) { try SharedSetting.learningRate.check(0, flag: "learning-rate") }
        #expect(throws: SettingError.self) { try SharedSetting.checkDecay(.nan) }
        // Hyperparameters from a file go through the same check.
        let bad = Hyperparameters(learningRate: .constant(0.5), discount: 1.5, epsilon: .constant(0.1))
        #expect(throws: HyperparameterError(message: "--discount must be in 0...1, got 1.5")) { try bad.validate() }
        #expect(SharedSetting.allFlags == ["learning-rate", "learning-rate-end", "discount", "epsilon", "epsilon-end", "decay"])
        #expect(SharedSetting.flags(of: [.discount]) == ["discount"])
        #expect(SharedSetting.flags(of: [.epsilon]) == ["epsilon", "epsilon-end", "decay"])
    }

    @Test func aFlagForASettingTheAgentDoesNotReadIsRefused() throws {
        try Registry.register(agent: EpsilonOnly.self)
        let agent = try #require(Registry.agent("epsilon-only"))
        let taxi = try #require(Registry.world("taxi"))
        // A sweep may set ε for it, not α; a planner takes γ only.
        _ = try SweepSpec.resolve([("epsilon", "0.2"), ("decay", "0.5")], world: taxi, agent: agent)
        #expect(throws: SettingError("--learning-rate is not a setting of agent epsilon-only (it takes --epsilon, --epsilon-end, --decay)"))
        {
            try SweepSpec.resolve([("learning-rate", "0.2")], world: taxi, agent: agent)
        }
        let planner = try #require(Registry.agent("value-iteration"))
        _ = try SweepSpec.resolve([("discount", "0.9")], world: taxi, agent: planner)
        #expect(throws: SettingError.self) { try SweepSpec.resolve([("epsilon", "0.1")], world: taxi, agent: planner) }
        // rl's own table agents read all three but the Monte Carlo ones, which average returns
        // (no step size), Monte Carlo ES (greedy: γ alone), differential Sarsa (no γ), the bandit
        // methods (their own step sizes, ε for sample averages) and the policy-gradient ones, which
        // draw from their soft-max policy (no ε) with their own step sizes; PPO has no ε.
        let averaging: Set = ["monte-carlo", "off-policy-monte-carlo"]
        let own: [String: Set<SharedSetting>] = [
            "monte-carlo-es": [.discount], "differential-sarsa": [.learningRate, .epsilon], "sample-average": [.epsilon], "ucb": [],
            "gradient-bandit": [], "reinforce": [.discount], "reinforce-baseline": [.discount], "actor-critic": [.discount],
        ]
        for agent in Registry.builtInAgents where !Registry.isDeep(agent.id) {
            let expected = own[agent.id] ?? (averaging.contains(agent.id) ? [.discount, .epsilon] : Set(SharedSetting.allCases))
            #expect(agent.sharedSettings == expected, "\(agent.id)")
        }
        #expect(Registry.agent("ppo")?.sharedSettings == [.learningRate, .discount])
    }
}

/// A test agent that reads ε and nothing else of the shared settings (a sample-average bandit's shape).
private enum EpsilonOnly: AgentRegistration {
    static let id = "epsilon-only"
    static let summary = "an agent that reads ε only"
    static var flags: [SettingFlag<NoAgentSettings>] { [] }
    static let sharedSettings: Set<SharedSetting> = [.epsilon]
    static let extraTensorNames: [String] = []
    static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(QLearningAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
