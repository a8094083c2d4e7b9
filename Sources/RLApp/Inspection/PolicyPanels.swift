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

    public init(paddle: Int? = nil, direction: BallDirection? = nil) {
        self.paddle = paddle
        self.direction = direction
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
    /// The default layout of any table: one grid over the last two state dimensions (rows, then
    /// columns) for each combination of the others; a one-dimensional state is one row.
    public static func grids(stateShape: [Int], dimensions: [String], selection: PanelSelection) throws(InspectionError) -> [PolicyPanel] {
        if selection.paddle != nil || selection.direction != nil {
            throw InspectionError("--paddle and --direction apply to pong policies only")
        }
        let space = MultiDiscrete(stateShape)
        let rows = stateShape.count >= 2 ? stateShape[stateShape.count - 2] : 1
        let columns = stateShape[stateShape.count - 1]
        let outer = Array(stateShape.dropLast(min(2, stateShape.count)))
        let outerCount = outer.reduce(1, *)
        let rowAxis = stateShape.count >= 2 ? dimensions[dimensions.count - 2] : ""
        let columnAxis = dimensions[dimensions.count - 1]
        var panels: [PolicyPanel] = []
        for block in 0..<outerCount {
            let prefix = outer.isEmpty ? [] : MultiDiscrete(outer).element(at: block)
            let title =
                prefix.isEmpty
                ? "all states"
                : zip(dimensions, prefix).map { "\($0) \($1)" }.joined(separator: ", ")
            let states = (0..<rows).map { row in
                (0..<columns).map { column in
                    space.index(of: prefix + (stateShape.count >= 2 ? [row, column] : [column]))
                }
            }
            panels.append(
                PolicyPanel(
                    title: title, rowLabels: (0..<rows).map { stateShape.count >= 2 ? "\(rowAxis) \($0)" : "" },
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
