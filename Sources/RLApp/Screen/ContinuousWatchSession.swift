import RLCore
import RLDeep
import RLFeatures
import RLGridRender
import RLLinear
import RLRender
import RLTabular

/// A continuous world played by a linear policy, drawn by a scene builder its registration
/// provides, under the toy-text worlds' HUD: the same session as ``ToyTextWatchSession``, with
/// q̂ over features where that one reads a table.
///
/// Episodes start as `rl eval --seed` starts them (episode k from its own evaluation seed, the
/// agent's ties broken by the same generator), so with ε = 0 the k-th episode watched is the
/// k-th episode `rl eval` scores.
public struct ContinuousWatchSession<W: ContinuousWorld>: WatchableSession {
    public typealias World = W.World
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
    var agent: ContinuousPlayer<World.Observation, World.ActionSpace>
    let mode: AgentMode
    /// The seed episode k's start is derived from (``evaluationEpisodeSeed(_:episode:)``).
    let evaluationSeed: UInt64
    /// The action the agent takes from the current state, chosen on arrival (at an episode's
    /// end, the one it would take: chosen by a copy, so the agent draws no more than in `rl eval`).
    public private(set) var nextAction: World.Action
    let draw: (World, ToyTextHUD) -> Scene
    let banner: (text: String, color: RGBA)

    /// - Parameters:
    ///   - draw: the picture of the world's state under a HUD.
    ///   - banner: the words and colour of an episode's end that was not a time-out.
    public init(
        configuration: W.Configuration, policy: Policy, seed: UInt64, epsilon: Double, banner: (text: String, color: RGBA),
        draw: @escaping (World, ToyTextHUD) -> Scene
    ) throws(WatchError) {
        guard epsilon >= 0 && epsilon <= 1 else { throw WatchError("epsilon must be in 0...1, got \(epsilon)") }
        let features: ContinuousFeatures<World.Observation>
        do { features = try W.features(configuration) } catch { throw WatchError(error.message) }
        var world = W.makeWorld(configuration)
        evaluationSeed = derivedSeed(seed, purpose: SeedPurpose.evaluation)
        observation = world.reset(seed: evaluationEpisodeSeed(evaluationSeed, episode: 0))
        let agentSeed = derivedSeed(seed, purpose: SeedPurpose.agent)
        if policy.metadata.isNetwork {
            do {
                let network = try NetworkDescription(json: policy.metadata.network ?? "").makePolicyNetwork(from: policy.extraTensors)
                let normalization = try ObservationNormalization(tensors: policy.extraTensors, width: network.inputSize)
                agent = .network(
                    GreedyNetworkAgent(
                        network: network, encoder: CoordinateEncoder(), actionSpace: world.actionSpace, normalization: normalization),
                    epsilon: epsilon, generator: Xoshiro256StarStar(seed: agentSeed))
            } catch {
                throw WatchError(error.message)
            }
        } else {
            var hyperparameters = policy.metadata.hyperparameters
            hyperparameters.epsilon = .constant(epsilon)
            var linear = LinearQLearningAgent(
                features: features, actionSpace: world.actionSpace, hyperparameters: hyperparameters, settings: NoAgentSettings(),
                seed: agentSeed)
            do { try linear.restore(weights: policy.table) } catch { throw WatchError(error.message) }
            agent = .linear(linear)
        }
        self.world = world
        mode = epsilon > 0 ? .training : .evaluation
        self.draw = draw
        self.banner = banner
        nextAction = world.actionSpace.element(at: 0)
        nextAction = agent.action(for: observation, mode: mode)
    }

    public var isEpisodeOver: Bool { ending != nil }

    public mutating func advance() {
        tally.countFrame()
        if ending != nil { return beginNextEpisode() }
        let step = world.step(nextAction)
        observation = step.observation
        tally.record(step)
        if step.isLast {
            var onlooker = agent
            nextAction = onlooker.action(for: observation, mode: mode)
        } else {
            nextAction = agent.action(for: observation, mode: mode)
        }
    }

    public mutating func skipEpisode() {
        tally.countFrame()
        tally.abandonEpisode()
        beginNextEpisode()
    }

    mutating func beginNextEpisode() {
        tally.beginEpisode()
        observation = world.reset(seed: evaluationEpisodeSeed(evaluationSeed, episode: episode - 1))
        nextAction = agent.action(for: observation, mode: mode)
    }

    /// What the agent sees and values: the observation's coordinates and q̂ of each action (a
    /// deep agent's outputs: DQN's Q-values, PPO's logits).
    public var agentView: ToyTextAgentView {
        let names = World.Observation.dimensionNames
        let space = world.actionSpace
        return ToyTextAgentView(
            stateLines: names.indices.map { "\(Self.words(names[$0])) \(fixed(observation[$0], 3))" },
            actionNames: (0..<space.count).map { space.element(at: $0).description },
            actionValues: agent.values(of: observation),
            chosenAction: space.index(of: nextAction))
    }

    /// A coordinate's name in words: `poleAngularVelocity` is `pole angular velocity`.
    static func words(_ name: String) -> String {
        name.reduce(into: "") { words, character in
            if character.isUppercase && !words.isEmpty { words.append(" ") }
            words.append(character.lowercased())
        }
    }

    /// The HUD of the current frame.
    public func hud(status: String?, showingAgentView: Bool) -> ToyTextHUD {
        var endBanner: (text: String, color: RGBA)?
        if let ending {
            endBanner = ending.terminated ? banner : ("TIME UP", ToyTextPalette.timeUp)
        }
        return ToyTextHUD(
            episode: episode, step: stepCount, episodeReturn: episodeReturn, status: status, banner: endBanner,
            agentView: showingAgentView ? agentView : nil)
    }

    public func scene(status: String?, showingAgentView: Bool, notice: String?, scale: Double) -> Scene {
        draw(world, hud(status: notice ?? status, showingAgentView: showingAgentView))
    }

    public var terminalRegion: Rect { ToyTextFrame.playArea(of: scene()) }
}

/// What plays a continuous world in `rl watch`: a linear agent's q̂ over features, or a deep
/// agent's network (greedy, or ε-greedy from its own generator when asked).
enum ContinuousPlayer<Observation: ContinuousObservation, ActionSpace: FiniteSpace & Sendable> {
    case linear(LinearQLearningAgent<ContinuousFeatures<Observation>, ActionSpace>)
    case network(GreedyNetworkAgent<CoordinateEncoder<Observation>, ActionSpace>, epsilon: Double, generator: Xoshiro256StarStar)

    mutating func action(for observation: Observation, mode: AgentMode) -> ActionSpace.Element {
        switch self {
        case .linear(var agent):
            let action = agent.action(for: observation, mode: mode)
            self = .linear(agent)
            return action
        case .network(var agent, let epsilon, var generator):
            let space = agent.actionSpace
            let action =
                epsilon > 0 && Double.random(in: 0..<1, using: &generator) < epsilon
                ? space.element(at: Int.random(in: 0..<space.count, using: &generator))
                : agent.action(for: observation, mode: .evaluation)
            self = .network(agent, epsilon: epsilon, generator: generator)
            return action
        }
    }

    /// What the player values each action at in `observation`.
    func values(of observation: Observation) -> [Double] {
        switch self {
        case .linear(let agent):
            let features = agent.features.activeFeatures(of: observation)
            return (0..<agent.actionSpace.count).map { agent.values.value(of: features, action: $0) }
        case .network(let agent, _, _):
            return agent.outputs(for: observation).map(Double.init)
        }
    }
}
