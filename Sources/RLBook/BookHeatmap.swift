import RLApp
import RLRender

extension BookPanel {
    /// A panel that draws each of its series as a heatmap (Figure 10.1's cost-to-go over
    /// position × velocity): a series' points are the values of a `rows` × `columns` grid, row by
    /// row, row 0 at the top (the high end of `yRange`), column 0 at the left (the low end of
    /// `xRange`), each the value at its cell's centre; its x values are the cells' indices,
    /// 0..<rows × columns. Each heatmap has its own colour scale, from its lowest value to its
    /// highest, drawn under it with its ends and `valueLabel`.
    public struct Heatmap: Sendable, Encodable {
        public var rows: Int
        public var columns: Int
        /// What the columns span, left to right, and the rows, bottom to top.
        public var xRange: ClosedRange<Double>
        public var yRange: ClosedRange<Double>
        /// What the values are (`cost-to-go`), beside the colour scale.
        public var valueLabel: String

        public init(rows: Int, columns: Int, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, valueLabel: String) {
            self.rows = rows
            self.columns = columns
            self.xRange = xRange
            self.yRange = yRange
            self.valueLabel = valueLabel
        }

        /// The centre of each cell, in x order: (x, y) of cell `row × columns + column`.
        public var centres: [(x: Double, y: Double)] {
            (0..<rows).flatMap { row in
                let y = yRange.upperBound - (Double(row) + 0.5) / Double(rows) * (yRange.upperBound - yRange.lowerBound)
                return (0..<columns).map { column in
                    (xRange.lowerBound + (Double(column) + 0.5) / Double(columns) * (xRange.upperBound - xRange.lowerBound), y)
                }
            }
        }

        /// The index (the x value) of the cell holding a point.
        public func cell(x: Double, y: Double) -> Int {
            func index(_ value: Double, _ range: ClosedRange<Double>, _ count: Int) -> Int {
                min(count - 1, max(0, Int((value - range.lowerBound) / (range.upperBound - range.lowerBound) * Double(count))))
            }
            return (rows - 1 - index(y, yRange, rows)) * columns + index(x, xRange, columns)
        }
    }
}

extension BookChart {
    /// Heatmaps to a row of the picture.
    static let heatmapsPerRow = 2
    /// The side of a heatmap's plot, in pixels.
    static let heatmapSide = 250.0
    /// Room above the heatmaps for the panel's title, in two lines.
    static let heatmapHeader = 60.0

    /// The height of a panel: a heatmap panel's grows with its heatmaps; every other is
    /// ``panelHeight``.
    static func height(of panel: BookPanel, series: Int) -> Double {
        guard let heatmap = panel.heatmap else { return Double(panelHeight) }
        let rows = (series + heatmapsPerRow - 1) / heatmapsPerRow
        let zeros = ValueGrid(costToGo: Array(repeating: Array(repeating: 0, count: heatmap.columns), count: heatmap.rows), greedy: [])
        return heatmapHeader + Double(rows) * heatmapPicture(zeros, heatmap, title: "", xName: "", yName: "").height
    }

    /// A heatmap panel: each series drawn by `rl inspect --heatmap`'s ``ValueHeatmap``, under its
    /// label, two to a row.
    static func heatmaps(_ panel: BookResult.Panel, _ heatmap: BookPanel.Heatmap, title: String) -> [SceneItem] {
        // The title in two lines at most, above the heatmaps.
        let textWidth = { (text: String) in Double(BitmapFont.width(of: text)) * 2 }
        var items: [SceneItem] = wrap(title, width: Double(width) - 80, textWidth: textWidth).prefix(2).enumerated().map { line, text in
            .text(text, x: 40, y: 12 + Double(line) * (Double(BitmapFont.glyphHeight) * 2 + 6), pixelSize: 2, .black)
        }
        let columnWidth = Double(width) / Double(heatmapsPerRow)
        for (index, series) in panel.series.enumerated() {
            let rows = (0..<heatmap.rows).map { row in
                Array(series.y[row * heatmap.columns..<min(series.y.count, (row + 1) * heatmap.columns)])
            }
            let picture = heatmapPicture(
                ValueGrid(costToGo: rows, greedy: []), heatmap, title: series.label, xName: panel.xLabel, yName: panel.yLabel)
            let left = Double(index % heatmapsPerRow) * columnWidth
            let top = heatmapHeader + Double(index / heatmapsPerRow) * picture.height
            items += picture.items.map { $0.offset(x: left, y: top) }
        }
        return items
    }

    static func heatmapPicture(_ grid: ValueGrid, _ heatmap: BookPanel.Heatmap, title: String, xName: String, yName: String) -> Scene {
        ValueHeatmap.picture(
            grid, title: title, note: "", xName: xName, xRange: heatmap.xRange, yName: yName, yRange: heatmap.yRange,
            cellSize: (heatmapSide / Double(max(heatmap.rows, heatmap.columns))).rounded(.down), scaleName: heatmap.valueLabel)
    }
}
