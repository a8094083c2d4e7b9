import Foundation
import RLRender
import Testing

@testable import RLSDL

/// Polygons and strokes look the same in a PNG and in the terminal: both sample the shapes
/// at pixel centres by ``ShapeGeometry``'s rule.
@Suite(.serialized) struct ShapePaintingTests {
    let red = RGBA(255, 0, 0), blue = RGBA(0, 0, 255), green = RGBA(0, 160, 0)

    var scene: Scene {
        Scene(
            width: 40, height: 30, background: .white,
            items: [
                // A pole leaning right, as Cart Pole's: a rotated rectangle.
                .polygon([Point(x: 9.3, y: 25.2), Point(x: 15.1, y: 4.4), Point(x: 17.7, y: 5.1), Point(x: 11.9, y: 25.9)], red),
                .polygon([Point(x: 22.2, y: 3.3), Point(x: 37.6, y: 9.1), Point(x: 24.4, y: 17.8)], blue),
                // A hill one tenth of a pixel wide and a thick bent stroke.
                .polyline((0...20).map { Point(x: Double($0) * 2, y: 27.3 - 0.04 * Double(($0 - 10) * ($0 - 10))) }, width: 0.1, .black),
                .polyline([Point(x: 20.3, y: 21.2), Point(x: 30.4, y: 22.1), Point(x: 34.2, y: 28.7)], width: 2.6, green),
            ])
    }

    @Test func aPNGAndTheTerminalPaintTheSamePixels() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rl-\(UUID().uuidString).png").path
        try PNGFile.write(scene, scale: 1, to: path)
        let image = try PNGFile.read(path)
        var differences: [String] = []
        for y in 0..<image.height {
            for x in 0..<image.width {
                let terminal = TerminalPicture.color(of: scene, x: Double(x) + 0.5, y: Double(y) + 0.5)
                let png = image.pixels[y * image.width + x]
                if terminal != png { differences.append("(\(x), \(y)): PNG \(png), terminal \(terminal)") }
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(10))")
        // Every shape is there.
        for colour in [red, blue, green, .black] { #expect(image.pixels.contains(colour), "\(colour)") }
    }

    @Test func aThinLineIsOnePixelWideInAPNGAtAnyScale() throws {
        let line = Scene(
            width: 20, height: 10, background: .white,
            items: [.polyline([Point(x: 0, y: 5.05), Point(x: 20, y: 5.05)], width: 0.1, .black)])
        for scale in [1.0, 10.0] {
            let image = try PNGFile.read(write(line, scale: scale))
            let column = (0..<image.height).map { image.pixels[$0 * image.width + image.width / 2] }
            #expect(column.count { $0 == .black } == 1, "scale \(scale)")
        }
        // Wider than a pixel: as wide as it says.
        let image = try PNGFile.read(write(line, scale: 40))
        let column = (0..<image.height).map { image.pixels[$0 * image.width + image.width / 2] }
        #expect(column.count { $0 == .black } == 4)
    }

    @Test func theTerminalDrawsLinesToo() {
        let scene = Scene(width: 10, height: 10, background: .white, items: [.line(fromX: 0, fromY: 5, toX: 10, toY: 5, .black)])
        #expect(TerminalPicture.color(of: scene, x: 5.5, y: 4.6) == .black)
        #expect(TerminalPicture.color(of: scene, x: 5.5, y: 6.5) == .white)
        // A line one unit wide in a terminal of two units a column still shows.
        let lines = TerminalPicture(region: Rect(x: 0, y: 0, width: 10, height: 10), unitsPerColumn: 2).lines(for: scene)
        #expect(lines.contains { $0.contains("\u{1B}[38;2;0;0;0m") || $0.contains("\u{1B}[48;2;0;0;0m") })
    }

    func write(_ scene: Scene, scale: Double) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rl-\(UUID().uuidString).png").path
        try PNGFile.write(scene, scale: scale, to: path)
        return path
    }
}
