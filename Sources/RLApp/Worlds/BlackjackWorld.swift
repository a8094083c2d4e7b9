import RLBlackjack
import RLCore
import RLGridRender
import RLRender
import RLTabular

/// Blackjack's rules. The defaults are those of Gymnasium's registered `Blackjack-v1`, which
/// sets `sab=True` (Sutton & Barto's rules), although the class's own default is `False`.
public struct BlackjackConfiguration: Sendable, Equatable, Codable {
    /// A winning natural pays 1.5 (ignored under `sab`).
    public var natural = false
    /// Sutton & Barto's rules: a natural wins unless the dealer has one too.
    public var sab = true
    public init() {}
}

/// `blackjack`: Gymnasium's `Blackjack-v1` (Sutton & Barto, Example 5.1).
public enum BlackjackWorld: WorldRegistration, ExploringStartsWorld, ModelledWorld, InspectableWorld, DrawableWorld {
    public static let id = "blackjack"
    public static let summary = "Gymnasium's Blackjack-v1 (Sutton & Barto's Example 5.1), infinite deck"
    public static var defaultConfiguration: BlackjackConfiguration { BlackjackConfiguration() }

    public static var flags: [SettingFlag<BlackjackConfiguration>] {
        [
            SettingFlag(name: "natural", valueName: nil, help: "A winning natural pays 1.5 (turns Sutton & Barto's rules off).") {
                (configuration: inout BlackjackConfiguration, _: String?) throws(SettingError) in
                configuration.natural = true
                configuration.sab = false
            },
            .toggle("sab", \.sab, help: "Sutton & Barto's rules (the default, as Gymnasium registers Blackjack-v1; overrides --natural)."),
            SettingFlag(name: "no-sab", valueName: nil, help: "The class's plain rules: a natural is an ordinary 21.") {
                (configuration: inout BlackjackConfiguration, _: String?) throws(SettingError) in
                configuration.sab = false
            },
        ]
    }

    public static func validate(_ configuration: BlackjackConfiguration) throws(SettingError) {}

    /// Gymnasium's Blackjack observes `Tuple(Discrete(32), Discrete(11), Discrete(2))`.
    public static let observationGrouping = ObservationGrouping.tuple

    public static func makeWorld(_ configuration: BlackjackConfiguration) -> Blackjack<InfiniteDeck> {
        Blackjack(natural: configuration.natural, sab: configuration.sab)
    }

    public static func stateDimensions(_ configuration: BlackjackConfiguration) -> [String] { ["player_sum", "dealer_card", "usable_ace"] }
    public static func actionNames(_ configuration: BlackjackConfiguration) -> [String] { BlackjackAction.allCases.map(\.description) }

    /// One way to see the world: policy files record no observation mode.
    public static func observationName(_ configuration: BlackjackConfiguration) -> String? { nil }

    public static func describe(_ configuration: BlackjackConfiguration) -> String {
        configuration.sab ? "Sutton & Barto's rules" : configuration.natural ? "naturals pay 1.5" : "plain rules"
    }

    public static var metrics: [EpisodeMetric<BlackjackCounters>] {
        [
            EpisodeMetric("wins", phrase: "won", isShare: true) { Double($0.wins) },
            EpisodeMetric("draws", phrase: "drawn", isShare: true) { Double($0.draws) },
            EpisodeMetric("losses", phrase: "lost", isShare: true) { Double($0.losses) },
        ]
    }

    /// γ 1 (an episode is one game); α decays, as Monte Carlo's averages would.
    public static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters { .blackjack }

    /// Every card is drawn at random: Dyna-Q plans from a sample model (the book's deterministic
    /// one keeps only a hand's last outcome: −0.062 to −0.066 a game under the plain rules,
    /// against the optimal −0.0466; sampled, −0.048 to −0.049).
    public static func defaultSettings(forAgent agent: String, in configuration: BlackjackConfiguration) -> [(
        name: String, value: String?
    )] {
        agent == DynaQ.id ? [("sample-model", nil)] : []
    }

    /// A game is one or two steps, so many are cheap: 200,000 games take about 0.3 s in a
    /// release build and end near −0.05 a game (6000 games end near −0.07; docs/WORLDS.md).
    public static func defaultEpisodes(_ configuration: BlackjackConfiguration) -> Int { 200_000 }

    /// The plain rules' exact dynamics (``BlackjackModel``); Sutton & Barto's rules and
    /// `natural`'s 1.5 pay a natural apart from other 21s, which the observation cannot tell.
    /// No step cap (Gymnasium registers none): no game lasts 21 steps.
    public static func model(_ configuration: BlackjackConfiguration) -> WorldModel? {
        guard !configuration.sab && !configuration.natural else { return nil }
        return WorldModel(model: BlackjackModel.plainRules(), stepCap: 100)
    }

    public static func panels(_ configuration: BlackjackConfiguration, _ selection: PanelSelection) throws(InspectionError) -> [PolicyPanel]
    {
        try PolicyPanel.blackjack(selection)
    }

    public static func explain(state coordinates: [Int], _ configuration: BlackjackConfiguration) -> String? {
        guard coordinates.count == 3 else { return nil }
        let dealer = coordinates[1] == 1 ? "an ace" : "\(coordinates[1])"
        return "Player's sum \(coordinates[0])\(coordinates[2] == 1 ? " with a usable ace" : ""); the dealer shows \(dealer)."
    }
}

extension Hyperparameters {
    /// Blackjack's defaults.
    public static let blackjack = Hyperparameters(
        learningRate: .linear(from: 0.1, to: 0.001, over: 0.9), discount: 1, epsilon: .linear(from: 1.0, to: 0.05, over: 0.9))
}

extension BlackjackWorld {
    public static func scene(of world: Blackjack<InfiniteDeck>, _ configuration: BlackjackConfiguration, hud: ToyTextHUD) -> Scene {
        ToyTextScenes.blackjack(player: world.player, dealer: world.dealer, dealerRevealed: hud.banner != nil, hud: hud)
    }

    public static func watchSession(_ configuration: BlackjackConfiguration, policy: Policy, seed: UInt64, epsilon: Double)
        throws(WatchError) -> any WatchableSession
    {
        try ToyTextWatchSession<BlackjackWorld>(
            configuration: configuration, policy: policy, seed: seed, epsilon: epsilon,
            // The dealer's hole card shows once the game is over.
            draw: { world, hud in scene(of: world, configuration, hud: hud) },
            describeState: { world in
                let observation = world.observation
                return [
                    "sum \(observation.playerSum)" + (observation.usableAce ? " usable ace" : ""),
                    "dealer shows \(observation.dealerCard == 1 ? "ace" : String(observation.dealerCard))",
                ]
            },
            banner: { _, episodeReturn in
                episodeReturn > 0
                    ? ("WIN", ToyTextPalette.success)
                    : episodeReturn < 0 ? ("LOSS", ToyTextPalette.failure) : ("DRAW", ToyTextPalette.timeUp)
            })
    }
}
