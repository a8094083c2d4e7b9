/// Prints a ``Scene`` as lines of terminal text: shapes become coloured half blocks ("▀", top
/// half in the foreground colour, bottom half in the background colour, so one character cell
/// holds two square pixels), and text stays text, placed where the scene puts it.
///
/// It paints the same scene as the window, so the terminal shows what the window shows.
public struct TerminalPicture: Sendable {
    /// The part of the scene drawn as half blocks; text above it becomes header lines.
    public var region: Rect
    /// Scene units per terminal column (and per half row).
    public var unitsPerColumn: Double

    public init(region: Rect, unitsPerColumn: Double = 1) {
        precondition(unitsPerColumn > 0 && region.width > 0 && region.height > 0)
        self.region = region
        self.unitsPerColumn = unitsPerColumn
    }

    /// The picture's size in character cells (header lines not counted).
    public var columns: Int { Int((region.width / unitsPerColumn).rounded(.up)) }
    public var rows: Int { Int((region.height / unitsPerColumn / 2).rounded(.up)) }

    /// The colour of the scene at a point: the background with every shape that covers the
    /// point blended over it, in drawing order. Text is left out (it is printed as text).
    /// Lines are at least `pixelSize` wide: the size of the pixel the point stands for.
    public static func color(of scene: Scene, x: Double, y: Double, pixelSize: Double = 1) -> RGBA {
        var color = scene.background
        for item in scene.items {
            switch item {
            case .rectangle(let rect, let fill) where rect.contains(x: x, y: y):
                color = blend(fill, over: color)
            case .circle(let centerX, let centerY, let radius, let fill)
            where (x - centerX) * (x - centerX) + (y - centerY) * (y - centerY) <= radius * radius:
                color = blend(fill, over: color)
            case .line(let fromX, let fromY, let toX, let toY, let fill)
            where ShapeGeometry.stroke(
                [Point(x: fromX, y: fromY), Point(x: toX, y: toY)], width: 1, minimumWidth: pixelSize, covers: x, y):
                color = blend(fill, over: color)
            case .polygon(let points, let fill) where ShapeGeometry.polygon(points, contains: x, y):
                color = blend(fill, over: color)
            case .polyline(let points, let width, let fill)
            where ShapeGeometry.stroke(points, width: width, minimumWidth: pixelSize, covers: x, y):
                color = blend(fill, over: color)
            default:
                continue
            }
        }
        return color
    }

    /// Source-over blending, as SDL's blend mode does it.
    static func blend(_ top: RGBA, over bottom: RGBA) -> RGBA {
        let alpha = Int(top.alpha)
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Int(a) * alpha + Int(b) * (255 - alpha) + 127) / 255) }
        return RGBA(mix(top.red, bottom.red), mix(top.green, bottom.green), mix(top.blue, bottom.blue))
    }

    /// The scene as terminal lines with 24-bit ANSI colours; each line resets its colours at
    /// the end, so nothing leaks into what follows.
    public func lines(for scene: Scene) -> [String] {
        // Pixels, sampled at their centres (as the SDL painter fills a pixel when its centre is inside).
        let pixelRows = rows * 2
        var pixels = [[RGBA]](repeating: [RGBA](repeating: scene.background, count: columns), count: pixelRows)
        for row in 0..<pixelRows {
            for column in 0..<columns {
                pixels[row][column] = Self.color(
                    of: scene, x: region.x + (Double(column) + 0.5) * unitsPerColumn,
                    y: region.y + (Double(row) + 0.5) * unitsPerColumn, pixelSize: unitsPerColumn)
            }
        }
        // Text inside the region lands on character cells; text outside it makes header lines.
        var cellText = [[(Character, RGBA)?]](repeating: [(Character, RGBA)?](repeating: nil, count: columns), count: rows)
        var header: [Double: [(column: Int, text: String, color: RGBA)]] = [:]
        for item in scene.items {
            guard case .text(let string, let x, let y, let size, let color) = item else { continue }
            let middle = y + Double(BitmapFont.glyphHeight) * size / 2
            let column = Self.column(of: string, x: x, size: size, region: region, unitsPerColumn: unitsPerColumn, columns: columns)
            if middle >= region.y && middle < region.y + region.height {
                let row = Int((middle - region.y) / unitsPerColumn / 2)
                for (offset, character) in string.enumerated() where column + offset < columns {
                    cellText[row][column + offset] = (character, color)
                }
            } else {
                header[y, default: []].append((column, string, color))
            }
        }

        var result: [String] = []
        for y in header.keys.sorted() {
            var line = ""
            var length = 0
            for entry in header[y]!.sorted(by: { $0.column < $1.column }) {
                // Keep right-aligned text inside the picture's width, and a space between texts.
                var column = min(entry.column, columns - entry.text.count)
                column = max(column, length == 0 ? 0 : length + 1)
                line += String(repeating: " ", count: column - length) + Self.foreground(entry.color) + entry.text + "\u{1B}[0m"
                length = column + entry.text.count
            }
            result.append(line)
        }
        for row in 0..<rows {
            var line = ""
            var current: (RGBA, RGBA)?
            for column in 0..<columns {
                let top = pixels[2 * row][column]
                let bottom = pixels[2 * row + 1][column]
                if let (character, color) = cellText[row][column] {
                    // A character on the cell's colour (the top pixel's).
                    line += Self.foreground(color) + Self.background(top) + String(character)
                    current = nil
                } else {
                    if current == nil || current! != (top, bottom) {
                        line += Self.foreground(top) + Self.background(bottom)
                        current = (top, bottom)
                    }
                    line += "▀"
                }
            }
            result.append(line + "\u{1B}[0m")
        }
        return result
    }

    /// The first column of a text: one character per column is narrower or wider than the
    /// bitmap font, so the text keeps the anchor it has in the scene: its left edge, its right
    /// edge, or its centre, whichever it sits on.
    static func column(of text: String, x: Double, size: Double, region: Rect, unitsPerColumn: Double, columns: Int) -> Int {
        let width = Double(BitmapFont.width(of: text)) * size
        let leftGap = x - region.x
        let rightGap = region.x + region.width - (x + width)
        let start: Int
        if abs(leftGap - rightGap) <= 2 * unitsPerColumn {
            start = Int(((leftGap + width / 2) / unitsPerColumn - Double(text.count) / 2).rounded())
        } else if leftGap < rightGap {
            start = Int((leftGap / unitsPerColumn).rounded())
        } else {
            start = columns - Int((rightGap / unitsPerColumn).rounded()) - text.count
        }
        return min(max(0, start), max(0, columns - text.count))
    }

    static func foreground(_ color: RGBA) -> String { "\u{1B}[38;2;\(color.red);\(color.green);\(color.blue)m" }
    static func background(_ color: RGBA) -> String { "\u{1B}[48;2;\(color.red);\(color.green);\(color.blue)m" }
}
