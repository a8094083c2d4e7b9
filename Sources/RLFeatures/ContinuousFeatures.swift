import RLCore

/// Which features a linear agent sees on a continuous world, as `rl train --features` and
/// policy files name them: a kind and its sizes. The ranges come from the world.
public struct FeatureSettings: Codable, Sendable, Equatable {
    /// The kinds of features.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Tile coding (§9.5.4): `tilings` grids of `tiles` per coordinate, optionally hashed.
        case tiles
        /// State aggregation (§9.3): `tiles` bins per coordinate, one active cell.
        case aggregation
        /// The Fourier cosine basis (§9.5.2) of order `order`.
        case fourier
    }

    public var kind: Kind
    /// Tile coding's number of tilings (ignored by the other kinds).
    public var tilings: Int
    /// Tiles (or aggregation's bins) per coordinate.
    public var tiles: Int
    /// Tile coding's hash table size, or `nil` for dense tiles.
    public var hashSize: Int?
    /// The Fourier basis's order.
    public var order: Int

    public init(kind: Kind = .tiles, tilings: Int = 8, tiles: Int = 8, hashSize: Int? = nil, order: Int = 3) {
        self.kind = kind
        self.tilings = tilings
        self.tiles = tiles
        self.hashSize = hashSize
        self.order = order
    }

    /// The settings in a few words (`8 tilings of 8 tiles`).
    public var summary: String {
        switch kind {
        case .tiles: "\(tilings) tilings of \(tiles) tiles" + (hashSize.map { ", hashed into \($0)" } ?? "")
        case .aggregation: "aggregation into \(tiles) bins per coordinate"
        case .fourier: "Fourier basis of order \(order)"
        }
    }
}

/// The features a linear agent sees on a continuous world: one of the kinds in
/// ``FeatureSettings``, over the world's feature ranges. Chosen once per run; the kind is a
/// branch per observation, not per feature.
public struct ContinuousFeatures<Observation: ContinuousObservation>: FeatureMap, Equatable {
    public let settings: FeatureSettings
    public let ranges: FeatureRanges
    @usableFromInline let map: Map

    @usableFromInline
    enum Map: Sendable, Equatable {
        case tiles(TileCoding)
        case aggregation(StateAggregation)
        case fourier(FourierBasis)
    }

    /// - Throws: when the ranges do not fit the observation, a size is out of range, or the
    ///   weights (features × `actionCount`) would pass ``maximumWeightCount``.
    public init(_ settings: FeatureSettings, ranges: FeatureRanges, actionCount: Int) throws(FeatureError) {
        try ranges.validate(dimensionCount: Observation.dimensionCount)
        self.settings = settings
        self.ranges = ranges
        switch settings.kind {
        case .tiles:
            map = .tiles(
                try TileCoding(
                    tilings: settings.tilings, tiles: settings.tiles, ranges: ranges, hashSize: settings.hashSize,
                    actionCount: actionCount))
        case .aggregation:
            map = .aggregation(try StateAggregation(bins: settings.tiles, ranges: ranges, actionCount: actionCount))
        case .fourier:
            map = .fourier(try FourierBasis(order: settings.order, ranges: ranges, actionCount: actionCount))
        }
    }

    public var featureCount: Int {
        switch map {
        case .tiles(let coding): coding.featureCount
        case .aggregation(let aggregation): aggregation.featureCount
        case .fourier(let basis): basis.featureCount
        }
    }

    public var maximumActiveCount: Int {
        switch map {
        case .tiles(let coding): coding.tilings
        case .aggregation: 1
        case .fourier(let basis): basis.featureCount
        }
    }

    public var stepSizeDivisor: Double {
        switch map {
        case .tiles(let coding): Double(coding.tilings)
        case .aggregation, .fourier: 1
        }
    }

    @inlinable @inline(__always)
    public func activeFeatures(of observation: Observation, into features: inout ActiveFeatures) {
        switch map {
        case .tiles(let coding): coding.activeTiles(of: { observation[$0] }, into: &features)
        case .aggregation(let aggregation): aggregation.activeCell(of: { observation[$0] }, into: &features)
        case .fourier(let basis): basis.values(of: { observation[$0] }, into: &features)
        }
    }

    /// The active features of a point given by its coordinates, which need not be an observation
    /// any episode produced (`rl inspect` samples a grid).
    public func activeFeatures(ofCoordinates coordinates: [Double], into features: inout ActiveFeatures) {
        precondition(coordinates.count == ranges.dimensionCount, "a point of \(ranges.dimensionCount) coordinates")
        switch map {
        case .tiles(let coding): coding.activeTiles(of: { coordinates[$0] }, into: &features)
        case .aggregation(let aggregation): aggregation.activeCell(of: { coordinates[$0] }, into: &features)
        case .fourier(let basis): basis.values(of: { coordinates[$0] }, into: &features)
        }
    }
}
