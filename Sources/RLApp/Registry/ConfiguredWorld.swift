import RLCore
import RLDeep
import RLExperiments
import RLFeatures
import RLNeural
import RLTabular

/// A registered world under one valid configuration, with its types erased: what a command
/// plays, evaluates, draws or inspects. It carries the decoded configuration inside the
/// closures made by the generic initialiser, which the compiler specialises for the world, so
/// the hot loops stay concrete. A capability is present exactly when the world adopts its
/// protocol: commands ask for the capability (`world.model`, `world.picture`), never for a name.
// Sendable: its closures capture only the registration's type and a Sendable configuration.
public struct ConfiguredWorld: @unchecked Sendable {
    /// The world's id (`pong`).
    public let id: String
    /// The configuration as policy files store it (canonical JSON).
    public let configuration: String
    /// The configuration in a few words.
    public let description: String
    /// The episodes `rl train` plays when not told.
    public let defaultEpisodes: Int
    /// What a table for this configuration looks like and what its parts are called.
    public let layout: TableLayout
    /// Whether its observations are real coordinates: its agents learn linear functions of
    /// features, and only agents with a linear form can learn it.
    public let hasRealCoordinates: Bool
    /// Whether some state allows only some of the actions (the maximisation-bias world's A):
    /// a deep agent, which chooses among all of them, cannot learn it. Counted when asked.
    public var limitsActions: Bool { actionsLimited() }
    /// Whether it can start an episode in any state (``ExploringStartsWorld``): what Monte Carlo ES needs.
    public let startsAnywhere: Bool
    /// How many states its table has (1: a bandit, which the bandit methods need).
    public var stateCount: Int { layout.stateShape.reduce(1, *) }
    private let actionsLimited: () -> Bool

    let train: (_ options: TrainingOptions, _ observers: TrainingObservers) throws(PolicyFileError) -> TrainingOutcome
    let plan: (_ planner: Planner, _ options: TrainingOptions) throws(RunError) -> TrainingOutcome
    let evaluate:
        (_ policy: Policy, _ label: String, _ episodes: Int, _ seed: UInt64, _ shouldStop: @escaping () -> Bool) -> EvaluationReport
    let benchmark: (_ agent: String, _ episodes: Int, _ environmentSteps: Int, _ seed: UInt64) throws(RunError) -> WorldBenchmark
    /// Times a deep agent's training run (``runDeepBenchmark(world:agent:steps:repeats:seed:)``).
    let deepBenchmark:
        (_ agent: String, _ settings: String, _ hyperparameters: Hyperparameters, _ steps: Int, _ seed: UInt64) throws(RunError)
            -> DeepBenchmark
    /// Plays in-memory runs of a table agent and sums what they measure (``accumulate(_:seeds:into:)``).
    let curves: (_ request: EpisodeCurveRequest, _ seeds: Range<UInt64>, _ sums: inout RunSums) throws(RunError) -> Void
    /// Restores what a saved run holds beyond its table into a throwaway agent (``SavedPolicyCheck``).
    let checkSaved: (_ policy: Policy) throws(PolicyFileError) -> Void
    /// Checks a deep agent's file against the world (inputs, actions, every weight) and returns
    /// its action network; with it, on a finite world, the table of what it gives each state.
    let loadNetwork: (_ policy: Policy) throws(PolicyFileError) -> LoadedNetwork
    /// What a deep agent's policy file names: the world's state dimensions (a finite world's)
    /// or coordinates (a continuous one's), and its actions.
    public let networkLayout: TableLayout
    private let makeModel: () -> WorldModel?
    private let makeBatchWith: (_ count: Int, _ autoreset: Bool) -> EnvironmentBatch

    /// `count` copies of the world to step together (``EnvironmentBatch``); with `autoreset`,
    /// a copy whose episode ended starts the next on its next step (Gymnasium's `NEXT_STEP`).
    /// - Precondition: `count > 0`.
    public func makeBatch(count: Int, autoreset: Bool) -> EnvironmentBatch {
        precondition(count > 0, "a batch needs at least one copy")
        return makeBatchWith(count, autoreset)
    }
    private let hyperparameters: (_ agent: String, _ preset: String?) -> Hyperparameters
    private let deepDefaults: (_ agent: String) -> DeepDefaults?
    private let agentSettings: (_ agent: String) -> [(name: String, value: String?)]

