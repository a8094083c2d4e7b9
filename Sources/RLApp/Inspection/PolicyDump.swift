import RLRender
import RLTabular

/// How `rl inspect` prints its grids.
public struct DumpOptions: Sendable, Equatable {
    /// Print each action's value beside the arrow.
    public var showsValues: Bool
    /// ANSI colours (greener = higher value); only for a terminal.
    public var usesColour: Bool
    /// The widest line allowed; grids wider than this are split into column blocks.
    public var width: Int

    public init(showsValues: Bool = false, usesColour: Bool = false, width: Int = 120) {
        self.showsValues = showsValues
        self.usesColour = usesColour
        self.width = width
    }
}

/// The text dump of a table, one grid per panel.
public enum PolicyDump {
    /// The arrow for an action name; unknown names show their first letter.
    public static func symbol(forAction name: String) -> String {
        switch name {
        case "up", "north": "↑"
        case "down", "south": "↓"
        case "left", "west": "←"
        case "right", "east": "→"
        case "stay": "="
        // Taxi's and Blackjack's actions that do not move: their initial, in capitals.
        case "pick up", "drop off", "stick", "hit": String(name.prefix(1)).uppercased()
        default: String(name.prefix(1))
        }
    }

    public static let unvisitedSymbol = "·"
    public static let tieSymbol = "?"

    /// The symbol of a state's greedy action: an arrow, `?` for a tie, `·` when never visited.
    public static func symbol(for state: Int, in table: QTable, actions: [String]) -> String {
        guard table.wasVisited(state) else { return unvisitedSymbol }
        let best = table.greedyActions(in: state)
        return best.count == 1 ? symbol(forAction: actions[best[0]]) : tieSymbol
    }

    /// The legend printed once above the grids.
    public static func legend(actions: [String], panel: PolicyPanel) -> String {
        let arrows = actions.map { "\(symbol(forAction: $0)) \($0)" }.joined(separator: "  ")
        return "Greedy action: \(arrows)  \(tieSymbol) tie  \(unvisitedSymbol) never visited\n"
            + "Rows: \(panel.rowAxis).\nColumns: \(panel.columnAxis).\n"
    }

    /// Renders the panels as aligned text no wider than `options.width` (colour codes aside).
    public static func render(_ panels: [PolicyPanel], table: QTable, actions: [String], options: DumpOptions) -> String {
        guard let first = panels.first else { return "" }
        let scale = ValueScale(table: table)
        var valueWidth = 1
        if options.showsValues {
            for panel in panels {
                for row in panel.states {
                    for state in row where table.wasVisited(state) {
                        for action in 0..<table.actionCount { valueWidth = max(valueWidth, fixed(table[state, action], 1).count) }
                    }
                }
            }
        }
        var text = legend(actions: actions, panel: first)
        if options.showsValues { text += "Each cell: the greedy action, then the value of \(actions.joined(separator: ", ")).\n" }
        for panel in panels {
            text += "\n" + panel.title + "\n"
            text += renderGrid(panel, table: table, actions: actions, options: options, valueWidth: valueWidth, scale: scale)
        }
        return text
    }

    static func renderGrid(_ panel: PolicyPanel, table: QTable, actions: [String], options: DumpOptions, valueWidth: Int, scale: ValueScale)
        -> String
    {
        func cell(_ state: Int) -> String {
            let arrow = panel.marks[state] ?? symbol(for: state, in: table, actions: actions)
            guard options.showsValues else { return arrow }
            guard table.wasVisited(state) else { return arrow + String(repeating: " ", count: (valueWidth + 1) * table.actionCount) }
            return arrow
                + (0..<table.actionCount).map { action in
                    let value = fixed(table[state, action], 1)
                    return " " + String(repeating: " ", count: valueWidth - value.count) + value
                }.joined()
        }
        let cells = panel.states.map { $0.map(cell) }
        let labelWidth = panel.rowLabels.map(\.count).max() ?? 0
        let cellWidth = max(cells.flatMap { $0 }.map(\.count).max() ?? 1, panel.columnLabels.map(\.count).max() ?? 1)
        let columnCount = panel.columnLabels.count
        let perBlock = max(1, (options.width - labelWidth) / (cellWidth + 1))
        func padded(_ text: String, to width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }

        var text = ""
        for blockStart in stride(from: 0, to: columnCount, by: perBlock) {
            let columns = blockStart..<min(columnCount, blockStart + perBlock)
            if blockStart > 0 { text += "\n" }
            text +=
                String(repeating: " ", count: labelWidth) + columns.map { " " + padded(panel.columnLabels[$0], to: cellWidth) }.joined()
                + "\n"
            for (row, label) in panel.rowLabels.enumerated() {
                var line = padded(label, to: labelWidth)
                for column in columns {
                    let content = padded(cells[row][column], to: cellWidth)
                    line +=
                        " "
                        + (options.usesColour ? scale.colour(panel.states[row][column], in: table) + content + ValueScale.reset : content)
                }
                text += line + "\n"
            }
        }
        return text
    }
}

/// Maps a state's best value to a terminal colour, red (lowest) through yellow to green (highest).
struct ValueScale {
    /// xterm-256 colours from red to green.
    static let palette = [196, 202, 208, 214, 220, 226, 190, 154, 118, 82, 46]
    static let unvisited = "\u{1B}[38;5;240m"
    static let reset = "\u{1B}[0m"
    let low: Double
    let high: Double

    init(table: QTable) {
        var low = Double.infinity, high = -Double.infinity
        for state in 0..<table.stateCount where table.wasVisited(state) {
            let best = table.maxValue(in: state)
            low = min(low, best)
            high = max(high, best)
        }
        self.low = low.isFinite ? low : 0
        self.high = high.isFinite ? high : 0
    }

    /// Where `value` lies between the lowest and highest best value, in 0...1. When the range
    /// crosses 0, 0 sits in the middle (yellow), so a neutral value never looks bad or good.
    func position(of value: Double) -> Double {
        guard high > low else { return 1 }
        if low < 0 && high > 0 {
            return value < 0 ? 0.5 - 0.5 * value / low : 0.5 + 0.5 * value / high
        }
        return (value - low) / (high - low)
    }

    func colour(_ state: Int, in table: QTable) -> String {
        guard table.wasVisited(state) else { return Self.unvisited }
        let index = Int((position(of: table.maxValue(in: state)) * Double(Self.palette.count - 1)).rounded())
        return "\u{1B}[38;5;\(Self.palette[min(max(index, 0), Self.palette.count - 1)])m"
    }
}
