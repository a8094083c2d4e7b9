import RLCore
import RLPong
import RLTabular

/// A ball direction of the `markov` observation, as `rl inspect --direction` names it.
public enum BallDirection: String, Sendable, CaseIterable, Codable {
    case leftUp = "left-up"
    case leftDown = "left-down"
    case rightUp = "right-up"
    case rightDown = "right-down"

    /// The observation's `ballMovingRight` (1 = away from the paddle).
    public var movingRight: Int { self == .rightUp || self == .rightDown ? 1 : 0 }
    /// The observation's `ballMovingUp`.
    public var movingUp: Int { self == .leftUp || self == .rightUp ? 1 : 0 }

    /// In words, for titles.
    public var phrase: String {
        "moving \(movingRight == 1 ? "right (away from the paddle)" : "left (towards the paddle)") and \(movingUp == 1 ? "up" : "down")"
    }
}

/// One grid of a policy's states: what `rl inspect` prints and what the heatmap paints.
/// For Pong: rows are ball-y bins (top of the court first), columns ball-x bins (the paddle's
/// side first), for one paddle bin and, in `markov`, one ball direction.
public struct PolicyPanel: Sendable, Equatable {
    public var title: String
    /// Labels of the rows, top to bottom.
    public var rowLabels: [String]
    /// Labels of the columns, left to right.
    public var columnLabels: [String]
    /// What the rows and columns measure, for the legend.
    public var rowAxis: String
    public var columnAxis: String
    /// The dense state index of each cell, `[row][column]`.
    public var states: [[Int]]
    /// Cells the world marks itself instead of an action, by state: where no action is ever
    /// taken (FrozenLake's holes `H` and goal `G`, Cliff Walking's cliff `C`).
    public var marks: [Int: String] = [:]
}

/// Which panels to show.
public struct PanelSelection: Sendable, Equatable {
    /// One paddle bin, or all.
    public var paddle: Int?
    /// One ball direction (`markov` only), or all.
    public var direction: BallDirection?
    /// Values of the dimensions outside the grids (any table but Pong's): `ball_dx=1` keeps the
    /// panels with that value only.
    public var slices: [(name: String, value: Int)]

    public init(paddle: Int? = nil, direction: BallDirection? = nil, slices: [(name: String, value: Int)] = []) {
        self.paddle = paddle
        self.direction = direction
        self.slices = slices
    }

    public static func == (left: PanelSelection, right: PanelSelection) -> Bool {
        left.paddle == right.paddle && left.direction == right.direction
            && left.slices.map(\.name) == right.slices.map(\.name) && left.slices.map(\.value) == right.slices.map(\.value)
    }
}

/// A selection that does not fit the policy.
public struct InspectionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// What kind of problem it is when it comes from a file (a log that is missing, say).
    public var kind: PolicyFileError.Kind
    public init(_ message: String, kind: PolicyFileError.Kind = .malformedData) {
        self.message = message
        self.kind = kind
    }
    public var description: String { message }
}

extension PolicyPanel {
    /// The default layout of any table: one grid over two state dimensions (rows, then columns;
    /// the last two unless `grid` names others) for each combination of the others, which
    /// `selection`'s slices may fix; a one-dimensional state is one row.
    public static func grids(
        stateShape: [Int], dimensions: [String], selection: PanelSelection, grid: (rows: Int, columns: Int)? = nil
    ) throws(InspectionError) -> [PolicyPanel] {
        if selection.paddle != nil || selection.direction != nil {
            throw InspectionError("--paddle and --direction apply to pong policies only")
        }
        let space = MultiDiscrete(stateShape)
        let count = stateShape.count
        let (rowDimension, columnDimension) = grid ?? (count >= 2 ? count - 2 : -1, count - 1)
        let outerDimensions = (0..<count).filter { $0 != rowDimension && $0 != columnDimension }
        let outer = outerDimensions.map { stateShape[$0] }
        let rows = rowDimension >= 0 ? stateShape[rowDimension] : 1
        let columns = stateShape[columnDimension]
        let rowAxis = rowDimension >= 0 ? dimensions[rowDimension] : ""
        let columnAxis = dimensions[columnDimension]
        // Slices fix dimensions outside the grid, by name.
        var fixed: [Int: Int] = [:]
        let outerNames = outerDimensions.map { dimensions[$0] }
        for (name, value) in selection.slices {
            guard let position = outerNames.firstIndex(of: name) else {
                throw InspectionError(
                    outer.isEmpty
                        ? "--slice: this policy's panels have no dimension outside the grid"
                        : "--slice takes one of \(outerNames.joined(separator: ", ")), got '\(name)'")
            }
            guard (0..<outer[position]).contains(value) else {
                throw InspectionError("--slice \(name) must be in 0...\(outer[position] - 1), got \(value)")
            }
            fixed[position] = value
        }
        var panels: [PolicyPanel] = []
        for block in 0..<outer.reduce(1, *) {
            let prefix = outer.isEmpty ? [] : MultiDiscrete(outer).element(at: block)
            if fixed.contains(where: { prefix[$0.key] != $0.value }) { continue }
            let title = prefix.isEmpty ? "all states" : zip(outerNames, prefix).map { "\($0) \($1)" }.joined(separator: ", ")
            let states = (0..<rows).map { row in
                (0..<columns).map { column in
                    var coordinates = [Int](repeating: 0, count: count)
                    for (dimension, value) in zip(outerDimensions, prefix) { coordinates[dimension] = value }
                    if rowDimension >= 0 { coordinates[rowDimension] = row }
                    coordinates[columnDimension] = column
                    return space.index(of: coordinates)
                }
            }
            panels.append(
                PolicyPanel(
                    title: title, rowLabels: (0..<rows).map { rowDimension >= 0 ? "\(rowAxis) \($0)" : "" },
                    columnLabels: (0..<columns).map(String.init), rowAxis: rowAxis.isEmpty ? "(one row)" : rowAxis,
                    columnAxis: columnAxis, states: states))
        }
        return panels
    }

