import RLApp
import RLRender

/// A figure as one picture: its panels one above the other, each a ``BandChart`` with the book's
/// axes, scales and legend text, under the figure's number and caption.
public enum BookChart {
    public static let width = 1000
    /// The height of one panel.
    public static let panelHeight = 600
    /// A series of at most this many points is a parameter study: its points are marked.
    static let maximumStudyPoints = 20

    public static func picture(_ result: BookResult, figure: BookFigure) -> Scene {
        // Each panel's top: a heatmap panel is as tall as its heatmaps, every other panelHeight.
        let heights = zip(figure.panels, result.panels).map { height(of: $0, series: $1.series.count) }
        let tops = heights.indices.map { heights[..<$0].reduce(0, +) }
        var picture = Scene(width: Double(width), height: max(heights.reduce(0, +), Double(panelHeight)), background: .white)
        for (index, panel) in result.panels.enumerated() {
            let declared = figure.panels[index]
            if let heatmap = declared.heatmap {
                let title =
                    index == 0 ? "\(figure.heading): \(figure.title)" + (panel.title.isEmpty ? "" : " - \(panel.title)") : panel.title
                picture.items += heatmaps(panel, heatmap, title: title).map { $0.offset(x: 0, y: tops[index]) }
                continue
            }
            if let categories = declared.categories {
                picture.items += BookCategoricalGrid.items(panel, categories: categories, figure: figure, index: index)
                continue
            }
            if let grid = declared.grid {
                let labelled = declared.cells.rowLabels != nil || declared.cells.columnLabels != nil
                let title =
                    index == 0
                    ? "\(figure.heading): \(figure.title)" + (labelled && !panel.title.isEmpty ? " - \(panel.title)" : "")
                    : panel.title
                picture.items += grids(panel, rows: grid.rows, columns: grid.columns, cells: declared.cells, title: title).map {
                    $0.offset(x: 0, y: tops[index])
                }
                continue
            }
            // The first panel carries the figure's number and caption; the others their own title.
            let title =
                index == 0
                ? "\(figure.heading): \(figure.title)" + (panel.title.isEmpty ? "" : " - \(panel.title)")
                : panel.title
            // A parameter study's few points are marked, with a bar of ± one standard error; a
            // curve of many points is drawn as the book draws it, a line.
            let study = panel.series.allSatisfy { $0.x.count <= maximumStudyPoints }
            let chart = BandChart.picture(
                panel.series.map { series in
                    let error = study ? series.standardError : Array(repeating: 0, count: series.y.count)
                    return BandChart.Series(
                        label: series.label, x: series.x, y: series.y, low: zip(series.y, error).map { $0 - $1 },
                        high: zip(series.y, error).map { $0 + $1 })
                },
                title: title, xLabel: panel.xLabel, yLabel: panel.yLabel, logarithmicY: declared.yScale != .linear,
                yRange: declared.yRange, errorBars: study,
                logarithmicX: declared.xScale == .logarithmic2, bands: false, width: width, height: panelHeight,
                logarithmicXInPowersOfTen: declared.xScale == .logarithmic10)
            picture.items += chart.items.map { $0.offset(x: 0, y: tops[index]) }
        }
        return picture
    }

