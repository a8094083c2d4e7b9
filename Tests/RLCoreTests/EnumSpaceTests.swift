import RLCore
import Testing

@Suite struct EnumSpaceTests {
    enum Move: Int, CaseIterable, CustomStringConvertible {
        case up, down, stay
        var description: String { ["up", "down", "stay"][rawValue] }
    }

    @Test func anEnumsCasesAreASpaceNumberedByRawValue() {
        let all = EnumSpace<Move>()
        #expect(all.count == 3 && all.shape == [3] && all.names == ["up", "down", "stay"])
        #expect(Move.allCases.allSatisfy { all.element(at: all.index(of: $0)) == $0 && all.contains($0) })
        // The first cases only: Pong without stay.
        let two = EnumSpace<Move>(first: 2)
        #expect(two.count == 2 && two.names == ["up", "down"] && !two.contains(.stay) && two != all)
    }
}
