import RLCore
import RLDeep
import RLFeatures
import RLLinear
import RLNeural
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
    /// Prepares a policy once (a network is rebuilt from its tensors) and returns what it gives
    /// at a point: the action scores the greedy action maximises, and the state's value.
    let prepare: (_ policy: Policy) -> (_ point: [Double]) -> (scores: [Double], value: Double)

    init<W: ContinuousWorld>(
        _ world: W.Type, _ configuration: W.Configuration, features: ContinuousFeatures<W.World.Observation>, ranges: FeatureRanges
    ) {
        dimensionNames = W.World.Observation.dimensionNames
        low = ranges.low
        high = ranges.high
        defaultAxes = W.inspectionAxes
        defaultPoint = W.inspectionPoint(configuration)
        prepare = { policy in
            if policy.metadata.isNetwork { return Self.networkValues(policy) }
            let weights = policy.table
            return { point in
                var active = features.makeActiveFeatures()
                features.activeFeatures(ofCoordinates: point, into: &active)
                let scores = (0..<weights.actionCount).map { action in
                    (0..<active.count).reduce(0.0) { $0 + weights[active.indices[$1], action] * active.values[$1] }
                }
                return (scores, scores.max()!)
            }
        }
    }

    /// A deep agent's networks at a point: the action network's outputs (DQN's Q-values, PPO's
    /// logits), and the critic's value where there is one (PPO), else the largest Q-value.
    static func networkValues(_ policy: Policy) -> (_ point: [Double]) -> (scores: [Double], value: Double) {
        // The file was checked when loaded: its description and tensors make its networks.
        guard let description = try? NetworkDescription(json: policy.metadata.network ?? ""),
            let actor = try? description.makePolicyNetwork(from: policy.extraTensors)
        else { return { _ in ([0], 0) } }
        let critic = description.value.flatMap {
            try? NetworkDescription.network(sizes: $0, activation: description.hiddenActivation, prefix: "value", from: policy.extraTensors)
        }
        let normalization = (try? ObservationNormalization(tensors: policy.extraTensors, width: actor.inputSize)) ?? nil
        let row = Matrix<Float>(rows: 1, columns: actor.inputSize)
        return { point in
            for (index, coordinate) in point.enumerated() { row[index] = Float(coordinate) }
            normalization?.apply(to: row.pointer, rows: 1)
            let scores = actor.forward(row).values.map(Double.init)
            return (scores, critic.map { Double($0.forward(row)[0]) } ?? scores.max()!)
        }
    }

    /// What the policy gives each action at a point given by its coordinates: q̂(s, ·), or a
    /// deep agent's outputs.
    public func actionValues(_ policy: Policy, at point: [Double]) -> [Double] { prepare(policy)(point).scores }

    /// Whether the heatmap's value is a critic's V(s) rather than maxₐ q̂(s, a).
    public func hasCritic(_ policy: Policy) -> Bool {
        (try? NetworkDescription(json: policy.metadata.network ?? ""))?.value != nil
    }

    /// The index of a coordinate by name or number, or `nil`.
    public func dimension(named name: String) -> Int? {
        dimensionNames.firstIndex(of: name) ?? Int(name).flatMap { dimensionNames.indices.contains($0) ? $0 : nil }
    }

    /// The cost-to-go −maxₐ q̂ and the greedy action on a `columns` × `rows` grid over coordinates
    /// `x` (left to right, low to high) and `y` (top to bottom, high to low, as a plot), the others
    /// at `fixed`; cell centres.
    public func grid(_ policy: Policy, x: Int, y: Int, fixed: [Double], columns: Int, rows: Int) -> ValueGrid {
        let evaluate = prepare(policy)
        var costs: [[Double]] = [], greedy: [[Int]] = []
        for row in 0..<rows {
            var costRow: [Double] = [], greedyRow: [Int] = []
            let yValue = high[y] - (Double(row) + 0.5) / Double(rows) * (high[y] - low[y])
            for column in 0..<columns {
                var point = fixed
                point[x] = low[x] + (Double(column) + 0.5) / Double(columns) * (high[x] - low[x])
                point[y] = yValue
                let (scores, value) = evaluate(point)
                let best = scores.indices.max { scores[$0] < scores[$1] }!
                costRow.append(-value)
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

    public init(costToGo: [[Double]], greedy: [[Int]]) {
        self.costToGo = costToGo
        self.greedy = greedy
    }
}
