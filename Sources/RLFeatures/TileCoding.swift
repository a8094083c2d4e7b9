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
    /// Tiling t's offset along coordinate d in `tilings`ths of a tile, t·(2d+1) mod `tilings`, at
    /// d·`tilings` + t. In 32 bits, so that four tilings are compared in one vector instruction.
    @usableFromInline let offsets: [Int32]
    /// How far a dense index moves for one tile along each coordinate (empty when hashed).
    @usableFromInline let strides: [Int]
    /// The offsets again, a vector of up to ``vectorWidth`` tilings per coordinate, when the
    /// tiles are dense, no coordinate wraps and the tilings fit one vector (the common case:
    /// Mountain Car's 16, CartPole's 8); empty otherwise. Lanes past the tilings hold −2³⁰,
    /// below every threshold.
    @usableFromInline let vectorOffsets: [SIMD16<Int32>]
    /// log₂ of the tilings when they are a power of two, so quantising shifts instead of dividing.
    @usableFromInline let tilingShift: Int?
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
        let extents = ranges.wraps.map { $0 ? tiles : tiles + 1 }
        self.extents = extents
        offsets = (0..<ranges.dimensionCount).flatMap { dimension in
            (0..<tilings).map { tiling in Int32(tiling * (2 * dimension + 1) % tilings) }
        }
        if let hashSize {
            guard hashSize >= 1, let weights = boundedProduct([hashSize, actionCount]), weights > 0 else {
                throw FeatureError(
                    "--hash-size must be in 1...\(maximumWeightCount / max(actionCount, 1)) for \(actionCount) actions, not \(hashSize)")
            }
            tilesPerTiling = 0
            strides = []
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
            strides = extents.indices.map { extents[($0 + 1)...].reduce(1, *) }
            featureCount = count / actionCount
        }
        tilingShift = tilings.nonzeroBitCount == 1 ? tilings.trailingZeroBitCount : nil
        if hashSize == nil && tilings <= Self.vectorWidth && !ranges.wraps.contains(true) {
            let offsets = offsets
            vectorOffsets = (0..<ranges.dimensionCount).map { dimension in
                SIMD16((0..<Self.vectorWidth).map { $0 < tilings ? offsets[dimension * tilings + $0] : -(1 << 30) })
            }
        } else {
            vectorOffsets = []
        }
    }

    /// The most tilings the vector path takes at once.
    public static let vectorWidth = 16

    /// The active tile of each tiling for a point given by its coordinates.
    ///
    /// Coordinate by coordinate, then tiling by tiling, so each coordinate is read and quantised
    /// once: with q = ⌊x·n⌋ = w·n + r (n tilings, 0 ≤ r < n), tiling t's tile along coordinate d
    /// is ⌊(q + o) / n⌋ = w + (o ≥ n − r ? 1 : 0) for its offset o = t·(2d+1) mod n < n. No
    /// division per tiling, and exactly tiles3's tiles (TileCodingFormulaTests).
    @inlinable @inline(__always)
    public func activeTiles(of coordinate: (Int) -> Double, into features: inout ActiveFeatures) {
        if !vectorOffsets.isEmpty {
            vectorTiles(of: coordinate, into: &features)
            return
        }
        let dimensions = ranges.dimensionCount
        precondition(
            offsets.count == dimensions &* tilings && extents.count == dimensions && ranges.wraps.count == dimensions
                && (hashSize != nil || strides.count == dimensions),
            "settings that do not fit the ranges")
        // The coordinates are read first, in a loop of their own, so that `coordinate` inlines
        // into the specialised caller; the tiles are then written with one check of the storage.
        withUnsafeTemporaryAllocation(of: (whole: Int, threshold: Int32).self, capacity: dimensions) { quantised in
            for dimension in 0..<dimensions { quantised[dimension] = quantise(coordinate(dimension), dimension: dimension) }
            writeTiles(of: UnsafeBufferPointer(quantised), into: &features)
        }
    }

    /// Writes the tiles of a point whose coordinates are quantised (one pair per coordinate).
    @inlinable @inline(__always)
    func writeTiles(of quantised: UnsafeBufferPointer<(whole: Int, threshold: Int32)>, into features: inout ActiveFeatures) {
        offsets.withUnsafeBufferPointer { offsets in
            features.setBinary(count: tilings) { slots in
                if let hashSize {
                    hashedTiles(of: quantised, offsets: offsets, hashSize: hashSize, into: slots)
                } else {
                    denseTiles(of: quantised, offsets: offsets, into: slots)
                }
            }
        }
    }

    /// Dense numbering: tiling t's feature is t·(tiles per tiling) + Σ stride·tile. What the
    /// tilings share, stride·whole over the coordinates that do not wrap, is added once; the
    /// rest is summed a coordinate at a time in 32 bits (it is below the tiles per tiling, at
    /// most 2²⁴), so that the compiler's vector instructions take four tilings at once.
    @inlinable @inline(__always)
    func denseTiles(
        of quantised: UnsafeBufferPointer<(whole: Int, threshold: Int32)>, offsets: UnsafeBufferPointer<Int32>,
        into slots: UnsafeMutableBufferPointer<Int>
    ) {
        let tilings = slots.count, tilesPerTiling = self.tilesPerTiling
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: tilings) { sums in
            sums.initialize(repeating: 0)
            var base = 0
            for dimension in 0..<quantised.count {
                let (whole, threshold) = quantised[dimension]
                let stride = strides[dimension], start = dimension &* tilings
                let offsets = UnsafeBufferPointer(rebasing: offsets[start..<(start &+ tilings)])
                if ranges.wraps[dimension] {
                    let extent = extents[dimension]
                    for tiling in 0..<tilings {
                        var tile = offsets[tiling] >= threshold ? whole &+ 1 : whole
                        if tile >= extent { tile %= extent }
                        sums[tiling] &+= UInt32(truncatingIfNeeded: tile &* stride)
                    }
                } else {
                    // No clamp: the position is at most `tiles`, so q ≤ tiles·n, and a tile
                    // passes `whole` only when r > 0, that is when whole < tiles.
                    base &+= whole &* stride
                    let step = UInt32(truncatingIfNeeded: stride)
                    for tiling in 0..<tilings { sums[tiling] &+= offsets[tiling] >= threshold ? step : 0 }
                }
            }
            for tiling in 0..<tilings {
                slots[tiling] = base &+ Int(sums[tiling])
                base &+= tilesPerTiling
            }
        }
    }

    /// ``denseTiles(of:offsets:into:)`` for tilings that fit one vector and coordinates that do
    /// not wrap: every tiling's share of a coordinate is one comparison of the offsets' vector
    /// with the threshold, and the coordinates need no buffer. The same indices, in the same
    /// arithmetic (TileCodingFormulaTests, the floor's bit-for-bit test).
    @inlinable @inline(__always)
    func vectorTiles(of coordinate: (Int) -> Double, into features: inout ActiveFeatures) {
        let dimensions = ranges.dimensionCount
        precondition(vectorOffsets.count == dimensions && strides.count == dimensions, "settings that do not fit the ranges")
        // Each tiling's first feature, t·(tiles per tiling): below 2²⁴ (``maximumWeightCount``),
        // like every dense index, so 32 bits hold them.
        var sums = SIMD16<UInt32>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) &* UInt32(truncatingIfNeeded: tilesPerTiling)
        var base = 0
        vectorOffsets.withUnsafeBufferPointer { offsets in
            strides.withUnsafeBufferPointer { strides in
                for dimension in 0..<dimensions {
                    let (whole, threshold) = quantise(coordinate(dimension), dimension: dimension)
                    let stride = strides[dimension]
                    // No clamp: as in denseTiles, a tile passes `whole` only when whole < tiles.
                    base &+= whole &* stride
                    // o ≥ threshold exactly when threshold − 1 − o is negative (both are below
                    // 2³¹): its sign, spread over the lane, selects the stride. Arithmetic, not
                    // `.>=`, whose mask the compiler builds lane by lane.
                    let below = SIMD16(repeating: threshold &- 1) &- offsets[dimension]
                    let taken = SIMD16<UInt32>(truncatingIfNeeded: below &>> 31)
                    sums &+= taken & UInt32(truncatingIfNeeded: stride)
                }
            }
        }
        let tiles = SIMD16<Int>(truncatingIfNeeded: sums) &+ SIMD16(repeating: base)
        features.setBinary(count: tilings) { slots in
            // Lane by lane: a whole-vector store here, read back one index at a time by the
            // weight sums, stalls their loads (measured slower).
            for tiling in 0..<slots.count { slots[tiling] = tiles[tiling] }
        }
    }

    /// Hashed: each tiling's tiles, clamped or wrapped, mixed into its seed a coordinate at a
    /// time, then taken modulo the hash size.
    @inlinable @inline(__always)
    func hashedTiles(
        of quantised: UnsafeBufferPointer<(whole: Int, threshold: Int32)>, offsets: UnsafeBufferPointer<Int32>, hashSize: Int,
        into slots: UnsafeMutableBufferPointer<Int>
    ) {
        let tilings = slots.count
        for tiling in 0..<tilings { slots[tiling] = Int(truncatingIfNeeded: 0x9E37_79B9_7F4A_7C15 &* UInt64(tiling &+ 1)) }
        for dimension in 0..<quantised.count {
            let (whole, threshold) = quantised[dimension]
            let extent = extents[dimension], wraps = ranges.wraps[dimension], start = dimension &* tilings
            let offsets = UnsafeBufferPointer(rebasing: offsets[start..<(start &+ tilings)])
            for tiling in 0..<tilings {
                var tile = offsets[tiling] >= threshold ? whole &+ 1 : whole
                if tile >= extent { tile = wraps ? tile % extent : extent &- 1 }
                let hash = mix(UInt64(truncatingIfNeeded: slots[tiling]) ^ UInt64(truncatingIfNeeded: tile))
                slots[tiling] = Int(truncatingIfNeeded: hash)
            }
        }
        for tiling in 0..<tilings { slots[tiling] = Int(UInt64(truncatingIfNeeded: slots[tiling]) % UInt64(hashSize)) }
    }

    /// Coordinate `dimension` quantised: its tile `whole` in every tiling whose offset is below
    /// `threshold`, `whole + 1` in the others (before any wrapping or clamping).
    @inlinable @inline(__always)
    func quantise(_ value: Double, dimension: Int) -> (whole: Int, threshold: Int32) {
        // ⌊position·n⌋, tiles3's quantisation: the position is not negative, so the conversion,
        // which truncates, is the floor.
        let quantised = Int(ranges.position(of: value, dimension: dimension, cells: Double(tiles)) * Double(tilings))
        if let shift = tilingShift {
            return (quantised &>> shift, Int32(truncatingIfNeeded: tilings &- (quantised & (tilings &- 1))))
        }
        return (quantised / tilings, Int32(truncatingIfNeeded: tilings &- quantised % tilings))
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
