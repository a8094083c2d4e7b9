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

    /// A table of zeros (and no visits).
    public init(stateShape: [Int], actionCount: Int) {
        precondition(actionCount > 0 && !stateShape.isEmpty && stateShape.allSatisfy { $0 > 0 })
        self.stateShape = stateShape
        self.actionCount = actionCount
        stateCount = stateShape.reduce(1, *)
        storage = TableStorage(count: stateCount * actionCount)
    }

    /// A table from stored values and visits.
    /// - Precondition: both hold exactly `stateShape × actionCount` entries.
    public init(stateShape: [Int], actionCount: Int, values: [Double], visits: [Int64]) {
        self.init(stateShape: stateShape, actionCount: actionCount)
        precondition(values.count == storage.count && visits.count == storage.count)
        storage.values.update(from: values, count: values.count)
        storage.visits.update(from: visits, count: visits.count)
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

    /// How many times `action` was learned from in `state`.
    @inlinable
    public func visitCount(state: Int, action: Int) -> Int64 { storage.visits[index(state: state, action: action)] }

    /// The largest value in a state's row.
    @inlinable @inline(__always)
    public func maxValue(in state: Int) -> Double {
        let row = index(state: state, action: 0)
        let values = storage.values
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

    /// Counts one visit without changing the value.
    @inlinable
    public mutating func recordVisit(state: Int, action: Int) {
        let index = index(state: state, action: action)
        makeUnique()
        storage.visits[index] &+= 1
    }

    /// The flat index of (state, action), after checking both are in the table: the one
    /// bounds check the raw buffer accesses rely on.
    @inlinable @inline(__always)
    func index(state: Int, action: Int) -> Int {
        precondition(UInt(bitPattern: state) < UInt(bitPattern: stateCount) && UInt(bitPattern: action) < UInt(bitPattern: actionCount),
                     "(state \(state), action \(action)) is outside the table")
        return state &* actionCount &+ action
    }

    @inlinable @inline(__always)
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// The actions whose value is the largest in a state's row, in index order.
    public func greedyActions(in state: Int) -> [Int] {
        let best = maxValue(in: state)
        return (0..<actionCount).filter { self[state, $0] == best }
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
