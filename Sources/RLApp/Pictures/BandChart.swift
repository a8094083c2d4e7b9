import Foundation
import RLRender

/// A chart of several curves, each with a shaded confidence band and a legend line: what
/// `rl report` draws for learning curves and performance profiles.
public enum BandChart {
    /// One curve: its points, and the band's low and high at each.
    public struct Series: Sendable {
        public var label: String
        public var x: [Double]
        public var y: [Double]
        public var low: [Double]
        public var high: [Double]

        public init(label: String, x: [Double], y: [Double], low: [Double], high: [Double]) {
            self.label = label
            self.x = x
            self.y = y
            self.low = low
            self.high = high
        }
    }

    /// Distinct colours for eight curves; the next eight repeat them dashed, the eight after
    /// dotted (``dashPattern(ofSeries:)``), so 24 curves never look alike.
    public static let palette = [
        RGBA(20, 70, 160), RGBA(220, 90, 20), RGBA(30, 140, 60), RGBA(180, 30, 40),
        RGBA(120, 60, 170), RGBA(120, 80, 50), RGBA(210, 80, 160), RGBA(90, 90, 90),
    ]
    static let fontPixel = LearningCurveChart.fontPixel
    static let textHeight = Double(BitmapFont.glyphHeight) * fontPixel
    static func textWidth(_ text: String) -> Double { Double(BitmapFont.width(of: text)) * fontPixel }

