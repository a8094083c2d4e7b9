import RLCore

/// The moves the agent may make (Sutton & Barto, 2nd ed., Example 6.5 and Exercise 6.9).
public enum WindyMoves: String, Sendable, Equatable, Codable, CaseIterable {
    /// Up, down, right, left: Example 6.5.
    case standard
    /// The eight king's moves, diagonals included: Exercise 6.9.
    case king
    /// The king's moves and a ninth action that stays put (moved by the wind only): Exercise 6.9.
    case kingAndStay = "king-and-stay"

    /// (row, column) steps, in action order; row 0 is the top row, so up is −1.
    public var steps: [(row: Int, column: Int)] {
        let rook = [(-1, 0), (1, 0), (0, 1), (0, -1)]
        let diagonals = [(-1, 1), (1, 1), (1, -1), (-1, -1)]
        switch self {
        case .standard: return rook
        case .king: return rook + diagonals
        case .kingAndStay: return rook + diagonals + [(0, 0)]
        }
    }
}

/// The settings of the windy gridworld.
public struct WindyGridworldConfiguration: Sendable, Equatable, Codable {
    public var moves = WindyMoves.standard
    /// Exercise 6.10: where a column has wind, it blows its strength a third of the time, one
    /// more a third of the time, and one less a third of the time.
    public var stochasticWind = false

    public init(moves: WindyMoves = .standard, stochasticWind: Bool = false) {
        self.moves = moves
        self.stochasticWind = stochasticWind
    }
}

/// Sutton & Barto's windy gridworld (2nd ed., Example 6.5, p. 130): a 7 × 10 grid, start at
/// row 3, column 0 and goal at row 3, column 7 (rows counted from the top, from 0). A crosswind
/// blows upward through the middle columns, strengths 0 0 0 1 1 1 2 2 1 0: after a move, the
/// agent is shifted up by the strength of the column it moved from. Moves and winds that would
/// leave the grid stop at its edge. Every step costs −1 until the goal, which ends the episode;
/// there is no step cap (γ = 1 in the book).
///
/// Observations are cells, `row × 10 + column`; actions index ``WindyMoves/steps``.
public struct WindyGridworld: ModelledEnvironment, Resumable, Sendable {
    public static let rows = 7
    public static let columns = 10
    public static let wind = [0, 0, 0, 1, 1, 1, 2, 2, 1, 0]
    public static let start = 3 * columns + 0
    public static let goal = 3 * columns + 7

    public let configuration: WindyGridworldConfiguration
    public let observationSpace = Discrete(rows * columns)
    public let actionSpace: Discrete
    public private(set) var state = start
    var generator: Xoshiro256StarStar

    public init(configuration: WindyGridworldConfiguration = WindyGridworldConfiguration(), seed: UInt64 = 0) {
        self.configuration = configuration
        actionSpace = Discrete(configuration.moves.steps.count)
        generator = Xoshiro256StarStar(seed: seed)
    }

    public var generatorState: [UInt64] {
        get { generator.state }
        set { generator.state = newValue }
    }

    public mutating func reset(seed: UInt64?) -> Int {
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        state = Self.start
        return state
    }

    public mutating func step(_ action: Int) -> Step<Int> {
        let column = state % Self.columns
        // The stochastic wind draws its change only where there is wind (nothing else is random).
        let change = configuration.stochasticWind && Self.wind[column] > 0 ? generator.nextIndex(below: 3) - 1 : 0
        state = Self.next(from: state, action: action, moves: configuration.moves, windChange: change)
        return Step(observation: state, reward: -1, terminated: state == Self.goal, truncated: false)
    }

    /// The cell after `action` from `cell`, the wind blowing its strength plus `windChange`.
    public static func next(from cell: Int, action: Int, moves: WindyMoves, windChange: Int = 0) -> Int {
        let row = cell / columns, column = cell % columns
        let (rowStep, columnStep) = moves.steps[action]
        let blown = wind[column] + (wind[column] > 0 ? windChange : 0)
        let newRow = min(max(row + rowStep - blown, 0), rows - 1)
        let newColumn = min(max(column + columnStep, 0), columns - 1)
        return newRow * columns + newColumn
    }

    /// The dynamics as a table: −1 a step, the goal terminal (a step from it stays there, 0).
    public var model: TabularModel {
        let moves = configuration.moves, stochastic = configuration.stochasticWind
        var initial = Array(repeating: 0.0, count: Self.rows * Self.columns)
        initial[Self.start] = 1
        return TabularModel(stateCount: Self.rows * Self.columns, actionCount: moves.steps.count, initialDistribution: initial) {
            cell, action in
            guard cell != Self.goal else { return [Outcome(probability: 1, nextState: cell, reward: 0, terminated: true)] }
            let changes = stochastic && Self.wind[cell % Self.columns] > 0 ? [-1, 0, 1] : [0]
            var outcomes: [Outcome] = []
            for change in changes {
                let next = Self.next(from: cell, action: action, moves: moves, windChange: change)
                let probability = 1 / Double(changes.count)
                if let same = outcomes.firstIndex(where: { $0.nextState == next }) {
                    outcomes[same].probability += probability
                } else {
                    outcomes.append(Outcome(probability: probability, nextState: next, reward: -1, terminated: next == Self.goal))
                }
            }
            return outcomes
        }
    }
}
