import RLCore

/// Double Q-learning (van Hasselt 2010; Sutton & Barto, 2nd ed., §6.7): two tables, so that
/// the action picked as best and the value it is judged by come from different estimates,
/// which removes Q-learning's maximisation bias.
///
/// The box: choose A from S ε-greedily on Q1 + Q2; take A, observe R, S′; with probability
/// 0.5: Q1(S,A) ← Q1(S,A) + α [R + γ Q2(S′, argmax_a Q1(S′,a)) − Q1(S,A)], else the same with
/// Q1 and Q2 swapped. ``table`` holds (Q1 + Q2) / 2, which has the greedy actions of the sum
/// and the scale of one estimate; both tables are saved in the policy file.
public struct DoubleQLearningAgent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: EpsilonGreedyAgent {
    public let observationSpace: ObservationSpace
    public let actionSpace: ActionSpace
    /// (Q1 + Q2) / 2, with the visits of every update: what the agent acts on.
    public var table: QTable
    /// The two estimates.
    public var first: QTable
    public var second: QTable
    public var exploration: EpsilonGreedy

    public init(
        observationSpace: ObservationSpace, actionSpace: ActionSpace,
        hyperparameters: Hyperparameters, settings: NoAgentSettings, seed: UInt64
    ) {
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
        table = QTable(observationSpace: observationSpace, actionSpace: actionSpace)
        first = QTable(observationSpace: observationSpace, actionSpace: actionSpace)
        second = QTable(observationSpace: observationSpace, actionSpace: actionSpace)
        exploration = EpsilonGreedy(hyperparameters: hyperparameters, seed: seed)
    }

    public var extraTensors: [String: Tensor] {
        ["q1": Tensor(shape: first.shape, floats: first.values), "q2": Tensor(shape: second.shape, floats: second.values)]
    }

    public mutating func restore(table: QTable, extraTensors: [String: Tensor]) throws(PolicyFileError) {
        try table.checkShape(of: observationSpace, actionSpace)
        let q1 = try extraTensors.values(named: "q1", shape: table.shape)
        let q2 = try extraTensors.values(named: "q2", shape: table.shape)
        let zeros = [Int64](repeating: 0, count: q1.count)
        first = QTable(stateShape: table.stateShape, actionCount: table.actionCount, values: q1, visits: zeros)
        second = QTable(stateShape: table.stateShape, actionCount: table.actionCount, values: q2, visits: zeros)
        // The mean is recomputed, so a file cannot make the agent act on values its tables do not hold.
        self.table = QTable(
            stateShape: table.stateShape, actionCount: table.actionCount,
            values: zip(q1, q2).map { ($0 + $1) / 2 }, visits: table.visits)
        for estimate in [\Self.first, \Self.second, \Self.table] { self[keyPath: estimate].limitActions(by: observationSpace) }
    }

    /// The mean and both estimates are written every step.
    @inlinable public mutating func ownLearnedTables() {
        table.makeUnique()
        first.makeUnique()
        second.makeUnique()
    }

    @inlinable @inline(__always) @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        let state = observationSpace.index(of: transition.observation)
        let action = actionSpace.index(of: transition.action)
        let nextState = observationSpace.index(of: transition.nextObservation)
        // The coin: which estimate learns this time.
        let updatesFirst = exploration.generator.next() >> 63 == 0
        if updatesFirst {
            Self.update(&first, judgedBy: second, state, action, transition, nextState, observationSpace, &exploration)
        } else {
            Self.update(&second, judgedBy: first, state, action, transition, nextState, observationSpace, &exploration)
        }
        table.setInPlace((first[state, action] + second[state, action]) / 2, state: state, action: action, countingVisit: true)
        return nil
    }

    /// One estimate's update: its own best next action, valued by the other estimate.
    @inlinable @inline(__always)
    static func update(
        _ learner: inout QTable, judgedBy judge: QTable, _ state: Int, _ action: Int,
        _ transition: Transition<Observation, Action>, _ nextState: Int, _ space: ObservationSpace, _ exploration: inout EpsilonGreedy
    ) {
        var target = transition.reward
        if !transition.terminated {
            let best = learner.greedyAction(in: nextState, of: space, using: &exploration.generator)
            target += exploration.discount * judge[nextState, best]
        }
        learner.moveInPlace(state: state, action: action, towards: target, rate: exploration.learningRate)
    }
}

/// `double-q-learning`.
public enum DoubleQLearning: AgentRegistration {
    public static let id = "double-q-learning"
    public static let summary = "Double Q-learning (two tables and a coin, van Hasselt 2010, S&B §6.7)"
    public static let sharedSettings: Set<SharedSetting> = [.learningRate, .discount, .epsilon]
    public static let extraTensorNames = ["q1", "q2"]
    public static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(DoubleQLearningAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}

extension Dictionary where Key == String, Value == Tensor {
    /// A float tensor's values, checked: present, of the given shape, every value finite.
    public func values(named name: String, shape: [Int]) throws(PolicyFileError) -> [Double] {
        guard let tensor = self[name] else { throw PolicyFileError("the policy has no tensor '\(name)'") }
        guard tensor.shape == shape, case .floats(let values) = tensor.values else {
            throw PolicyFileError("tensor '\(name)' must be floats of shape \(shape), got shape \(tensor.shape)")
        }
        if let bad = values.firstIndex(where: { !$0.isFinite || abs($0) > Policy.Limits.value }) {
            throw PolicyFileError("tensor '\(name)' holds a non-finite value or one beyond ±\(Policy.Limits.value) at flat index \(bad)")
        }
        return values
    }

    /// An integer tensor's values, checked: present, of the given shape, every value in `range`.
    func integers(named name: String, shape: [Int], in range: ClosedRange<Int64>) throws(PolicyFileError) -> [Int64] {
        guard let tensor = self[name] else { throw PolicyFileError("the policy has no tensor '\(name)'") }
        guard tensor.shape == shape, case .integers(let values) = tensor.values else {
            throw PolicyFileError("tensor '\(name)' must be integers of shape \(shape), got shape \(tensor.shape)")
        }
        if let bad = values.firstIndex(where: { !range.contains($0) }) {
            throw PolicyFileError(
                "tensor '\(name)' holds \(values[bad]) at flat index \(bad), outside \(range.lowerBound)...\(range.upperBound)")
        }
        return values
    }
}