    /// The chart as a picture. With `logarithmicY`, the y axis is logarithmic (Sutton & Barto's
    /// steps-per-episode figures), ticked at 1, 2 and 5 times the powers of ten. With `yRange`,
    /// the y axis spans exactly that range and values beyond it are drawn at its edge (the book's
    /// figures cut diverging runs off the same way). With `errorBars`, each point is marked and its
    /// band is a bar through it (a few points: a parameter study), not a shaded area (a curve).
    /// With `logarithmicX`, the x axis is in powers of two, ticked 1/4, 1/2, 1, 2 (Sutton & Barto's
    /// parameter studies); with `logarithmicXInPowersOfTen`, in powers of ten, ticked 1, 10, 100
    /// (episodes over several decades, Figures 5.3 and 5.4); without `bands`, only the curves are drawn.
    /// - Precondition: every series has as many points in each of its arrays, at least one; the size
    ///   is at least 300 × 300; with `logarithmicY`, every value is positive.
    public static func picture(
        _ series: [Series], title: String, xLabel: String, yLabel: String, logarithmicY: Bool = false,
        yRange: ClosedRange<Double>? = nil, errorBars: Bool = false, logarithmicX: Bool = false, bands: Bool = true,
        width: Int = 1000, height: Int = 700, logarithmicXInPowersOfTen: Bool = false
    ) -> Scene {
        precondition(!series.isEmpty && series.allSatisfy { !$0.x.isEmpty } && width >= 300 && height >= 300)
        precondition(yRange.map { $0.lowerBound < $0.upperBound && (!logarithmicY || $0.lowerBound > 0) } ?? true)
        // On a logarithmic axis the chart is drawn in log10 of the values, ticks labelled with the values.
        let scale: (Double) -> Double = logarithmicY ? { log10($0) } : { $0 }
        let scaleX: (Double) -> Double =
            logarithmicXInPowersOfTen ? { log10($0) } : logarithmicX ? { log2($0) } : { $0 }
        var picture = Scene(width: Double(width), height: Double(height), background: .white)
        // Long titles and labels wrap at the right edge instead of running off it.
        let titleLines = wrapped(title, width: Double(width) - 80)
        for (line, text) in titleLines.enumerated() {
            picture.add(.text(text, x: 70, y: 10 + Double(line) * (textHeight + 4), pixelSize: fontPixel, .black))
        }
        // A curve identical to an earlier one would hide under it: it is drawn a little lower, and says so.
        let twins = coincidences(series)
        let labelLines = series.indices.map { index in
            let label = twins[index].map {
                "\(series[index].label) (same curve as the \(ordinal($0.first + 1)), drawn \(Int(Self.twinShift) * $0.rank) px lower)"
            }
            return wrapped(label ?? series[index].label, width: Double(width) - 112 - 20)
        }
        let titleHeight = Double(titleLines.count - 1) * (textHeight + 4)
        let legendHeight = Double(labelLines.map(\.count).reduce(0, +)) * (textHeight + 6) + titleHeight
        // The y axis's label sits above the frame, clear of the curves.
        let labelRow = textHeight + 8
        let frame = LearningCurveChart.Frame(
            x: 80, y: 40 + legendHeight + 10 + labelRow, width: Double(width) - 120,
            height: Double(height) - 40 - legendHeight - 10 - labelRow - 60)
        let xs = series.flatMap(\.x).map(scaleX), ys = series.flatMap { ($0.low + $0.high + $0.y).map(scale) }
        let xLow = xs.min()!, xHigh = max(xs.max()!, xLow + 1e-9)
        var yLow = ys.min()!, yHigh = ys.max()!
        if yHigh - yLow < 1e-9 { yLow -= 1; yHigh += 1 }
        let padding = (yHigh - yLow) * 0.05
        yLow -= padding; yHigh += padding
        if let yRange {
            // A little room beyond the range keeps its end ticks' labels clear of the axis label.
            let (low, high) = (scale(yRange.lowerBound), scale(yRange.upperBound))
            (yLow, yHigh) = (low - (high - low) * 0.03, high + (high - low) * 0.03)
        }
        func pxScaled(_ x: Double) -> Double { frame.x + (x - xLow) / (xHigh - xLow) * frame.width }
        func px(_ x: Double) -> Double { pxScaled(scaleX(x)) }
        func pyScaled(_ y: Double) -> Double {
            frame.y + frame.height - (min(max(y, yLow), yHigh) - yLow) / (yHigh - yLow) * frame.height
        }
        func py(_ y: Double) -> Double { pyScaled(scale(y)) }

        for tick in logarithmicY ? logarithmicTicks(from: yLow, to: yHigh) : niceTicks(from: yLow, to: yHigh) {
            let y = pyScaled(scale(tick))
            picture.add(.line(fromX: frame.x, fromY: y, toX: frame.x + frame.width, toY: y, LearningCurveChart.gridColour))
            let text = formatNumber(tick)
            picture.add(.text(text, x: frame.x - 8 - textWidth(text), y: y - textHeight / 2, pixelSize: fontPixel, .black))
        }
        let xTicks =
            logarithmicXInPowersOfTen
            ? stride(from: Int(xLow.rounded(.up)), through: Int(xHigh.rounded(.down)), by: 1).map {
                (pxScaled(Double($0)), powerOfTenText($0))
            }
            : logarithmicX
                ? stride(from: Int(xLow.rounded(.up)), through: Int(xHigh.rounded(.down)), by: 1).map {
                    (pxScaled(Double($0)), powerOfTwoText($0))
                }
                : niceTicks(from: xLow, to: xHigh).map { (pxScaled($0), formatNumber($0)) }
        for (x, text) in xTicks {
            picture.add(.line(fromX: x, fromY: frame.y + frame.height, toX: x, toY: frame.y + frame.height + 5, .black))
            picture.add(.text(text, x: x - textWidth(text) / 2, y: frame.y + frame.height + 8, pixelSize: fontPixel, .black))
        }
        // Bands first (light, one bar per pixel column between neighbouring points), curves on top.
        for (index, curve) in series.enumerated() where !errorBars && bands {
            var light = palette[index % palette.count].mixed(with: .white, 0.4)
            light.alpha = 70  // see-through, so overlapping bands both show
            for i in curve.x.indices {
                let left = px(curve.x[i]), right = i + 1 < curve.x.count ? px(curve.x[i + 1]) : left + 1
                let top = py(curve.high[i]), bottom = py(curve.low[i])
                picture.add(.rectangle(Rect(x: left, y: top, width: max(1, right - left), height: max(1, bottom - top)), light))
            }
        }
        for (index, curve) in series.enumerated() {
            let colour = palette[index % palette.count]
            let shift = Self.twinShift * Double(twins[index]?.rank ?? 0)
            let points = curve.x.indices.map { (px(curve.x[$0]), min(py(curve.y[$0]) + shift, frame.y + frame.height - 2)) }
            let pattern = Self.dashPattern(ofSeries: index)
            var travelled = 0.0
            for (from, to) in zip(points, points.dropFirst()) {
                for (start, end) in Self.dashes(from: from, to: to, pattern: pattern, travelled: &travelled) {
                    picture.add(.line(fromX: start.0, fromY: start.1, toX: end.0, toY: end.1, colour))
                    picture.add(.line(fromX: start.0, fromY: start.1 + 1, toX: end.0, toY: end.1 + 1, colour))
                }
            }
            if errorBars {
                // Bars side by side when lines share an x: each series shifted a little.
                let shift = (Double(index) - Double(series.count - 1) / 2) * 3
                for (i, point) in points.enumerated() {
                    let x = point.0 + shift, top = py(curve.high[i]), bottom = py(curve.low[i])
                    picture.add(.line(fromX: x, fromY: top, toX: x, toY: bottom, colour))
                    picture.add(.line(fromX: x - 4, fromY: top, toX: x + 4, toY: top, colour))
                    picture.add(.line(fromX: x - 4, fromY: bottom, toX: x + 4, toY: bottom, colour))
                    picture.add(.rectangle(Rect(x: point.0 - 3, y: point.1 - 3, width: 7, height: 7), colour))
                }
            }
            let linesBefore = labelLines[..<index].map(\.count).reduce(0, +)
            let legendY = 36 + titleHeight + Double(linesBefore) * (textHeight + 6)
            var legendTravelled = 0.0
            for (start, end) in Self.dashes(from: (80, legendY + 7), to: (104, legendY + 7), pattern: pattern, travelled: &legendTravelled)
            {
                picture.add(.rectangle(Rect(x: start.0, y: legendY + 4, width: max(1, end.0 - start.0), height: 6), colour))
            }
            for (line, text) in labelLines[index].enumerated() {
                picture.add(.text(text, x: 112, y: legendY + Double(line) * (textHeight + 6), pixelSize: fontPixel, .black))
            }
        }
        picture.add(.line(fromX: frame.x, fromY: frame.y, toX: frame.x, toY: frame.y + frame.height, .black))
        picture.add(.line(fromX: frame.x, fromY: frame.y + frame.height, toX: frame.x + frame.width, toY: frame.y + frame.height, .black))
        picture.add(
            .text(
                xLabel, x: frame.x + (frame.width - textWidth(xLabel)) / 2, y: Double(height) - textHeight - 8, pixelSize: fontPixel, .black
            ))
        picture.add(.text(yLabel, x: frame.x - 8 - textWidth("0"), y: frame.y - labelRow, pixelSize: fontPixel, .black))
        return picture
    }
}

