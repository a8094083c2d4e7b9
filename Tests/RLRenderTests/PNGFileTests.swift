import Foundation
import RLRender
import Testing

@testable import RLSDL

@Suite(.serialized) struct PNGFileTests {
    @Test func aSceneIsWrittenAsAPNGAndItsPixelsReadBack() throws {
        let scene = Scene(
            width: 20, height: 10, background: .black,
            items: [
                .rectangle(Rect(x: 2, y: 3, width: 4, height: 2), RGBA(255, 0, 0)),
                .circle(centerX: 15, centerY: 5, radius: 2, RGBA(0, 0, 255)),
                .text("1", x: 8, y: 1, pixelSize: 1, .white),
            ])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rl-\(UUID().uuidString).png").path
        try PNGFile.write(scene, scale: 10, to: path)
        let image = try PNGFile.read(path)
        #expect(image.width == 200 && image.height == 100)
        func pixel(_ x: Int, _ y: Int) -> RGBA { image.pixels[y * image.width + x] }
        #expect(pixel(25, 35) == RGBA(255, 0, 0))  // inside the rectangle
        #expect(pixel(19, 35) == .black)  // just left of it
        #expect(pixel(60, 35) == .black)  // just right of it
        #expect(pixel(150, 50) == RGBA(0, 0, 255))  // the circle's centre
        #expect(pixel(150, 75) == .black)  // beyond its radius
        // The glyph "1": its stem is the middle column, rows 1–6 of 7.
        #expect(pixel(8 * 10 + 2 * 10 + 5, 10 + 3 * 10 + 5) == .white)
        #expect(pixel(8 * 10 + 0 * 10 + 5, 10 + 3 * 10 + 5) == .black)
    }

    @Test func writingToAMissingFolderIsAnError() {
        #expect(throws: SDLError.self) {
            try PNGFile.write(Scene(width: 1, height: 1, background: .white), scale: 1, to: "/nonexistent-folder/x.png")
        }
    }

    @Test func textBecomesTheGlyphsRectangles() {
        let rects = BitmapFont.rectangles(for: "-", x: 10, y: 20, pixelSize: 2)
        #expect(rects == [Rect(x: 10, y: 26, width: 10, height: 2)])
        #expect(BitmapFont.width(of: "AB") == 11)
        #expect(BitmapFont.rectangles(for: "a", x: 0, y: 0, pixelSize: 1) == BitmapFont.rectangles(for: "A", x: 0, y: 0, pixelSize: 1))
    }
}
