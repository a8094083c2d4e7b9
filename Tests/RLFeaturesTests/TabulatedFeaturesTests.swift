import RLFeatures
import Testing

/// A table of feature rows: each state's active features are its row's non-zero entries.
@Suite struct TabulatedFeaturesTests {
    @Test func theActiveFeaturesAreTheRowsNonZeroEntries() {
        let features = TabulatedFeatures(rows: [[2, 0, 1], [0, 0, 0], [0, 3, 0]])
        #expect(features.featureCount == 3 && features.maximumActiveCount == 2 && features.stepSizeDivisor == 1)
        let first = features.activeFeatures(of: 0)
        #expect(Array(first.indices.prefix(first.count)) == [0, 2] && Array(first.values.prefix(first.count)) == [2, 1])
        #expect(!first.isBinary)
        #expect(features.activeFeatures(of: 1).count == 0)
        let third = features.activeFeatures(of: 2)
        #expect(Array(third.indices.prefix(third.count)) == [1] && third.values[0] == 3)
    }
}
