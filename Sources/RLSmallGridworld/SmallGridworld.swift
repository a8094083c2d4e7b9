import RLCore

/// Sutton & Barto's 4 × 4 gridworld (2nd ed., Example 4.1, p. 76): states 0…15 row by row, the
/// two shaded corners (0 and 15) terminal; the moves up, down, right and left; every move pays
/// −1, and a move off the grid leaves the state as it is. The book plans on it and names no
/// start; an episode here starts in one of the 14 non-terminal states, equally likely.
public enum SmallGridworld {
    /// The grid's side.
    public static let size = 4
    /// The terminal corners: the top left and the bottom right.
    public static let terminals: Set<Int> = [0, size * size - 1]

    /// A move, numbered as the model's actions.
    public enum Move: Int, CaseIterable, Sendable, CustomStringConvertible {
        case up, down, right, left
        public var description: String { ["up", "down", "right", "left"][rawValue] }
    }

    /// The dynamics: a terminal corner stays put, terminated, with reward 0 (no episode starts
    /// there); any other state moves for −1, terminated when it reaches a corner.
    public static let model = TabularModel(
        stateCount: size * size, actionCount: Move.allCases.count,
        initialDistribution: (0..<(size * size)).map { terminals.contains($0) ? 0 : 1.0 / Double(size * size - terminals.count) }
    ) { state, action in
        guard !terminals.contains(state) else { return [Outcome(probability: 1, nextState: state, reward: 0, terminated: true)] }
        let next = SmallGridworld.next(from: state, Move(rawValue: action)!)
        return [Outcome(probability: 1, nextState: next, reward: -1, terminated: terminals.contains(next))]
    }

    /// The cell a move from `state` reaches: off the grid, `state` itself.
    public static func next(from state: Int, _ move: Move) -> Int {
        let row = state / size, column = state % size
        let (nextRow, nextColumn) =
            switch move {
            case .up: (row - 1, column)
            case .down: (row + 1, column)
            case .right: (row, column + 1)
            case .left: (row, column - 1)
            }
        return (0..<size).contains(nextRow) && (0..<size).contains(nextColumn) ? nextRow * size + nextColumn : state
    }
}
