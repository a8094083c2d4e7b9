import RLCore

/// A finite space's elements as one-hot features: element i has feature i alone, with value 1.
/// A linear agent over them is exactly a tabular agent, its weights the table (§9.4: tabular
/// methods are the special case of linear ones).
public struct OneHotFeatures<Space: FiniteSpace & Sendable>: FeatureMap {
    public let space: Space
    public init(_ space: Space) { self.space = space }

    @inlinable public var featureCount: Int { space.count }
    @inlinable public var maximumActiveCount: Int { 1 }
    @inlinable public var stepSizeDivisor: Double { 1 }

    @inlinable
    public func activeFeatures(of observation: Space.Element, into features: inout ActiveFeatures) {
        features.removeAll()
        features.append(space.index(of: observation))
    }
}
