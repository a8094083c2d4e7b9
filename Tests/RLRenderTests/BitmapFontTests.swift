import RLRender
import Testing

@Suite struct BitmapFontTests {
    @Test func theMarksTheHUDsUseHaveGlyphs() {
        // `>` marks the chosen action in every `v` overlay; `<` and `;` complete the set.
        for character in ">< ;:.,-+/%()=!?'_" { #expect(BitmapFont.hasGlyph(for: character), "\(character)") }
        #expect(BitmapFont.hasGlyph(for: "q") && !BitmapFont.hasGlyph(for: "é"))
    }

    @Test func everyPrintableASCIICharacterHasAGlyphOfItsOwn() {
        // Policy paths, labels and settings may hold any of them: none may draw as the hollow box.
        let printable = (32...126).map { Character(Unicode.Scalar(UInt8($0))) }
        for character in printable { #expect(BitmapFont.hasGlyph(for: character), "\(character)") }
        // Distinct characters look distinct (lower case is drawn as its capital).
        let shapes = Set(printable.filter { !$0.isLowercase }.map { BitmapFont.rectangles(for: String($0), x: 0, y: 0, pixelSize: 1) })
        #expect(shapes.count == printable.filter { !$0.isLowercase }.count)
    }

    @Test func theBooksGreekLettersHaveGlyphsUnlikeTheirLatinTwins() {
        // Sutton & Barto's legends: "ε = 0.1", "α = 0.4".
        for letter: Character in ["ε", "α", "∞"] {
            #expect(BitmapFont.hasGlyph(for: letter), "\(letter)")
        }
        let shape = { (text: String) in BitmapFont.rectangles(for: text, x: 0, y: 0, pixelSize: 1) }
        #expect(shape("ε") != shape("E") && shape("α") != shape("A"))
    }

    @Test func anArrowheadPointsTheWayItSays() {
        // `>`'s tip is its rightmost pixel, on the middle row; `<`'s is its leftmost.
        let right = BitmapFont.rectangles(for: ">", x: 0, y: 0, pixelSize: 1)
        let left = BitmapFont.rectangles(for: "<", x: 0, y: 0, pixelSize: 1)
        #expect(right.max { $0.x < $1.x } == Rect(x: 4, y: 3, width: 1, height: 1))
        #expect(left.min { $0.x < $1.x } == Rect(x: 0, y: 3, width: 1, height: 1))
    }
}
