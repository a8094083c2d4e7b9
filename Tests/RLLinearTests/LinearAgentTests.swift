import RLCliffWalking
import RLCore
import RLFeatures
import RLLinear
import RLTabular
import Testing

/// Three made-up states with two binary features each (s0: 0 and 1, s1: 1 and 2, s2: 3), so
/// that updates generalise between states and α is divided by the two active features.
struct TwoOfFour: FeatureMap {
    let rows = [[0, 1], [1, 2], [3]]
    var featureCount: Int { 4 }
    var maximumActiveCount: Int { 2 }
    var stepSizeDivisor: Double { 2 }
    func activeFeatures(of observation: Int, into features: inout ActiveFeatures) {
        features.removeAll()
        for index in rows[observation] { features.append(index) }
    }
}

/// Each linear agent's update against its box in Sutton & Barto, on transitions worked out by
/// hand: α = 0.5 over 2 active features (0.25 per weight), γ = 0.9, ε = 0 (greedy), and
/// w(2, a1) = 1 at the start so greedy choices have no ties.
@Suite struct LinearAgentTests {
    let actions = Discrete(2)
    let hyperparameters = Hyperparameters(learningRate: .constant(0.5), discount: 0.9, epsilon: .constant(0))

    func step(_ state: Int, _ action: Int, _ reward: Double, _ next: Int, terminated: Bool = false) -> Transition<Int, Int> {
        Transition(observation: state, action: action, reward: reward, nextObservation: next, terminated: terminated, truncated: false)
    }

    func prepared<A: LinearAgent>(_ agent: inout A) where A.Features == TwoOfFour {
        agent.beginEpisode(0, of: 1)
        agent.ownStorageForEpisode()
        agent.values.weights[2, 1] = 1
        agent.ownStorageForEpisode()
    }

