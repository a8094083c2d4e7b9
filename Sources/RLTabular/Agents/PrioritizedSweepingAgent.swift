import RLCore

/// Tabular prioritized sweeping for a deterministic world (Sutton & Barto, 2nd ed., §8.4): Dyna's
/// model, but planning updates the pairs whose values would change most first, and works
/// backwards from them to the pairs that lead to them.
///
/// The box: (b) choose A from S ε-greedily; (c) take A, observe R, S′; (d) Model(S,A) ← R, S′;
/// (e) P ← |R + γ max_a Q(S′,a) − Q(S,A)|; (f) if P > θ, insert S,A into PQueue with priority P;
/// (g) n times while PQueue is not empty: S,A ← first(PQueue); R,S′ ← Model(S,A); the Q-learning
/// update of Q(S,A); for every S̄,Ā the model says leads to S: R̄ ← its reward,
/// P ← |R̄ + γ max_a Q(S,a) − Q(S̄,Ā)|, and if P > θ insert S̄,Ā with priority P. A pair already
/// in the queue keeps the higher of its two priorities. The real step itself updates nothing
/// but the model: its update comes from the queue. A terminating transition's target is R alone.
/// Everything is preallocated: the queue is a binary heap over the pairs, the predecessors a
/// linked list per next state. The model, the lists and the queue (in its heap order, which
/// decides ties) are saved in the policy file beside the table, so `rl train --resume`
/// continues a run exactly.
public struct PrioritizedSweepingAgent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: EpsilonGreedyAgent {
    public let observationSpace: ObservationSpace
    public let actionSpace: ActionSpace
    public var table: QTable
    public let settings: PrioritizedSweepingSettings
    public var exploration: EpsilonGreedy
    @inlinable public mutating func ownLearnedTables() { table.makeUnique() }
    /// The model: next state (−1 where never tried), reward, whether it terminated.
    @usableFromInline var modelNext: [Int]
    @usableFromInline var modelReward: [Double]
    @usableFromInline var modelTerminated: [Bool]
    /// Predecessors: per state the first pair leading to it, per pair the next and previous pair
    /// leading to the same state (−1 for none).
    @usableFromInline var predecessorHead: [Int]
    @usableFromInline var predecessorNext: [Int]
    @usableFromInline var predecessorPrevious: [Int]
    /// The queue: a max-heap of pairs, their priorities, and each pair's place in it (−1: absent).
    @usableFromInline var heap: [Int]
    @usableFromInline var priority: [Double]
    @usableFromInline var place: [Int]
    /// Q updates so far (Example 8.4 counts them).
    @usableFromInline var updateCount = 0
    public var updates: Int { updateCount }

    public init(
        observationSpace: ObservationSpace, actionSpace: ActionSpace,
        hyperparameters: Hyperparameters, settings: PrioritizedSweepingSettings, seed: UInt64
    ) {
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
        self.settings = settings
        table = QTable(observationSpace: observationSpace, actionSpace: actionSpace)
        exploration = EpsilonGreedy(hyperparameters: hyperparameters, seed: seed)
        modelNext = Array(repeating: -1, count: table.count)
        modelReward = Array(repeating: 0, count: table.count)
        modelTerminated = Array(repeating: false, count: table.count)
        predecessorHead = Array(repeating: -1, count: table.stateCount)
        predecessorNext = Array(repeating: -1, count: table.count)
        predecessorPrevious = Array(repeating: -1, count: table.count)
        heap = []
        heap.reserveCapacity(table.count)
        priority = Array(repeating: 0, count: table.count)
        place = Array(repeating: -1, count: table.count)
    }

    public var extraTensors: [String: Tensor] {
        func integers(_ values: [Int]) -> [Int64] { values.map(Int64.init) }
        return [
            "model_next_state": Tensor(shape: table.shape, integers: integers(modelNext)),
            "model_reward": Tensor(shape: table.shape, floats: modelReward),
            "model_terminated": Tensor(shape: table.shape, integers: modelTerminated.map { $0 ? 1 : 0 }),
            "predecessor_head": Tensor(shape: table.stateShape, integers: integers(predecessorHead)),
            "predecessor_next": Tensor(shape: table.shape, integers: integers(predecessorNext)),
            "predecessor_previous": Tensor(shape: table.shape, integers: integers(predecessorPrevious)),
            "queue": Tensor(shape: [heap.count], integers: integers(heap)),
            "queue_priority": Tensor(shape: table.shape, floats: priority),
        ]
    }