    /// Pong's grids: one per paddle bin (and ball direction, for markov policies); rows are
    /// ball-y bins (top first), columns ball-x bins (the paddle's side first).
    static func pong(_ configuration: PongConfiguration, _ selection: PanelSelection) throws(InspectionError) -> [PolicyPanel] {
        let space = PongObservationSpace(configuration: configuration)
        let paddleBins = configuration.paddleBins, ballYBins = configuration.ballYBins, ballXBins = configuration.ballXBins
        if !selection.slices.isEmpty { throw InspectionError("--slice: pong policies are sliced with --paddle and --direction") }
        if let paddle = selection.paddle, !(0..<space.paddleCount).contains(paddle) {
            throw InspectionError("--paddle must be in 0...\(space.paddleCount - 1) for this policy, got \(paddle)")
        }
        if selection.direction != nil && configuration.observation != .markov {
            throw InspectionError("--direction applies to markov policies only; this one observes \(configuration.observation.rawValue)")
        }
        let paddles = selection.paddle.map { [$0] } ?? Array(0..<space.paddleCount)
        let directions: [BallDirection?] =
            configuration.observation == .markov
            ? (selection.direction.map { [$0] } ?? BallDirection.allCases) : [nil]
        func range(_ values: ClosedRange<Int>) -> String {
            values.count == 1 ? "\(values.lowerBound)" : "\(values.lowerBound)..\(values.upperBound)"
        }
        let rowLabels = (0..<space.ballYCount).reversed().map { "y " + range(ballYBins.values(inBin: $0)) }
        let columnLabels = (0..<space.ballXCount).map { String(ballXBins.values(inBin: $0).lowerBound) }
        var panels: [PolicyPanel] = []
        for paddle in paddles {
            for direction in directions {
                var title = "paddle \(paddle) (bottom edge at y \(range(paddleBins.values(inBin: paddle))))"
                if let direction { title += ", ball \(direction.phrase)" }
                let states = (0..<space.ballYCount).reversed().map { ballY in
                    (0..<space.ballXCount).map { ballX in
                        space.index(
                            of: PongObservation(
                                paddle: paddle, ballY: ballY, ballX: ballX,
                                ballMovingRight: direction?.movingRight ?? 0, ballMovingUp: direction?.movingUp ?? 0))
                    }
                }
                panels.append(
                    PolicyPanel(
                        title: title, rowLabels: rowLabels, columnLabels: columnLabels,
                        rowAxis: "ball y (top of the court first)", columnAxis: "ball x (lowest x of the bin; the paddle is on the left)",
                        states: states))
            }
        }
        return panels
    }
}

extension LoadedPolicy {
    /// The grids that lay out this policy's table: its world's own, or the plain layout when this
    /// `rl` does not know the world or the world has no words of its own.
    public func panels(_ selection: PanelSelection = PanelSelection()) throws(InspectionError) -> [PolicyPanel] {
        if let inspection = world?.inspection { return try inspection.panels(selection) }
        return try PolicyPanel.grids(
            stateShape: policy.table.stateShape, dimensions: policy.metadata.stateDimensions,
            selection: selection)
    }
}
