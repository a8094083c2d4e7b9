import Foundation
import RLCore
import RLTabular
import Testing

@testable import RLApp

@Suite struct ToyTextWorldTests {
    @Test func frozenLakeFlagsChooseTheMapSlipperinessAndCap() throws {
        let lake = try #require(Registry.world("frozen-lake"))
        #expect(try lake.layoutOf(try lake.configure().configuration).stateShape == [4, 4])
        let eight = try lake.configure(flags: [("map", "8x8"), ("not-slippery", nil)]).configuration
        #expect(try lake.layoutOf(eight).stateShape == [8, 8])
        #expect(lake.describe(eight) == "8x8 map (8×8), not slippery, step cap 200")
        #expect(lake.describe(try lake.configure().configuration) == "4x4 map (4×4), slippery, step cap 100")
        #expect(throws: SettingError.self) { try lake.configure(flags: [("map", "5x5")]).configuration }
        let file = temporaryFolder() + "/lake.txt"
        try "SFH\nFFG\n".write(toFile: file, atomically: true, encoding: .utf8)
        let custom = try lake.configure(flags: [("map-file", file)]).configuration
        #expect(try lake.layoutOf(custom).stateShape == [2, 3])
        try "SFH\nFF\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: SettingError.self) { try lake.configure(flags: [("map-file", file)]).configuration }
        // A file's configuration is checked too: a custom map too large for a table is refused.
        let huge =
            #"{"is_slippery":true,"map":"custom","rows":["# + String(repeating: "\"S\(String(repeating: "F", count: 99))G\",", count: 1)
            + #""SG"]}"#
        #expect(throws: WorldConfigurationError.self) { try lake.layoutOf(huge) }
    }

    @Test func taxiBlackjackAndCliffFlags() throws {
        let taxi = try #require(Registry.world("taxi"))
        #expect(
            taxi.describe(try taxi.configure(flags: [("rainy", nil), ("fickle", nil)]).configuration)
                == "5×5 map, rainy, fickle passenger, step cap 200")
        #expect(taxi.metricNames == ["deliveries", "illegal_actions"])
        let blackjack = try #require(Registry.world("blackjack"))
        #expect(blackjack.describe(try blackjack.configure().configuration) == "Sutton & Barto's rules")
        #expect(blackjack.describe(try blackjack.configure(flags: [("natural", nil)]).configuration) == "naturals pay 1.5")
        #expect(blackjack.describe(try blackjack.configure(flags: [("no-sab", nil)]).configuration) == "plain rules")
        #expect(blackjack.metricNames == ["wins", "draws", "losses"])
        let cliff = try #require(Registry.world("cliff-walking"))
        #expect(cliff.describe(try cliff.configure(flags: [("slippery", nil)]).configuration) == "4×12 grid, slippery, step cap 200")
        // A policy file from before the slippery walk still opens, as a walk that does not slip.
        #expect(cliff.describe(#"{"max_steps":200}"#) == "4×12 grid, step cap 200")
    }
}

@Suite struct ToyTextInspectionTests {
    @Test func blackjackShowsSuttonAndBartosTwoCharts() throws {
        let blackjack = try #require(Registry.world("blackjack"))
        let panels = try blackjack.panels(try blackjack.configure().configuration, PanelSelection())
        #expect(panels.map(\.title) == ["usable ace", "no usable ace"])
        #expect(panels[0].rowLabels.first == "sum 21" && panels[0].rowLabels.last == "sum 12")
        #expect(panels[0].columnLabels == ["A", "2", "3", "4", "5", "6", "7", "8", "9", "10"])
        // Sum 21 with a usable ace against a dealer's ace: (21, 1, 1) in the 32 × 11 × 2 space.
        #expect(panels[0].states[0][0] == (21 * 11 + 1) * 2 + 1)
        #expect(PolicyDump.symbol(forAction: "stick") == "S" && PolicyDump.symbol(forAction: "south") == "↓")
    }

    @Test func taxiShowsOneMapPerPassengerAndDestination() throws {
        let taxi = try #require(Registry.world("taxi"))
        let panels = try taxi.panels(try taxi.configure().configuration, PanelSelection())
        #expect(panels.count == 16 && panels.allSatisfy { $0.states.count == 5 && $0.states[0].count == 5 })
        #expect(panels.last?.title == "passenger in the taxi, destination Blue")
        #expect(panels.last?.states[4][3] == ((4 * 5 + 3) * 5 + 4) * 4 + 3)
    }
}

@Suite struct GridMarkTests {
    @Test func frozenLakeAndCliffMapsMarkTheirHolesCliffAndGoal() throws {
        let lake = try #require(Registry.world("frozen-lake"))
        let panel = try lake.panels(try lake.configure().configuration, PanelSelection())[0]
        #expect(panel.marks[5] == "H" && panel.marks[15] == "G" && panel.marks[0] == nil)
        let cliff = try #require(Registry.world("cliff-walking"))
        let cliffPanel = try cliff.panels(try cliff.configure().configuration, PanelSelection())[0]
        #expect(cliffPanel.marks[37] == "C" && cliffPanel.marks[47] == "G" && cliffPanel.marks[36] == nil)
    }
}
