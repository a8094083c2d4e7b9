import RLCore
import RLFeatures
import RLPolicyGradient
import RLTabular
import Testing

/// The registry's policy-gradient agents on a table are the linear ones over one-hot features
/// (§9.4: a table is the case of one-hot features), update for update: θ(s, a) is the linear
/// policy's weight of action a and feature s, w(s) the value weight of feature s.
@Suite struct TabularPolicyGradientTests {
    static let states = OneHotFeatures(Discrete(3))
    static let left = 0, right = 1

    static func transition(_ state: Int, _ action: Int, _ reward: Double, _ next: Int, terminated: Bool = false)
        -> Transition<Int, Int>
    {
        Transition(observation: state, action: action, reward: reward, nextObservation: next, terminated: terminated, truncated: false)
    }

    /// Two episodes: 0 →right→ 1 →left→ 0 →right→ 2, and 1 →right→ 2.
    static var episodes: [[Transition<Int, Int>]] {
        [
            [transition(0, right, -1, 1), transition(1, left, -1, 0), transition(0, right, 2, 2, terminated: true)],
            [transition(1, right, 3, 2, terminated: true)],
        ]
    }

    static let hyperparameters = Hyperparameters(learningRate: .constant(0.1), discount: 0.9, epsilon: .constant(0))

    /// θ action-major ([action][feature]) as the table's rows ([state][action]).
    static func asTable(_ weights: [Double]) -> [Double] {
        (0..<3).flatMap { state in (0..<2).map { action in weights[action * 3 + state] } }
    }

    func expectClose(_ actual: [Double], _ expected: [Double], _ tolerance: Double = 1e-14) {
        #expect(actual.count == expected.count)
        for (a, e) in zip(actual, expected) { #expect(abs(a - e) < tolerance, "\(actual) against \(expected)") }
    }

    @Test func actorCriticIsTheLinearOneOverOneHotFeatures() {
        var linear = OneStepActorCritic<OneHotFeatures<Discrete>, OneHotFeatures<Discrete>, Discrete>(
            policyFeatures: Self.states, valueFeatures: Self.states, actionSpace: Discrete(2),
            settings: .init(policyStepSize: 0.5, valueStepSize: 0.3, discount: 0.9), seed: 1)
        var tabular = TabularActorCriticAgent(
            observationSpace: Discrete(3), actionSpace: Discrete(2), hyperparameters: Self.hyperparameters,
            settings: PolicyValueSettings(policyStepSize: 0.5, valueStepSize: 0.3), seed: 1)
        for episode in Self.episodes {
            tabular.ownLearnedTables()
            for step in episode {
                linear.learn(from: step)
                tabular.learn(from: step)
            }
        }
        expectClose(tabular.table.values, Self.asTable(linear.policy.weights))
        expectClose(tabular.values, linear.valueWeights)
        #expect(tabular.table.visitCount(state: 0, action: Self.right) == 2)
        // It saves w as `v` and takes it back.
        var restored = TabularActorCriticAgent(
            observationSpace: Discrete(3), actionSpace: Discrete(2), hyperparameters: Self.hyperparameters,
            settings: PolicyValueSettings(), seed: 2)
        try? restored.restore(table: tabular.table, extraTensors: tabular.extraTensors)
        #expect(restored.values == tabular.values && restored.table == tabular.table)
    }

    @Test func reinforceIsTheLinearOneOverOneHotFeatures() {
        var linear = Reinforce<OneHotFeatures<Discrete>, Discrete>(
            features: Self.states, actionSpace: Discrete(2), settings: .init(stepSize: 0.5, discount: 0.9), seed: 1)
        var tabular = TabularReinforceAgent(
            observationSpace: Discrete(3), actionSpace: Discrete(2), hyperparameters: Self.hyperparameters,
            settings: PolicyStepSettings(policyStepSize: 0.5), seed: 1)
        for episode in Self.episodes {
            tabular.ownLearnedTables()
            var buffer = EpisodeBuffer<Int, Int>()
            for step in episode {
                buffer.append(step)
                tabular.learn(from: step)  // learns at the episode's last step
            }
            linear.learn(fromEpisode: buffer)
            #expect(tabular.episodeSoFar.count == 0)
        }
        expectClose(tabular.table.values, Self.asTable(linear.policy.weights))
    }

    @Test func reinforceWithBaselineIsTheLinearOneOverOneHotFeatures() {
        var linear = ReinforceWithBaseline<OneHotFeatures<Discrete>, OneHotFeatures<Discrete>, Discrete>(
            policyFeatures: Self.states, valueFeatures: Self.states, actionSpace: Discrete(2),
            settings: .init(policyStepSize: 0.5, valueStepSize: 0.3, discount: 0.9), seed: 1)
        var tabular = TabularReinforceWithBaselineAgent(
            observationSpace: Discrete(3), actionSpace: Discrete(2), hyperparameters: Self.hyperparameters,
            settings: PolicyValueSettings(policyStepSize: 0.5, valueStepSize: 0.3), seed: 1)
        for episode in Self.episodes {
            tabular.ownLearnedTables()
            var buffer = EpisodeBuffer<Int, Int>()
            for step in episode {
                buffer.append(step)
                tabular.learn(from: step)
            }
            linear.learn(fromEpisode: buffer)
        }
        expectClose(tabular.table.values, Self.asTable(linear.policy.weights))
        expectClose(tabular.values, linear.valueWeights)
    }

    /// The soft-max leaves out the actions a state forbids: they get probability 0, are never
    /// drawn, and their preferences never move.
    @Test func theSoftmaxKeepsToTheLegalActions() {
        var table = QTable(stateShape: [1], actionCount: 3)
        table[0, 0] = 1
        var softmax = TabularSoftmax(actionCount: 3)
        let legal = LegalActions([0, 2])
        softmax.evaluate(table, state: 0, legal: legal)
        let e = 2.718281828459045
        expectClose(softmax.probabilities, [e / (e + 1), 0, 1 / (e + 1)], 1e-15)
        #expect(softmax.sample(0.99) == 2 && softmax.sample(0) == 0 && softmax.sample(0.9999999999999999) == 2)
        table.makeUnique()
        softmax.ascend(&table, state: 0, action: 2, legal: legal, by: 1)
        expectClose(table.values, [1 - e / (e + 1), 0, 1 - 1 / (e + 1)], 1e-15)
    }
}
