import RLApp
import RLRender

extension BookPanel {
    /// A panel that is one grid of categories (Figure 10.5's policy: accept or reject in each
    /// cell), drawn as the book draws a policy: each cell filled with its category's colour and
    /// mark. Its series are the categories, one each, labelled by the category's name: each run
    /// gives 1 in the cells that are in that category and 0 elsewhere, so a series' mean is the
    /// share of runs in which each cell is in its category, and a cell is drawn in the category
    /// most runs gave it (the first listed, on a tie). The cells go row by row, as a grid panel's.
    public struct Categories: Sendable {
        /// One category: its series' label, the short mark written in its cells, and its colour.
        public struct Category: Sendable {
            public var name: String
            public var mark: String
            public var colour: RGBA
            public init(_ name: String, mark: String, colour: RGBA) {
                self.name = name
                self.mark = mark
                self.colour = colour
            }
        }

        public var rows: Int
        public var columns: Int
        /// In the legend's order, which is also the order that breaks a tie between shares.
        public var categories: [Category]
        /// Each row's label, left of it; each column's, below it.
        public var rowLabels: [String]
        public var columnLabels: [String]
        /// What the rows and columns are (`priority`, `free servers`).
        public var rowTitle: String
        public var columnTitle: String

        public init(
            rows: Int, columns: Int, categories: [Category], rowLabels: [String], columnLabels: [String], rowTitle: String,
            columnTitle: String
        ) {
            self.rows = rows
            self.columns = columns
            self.categories = categories
            self.rowLabels = rowLabels
            self.columnLabels = columnLabels
            self.rowTitle = rowTitle
            self.columnTitle = columnTitle
        }
    }

    /// A panel of categories, one series per category (``Categories``).
    public static func categorical(title: String, _ categories: Categories) -> BookPanel {
        var panel = BookPanel(
            title: title, xLabel: "cell, row by row", yLabel: "share of runs in the category", series: categories.categories.map(\.name))
        panel.categories = categories
        return panel
    }
}

/// What `rl book --json` says of a categorical panel beside its series (docs/BOOK.md): the
/// grid's shape and labels, and the categories in order.
public struct BookCategoricalShape: Sendable, Encodable {
    public var rows: Int
    public var columns: Int
    public var rowLabels: [String]
    public var columnLabels: [String]
    public var rowTitle: String
    public var columnTitle: String
    public var categories: [String]

    init(_ categories: BookPanel.Categories) {
        rows = categories.rows
        columns = categories.columns
        rowLabels = categories.rowLabels
        columnLabels = categories.columnLabels
        rowTitle = categories.rowTitle
        columnTitle = categories.columnTitle
        self.categories = categories.categories.map(\.name)
    }
}

/// The picture of a categorical panel: its title, the grid with its row and column labels, and
/// a legend of the categories.
enum BookCategoricalGrid {
    static let font = 2.0
    static var glyph: Double { Double(BitmapFont.glyphHeight) * font }
    static func textWidth(_ text: String) -> Double { Double(BitmapFont.width(of: text)) * font }

    /// The category drawn in each cell: the one with the largest share of runs.
    static func winners(_ panel: BookResult.Panel, _ categories: BookPanel.Categories) -> [Int] {
        let cells = categories.rows * categories.columns
        let shares = categories.categories.map { category in
            panel.series.first { $0.label == category.name }?.y ?? Array(repeating: 0, count: cells)
        }
        return (0..<cells).map { cell in
            var best = 0
            for index in shares.indices where cell < shares[index].count && shares[index][cell] > shares[best][cell] { best = index }
            return best
        }
    }

    /// The panel's items, placed where panel `index` of the figure's picture goes (one panel
    /// height each, as ``BookChart`` places every panel); the first panel carries the figure's
    /// number and caption.
    /// The grid in text for `rl book`'s summary: a line per row, the marks of its cells.
    static func summary(_ panel: BookResult.Panel, _ categories: BookPanel.Categories) -> [String] {
        let winners = winners(panel, categories)
        let legend = categories.categories.map { "\($0.mark) \($0.name)" }.joined(separator: ", ")
        let labelWidth = max(categories.rowTitle.count, categories.rowLabels.map(\.count).max() ?? 0) + 2
        let cellWidth = (categories.columnLabels.map(\.count).max() ?? 1) + 1
        var lines = [
            "  \(panel.title) (\(legend)):",
            "    " + categories.rowTitle.padded(to: labelWidth)
                + categories.columnLabels.map { String(repeating: " ", count: cellWidth - $0.count) + $0 }.joined()
                + "  (\(categories.columnTitle.lowercased()))",
        ]
        for row in 0..<categories.rows {
            let marks = (0..<categories.columns).map { column in
                let mark = categories.categories[winners[row * categories.columns + column]].mark
                return String(repeating: " ", count: max(0, cellWidth - mark.count)) + mark
            }
            let label = row < categories.rowLabels.count ? categories.rowLabels[row] : ""
            lines.append("    " + label.padded(to: labelWidth) + marks.joined())
        }
        return lines
    }

