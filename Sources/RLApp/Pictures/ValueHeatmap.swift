import Foundation
import RLRender

/// The picture of `rl inspect --heatmap` for a linear policy: its cost-to-go (−maxₐ q̂) over two
/// coordinates, as Sutton & Barto's Figure 10.1 draws Mountain Car's, one cell per sample (dark
/// where the cost is low, light where it is high), with the axes' ranges and a colour scale.
public enum ValueHeatmap {
    static let fontPixel = 2.0
    static let textHeight = Double(BitmapFont.glyphHeight) * fontPixel
    static func textWidth(_ text: String) -> Double { Double(BitmapFont.width(of: text)) * fontPixel }
    /// The scale from the lowest cost (dark blue) to the highest (light yellow), as a viridis-like ramp.
    static let ramp = [RGBA(68, 1, 84), RGBA(59, 82, 139), RGBA(33, 145, 140), RGBA(94, 201, 98), RGBA(253, 231, 37)]

    /// The colour of a position in 0...1 on the ramp.
    public static func colour(atPosition position: Double) -> RGBA {
        let clamped = min(max(position.isFinite ? position : 0, 0), 1) * Double(ramp.count - 1)
        let index = min(Int(clamped), ramp.count - 2)
        return ramp[index].mixed(with: ramp[index + 1], clamped - Double(index))
    }

    /// The grid as a picture of `cellSize` pixels per sample.
    /// - Parameters:
    ///   - xName, yName: the coordinates' names; `xRange`, `yRange`: what the grid spans.
    ///   - note: a line under the title (the coordinates held fixed).
    ///   - scaleName: what the colours stand for, beside the scale.
    public static func picture(
        _ grid: ValueGrid, title: String, note: String, xName: String, xRange: ClosedRange<Double>,
        yName: String, yRange: ClosedRange<Double>, cellSize: Double = 8, scaleName: String = "cost-to-go"
    ) -> Scene {
        let rows = grid.costToGo.count, columns = grid.costToGo.first?.count ?? 0
        let left = 90.0, top = 20 + 3 * (textHeight + 8)
        let plotWidth = Double(columns) * cellSize, plotHeight = Double(rows) * cellSize
        let width = max(
            left + plotWidth + 40, left + min(plotWidth, 300) + 12 + textWidth(scaleName) + 20,
            20 + max(textWidth(title), textWidth(note)) + 20)
        let height = top + plotHeight + 3 * (textHeight + 10) + 40 + textHeight
        var picture = Scene(width: width.rounded(.up), height: height.rounded(.up), background: .white)
        picture.add(.text(title, x: 20, y: 12, pixelSize: fontPixel, .black))
        picture.add(.text(note, x: 20, y: 12 + textHeight + 8, pixelSize: fontPixel, RGBA(80, 80, 80)))

        let values = grid.costToGo.flatMap { $0 }.filter(\.isFinite)
        let lowest = values.min() ?? 0, highest = max(values.max() ?? 1, lowest + 1e-12)
        for (row, costs) in grid.costToGo.enumerated() {
            for (column, cost) in costs.enumerated() {
                let rect = Rect(x: left + Double(column) * cellSize, y: top + Double(row) * cellSize, width: cellSize, height: cellSize)
                picture.add(.rectangle(rect, colour(atPosition: (cost - lowest) / (highest - lowest))))
            }
        }
        // Axes: the ends of each range, and the names.
        let bottom = top + plotHeight
        picture.add(.line(fromX: left, fromY: bottom, toX: left + plotWidth, toY: bottom, .black))
        picture.add(.line(fromX: left, fromY: top, toX: left, toY: bottom, .black))
        let xLow = compact(xRange.lowerBound), xHigh = compact(xRange.upperBound)
        picture.add(.text(xLow, x: left, y: bottom + 6, pixelSize: fontPixel, .black))
        picture.add(.text(xHigh, x: left + plotWidth - textWidth(xHigh), y: bottom + 6, pixelSize: fontPixel, .black))
        // The name on its own line, under the range's ends, so neither covers the other.
        picture.add(.text(xName, x: left + (plotWidth - textWidth(xName)) / 2, y: bottom + textHeight + 12, pixelSize: fontPixel, .black))
        let yLow = compact(yRange.lowerBound), yHigh = compact(yRange.upperBound)
        picture.add(.text(yHigh, x: left - 6 - textWidth(yHigh), y: top, pixelSize: fontPixel, .black))
        picture.add(.text(yLow, x: left - 6 - textWidth(yLow), y: bottom - textHeight, pixelSize: fontPixel, .black))
        picture.add(.text(yName, x: left, y: top - textHeight - 6, pixelSize: fontPixel, .black))

        // The colour scale, with its ends.
        let scaleY = bottom + 2 * textHeight + 28, scaleWidth = min(plotWidth, 300)
        for step in 0..<100 {
            let rect = Rect(x: left + Double(step) * scaleWidth / 100, y: scaleY, width: scaleWidth / 100 + 1, height: 10)
            picture.add(.rectangle(rect, colour(atPosition: Double(step) / 99)))
        }
        let lowText = rounded(lowest), highText = rounded(highest)
        picture.add(.text(lowText, x: left, y: scaleY + 16, pixelSize: fontPixel, .black))
        picture.add(.text(highText, x: left + scaleWidth - textWidth(highText), y: scaleY + 16, pixelSize: fontPixel, .black))
        picture.add(.text(scaleName, x: left + scaleWidth + 12, y: scaleY - 2, pixelSize: fontPixel, .black))
        return picture
    }

    /// A range's end in at most four significant digits (0.2094, not 0.20943951023931953).
    static func compact(_ value: Double) -> String {
        guard value != 0, value.isFinite else { return formatNumber(value) }
        let digits = max(0, 3 - Int(log10(abs(value)).rounded(.down)))
        let scale = pow(10, Double(min(digits, 12)))
        return formatNumber((value * scale).rounded() / scale)
    }

    /// A value to one decimal, for labels.
    static func rounded(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? formatNumber(tenths) + ".0" : formatNumber(tenths)
    }
}
