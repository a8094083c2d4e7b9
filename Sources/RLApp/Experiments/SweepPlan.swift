import Foundation
import RLCore
import RLTabular

/// What `rl sweep` is asked to run: a grid of worlds × agents × setting values × seeds.
///
/// The grid's order, which shards and results follow: worlds in the order given, then agents,
/// then the settings' values (the first setting varies slowest), then seeds innermost.
public struct SweepSpec: Sendable, Equatable, Codable {
    public var worlds: [String]
    public var agents: [String]
    /// Each setting's values, in the order given. A name is a hyperparameter (``hyperparameterNames``),
    /// `preset`, or a flag of the world or the agent (`stay`, `lambda`); a flag without a value
    /// takes `true` or `false`.
    public var settings: [SweepSetting]
    public var seeds: [UInt64]
    /// Episodes of each run; `nil`: each world's own default, as `rl train` plays it. With
    /// ``steps``, only a cap.
    public var episodes: Int?
    /// Environment steps of each run (`rl train --steps`); `nil`: a deep agent's world default,
    /// and episodes for the others.
    public var steps: Int?
    /// Episodes of each run's final greedy evaluation, which `final` is measured on.
    public var evaluationEpisodes: Int
    /// Also evaluate every this many episodes (it must divide `episodes`); `nil`: only at the end.
    public var evaluationInterval: Int?

    public init(
        worlds: [String], agents: [String], settings: [SweepSetting] = [], seeds: [UInt64], episodes: Int? = nil,
        steps: Int? = nil, evaluationEpisodes: Int = 100, evaluationInterval: Int? = nil
    ) {
        self.worlds = worlds
        self.agents = agents
        self.settings = settings
        self.seeds = seeds
        self.episodes = episodes
        self.steps = steps
        self.evaluationEpisodes = evaluationEpisodes
        self.evaluationInterval = evaluationInterval
    }

    /// The hyperparameters `--set` knows by the names `rl train` gives their flags.
    public static var hyperparameterNames: [String] { SharedSetting.allFlags }
}

/// One swept setting: a name and the values it takes.
public struct SweepSetting: Sendable, Equatable, Codable {
    public var name: String
    public var values: [String]
    public init(name: String, values: [String]) {
        self.name = name
        self.values = values
    }

    /// Parses `name=value,value,...`.
    public init(parsing text: String) throws(SettingError) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw SettingError("--set takes name=value[,value...], got '\(text)'")
        }
        name = String(text[..<equals])
        values = text[text.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if values.contains(where: \.isEmpty) { throw SettingError("--set \(name): a value is empty in '\(text)'") }
    }
}

/// Parses seeds as `1-50`, `7` or `1,3,10-12`.
public func parseSeeds(_ text: String) throws(SettingError) -> [UInt64] {
    var seeds: [UInt64] = []
    for part in text.split(separator: ",") {
        let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
        if bounds.count == 1, let seed = UInt64(bounds[0]) {
            seeds.append(seed)
        } else if bounds.count == 2, let low = UInt64(bounds[0]), let high = UInt64(bounds[1]), low <= high, high - low < 1_000_000 {
            seeds += Array(low...high)
        } else {
            throw SettingError("--seeds takes numbers and ranges such as 1-50 or 1,3,10-12, got '\(text)'")
        }
    }
    guard !seeds.isEmpty else { throw SettingError("--seeds names no seed") }
    return seeds
}

/// One run of a sweep, with every setting resolved.
public struct SweepRun: Sendable {
    /// The run's stable id: see ``canonicalForm``.
    public var id: String
    /// Position in the grid (0-based), which `--shard` divides by.
    public var index: Int
    public var world: String
    public var agent: String
    public var seed: UInt64
    /// The swept settings of this run, name to value as given.
    public var settings: [String: String]
    /// The training options, without output paths.
    public var options: TrainingOptions
    /// The world's main metric, which `final` reports.
    public var mainMetric: String
    /// The text the id hashes (see docs/EXPERIMENTS.md).
    public var canonicalForm: String
}

