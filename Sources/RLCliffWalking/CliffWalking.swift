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
    @inlinable public func index(of element: GridPosition) -> Int { element.row * columns + element.column }
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
public struct GridMoveSpace: FiniteSpace, Sendable, Equatable {
    public init() {}
    public var count: Int { 4 }
    public var shape: [Int] { [4] }
    @inlinable public func index(of element: GridMove) -> Int { element.rawValue }
    @inlinable public func element(at index: Int) -> GridMove { GridMove(rawValue: index).unsafelyUnwrapped }
    public func contains(_ element: GridMove) -> Bool { true }
}

/// Cliff Walking (Sutton & Barto, example 6.6): a 4 × 12 grid, start at the bottom left,
/// goal at the bottom right, the cells between them a cliff. Every step costs −1; stepping into
/// the cliff costs −100 and sends the walker back to the start; reaching the goal ends the
/// episode. It has no step cap of its own: wrap it in a ``TimeLimit`` (``capped(at:)``).
public struct CliffWalking: Environment, Sendable {
    public static let rows = 4
    public static let columns = 12
    public static let start = GridPosition(row: 3, column: 0)
    public static let goal = GridPosition(row: 3, column: 11)

    public let observationSpace = GridSpace(rows: rows, columns: columns)
    public let actionSpace = GridMoveSpace()
    /// Where the walker stands.
    public private(set) var position = start
    /// This episode's falls.
    public private(set) var counters = CliffWalkingCounters()

    public init() {}

    /// Whether a cell is part of the cliff.
    public static func isCliff(_ position: GridPosition) -> Bool {
        position.row == rows - 1 && position.column > 0 && position.column < columns - 1
    }

    /// The environment with a step cap, so that a wandering greedy policy still ends.
    public static func capped(at maxSteps: Int = 200) -> TimeLimit<CliffWalking> {
        TimeLimit(CliffWalking(), maxSteps: maxSteps)
    }

    /// Deterministic dynamics: the seed has nothing to reseed.
    public mutating func reset(seed: UInt64?) -> GridPosition {
        position = Self.start
        counters = CliffWalkingCounters()
        return position
    }

    public mutating func step(_ action: GridMove) -> Step<GridPosition> {
        var next = position
        switch action {
        case .up: next.row = max(next.row - 1, 0)
        case .down: next.row = min(next.row + 1, Self.rows - 1)
        case .left: next.column = max(next.column - 1, 0)
        case .right: next.column = min(next.column + 1, Self.columns - 1)
        }
        if Self.isCliff(next) {
            position = Self.start
            counters.falls += 1
            return Step(observation: position, reward: -100, terminated: false, truncated: false)
        }
        position = next
        return Step(observation: position, reward: -1, terminated: position == Self.goal, truncated: false)
    }
}

/// What an episode of Cliff Walking counts.
public struct CliffWalkingCounters: EpisodeCounters {
    /// Steps into the cliff (each costs −100 and a return to the start).
    public var falls = 0
    public init() {}
}

extension CliffWalking: Resumable {
    /// Deterministic: nothing to save.
    public var generatorState: [UInt64] {
        get { [] }
        set {}
    }
}
