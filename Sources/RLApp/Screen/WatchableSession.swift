import RLCore
import RLGridRender
import RLPongRender
import RLRender
import RLTabular

/// A policy playing a world one frame at a time, whatever the world: what `rl watch` paces and
/// shows (window, terminal, PNG files). Pong's ``WatchSession`` is one; ``ToyTextWatchSession``
/// plays any world that gives it a picture of its state.
///
/// Frames form one stream: the first frame of an episode is its start (step 0), each
/// ``advance()`` adds one step, and the frame after an episode's last one is the next
/// episode's first.
public protocol WatchableSession {
    /// The episode being played, from 1.
    var episode: Int { get }
    /// Episodes that have ended so far.
    var episodesFinished: Int { get }
    /// Frames produced so far, the current one included.
    var frameCount: Int { get }
    /// Steps taken in the current episode.
    var stepCount: Int { get }
    /// Whether the current frame is the last of its episode (its banner is up).
    var isEpisodeOver: Bool { get }
    /// Moves to the next frame.
    mutating func advance()
    /// Abandons the current episode (the `n` key) and starts the next one. Counts as a frame.
    mutating func skipEpisode()
    /// The current frame's picture, with the HUD's status, a passing notice (where a screenshot
    /// went) and, when asked, the `v` overlay; laid out for `scale` screen pixels per unit.
    func scene(status: String?, showingAgentView: Bool, notice: String?, scale: Double) -> Scene
    /// The part of the picture the terminal draws as blocks (text above it becomes lines).
    var terminalRegion: Rect { get }
}

extension WatchableSession {
    /// The current frame's picture, without status, notice or overlay.
    public func scene(scale: Double = 10) -> Scene { scene(status: nil, showingAgentView: false, notice: nil, scale: scale) }

    /// The current frame's picture with the HUD's status and the overlay, at the default scale.
    public func scene(status: String?, showingAgentView: Bool) -> Scene {
        scene(status: status, showingAgentView: showingAgentView, notice: nil, scale: 10)
    }
}

extension WatchSession: WatchableSession {
    public var stepCount: Int { environment.state.stepCount }
    public var isEpisodeOver: Bool { outcome != nil }
    public func scene(status: String?, showingAgentView: Bool, notice: String?, scale: Double) -> Scene {
        var frame = frame(status: status, showingAgentView: showingAgentView)
        frame.notice = notice
        return frame.scene(scale: scale)
    }
    public var terminalRegion: Rect { PongLayout(configuration: environment.configuration).playArea }
}

/// Any registered world played by a loaded policy, drawn by a scene builder the world's
/// registration provides (the world knows nothing of pictures; the registration, which knows
/// both, joins them).
public struct ToyTextWatchSession<W: WorldRegistration>: WatchableSession where W.World.ObservationSpace: FiniteSpace {
    public typealias World = W.World
    /// The world being played.
    public private(set) var world: World
    public private(set) var observation: World.Observation
    /// Frames, episodes, steps and the return so far.
    public private(set) var tally = EpisodeTally()
    public var episode: Int { tally.episode }
    public var episodesFinished: Int { tally.episodesFinished }
    public var frameCount: Int { tally.frameCount }
    public var stepCount: Int { tally.stepCount }
    /// The return of the current episode so far.
    public var episodeReturn: Double { tally.episodeReturn }
    /// How the current episode ended, when it has.
    public var ending: (terminated: Bool, truncated: Bool)? { tally.ending }
    var agent: QLearningAgent<World.ObservationSpace, World.ActionSpace>
    let exploring: Bool
    let actionNames: [String]
    /// The action the agent takes from the current state, chosen on arrival.
    public private(set) var nextAction: World.Action
    let draw: (World, ToyTextHUD) -> Scene
    let describeState: (World) -> [String]
    let banner: (World, Double) -> (text: String, color: RGBA)

    /// - Parameters:
    ///   - draw: the picture of the world's state under a HUD.
    ///   - describeState: the state in words, for the `v` overlay.
    ///   - banner: the words and colour of an episode's end that was not a time-out, from the
    ///     world and the episode's return.
    public init(
        configuration: W.Configuration, policy: Policy, seed: UInt64, epsilon: Double,
        draw: @escaping (World, ToyTextHUD) -> Scene,
        describeState: @escaping (World) -> [String],
        banner: @escaping (World, Double) -> (text: String, color: RGBA)
    ) throws(WatchError) {
        guard epsilon >= 0 && epsilon <= 1 else { throw WatchError("epsilon must be in 0...1, got \(epsilon)") }
        var world = W.makeWorld(configuration)
        observation = world.reset(seed: derivedSeed(seed, purpose: SeedPurpose.evaluation))
        var hyperparameters = policy.metadata.hyperparameters
        hyperparameters.epsilon = .constant(epsilon)
        agent = QLearningAgent(
            observationSpace: world.observationSpace, actionSpace: world.actionSpace,
            hyperparameters: hyperparameters, table: policy.table,
            seed: derivedSeed(seed, purpose: SeedPurpose.agent))
        self.world = world
        exploring = epsilon > 0
        actionNames = W.layout(configuration).actions
        self.draw = draw
        self.describeState = describeState
        self.banner = banner
        nextAction = world.actionSpace.element(at: 0)
        nextAction = agent.action(for: observation, mode: exploring ? .training : .evaluation)
    }

    public var isEpisodeOver: Bool { ending != nil }

    public mutating func advance() {
        tally.countFrame()
        if ending != nil { return beginNextEpisode() }
        let step = world.step(nextAction)
        observation = step.observation
        tally.record(step)
        nextAction = agent.action(for: observation, mode: exploring ? .training : .evaluation)
    }

    public mutating func skipEpisode() {
        tally.countFrame()
        tally.abandonEpisode()
        beginNextEpisode()
    }

    mutating func beginNextEpisode() {
        tally.beginEpisode()
        observation = world.reset(seed: nil)
        nextAction = agent.action(for: observation, mode: exploring ? .training : .evaluation)
    }

    /// What the agent sees and values in the current state.
    public var agentView: ToyTextAgentView {
        let state = world.observationSpace.index(of: observation)
        return ToyTextAgentView(
            stateLines: describeState(world), actionNames: actionNames,
            actionValues: (0..<world.actionSpace.count).map { agent.table[state, $0] },
            chosenAction: world.actionSpace.index(of: nextAction))
    }

    /// The HUD of the current frame.
    public func hud(status: String?, showingAgentView: Bool) -> ToyTextHUD {
        let counters = world.counters
        var endBanner: (text: String, color: RGBA)?
        if let ending {
            endBanner = ending.terminated ? banner(world, episodeReturn) : ("TIME UP", ToyTextPalette.timeUp)
        }
        return ToyTextHUD(
            episode: episode, step: stepCount, episodeReturn: episodeReturn,
            metrics: W.metrics.map { ($0.name, $0.value(counters)) }, status: status, banner: endBanner,
            agentView: showingAgentView ? agentView : nil)
    }

    /// The toy-text pictures have one layout at every scale; a notice goes on the status line.
    public func scene(status: String?, showingAgentView: Bool, notice: String?, scale: Double) -> Scene {
        draw(world, hud(status: notice ?? status, showingAgentView: showingAgentView))
    }

    public var terminalRegion: Rect { ToyTextFrame.playArea(of: scene()) }
}
