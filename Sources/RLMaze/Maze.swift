import RLCore

/// The four moves of a maze walker.
public enum MazeMove: Int, Sendable, CaseIterable, CustomStringConvertible {
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

/// The mazes of Sutton & Barto's chapter 8 (2nd ed., 2018): a grid with walls, a start and a
/// goal. Every move that reaches the goal earns +1 and ends the episode; every other move earns 0.
/// A move into a wall or off the grid leaves the walker where it is.
///
/// Cells are numbered `row × columns + column`, row 0 at the top. A maze may change once, at a
/// given time step (Examples 8.2 and 8.3): the world counts its steps across episodes (a reset
/// does not clear the count), and from step `changeAt + 1` on the walls are `changedWalls`'. A
/// walker standing in a cell that has just become a wall walks out of it as from any cell.
public struct Maze: ModelledEnvironment, Sendable {
    /// A maze's shape: its size, start, goal and walls.
    public struct Layout: Sendable, Equatable {
        public let rows: Int
        public let columns: Int
        public let start: Int
        public let goal: Int
        /// One flag per cell, row-major.
        public let walls: [Bool]

        /// - Precondition: the start and the goal are distinct free cells of the grid.
        public init(
            rows: Int, columns: Int, start: (row: Int, column: Int), goal: (row: Int, column: Int), walls: [(row: Int, column: Int)]
        ) {
            precondition(rows > 0 && columns > 0, "a maze needs at least one cell")
            self.rows = rows
            self.columns = columns
            var flags = Array(repeating: false, count: rows * columns)
            for wall in walls {
                precondition((0..<rows).contains(wall.row) && (0..<columns).contains(wall.column), "a wall outside the grid")
                flags[wall.row * columns + wall.column] = true
            }
            self.start = start.row * columns + start.column
            self.goal = goal.row * columns + goal.column
            self.walls = flags
            precondition(
                self.start != self.goal && !flags[self.start] && !flags[self.goal], "the start and the goal must be distinct free cells")
        }

        /// The same maze at `factor` times the resolution (Example 8.4): each cell becomes a
        /// `factor × factor` block; the start is the top-left cell of its block, and the goal its
        /// block's top-left cell (the book does not say; with one goal cell the shortest path is
        /// `factor` times as long).
        public func scaled(by factor: Int) -> Layout {
            precondition(factor >= 1, "a maze scales by 1 or more")
            var walls: [(row: Int, column: Int)] = []
            for cell in 0..<(rows * columns) where self.walls[cell] {
                for row in 0..<factor {
                    for column in 0..<factor {
                        walls.append((cell / columns * factor + row, cell % columns * factor + column))
                    }
                }
            }
            return Layout(
                rows: rows * factor, columns: columns * factor, start: (start / columns * factor, start % columns * factor),
                goal: (goal / columns * factor, goal % columns * factor), walls: walls)
        }
    }

    /// Example 8.1's Dyna maze (Figure 8.2): 6 × 9, start (2, 0), goal (0, 8), seven wall cells;
    /// the shortest path takes 14 steps.
    public static let dyna = Layout(
        rows: 6, columns: 9, start: (2, 0), goal: (0, 8), walls: [(1, 2), (2, 2), (3, 2), (0, 7), (1, 7), (2, 7), (4, 5)])

    /// Example 8.2's blocking maze before its change (Figure 8.4): a wall across row 3 with a
    /// gap at the right end; start (5, 3), goal (0, 8).
    public static let blockingBefore = Layout(rows: 6, columns: 9, start: (5, 3), goal: (0, 8), walls: (0..<8).map { (3, $0) })
    /// ... and after it: the gap moves to the left end.
    public static let blockingAfter = Layout(rows: 6, columns: 9, start: (5, 3), goal: (0, 8), walls: (1..<9).map { (3, $0) })
    /// Example 8.3's shortcut maze before its change (Figure 8.5): the gap at the left end, as the
    /// blocking maze after its change.
    public static let shortcutBefore = blockingAfter
    /// ... and after it: a second gap opens at the right end, a shortcut.
    public static let shortcutAfter = Layout(rows: 6, columns: 9, start: (5, 3), goal: (0, 8), walls: (1..<8).map { (3, $0) })

    public let layout: Layout
    /// The walls from step `changeAt + 1` on, if the maze changes.
    public let changedWalls: [Bool]?
    /// The step after which the walls change.
    public let changeAt: Int
    public let observationSpace: Discrete
    public let actionSpace = EnumSpace<MazeMove>()
    /// Where the walker stands.
    public private(set) var position: Int
    /// Steps taken since the world was made, over every episode.
    public private(set) var stepsTaken = 0

    /// A maze that never changes.
    public init(_ layout: Layout) {
        self.layout = layout
        changedWalls = nil
        changeAt = .max
        observationSpace = Discrete(layout.rows * layout.columns)
        position = layout.start
    }

    /// A maze whose walls become `changed`'s after `step` steps.
    /// - Precondition: `changed` has the same size, start and goal.
    public init(_ layout: Layout, changingTo changed: Layout, after step: Int) {
        precondition(
            changed.rows == layout.rows && changed.columns == layout.columns && changed.start == layout.start
                && changed.goal == layout.goal,
            "a maze changes only its walls")
        self.layout = layout
        changedWalls = changed.walls
        changeAt = step
        observationSpace = Discrete(layout.rows * layout.columns)
        position = layout.start
    }

    /// The walls now.
    public var walls: [Bool] { stepsTaken >= changeAt ? changedWalls ?? layout.walls : layout.walls }

    /// Where `move` from `cell` leads among `walls`, its reward, and whether it reaches the goal.
    public static func result(of move: MazeMove, from cell: Int, in layout: Layout, walls: [Bool]) -> (
        next: Int, reward: Double, terminated: Bool
    ) {
        var row = cell / layout.columns, column = cell % layout.columns
        switch move {
        case .up: row = max(row - 1, 0)
        case .down: row = min(row + 1, layout.rows - 1)
        case .left: column = max(column - 1, 0)
        case .right: column = min(column + 1, layout.columns - 1)
        }
        var next = row * layout.columns + column
        if walls[next] { next = cell }
        return next == layout.goal ? (next, 1, true) : (next, 0, false)
    }

    /// The dynamics of the maze as it is now (its walls at this step), every cell included.
    public var model: TabularModel {
        let layout = layout, walls = walls
        var initial = Array(repeating: 0.0, count: observationSpace.count)
        initial[layout.start] = 1
        return TabularModel(stateCount: observationSpace.count, actionCount: 4, initialDistribution: initial) { state, action in
            let (next, reward, terminated) = Self.result(of: MazeMove(rawValue: action)!, from: state, in: layout, walls: walls)
            return [Outcome(probability: 1, nextState: next, reward: reward, terminated: terminated)]
        }
    }

    /// Starts at the start. Nothing is random: the seed is ignored, and the step count goes on.
    public mutating func reset(seed: UInt64?) -> Int {
        position = layout.start
        return position
    }

    public mutating func step(_ action: MazeMove) -> Step<Int> {
        let (next, reward, terminated) = Self.result(of: action, from: position, in: layout, walls: walls)
        stepsTaken += 1
        position = next
        return Step(observation: next, reward: reward, terminated: terminated, truncated: false)
    }
}

/// A fixed maze draws nothing at random and keeps nothing across episodes: a resumed run needs
/// no state of it. (A changing maze's step count would be lost: only the book's figures change
/// a maze, within one run.)
extension Maze: Resumable {
    public var generatorState: [UInt64] {
        get { [] }
        set {}
    }
}
