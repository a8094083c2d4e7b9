import RLApp
import RLSDL
import Testing

@testable import rl

/// The keys of `rl watch`, as the issue lists them.
@Suite struct WatchKeysTests {
    @Test func everyKeyMapsToItsRequest() {
        #expect(WatchCommand.request(for: .space) == .togglePause)
        #expect(WatchCommand.request(for: .right) == .faster && WatchCommand.request(for: .plus) == .faster)
        #expect(WatchCommand.request(for: .left) == .slower && WatchCommand.request(for: .minus) == .slower)
        #expect(WatchCommand.request(for: .character("n")) == .nextEpisode)
        #expect(WatchCommand.request(for: .character("s")) == .screenshot)
        #expect(WatchCommand.request(for: .character("v")) == .toggleAgentView)
        for quit in [WindowInput.character("q"), .escape, .closed] { #expect(WatchCommand.request(for: quit) == .quit) }
        #expect(WatchCommand.request(for: .character("x")) == nil)
    }
}
