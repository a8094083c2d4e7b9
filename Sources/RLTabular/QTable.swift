import RLCore

/// A dense table of action values: one contiguous row-major buffer of shape
/// (state dimensions..., actions), so `table[state, action]` is one multiply-add away.
/// A visit count per (state, action) is kept beside it for inspection and coverage.
///
/// A value type with copy-on-write storage: copies are cheap until one of them is written.
public struct QTable: Sendable, Equatable {
    /// The observation space's dimensions.
    public let stateShape: [Int]
    /// How many actions each state has.
    public let actionCount: Int
    /// How many states there are.
    public let stateCount: Int

    @usableFromInline var storage: TableStorage
    /// Per state, the actions it allows; `nil` when every state allows all of them
    /// (``FiniteSpace/legalActions(inState:)``).
    @usableFromInline var legalSets: [LegalActions]?

    /// A table of zeros (and no visits).
    public init(stateShape: [Int], actionCount: Int) {
        precondition(actionCount > 0, "a Q-table needs at least one action, got \(actionCount)")
        precondition(
            !stateShape.isEmpty && stateShape.allSatisfy { $0 > 0 },
            "a Q-table needs at least one state dimension, each of size 1 or more, got \(stateShape)")
        let (states, overflow) = stateShape.reduce((1, false)) { partial, size in
            let (product, over) = partial.0.multipliedReportingOverflow(by: size)
            return (product, partial.1 || over)
        }
        precondition(
            !overflow && states.multipliedReportingOverflow(by: actionCount).overflow == false
                && states * actionCount <= 1 << 32,
            "a Q-table of shape \(stateShape + [actionCount]) is too large for memory")
        self.stateShape = stateShape
        self.actionCount = actionCount
        stateCount = stateShape.reduce(1, *)
        storage = TableStorage(count: stateCount * actionCount)
    }

    /// A table from stored values and visits.
    /// - Precondition: both hold exactly `stateShape × actionCount` entries.
    public init(stateShape: [Int], actionCount: Int, values: [Double], visits: [Int64]) {
        self.init(stateShape: stateShape, actionCount: actionCount)
        precondition(
            values.count == storage.count && visits.count == storage.count,
            "a Q-table of shape \(stateShape + [actionCount]) needs \(storage.count) values and visits, got \(values.count) and \(visits.count)"
        )
        storage.values.update(from: values, count: values.count)
        storage.visits.update(from: visits, count: visits.count)
    }

    /// A table of zeros shaped for a pair of spaces: the observation space's dimensions, then
    /// one column per action. An observation space that limits actions per state limits the table.
    public init<O: FiniteSpace, A: FiniteSpace>(observationSpace: O, actionSpace: A) {
        self.init(stateShape: observationSpace.shape, actionCount: actionSpace.count)
        limitActions(by: observationSpace)
    }

    /// Takes the per-state legal actions of an observation space that has them
    /// (``FiniteSpace/legalActions(inState:)``), for the table's own questions
    /// (``greedyActions(in:)``, ``maxValue(in:)``); agents ask their space directly.
    public mutating func limitActions<O: FiniteSpace>(by observationSpace: O) {
        let sets = (0..<stateCount).map { state in
            let legal = observationSpace.legalActions(inState: state)
            precondition(legal.count(of: actionCount) >= 1, "state \(state) allows none of its \(actionCount) actions")
            return legal
        }
        legalSets = sets.allSatisfy { $0.count(of: actionCount) == actionCount } ? nil : sets
    }

    /// The actions `state` allows.
    @inlinable @inline(__always)
    public func legalActions(in state: Int) -> LegalActions {
        if let legalSets { return legalSets[state] }
        return .all
    }

    /// How many actions `state` allows.
    @inlinable
    public func legalActionCount(in state: Int) -> Int { legalActions(in: state).count(of: actionCount) }

    /// Whether the table fits a pair of spaces.
    public func fits<O: FiniteSpace, A: FiniteSpace>(_ observationSpace: O, _ actionSpace: A) -> Bool {
        stateShape == observationSpace.shape && actionCount == actionSpace.count
    }

    /// Stops with a message naming both shapes when the table does not fit the spaces: a
    /// library user's broken contract, not bad input.
    public func requireShape<O: FiniteSpace, A: FiniteSpace>(of observationSpace: O, _ actionSpace: A) {
        precondition(
            fits(observationSpace, actionSpace),
            "the table's shape \(shape) does not match the spaces, which need \(observationSpace.shape + [actionSpace.count])")
    }

    /// Throws a one-line error when a loaded table does not fit the spaces.
    public func checkShape<O: FiniteSpace, A: FiniteSpace>(of observationSpace: O, _ actionSpace: A) throws(PolicyFileError) {
        guard fits(observationSpace, actionSpace) else {
            throw PolicyFileError(
                "table shape \(shape) does not match the world's spaces, which need \(observationSpace.shape + [actionSpace.count])")
        }
    }

