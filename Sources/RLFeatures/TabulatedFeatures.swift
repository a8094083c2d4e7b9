/// Features given as a table, one row x(s) per numbered state (Baird's counterexample, Figure
/// 11.1 of Sutton & Barto): the active features of state s are the non-zero entries of row s.
/// Not one of `rl train`'s kinds of features: a book figure declares its rows.
public struct TabulatedFeatures: FeatureMap, Equatable {
    /// x(s) for s = 0, 1, …, each of ``featureCount`` entries.
    public let rows: [[Double]]
    public let featureCount: Int
    public let maximumActiveCount: Int
    public var stepSizeDivisor: Double { 1 }

    /// - Precondition: at least one row, all of one length.
    public init(rows: [[Double]]) {
        precondition(!rows.isEmpty && rows.allSatisfy { $0.count == rows[0].count }, "the rows are of one length")
        self.rows = rows
        featureCount = rows[0].count
        maximumActiveCount = max(1, rows.map { $0.count { $0 != 0 } }.max()!)
    }

    /// - Precondition: `observation` numbers a row.
    public func activeFeatures(of observation: Int, into features: inout ActiveFeatures) {
        features.removeAll()
        for (index, value) in rows[observation].enumerated() where value != 0 { features.append(index, value: value) }
    }
}
