import RLCore
import RLGridRender
import RLPong
import RLPongRender
import RLRender
import RLTabular

/// `pong`: the single-paddle Pong of the reference rules (docs/PONG.md).
public enum PongWorld: WorldRegistration, InspectableWorld, BaselineWorld, DrawableWorld {
    public static let id = "pong"
    public static let summary = "single-paddle Pong of the tutorial's rules (docs/PONG.md)"
    public static var defaultConfiguration: PongConfiguration { PongConfiguration() }

    public static var flags: [SettingFlag<PongConfiguration>] {
        [
            .choice(
                "observation", \.observation,
                help: "What the agent sees: classic (paddle, ball y, ball x), markov (adds the ball's direction; default) "
                    + "or continuous (exact positions and the ball's velocity, no bins: linear agents and the feature flags)."),
            .toggle("stay", \.allowsStay, help: "Give the paddle a third action, stay."),
        ]
    }

    public static var presets: [WorldPreset<PongConfiguration>] {
        [
            WorldPreset(
                name: "default", summary: "markov observation, decaying ε and α, γ 0.9 (the measured best)",
                hyperparameters: .pongDefault
            ) { $0.observation = .markov },
            WorldPreset(
                name: "tutorial", summary: "the tutorial's run: classic observation, α 0.1, γ 0.2, ε 0.15",
                hyperparameters: .tutorial
            ) { $0.observation = .classic },
        ]
    }

    public static func validate(_ configuration: PongConfiguration) throws(SettingError) {
        do { try configuration.validate() } catch { throw SettingError(error.message) }
        // The registry hands continuous configurations to ContinuousPongWorld: a table cannot hold them.
        guard configuration.observation != .continuous else {
            throw SettingError("the continuous observation has no table: it is learned by linear agents")
        }
    }

    public static func makeWorld(_ configuration: PongConfiguration) -> PongEnvironment {
        try! PongEnvironment(configuration: configuration)
    }

    public static func stateDimensions(_ configuration: PongConfiguration) -> [String] {
        PongObservationSpace(configuration: configuration).dimensionNames
    }

    public static func actionNames(_ configuration: PongConfiguration) -> [String] {
        PongActionSpace(allowsStay: configuration.allowsStay).names
    }

    public static func observationName(_ configuration: PongConfiguration) -> String? { configuration.observation.rawValue }

    public static func describe(_ pong: PongConfiguration) -> String {
        "court \(pong.courtWidth)×\(pong.courtHeight), step \(pong.movementStep), paddle \(pong.paddleHeight), ball radius \(formatNumber(pong.ballRadius)), lives \(pong.lives), step cap \(pong.stepCap)"
    }

    public static var metrics: [EpisodeMetric<PongCounters>] {
        [
            EpisodeMetric("hits", phrase: "hits") { Double($0.hits) },
            EpisodeMetric("misses", phrase: "misses (lives lost)", zeroShareWords: "with no life lost") { Double($0.misses) },
            EpisodeMetric("avoidable_misses", phrase: "avoidable misses", zeroShareWords: "with no avoidable miss") {
                Double($0.avoidableMisses)
            },
            EpisodeMetric("won", phrase: "won", isShare: true) { $0.won ? 1 : 0 },
        ]
    }

    /// Every agent starts from the measured defaults (docs/TUNING.md).
    public static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters { .pongDefault }

    public static func panels(_ configuration: PongConfiguration, _ selection: PanelSelection) throws(InspectionError) -> [PolicyPanel] {
        try PolicyPanel.pong(configuration, selection)
    }

    public static func explain(state coordinates: [Int], _ configuration: PongConfiguration) -> String? {
        StateExplanation.pongPositions(coordinates, configuration)
    }

    public static func evaluate(
        _ baseline: Baseline, _ configuration: PongConfiguration, episodes: Int, seed: UInt64,
        shouldStop: () -> Bool
    ) -> [EpisodeRecord<PongCounters>] {
        playBaseline(baseline, configuration: configuration, episodes: episodes, seed: seed, shouldStop: shouldStop)
    }

    public static func watchSession(_ configuration: PongConfiguration, policy: Policy, seed: UInt64, epsilon: Double) throws(WatchError)
        -> any WatchableSession
    {
        try WatchSession(configuration: configuration, policy: policy, seed: seed, epsilon: epsilon)
    }

    /// Pong's own court and HUD (`rl watch`'s frame), at `rl watch`'s scale.
    public static func scene(of world: PongEnvironment, _ configuration: PongConfiguration, hud: ToyTextHUD) -> Scene {
        PongFrame(configuration: world.configuration, state: world.state, episode: hud.episode).scene(scale: 10)
    }
}

/// A scripted Pong agent to compare a learned policy with.
public enum Baseline: String, Sendable, CaseIterable, Codable {
    /// Up or down at random: the floor.
    case random
    /// Moves the paddle towards the ball's current height.
    case tracker
    /// Knows where the ball will arrive: no avoidable miss, the ceiling.
    case oracle
}

/// Plays a baseline on Pong with the evaluation seeds `rl eval` gives a policy: the same `seed`
/// gives every agent the same serves.
func playBaseline(
    _ baseline: Baseline, configuration: PongConfiguration, episodes: Int, seed: UInt64,
    shouldStop: () -> Bool
) -> [EpisodeRecord<PongCounters>] {
    let environmentSeed = derivedSeed(seed, purpose: SeedPurpose.evaluation)
    var environment = FullyObservedPong(try! PongEnvironment(configuration: configuration))
    switch baseline {
    case .random:
        var agent = RandomAgent<PongPositions, PongActionSpace>(
            actionSpace: environment.actionSpace, seed: derivedSeed(seed, purpose: SeedPurpose.agent))
        return evaluate(&agent, on: &environment, episodes: episodes, seed: environmentSeed, until: shouldStop)
    case .tracker:
        var agent = PongTracker(configuration: configuration)
        return evaluate(&agent, on: &environment, episodes: episodes, seed: environmentSeed, until: shouldStop)
    case .oracle:
        var agent = PongOracle(configuration: configuration)
        return evaluate(&agent, on: &environment, episodes: episodes, seed: environmentSeed, until: shouldStop)
    }
}

extension Hyperparameters {
    /// The defaults for Pong with the `markov` observation; why these, in docs/TUNING.md.
    public static let pongDefault = Hyperparameters(
        learningRate: .linear(from: 1.0, to: 0.01, over: 0.9),
        discount: 0.9,
        epsilon: .linear(from: 0.3, to: 0.0, over: 0.9))
}
