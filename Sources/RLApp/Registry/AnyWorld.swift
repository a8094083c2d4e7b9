import RLCore
import RLTabular

/// A registered world with its types erased, for the parts of `rl` that only need to talk about
/// it (help, flags, files, inspection). Everything that plays it (train, eval, bench) goes
/// through closures made in the generic ``init(_:)``, which the compiler specialises for the
/// world, so the hot loops stay concrete.
// Sendable: its closures capture only the registration's type, nothing mutable.
public struct AnyWorld: @unchecked Sendable {
    public let id: String
    public let summary: String
    /// The registration type's identity.
    let registration: ObjectIdentifier
    /// The world's flags, as `--name VALUE  help`.
    public let flagHelp: [(name: String, valueName: String?, help: String)]
    /// Its presets, by name, with a line each.
    public let presets: [(name: String, summary: String)]
    /// Its metrics' names, in order (the CSV log's columns).
    public let metricNames: [String]
    /// Its scripted baselines.
    public let baselines: [String]
    /// What a sweep's `final` score is (``WorldRegistration/mainMetric``).
    public let mainMetric: String

    /// The configuration JSON after a preset and flags (name, value) are applied to the defaults.
    public let configure: (_ preset: String?, _ flags: [(name: String, value: String?)]) throws(SettingError) -> String
    /// The hyperparameters an agent starts from, under an optional preset.
    public let defaultHyperparameters: (_ agent: String, _ preset: String?) -> Hyperparameters
    /// The episodes `rl train` plays on a configuration when not told.
    public let defaultEpisodes: (_ configuration: String) -> Int
    /// Decodes and validates a configuration JSON; returns what a table for it looks like.
    public let layout: (_ configuration: String) throws(PolicyFileError) -> TableLayout
    /// The configuration in a few words.
    public let describe: (_ configuration: String) -> String
    let panels: (String, PanelSelection) throws(InspectionError) -> [PolicyPanel]
    let explain: ([Int], String) -> String?
    let train: (TrainingOptions, @escaping (TrainingEvent) -> Void, ((EpisodeSummary) -> Void)?, @escaping () -> Bool) throws(PolicyFileError) -> TrainingOutcome
    let evaluate: (Policy, String, Int, UInt64, @escaping () -> Bool) -> EvaluationReport
    let evaluateBaseline: (String, String, Int, UInt64, @escaping () -> Bool) throws(PolicyFileError) -> EvaluationReport
    let benchmark: (_ agent: String, _ episodes: Int, _ environmentSteps: Int, _ seed: UInt64) throws(PolicyFileError) -> WorldBenchmark
    let watch: (String, Policy, UInt64, Double) throws(WatchError) -> (any WatchableSession)?
    let plan: (Planner, TrainingOptions) throws(PolicyFileError) -> TrainingOutcome
    /// The world's model and step cap under a configuration, if it publishes one.
    public let model: (_ configuration: String) -> WorldModel?

