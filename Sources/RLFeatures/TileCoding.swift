/// Tile coding (Sutton & Barto §9.5.4): `tilings` grids of `tiles` tiles per coordinate over
/// the feature ranges, each offset from the first by `t·(1, 3, 5, …)/tilings` of a tile along
/// the coordinates (the first odd integers, as the book recommends and as Sutton's `tiles3`
/// does). Each tiling has exactly one active tile, so `tilings` features are active, each 1.
///
/// The partition is `tiles3`'s: a coordinate scaled to `0...tiles` is quantised to
/// `q = ⌊x·tilings⌋` and tiling `t`'s tile along coordinate `d` is `⌊(q + t·(2d+1) mod tilings) / tilings⌋`,
/// so a grid needs `tiles + 1` tiles per coordinate (`tiles` for one that wraps, like
/// `tileswrap`). Tiles are numbered densely, tiling by tiling; with a hash size, a tile's
/// coordinates are hashed into `0..<hashSize` instead (many coordinates, few visited tiles).
/// Unlike `tiles3`'s index hash table, the hash keeps no state: a policy file needs only the
/// settings to rebuild the features, and the same tile gets the same index on every machine.
public struct TileCoding: Sendable, Equatable {
    public let tilings: Int
    public let tiles: Int
    public let ranges: FeatureRanges
    /// The table tiles are hashed into, or `nil` for dense numbering.
    public let hashSize: Int?
    /// Tiles along each coordinate in one tiling (`tiles + 1`, or `tiles` where it wraps).
    @usableFromInline let extents: [Int]
    /// The dense tiles of one tiling.
    @usableFromInline let tilesPerTiling: Int
    public let featureCount: Int

    /// The largest number of tilings and of tiles per coordinate accepted.
    public static let maximumTilings = 1024
    public static let maximumTiles = 1 << 16

    /// - Throws: when a setting is out of range, or when the features (times `actionCount`)
    ///   would pass ``maximumWeightCount``, saying how many they would be.
    public init(tilings: Int, tiles: Int, ranges: FeatureRanges, hashSize: Int? = nil, actionCount: Int = 1) throws(FeatureError) {
        guard (1...Self.maximumTilings).contains(tilings) else {
            throw FeatureError("--tilings must be in 1...\(Self.maximumTilings), not \(tilings)")
        }
        guard (1...Self.maximumTiles).contains(tiles) else {
            throw FeatureError("--tiles must be in 1...\(Self.maximumTiles), not \(tiles)")
        }
        self.tilings = tilings
        self.tiles = tiles
        self.ranges = ranges
        self.hashSize = hashSize
        extents = ranges.wraps.map { $0 ? tiles : tiles + 1 }
        if let hashSize {
            guard hashSize >= 1, let weights = boundedProduct([hashSize, actionCount]), weights > 0 else {
                throw FeatureError(
                    "--hash-size must be in 1...\(maximumWeightCount / max(actionCount, 1)) for \(actionCount) actions, not \(hashSize)")
            }
            tilesPerTiling = 0
            featureCount = hashSize
        } else {
            guard let perTiling = boundedProduct(extents), let count = boundedProduct([perTiling, tilings, actionCount]) else {
                let size = extents.reduce(Double(tilings * actionCount)) { $0 * Double($1) }
                throw FeatureError(
                    "\(tilings) tilings of \(tiles) tiles over \(ranges.dimensionCount) coordinates would need "
                        + "\(countText(size)) weights for \(actionCount) actions (\(bytes(size * 16))); the limit is "
                        + "\(countText(Double(maximumWeightCount))): use fewer tiles or --hash-size")
            }
            tilesPerTiling = perTiling
            featureCount = count / actionCount
        }
    }

    /// The active tile of each tiling for a point given by its coordinates.
    ///
    /// Tiling t's tile along coordinate d is ⌊(q + o) / n⌋ with q = ⌊x·n⌋ and o = t·(2d+1) mod n.
    /// As o < n, that is ⌊q / n⌋ plus one when (q mod n) + o ≥ n; and o moves from one tiling to
    /// the next by (2d+1) mod n, wrapping at n. So the divisions happen once per coordinate, not
    /// once per tiling and coordinate, and the tiles are exactly tiles3's.
    @inlinable
    public func activeTiles(of coordinate: (Int) -> Double, into features: inout ActiveFeatures) {
        let dimensions = ranges.dimensionCount, tilings = self.tilings
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 4 * dimensions) { scratch in
            // Per coordinate: ⌊q / n⌋, q mod n, the offset's step, and the current offset.
            let base = 0, remainder = dimensions, step = 2 * dimensions, offset = 3 * dimensions
            for dimension in 0..<dimensions {
                let position = ranges.position(of: coordinate(dimension), dimension: dimension, cells: Double(tiles))
                let quantised = Int((position * Double(tilings)).rounded(.down))
                scratch[base + dimension] = quantised / tilings
                scratch[remainder + dimension] = quantised % tilings
                scratch[step + dimension] = (2 * dimension + 1) % tilings
                scratch[offset + dimension] = 0
            }
            extents.withUnsafeBufferPointer { extents in
                ranges.wraps.withUnsafeBufferPointer { wraps in
                    features.setBinary(count: tilings) { slots in
                        for tiling in 0..<tilings {
                            var index = 0
                            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(tiling &+ 1)
                            for dimension in 0..<dimensions {
                                let currentOffset = scratch[offset &+ dimension]
                                var tile =
                                    scratch[base &+ dimension] &+ (scratch[remainder &+ dimension] &+ currentOffset >= tilings ? 1 : 0)
                                var nextOffset = currentOffset &+ scratch[step &+ dimension]
                                if nextOffset >= tilings { nextOffset &-= tilings }
                                scratch[offset &+ dimension] = nextOffset
                                let extent = extents[dimension]
                                if wraps[dimension] { tile %= extent } else if tile >= extent { tile = extent &- 1 }
                                if hashSize == nil {
                                    index = index &* extent &+ tile
                                } else {
                                    hash = mix(hash ^ UInt64(truncatingIfNeeded: tile))
                                }
                            }
                            if let hashSize {
                                slots[tiling] = Int(hash % UInt64(hashSize))
                            } else {
                                slots[tiling] = tiling &* tilesPerTiling &+ index
                            }
                        }
                    }
                }
            }
        }
    }

    /// SplitMix64's finaliser: every bit of the input reaches every bit of the output.
    @usableFromInline @inline(__always)
    func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A count with thousands separators (`16,777,216`), or in powers of ten when past `Int`.
func countText(_ count: Double) -> String {
    guard count < 1e18 else { return "\(count)" }
    let digits = Array(String(Int(count)))
    var text = ""
    for (offset, digit) in digits.enumerated() {
        if offset > 0 && (digits.count - offset) % 3 == 0 { text.append(",") }
        text.append(digit)
    }
    return text
}

/// A byte count in words (`16 GiB`).
func bytes(_ count: Double) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    var value = count, unit = 0
    while value >= 1024 && unit < units.count - 1 {
        value /= 1024
        unit += 1
    }
    return unit == 0 ? "\(Int(value)) bytes" : "\((value * 10).rounded() / 10) \(units[unit])"
}
