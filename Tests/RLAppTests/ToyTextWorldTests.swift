import Foundation
import Testing
import RLCore
import RLTabular
@testable import RLApp

@Suite struct ToyTextWorldTests {
    @Test func frozenLakeFlagsChooseTheMapSlipperinessAndCap() throws {
        let lake = try #require(Registry.world("frozen-lake"))
        #expect(try lake.layout(try lake.configure(nil, [])).stateShape == [4, 4])
        let eight = try lake.configure(nil, [("map", "8x8"), ("not-slippery", nil)])
        #expect(try lake.layout(eight).stateShape == [8, 8])
        #expect(lake.describe(eight) == "8x8 map (8×8), not slippery, step cap 200")
        #expect(lake.describe(try lake.configure(nil, [])) == "4x4 map (4×4), slippery, step cap 100")
        #expect(throws: SettingError.self) { try lake.configure(nil, [("map", "5x5")]) }
        let file = temporaryFolder() + "/lake.txt"
        try "SFH\nFFG\n".write(toFile: file, atomically: true, encoding: .utf8)
        let custom = try lake.configure(nil, [("map-file", file)])
        #expect(try lake.layout(custom).stateShape == [2, 3])
        try "SFH\nFF\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: SettingError.self) { try lake.configure(nil, [("map-file", file)]) }
        // A file's configuration is checked too: a custom map too large for a table is refused.
        let huge = #"{"is_slippery":true,"map":"custom","rows":["# + String(repeating: "\"S\(String(repeating: "F", count: 99))G\",", count: 1) + #""SG"]}"#
        #expect(throws: PolicyFileError.self) { try lake.layout(huge) }
    }

    @Test func taxiBlackjackAndCliffFlags() throws {
        let taxi = try #require(Registry.world("taxi"))
        #expect(taxi.describe(try taxi.configure(nil, [("rainy", nil), ("fickle", nil)])) == "5×5 map, rainy, fickle passenger, step cap 200")
        #expect(taxi.metricNames == ["deliveries", "illegal_actions"])
        let blackjack = try #require(Registry.world("blackjack"))
        #expect(blackjack.describe(try blackjack.configure(nil, [])) == "Sutton & Barto's rules")
        #expect(blackjack.describe(try blackjack.configure(nil, [("natural", nil)])) == "naturals pay 1.5")
        #expect(blackjack.describe(try blackjack.configure(nil, [("no-sab", nil)])) == "plain rules")
        #expect(blackjack.metricNames == ["wins", "draws", "losses"])
        let cliff = try #require(Registry.world("cliff-walking"))
        #expect(cliff.describe(try cliff.configure(nil, [("slippery", nil)])) == "4×12 grid, slippery, step cap 200")
        // A policy file from before the slippery walk still opens, as a walk that does not slip.
        #expect(cliff.describe(#"{"max_steps":200}"#) == "4×12 grid, step cap 200")
    }
}
