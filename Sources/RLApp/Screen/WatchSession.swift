import RLCore
import RLPong
import RLPongRender
import RLRender
import RLTabular

/// A loaded policy playing Pong, one frame at a time: what `rl watch` shows, whatever shows it
/// (window, terminal, PNG files). It knows nothing of time or keys; its caller paces it.
///
/// Frames form one stream: the first frame of an episode is the served court (step 0), each
/// ``advance()`` adds one step, and the frame after an episode's last one is the next
/// episode's first.
public struct WatchSession {
    /// The court being played.
    public private(set) var environment: PongEnvironment
    /// The episode being played, from 1.
    public private(set) var episode = 1
    /// Episodes that have ended so far.
    public private(set) var episodesFinished = 0
    /// Set when the current frame is the last of its episode.
    public private(set) var outcome: EpisodeOutcome?
    /// Frames produced so far, the current one included.
    public private(set) var frameCount = 1

    var agent: QLearningAgent<PongObservationSpace, PongActionSpace>
    var exploring: Bool
    /// The action the agent takes from the current state: chosen on arrival, so the overlay
    /// shows the action that will really be taken (an exploring one included).
    public private(set) var nextAction: PongAction

    /// Rebuilds the court and the agent from a policy's table (a greedy player, or an
    /// ε-greedy one to watch it explore).
    /// - Parameters:
    ///   - seed: the same seed gives the same games (serves are derived from it as in `rl eval`).
    ///   - epsilon: the probability of a random action; 0 watches the greedy agent.
    /// - Throws: when ε is out of range or the court cannot be played.
    public init(configuration: PongConfiguration, policy: Policy, seed: UInt64, epsilon: Double = 0) throws(WatchError) {
        guard epsilon >= 0 && epsilon <= 1 else { throw WatchError("epsilon must be in 0...1, got \(epsilon)") }
        do {
            environment = try PongEnvironment(configuration: configuration, seed: derivedSeed(seed, purpose: SeedPurpose.evaluation))
        } catch {
            throw WatchError(error.message)
        }
        // The policy's table with a constant epsilon; the agent never learns here.
        var hyperparameters = policy.metadata.hyperparameters
        hyperparameters.epsilon = .constant(epsilon)
        agent = QLearningAgent(
            observationSpace: environment.observationSpace, actionSpace: environment.actionSpace,
            hyperparameters: hyperparameters, table: policy.table,
            seed: derivedSeed(seed, purpose: SeedPurpose.agent))
        exploring = epsilon > 0
        nextAction = .up
        nextAction = chooseAction()
    }

    mutating func chooseAction() -> PongAction {
        agent.action(for: environment.observation, mode: exploring ? .training : .evaluation)
    }

    /// Moves to the next frame: one step of the game, or the next episode's serve when the
    /// current frame ended an episode.
    public mutating func advance() {
        frameCount += 1
        if outcome != nil {
            beginNextEpisode()
            return
        }
        let step = environment.step(nextAction)
        if step.terminated {
            outcome = environment.counters.won ? .won : .gameOver
        } else if step.truncated {
            outcome = .timeUp
        }
        if outcome != nil { episodesFinished += 1 }
        nextAction = chooseAction()
    }

    /// Abandons the current episode (the `n` key) and serves the next one. Counts as a frame.
    public mutating func skipEpisode() {
        frameCount += 1
        if outcome == nil { episodesFinished += 1 }
        beginNextEpisode()
    }

    mutating func beginNextEpisode() {
        episode += 1
        outcome = nil
        _ = environment.reset()
        nextAction = chooseAction()
    }

    /// What the agent sees and values in the current state.
    public var agentView: AgentView {
        let observation = environment.observation
        let state = environment.observationSpace.index(of: observation)
        let actions = environment.actionSpace
        return AgentView(
            observation: observation, actionNames: actions.names,
            actionValues: (0..<actions.count).map { agent.table[state, $0] },
            chosenAction: actions.index(of: nextAction))
    }

    /// The current frame, ready to draw.
    public func frame(status: String? = nil, showingAgentView: Bool = false) -> PongFrame {
        PongFrame(
            configuration: environment.configuration, state: environment.state, episode: episode, outcome: outcome,
            status: status, agentView: showingAgentView ? agentView : nil)
    }
}

/// Why a watch session cannot start, in one line.
public struct WatchError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What the viewer can ask for while watching, whatever the keys that ask for it.
public enum WatchRequest: Sendable, Equatable {
    case togglePause, faster, slower, nextEpisode, quit, screenshot, toggleAgentView
}

/// The viewer's settings while watching: speed, pause and the overlay. Plain state, so the
/// key handling is tested without a window.
public struct WatchControls: Sendable, Equatable {
    /// The speeds ←/→ step through, in steps per second.
    public static let speeds = [1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 240, 480, 1000]

    public var stepsPerSecond: Int
    public var isPaused = false
    public var showsAgentView = false

    public init(stepsPerSecond: Int) { self.stepsPerSecond = stepsPerSecond }

    /// Applies a speed, pause or overlay request; others are the caller's to handle.
    public mutating func apply(_ request: WatchRequest) {
        switch request {
        case .togglePause: isPaused.toggle()
        case .toggleAgentView: showsAgentView.toggle()
        case .faster: stepsPerSecond = Self.speeds.first { $0 > stepsPerSecond } ?? stepsPerSecond
        case .slower: stepsPerSecond = Self.speeds.last { $0 < stepsPerSecond } ?? stepsPerSecond
        case .nextEpisode, .quit, .screenshot: break
        }
    }

    /// The HUD's status line: the pause, or the speed.
    public var status: String { isPaused ? "PAUSED" : "\(stepsPerSecond) STEPS/S" }
}

extension WatchRequest {
    /// What a key asks for while watching, from a window or a terminal.
    public init?(_ key: ScreenKey) {
        switch key {
        case .closed, .escape, .character("q"): self = .quit
        case .space: self = .togglePause
        case .right, .plus: self = .faster
        case .left, .minus: self = .slower
        case .character("n"): self = .nextEpisode
        case .character("s"): self = .screenshot
        case .character("v"): self = .toggleAgentView
        case .up, .down, .character: return nil
        }
    }

    /// The requests in bytes typed at a terminal (``ScreenKey/keys(inTerminalInput:)``).
    public static func requests(fromTerminalInput bytes: [UInt8]) -> [WatchRequest] {
        ScreenKey.keys(inTerminalInput: bytes).compactMap(WatchRequest.init)
    }
}

extension WatchSession {
    /// The Pong session of a loaded Pong policy.
    public init(policy loaded: LoadedPolicy, seed: UInt64, epsilon: Double = 0) throws(WatchError) {
        guard let session = try makeWatchSession(policy: loaded, seed: seed, epsilon: epsilon) as? WatchSession else {
            throw WatchError("\(loaded.path) is a policy for \(loaded.worldID), not pong")
        }
        self = session
    }
}

/// The session of a loaded policy, when its world can be drawn.
public func makeWatchSession(policy loaded: LoadedPolicy, seed: UInt64, epsilon: Double = 0) throws(WatchError) -> any WatchableSession {
    guard let world = loaded.world else {
        throw WatchError("\(loaded.path) is a policy for world '\(loaded.worldID)', which this rl does not know: cannot watch it")
    }
    guard let picture = world.picture else {
        throw WatchError("\(loaded.path) is a policy for \(world.id), which has no picture yet: cannot watch it")
    }
    return try picture.watchSession(policy: loaded.policy, seed: seed, epsilon: epsilon)
}