    /// What deep agent `agent` starts from on this world (its steps, hyperparameters and
    /// settings), or `nil` for an agent that is not deep.
    public func deepDefaults(forAgent agent: String) -> DeepDefaults? { deepDefaults(agent) }

    /// The values the world gives an agent's own flags before the user's: a deep agent's
    /// (``DeepDefaults/settings``) or a tabular agent's (``WorldRegistration/defaultSettings(forAgent:)``).
    public func defaultSettings(forAgent agent: String) -> [(name: String, value: String?)] { agentSettings(agent) }

    /// The hyperparameters an agent starts from, under an optional preset.
    public func defaultHyperparameters(forAgent agent: String, preset: String? = nil) -> Hyperparameters {
        hyperparameters(agent, preset)
    }

    // The capabilities.

    /// The world's dynamics and step cap (``ModelledWorld``), or `nil`.
    /// Made when asked: a large lake's model is worth building only for the commands that use it.
    public var model: WorldModel? { makeModel() }
    /// Its scripted agents (``BaselineWorld``), or `nil`.
    public let baselines: WorldBaselines?
    /// How to draw it (``DrawableWorld``), or `nil`.
    public let picture: WorldPicture?
    /// Its own words for its table (``InspectableWorld``), or `nil`.
    public let inspection: WorldInspection?
    /// What its two players need (``TwoPlayerWorld``), or `nil`.
    public let twoPlayers: WorldTwoPlayers?
    /// A continuous world's value function over its coordinates (``ContinuousWorld``), or `nil`.
    public private(set) var valueFunction: ValueFunctionView?

