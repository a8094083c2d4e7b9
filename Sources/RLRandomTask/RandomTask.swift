import RLCore

/// §8.6's randomly generated tasks (Sutton & Barto, 2nd ed., 2018, Figure 8.8): undiscounted and
/// episodic, `states` states numbered from 0 (the start), two actions in each. Each action leads
/// to one of `branches` next states, equally likely, drawn at random (with repeats) for each
/// state-action pair when the task is made; on every transition there is a 0.1 chance of ending
/// the episode instead. Each branch's reward is drawn from N(0, 1) when the task is made; the
/// transition that ends the episode gives 0 (the book says only that "each transition had an
/// expected reward drawn from a Gaussian distribution with mean 0 and variance 1"; Zhang's
/// reproduction reads it so).
///
/// The step that ends an episode leaves the observation where it was (no value is bootstrapped
/// from it). The whole task is the published ``model``: a branch is the outcome
/// (probability 0.9/b, its next state, its reward), the ending (0.1, the same state, 0, terminated).
public struct RandomTask: ModelledEnvironment, Sendable {
    /// The chance that a transition ends the episode (the book's 0.1).
    public static let terminationProbability = 0.1
    /// Every episode starts here.
    public static let start = 0
    public static let actions = 2

    public let states: Int
    public let branches: Int
    public let observationSpace: Discrete
    public let actionSpace = Discrete(RandomTask.actions)
    public let model: TabularModel
    public private(set) var state = RandomTask.start
    var generator: Xoshiro256StarStar

    /// The task drawn from `seed`: each pair's `branches` next states (uniform over the states)
    /// and rewards (N(0, 1)), pair by pair, state-major.
    /// - Precondition: at least one state and one branch.
    public init(states: Int, branches: Int, seed: UInt64) {
        precondition(states > 0 && branches > 0, "a random task needs a state and a branch")
        self.states = states
        self.branches = branches
        observationSpace = Discrete(states)
        var draws = Xoshiro256StarStar(seed: seed)
        var table: [[Outcome]] = []
        table.reserveCapacity(states * Self.actions)
        let each = (1 - Self.terminationProbability) / Double(branches)
        for state in 0..<states {
            for _ in 0..<Self.actions {
                var outcomes: [Outcome] = (0..<branches).map { _ in
                    let next = draws.nextIndex(below: states)
                    return Outcome(probability: each, nextState: next, reward: draws.nextGaussian(), terminated: false)
                }
                outcomes.append(Outcome(probability: Self.terminationProbability, nextState: state, reward: 0, terminated: true))
                table.append(outcomes)
            }
        }
        var initial = Array(repeating: 0.0, count: states)
        initial[Self.start] = 1
        model = TabularModel(stateCount: states, actionCount: Self.actions, initialDistribution: initial) { state, action in
            table[state * Self.actions + action]
        }
        generator = Xoshiro256StarStar(seed: seed)
    }

    public mutating func reset(seed: UInt64?) -> Int {
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        state = Self.start
        return state
    }

    /// One transition, drawn from the model (``TabularModel/sampleOutcome(from:taking:using:)``).
    public mutating func step(_ action: Int) -> Step<Int> {
        precondition((0..<Self.actions).contains(action), "a random task has actions 0 and 1, got \(action)")
        let outcome = model.sampleOutcome(from: state, taking: action, using: &generator)
        state = outcome.nextState
        return Step(observation: state, reward: outcome.reward, terminated: outcome.terminated, truncated: false)
    }
}
