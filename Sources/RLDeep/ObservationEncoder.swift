import RLCore

/// Turns a world's observation into a network's input row: real coordinates as they are, a
/// finite world's state one-hot. Writes into storage the caller owns, so encoding allocates
/// nothing.
public protocol ObservationEncoder {
    associatedtype Observation
    /// How many inputs a row has.
    var width: Int { get }
    /// Writes `observation`'s ``width`` inputs at `row`.
    func encode(_ observation: Observation, into row: UnsafeMutablePointer<Float>)
}

/// A continuous world's coordinates, unscaled (Stable-Baselines3 feeds Cart Pole's as they are).
public struct CoordinateEncoder<Observation: ContinuousObservation>: ObservationEncoder {
    public init() {}
    public var width: Int { Observation.dimensionCount }

    @inlinable
    public func encode(_ observation: Observation, into row: UnsafeMutablePointer<Float>) {
        for dimension in 0..<Observation.dimensionCount { row[dimension] = Float(observation[dimension]) }
    }
}

/// A finite world's state as a one-hot row over its dense indices (Stable-Baselines3's
/// preprocessing of a `Discrete` observation).
public struct OneHotEncoder<Space: FiniteSpace>: ObservationEncoder {
    public typealias Observation = Space.Element
    public let space: Space
    public init(space: Space) { self.space = space }
    public var width: Int { space.count }

    @inlinable
    public func encode(_ observation: Observation, into row: UnsafeMutablePointer<Float>) {
        row.update(repeating: 0, count: space.count)
        row[space.index(of: observation)] = 1
    }
}