    static func items(_ panel: BookResult.Panel, categories: BookPanel.Categories, figure: BookFigure, index: Int) -> [SceneItem] {
        let title =
            index == 0 ? "\(figure.heading): \(figure.title)" + (panel.title.isEmpty ? "" : " - \(panel.title)") : panel.title
        let top = Double(index * BookChart.panelHeight)
        return items(panel, categories: categories, title: title).map { $0.offset(x: 0, y: top) }
    }

    static func items(_ panel: BookResult.Panel, categories: BookPanel.Categories, title: String) -> [SceneItem] {
        var items: [SceneItem] = []
        let width = Double(BookChart.width), height = Double(BookChart.panelHeight)
        let lines = BookChart.wrap(title, width: width - 80, textWidth: textWidth).prefix(3)
        for (line, text) in lines.enumerated() {
            items.append(.text(text, x: 40, y: 12 + Double(line) * (glyph + 6), pixelSize: font, .black))
        }
        // The grid as large as fits between the title and the labels and legend below it.
        let rowLabelWidth = (categories.rowLabels.map(textWidth).max() ?? 0) + 16
        let top = 40 + Double(lines.count) * (glyph + 6) + glyph + 8
        let below = 3 * (glyph + 10) + 40
        let cell = min(80, (width - 160 - rowLabelWidth) / Double(categories.columns))
        let cellHeight = min(70, (height - top - below) / Double(categories.rows))
        let gridWidth = cell * Double(categories.columns), gridHeight = cellHeight * Double(categories.rows)
        let left = (width - gridWidth + rowLabelWidth) / 2
        items.append(.text(categories.rowTitle, x: left - rowLabelWidth, y: top - glyph - 8, pixelSize: font, .black))
        let winners = winners(panel, categories)
        for row in 0..<categories.rows {
            let y = top + Double(row) * cellHeight
            for column in 0..<categories.columns {
                let x = left + Double(column) * cell
                let category = categories.categories[winners[row * categories.columns + column]]
                items.append(.rectangle(Rect(x: x, y: y, width: cell, height: cellHeight), category.colour))
                items.append(
                    .text(
                        category.mark, x: x + (cell - textWidth(category.mark)) / 2, y: y + (cellHeight - glyph) / 2, pixelSize: font,
                        .black))
            }
            if row < categories.rowLabels.count {
                let label = categories.rowLabels[row]
                items.append(.text(label, x: left - 10 - textWidth(label), y: y + (cellHeight - glyph) / 2, pixelSize: font, .black))
            }
        }
        for line in 0...categories.rows {
            let y = top + Double(line) * cellHeight
            items.append(.line(fromX: left, fromY: y, toX: left + gridWidth, toY: y, .black))
        }
        for line in 0...categories.columns {
            let x = left + Double(line) * cell
            items.append(.line(fromX: x, fromY: top, toX: x, toY: top + gridHeight, .black))
        }
        for (column, label) in categories.columnLabels.prefix(categories.columns).enumerated() {
            let x = left + Double(column) * cell
            items.append(.text(label, x: x + (cell - textWidth(label)) / 2, y: top + gridHeight + 8, pixelSize: font, .black))
        }
        let columnTitleY = top + gridHeight + glyph + 20
        items.append(
            .text(
                categories.columnTitle, x: left + (gridWidth - textWidth(categories.columnTitle)) / 2, y: columnTitleY, pixelSize: font,
                .black))
        // The legend: a swatch with its mark, and the name, for each category.
        var x = left
        let legendY = columnTitleY + glyph + 20
        for category in categories.categories {
            let swatch = glyph + 10
            items.append(.rectangle(Rect(x: x, y: legendY, width: swatch * 1.6, height: swatch), category.colour))
            items.append(
                .text(category.mark, x: x + (swatch * 1.6 - textWidth(category.mark)) / 2, y: legendY + 5, pixelSize: font, .black))
            items.append(.text(category.name, x: x + swatch * 1.6 + 8, y: legendY + 5, pixelSize: font, .black))
            x += swatch * 1.6 + 8 + textWidth(category.name) + 30
        }
        return items
    }
}
