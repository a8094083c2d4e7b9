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
        var picture = Scene(width: Double(width), height: Double(panelHeight * max(result.panels.count, 1)), background: .white)
        for (index, panel) in result.panels.enumerated() {
            let declared = figure.panels[index]
            if let grid = declared.grid {
                let title = index == 0 ? "\(figure.heading): \(figure.title)" : panel.title
                picture.items += grids(panel, rows: grid.rows, columns: grid.columns, title: title).map {
                    $0.offset(x: 0, y: Double(index * panelHeight))
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
                title: title, xLabel: panel.xLabel, yLabel: panel.yLabel, yRange: declared.yRange, errorBars: study,
                logarithmicX: declared.xScale == .logarithmic2, bands: false, width: width, height: panelHeight)
            let top = Double(index * panelHeight)
            picture.items += chart.items.map { $0.offset(x: 0, y: top) }
        }
        return picture
    }

    /// A panel whose series are tables (Figure 4.1): each series a grid of its values to one
    /// decimal, under its label, three grids to a row.
    static func grids(_ panel: BookResult.Panel, rows: Int, columns: Int, title: String) -> [SceneItem] {
        let font = 2.0, glyph = Double(BitmapFont.glyphHeight) * font
        func textWidth(_ text: String) -> Double { Double(BitmapFont.width(of: text)) * font }
        var items: [SceneItem] = [.text(title, x: 40, y: 12, pixelSize: font, .black)]
        items.append(.text(panel.yLabel, x: 40, y: 12 + glyph + 8, pixelSize: font, .black))
        // Wide enough for "-20.0" (58 pixels), low enough for two rows of 4 × 4 grids.
        let cell = 70.0, cellHeight = 52.0, perRow = 3
        let gridWidth: Double = cell * Double(columns)
        let room: Double = Double(Self.width) - 80 - gridWidth * Double(perRow)
        let gap: Double = room / Double(perRow - 1)
        for (index, series) in panel.series.enumerated() {
            let left = 40 + Double(index % perRow) * (gridWidth + gap)
            let top = 80 + Double(index / perRow) * (cellHeight * Double(rows) + 60)
            items.append(.text(series.label, x: left, y: top - glyph - 8, pixelSize: font, .black))
            for row in 0..<rows {
                for column in 0..<columns {
                    let x = left + Double(column) * cell, y = top + Double(row) * cellHeight
                    let position = row * columns + column
                    guard position < series.y.count else { continue }
                    let text = fixed(series.y[position], 1)
                    items.append(.text(text, x: x + (cell - textWidth(text)) / 2, y: y + (cellHeight - glyph) / 2, pixelSize: font, .black))
                }
            }
            for line in 0...rows {
                let y = top + Double(line) * cellHeight
                items.append(.line(fromX: left, fromY: y, toX: left + gridWidth, toY: y, .black))
            }
            for line in 0...columns {
                let x = left + Double(line) * cell
                items.append(.line(fromX: x, fromY: top, toX: x, toY: top + cellHeight * Double(rows), .black))
            }
        }
        return items
    }
}