    /// A world under a configuration, with everything the configuration decides; the
    /// capabilities are found here, once, for both kinds of world.
    private init<W: WorldRegistration, Encoder: ObservationEncoder, Writer: ObservationWriter>(
        _ world: W.Type, _ configuration: W.Configuration, layout: TableLayout, encoder: Encoder, networkLayout: TableLayout,
        writer: Writer, observation: ObservationDescription,
        tabulate: ((MLP<Float>, ObservationNormalization?) -> QTable)? = nil, limitsActions: @autoclosure @escaping () -> Bool = false,
        train: @escaping (_ options: TrainingOptions, _ observers: TrainingObservers) throws(PolicyFileError) -> TrainingOutcome,
        plan: @escaping (_ planner: Planner, _ options: TrainingOptions) throws(RunError) -> TrainingOutcome,
        playGreedily:
            @escaping (_ policy: Policy, _ world: inout W.World, _ episodes: Int, _ seed: UInt64, _ shouldStop: () -> Bool)
            -> [EpisodeRecord<W.World.Counters>],
        benchmark: @escaping (_ agent: String, _ episodes: Int, _ environmentSteps: Int, _ seed: UInt64) throws(RunError) -> WorldBenchmark,
        curves: @escaping (_ request: EpisodeCurveRequest, _ seeds: Range<UInt64>, _ sums: inout RunSums) throws(RunError) -> Void = {
            _, _, _ throws(RunError) in throw .unsupported("in-memory curves are for finite worlds")
        },
        checkSaved: @escaping (_ policy: Policy) throws(PolicyFileError) -> Void = { _ throws(PolicyFileError) in }
    ) where Encoder.Observation == W.World.Observation, Writer.Observation == W.World.Observation {
        id = W.id
        self.configuration = JSONText.encode(configuration)
        description = W.describe(configuration)
        defaultEpisodes = W.defaultEpisodes(configuration)
        self.layout = layout
        hasRealCoordinates = W.self is any ContinuousWorld.Type
        actionsLimited = limitsActions
        startsAnywhere = W.self is any ExploringStartsWorld.Type
        hyperparameters = { agent, preset in
            if let deep = Registry.deepDefaults(forAgent: agent, on: W.self) { return deep.hyperparameters }
            return W.presets.first { $0.name == preset }?.hyperparameters ?? W.defaultHyperparameters(forAgent: agent, in: configuration)
        }
        deepDefaults = { agent in Registry.deepDefaults(forAgent: agent, on: W.self) }
        agentSettings = { agent in
            Registry.deepDefaults(forAgent: agent, on: W.self)?.settings ?? W.defaultSettings(forAgent: agent, in: configuration)
        }
        self.networkLayout = networkLayout
        // A deep agent trains by steps on any world: its own run, chosen here once.
        self.train = { (options, observers) throws(PolicyFileError) -> TrainingOutcome in
            guard Registry.isDeep(options.agent) else { return try train(options, observers) }
            return try DeepTrainingRun<W, Encoder>.train(
                configuration, options, observers: observers, encoder: encoder, layout: networkLayout)
        }
        self.plan = plan
        makeModel = { WorldCapabilities.model(of: W.self, configuration) }
        let loadNetwork = { (policy: Policy) throws(PolicyFileError) -> LoadedNetwork in
            let network = try NetworkDescription(json: policy.metadata.network ?? "").makePolicyNetwork(from: policy.extraTensors)
            guard network.inputSize == encoder.width, network.outputSize == networkLayout.actionCount else {
                throw PolicyFileError(
                    "its network reads \(network.inputSize) inputs and gives \(network.outputSize) outputs; world \(W.id) needs "
                        + "\(encoder.width) and \(networkLayout.actionCount)")
            }
            let normalization = try ObservationNormalization(tensors: policy.extraTensors, width: encoder.width)
            return LoadedNetwork(network: network, normalization: normalization, table: tabulate?(network, normalization))
        }
        self.loadNetwork = loadNetwork
        evaluate = { policy, label, episodes, seed, shouldStop in
            var world = W.makeWorld(configuration)
            let records: [EpisodeRecord<W.World.Counters>]
            if policy.metadata.isNetwork, let loaded = try? loadNetwork(policy) {
                records = playGreedy(
                    network: loaded.network, normalization: loaded.normalization, encoder: encoder, on: &world, episodes: episodes,
                    seed: seed, shouldStop: shouldStop)
            } else {
                records = playGreedily(policy, &world, episodes, seed, shouldStop)
            }
            var report = EvaluationReport(
                environment: W.id, agent: label, seed: seed, records: records, metrics: W.metrics,
                episodesRequested: episodes)
            report.add(
                WorldCapabilities.model(of: W.self, configuration).flatMap {
                    ExactEvaluation(table: policy.table, world: $0, worldKey: "\(W.id) \(String(reflecting: configuration))")
                })
            return report
        }
        self.benchmark = benchmark
        self.curves = curves
        deepBenchmark = { (agent, settings, hyperparameters, steps, seed) throws(RunError) -> DeepBenchmark in
            var run = DeepBenchmarkRun<W, Encoder>(
                configuration: configuration, encoder: encoder, settings: settings, hyperparameters: hyperparameters, steps: steps,
                seed: seed)
            guard Registry.openDeepAgent(agent, &run), let result = run.result else { throw .unknownAgent(agent) }
            return try result.get()
        }
        self.checkSaved = checkSaved
        let draw = WorldCapabilities.scene(of: W.self, configuration)
        let stored = self.configuration, summary = description
        makeBatchWith = { count, autoreset in
            let description = BatchDescription(
                id: W.id, configuration: stored, summary: summary, observation: observation, actions: networkLayout.actions,
                metrics: W.metrics.map(\.name), drawable: draw != nil, limitsActions: limitsActions())
            return EnvironmentBatch(
                count: count, description: description,
                copies: WorldBatch<W, Writer>(configuration: configuration, count: count, autoreset: autoreset, writer: writer, draw: draw)
                    .operations)
        }
        baselines = WorldCapabilities.baselines(of: W.self, configuration)
        picture = WorldCapabilities.picture(of: W.self, configuration)
        inspection = WorldCapabilities.inspection(of: W.self, configuration)
        twoPlayers = WorldCapabilities.twoPlayers(of: W.self, configuration)
    }

