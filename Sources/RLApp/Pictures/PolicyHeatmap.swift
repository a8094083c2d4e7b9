import RLRender
import RLTabular

/// The policy picture of `rl inspect --heatmap`: the same panels as the text dump, each cell
/// coloured by its best value (red lowest, through yellow, to green highest; grey never
/// visited) with an arrow for its greedy action.
public enum PolicyHeatmap {
    public static let unvisitedColour = RGBA(200, 200, 200)
    public static let arrowColour = RGBA(30, 30, 30)
    static let low = RGBA(215, 48, 39)
    static let middle = RGBA(255, 255, 191)
    static let high = RGBA(26, 152, 80)
    /// Pixels per font pixel: the 5 × 7 bitmap font at its own size.
    static let fontPixel = 1.0
    static let margin = 16.0
    static let titleHeight = 16.0

    /// The colour of a position in 0...1 on the red–yellow–green scale.
    public static func colour(atPosition position: Double) -> RGBA {
        position < 0.5 ? low.mixed(with: middle, position * 2) : middle.mixed(with: high, (position - 0.5) * 2)
    }

    /// Where each panel's cell grid starts, in pixels, for `panelCount` panels of `rows` × `columns` cells.
    static func layout(panelCount: Int, rows: Int, columns: Int, cellSize: Double) -> (perRow: Int, origins: [(x: Double, y: Double)]) {
        // Four directions per paddle in markov policies: one row per paddle keeps rows aligned.
        let perRow = panelCount % 4 == 0 && panelCount > 6 ? 4 : min(panelCount, 6)
        let panelWidth = Double(columns) * cellSize + margin
        let panelHeight = Double(rows) * cellSize + margin + titleHeight
        let origins = (0..<panelCount).map { index in
            (x: margin + Double(index % perRow) * panelWidth, y: margin + titleHeight + Double(index / perRow) * panelHeight)
        }
        return (perRow, origins)
    }

    /// The picture of `panels` of `table`.
    /// - Precondition: `panels` is not empty and every panel has the same number of rows and columns.
    public static func picture(_ panels: [PolicyPanel], table: QTable, actions: [String], cellSize: Double = 10) -> Scene {
        precondition(!panels.isEmpty)
        let rows = panels[0].states.count, columns = panels[0].states[0].count
        let (perRow, origins) = layout(panelCount: panels.count, rows: rows, columns: columns, cellSize: cellSize)
        let panelRows = (panels.count + perRow - 1) / perRow
        let legendHeight = 40.0
        let width = Int(margin + Double(perRow) * (Double(columns) * cellSize + margin))
        let height = Int(margin + Double(panelRows) * (Double(rows) * cellSize + margin + titleHeight) + legendHeight)
        var picture = Scene(width: Double(max(width, 440)), height: Double(height), background: .white)
        let scale = ValueScale(table: table)

        for (panel, origin) in zip(panels, origins) {
            picture.add(.text(shortTitle(panel.title), x: origin.x, y: origin.y - titleHeight + 2, pixelSize: fontPixel, .black))
            for (row, states) in panel.states.enumerated() {
                for (column, state) in states.enumerated() {
                    let x = origin.x + Double(column) * cellSize, y = origin.y + Double(row) * cellSize
                    if let mark = panel.marks[state] {
                        // A cell the world marks (a hole, the goal, the cliff): its letter on grey.
                        picture.add(.rectangle(Rect(x: x, y: y, width: cellSize, height: cellSize), unvisitedColour))
                        picture.add(.text(mark, x: x + (cellSize - 5 * fontPixel) / 2, y: y + (cellSize - 7 * fontPixel) / 2,
                                          pixelSize: fontPixel, arrowColour))
                        continue
                    }
                    guard table.wasVisited(state) else {
                        picture.add(.rectangle(Rect(x: x, y: y, width: cellSize, height: cellSize), unvisitedColour))
                        continue
                    }
                    picture.add(.rectangle(Rect(x: x, y: y, width: cellSize, height: cellSize), colour(atPosition: scale.position(of: table.maxValue(in: state)))))
                    let best = table.greedyActions(in: state)
                    if best.count == 1 { addArrow(&picture, action: actions[best[0]], x: x, y: y, size: cellSize) }
                }
            }
        }

        // Legend: the colour scale from the lowest to the highest best value.
        let legendY = Double(height) - legendHeight + 8
        let steps = 100
        for step in 0..<steps {
            picture.add(.rectangle(Rect(x: margin + Double(step) * 2, y: legendY, width: 2, height: 10), colour(atPosition: Double(step) / Double(steps - 1))))
        }
        picture.add(.text(fixed(scale.low, 2), x: margin, y: legendY + 14, pixelSize: fontPixel, .black))
        let highText = fixed(scale.high, 2)
        picture.add(.text(highText, x: margin + 200 - Double(BitmapFont.width(of: highText)), y: legendY + 14, pixelSize: fontPixel, .black))
        picture.add(.text("best value, grey = never visited", x: margin + 215, y: legendY, pixelSize: fontPixel, .black))
        return picture
    }

    /// An arrow for the actions that have a direction; a dot for "stay".
    static func addArrow(_ picture: inout Scene, action: String, x: Double, y: Double, size: Double) {
        let centreX = x + size / 2, centreY = y + size / 2, reach = size * 0.35
        let (dx, dy): (Double, Double)
        switch action {
        case "up", "north": (dx, dy) = (0, -1)
        case "down", "south": (dx, dy) = (0, 1)
        case "left", "west": (dx, dy) = (-1, 0)
        case "right", "east": (dx, dy) = (1, 0)
        case "pick up", "drop off", "stick", "hit":
            // No direction: the action's initial, centred in the cell.
            let letter = String(action.prefix(1)).uppercased()
            picture.add(.text(letter, x: centreX - 2.5 * fontPixel, y: centreY - 3.5 * fontPixel, pixelSize: fontPixel, arrowColour))
            return
        default:
            picture.add(.circle(centerX: centreX, centerY: centreY, radius: size * 0.15, arrowColour))
            return
        }
        let tipX = centreX + dx * reach, tipY = centreY + dy * reach
        picture.add(.line(fromX: centreX - dx * reach, fromY: centreY - dy * reach, toX: tipX, toY: tipY, arrowColour))
        // The head: two short strokes back from the tip, at right angles to each other.
        let back = reach * 0.6
        picture.add(.line(fromX: tipX, fromY: tipY, toX: tipX - dx * back + dy * back, toY: tipY - dy * back + dx * back, arrowColour))
        picture.add(.line(fromX: tipX, fromY: tipY, toX: tipX - dx * back - dy * back, toY: tipY - dy * back - dx * back, arrowColour))
    }

    /// Panel titles shortened to fit above a small grid: "paddle 3, left-up".
    static func shortTitle(_ title: String) -> String {
        var text = title
        if let range = text.firstRange(of: " (bottom edge"), let close = text[range.lowerBound...].firstIndex(of: ")") {
            text.removeSubrange(range.lowerBound...close)
        }
        return text.replacing(", ball moving left (towards the paddle) and ", with: ", left-")
            .replacing(", ball moving right (away from the paddle) and ", with: ", right-")
    }
}

