import RLRender

/// The learning-curve picture of `rl plot`: return per episode above, steps per episode below,
/// each with its raw values (light), their moving average (dark) and the greedy evaluations
/// (orange dots), with axes, ticks and labels.
public enum LearningCurveChart {
    public static let rawColour = RGBA(190, 205, 230)
    public static let averageColour = RGBA(20, 70, 160)
    public static let evaluationColour = RGBA(230, 120, 20)
    public static let axisColour = RGBA.black
    public static let gridColour = RGBA(235, 235, 235)
    /// Pixels per font pixel of label text: the 5 × 7 bitmap font at 10 × 14 pixels.
    public static let fontPixel = 2.0
    static let textHeight = Double(BitmapFont.glyphHeight) * fontPixel
    static func textWidth(_ text: String) -> Double { Double(BitmapFont.width(of: text)) * fontPixel }

    /// Where a panel's plot area lies, in pixels.
    public struct Frame: Sendable, Equatable {
        public var x, y, width, height: Double
    }

    /// The two plot areas of a chart of `width` × `height`.
    public static func frames(width: Int, height: Int) -> [Frame] {
        let left = 70.0, right = 40.0, top = 60.0, gap = 60.0, bottom = 50.0
        let panelHeight = (Double(height) - top - gap - bottom) / 2
        let plotWidth = Double(width) - left - right
        return [
            Frame(x: left, y: top, width: plotWidth, height: panelHeight),
            Frame(x: left, y: top + panelHeight + gap, width: plotWidth, height: panelHeight),
        ]
    }

    /// The chart as a picture.
    /// - Precondition: the curve has at least one episode; `window > 0`; the size is at least 300 × 300.
    public static func picture(_ curve: LearningCurve, window: Int, width: Int = 1000, height: Int = 700, title: String = "Learning curve")
        -> Scene
    {
        precondition(!curve.episodes.isEmpty && window > 0 && width >= 300 && height >= 300)
        var picture = Scene(width: Double(width), height: Double(height), background: .white)
        picture.add(
            .text(
                title + " - moving average over \(window) episodes, dots = greedy evaluations",
                x: 70, y: 10, pixelSize: fontPixel, .black))
        let frames = frames(width: width, height: height)
        let episodes = curve.episodes.map(Double.init)
        drawPanel(
            &picture, frames[0], label: "return", episodes: episodes, values: curve.returns,
            average: movingAverage(curve.returns, window: window),
            evaluations: curve.evaluations.map { (Double($0.episode), $0.meanReturn) })
        drawPanel(
            &picture, frames[1], label: "steps", episodes: episodes, values: curve.steps,
            average: movingAverage(curve.steps, window: window),
            evaluations: curve.evaluations.map { (Double($0.episode), $0.meanSteps) })
        picture.add(
            .text(
                "episode", x: frames[1].x + (frames[1].width - textWidth("episode")) / 2, y: Double(height) - textHeight - 6,
                pixelSize: fontPixel, .black))
        return picture
    }

    static func drawPanel(
        _ picture: inout Scene, _ frame: Frame, label: String, episodes: [Double], values: [Double],
        average: [Double], evaluations: [(Double, Double)]
    ) {
        let xLow = episodes.min()!, xHigh = max(episodes.max()!, xLow + 1)
        let allValues = values + evaluations.map(\.1)
        var yLow = allValues.min()!, yHigh = allValues.max()!
        if yHigh - yLow < 1e-9 { yLow -= 1; yHigh += 1 }
        let padding = (yHigh - yLow) * 0.05
        yLow -= padding; yHigh += padding
        func px(_ episode: Double) -> Double { frame.x + (episode - xLow) / (xHigh - xLow) * frame.width }
        func py(_ value: Double) -> Double { frame.y + frame.height - (value - yLow) / (yHigh - yLow) * frame.height }

        // Grid and ticks.
        for tick in niceTicks(from: yLow, to: yHigh) {
            let y = py(tick)
            picture.add(.line(fromX: frame.x, fromY: y, toX: frame.x + frame.width, toY: y, gridColour))
            picture.add(.line(fromX: frame.x - 5, fromY: y, toX: frame.x, toY: y, axisColour))
            let text = formatNumber(tick)
            picture.add(.text(text, x: frame.x - 8 - textWidth(text), y: y - textHeight / 2, pixelSize: fontPixel, axisColour))
        }
        // Episodes are whole numbers: never a tick between two of them.
        for tick in niceTicks(from: xLow, to: xHigh, minimumStep: 1) {
            let x = px(tick)
            picture.add(.line(fromX: x, fromY: frame.y + frame.height, toX: x, toY: frame.y + frame.height + 5, axisColour))
            let text = formatNumber(tick)
            picture.add(.text(text, x: x - textWidth(text) / 2, y: frame.y + frame.height + 8, pixelSize: fontPixel, axisColour))
        }

        // Raw values: one light bar per pixel column, from the column's lowest to highest value,
        // so that thousands of episodes cost a few hundred shapes.
        let columns = max(1, Int(frame.width))
        var lows = Array(repeating: Double.infinity, count: columns)
        var highs = Array(repeating: -Double.infinity, count: columns)
        for (episode, value) in zip(episodes, values) {
            let column = min(columns - 1, max(0, Int(px(episode) - frame.x)))
            lows[column] = min(lows[column], value)
            highs[column] = max(highs[column], value)
        }
        for column in 0..<columns where lows[column] <= highs[column] {
            let top = py(highs[column]), bottom = py(lows[column])
            picture.add(.rectangle(Rect(x: frame.x + Double(column), y: top, width: 1, height: max(1, bottom - top)), rawColour))
        }

        // The moving average, as a polyline thinned to about one point per pixel column.
        let stride = max(1, episodes.count / columns)
        var points = Swift.stride(from: 0, to: episodes.count, by: stride).map { (px(episodes[$0]), py(average[$0])) }
        if let last = episodes.indices.last, stride > 1 || points.count < 2 { points.append((px(episodes[last]), py(average[last]))) }
        for (from, to) in zip(points, points.dropFirst()) {
            // Two strokes a pixel apart: a thicker line than the grid's.
            picture.add(.line(fromX: from.0, fromY: from.1, toX: to.0, toY: to.1, averageColour))
            picture.add(.line(fromX: from.0, fromY: from.1 + 1, toX: to.0, toY: to.1 + 1, averageColour))
        }

        for (episode, value) in evaluations {
            picture.add(.circle(centerX: px(episode), centerY: py(value), radius: 3.5, evaluationColour))
        }

        // Axes last, on top.
        picture.add(.line(fromX: frame.x, fromY: frame.y, toX: frame.x, toY: frame.y + frame.height, axisColour))
        picture.add(
            .line(fromX: frame.x, fromY: frame.y + frame.height, toX: frame.x + frame.width, toY: frame.y + frame.height, axisColour))
        picture.add(.text(label + " per episode", x: frame.x + 6, y: frame.y - textHeight - 6, pixelSize: fontPixel, .black))
    }
}
