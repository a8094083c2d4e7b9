import RLCore

/// The four moves, numbered as Gymnasium numbers FrozenLake's actions (not Cliff Walking's order).
public enum LakeMove: Int, Sendable, CaseIterable, CustomStringConvertible {
    case left, down, right, up

    /// The moves a slippery lake may make instead, in Gymnasium's order:
    /// the one a quarter-turn clockwise before, the move itself, the one after.
    public var slipperyOutcomes: [LakeMove] {
        [LakeMove(rawValue: (rawValue + 3) % 4)!, self, LakeMove(rawValue: (rawValue + 1) % 4)!]
    }

    public var description: String {
        switch self {
        case .left: "left"
        case .down: "down"
        case .right: "right"
        case .up: "up"
        }
    }
}

/// The four moves as a finite space: Gymnasium's `Discrete(4)`.
public typealias LakeMoveSpace = EnumSpace<LakeMove>

/// The cells of a lake as Gymnasium numbers them, `row × columns + column`, with the table
/// shape `[rows, columns]`.
public struct LakeSpace: FiniteSpace, Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public init(rows: Int, columns: Int) { self.rows = rows; self.columns = columns }
    public var count: Int { rows * columns }
    public var shape: [Int] { [rows, columns] }
    @inlinable public func index(of element: Int) -> Int { element }
    @inlinable public func element(at index: Int) -> Int { index }
    public func contains(_ element: Int) -> Bool { element >= 0 && element < count }
}
