import RLCore

/// How a batch writes one observation into a flat buffer that another language reads (the
/// Python package's numpy arrays): a finite world's state as whole-number coordinates, a
/// continuous world's point as its real coordinates. Specialised per world, so the batch's
/// loop calls no witness table.
public protocol ObservationWriter {
    associatedtype Observation
    /// Numbers per observation.
    var width: Int { get }
    /// Whether the numbers are `Int64` (a finite world's coordinates) or `Double` (real coordinates).
    var isWholeNumbers: Bool { get }
    /// Writes `observation` as the `slot`-th row of `buffer`.
    func write(_ observation: Observation, to buffer: UnsafeMutableRawPointer, slot: Int)
    /// The actions `observation` allows.
    func legalActions(in observation: Observation) -> LegalActions
}

/// A finite world's state as its coordinates along each dimension of the table's shape (row-major:
/// the last varies fastest), or as its index alone.
public struct StateCoordinatesWriter<Space: FiniteSpace>: ObservationWriter {
    let space: Space
    let shape: [Int]
    let strides: [Int]

    /// - Parameter asIndex: write the state's index (one number) instead of its coordinates.
    public init(space: Space, asIndex: Bool) {
        self.space = space
        shape = asIndex ? [space.count] : space.shape
        var strides = Array(repeating: 1, count: shape.count)
        for dimension in stride(from: shape.count - 2, through: 0, by: -1) {
            strides[dimension] = strides[dimension + 1] * shape[dimension + 1]
        }
        self.strides = strides
    }

    public var width: Int { shape.count }
    public var isWholeNumbers: Bool { true }

    public func write(_ observation: Space.Element, to buffer: UnsafeMutableRawPointer, slot: Int) {
        let index = space.index(of: observation)
        let row = buffer.assumingMemoryBound(to: Int64.self) + slot * strides.count
        for dimension in strides.indices { row[dimension] = Int64(index / strides[dimension] % shape[dimension]) }
    }

    public func legalActions(in observation: Space.Element) -> LegalActions {
        space.legalActions(inState: space.index(of: observation))
    }
}

/// A continuous world's point as its real coordinates, in `dimensionNames` order.
public struct RealCoordinatesWriter<Observation: ContinuousObservation>: ObservationWriter {
    public init() {}
    public var width: Int { Observation.dimensionCount }
    public var isWholeNumbers: Bool { false }

    public func write(_ observation: Observation, to buffer: UnsafeMutableRawPointer, slot: Int) {
        let row = buffer.assumingMemoryBound(to: Double.self) + slot * Observation.dimensionCount
        for dimension in 0..<Observation.dimensionCount { row[dimension] = observation[dimension] }
    }

    public func legalActions(in observation: Observation) -> LegalActions { .all }
}
