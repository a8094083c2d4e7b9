import RLCore
import RLFeatures
import Testing

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Tile coding against positions worked out by hand from §9.5.4's rule (offsets t·(1, 3, …)/n
/// of a tile, tiles3's quantisation).
@Suite struct TileCodingTests {
    let unit = FeatureRanges(low: [0], high: [1])

    func tiles(_ coding: TileCoding, _ point: [Double]) -> [Int] {
        var features = ActiveFeatures(capacity: coding.tilings)
        coding.activeTiles(of: { point[$0] }, into: &features)
        return Array(features.indices.prefix(features.count))
    }

    @Test func twoTilingsOfTwoTilesOverOneCoordinateAreOffsetByAQuarter() throws {
        // Tiles are 0.5 wide; the second tiling is shifted by 0.25, so its cuts are at 0.25 and 0.75.
        let coding = try TileCoding(tilings: 2, tiles: 2, ranges: unit)
        #expect(coding.featureCount == 6)  // 3 tiles per tiling cover the shifted grid
        #expect(tiles(coding, [0.2]) == [0, 3])
        #expect(tiles(coding, [0.3]) == [0, 4])  // across the second tiling's cut, not the first's
        #expect(tiles(coding, [0.6]) == [1, 4])
        #expect(tiles(coding, [1.0]) == [2, 5])
    }

    @Test func theSecondCoordinateIsOffsetThreeTimesAsFar() throws {
        // 4 tilings of 1 tile over the unit square: tiling t is shifted by (t, 3t mod 4)/4.
        let coding = try TileCoding(tilings: 4, tiles: 1, ranges: FeatureRanges(low: [0, 0], high: [1, 1]))
        #expect(coding.featureCount == 16)
        #expect(tiles(coding, [0.5, 0.5]) == [0, 4 + 1, 8 + 3, 12 + 2])
        #expect(tiles(coding, [0.1, 0.1]) == [0, 4, 8, 12])  // q = 0: every offset below a whole tile
    }

    @Test func pointsOutsideTheRangesCountAsTheNearestEndAndNaNAsTheLowEnd() throws {
        let coding = try TileCoding(tilings: 2, tiles: 2, ranges: unit)
        #expect(tiles(coding, [7]) == tiles(coding, [1]))
        #expect(tiles(coding, [-7]) == tiles(coding, [0]))
        #expect(tiles(coding, [.nan]) == tiles(coding, [0]))
        #expect(tiles(coding, [.infinity]) == tiles(coding, [1]))
    }

    @Test func anAngleWrapsAround() throws {
        let circle = FeatureRanges(low: [0], high: [2 * Double.pi], wraps: [true])
        let coding = try TileCoding(tilings: 1, tiles: 4, ranges: circle)
        #expect(coding.featureCount == 4)
        #expect(tiles(coding, [0.1]) == [0])
        #expect(tiles(coding, [2 * Double.pi + 0.1]) == [0])
        #expect(tiles(coding, [-0.1]) == [3])
        #expect(tiles(coding, [2 * Double.pi - 1e-9]) == [3])
    }

    @Test func hashedTilesStayInTheTableAndAreTheSameEveryTime() throws {
        let ranges = FeatureRanges(low: Array(repeating: -1, count: 6), high: Array(repeating: 1, count: 6))
        let coding = try TileCoding(tilings: 8, tiles: 10, ranges: ranges, hashSize: 4096, actionCount: 3)
        #expect(coding.featureCount == 4096)
        let point = [0.1, -0.3, 0.5, 0.9, -0.99, 0]
        let indices = tiles(coding, point)
        #expect(indices.count == 8)
        #expect(indices.allSatisfy { (0..<4096).contains($0) })
        #expect(tiles(coding, point) == indices)
        #expect(tiles(coding, [0.1, -0.3, 0.5, 0.9, -0.99, 0.5]) != indices)
    }

    @Test func aTilingTooLargeForMemoryIsRefusedSayingHowLarge() {
        let ranges = FeatureRanges(low: Array(repeating: -1, count: 6), high: Array(repeating: 1, count: 6))
        #expect {
            try TileCoding(tilings: 8, tiles: 20, ranges: ranges, actionCount: 3)
        } throws: { error in
            let message = (error as? FeatureError)?.message ?? ""
            return message.contains("2,058,386,904 weights") && message.contains("GiB") && message.contains("--hash-size")
        }
        #expect(throws: FeatureError.self) { try TileCoding(tilings: 0, tiles: 8, ranges: ranges) }
        #expect(throws: FeatureError.self) { try TileCoding(tilings: 8, tiles: 0, ranges: ranges) }
        #expect(throws: FeatureError.self) { try TileCoding(tilings: 8, tiles: 8, ranges: ranges, hashSize: 0) }
        #expect(throws: FeatureError.self) { try TileCoding(tilings: 8, tiles: 8, ranges: ranges, hashSize: 1 << 40) }
    }
}

@Suite struct AggregationAndFourierTests {
    let square = FeatureRanges(low: [0, 0], high: [1, 1])

    @Test func aggregationHasOneActiveCell() throws {
        let aggregation = try StateAggregation(bins: 4, ranges: square)
        #expect(aggregation.featureCount == 16)
        var features = ActiveFeatures(capacity: 1)
        let point = [0.3, 0.8]
        aggregation.activeCell(of: { point[$0] }, into: &features)
        #expect(features.count == 1 && features.indices[0] == 1 * 4 + 3)
        let corner = [1.0, 1.0]
        aggregation.activeCell(of: { corner[$0] }, into: &features)
        #expect(features.indices[0] == 15)
    }