extension SweepSpec {
    /// Every run of the grid, in order, with its settings resolved and checked; or the first
    /// setting that does not apply.
    public func runs() throws(SettingError) -> [SweepRun] {
        guard !worlds.isEmpty else { throw SettingError("a sweep needs at least one --env") }
        guard !agents.isEmpty else { throw SettingError("a sweep needs at least one --agent") }
        guard !seeds.isEmpty else { throw SettingError("a sweep needs at least one seed") }
        if let episodes, !(1...10_000_000).contains(episodes) {
            throw SettingError("episodes must be in 1...10000000, got \(episodes)")
        }
        if let steps, !(1...1_000_000_000).contains(steps) {
            throw SettingError("steps must be in 1...1000000000, got \(steps)")
        }
        guard (1...100_000).contains(evaluationEpisodes) else {
            throw SettingError("evaluation episodes must be in 1...100000, got \(evaluationEpisodes)")
        }
        let names = settings.map(\.name)
        if let repeated = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw SettingError("--set \(repeated) is given twice")
        }
        // What a results line may hold (``SweepResult/Limits``): never write what `rl report` refuses.
        guard settings.count <= SweepResult.Limits.entries else {
            throw SettingError("a sweep sets at most \(SweepResult.Limits.entries) settings, got \(settings.count)")
        }
        var combinations: [[(String, String)]] = [[]]
        for setting in settings {
            guard !setting.values.isEmpty else { throw SettingError("--set \(setting.name) has no value") }
            guard setting.name.utf8.count <= SweepResult.Limits.name,
                setting.values.allSatisfy({ $0.utf8.count <= SweepResult.Limits.value })
            else {
                throw SettingError(
                    "--set: a setting's name has at most \(SweepResult.Limits.name) bytes, a value \(SweepResult.Limits.value)")
            }
            combinations = combinations.flatMap { prefix in setting.values.map { prefix + [(setting.name, $0)] } }
        }
        var runs: [SweepRun] = []
        var seen: Set<String> = []
        for worldID in worlds {
            guard let world = Registry.world(worldID) else {
                throw SettingError("unknown world '\(worldID)' (this rl knows \(Registry.worldList))")
            }
            for agentID in agents {
                guard let agent = Registry.agent(agentID) else {
                    throw SettingError("unknown agent '\(agentID)' (this rl knows \(Registry.agentList))")
                }
                // Refused before any run starts, as `rl train` refuses it: not a failure per run.
                if Registry.planner(agentID) != nil && !world.capabilities.contains(.model) {
                    throw SettingError(
                        "agent \(agentID) solves a world from its model, and \(world.id) publishes none: sweep a learning agent instead")
                }
                for combination in combinations {
                    let resolved = try Self.resolve(combination, world: world, agent: agent)
                    // The resolved configuration is checked: it configures.
                    let configured = try? world.configured(fromJSON: resolved.configuration)
                    // As `rl train`: a deep agent runs its world's steps unless told, and a run
                    // by steps plays whole episodes until they are done (episodes only cap it).
                    let runSteps = steps ?? configured?.deepDefaults(forAgent: agent.id)?.steps
                    let episodes = episodes ?? (runSteps != nil ? 10_000_000 : configured?.defaultEpisodes ?? 6000)
                    if let evaluationInterval, evaluationInterval < 1 || (runSteps == nil && episodes % evaluationInterval != 0) {
                        throw SettingError("--eval-every must divide the episodes (\(episodes) on \(world.id)), got \(evaluationInterval)")
                    }
                    for seed in seeds {
                        var options = TrainingOptions(
                            world: world.id, configuration: resolved.configuration, agent: agent.id,
                            agentSettings: resolved.agentSettings, episodes: episodes, seed: seed,
                            hyperparameters: resolved.hyperparameters, outputPath: "")
                        options.steps = runSteps
                        options.reportInterval = min(500, episodes)
                        options.evaluationInterval = evaluationInterval ?? episodes
                        options.evaluationEpisodes = evaluationEpisodes
                        let canonical = Self.canonicalForm(options)
                        let id = stableID(canonical)
                        guard seen.insert(id).inserted else {
                            throw SettingError(
                                "two runs of the sweep have the same settings (\(world.id), \(agent.id), seed \(seed)): a value is repeated"
                            )
                        }
                        runs.append(
                            SweepRun(
                                id: id, index: runs.count, world: world.id, agent: agent.id, seed: seed,
                                settings: Dictionary(uniqueKeysWithValues: combination), options: options,
                                mainMetric: world.mainMetric, canonicalForm: canonical))
                    }
                }
            }
        }
        return runs
    }

    /// The text a run's id hashes: one JSON object with sorted keys and no spaces, holding
    /// everything that decides the run's outcome, resolved (so `0.5` and `0.50`, or a default
    /// given explicitly, name the same run):
    /// `{"agent":…,"agent_settings":{…},"configuration":{…},"env":…,"episodes":…,"evaluation_episodes":…,"evaluation_interval":…,"hyperparameters":{…},"seed":…}`,
    /// and `"steps":…` last for a run by steps (absent otherwise, so the ids of runs by
    /// episodes stay what they were). The nested objects are the JSON policy files store
    /// (sorted snake_case keys).
    public static func canonicalForm(_ options: TrainingOptions) -> String {
        "{\"agent\":\(JSONText.encode(options.agent)),\"agent_settings\":\(options.agentSettings),"
            + "\"configuration\":\(options.configuration),\"env\":\(JSONText.encode(options.world)),"
            + "\"episodes\":\(options.episodes),\"evaluation_episodes\":\(options.evaluationEpisodes),"
            + "\"evaluation_interval\":\(options.evaluationInterval.map(String.init) ?? "null"),"
            + "\"hyperparameters\":\(JSONText.encode(options.hyperparameters)),\"seed\":\(options.seed)"
            + (options.steps.map { ",\"steps\":\($0)" } ?? "") + "}"
    }

    /// Applies one combination of settings to a world and an agent, as `rl train` applies its flags.
    static func resolve(_ combination: [(String, String)], world: AnyWorld, agent: AgentDescription) throws(SettingError)
        -> (configuration: String, agentSettings: String, hyperparameters: Hyperparameters)
    {
        var preset: String?
        var rates: [String: Double] = [:]
        var worldFlags: [(name: String, value: String?)] = []
        var agentFlags: [(name: String, value: String?)] = []
        for (name, value) in combination {
            if name == "preset" {
                preset = value
            } else if SweepSpec.hyperparameterNames.contains(name) {
                guard let number = Double(value), number.isFinite else {
                    throw SettingError("--set \(name): '\(value)' is not a number")
                }
                try agent.checkUses(sharedFlag: name)
                try SharedSetting.check(number, forFlag: name)
                rates[name] = number
            } else if let takesValue = world.takesValue(name) ?? agent.takesValue(name) {
                let isWorlds = world.takesValue(name) != nil
                var flag: (name: String, value: String?)? = (name, value)
                if !takesValue {
                    switch value {
                    case "true": flag = (name, nil)
                    case "false": flag = nil
                    default: throw SettingError("--set \(name) is a switch: give it true or false, got '\(value)'")
                    }
                }
                if let flag { if isWorlds { worldFlags.append(flag) } else { agentFlags.append(flag) } }
            } else {
                throw SettingError(
                    "--set \(name) is neither a hyperparameter (\(SweepSpec.hyperparameterNames.joined(separator: ", ")), preset) nor a flag of world \(world.id) or agent \(agent.id)"
                )
            }
        }
        let configured = try world.configure(preset: preset, flags: worldFlags)
        let configuration = configured.configuration
        // The same rule as `rl train`'s flags: the world's settings for the agent, then the run's.
        let agentSettings = try agent.settings(configured.defaultSettings(forAgent: agent.id) + agentFlags)
        // The same rule as `rl train`'s flags.
        let hyperparameters = configured.defaultHyperparameters(forAgent: agent.id, preset: preset).overriding(
            learningRate: rates["learning-rate"], learningRateEnd: rates["learning-rate-end"], epsilon: rates["epsilon"],
            epsilonEnd: rates["epsilon-end"], discount: rates["discount"], decay: rates["decay"])
        do { try hyperparameters.validate() } catch { throw SettingError(error.message) }
        return (configuration, agentSettings, hyperparameters)
    }
}