    /// A world with finite observations: its agents learn tables.
    init<W: WorldRegistration>(_ world: W.Type, _ configuration: W.Configuration) where W.World.ObservationSpace: FiniteSpace {
        let layout = W.layout(configuration)
        let space = W.makeWorld(configuration).observationSpace
        let encoder = OneHotEncoder(space: space)
        let grouping = space.shape.count == 1 ? .index : W.observationGrouping
        let observation = ObservationDescription(
            kind: grouping == .index ? "discrete" : grouping == .tuple ? "tuple" : "multi_discrete",
            shape: grouping == .index ? [space.count] : space.shape, dimensions: layout.stateDimensions, low: nil, high: nil)
        self.init(
            world, configuration, layout: layout, encoder: encoder, networkLayout: layout,
            writer: StateCoordinatesWriter(space: space, asIndex: grouping == .index), observation: observation,
            tabulate: { network, normalization in QTable(network: network, encoder: encoder, normalization: normalization) },
            limitsActions: (0..<space.count).contains { space.legalActions(inState: $0) != .all },
            train: { (options, observers) throws(PolicyFileError) -> TrainingOutcome in
                try TrainingRun<W>.train(configuration, options, observers: observers)
            },
            plan: { (planner, options) throws(RunError) -> TrainingOutcome in
                try PlanningRun<W>.plan(planner, configuration, options)
            },
            playGreedily: { policy, world, episodes, seed, shouldStop in
                playGreedy(policy.table, on: &world, episodes: episodes, seed: seed, shouldStop: shouldStop)
            },
            benchmark: { (agent, episodes, environmentSteps, seed) throws(RunError) -> WorldBenchmark in
                try WorldBenchmarkRun<W>.measure(
                    configuration, agent: agent, episodes: episodes, environmentSteps: environmentSteps, seed: seed)
            },
            curves: { (request, seeds, sums) throws(RunError) in
                try CurveRuns<W>.accumulate(configuration, request, seeds: seeds, into: &sums)
            },
            checkSaved: { (policy) throws(PolicyFileError) in try SavedPolicyCheck<W>.check(configuration, policy) })
    }

    /// A world with real coordinates: its agents learn linear functions of features, which the
    /// configuration names (and which its validation has checked fit).
    init<W: ContinuousWorld>(_ world: W.Type, _ configuration: W.Configuration) {
        // Validation has built these once already: they cannot fail here.
        let features = try? W.features(configuration)
        let layout =
            (try? W.layout(configuration))
            ?? TableLayout(stateShape: [], actionCount: 0, stateDimensions: [], actions: [], observation: nil)
        var networkLayout = layout
        networkLayout.stateShape = [1]
        networkLayout.stateDimensions = W.World.Observation.dimensionNames
        networkLayout.features = nil
        let box = W.makeWorld(configuration).observationSpace
        let observation = ObservationDescription(
            kind: "box", shape: [box.dimensionCount], dimensions: W.World.Observation.dimensionNames, low: box.low, high: box.high)
        self.init(
            world, configuration, layout: layout, encoder: CoordinateEncoder<W.World.Observation>(), networkLayout: networkLayout,
            writer: RealCoordinatesWriter<W.World.Observation>(), observation: observation,
            train: { (options, observers) throws(PolicyFileError) -> TrainingOutcome in
                try LinearTrainingRun<W>.train(configuration, options, observers: observers)
            },
            plan: { (planner, _) throws(RunError) -> TrainingOutcome in
                throw .plannerNeedsModel(planner, world: W.self, configuration)
            },
            playGreedily: { policy, world, episodes, seed, shouldStop in
                guard let features else { return [] }
                return playGreedy(
                    weights: policy.table, features: features, on: &world, episodes: episodes, seed: seed, shouldStop: shouldStop)
            },
            benchmark: { (agent, episodes, environmentSteps, seed) throws(RunError) -> WorldBenchmark in
                try LinearBenchmarkRun<W>.measure(
                    configuration, agent: agent, episodes: episodes, environmentSteps: environmentSteps, seed: seed)
            })
        valueFunction = features.map { ValueFunctionView(W.self, configuration, features: $0, ranges: $0.ranges) }
    }
}