/// 2^exponent as a tick's label: `1/8`, `1`, `4`.
func powerOfTwoText(_ exponent: Int) -> String {
    exponent < 0 ? "1/\(1 << -exponent)" : "\(1 << exponent)"
}

/// 10^exponent as a tick's label: `1`, `10`, `1000`, then `10^4`, `10^8` (and `10^-1` below 1).
func powerOfTenText(_ exponent: Int) -> String {
    (0..<4).contains(exponent) ? "1" + String(repeating: "0", count: exponent) : "10^\(exponent)"
}

/// Ticks for a logarithmic axis spanning `low...high` in log10: the powers of ten inside it when
/// there are enough, else 1, 2 and 5 times them, else every round value of the linear ticks
/// between the ends (a range narrower than a decade, like 115 to 200 steps).
func logarithmicTicks(from low: Double, to high: Double) -> [Double] {
    let first = Int(low.rounded(.down)), last = Int(high.rounded(.up))
    func inside(_ values: [Double]) -> [Double] { values.filter { (low...high).contains(log10($0)) } }
    let powers = inside((first...last).map { pow(10, Double($0)) })
    if powers.count >= 3 { return powers }
    let roundOnes = inside((first...last).flatMap { exponent in [1.0, 2, 5].map { $0 * pow(10, Double(exponent)) } })
    if roundOnes.count >= 3 { return roundOnes }
    return niceTicks(from: pow(10, low), to: pow(10, high)).filter { $0 > 0 }
}

