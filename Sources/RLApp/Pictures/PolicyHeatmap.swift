import RLRender
import RLTabular

/// The policy picture of `rl inspect --heatmap`: the same panels as the text dump, each cell
/// coloured by its best value (red lowest, through yellow, to green highest; grey never
/// visited) with an arrow for its greedy action, or a question mark where actions tie for the
/// best value (as `?` in the text dump). Each grid has tick labels on its axes; the legend says
/// what the rows and columns measure.
public enum PolicyHeatmap {
    public static let unvisitedColour = RGBA(200, 200, 200)
    /// The cells a world marks itself (holes, the goal, the cliff): dark, so a hole never
    /// looks like a cell the agent did not visit.
    public static let markedColour = RGBA(60, 70, 95)
    public static let markColour = RGBA.white
    public static let arrowColour = RGBA(30, 30, 30)
    static let low = RGBA(215, 48, 39)
    static let middle = RGBA(255, 255, 191)
    static let high = RGBA(26, 152, 80)
    /// Pixels per font pixel: the 5 × 7 bitmap font at its own size.
    static let fontPixel = 1.0
    static let margin = 16.0
    /// A title line's height: the font's 7 pixels and 2 between lines.
    static let titleLineHeight = 9.0
    /// The largest cell: a few panels grow to fill the legend's width, up to this.
    static let largestCell = 40.0
    /// Room left of each grid for its row ticks (four characters), and under it for the column ticks.
    static let rowTickWidth = 26.0
    static let columnTickHeight = 11.0
    /// The legend: the colour scale, then two lines of explanation.
    static let legendHeight = 56.0

    /// The colour of a position in 0...1 on the red–yellow–green scale.
    public static func colour(atPosition position: Double) -> RGBA {
        position < 0.5 ? low.mixed(with: middle, position * 2) : middle.mixed(with: high, (position - 0.5) * 2)
    }

    /// Panels per row: four directions per paddle in markov policies, one row per paddle keeps
    /// rows aligned.
    static func panelsPerRow(_ panelCount: Int) -> Int { panelCount % 4 == 0 && panelCount > 6 ? 4 : min(panelCount, 6) }

    /// The room above a grid for a title of `lines` lines.
    static func titleHeight(lines: Int) -> Double { Double(lines) * titleLineHeight + 7 }

    /// Where each panel's cell grid starts, in pixels, for `panelCount` panels of `rows` × `columns` cells.
    static func layout(
        panelCount: Int, rows: Int, columns: Int, cellSize: Double, titleHeight: Double
    ) -> (perRow: Int, origins: [(x: Double, y: Double)]) {
        let perRow = panelsPerRow(panelCount)
        let panelWidth = Double(columns) * cellSize + margin + rowTickWidth
        let panelHeight = Double(rows) * cellSize + margin + titleHeight + columnTickHeight
        let origins = (0..<panelCount).map { index in
            (x: margin + rowTickWidth + Double(index % perRow) * panelWidth, y: margin + titleHeight + Double(index / perRow) * panelHeight)
        }
        return (perRow, origins)
    }