    /// The values, flat, row-major over ``shape``.
    public var values: [Double] { Array(UnsafeBufferPointer(start: storage.values, count: storage.count)) }
    /// How many times each (state, action) was learned from, flat like ``values``.
    public var visits: [Int64] { Array(UnsafeBufferPointer(start: storage.visits, count: storage.count)) }

    /// (state dimensions..., actions).
    public var shape: [Int] { stateShape + [actionCount] }
    /// Row-major strides of ``shape``, in elements.
    public var strides: [Int] {
        var strides = Array(repeating: 1, count: shape.count)
        for dimension in stride(from: shape.count - 2, through: 0, by: -1) {
            strides[dimension] = strides[dimension + 1] * shape[dimension + 1]
        }
        return strides
    }

    /// The value of taking `action` in the state with dense index `state`.
    @inlinable
    public subscript(state: Int, action: Int) -> Double {
        get { storage.values[index(state: state, action: action)] }
        set {
            let index = index(state: state, action: action)
            makeUnique()
            storage.values[index] = newValue
        }
    }

    /// The value at a flat index (state × actions + action): one bounds check, for loops over
    /// rows that are not states (a linear agent's features).
    @inlinable @inline(__always)
    public func value(atFlatIndex index: Int) -> Double {
        precondition(UInt(bitPattern: index) < UInt(bitPattern: storage.count), "flat index \(index) is outside the table")
        return storage.values[index]
    }

    /// Adds `amount` at a flat index and counts a visit there, for a table made unique this
    /// episode (``makeUnique()``): one bounds check for both.
    @inlinable @inline(__always)
    public mutating func addInPlaceCountingVisit(_ amount: Double, atFlatIndex index: Int) {
        precondition(UInt(bitPattern: index) < UInt(bitPattern: storage.count), "flat index \(index) is outside the table")
        assert(isKnownUniquelyReferenced(&storage), "a learning write to a shared table: ownLearnedTables() must make it unique")
        storage.values[index] += amount
        storage.visits[index] &+= 1
    }

