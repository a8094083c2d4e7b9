/// State aggregation of a row of numbered states (Sutton & Barto §9.3, Example 9.1): states
/// `first`, `first + 1`, … cut into `groups` groups of `groupSize` consecutive states, one
/// feature per group; exactly one is active, with value 1. Integer arithmetic, so a group's edge
/// is exact (state 100 of the 1000-state walk is in the first group, 101 in the second).
public struct GroupAggregation: FeatureMap, Equatable {
    public let first: Int
    public let groupSize: Int
    public let groups: Int

    /// - Precondition: at least one group of at least one state.
    public init(first: Int = 1, states: Int, groups: Int) {
        precondition(groups >= 1 && states >= groups && states % groups == 0, "the states split into equal groups")
        self.first = first
        self.groups = groups
        groupSize = states / groups
    }

    @inlinable public var featureCount: Int { groups }
    @inlinable public var maximumActiveCount: Int { 1 }
    @inlinable public var stepSizeDivisor: Double { 1 }

    /// The group of a state.
    /// - Precondition: `state` is one of the row's.
    @inlinable public func group(of state: Int) -> Int {
        let group = (state - first) / groupSize
        precondition(state >= first && group < groups, "state \(state) is not in the aggregated row")
        return group
    }

    @inlinable
    public func activeFeatures(of observation: Int, into features: inout ActiveFeatures) {
        features.removeAll()
        features.append(group(of: observation))
    }
}