    @Test func theFourierBasisOfOrderOneOverTwoCoordinates() throws {
        let basis = try FourierBasis(order: 1, ranges: square)
        #expect(basis.featureCount == 4)
        var features = ActiveFeatures(capacity: 4)
        let point = [0.25, 0.5]
        basis.values(of: { point[$0] }, into: &features)
        // c = (0,0), (0,1), (1,0), (1,1): cos(π c·s).
        let expected = [1, cos(Double.pi * 0.5), cos(Double.pi * 0.25), cos(Double.pi * 0.75)]
        #expect(features.count == 4)
        for (value, want) in zip(features.values, expected) { #expect(abs(value - want) < 1e-15) }
    }

    @Test func outOfRangeSettingsAreRefused() {
        #expect(throws: FeatureError.self) { try StateAggregation(bins: 0, ranges: square) }
        #expect(throws: FeatureError.self) { try FourierBasis(order: 65, ranges: square) }
        let many = FeatureRanges(low: Array(repeating: 0, count: 6), high: Array(repeating: 1, count: 6))
        #expect(throws: FeatureError.self) { try FourierBasis(order: 9, ranges: many) }
        #expect(throws: FeatureError.self) { try FeatureRanges(low: [0], high: [.infinity]).validate(dimensionCount: 1) }
        #expect(throws: FeatureError.self) { try FeatureRanges(low: [0], high: [1]).validate(dimensionCount: 2) }
    }
}
/// The tile coding computes each coordinate once and adds instead of dividing per tiling: it
/// must give exactly the tiles of §9.5.4's formula, computed tiling by tiling as written.
@Suite struct TileCodingFormulaTests {
    /// The formula, plainly: tiling t's tile along d is ⌊(⌊x·n⌋ + t·(2d+1) mod n) / n⌋.
    func formulaTiles(_ coding: TileCoding, _ point: [Double]) -> [Int] {
        let ranges = coding.ranges, n = coding.tilings
        let extents = ranges.wraps.map { $0 ? coding.tiles : coding.tiles + 1 }
        let perTiling = extents.reduce(1, *)
        return (0..<n).map { tiling in
            var index = 0
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(tiling + 1)
            for dimension in 0..<ranges.dimensionCount {
                let position = ranges.position(of: point[dimension], dimension: dimension, cells: Double(coding.tiles))
                let quantised = Int((position * Double(n)).rounded(.down))
                var tile = (quantised + (tiling * (2 * dimension + 1)) % n) / n
                if ranges.wraps[dimension] { tile %= extents[dimension] } else { tile = min(tile, extents[dimension] - 1) }
                index = index * extents[dimension] + tile
                hash = mix(hash ^ UInt64(tile))
            }
            return coding.hashSize.map { Int(hash % UInt64($0)) } ?? tiling * perTiling + index
        }
    }

    /// SplitMix64's finaliser, as the hashed tiles mix each coordinate's tile in.
    func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @Test(arguments: [
        (tilings: 16, tiles: 10, dimensions: 2, wraps: false, hashSize: nil as Int?),
        (tilings: 8, tiles: 8, dimensions: 4, wraps: false, hashSize: nil),
        (tilings: 7, tiles: 1, dimensions: 3, wraps: false, hashSize: nil),
        // More tilings than one vector holds: the loop over tilings, not the vector path.
        (tilings: 32, tiles: 4, dimensions: 2, wraps: false, hashSize: nil),
        (tilings: 20, tiles: 2, dimensions: 3, wraps: false, hashSize: nil),
        (tilings: 5, tiles: 3, dimensions: 2, wraps: true, hashSize: nil),
        (tilings: 1, tiles: 1, dimensions: 1, wraps: true, hashSize: nil),
        (tilings: 16, tiles: 3, dimensions: 6, wraps: false, hashSize: 1 << 16),
        (tilings: 12, tiles: 4, dimensions: 3, wraps: true, hashSize: 1000),
    ])
    func theTilesAreTheFormulas(tilings: Int, tiles: Int, dimensions: Int, wraps: Bool, hashSize: Int?) throws {
        let ranges = FeatureRanges(
            low: (0..<dimensions).map { -1 - Double($0) }, high: (0..<dimensions).map { 0.5 + Double($0) * 0.3 },
            wraps: (0..<dimensions).map { wraps && $0 % 2 == 0 })
        let coding = try TileCoding(tilings: tilings, tiles: tiles, ranges: ranges, hashSize: hashSize)
        var generator = Xoshiro256StarStar(seed: 11)
        var features = ActiveFeatures(capacity: tilings)
        for sample in 0..<5000 {
            // Mostly inside the ranges, some outside, and the odd edge, infinity or NaN.
            var point = (0..<dimensions).map {
                ranges.low[$0] - 0.5 + 2.5 * generator.nextUnitDouble() * (ranges.high[$0] - ranges.low[$0])
            }
            if sample % 97 == 0 {
                point[sample % dimensions] = [Double.nan, .infinity, -.infinity, ranges.high[0], ranges.low[0]][sample % 5]
            }
            coding.activeTiles(of: { point[$0] }, into: &features)
            #expect(Array(features.indices.prefix(features.count)) == formulaTiles(coding, point), "\(point)")
            #expect(features.values.prefix(features.count).allSatisfy { $0 == 1 })
        }
    }
}
