/// Tile coding of a row of numbered states (Sutton & Barto §9.5.4, Figure 9.10): `tilings`
/// tilings of tiles `tileWidth` states wide, tiling i shifted `offset` × i states from the first;
/// each state has one active tile in each tiling, with value 1. Each tiling has one tile more
/// than the row needs, so that every state is in as many tiles as any other. With one tiling it
/// is ``GroupAggregation``.
public struct IntervalTiling: FeatureMap, Equatable {
    public let first: Int
    public let states: Int
    public let tilings: Int
    public let tileWidth: Int
    public let offset: Int
    /// Tiles per tiling.
    public let tilesPerTiling: Int

    /// - Precondition: at least one tiling of tiles at least one state wide, and the shifts
    ///   smaller than a tile.
    public init(first: Int = 1, states: Int, tilings: Int, tileWidth: Int, offset: Int) {
        precondition(tilings >= 1 && tileWidth >= 1 && states >= 1 && offset >= 0, "a tiling of tiles of at least one state")
        precondition((tilings - 1) * offset < tileWidth, "the tilings' shifts stay within a tile")
        self.first = first
        self.states = states
        self.tilings = tilings
        self.tileWidth = tileWidth
        self.offset = offset
        tilesPerTiling = (states + tileWidth - 1) / tileWidth + (tilings > 1 ? 1 : 0)
    }

    @inlinable public var featureCount: Int { tilings * tilesPerTiling }
    @inlinable public var maximumActiveCount: Int { tilings }
    /// The book's α/n (§9.5.4).
    @inlinable public var stepSizeDivisor: Double { Double(tilings) }

    @inlinable
    public func activeFeatures(of observation: Int, into features: inout ActiveFeatures) {
        let position = observation - first
        precondition(position >= 0 && position < states, "state \(observation) is not in the tiled row")
        features.setBinary(count: tilings) { indices in
            for tiling in 0..<tilings {
                indices[tiling] = tiling * tilesPerTiling + (position + tiling * offset) / tileWidth
            }
        }
    }
}
