/// A dense table of action values: one contiguous row-major buffer of shape
/// (state dimensions..., actions), so `table[state, action]` is one multiply-add away.
/// A visit count per (state, action) is kept beside it for inspection and coverage.
public struct QTable: Sendable, Equatable {
    /// The observation space's dimensions.
    public let stateShape: [Int]
    /// How many actions each state has.
    public let actionCount: Int
    /// The values, flat, row-major over ``shape``.
    public var values: [Double] { valueStorage }
    /// How many times each (state, action) was learned from, flat like ``values``.
    public var visits: [Int64] { visitStorage }

    @usableFromInline var valueStorage: [Double]
    @usableFromInline var visitStorage: [Int64]

    /// A table of zeros (and no visits).
    public init(stateShape: [Int], actionCount: Int) {
        precondition(actionCount > 0 && !stateShape.isEmpty && stateShape.allSatisfy { $0 > 0 })
        self.stateShape = stateShape
        self.actionCount = actionCount
        let size = stateShape.reduce(actionCount, *)
        valueStorage = Array(repeating: 0, count: size)
        visitStorage = Array(repeating: 0, count: size)
    }

    /// A table from stored values and visits.
    /// - Precondition: both hold exactly `stateShape × actionCount` entries.
    public init(stateShape: [Int], actionCount: Int, values: [Double], visits: [Int64]) {
        self.init(stateShape: stateShape, actionCount: actionCount)
        precondition(values.count == self.values.count && visits.count == self.visits.count)
        valueStorage = values
        visitStorage = visits
    }

    /// (state dimensions..., actions).
    public var shape: [Int] { stateShape + [actionCount] }
    /// How many states there are.
    public var stateCount: Int { values.count / actionCount }
    /// Row-major strides of ``shape``, in elements.
    public var strides: [Int] {
        var strides = Array(repeating: 1, count: shape.count)
        for dimension in stride(from: shape.count - 2, through: 0, by: -1) {
            strides[dimension] = strides[dimension + 1] * shape[dimension + 1]
        }
        return strides
    }

    /// The value of taking `action` in the state with dense index `state`.
    @inlinable @inline(__always)
    public subscript(state: Int, action: Int) -> Double {
        get { valueStorage[state &* actionCount &+ action] }
        set { valueStorage[state &* actionCount &+ action] = newValue }
    }

    /// How many times `action` was learned from in `state`.
    @inlinable @inline(__always)
    public func visitCount(state: Int, action: Int) -> Int64 { visitStorage[state &* actionCount &+ action] }

    @inlinable @inline(__always)
    mutating func recordVisit(state: Int, action: Int) { visitStorage[state &* actionCount &+ action] &+= 1 }

    /// The largest value in a state's row.
    @inlinable @inline(__always)
    public func maxValue(in state: Int) -> Double {
        let row = state &* actionCount
        var best = valueStorage[row]
        for action in 1..<actionCount where valueStorage[row &+ action] > best { best = valueStorage[row &+ action] }
        return best
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
}
