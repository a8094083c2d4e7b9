import RLRender
import Testing

@Suite struct BitmapFontTests {
    @Test func theMarksTheHUDsUseHaveGlyphs() {
        // `>` marks the chosen action in every `v` overlay; `<` and `;` complete the set.
        for character in ">< ;:.,-+/%()=!?'_" { #expect(BitmapFont.hasGlyph(for: character), "\(character)") }
        #expect(BitmapFont.hasGlyph(for: "q") && !BitmapFont.hasGlyph(for: "@"))
    }

    @Test func anArrowheadPointsTheWayItSays() {
        // `>`'s tip is its rightmost pixel, on the middle row; `<`'s is its leftmost.
        let right = BitmapFont.rectangles(for: ">", x: 0, y: 0, pixelSize: 1)
        let left = BitmapFont.rectangles(for: "<", x: 0, y: 0, pixelSize: 1)
        #expect(right.max { $0.x < $1.x } == Rect(x: 4, y: 3, width: 1, height: 1))
        #expect(left.min { $0.x < $1.x } == Rect(x: 0, y: 3, width: 1, height: 1))
    }
}