    /// Reads the values in place, flat and row-major like ``values``, for sums over many rows (a
    /// linear agent's q̂ over its active features): one call instead of a checked read per value.
    /// The buffer holds ``stateCount`` × ``actionCount`` values; `body` checks its own indices.
    @inlinable @inline(__always)
    public func withUnsafeValues<Result>(_ body: (UnsafeBufferPointer<Double>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: storage.values, count: storage.count))
    }

    /// Writes the values and their visit counts in place, flat and row-major like ``values``, for
    /// updates over many rows (a linear agent's update over its active features): one call
    /// instead of a checked write per value. Each buffer holds ``stateCount`` × ``actionCount``
    /// entries; `body` checks its own indices.
    @inlinable @inline(__always)
    public mutating func withUnsafeMutableValuesAndVisits<Result>(
        _ body: (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Int64>) throws -> Result
    ) rethrows -> Result {
        assert(isKnownUniquelyReferenced(&storage), "a learning write to a shared table: ownLearnedTables() must make it unique")
        return try body(
            UnsafeMutableBufferPointer(start: storage.values, count: storage.count),
            UnsafeMutableBufferPointer(start: storage.visits, count: storage.count))
    }

    /// How many times `action` was learned from in `state`.
    @inlinable
    public func visitCount(state: Int, action: Int) -> Int64 { storage.visits[index(state: state, action: action)] }

    /// The largest value in a state's row.
    @inlinable @inline(__always)
    public func maxValue(in state: Int) -> Double {
        maxValue(in: state, legal: legalActions(in: state))
    }

    /// The largest value among the actions `legal` allows in a state's row.
    @inlinable @inline(__always)
    public func maxValue(in state: Int, legal: LegalActions) -> Double {
        let row = index(state: state, action: 0)
        let values = storage.values
        guard legal.isAll else {
            var best = -Double.infinity
            for action in 0..<actionCount where legal.contains(action) && values[row &+ action] > best { best = values[row &+ action] }
            return best
        }
        // Two actions (Pong's default) is the common case: no loop set-up for it.
        if actionCount == 2 { return Swift.max(values[row], values[row &+ 1]) }
        var best = values[row]
        for action in 1..<actionCount where values[row &+ action] > best { best = values[row &+ action] }
        return best
    }

    /// Moves one value towards `target` by `rate` of the gap and counts the visit: the
    /// Bellman update's write.
    @inlinable @inline(__always)
    public mutating func move(state: Int, action: Int, towards target: Double, rate: Double) {
        let index = index(state: state, action: action)
        makeUnique()
        storage.values[index] += rate * (target - storage.values[index])
        storage.visits[index] &+= 1
    }

    /// Adds `amount` to the value at a flat index (row-major over ``shape``): for updates that
    /// sweep many pairs at once, such as eligibility traces.
    @inlinable @inline(__always)
    public mutating func add(_ amount: Double, atFlatIndex index: Int) {
        precondition(UInt(bitPattern: index) < UInt(bitPattern: storage.count), "flat index \(index) is outside the table")
        makeUnique()
        storage.values[index] += amount
    }

    /// How many values the table holds (states × actions).
    @inlinable public var count: Int { storage.count }

    // MARK: Writes of a learning step

    // A learning agent makes its table unique once per episode (in `beginEpisode`; the trainer
    // copies an agent only between episodes), so the writes of each step skip the copy-on-write
    // check, a runtime call that cost a tenth of Pong's training time. Debug builds check the
    // promise on every write.

    /// ``move(state:action:towards:rate:)`` for a table made unique (``makeUnique()``) this episode.
    @inlinable @inline(__always)
    public mutating func moveInPlace(state: Int, action: Int, towards target: Double, rate: Double) {
        let index = index(state: state, action: action)
        assert(isKnownUniquelyReferenced(&storage), "a learning write to a shared table: ownLearnedTables() must make it unique")
        storage.values[index] += rate * (target - storage.values[index])
        storage.visits[index] &+= 1
    }

    /// ``add(_:atFlatIndex:)`` for a table made unique this episode.
    @inlinable @inline(__always)
    public mutating func addInPlace(_ amount: Double, atFlatIndex index: Int) {
        precondition(UInt(bitPattern: index) < UInt(bitPattern: storage.count), "flat index \(index) is outside the table")
        assert(isKnownUniquelyReferenced(&storage), "a learning write to a shared table: ownLearnedTables() must make it unique")
        storage.values[index] += amount
    }

    /// Sets a value and counts a visit, for a table made unique this episode.
    @inlinable @inline(__always)
    public mutating func setInPlace(_ value: Double, state: Int, action: Int, countingVisit: Bool) {
        let index = index(state: state, action: action)
        assert(isKnownUniquelyReferenced(&storage), "a learning write to a shared table: ownLearnedTables() must make it unique")
        storage.values[index] = value
        if countingVisit { storage.visits[index] &+= 1 }
    }

    /// Counts one visit without changing the value, for a table made unique this episode.
    @inlinable @inline(__always)
    public mutating func recordVisitInPlace(state: Int, action: Int) {
        let index = index(state: state, action: action)
        assert(isKnownUniquelyReferenced(&storage), "a learning write to a shared table: ownLearnedTables() must make it unique")
        storage.visits[index] &+= 1
    }

    /// Counts one visit without changing the value.
    @inlinable
    public mutating func recordVisit(state: Int, action: Int) {
        let index = index(state: state, action: action)
        makeUnique()
        storage.visits[index] &+= 1
    }

    /// The flat index of (state, action), after checking it is in the table: the one bounds
    /// check the raw buffer accesses rely on, so memory is safe in every build. Debug builds
    /// also check each coordinate (an action past its row would read the next state's).
    @inlinable @inline(__always)
    func index(state: Int, action: Int) -> Int {
        assert(
            UInt(bitPattern: state) < UInt(bitPattern: stateCount) && UInt(bitPattern: action) < UInt(bitPattern: actionCount),
            "(state \(state), action \(action)) is outside the table")
        let flat = state &* actionCount &+ action
        precondition(UInt(bitPattern: flat) < UInt(bitPattern: storage.count), "(state \(state), action \(action)) is outside the table")
        return flat
    }

    /// Gives the table storage of its own, copying it if another value shares it: what every
    /// write does first, and what a learning agent does once per episode before its in-place writes.
    @inlinable @inline(__always)
    public mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// The actions whose value is the largest in a state's row, in index order.
    public func greedyActions(in state: Int) -> [Int] {
        let best = maxValue(in: state)
        return legalActions(in: state).actions(of: actionCount).filter { self[state, $0] == best }
    }

    /// Whether any action of `state` was ever learned from.
    public func wasVisited(_ state: Int) -> Bool {
        (0..<actionCount).contains { visitCount(state: state, action: $0) > 0 }
    }

    public static func == (left: QTable, right: QTable) -> Bool {
        left.stateShape == right.stateShape && left.actionCount == right.actionCount
            && left.values == right.values && left.visits == right.visits
    }
}

/// The table's memory: two flat buffers, owned by one object so a copy of a ``QTable`` shares
/// them until it writes (copy-on-write). Raw pointers keep the hot loop free of array
/// bookkeeping; ``QTable`` checks every index before it reaches here.
@usableFromInline
final class TableStorage: @unchecked Sendable {
    @usableFromInline let count: Int
    @usableFromInline let values: UnsafeMutablePointer<Double>
    @usableFromInline let visits: UnsafeMutablePointer<Int64>

    init(count: Int) {
        self.count = count
        values = .allocate(capacity: count)
        values.initialize(repeating: 0, count: count)
        visits = .allocate(capacity: count)
        visits.initialize(repeating: 0, count: count)
    }

    @usableFromInline
    func copy() -> TableStorage {
        let copy = TableStorage(count: count)
        copy.values.update(from: values, count: count)
        copy.visits.update(from: visits, count: count)
        return copy
    }

    deinit {
        values.deallocate()
        visits.deallocate()
    }
}