    public init<W: WorldRegistration>(_ world: W.Type) {
        id = W.id
        summary = W.summary
        registration = ObjectIdentifier(world)
        flagHelp = W.flags.map { ($0.name, $0.valueName, $0.help) }
        presets = W.presets.map { ($0.name, $0.summary) }
        metricNames = W.metrics.map(\.name)
        baselines = W.baselines
        mainMetric = W.mainMetric
        configure = { (preset: String?, given: [(name: String, value: String?)]) throws(SettingError) -> String in
            var configuration = W.defaultConfiguration
            if let preset {
                guard let chosen = W.presets.first(where: { $0.name == preset }) else {
                    throw SettingError(W.presets.isEmpty ? "world \(W.id) has no presets"
                        : "world \(W.id) has no preset '\(preset)' (it has \(W.presets.map(\.name).joined(separator: ", ")))")
                }
                chosen.configure(&configuration)
            }
            let flags = W.flags
            for (name, value) in given {
                guard let flag = flags.first(where: { $0.name == name }) else {
                    throw SettingError("--\(name) is not a flag of world \(W.id)")
                }
                try flag.apply(&configuration, value)
            }
            try W.validate(configuration)
            return JSONText.encode(configuration)
        }
        defaultHyperparameters = { agent, preset in
            W.presets.first { $0.name == preset }?.hyperparameters ?? W.defaultHyperparameters(forAgent: agent)
        }
        defaultEpisodes = { text in (try? W.configuration(fromJSON: text)).map(W.defaultEpisodes) ?? 6000 }
        layout = { (text: String) throws(PolicyFileError) -> TableLayout in
            let configuration = try W.configuration(fromJSON: text)
            let space = W.makeWorld(configuration)
            return TableLayout(
                stateShape: space.observationSpace.shape, actionCount: space.actionSpace.count,
                stateDimensions: W.stateDimensions(configuration), actions: W.actionNames(configuration),
                observation: W.observationName(configuration))
        }
        describe = { text in (try? W.configuration(fromJSON: text)).map(W.describe) ?? "unreadable configuration" }
        panels = { (text: String, selection: PanelSelection) throws(InspectionError) -> [PolicyPanel] in
            guard let configuration = try? W.configuration(fromJSON: text) else { throw InspectionError("unreadable configuration") }
            return try W.panels(configuration, selection)
        }
        explain = { coordinates, text in (try? W.configuration(fromJSON: text)).flatMap { W.explain(state: coordinates, $0) } }
        train = { (options, observe, observeEpisodes, shouldStop) throws(PolicyFileError) -> TrainingOutcome in
            try TrainingRun<W>.train(options, observe: observe, observeEpisodes: observeEpisodes, shouldStop: shouldStop)
        }
        evaluate = { policy, label, episodes, seed, shouldStop in
            // LoadedPolicy checked the configuration and the table's shape.
            let configuration = try! W.configuration(fromJSON: policy.metadata.configuration)
            var world = W.makeWorld(configuration)
            let records = playGreedy(policy.table, on: &world, episodes: episodes, seed: seed, shouldStop: shouldStop)
            var report = EvaluationReport(environment: W.id, agent: label, seed: seed, records: records, metrics: W.metrics,
                                          episodesRequested: episodes)
            report.add(W.model(configuration).flatMap { ExactEvaluation(table: policy.table, world: $0) })
            return report
        }
        evaluateBaseline = { (name, text, episodes, seed, shouldStop) throws(PolicyFileError) -> EvaluationReport in
            let configuration = try W.configuration(fromJSON: text)
            let records = W.evaluateBaseline(name, configuration, episodes: episodes, seed: seed, shouldStop: shouldStop)
            return EvaluationReport(environment: W.id, agent: name, seed: seed, records: records, metrics: W.metrics,
                                    episodesRequested: episodes)
        }
        benchmark = { (agent, episodes, environmentSteps, seed) throws(PolicyFileError) -> WorldBenchmark in
            try WorldBenchmarkRun<W>.measure(agent: agent, episodes: episodes, environmentSteps: environmentSteps, seed: seed)
        }
        watch = { (text, policy, seed, epsilon) throws(WatchError) -> (any WatchableSession)? in
            guard let configuration = try? W.configuration(fromJSON: text) else { throw WatchError("unreadable configuration") }
            return try W.watchSession(configuration, policy: policy, seed: seed, epsilon: epsilon)
        }
        plan = { (planner, options) throws(PolicyFileError) -> TrainingOutcome in try PlanningRun<W>.plan(planner, options) }
        model = { text in (try? W.configuration(fromJSON: text)).flatMap(W.model) }
    }

    /// Whether a flag name is the world's, and whether it takes a value.
    public func takesValue(_ flag: String) -> Bool? {
        flagHelp.first { $0.name == flag }.map { $0.valueName != nil }
    }
}

/// What a table for a configuration of a world looks like, and what policy files call its parts.
public struct TableLayout: Sendable, Equatable {
    public var stateShape: [Int]
    public var actionCount: Int
    public var stateDimensions: [String]
    public var actions: [String]
    public var observation: String?
}
