import RLCore
import RLFeatures
import RLLinear
import RLTabular
import Testing

/// n-step semi-gradient Sarsa against the box on p. 247 of Sutton & Barto, on transitions worked
/// out by hand over ``TwoOfFour``: α = 0.5 over 2 active features (0.25 per weight), γ = 0.9,
/// ε = 0, and w(2, a1) = 1 at the start, so q̂(s1) = (0, 1) and greedy choices in s1 have no ties.
@Suite struct LinearNStepSarsaAgentTests {
    let actions = Discrete(2)
    let hyperparameters = Hyperparameters(learningRate: .constant(0.5), discount: 0.9, epsilon: .constant(0))

    func step(_ state: Int, _ action: Int, _ reward: Double, _ next: Int, terminated: Bool = false, truncated: Bool = false)
        -> Transition<Int, Int>
    {
        Transition(
            observation: state, action: action, reward: reward, nextObservation: next, terminated: terminated, truncated: truncated)
    }

    func agent(steps: Int) -> LinearNStepSarsaAgent<TwoOfFour, Discrete> {
        var agent = LinearNStepSarsaAgent(
            features: TwoOfFour(), actionSpace: actions, hyperparameters: hyperparameters,
            settings: NStepSarsaSettings(steps: steps), seed: 1)
        agent.beginEpisode(0, of: 1)
        agent.ownStorageForEpisode()
        agent.values.weights[2, 1] = 1
        agent.ownStorageForEpisode()
        return agent
    }

    func expectWeights(
        _ agent: LinearNStepSarsaAgent<TwoOfFour, Discrete>, _ expected: [[Double]], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for feature in 0..<4 {
            for action in 0..<2 {
                #expect(
                    abs(agent.weights[feature, action] - expected[feature][action]) < 1e-12, "w(\(feature), \(action))",
                    sourceLocation: sourceLocation)
            }
        }
    }

    @Test func twoStepSarsaWaitsForTwoRewardsThenUpdatesTheRestAtTheEnd() {
        var agent = agent(steps: 2)
        // t = 0: S0 = s0, A0 = a0, R1 = 1, S1 = s1; A1 = a1 (q̂(s1) = (0, 1)). τ = −1: nothing yet.
        #expect(agent.learn(from: step(0, 0, 1, 1)) == 1)
        expectWeights(agent, [[0, 0], [0, 0], [0, 1], [0, 0]])
        // t = 1: R2 = 0, S2 = s1, A2 = a1. τ = 0: G = R1 + γR2 + γ²q̂(s1, a1) = 1 + 0 + 0.81 = 1.81,
        // q̂(s0, a0) = 0, so w(0, a0) and w(1, a0) gain 0.25·1.81 = 0.4525.
        #expect(agent.learn(from: step(1, 1, 0, 1)) == 1)
        expectWeights(agent, [[0.4525, 0], [0.4525, 0], [0, 1], [0, 0]])
        // t = 2: R3 = 2, S3 terminal, T = 3. τ = 1: G = R2 + γR3 = 1.8 (τ + n = T: no bootstrap),
        // q̂(s1, a1) = 1, so w(1, a1) and w(2, a1) gain 0.25·0.8 = 0.2. τ = 2: G = R3 = 2, now
        // q̂(s1, a1) = 0.2 + 1.2 = 1.4, so they gain 0.25·0.6 = 0.15.
        #expect(agent.learn(from: step(1, 1, 2, 2, terminated: true)) == nil)
        expectWeights(agent, [[0.4525, 0], [0.4525, 0.35], [0, 1.35], [0, 0]])
        #expect(agent.weights.visitCount(state: 1, action: 1) == 2)
    }

    @Test func aNewEpisodeStartsWithAnEmptyMemory() {
        var agent = agent(steps: 2)
        agent.learn(from: step(0, 0, 1, 1))
        agent.learn(from: step(1, 1, 0, 1))
        agent.learn(from: step(1, 1, 2, 2, terminated: true))
        let before = agent.weights
        agent.beginEpisode(1, of: 2)
        // The first step of an episode updates nothing with n = 2, whatever the last episode left.
        agent.learn(from: step(0, 0, 5, 1))
        #expect(agent.weights == before)
    }

    @Test func aStepCapBootstrapsTheWaitingPairsFromTheLastState() {
        var agent = agent(steps: 3)
        // Truncated at t = 0: τ = 0 is updated at once with G = R1 + γ q̂(s1, a1) = 1 + 0.9 = 1.9.
        #expect(agent.learn(from: step(0, 0, 1, 1, truncated: true)) == 1)
        expectWeights(agent, [[0.475, 0], [0.475, 0], [0, 1], [0, 0]])
    }

    @Test func oneStepIsLinearSarsaBitForBit() {
        var nStep = agent(steps: 1)
        var sarsa = LinearSarsaAgent(
            features: TwoOfFour(), actionSpace: actions, hyperparameters: hyperparameters, settings: NoAgentSettings(), seed: 1)
        sarsa.beginEpisode(0, of: 1)
        sarsa.ownStorageForEpisode()
        sarsa.values.weights[2, 1] = 1
        sarsa.ownStorageForEpisode()
        let episode = [step(0, 0, 1, 1), step(1, 1, -1, 0), step(0, 0, 0.5, 1), step(1, 1, 2, 2, terminated: true)]
        for transition in episode {
            #expect(nStep.learn(from: transition) == sarsa.learn(from: transition))
        }
        #expect(nStep.weights == sarsa.weights)
    }

    @Test func settingsRefuseNOutsideTheirRange() {
        #expect(throws: SettingError.self) { try NStepSarsaSettings(steps: 0).validate() }
        #expect(throws: Never.self) { try NStepSarsaSettings(steps: 16).validate() }
    }
}
