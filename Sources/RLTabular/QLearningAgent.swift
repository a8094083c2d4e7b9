import RLCore

/// Tabular Q-learning with epsilon-greedy exploration, for any environment whose observation
/// and action spaces are finite.
///
/// The update is the textbook's: Q(s,a) += α · (target − Q(s,a)), where target = r when the
/// transition is terminated and r + γ · max Q(s′,·) otherwise (a truncated transition still
/// bootstraps: the task did not end, a clock did). Ties between greedy actions are broken
/// uniformly at random, so a fresh table does not always pick action 0.
public struct QLearningAgent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: Agent {
    public typealias Observation = ObservationSpace.Element
    public typealias Action = ActionSpace.Element

    public let observationSpace: ObservationSpace
    public let actionSpace: ActionSpace
    public let hyperparameters: Hyperparameters
    /// What the agent has learned.
    public var table: QTable
    /// ε and α for the current episode (they follow the schedules).
    public private(set) var epsilon: Double
    public private(set) var learningRate: Double

    @usableFromInline var generator: Xoshiro256StarStar

    /// A fresh agent with a table of zeros.
    /// - Parameter seed: seeds the agent's own generator (exploration and tie-breaking).
    public init(observationSpace: ObservationSpace, actionSpace: ActionSpace, hyperparameters: Hyperparameters, seed: UInt64) {
        self.init(
            observationSpace: observationSpace, actionSpace: actionSpace, hyperparameters: hyperparameters,
            table: QTable(stateShape: observationSpace.shape, actionCount: actionSpace.count), seed: seed)
    }

    /// An agent that starts from a learned table.
    /// - Precondition: the table's shape matches the spaces.
    public init(observationSpace: ObservationSpace, actionSpace: ActionSpace, hyperparameters: Hyperparameters, table: QTable, seed: UInt64) {
        precondition(table.stateShape == observationSpace.shape && table.actionCount == actionSpace.count,
                     "the table's shape does not match the spaces")
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
        self.hyperparameters = hyperparameters
        self.table = table
        epsilon = hyperparameters.epsilon.start
        learningRate = hyperparameters.learningRate.start
        generator = Xoshiro256StarStar(seed: seed)
    }

    public mutating func beginEpisode(_ episode: Int, of episodeCount: Int) {
        epsilon = hyperparameters.epsilon.value(atEpisode: episode, of: episodeCount)
        learningRate = hyperparameters.learningRate.value(atEpisode: episode, of: episodeCount)
    }

    @inlinable @inline(__always)
    public mutating func action(for observation: Observation, mode: AgentMode) -> Action {
        let state = observationSpace.index(of: observation)
        if mode == .training && generator.nextUnitDouble() < epsilon {
            return actionSpace.element(at: generator.nextIndex(below: actionSpace.count))
        }
        return actionSpace.element(at: greedyAction(in: state))
    }

    /// The index of a best action in `state`, ties broken uniformly at random.
    @inlinable @inline(__always)
    public mutating func greedyAction(in state: Int) -> Int {
        // One pass finds the best value and counts its ties; only a tie costs a random
        // number and a second pass.
        let row = table.index(state: state, action: 0)
        let values = table.storage.values
        // Two actions (Pong's default) is the common case: decide it without a loop.
        if table.actionCount == 2 {
            let first = values[row], second = values[row &+ 1]
            if first != second { return first > second ? 0 : 1 }
            return generator.nextIndex(below: 2)
        }
        var best = values[row]
        var bestAction = 0
        var ties = 1
        for action in 1..<table.actionCount {
            let value = values[row &+ action]
            if value > best {
                best = value
                bestAction = action
                ties = 1
            } else if value == best {
                ties &+= 1
            }
        }
        guard ties > 1 else { return bestAction }
        var pick = generator.nextIndex(below: ties)
        for action in bestAction..<table.actionCount where values[row &+ action] == best {
            if pick == 0 { return action }
            pick &-= 1
        }
        return bestAction
    }

    @inlinable @inline(__always)
    public mutating func learn(from transition: Transition<Observation, Action>) {
        let state = observationSpace.index(of: transition.observation)
        let action = actionSpace.index(of: transition.action)
        var target = transition.reward
        if !transition.terminated {
            target += hyperparameters.discount * table.maxValue(in: observationSpace.index(of: transition.nextObservation))
        }
        table.move(state: state, action: action, towards: target, rate: learningRate)
    }
}
