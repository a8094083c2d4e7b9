import RLCore
import RLFeatures
import RLGridRender
import RLRender
import RLTabular

/// Finds which capability protocols a registered world adopts, once per configuration, and opens
/// each on the world's concrete type (a cast of the metatype, then a generic function the
/// compiler specialises). The one place that asks "does this world have ...?".
enum WorldCapabilities {
    /// The capabilities `W` adopts.
    static func adopted<W: WorldRegistration>(by world: W.Type) -> WorldCapability {
        var adopted: WorldCapability = []
        if W.self is any ModelledWorld.Type { adopted.insert(.model) }
        if W.self is any BaselineWorld.Type { adopted.insert(.baselines) }
        if W.self is any DrawableWorld.Type { adopted.insert(.picture) }
        if W.self is any InspectableWorld.Type { adopted.insert(.inspection) }
        if W.self is any TwoPlayerWorld.Type { adopted.insert(.twoPlayers) }
        if W.self is any ContinuousWorld.Type { adopted.insert(.continuous) }
        if W.self is any ExploringStartsWorld.Type { adopted.insert(.exploringStarts) }
        return adopted
    }

    static func model<W: WorldRegistration>(of world: W.Type, _ configuration: W.Configuration) -> WorldModel? {
        guard let modelled = W.self as? any ModelledWorld.Type else { return nil }
        func open<M: ModelledWorld>(_ type: M.Type) -> WorldModel? { M.model(configuration as! M.Configuration) }
        return open(modelled)
    }

    static func baselines<W: WorldRegistration>(of world: W.Type, _ configuration: W.Configuration) -> WorldBaselines? {
        guard let scripted = W.self as? any BaselineWorld.Type else { return nil }
        func open<B: BaselineWorld>(_ type: B.Type) -> WorldBaselines {
            let configuration = configuration as! B.Configuration
            return WorldBaselines(names: B.Baseline.allCases.map(\.rawValue)) { name, episodes, seed, shouldStop in
                guard let baseline = B.Baseline(rawValue: name) else { return nil }
                let records = B.evaluate(baseline, configuration, episodes: episodes, seed: seed, shouldStop: shouldStop)
                return EvaluationReport(
                    environment: B.id, agent: name, seed: seed, records: records, metrics: B.metrics,
                    episodesRequested: episodes)
            }
        }
        return open(scripted)
    }

    static func picture<W: WorldRegistration>(of world: W.Type, _ configuration: W.Configuration) -> WorldPicture? {
        guard let drawable = W.self as? any DrawableWorld.Type else { return nil }
        func open<D: DrawableWorld>(_ type: D.Type) -> WorldPicture {
            let configuration = configuration as! D.Configuration
            return WorldPicture { (policy, seed, epsilon) throws(WatchError) in
                try D.watchSession(configuration, policy: policy, seed: seed, epsilon: epsilon)
            }
        }
        return open(drawable)
    }

    /// The picture of a state under a HUD (``DrawableWorld/scene(of:_:hud:)``), or `nil`.
    static func scene<W: WorldRegistration>(of world: W.Type, _ configuration: W.Configuration) -> ((W.World, ToyTextHUD) -> Scene)? {
        guard let drawable = W.self as? any DrawableWorld.Type else { return nil }
        func open<D: DrawableWorld>(_ type: D.Type) -> (W.World, ToyTextHUD) -> Scene {
            let configuration = configuration as! D.Configuration
            return { world, hud in D.scene(of: world as! D.World, configuration, hud: hud) }
        }
        return open(drawable)
    }

    static func inspection<W: WorldRegistration>(of world: W.Type, _ configuration: W.Configuration) -> WorldInspection? {
        guard let inspectable = W.self as? any InspectableWorld.Type else { return nil }
        func open<I: InspectableWorld>(_ type: I.Type) -> WorldInspection {
            let configuration = configuration as! I.Configuration
            return WorldInspection(
                makePanels: { (selection) throws(InspectionError) in try I.panels(configuration, selection) },
                explainState: { I.explain(state: $0, configuration) })
        }
        return open(inspectable)
    }

    static func twoPlayers<W: WorldRegistration>(of world: W.Type, _ configuration: W.Configuration) -> WorldTwoPlayers? {
        guard let duel = W.self as? any TwoPlayerWorld.Type else { return nil }
        func open<T: TwoPlayerWorld>(_ type: T.Type) -> WorldTwoPlayers {
            let configuration = configuration as! T.Configuration
            return WorldTwoPlayers(scriptedPlayers: T.scriptedPlayers) {
                (policy, path, opponents, games, seed, shouldStop) throws(PolicyFileError) in
                try T.evaluateDuel(policy, path: path, configuration, against: opponents, games: games, seed: seed, shouldStop: shouldStop)
            }
        }
        return open(duel)
    }

