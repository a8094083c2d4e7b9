import RLCore
import RLFeatures
import RLLinear
import RLTabular
import Testing

/// Differential semi-gradient Sarsa against its box (Sutton & Barto §10.3, p. 251), on
/// transitions worked out by hand with ``TwoOfFour``'s features: α = 0.5 over 2 active features
/// (0.25 per weight), β = 0.1, ε = 0 (greedy), w(2, a1) = 1 at the start so greedy choices have
/// no ties, and γ = 0.9 given but not read (no discount in the average-reward setting).
@Suite struct LinearDifferentialSarsaAgentTests {
    let hyperparameters = Hyperparameters(learningRate: .constant(0.5), discount: 0.9, epsilon: .constant(0))

    func step(_ state: Int, _ action: Int, _ reward: Double, _ next: Int, terminated: Bool = false) -> Transition<Int, Int> {
        Transition(observation: state, action: action, reward: reward, nextObservation: next, terminated: terminated, truncated: false)
    }

    func agent() -> LinearDifferentialSarsaAgent<TwoOfFour, Discrete> {
        var agent = LinearDifferentialSarsaAgent(
            features: TwoOfFour(), actionSpace: Discrete(2), hyperparameters: hyperparameters,
            settings: DifferentialSarsaSettings(averageRewardStepSize: 0.1), seed: 1)
        agent.beginEpisode(0, of: 1)
        agent.ownStorageForEpisode()
        agent.values.weights[2, 1] = 1
        return agent
    }

    func expectWeights(_ agent: LinearDifferentialSarsaAgent<TwoOfFour, Discrete>, _ expected: [[Double]]) {
        for feature in 0..<4 {
            for action in 0..<2 {
                #expect(abs(agent.weights[feature, action] - expected[feature][action]) < 1e-12, "w(\(feature), \(action))")
            }
        }
    }

    @Test func theTDErrorSubtractsTheAverageRewardAndMovesItByBeta() {
        var agent = agent()
        // s0, a0, R = 1, s1: q(s1) = (0, 1), so A′ = a1; δ = 1 − 0 + 1 − 0 = 2;
        // R̄ = 0 + 0.1·2 = 0.2; w(0, a0) and w(1, a0) gain 0.25·2.
        #expect(agent.learn(from: step(0, 0, 1, 1)) == 1)
        #expect(abs(agent.averageReward - 0.2) < 1e-15)
        expectWeights(agent, [[0.5, 0], [0.5, 0], [0, 1], [0, 0]])
        // s1, a1, R = 0, s0: q(s1, a1) = 1, q(s0) = (1, 0), so A′ = a0;
        // δ = 0 − 0.2 + 1 − 1 = −0.2; R̄ = 0.2 − 0.02; w(1, a1) and w(2, a1) lose 0.05.
        #expect(agent.learn(from: step(1, 1, 0, 0)) == 0)
        #expect(abs(agent.averageReward - 0.18) < 1e-15)
        expectWeights(agent, [[0.5, 0], [0.5, -0.05], [0, 0.95], [0, 0]])
        // A terminated step bootstraps from nothing: δ = 3 − 0.18 − q(s0, a0) = 3 − 0.18 − 1 = 1.82.
        #expect(agent.learn(from: step(0, 0, 3, 2, terminated: true)) == nil)
        #expect(abs(agent.averageReward - (0.18 + 0.182)) < 1e-15)
        expectWeights(agent, [[0.955, 0], [0.955, -0.05], [0, 0.95], [0, 0]])
    }

    @Test func theAverageRewardIsSavedAndRestored() throws {
        var trained = agent()
        trained.learn(from: step(0, 0, 1, 1))
        var restored = agent()
        try restored.restore(table: trained.table, extraTensors: trained.extraTensors)
        #expect(restored.averageReward == trained.averageReward && restored.weights == trained.weights)
        #expect(throws: PolicyFileError.self) { try restored.restore(table: trained.table, extraTensors: [:]) }
        #expect(throws: SettingError.self) { try DifferentialSarsaSettings(averageRewardStepSize: 0).validate() }
    }

    /// With one-hot features it is the tabular method of Example 10.2: one weight per pair, and
    /// with α = β every step moves R̄ and one weight by the same amount, so their sums agree.
    @Test func withOneHotFeaturesItIsTabularAndTheWeightsSumToTheAverageReward() {
        let space = Discrete(3)
        var agent = LinearDifferentialSarsaAgent(
            features: OneHotFeatures(space), actionSpace: Discrete(2),
            hyperparameters: Hyperparameters(learningRate: .constant(0.01), discount: 1, epsilon: .constant(0.1)),
            settings: DifferentialSarsaSettings(averageRewardStepSize: 0.01), seed: 3)
        agent.ownStorageForEpisode()
        var generator = Xoshiro256StarStar(seed: 4)
        var state = 0
        var action = agent.action(for: state, mode: .training)
        for _ in 0..<1000 {
            let next = generator.nextIndex(below: 3)
            let reward = Double(action + state)
            action = agent.learn(from: step(state, action, reward, next))!
            state = next
        }
        let sum = (0..<3).flatMap { row in (0..<2).map { agent.weights[row, $0] } }.reduce(0, +)
        #expect(abs(sum - agent.averageReward) < 1e-9)
    }
}
