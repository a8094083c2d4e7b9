import RLFeatures
import Testing

@Suite struct ActiveFeaturesTests {
    /// The bound a reader checks once per pass follows every write: appends, binary writes and
    /// clearing, and a negative index is never below any bound.
    @Test func theIndexBoundFollowsEveryWrite() {
        var features = ActiveFeatures(capacity: 4)
        #expect(features.indicesAreBelow(0) && features.indicesAreBelow(1))
        features.append(3, value: 0.5)
        features.append(7)
        #expect(features.indicesAreBelow(8) && !features.indicesAreBelow(7))
        features.setBinary(count: 2) { slots in
            slots[0] = 2
            slots[1] = 1
        }
        #expect(features.indicesAreBelow(3) && !features.indicesAreBelow(2))
        features.removeAll()
        #expect(features.indicesAreBelow(1))
        features.append(-1)
        #expect(!features.indicesAreBelow(Int.max))
    }

    /// Tile coding's vector path (16 tilings, dense) and its general path (a wrapping coordinate)
    /// both leave the bound at their largest tile.
    @Test func tileCodingLeavesTheBoundAtItsLargestTile() throws {
        for wraps in [false, true] {
            let coding = try TileCoding(tilings: 16, tiles: 10, ranges: FeatureRanges(low: [0, 0], high: [1, 1], wraps: [false, wraps]))
            var features = ActiveFeatures(capacity: 16)
            coding.activeTiles(of: { _ in 0.99 }, into: &features)
            let largest = features.indices.prefix(features.count).max() ?? 0
            #expect(features.indicesAreBelow(largest + 1) && !features.indicesAreBelow(largest))
            #expect(features.indicesAreBelow(coding.featureCount))
        }
    }
}