    /// How a world that can start anywhere (``ExploringStartsWorld``) starts a training episode
    /// with exploring starts: in a start state drawn uniformly by a generator seeded from `seed`
    /// and the episode's number alone (so a resumed run draws what the run left alone would).
    /// `nil` for a world that cannot.
    static func exploringStart<W: WorldRegistration>(of type: W.Type, seed: UInt64)
        -> ((_ world: inout W.World, _ episode: Int, _ seed: UInt64?) -> W.World.Observation)?
    {
        guard let starting = W.self as? any ExploringStartsWorld.Type else { return nil }
        func open<X: ExploringStartsWorld>(_ type: X.Type) -> (inout W.World, Int, UInt64?) -> W.World.Observation {
            { world, episode, resetSeed in
                var opened = world as! X.World
                var draws = Xoshiro256StarStar(seed: derivedSeed(seed, purpose: UInt64(episode)))
                let state = opened.startState(at: draws.nextIndex(below: opened.startStateCount))
                let observation = opened.reset(from: state, seed: resetSeed)
                world = opened as! W.World
                return observation as! W.World.Observation
            }
        }
        return open(starting)
    }

    /// What the training loop runs beside a two-player world (self-play's league), if anything.
    static func trainingCompanion<W: WorldRegistration>(of type: W.Type, for world: W.World) -> (any TrainingCompanion)? {
        guard let duel = W.self as? any TwoPlayerWorld.Type else { return nil }
        func open<T: TwoPlayerWorld>(_ type: T.Type) -> (any TrainingCompanion)? {
            T.trainingCompanion(for: world as! T.World)
        }
        return open(duel)
    }
}

extension WorldRegistration where World.ObservationSpace: FiniteSpace {
    /// The table's shape and names under a configuration: the world's own names when it is
    /// inspectable, numbered ones otherwise.
    static func layout(_ configuration: Configuration) -> TableLayout {
        let world = makeWorld(configuration)
        var layout = TableLayout(
            stateShape: world.observationSpace.shape, actionCount: world.actionSpace.count,
            stateDimensions: world.observationSpace.shape.indices.map { "dimension\($0)" },
            actions: (0..<world.actionSpace.count).map(String.init), observation: nil)
        if let inspectable = Self.self as? any InspectableWorld.Type {
            func open<I: InspectableWorld>(_ type: I.Type) {
                let configuration = configuration as! I.Configuration
                layout.stateDimensions = I.stateDimensions(configuration)
                layout.actions = I.actionNames(configuration)
                layout.observation = I.observationName(configuration)
            }
            open(inspectable)
        }
        return layout
    }
}

/// The capabilities a world can adopt, as a set: what `rl train --help` lists beside a world,
/// and what a command asks of a world before it has a configuration (which world `rl play`
/// opens by default).
public struct WorldCapability: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// ``ModelledWorld``.
    public static let model = WorldCapability(rawValue: 1 << 0)
    /// ``BaselineWorld``.
    public static let baselines = WorldCapability(rawValue: 1 << 1)
    /// ``DrawableWorld``.
    public static let picture = WorldCapability(rawValue: 1 << 2)
    /// ``InspectableWorld``.
    public static let inspection = WorldCapability(rawValue: 1 << 3)
    /// ``TwoPlayerWorld``.
    public static let twoPlayers = WorldCapability(rawValue: 1 << 4)
    /// ``ContinuousWorld``: real coordinates, learned through features by linear agents.
    public static let continuous = WorldCapability(rawValue: 1 << 5)
    /// ``ExploringStartsWorld``: can start an episode in any state (Monte Carlo ES).
    public static let exploringStarts = WorldCapability(rawValue: 1 << 6)

    /// Each capability with its name, in the order help lists them.
    public static let named: [(capability: WorldCapability, name: String)] = [
        (.model, "model"), (.baselines, "baselines"), (.picture, "picture"), (.inspection, "inspection"),
        (.twoPlayers, "two players"), (.continuous, "continuous"), (.exploringStarts, "any start"),
    ]

    /// The names of the capabilities in the set.
    public var names: [String] { Self.named.filter { contains($0.capability) }.map(\.name) }
}

extension ContinuousWorld {
    /// The weights' shape and names under a configuration: a row per feature, a column per action.
    static func layout(_ configuration: Configuration) throws(FeatureError) -> TableLayout {
        let world = makeWorld(configuration)
        let features = try features(configuration)
        return TableLayout(
            stateShape: [features.featureCount], actionCount: world.actionSpace.count, stateDimensions: ["feature"],
            actions: (0..<world.actionSpace.count).map { world.actionSpace.element(at: $0).description },
            observation: nil, features: JSONText.encode(FeatureDescription(settings: features.settings, ranges: features.ranges)))
    }
}

/// A linear policy's features as its file describes them: enough to rebuild them without `rl`
/// (the settings, and the interval and wrapping of each coordinate).
struct FeatureDescription: Codable, Equatable {
    var settings: FeatureSettings
    var ranges: FeatureRanges
}
