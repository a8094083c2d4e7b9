/// A tile of the lake, written with Gymnasium's letters.
public enum LakeTile: Character, Sendable, CaseIterable {
    /// Where an episode may start (frozen ice).
    case start = "S"
    /// Frozen ice: safe to stand on.
    case frozen = "F"
    /// A hole: the episode ends, with nothing won.
    case hole = "H"
    /// The goal: the episode ends with the goal reward.
    case goal = "G"

    /// Whether stepping onto this tile ends the episode.
    public var endsEpisode: Bool { self == .hole || self == .goal }
}

/// A bad map, in one line that says where.
public struct LakeMapError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A rectangular lake, row 0 at the top; cell `(row, column)` is state `row × columns + column`,
/// as in Gymnasium.
public struct LakeMap: Sendable, Equatable, CustomStringConvertible {
    /// The tiles, row by row.
    public let tiles: [[LakeTile]]
    public var rows: Int { tiles.count }
    public var columns: Int { tiles[0].count }

    /// Gymnasium's `MAPS["4x4"]`, the map of `FrozenLake-v1`.
    public static let fourByFour = try! LakeMap(rows: ["SFFF", "FHFH", "FFFH", "HFFG"])
    /// Gymnasium's `MAPS["8x8"]`, the map of `FrozenLake8x8-v1`.
    public static let eightByEight = try! LakeMap(rows: [
        "SFFFFFFF",
        "FFFFFFFF",
        "FFFHFFFF",
        "FFFFFHFF",
        "FFFHFFFF",
        "FHHFFFHF",
        "FHFFHFHF",
        "FFFHFFFG",
    ])

    /// Parses a map from rows of the letters S, F, H and G (Gymnasium's `desc`).
    ///
    /// Gymnasium accepts any rectangle; so do we, with two more demands that catch mistakes it
    /// would turn into a useless world: at least one start (episodes start on one of them,
    /// uniformly) and at least one goal.
    public init(rows: [String]) throws(LakeMapError) {
        guard let first = rows.first, !first.isEmpty else { throw LakeMapError("the map is empty") }
        var tiles: [[LakeTile]] = []
        for (row, text) in rows.enumerated() {
            guard text.count == first.count else {
                throw LakeMapError("row \(row + 1) has \(text.count) tiles, row 1 has \(first.count): a map is a rectangle")
            }
            var line: [LakeTile] = []
            for (column, letter) in text.enumerated() {
                guard let tile = LakeTile(rawValue: letter) else {
                    throw LakeMapError(
                        "row \(row + 1), column \(column + 1): '\(letter)' is not a tile (S start, F frozen, H hole, G goal)")
                }
                line.append(tile)
            }
            tiles.append(line)
        }
        guard tiles.joined().contains(.start) else { throw LakeMapError("the map has no start S") }
        guard tiles.joined().contains(.goal) else { throw LakeMapError("the map has no goal G") }
        self.tiles = tiles
    }

    /// Parses a map written as one string, rows separated by newlines or `/`
    /// (`"SFFF/FHFH/FFFH/HFFG"`, handy on a command line).
    public init(_ text: String) throws(LakeMapError) {
        let rows = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "/" }
            .map { $0.trimmingWhitespace() }
        var trimmed = rows[...]
        while trimmed.last?.isEmpty == true { trimmed.removeLast() }
        try self.init(rows: Array(trimmed))
    }

    /// The tile of state `state`.
    public func tile(at state: Int) -> LakeTile { tiles[state / columns][state % columns] }

    /// The map in Gymnasium's letters, one row per line.
    public var description: String {
        tiles.map { String($0.map(\.rawValue)) }.joined(separator: "\n")
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