    public mutating func restore(table: QTable, extraTensors tensors: [String: Tensor]) throws(PolicyFileError) {
        try table.checkShape(of: observationSpace, actionSpace)
        let states = Int64(table.stateCount), pairs = Int64(table.count)
        let next = try tensors.integers(named: "model_next_state", shape: table.shape, in: -1...(states - 1)).map { Int($0) }
        let reward = try tensors.values(named: "model_reward", shape: table.shape)
        let terminated = try tensors.integers(named: "model_terminated", shape: table.shape, in: 0...1)
        let head = try tensors.integers(named: "predecessor_head", shape: table.stateShape, in: -1...(pairs - 1)).map { Int($0) }
        let following = try tensors.integers(named: "predecessor_next", shape: table.shape, in: -1...(pairs - 1)).map { Int($0) }
        let preceding = try tensors.integers(named: "predecessor_previous", shape: table.shape, in: -1...(pairs - 1)).map { Int($0) }
        let priorities = try tensors.values(named: "queue_priority", shape: table.shape)
        guard let queueLength = tensors["queue"]?.shape.first, (0...table.count).contains(queueLength) else {
            throw PolicyFileError("the policy's prioritized-sweeping queue is missing or longer than the table")
        }
        let queue = try tensors.integers(named: "queue", shape: [queueLength], in: 0...(pairs - 1)).map { Int($0) }
        // Each state's list holds exactly the pairs the model leads to it, linked both ways: a
        // file may come from anywhere, and a cycle would make planning loop for ever.
        var listed = Array(repeating: false, count: table.count)
        for state in 0..<table.stateCount {
            var pair = head[state], previous = -1
            while pair >= 0 {
                guard !listed[pair], next[pair] == state, preceding[pair] == previous else {
                    throw PolicyFileError("prioritized sweeping's predecessor lists disagree with its model at state \(state)")
                }
                listed[pair] = true
                previous = pair
                pair = following[pair]
            }
        }
        guard (0..<table.count).allSatisfy({ listed[$0] == (next[$0] >= 0) }) else {
            throw PolicyFileError("prioritized sweeping's predecessor lists leave out a pair of its model")
        }
        // The queue: distinct pairs of the model, each parent's priority at least its children's.
        var places = Array(repeating: -1, count: table.count)
        for (index, pair) in queue.enumerated() {
            guard places[pair] < 0, next[pair] >= 0, index == 0 || priorities[queue[(index - 1) / 2]] >= priorities[pair] else {
                throw PolicyFileError("prioritized sweeping's queue is not a heap of distinct pairs of its model")
            }
            places[pair] = index
        }
        self.table = table
        self.table.limitActions(by: observationSpace)
        modelNext = next
        modelReward = reward
        modelTerminated = terminated.map { $0 == 1 }
        predecessorHead = head
        predecessorNext = following
        predecessorPrevious = preceding
        heap = queue
        heap.reserveCapacity(table.count)
        priority = priorities
        place = places
    }

    /// The pairs in the queue, for tests: (pair, priority), highest first.
    public var queue: [(pair: Int, priority: Double)] {
        heap.map { ($0, priority[$0]) }.sorted { $0.priority > $1.priority }
    }