    func expectWeights<A: LinearAgent>(_ agent: A, _ expected: [[Double]], sourceLocation: SourceLocation = #_sourceLocation) {
        for feature in 0..<4 {
            for action in 0..<2 {
                #expect(
                    abs(agent.weights[feature, action] - expected[feature][action]) < 1e-12, "w(\(feature), \(action))",
                    sourceLocation: sourceLocation)
            }
        }
    }

    @Test func qLearningMovesTheActiveWeightsTowardsTheMaxTarget() {
        var agent = LinearQLearningAgent(
            features: TwoOfFour(), actionSpace: actions, hyperparameters: hyperparameters, settings: NoAgentSettings(), seed: 1)
        prepared(&agent)
        // δ = 1 + 0.9·max(0, 1) − 0 = 1.9; each of w(0,a0), w(1,a0) gains 0.25·1.9.
        #expect(agent.learn(from: step(0, 0, 1, 1)) == nil)
        expectWeights(agent, [[0.475, 0], [0.475, 0], [0, 1], [0, 0]])
        // Terminated: δ = 2 − q(s0,a0) = 2 − 0.95.
        agent.learn(from: step(0, 0, 2, 2, terminated: true))
        expectWeights(agent, [[0.475 + 0.2625, 0], [0.475 + 0.2625, 0], [0, 1], [0, 0]])
        #expect(agent.weights.visitCount(state: 0, action: 0) == 2)
    }

    @Test func sarsaChoosesTheNextActionBeforeItsUpdateAndReturnsIt() {
        var agent = LinearSarsaAgent(
            features: TwoOfFour(), actionSpace: actions, hyperparameters: hyperparameters, settings: NoAgentSettings(), seed: 1)
        prepared(&agent)
        #expect(agent.learn(from: step(0, 0, 1, 1)) == 1)  // q(s1) = (0, 1)
        expectWeights(agent, [[0.475, 0], [0.475, 0], [0, 1], [0, 0]])
        // From s1 with a1 back to s0: q(s0) = (0.95, 0), so A′ = a0; δ = 0 + 0.9·0.95 − 1.
        #expect(agent.learn(from: step(1, 1, 0, 0)) == 0)
        let change = 0.25 * (0.9 * 0.95 - 1)
        expectWeights(agent, [[0.475, 0], [0.475, change], [0, 1 + change], [0, 0]])
    }

    @Test func expectedSarsaAveragesUnderTheEpsilonGreedyPolicy() {
        let exploring = Hyperparameters(learningRate: .constant(0.5), discount: 0.9, epsilon: .constant(0.2))
        var agent = LinearExpectedSarsaAgent(
            features: TwoOfFour(), actionSpace: actions, hyperparameters: exploring, settings: NoAgentSettings(), seed: 1)
        prepared(&agent)
        // E q(s1) = 0.8·1 + 0.2·(0 + 1)/2 = 0.9; δ = 1 + 0.9·0.9.
        #expect(agent.learn(from: step(0, 0, 1, 1)) == nil)
        let change = 0.25 * (1 + 0.81)
        expectWeights(agent, [[change, 0], [change, 0], [0, 1], [0, 0]])
    }

    @Test func sarsaLambdaFollowsTheBoxWithAccumulatingTraces() {
        var agent = LinearSarsaLambdaAgent(
            features: TwoOfFour(), actionSpace: actions, hyperparameters: hyperparameters,
            settings: SarsaLambdaSettings(lambda: 0.5, traces: .accumulating), seed: 1)
        prepared(&agent)
        // δ = 1 − 0 + 0.9·1; z(0,a0) = z(1,a0) = 1; w += 0.25·1.9·z; z ← 0.45 z.
        #expect(agent.learn(from: step(0, 0, 1, 1)) == 1)
        expectWeights(agent, [[0.475, 0], [0.475, 0], [0, 1], [0, 0]])
        #expect(agent.traces[0 * 2 + 0] == 0.45)
        // Terminal: δ = 0 − q(s1,a1) = −1; z(1,a1) = z(2,a1) = 1; w += 0.25·(−1)·z.
        #expect(agent.learn(from: step(1, 1, 0, 2, terminated: true)) == nil)
        expectWeights(agent, [[0.3625, 0], [0.3625, -0.25], [0, 0.75], [0, 0]])
        agent.beginEpisode(1, of: 2)
        #expect(agent.traces.values.allSatisfy { $0 == 0 })
    }

    @Test func replacingTracesAreSetNotAdded() {
        var agent = LinearSarsaLambdaAgent(
            features: TwoOfFour(), actionSpace: actions, hyperparameters: hyperparameters,
            settings: SarsaLambdaSettings(lambda: 1, traces: .replacing), seed: 1)
        prepared(&agent)
        agent.learn(from: step(0, 0, 0, 0))  // z(0,a0) = 1, then ·0.9
        agent.learn(from: step(0, 0, 0, 0))  // replaced by 1, not 1.9; then ·0.9
        #expect(abs(agent.traces[0] - 0.9) < 1e-15)
    }

    @Test func clearingTracesZeroTheOtherActionsOfTheState() {
        var clearing = LinearSarsaLambdaAgent(
            features: TwoOfFour(), actionSpace: actions, hyperparameters: hyperparameters,
            settings: SarsaLambdaSettings(lambda: 1, traces: .clearing), seed: 1)
        var replacing = LinearSarsaLambdaAgent(
            features: TwoOfFour(), actionSpace: actions, hyperparameters: hyperparameters,
            settings: SarsaLambdaSettings(lambda: 1, traces: .replacing), seed: 1)
        prepared(&clearing)
        prepared(&replacing)
        // s0 —a1→ s1: A′ = a1 (q = 1), δ = 0 + 0.9·1 − 0 = 0.9; z(0,a1) = z(1,a1) = 1;
        // w += 0.25·0.9·z; z ← 0.9 z.
        #expect(clearing.learn(from: step(0, 1, 0, 1)) == 1)
        expectWeights(clearing, [[0, 0.225], [0, 0.225], [0, 1], [0, 0]])
        // s1 —a0→ end, reward 1: δ = 1 − 0 = 1; z(1,a0) = z(2,a0) = 1, and clearing sets s1's
        // other action's traces z(1,a1) (0.9) and z(2,a1) (0) to 0, so w(1,a1) keeps 0.225 where
        // replacing adds 0.25·0.9 to it; w(0,a1) gains 0.25·0.9 under both.
        #expect(clearing.learn(from: step(1, 0, 1, 2, terminated: true)) == nil)
        expectWeights(clearing, [[0, 0.45], [0.25, 0.225], [0.25, 1], [0, 0]])
        #expect(clearing.traces[1 * 2 + 1] == 0)
        replacing.learn(from: step(0, 1, 0, 1))
        replacing.learn(from: step(1, 0, 1, 2, terminated: true))
        expectWeights(replacing, [[0, 0.45], [0.25, 0.45], [0.25, 1], [0, 0]])
    }

    @Test func trueOnlineSarsaLambdaFollowsTheBoxWithDutchTraces() {
        var agent = LinearTrueOnlineSarsaLambdaAgent(
            features: TwoOfFour(), actionSpace: actions, hyperparameters: hyperparameters,
            settings: TrueOnlineSarsaLambdaSettings(lambda: 0.5), seed: 1)
        prepared(&agent)
        // Q = 0, Q′ = 1, δ = 1.9, z = x, w += 0.25·1.9·z; Q_old = 1.
        #expect(agent.learn(from: step(0, 0, 1, 1)) == 1)
        expectWeights(agent, [[0.475, 0], [0.475, 0], [0, 1], [0, 0]])
        #expect(agent.previousValue == 1)
        // Q = 1, A′ = a0 with Q′ = 0.95, δ = 0.9·0.95 − 1 = −0.145, zᵀx = 0, z = 0.45z + x,
        // Q − Q_old = 0, so w += 0.25·(−0.145)·z.
        #expect(agent.learn(from: step(1, 1, 0, 0)) == 0)
        expectWeights(agent, [[0.4586875, 0], [0.4586875, -0.03625], [0, 0.96375], [0, 0]])
        // Terminal: Q = 0.917375, δ = 2 − Q = 1.082625, zᵀx = 0.9, z = 0.45z + (1 − 0.25·0.45·0.9)x,
        // Q − Q_old = −0.032625: w += 0.25·(δ + Q − Q_old)·z − 0.25·(Q − Q_old)·x.
        #expect(agent.learn(from: step(0, 0, 2, 2, terminated: true)) == nil)
        expectWeights(agent, [[0.755921875, 0], [0.755921875, 0.081875], [0, 1.081875], [0, 0]])
        agent.beginEpisode(1, of: 2)
        #expect(agent.previousValue == 0)
    }

    @Test func overOneHotFeaturesLinearQLearningIsTabularQLearningBitForBit() {
        var world = TimeLimit(CliffWalking(), maxSteps: 200)
        let rates = Hyperparameters(learningRate: .constant(0.5), discount: 0.95, epsilon: .constant(0.1))
        var tabular = QLearningAgent(
            observationSpace: world.observationSpace, actionSpace: world.actionSpace, hyperparameters: rates, seed: 3)
        var linear = LinearQLearningAgent(
            features: OneHotFeatures(world.observationSpace), actionSpace: world.actionSpace, hyperparameters: rates,
            settings: NoAgentSettings(), seed: 3)
        var copy = world
        let tabularRun = train(&tabular, on: &world, episodes: 50, seed: 9)
        let linearRun = train(&linear, on: &copy, episodes: 50, seed: 9)
        #expect(tabularRun.steps == linearRun.steps)
        #expect(linear.weights.values == tabular.table.values)
        #expect(linear.weights.visits == tabular.table.visits)
    }

    @Test func overOneHotFeaturesLinearTrueOnlineSarsaLambdaIsTheTabularAgent() {
        var world = TimeLimit(CliffWalking(), maxSteps: 200)
        let rates = Hyperparameters(learningRate: .constant(0.5), discount: 0.95, epsilon: .constant(0.1))
        let settings = TrueOnlineSarsaLambdaSettings(lambda: 0.8)
        var tabular = TrueOnlineSarsaLambdaAgent(
            observationSpace: world.observationSpace, actionSpace: world.actionSpace, hyperparameters: rates, settings: settings, seed: 3)
        var linear = LinearTrueOnlineSarsaLambdaAgent(
            features: OneHotFeatures(world.observationSpace), actionSpace: world.actionSpace, hyperparameters: rates,
            settings: settings, seed: 3)
        var copy = world
        let tabularRun = train(&tabular, on: &world, episodes: 30, seed: 9)
        let linearRun = train(&linear, on: &copy, episodes: 30, seed: 9)
        // The same box in two arrangements of the arithmetic: equal to rounding, and so the same episodes.
        #expect(tabularRun.steps == linearRun.steps)
        let largest = zip(linear.weights.values, tabular.table.values).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
        #expect(largest < 1e-10)
    }
}