    /// The picture of `panels` of `table`. Without `cellSize`, cells are 10 pixels, or larger (up
    /// to 40) when a few panels would leave the picture mostly legend.
    /// - Precondition: `panels` is not empty and every panel has the same number of rows and columns.
    public static func picture(_ panels: [PolicyPanel], table: QTable, actions: [String], cellSize: Double? = nil) -> Scene {
        precondition(!panels.isEmpty)
        let rows = panels[0].states.count, columns = panels[0].states[0].count
        let hasMarks = panels.contains { !$0.marks.isEmpty }
        let marks =
            "arrow = greedy action, ? = tie (several actions share the best value), grey = never visited"
            + (hasMarks ? ", dark = the world's own cells" : "")
        let axes = "rows: \(panels[0].rowAxis), columns: \(panels[0].columnAxis)"
        let legendWidth = margin * 2 + Double(max(BitmapFont.width(of: marks), BitmapFont.width(of: axes), 420))
        let perRow = panelsPerRow(panels.count)
        let cellSize =
            cellSize
            ?? min(
                largestCell,
                max(10, (((legendWidth - margin) / Double(perRow) - margin - rowTickWidth) / Double(columns)).rounded(.down)))
        // Titles wrap to their panel's width; every title gets the room of the longest.
        let titleWidth = perRow == 1 ? legendWidth - 2 * margin : Double(columns) * cellSize + rowTickWidth + margin - 4
        let titles = panels.map { wrappedTitle(shortTitle($0.title), width: titleWidth) }
        let titleHeight = titleHeight(lines: titles.map(\.count).max() ?? 1)
        let (_, origins) = layout(panelCount: panels.count, rows: rows, columns: columns, cellSize: cellSize, titleHeight: titleHeight)
        let panelRows = (panels.count + perRow - 1) / perRow
        let width = Int(margin + Double(perRow) * (Double(columns) * cellSize + margin + rowTickWidth))
        let height = Int(margin + Double(panelRows) * (Double(rows) * cellSize + margin + titleHeight + columnTickHeight) + legendHeight)
        var picture = Scene(width: max(Double(width), legendWidth), height: Double(height), background: .white)
        let scale = ValueScale(table: table)
        // Letters in a cell grow with it.
        let letterPixel = max(fontPixel, (cellSize / 10).rounded(.down))

        for ((panel, title), origin) in zip(zip(panels, titles), origins) {
            for (line, text) in title.enumerated() {
                picture.add(
                    .text(
                        text, x: origin.x - rowTickWidth, y: origin.y - titleHeight + 2 + Double(line) * titleLineHeight,
                        pixelSize: fontPixel, .black))
            }
            addTicks(&picture, panel, origin: origin, cellSize: cellSize)
            for (row, states) in panel.states.enumerated() {
                for (column, state) in states.enumerated() {
                    let x = origin.x + Double(column) * cellSize, y = origin.y + Double(row) * cellSize
                    if let mark = panel.marks[state] {
                        // A cell the world marks (a hole, the goal, the cliff): its letter on dark.
                        picture.add(.rectangle(Rect(x: x, y: y, width: cellSize, height: cellSize), markedColour))
                        let width = Double(BitmapFont.width(of: mark)) * letterPixel, height = 7 * letterPixel
                        picture.add(
                            .text(
                                mark, x: x + ((cellSize - width) / 2).rounded(.down), y: y + ((cellSize - height) / 2).rounded(.down),
                                pixelSize: letterPixel, markColour))
                        continue
                    }
                    guard table.wasVisited(state) else {
                        picture.add(.rectangle(Rect(x: x, y: y, width: cellSize, height: cellSize), unvisitedColour))
                        continue
                    }
                    picture.add(
                        .rectangle(
                            Rect(x: x, y: y, width: cellSize, height: cellSize),
                            colour(atPosition: scale.position(of: table.maxValue(in: state)))))
                    let best = table.greedyActions(in: state)
                    if best.count == 1 {
                        addArrow(&picture, action: actions[best[0]], x: x, y: y, size: cellSize)
                    } else {
                        addTieMark(&picture, x: x, y: y, size: cellSize)
                    }
                }
            }
        }

        // Legend: the colour scale from the lowest to the highest best value, then what the
        // marks and the axes mean.
        let legendY = Double(height) - legendHeight + 4
        let steps = 100
        for step in 0..<steps {
            picture.add(
                .rectangle(
                    Rect(x: margin + Double(step) * 2, y: legendY, width: 2, height: 10),
                    colour(atPosition: Double(step) / Double(steps - 1))))
        }
        picture.add(.text(fixed(scale.low, 2), x: margin, y: legendY + 14, pixelSize: fontPixel, .black))
        let highText = fixed(scale.high, 2)
        picture.add(
            .text(highText, x: margin + 200 - Double(BitmapFont.width(of: highText)), y: legendY + 14, pixelSize: fontPixel, .black))
        picture.add(.text("colour: the best value of the state", x: margin + 215, y: legendY + 2, pixelSize: fontPixel, .black))
        picture.add(.text(marks, x: margin, y: legendY + 28, pixelSize: fontPixel, .black))
        picture.add(.text(axes, x: margin, y: legendY + 40, pixelSize: fontPixel, .black))
        return picture
    }

    /// Tick labels: the first, middle and last row left of the grid, the first, middle and
    /// last column under it. A label is its row's or column's own label, shortened to the
    /// number it starts with ("y 39..41" reads "39").
    static func addTicks(_ picture: inout Scene, _ panel: PolicyPanel, origin: (x: Double, y: Double), cellSize: Double) {
        func short(_ label: String) -> String {
            let last = label.split(separator: " ").last.map(String.init) ?? label
            return String(last.split(separator: ".", omittingEmptySubsequences: true).first ?? Substring(last))
        }
        let glyphHeight = Double(BitmapFont.glyphHeight) * fontPixel
        for row in Set([0, panel.rowLabels.count / 2, panel.rowLabels.count - 1]).sorted() {
            let text = short(panel.rowLabels[row])
            picture.add(
                .text(
                    text, x: origin.x - 3 - Double(BitmapFont.width(of: text)) * fontPixel,
                    y: origin.y + Double(row) * cellSize + ((cellSize - glyphHeight) / 2).rounded(.down), pixelSize: fontPixel, .black))
        }
        let gridBottom = origin.y + Double(panel.rowLabels.count) * cellSize
        for column in Set([0, panel.columnLabels.count / 2, panel.columnLabels.count - 1]).sorted() {
            let text = short(panel.columnLabels[column])
            let centre = origin.x + (Double(column) + 0.5) * cellSize
            picture.add(
                .text(
                    text, x: (centre - Double(BitmapFont.width(of: text)) * fontPixel / 2).rounded(.down), y: gridBottom + 2,
                    pixelSize: fontPixel, .black))
        }
    }

    /// A question mark in the middle of a cell whose actions tie for the best value.
    static func addTieMark(_ picture: inout Scene, x: Double, y: Double, size: Double) {
        let pixel = max(1, (size / 10).rounded(.down))
        let width = Double(BitmapFont.glyphWidth) * pixel, height = Double(BitmapFont.glyphHeight) * pixel
        picture.add(
            .text(
                "?", x: x + ((size - width) / 2).rounded(.down), y: y + ((size - height) / 2).rounded(.down), pixelSize: pixel, arrowColour)
        )
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

    /// `title` broken at spaces into lines no wider than `width` pixels (a word wider than the
    /// line is cut to fit).
    static func wrappedTitle(_ title: String, width: Double) -> [String] {
        let characters = max(1, Int((width + Double(BitmapFont.spacing)) / Double(BitmapFont.glyphWidth + BitmapFont.spacing)))
        var lines: [String] = [], line = ""
        for word in title.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if candidate.count <= characters {
                line = candidate
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = String(word)
            while line.count > characters {
                lines.append(String(line.prefix(characters)))
                line = String(line.dropFirst(characters))
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
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