    /// A panel whose series are tables (Figure 4.1, Figure 5.1): each series a grid of its values
    /// under its label, as many grids to a row as fit (at most three), cells as `cells` says.
    static func grids(_ panel: BookResult.Panel, rows: Int, columns: Int, cells: BookPanel.Cells, title: String) -> [SceneItem] {
        let font = 2.0, glyph = Double(BitmapFont.glyphHeight) * font
        func textWidth(_ text: String) -> Double { Double(BitmapFont.width(of: text)) * font }
        // Room left of a grid for its rows' labels, and above it for its columns'.
        let labelled = cells.rowLabels != nil || cells.columnLabels != nil
        var items: [SceneItem] = []
        if labelled {
            // The title, wrapped to two lines at most, says what the panel is: no y label below it.
            for (line, text) in wrap(title, width: Double(Self.width) - 80, textWidth: textWidth).prefix(2).enumerated() {
                items.append(.text(text, x: 40, y: 12 + Double(line) * (glyph + 6), pixelSize: font, .black))
            }
        } else {
            items.append(.text(title, x: 40, y: 12, pixelSize: font, .black))
            items.append(.text(panel.yLabel, x: 40, y: 12 + glyph + 8, pixelSize: font, .black))
        }
        let rowLabelWidth = cells.rowLabels.map { labels in (labels.map(textWidth).max() ?? 0) + 12 } ?? 0
        let header = cells.columnLabels == nil ? 0 : glyph + 6
        let cell = cells.width, cellHeight = cells.height
        let gridWidth: Double = rowLabelWidth + cell * Double(columns)
        let perRow = max(1, min(3, Int((Double(Self.width) - 80 + 40) / (gridWidth + 40))))
        let room: Double = Double(Self.width) - 80 - gridWidth * Double(perRow)
        let gap: Double = perRow > 1 ? room / Double(perRow - 1) : 0
        let firstTop = labelled ? 100.0 : 80.0, between = labelled ? 70.0 : 60.0
        for (index, series) in panel.series.enumerated() {
            let outer = 40 + Double(index % perRow) * (gridWidth + gap)
            let left = outer + rowLabelWidth
            let top = firstTop + Double(index / perRow) * (cellHeight * Double(rows) + between)
            items.append(.text(series.label, x: outer, y: top - header - glyph - 8, pixelSize: font, .black))
            if !cells.columnTitle.isEmpty {
                let text = cells.columnTitle
                items.append(
                    .text(text, x: left + cell * Double(columns) - textWidth(text), y: top - header - glyph - 8, pixelSize: font, .black))
            }
            for row in 0..<rows {
                for column in 0..<columns {
                    let x = left + Double(column) * cell, y = top + Double(row) * cellHeight
                    let position = row * columns + column
                    guard position < series.y.count else { continue }
                    let value = series.y[position]
                    if let shading = cells.shading {
                        items.append(.rectangle(Rect(x: x, y: y, width: cell, height: cellHeight), shade(value, shading)))
                    }
                    let text = cells.text(series.label, value)
                    items.append(.text(text, x: x + (cell - textWidth(text)) / 2, y: y + (cellHeight - glyph) / 2, pixelSize: font, .black))
                }
                if let labels = cells.rowLabels, row < labels.count {
                    let y = top + Double(row) * cellHeight
                    items.append(
                        .text(labels[row], x: left - 8 - textWidth(labels[row]), y: y + (cellHeight - glyph) / 2, pixelSize: font, .black))
                }
            }
            for (column, label) in (cells.columnLabels ?? []).enumerated() where column < columns {
                let x = left + Double(column) * cell
                items.append(.text(label, x: x + (cell - textWidth(label)) / 2, y: top - header, pixelSize: font, .black))
            }
            for line in 0...rows {
                let y = top + Double(line) * cellHeight
                items.append(.line(fromX: left, fromY: y, toX: left + cell * Double(columns), toY: y, .black))
            }
            for line in 0...columns {
                let x = left + Double(line) * cell
                items.append(.line(fromX: x, fromY: top, toX: x, toY: top + cellHeight * Double(rows), .black))
            }
            if !cells.rowTitle.isEmpty {
                items.append(.text(cells.rowTitle, x: outer, y: top + cellHeight * Double(rows) + 6, pixelSize: font, .black))
            }
        }
        return items
    }

    /// `text` in lines no wider than `width`, broken between words.
    static func wrap(_ text: String, width: Double, textWidth: (String) -> Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let longer = line.isEmpty ? String(word) : line + " " + word
            if textWidth(longer) > width && !line.isEmpty {
                lines.append(line)
                line = String(word)
            } else {
                line = longer
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Light red at the range's low end, white in its middle, light green at its high end: dark
    /// enough to read, light enough for black text.
    static func shade(_ value: Double, _ range: ClosedRange<Double>) -> RGBA {
        let middle = (range.lowerBound + range.upperBound) / 2, half = (range.upperBound - range.lowerBound) / 2
        let position = max(-1, min(1, (value - middle) / half))
        let strength = abs(position) * 0.6
        let toward = position < 0 ? RGBA(230, 80, 70) : RGBA(60, 170, 90)
        return toward.mixed(with: .white, 1 - strength)
    }
}
