import RLCore

/// A cell of a grid, row 0 at the top.
public struct GridPosition: Hashable, Sendable, CustomStringConvertible {
    public var row: Int
    public var column: Int
    @inlinable public init(row: Int, column: Int) { self.row = row; self.column = column }
    public var description: String { "(row \(row), column \(column))" }
}

/// Every cell of a `rows × columns` grid, flattened row-major.
public struct GridSpace: FiniteSpace, Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public init(rows: Int, columns: Int) { self.rows = rows; self.columns = columns }
    public var count: Int { rows * columns }
    public var shape: [Int] { [rows, columns] }
    @inlinable public func index(of element: GridPosition) -> Int {
        assert(contains(element), "\(element) is outside the \(rows) × \(columns) grid")
        return element.row * columns + element.column
    }
    public func element(at index: Int) -> GridPosition { GridPosition(row: index / columns, column: index % columns) }
    public func contains(_ element: GridPosition) -> Bool {
        (0..<rows).contains(element.row) && (0..<columns).contains(element.column)
    }
}

/// The four moves, in Gymnasium's order.
public enum GridMove: Int, Sendable, CaseIterable, CustomStringConvertible {
    case up, right, down, left
    public var description: String {
        switch self {
        case .up: "up"
        case .right: "right"
        case .down: "down"
        case .left: "left"
        }
    }
}

/// The four moves as a finite space.
public typealias GridMoveSpace = EnumSpace<GridMove>

/// Cliff Walking (Sutton & Barto, example 6.6): a 4 × 12 grid, start at the bottom left,
/// goal at the bottom right, the cells between them a cliff. Every step costs −1; stepping into
/// the cliff costs −100 and sends the walker back to the start; reaching the goal ends the
/// episode. It has no step cap of its own: wrap it in a ``TimeLimit`` (``capped(at:isSlippery:)``).
///
/// Cells are numbered `row × 12 + column` and moves 0 up, 1 right, 2 down, 3 left, as in
/// Gymnasium's `CliffWalking-v1`. With `isSlippery` (Gymnasium's `CliffWalkingSlippery-v1`),
/// the walker moves as intended, or a quarter-turn to either side, with probability 1/3 each,
/// drawn from the world's own generator; by default the walk is deterministic.
public struct CliffWalking: ModelledEnvironment, Sendable {
    public static let rows = 4
    public static let columns = 12
    public static let start = GridPosition(row: 3, column: 0)
    public static let goal = GridPosition(row: 3, column: 11)

    public let observationSpace = GridSpace(rows: rows, columns: columns)
    public let actionSpace = GridMoveSpace()
    /// Whether moves may slip a quarter-turn to either side.
    public let isSlippery: Bool
    /// Where the walker stands.
    public private(set) var position = start
    /// This episode's falls.
    public private(set) var counters = CliffWalkingCounters()
    private var generator: Xoshiro256StarStar

    /// - Parameter seed: seeds the generator of a slippery walk until a reset reseeds it.
    public init(isSlippery: Bool = false, seed: UInt64 = 0) {
        self.isSlippery = isSlippery
        self.generator = Xoshiro256StarStar(seed: seed)
    }

    /// The reward of a step into the cliff.
    public static let fallReward = -100.0

    /// Whether a cell is part of the cliff.
    public static func isCliff(_ position: GridPosition) -> Bool {
        position.row == rows - 1 && position.column > 0 && position.column < columns - 1
    }

    /// The environment with a step cap, so that a wandering greedy policy still ends.
    public static func capped(at maxSteps: Int = 200, isSlippery: Bool = false) -> TimeLimit<CliffWalking> {
        TimeLimit(CliffWalking(isSlippery: isSlippery), maxSteps: maxSteps)
    }

    /// The moves a slippery walk may make instead of `move`, each with probability 1/3, in
    /// Gymnasium's order: a quarter-turn anticlockwise, the move itself, a quarter-turn clockwise.
    public static func slipperyOutcomes(of move: GridMove) -> [GridMove] {
        [GridMove(rawValue: (move.rawValue + 3) % 4)!, move, GridMove(rawValue: (move.rawValue + 1) % 4)!]
    }

    /// Where one move from `position` ends, its reward, and whether it reaches the goal:
    /// the rule that both ``step(_:)`` and ``model`` use.
    public static func result(of move: GridMove, from position: GridPosition) -> (position: GridPosition, reward: Double, terminated: Bool)
    {
        var next = position
        switch move {
        case .up: next.row = max(next.row - 1, 0)
        case .down: next.row = min(next.row + 1, rows - 1)
        case .left: next.column = max(next.column - 1, 0)
        case .right: next.column = min(next.column + 1, columns - 1)
        }
        if isCliff(next) { return (start, fallReward, false) }
        return (next, -1, next == goal)
    }

    /// The dynamics as Gymnasium's `P`: every cell, the cliff and the goal included, with one
    /// outcome per move (three, 1/3 each, when slippery, in Gymnasium's order and not merged).
    public var model: TabularModel {
        let space = observationSpace, slippery = isSlippery
        var initial = Array(repeating: 0.0, count: space.count)
        initial[space.index(of: Self.start)] = 1
        return TabularModel(stateCount: space.count, actionCount: 4, initialDistribution: initial) { state, action in
            let move = GridMove(rawValue: action)!
            let moves = slippery ? Self.slipperyOutcomes(of: move) : [move]
            return moves.map { move in
                let (next, reward, terminated) = Self.result(of: move, from: space.element(at: state))
                return Outcome(
                    probability: 1 / Double(moves.count), nextState: space.index(of: next), reward: reward, terminated: terminated)
            }
        }
    }

    /// Starts at the start.
    /// - Parameter seed: reseeds the world's generator (used only by a slippery walk); `nil` keeps it going.
    public mutating func reset(seed: UInt64?) -> GridPosition {
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        position = Self.start
        counters = CliffWalkingCounters()
        return position
    }

    public mutating func step(_ action: GridMove) -> Step<GridPosition> {
        var move = action
        if isSlippery { move = Self.slipperyOutcomes(of: action)[generator.nextIndex(below: 3)] }
        let (next, reward, terminated) = Self.result(of: move, from: position)
        // The cliff sends the walker back to the start at a cost of −100.
        if reward == Self.fallReward { counters.falls += 1 }
        position = next
        return Step(observation: position, reward: reward, terminated: terminated, truncated: false)
    }
}

/// What an episode of Cliff Walking counts.
public struct CliffWalkingCounters: EpisodeCounters {
    /// Steps into the cliff (each costs −100 and a return to the start).
    public var falls = 0
    public init() {}
}

extension CliffWalking: Resumable {
    /// The slipping generator (unused, but kept, on a walk that does not slip).
    public var generatorState: [UInt64] {
        get { generator.state }
        set { generator.state = newValue }
    }
}

extension CliffWalking: ExploringStartsEnvironment {
    /// Every cell a walk can stand on: not the cliff, not the goal (an episode there is over).
    public static let startCells: [GridPosition] = (0..<rows).flatMap { row in
        (0..<columns).map { GridPosition(row: row, column: $0) }
    }.filter { !isCliff($0) && $0 != goal }

    public var startStateCount: Int { Self.startCells.count }
    public func startState(at index: Int) -> GridPosition { Self.startCells[index] }

    /// Starts in `state`, a cell of ``startCells``.
    public mutating func reset(from state: GridPosition, seed: UInt64?) -> GridPosition {
        precondition(Self.startCells.contains(state), "\(state) is not a cell a walk can start on")
        _ = reset(seed: seed)
        position = state
        return position
    }
}
