import RLCore
import RLFeatures
import RLLinear
import RLTabular

/// What `rl inspect` reads from a linear policy on a continuous world: its value function over
/// two chosen coordinates, the others held fixed (Sutton & Barto's Figure 10.1 draws Mountain
/// Car's cost-to-go, −maxₐ q̂, over position × velocity).
public struct ValueFunctionView: @unchecked Sendable {
    /// The coordinates' names, in index order.
    public let dimensionNames: [String]
    /// The interval the features cover on each coordinate: the grid spans it.
    public let low: [Double]
    public let high: [Double]
    /// The two coordinates `rl inspect` draws unless told (``ContinuousWorld/inspectionAxes``).
    public let defaultAxes: (x: Int, y: Int)
    /// Where it holds the others unless told (``ContinuousWorld/inspectionPoint(_:)``).
    public let defaultPoint: [Double]
    let evaluate: (_ weights: QTable, _ point: [Double]) -> [Double]

    init<W: ContinuousWorld>(
        _ world: W.Type, _ configuration: W.Configuration, features: ContinuousFeatures<W.World.Observation>, ranges: FeatureRanges
    ) {
        dimensionNames = W.World.Observation.dimensionNames
        low = ranges.low
        high = ranges.high
        defaultAxes = W.inspectionAxes
        defaultPoint = W.inspectionPoint(configuration)
        evaluate = { weights, point in
            var active = features.makeActiveFeatures()
            features.activeFeatures(ofCoordinates: point, into: &active)
            return (0..<weights.actionCount).map { action in
                (0..<active.count).reduce(0.0) { $0 + weights[active.indices[$1], action] * active.values[$1] }
            }
        }
    }

    /// q̂(s, ·) at a point given by its coordinates.
    public func actionValues(_ weights: QTable, at point: [Double]) -> [Double] { evaluate(weights, point) }

    /// The index of a coordinate by name or number, or `nil`.
    public func dimension(named name: String) -> Int? {
        dimensionNames.firstIndex(of: name) ?? Int(name).flatMap { dimensionNames.indices.contains($0) ? $0 : nil }
    }

    /// The cost-to-go −maxₐ q̂ and the greedy action on a `columns` × `rows` grid over coordinates
    /// `x` (left to right, low to high) and `y` (top to bottom, high to low, as a plot), the others
    /// at `fixed`; cell centres.
    public func grid(_ weights: QTable, x: Int, y: Int, fixed: [Double], columns: Int, rows: Int) -> ValueGrid {
        var costs: [[Double]] = [], greedy: [[Int]] = []
        for row in 0..<rows {
            var costRow: [Double] = [], greedyRow: [Int] = []
            let yValue = high[y] - (Double(row) + 0.5) / Double(rows) * (high[y] - low[y])
            for column in 0..<columns {
                var point = fixed
                point[x] = low[x] + (Double(column) + 0.5) / Double(columns) * (high[x] - low[x])
                point[y] = yValue
                let values = evaluate(weights, point)
                let best = values.indices.max { values[$0] < values[$1] }!
                costRow.append(-values[best])
                greedyRow.append(best)
            }
            costs.append(costRow)
            greedy.append(greedyRow)
        }
        return ValueGrid(costToGo: costs, greedy: greedy)
    }
}

/// A value function sampled on a grid: rows top to bottom, columns left to right.
public struct ValueGrid: Sendable, Equatable {
    public var costToGo: [[Double]]
    public var greedy: [[Int]]
}