/// A world's scripted agents under a configuration (``BaselineWorld``).
// Sendable: its closures capture only the registration's type and a Sendable configuration.
public struct WorldBaselines: @unchecked Sendable {
    /// Their names, in the world's order.
    public let names: [String]
    let play: (_ name: String, _ episodes: Int, _ seed: UInt64, _ shouldStop: @escaping () -> Bool) -> EvaluationReport?

    /// Plays baseline `name`'s evaluation episodes; `nil` when the world has no such baseline.
    public func evaluate(_ name: String, episodes: Int, seed: UInt64, shouldStop: @escaping () -> Bool = { false }) -> EvaluationReport? {
        play(name, episodes, seed, shouldStop)
    }
}

/// How to draw a world under a configuration (``DrawableWorld``).
// Sendable: its closures capture only the registration's type and a Sendable configuration.
public struct WorldPicture: @unchecked Sendable {
    let session: (_ policy: Policy, _ seed: UInt64, _ epsilon: Double) throws(WatchError) -> any WatchableSession

    /// A `rl watch` session playing `policy`.
    public func watchSession(policy: Policy, seed: UInt64, epsilon: Double) throws(WatchError) -> any WatchableSession {
        try session(policy, seed, epsilon)
    }
}

/// A world's own words for its table under a configuration (``InspectableWorld``).
// Sendable: its closures capture only the registration's type and a Sendable configuration.
public struct WorldInspection: @unchecked Sendable {
    let makePanels: (PanelSelection) throws(InspectionError) -> [PolicyPanel]
    let explainState: ([Int]) -> String?

    /// The grids `rl inspect` prints and paints.
    public func panels(_ selection: PanelSelection) throws(InspectionError) -> [PolicyPanel] { try makePanels(selection) }
    /// A state's coordinates in the world's words, if it has any for them.
    public func explain(state coordinates: [Int]) -> String? { explainState(coordinates) }
}

/// What a two-player world needs under a configuration (``TwoPlayerWorld``).
// Sendable: its closures capture only the registration's type and a Sendable configuration.
public struct WorldTwoPlayers: @unchecked Sendable {
    /// The scripted players: the opponents a policy is evaluated against by default.
    public let scriptedPlayers: [String]
    let duel: (Policy, String, [String], Int, UInt64, @escaping () -> Bool) throws(PolicyFileError) -> DuelEvaluationReport

    /// Plays `policy` against each opponent in paired games (``TwoPlayerWorld/evaluateDuel(_:path:_:against:games:seed:shouldStop:)``).
    public func evaluateDuel(
        _ policy: Policy, path: String, against opponents: [String], games: Int, seed: UInt64,
        shouldStop: @escaping () -> Bool = { false }
    ) throws(PolicyFileError) -> DuelEvaluationReport {
        try duel(policy, path, opponents, games, seed, shouldStop)
    }
}

extension QTable {
    /// What a network gives each state of a finite world, as a table: so a deep agent's file
    /// on a finite world is evaluated exactly, drawn and inspected as a table is.
    init<Space: FiniteSpace>(network: MLP<Float>, encoder: OneHotEncoder<Space>, normalization: ObservationNormalization?) {
        self.init(observationSpace: encoder.space, actionSpace: Discrete(network.outputSize))
        let states = encoder.space.count
        // A batch of one-hot rows at a time: a large world's table never needs states² inputs.
        let chunk = min(states, 256)
        let batch = Matrix<Float>(rows: chunk, columns: states)
        for first in stride(from: 0, to: states, by: chunk) {
            let rows = min(chunk, states - first)
            batch.resize(rows: rows)
            batch.fill(with: 0)
            for row in 0..<rows { batch[row, first + row] = 1 }
            normalization?.apply(to: batch.pointer, rows: rows)
            let outputs = network.forward(batch)
            for row in 0..<rows {
                for action in 0..<network.outputSize { self[first + row, action] = Double(outputs[row, action]) }
            }
        }
    }
}

/// A deep agent's file made ready to play: its action network, the statistics its inputs are
/// normalised with (if any), and on a finite world the table of what it gives each state.
struct LoadedNetwork {
    var network: MLP<Float>
    var normalization: ObservationNormalization?
    var table: QTable?
}