/// `text` broken at spaces into lines no wider than `width` in the chart's font (a word wider
/// than the line is cut to fit).
func wrapped(_ text: String, width: Double) -> [String] {
    var lines: [String] = [], line = ""
    for word in text.split(separator: " ") {
        let candidate = line.isEmpty ? String(word) : line + " " + word
        if BandChart.textWidth(candidate) <= width || line.isEmpty {
            line = candidate
        } else {
            lines.append(line)
            line = String(word)
        }
        while BandChart.textWidth(line) > width && line.count > 1 {
            // A single word too wide for a line: cut it.
            var head = line
            while BandChart.textWidth(head) > width && head.count > 1 { head.removeLast() }
            lines.append(head)
            line = String(line.dropFirst(head.count))
        }
    }
    if !line.isEmpty { lines.append(line) }
    return lines.isEmpty ? [""] : lines
}

extension BandChart {
    /// Pixels between a curve and an identical one drawn after it: its two-pixel line lies just
    /// below the other's, so both show.
    static let twinShift = 2.0

    /// For each series that is identical to an earlier one (the same points, to rounding), the
    /// index of the first of them and how many came before it (1 for the second, 2 for the
    /// third...); nil for the others.
    static func coincidences(_ series: [Series]) -> [(first: Int, rank: Int)?] {
        // The same runs read in another order sum to means that differ in the last bits.
        func same(_ a: [Double], _ b: [Double]) -> Bool {
            a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($0), abs($1)) }
        }
        var result: [(first: Int, rank: Int)?] = []
        for (index, curve) in series.enumerated() {
            let first = series[..<index].firstIndex { same($0.x, curve.x) && same($0.y, curve.y) }
            result.append(first.map { first in (first, result[first..<index].count { $0?.first == first } + 1) })
        }
        return result
    }

    /// Drawn and skipped lengths along a curve, in pixels: solid for the first eight series,
    /// dashed for the next eight, dotted for the eight after, then again.
    static func dashPattern(ofSeries index: Int) -> (on: Double, off: Double)? {
        switch (index / palette.count) % 3 {
        case 0: nil
        case 1: (10, 6)
        default: (3, 5)
        }
    }

    /// The drawn pieces of the segment `from`–`to` under `pattern`, continuing the pattern from
    /// `travelled` pixels along the curve (updated), so dashes run on across the points.
    static func dashes(
        from: (Double, Double), to: (Double, Double), pattern: (on: Double, off: Double)?, travelled: inout Double
    ) -> [((Double, Double), (Double, Double))] {
        let dx = to.0 - from.0, dy = to.1 - from.1
        let length = (dx * dx + dy * dy).squareRoot()
        guard let pattern, length > 0 else {
            travelled += length
            return [(from, to)]
        }
        let period = pattern.on + pattern.off
        var pieces: [((Double, Double), (Double, Double))] = []
        var position = 0.0
        while position < length {
            let phase = (travelled + position).truncatingRemainder(dividingBy: period)
            let drawing = phase < pattern.on
            let step = min(length - position, drawing ? pattern.on - phase : period - phase)
            if drawing {
                let a = position / length, b = (position + step) / length
                pieces.append(((from.0 + dx * a, from.1 + dy * a), (from.0 + dx * b, from.1 + dy * b)))
            }
            position += step
        }
        travelled += length
        return pieces
    }
}

/// `1st`, `2nd`, `3rd`, `4th`... `11th`, `21st`: a legend entry's place.
func ordinal(_ number: Int) -> String {
    let suffix =
        (11...13).contains(number % 100)
        ? "th" : [1: "st", 2: "nd", 3: "rd"][number % 10] ?? "th"
    return "\(number)\(suffix)"
}
