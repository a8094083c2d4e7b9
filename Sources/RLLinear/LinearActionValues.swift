import RLCore
import RLFeatures
import RLTabular

/// A linear action-value function q̂(s, a, w) = Σᵢ wᵢₐ xᵢ(s) (Sutton & Barto §9.4, §10.1) with
/// the features it reads and its ε-greedy behaviour: what every linear agent carries besides its
/// traces. The weights are a ``QTable`` whose rows are features, not states (row i, column a is
/// wᵢₐ), so policy files, resume and visit counts work as for a table; with one-hot features it
/// *is* the table.
///
/// It remembers the features of the last observation it was asked about: the trainer asks for
/// an action in S and then learns from (S, A, R, S′), so each observation's features are
/// computed once, not twice.
public struct LinearActionValues<Features: FeatureMap, ActionSpace: FiniteSpace>: Sendable
where Features.Observation: Equatable & Sendable, ActionSpace: Sendable {
    public let features: Features
    public let actionSpace: ActionSpace
    /// w, a row per feature.
    public var weights: QTable
    /// Hyperparameters, this episode's ε and α, and the generator.
    public var exploration: EpsilonGreedy

    /// The features of ``cachedObservation``, and of the next one while learning.
    @usableFromInline var current: ActiveFeatures
    @usableFromInline var next: ActiveFeatures
    @usableFromInline var cachedObservation: Features.Observation?
    /// q̂(s, ·) of one observation, reused.
    @usableFromInline var scratch: [Double]
    /// The features' ``FeatureMap/stepSizeDivisor``, read once: the map answers it with a
    /// switch over its kinds, which would copy the map at every step.
    @usableFromInline let stepSizeDivisor: Double

    /// Zero weights.
    public init(features: Features, actionSpace: ActionSpace, hyperparameters: Hyperparameters, seed: UInt64) {
        self.features = features
        self.actionSpace = actionSpace
        weights = QTable(stateShape: [features.featureCount], actionCount: actionSpace.count)
        exploration = EpsilonGreedy(hyperparameters: hyperparameters, seed: seed)
        current = features.makeActiveFeatures()
        next = features.makeActiveFeatures()
        scratch = Array(repeating: 0, count: actionSpace.count)
        stepSizeDivisor = features.stepSizeDivisor
    }

    /// The number of actions.
    @inlinable public var actionCount: Int { weights.actionCount }

    /// α for one weight: the learning rate over the features' divisor (the book's α/n for n tilings).
    @inlinable public var stepSize: Double { exploration.learningRate / stepSizeDivisor }

    /// Puts `observation`'s features in ``current`` (from the cache when it is the last one asked about).
    @inlinable @inline(__always)
    public mutating func loadCurrent(_ observation: Features.Observation) {
        if cachedObservation != observation {
            features.activeFeatures(of: observation, into: &current)
            cachedObservation = observation
        }
    }

    /// Puts `observation`'s features in ``next``.
    @inlinable @inline(__always)
    public mutating func loadNext(_ observation: Features.Observation) {
        features.activeFeatures(of: observation, into: &next)
    }

    /// Makes the next observation's features the current ones (after a step's update).
    @inlinable @inline(__always)
    public mutating func advance(to observation: Features.Observation) {
        swap(&current, &next)
        cachedObservation = observation
    }

    /// q̂ of `action` over a set of active features.
    @inlinable @inline(__always)
    public func value(of features: ActiveFeatures, action: Int) -> Double {
        // w·1 is w exactly: binary features skip the multiplication and give the same sum.
        features.isBinary ? value(of: features, action: action, binary: true) : value(of: features, action: action, binary: false)
    }

    /// q̂ of `action`, multiplying by each feature's value unless `binary` says they are all 1.
    @inlinable @inline(__always)
    func value(of features: ActiveFeatures, action: Int, binary: Bool) -> Double {
        let actions = actionCount, rows = weights.stateCount
        precondition(UInt(bitPattern: action) < UInt(bitPattern: actions), "action \(action) is not one of \(actions)")
        // The one check the reads need: every row is a feature, so every cell is a weight.
        precondition(features.indicesAreBelow(rows), "a feature outside the weights")
        return weights.withUnsafeValues { weights in
            features.withActive { indices, values in
                var sum = 0.0
                for slot in 0..<indices.count {
                    let weight = weights[indices[slot] &* actions &+ action]
                    sum += binary ? weight : weight * values[slot]
                }
                return sum
            }
        }
    }

    /// Fills ``scratch`` with q̂ of every action over a set of active features.
    ///
    /// Up to four actions at a time, each summed in its own register in the order of the
    /// features (so each sum is ``value(of:action:)``'s, bit for bit): summing into the array
    /// would wait on a store and a load for every addition.
    @inlinable @inline(__always)
    mutating func fillValues(of features: ActiveFeatures) {
        let actions = actionCount
        var first = 0
        while first < actions {
            let width = min(4, actions &- first)
            // A constant width in each case, so the loop over the features tests nothing else.
            let sums =
                features.isBinary
                ? rowSums(of: features, from: first, width: width, binary: true)
                : rowSums(of: features, from: first, width: width, binary: false)
            scratch.withUnsafeMutableBufferPointer { scratch in
                precondition(first &+ width <= scratch.count, "more actions than values")
                scratch[first] = sums.0
                if width > 1 { scratch[first &+ 1] = sums.1 }
                if width > 2 { scratch[first &+ 2] = sums.2 }
                if width > 3 { scratch[first &+ 3] = sums.3 }
            }
            first &+= 4
        }
    }

    /// q̂ of actions `first ..< first + width` (`width` at most 4) over a set of active features.
    @inlinable @inline(__always)
    func rowSums(of features: ActiveFeatures, from first: Int, width: Int, binary: Bool) -> (Double, Double, Double, Double) {
        // A constant width in each case, so the loop over the features tests nothing else.
        switch width {
        case 4: rowSums(of: features, from: first, constantWidth: 4, binary: binary)
        case 3: rowSums(of: features, from: first, constantWidth: 3, binary: binary)
        case 2: rowSums(of: features, from: first, constantWidth: 2, binary: binary)
        default: rowSums(of: features, from: first, constantWidth: 1, binary: binary)
        }
    }

    /// ``rowSums(of:from:width:binary:)`` for one width, multiplying by each feature's value
    /// unless `binary` says they are all 1 (w·1 is w exactly).
    @inlinable @inline(__always)
    func rowSums(of features: ActiveFeatures, from first: Int, constantWidth width: Int, binary: Bool) -> (Double, Double, Double, Double) {
        let actions = actionCount, rows = weights.stateCount
        precondition(first >= 0 && first &+ width <= actions, "actions \(first)..<\(first + width) are not all among \(actions)")
        precondition(features.indicesAreBelow(rows), "a feature outside the weights")
        return weights.withUnsafeValues { weights in
            features.withActive { indices, values in
                var sums = (0.0, 0.0, 0.0, 0.0)
                for slot in 0..<indices.count {
                    let x = binary ? 1 : values[slot]
                    let cell = indices[slot] &* actions &+ first
                    sums.0 += binary ? weights[cell] : weights[cell] * x
                    if width > 1 { sums.1 += binary ? weights[cell &+ 1] : weights[cell &+ 1] * x }
                    if width > 2 { sums.2 += binary ? weights[cell &+ 2] : weights[cell &+ 2] * x }
                    if width > 3 { sums.3 += binary ? weights[cell &+ 3] : weights[cell &+ 3] * x }
                }
                return sums
            }
        }
    }

    /// A greedy action over ``scratch``, ties broken uniformly at random.
    @inlinable @inline(__always)
    mutating func greedyOverScratch() -> Int {
        let scratch = self.scratch
        return Self.greedy(count: actionCount, using: &exploration.generator) { scratch[$0] }
    }

    /// A greedy action among `count` actions whose q̂ `value` gives, ties broken uniformly at
    /// random with `generator`.
    @inlinable @inline(__always)
    static func greedy(count: Int, using generator: inout Xoshiro256StarStar, value: (Int) -> Double) -> Int {
        var best = value(0), bestAction = 0, ties = 1
        for action in 1..<count {
            let value = value(action)
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
        for action in bestAction..<count where value(action) == best {
            if pick == 0 { return action }
            pick &-= 1
        }
        return bestAction
    }

    /// An ε-greedy action index over a set of active features (greedy in evaluation).
    @inlinable @inline(__always)
    public mutating func action(over features: ActiveFeatures, mode: AgentMode) -> Int {
        if mode == .training && exploration.generator.nextUnitDouble() < exploration.epsilon {
            return exploration.generator.nextIndex(below: actionCount)
        }
        let actions = actionCount
        guard actions <= 4 else {
            fillValues(of: features)
            return greedyOverScratch()
        }
        // Up to four actions: the sums stay in registers, not in ``scratch``.
        let sums =
            features.isBinary
            ? rowSums(of: features, from: 0, width: actions, binary: true)
            : rowSums(of: features, from: 0, width: actions, binary: false)
        return Self.greedy(count: actions, using: &exploration.generator) { action in
            switch action {
            case 0: sums.0
            case 1: sums.1
            case 2: sums.2
            default: sums.3
            }
        }
    }

    /// The ε-greedy action in `observation`.
    @inlinable @inline(__always)
    public mutating func action(in observation: Features.Observation, mode: AgentMode) -> Int {
        loadCurrent(observation)
        return action(over: current, mode: mode)
    }

    /// max over a of q̂ over a set of active features.
    @inlinable @inline(__always)
    public mutating func maxValue(over features: ActiveFeatures) -> Double {
        fillValues(of: features)
        var best = scratch[0]
        for action in 1..<actionCount where scratch[action] > best { best = scratch[action] }
        return best
    }

    /// The ε-greedy policy's expectation of q̂ over a set of active features:
    /// (1 − ε) max + ε mean.
    @inlinable @inline(__always)
    public mutating func epsilonGreedyExpectation(over features: ActiveFeatures) -> Double {
        fillValues(of: features)
        var best = scratch[0], sum = scratch[0]
        for action in 1..<actionCount {
            sum += scratch[action]
            if scratch[action] > best { best = scratch[action] }
        }
        return (1 - exploration.epsilon) * best + exploration.epsilon * sum / Double(actionCount)
    }

    /// w·ₐ ← w·ₐ + `amount` · x over a set of active features, counting a visit of each.
    @inlinable @inline(__always)
    public mutating func add(_ amount: Double, along features: ActiveFeatures, action: Int) {
        // amount·1 is amount exactly: binary features skip the multiplication and give the same weights.
        if features.isBinary {
            add(amount, along: features, action: action, binary: true)
        } else {
            add(amount, along: features, action: action, binary: false)
        }
    }

    /// ``add(_:along:action:)``, multiplying by each feature's value unless `binary` says they are all 1.
    @inlinable @inline(__always)
    mutating func add(_ amount: Double, along features: ActiveFeatures, action: Int, binary: Bool) {
        let actions = actionCount, rows = weights.stateCount
        // The checks the writes need, once: every row is a feature and the action a column.
        precondition(UInt(bitPattern: action) < UInt(bitPattern: actions), "action \(action) is not one of \(actions)")
        precondition(features.indicesAreBelow(rows), "a feature outside the weights")
        weights.withUnsafeMutableValuesAndVisits { weights, visits in
            features.withActive { indices, values in
                for slot in 0..<indices.count {
                    let cell = indices[slot] &* actions &+ action
                    weights[cell] += binary ? amount : amount * values[slot]
                    visits[cell] &+= 1
                }
            }
        }
    }
}