    @inlinable @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        let state = observationSpace.index(of: transition.observation)
        let action = actionSpace.index(of: transition.action)
        let nextState = observationSpace.index(of: transition.nextObservation)
        let pair = state &* table.actionCount &+ action
        // (d) the model, and the predecessor lists.
        if modelNext[pair] != nextState {
            if modelNext[pair] >= 0 { unlink(pair, from: modelNext[pair]) }
            predecessorNext[pair] = predecessorHead[nextState]
            predecessorPrevious[pair] = -1
            if predecessorHead[nextState] >= 0 { predecessorPrevious[predecessorHead[nextState]] = pair }
            predecessorHead[nextState] = pair
            modelNext[pair] = nextState
        }
        modelReward[pair] = transition.reward
        modelTerminated[pair] = transition.terminated
        // (e), (f)
        insert(pair, priority: abs(target(pair) - table[state, action]))
        // (g)
        var planned = 0
        while planned < settings.planningSteps, let first = popFirst() {
            planned += 1
            let plannedState = first / table.actionCount, plannedAction = first % table.actionCount
            table.moveInPlace(state: plannedState, action: plannedAction, towards: target(first), rate: exploration.learningRate)
            updateCount += 1
            var predecessor = predecessorHead[plannedState]
            while predecessor >= 0 {
                insert(predecessor, priority: abs(target(predecessor) - table.value(atFlatIndex: predecessor)))
                predecessor = predecessorNext[predecessor]
            }
        }
        return nil
    }

    /// R + γ max_a Q(S′, a) from the model (R alone when it terminated).
    @inlinable
    func target(_ pair: Int) -> Double {
        modelTerminated[pair]
            ? modelReward[pair] : modelReward[pair] + exploration.discount * table.maxValue(in: modelNext[pair], of: observationSpace)
    }

    @inlinable
    mutating func unlink(_ pair: Int, from state: Int) {
        let next = predecessorNext[pair], previous = predecessorPrevious[pair]
        if previous >= 0 { predecessorNext[previous] = next } else { predecessorHead[state] = next }
        if next >= 0 { predecessorPrevious[next] = previous }
    }

    /// Puts `pair` in the queue when `priority` passes θ; a pair already there keeps the higher.
    @inlinable
    mutating func insert(_ pair: Int, priority newPriority: Double) {
        guard newPriority > settings.theta else { return }
        if place[pair] >= 0 {
            guard newPriority > priority[pair] else { return }
            priority[pair] = newPriority
            siftUp(place[pair])
        } else {
            priority[pair] = newPriority
            heap.append(pair)
            place[pair] = heap.count - 1
            siftUp(heap.count - 1)
        }
    }

    @inlinable
    mutating func popFirst() -> Int? {
        guard let first = heap.first else { return nil }
        let last = heap.removeLast()
        place[first] = -1
        if !heap.isEmpty {
            heap[0] = last
            place[last] = 0
            siftDown(0)
        }
        return first
    }

    @inlinable
    mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard priority[heap[child]] > priority[heap[parent]] else { return }
            swapAt(child, parent)
            child = parent
        }
    }

    @inlinable
    mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var largest = parent
            let left = 2 * parent + 1, right = left + 1
            if left < heap.count && priority[heap[left]] > priority[heap[largest]] { largest = left }
            if right < heap.count && priority[heap[right]] > priority[heap[largest]] { largest = right }
            if largest == parent { return }
            swapAt(parent, largest)
            parent = largest
        }
    }

    @inlinable
    mutating func swapAt(_ a: Int, _ b: Int) {
        heap.swapAt(a, b)
        place[heap[a]] = a
        place[heap[b]] = b
    }
}

/// How much prioritized sweeping plans, and the smallest priority it queues.
public struct PrioritizedSweepingSettings: AgentSettings {
    /// Updates from the queue after every real step, at most (n).
    public var planningSteps = 5
    /// θ: a pair is queued only when its priority passes it.
    public var theta = 1e-4

    public init() {}
    public init(planningSteps: Int, theta: Double) {
        self.planningSteps = planningSteps
        self.theta = theta
    }

    public func validate() throws(SettingError) {
        guard (0...10_000).contains(planningSteps) else {
            throw SettingError("planning steps must be in 0...10000, got \(planningSteps)")
        }
        guard theta.isFinite, (0...1e6).contains(theta) else { throw SettingError("θ must be in 0...1e6, got \(theta)") }
    }
}

/// `prioritized-sweeping`.
public enum PrioritizedSweeping: AgentRegistration {
    public static let id = "prioritized-sweeping"
    public static let summary =
        "prioritized sweeping (planning updates the pairs whose values would change most first, S&B §8.4; a deterministic model)"
    public static var flags: [SettingFlag<PrioritizedSweepingSettings>] {
        [
            .integer(
                "planning-steps", \.planningSteps, in: 0...10_000,
                help: "Updates from the queue after every real step, at most n (default 5)."),
            .number("theta", \.theta, in: 0...1e6, help: "θ: a pair is queued only when its priority passes it (default 0.0001)."),
        ]
    }
    public static let sharedSettings: Set<SharedSetting> = [.learningRate, .discount, .epsilon]
    public static let extraTensorNames = [
        "model_next_state", "model_reward", "model_terminated", "predecessor_head", "predecessor_next",
        "predecessor_previous", "queue", "queue_priority",
    ]
    public static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(PrioritizedSweepingAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
