import Foundation

/// How a training run went, stored in the policy file.
public struct TrainingSummary: Sendable, Equatable, Codable {
    /// Episodes played.
    public var episodes: Int
    /// Environment steps taken.
    public var steps: Int
    /// The mean return over the last ``window`` episodes.
    public var finalMeanReturn: Double
    public var window: Int
    /// The best return of any episode.
    public var bestReturn: Double
    /// The run was stopped (Ctrl-C) before all requested episodes were played.
    public var interrupted: Bool

    public init(episodes: Int, steps: Int, finalMeanReturn: Double, window: Int, bestReturn: Double, interrupted: Bool) {
        self.episodes = episodes
        self.steps = steps
        self.finalMeanReturn = finalMeanReturn
        self.window = window
        self.bestReturn = bestReturn
        self.interrupted = interrupted
    }
}

/// The evaluations of a run that keeps its best networks (a deep agent's `--keep-best`), and the
/// best so far: what its resumed run needs to keep the same best.
public struct KeptBest: Sendable, Equatable, Codable {
    /// Every this many episodes, an evaluation of this many.
    public var evaluationInterval: Int
    public var evaluationEpisodes: Int
    /// The best evaluation's mean return and the episode it followed, once there is one.
    public var meanReturn: Double?
    public var episodes: Int?

    public init(evaluationInterval: Int, evaluationEpisodes: Int, meanReturn: Double?, episodes: Int?) {
        self.evaluationInterval = evaluationInterval
        self.evaluationEpisodes = evaluationEpisodes
        self.meanReturn = meanReturn
        self.episodes = episodes
    }
}

/// Where a training run stood after its last finished episode: what `rl train --resume`
/// needs, beyond the tables, to continue exactly as if the run had never stopped.
public struct TrainingState: Sendable, Equatable, Codable {
    /// The episode count the run was started with; schedules run over it.
    public var episodesRequested: Int
    /// Episodes finished so far: the resumed run starts at this one.
    public var episodesDone: Int
    /// Environment steps so far.
    public var steps: Int
    /// The agent's and the environment's generator state words.
    public var agentGenerator: [UInt64]
    public var environmentGenerator: [UInt64]
    /// The best return so far.
    public var bestReturn: Double
    /// The returns and lengths of the last episodes (the report window), oldest first.
    public var recentReturns: [Double]
    public var recentSteps: [Double]
    /// Episodes per report (the window's capacity).
    public var reportInterval: Int
    /// The budget of environment steps a run by steps was started with (`rl train --steps`; its
    /// schedules run over it), or `nil` for a run by episodes.
    public var stepsRequested: Int?
    /// A deep agent's run that keeps its best evaluation (`--keep-best`, or its world's default):
    /// its evaluations and the best so far, whose networks the file holds under `best.`; `nil`
    /// for every other run.
    public var keptBest: KeptBest?

    public init(
        episodesRequested: Int, episodesDone: Int, steps: Int, agentGenerator: [UInt64], environmentGenerator: [UInt64],
        bestReturn: Double, recentReturns: [Double], recentSteps: [Double], reportInterval: Int
    ) {
        self.episodesRequested = episodesRequested
        self.episodesDone = episodesDone
        self.steps = steps
        self.agentGenerator = agentGenerator
        self.environmentGenerator = environmentGenerator
        self.bestReturn = bestReturn
        self.recentReturns = recentReturns
        self.recentSteps = recentSteps
        self.reportInterval = reportInterval
    }

    /// Checks a state read from an untrusted file: every count in range, every number finite.
    public func validate() throws(PolicyFileError) {
        func require(_ condition: Bool, _ problem: String) throws(PolicyFileError) {
            if !condition { throw PolicyFileError("the policy's training state is invalid: \(problem)") }
        }
        try require((1...100_000_000).contains(episodesRequested), "episodes requested out of range")
        try require((0...episodesRequested).contains(episodesDone), "episodes done out of range")
        try require(steps >= 0, "negative step count")
        try require(agentGenerator.count <= 64 && environmentGenerator.count <= 64, "generator state too long")
        try require(bestReturn.isFinite || (episodesDone == 0 && bestReturn == -.infinity), "best return is not finite")
        try require((1...10_000_000).contains(reportInterval), "report interval out of range")
        try require(stepsRequested.map { (1...1_000_000_000).contains($0) } ?? true, "steps requested out of range")
        try require(
            recentReturns.count == recentSteps.count && recentReturns.count <= min(reportInterval, episodesDone),
            "the report window does not match its interval")
        try require(
            recentReturns.allSatisfy(\.isFinite) && recentSteps.allSatisfy { $0.isFinite && $0 >= 0 },
            "the report window holds a non-finite value")
        if let keptBest {
            try require((1...10_000_000).contains(keptBest.evaluationInterval), "evaluation interval out of range")
            try require((1...100_000).contains(keptBest.evaluationEpisodes), "evaluation episodes out of range")
            try require((keptBest.meanReturn == nil) == (keptBest.episodes == nil), "a best evaluation without its episode")
            try require(keptBest.meanReturn.map(\.isFinite) ?? true, "the best evaluation is not finite")
            try require(keptBest.episodes.map { (0...episodesDone).contains($0) } ?? true, "the best evaluation's episode out of range")
        }
    }
}

/// Everything a policy file says about where its table came from.
public struct PolicyMetadata: Sendable, Equatable {
    /// The file layout version this build writes; it reads this and older ones. Version 2 added
    /// the agent, its settings, extra tensors and the training state; a version 1 file is a
    /// Q-learning policy that cannot be resumed.
    public static let currentFormatVersion = 2
    /// The agent of files that do not name one (format version 1).
    public static let defaultAgent = "q-learning"

    public var formatVersion = PolicyMetadata.currentFormatVersion
    /// The environment's registry name (`pong`, `cliff-walking`).
    public var environment: String
    /// The environment's full configuration, as JSON (opaque here; the environment decodes it).
    public var configuration: String
    /// The observation mode, where the environment has one.
    public var observation: String?
    /// The names of the table's state dimensions, in order.
    public var stateDimensions: [String]
    /// The names of the actions, in index order.
    public var actions: [String]
    public var hyperparameters: Hyperparameters
    /// The seed of the training run.
    public var seed: UInt64
    public var summary: TrainingSummary
    /// The agent's registry name (`sarsa`).
    public var agent = PolicyMetadata.defaultAgent
    /// The agent's own settings (λ, planning steps), as JSON.
    public var agentSettings = "{}"
    /// Where the run stood, for resuming; `nil` in files that cannot be resumed.
    public var trainingState: TrainingState?
    /// A linear agent's features (JSON: settings and ranges), whose rows the tensor `q` holds
    /// instead of states; `nil` for a table.
    public var features: String?
    /// A deep agent's networks (JSON: the activation and each network's layer sizes), whose
    /// weights the tensors `policy.…` (and `value.…`) hold as PyTorch state dictionaries; such
    /// a file has no `q` or `visits`. `nil` for a table or a linear agent.
    public var network: String?

    /// Whether the file holds networks rather than a table or weights over features.
    public var isNetwork: Bool { network != nil }

    public init(
        environment: String, configuration: String, observation: String?, stateDimensions: [String],
        actions: [String], hyperparameters: Hyperparameters, seed: UInt64, summary: TrainingSummary,
        agent: String = PolicyMetadata.defaultAgent, agentSettings: String = "{}", trainingState: TrainingState? = nil
    ) {
        self.agent = agent
        self.agentSettings = agentSettings
        self.trainingState = trainingState
        self.environment = environment
        self.configuration = configuration
        self.observation = observation
        self.stateDimensions = stateDimensions
        self.actions = actions
        self.hyperparameters = hyperparameters
        self.seed = seed
        self.summary = summary
    }
}

/// A learned Q-table with its metadata: one self-describing safetensors file with tensors
/// `q` (shape: state dimensions..., actions; F64), `visits` (same shape; I64), and whatever
/// else the agent needs to resume (Double Q-learning's `q1` and `q2`, Dyna-Q's model).
public struct Policy: Sendable, Equatable {
    /// The values commands act on. A deep agent's file (``PolicyMetadata/isNetwork``) holds
    /// none: its table is what the network gives each state of a finite world, filled in when
    /// the file is loaded against its world, and a one-row placeholder otherwise.
    public var table: QTable
    public var metadata: PolicyMetadata
    /// The agent's tensors beyond `q` and `visits`, by name.
    public var extraTensors: [String: Tensor]

    public init(table: QTable, metadata: PolicyMetadata, extraTensors: [String: Tensor] = [:]) {
        self.table = table
        self.metadata = metadata
        self.extraTensors = extraTensors
    }

    /// The bounds of a file's numbers. The reader refuses beyond them and the writer saturates
    /// at them, so `rl` never writes a file it then refuses; and a run resumed from within them
    /// cannot wrap a count or overflow a value to infinity (an update moves a value towards a
    /// target a reward away from other values, far from `Double`'s 1.8e308).
    public enum Limits {
        /// The largest magnitude of a value (`q` and the agents' float tensors).
        public static let value = 1e300
        /// The largest visit count: 2⁶², a lifetime of steps below `Int64.max`.
        public static let visits: Int64 = 1 << 62
    }

    /// The file's bytes; equal policies give byte-identical files.
    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        func json(_ value: some Encodable) -> String { String(decoding: try! encoder.encode(value), as: UTF8.self) }
        var strings = [
            "format_version": String(metadata.formatVersion),
            "environment": metadata.environment,
            "configuration": metadata.configuration,
            "state_dimensions": json(metadata.stateDimensions),
            "actions": json(metadata.actions),
            "hyperparameters": json(metadata.hyperparameters),
            "seed": String(metadata.seed),
            "episodes_trained": String(metadata.summary.episodes),
            "summary": json(metadata.summary),
        ]
        if let observation = metadata.observation { strings["observation"] = observation }
        if metadata.formatVersion >= 2 {
            strings["agent"] = metadata.agent
            strings["agent_settings"] = metadata.agentSettings
            if let state = metadata.trainingState { strings["training_state"] = json(state) }
            if let features = metadata.features { strings["features"] = features }
            if let network = metadata.network { strings["network"] = network }
        }
        // Saturated at the reader's bounds (``Limits``): a value or count past them is refused.
        func saturated(_ value: Double) -> Double { value.isFinite ? min(max(value, -Limits.value), Limits.value) : value }
        var tensors = extraTensors.mapValues { tensor in
            guard case .floats(let values) = tensor.values, values.contains(where: { abs($0) > Limits.value }) else { return tensor }
            return Tensor(shape: tensor.shape, floats: values.map(saturated))
        }
        let values = table.values.contains { abs($0) > Limits.value } ? table.values.map(saturated) : table.values
        let visits = table.visits.contains { $0 > Limits.visits } ? table.visits.map { min($0, Limits.visits) } : table.visits
        // A network's file is its state dictionaries: the table is only what commands read of it.
        if !metadata.isNetwork {
            tensors["q"] = Tensor(shape: table.shape, floats: values)
            tensors["visits"] = Tensor(shape: table.shape, integers: visits)
        }
        return SafetensorsFile(tensors: tensors, metadata: strings).encoded()
    }

    /// Parses and checks a policy file's bytes.
    /// - Throws: ``PolicyFileError`` naming the first problem.
    public init(decoding bytes: [UInt8]) throws(PolicyFileError) {
        let file = try SafetensorsFile(decoding: bytes)
        let strings = file.metadata
        func field(_ key: String) throws(PolicyFileError) -> String {
            guard let value = strings[key] else { throw PolicyFileError("the policy's metadata has no '\(key)'") }
            return value
        }
        func decoded<T: Decodable>(_ type: T.Type, _ key: String) throws(PolicyFileError) -> T {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            do {
                return try decoder.decode(type, from: Data(try field(key).utf8))
            } catch let error as PolicyFileError {
                throw error
            } catch {
                throw PolicyFileError("the policy's metadata '\(key)' is malformed")
            }
        }
        guard let version = Int(try field("format_version")), version >= 1 else {
            throw PolicyFileError("the policy's format_version is not a positive integer")
        }
        guard version <= PolicyMetadata.currentFormatVersion else {
            throw PolicyFileError(
                "policy format version \(version) is newer than this rl reads (\(PolicyMetadata.currentFormatVersion)): update rl")
        }
        guard let seed = UInt64(try field("seed")) else { throw PolicyFileError("the policy's seed is not an unsigned integer") }
        var metadata = PolicyMetadata(
            environment: try field("environment"),
            configuration: try field("configuration"),
            observation: strings["observation"],
            stateDimensions: try decoded([String].self, "state_dimensions"),
            actions: try decoded([String].self, "actions"),
            hyperparameters: try decoded(Hyperparameters.self, "hyperparameters"),
            seed: seed,
            summary: try decoded(TrainingSummary.self, "summary"))
        metadata.formatVersion = version
        if version >= 2 {
            metadata.agent = try field("agent")
            metadata.agentSettings = try field("agent_settings")
            if strings["training_state"] != nil {
                let state = try decoded(TrainingState.self, "training_state")
                try state.validate()
                metadata.trainingState = state
            }
            metadata.features = strings["features"]
            metadata.network = strings["network"]
        }
        guard !metadata.agent.isEmpty, metadata.agent.utf8.count <= 100 else {
            throw PolicyFileError("the policy's agent name is empty or too long")
        }

        // Counts of a real run are never negative; refusing them here spares every reader.
        guard metadata.summary.episodes >= 0, metadata.summary.steps >= 0, metadata.summary.window >= 0 else {
            throw PolicyFileError("the policy's summary has a negative count of episodes, steps or its window")
        }

        if metadata.isNetwork {
            guard !metadata.actions.isEmpty, metadata.actions.count <= 1 << 16 else {
                throw PolicyFileError("the policy names \(metadata.actions.count) actions")
            }
            // The table of a network's file is a placeholder: the loader fills it from the
            // network where the world is finite.
            self.init(
                table: QTable(stateShape: [1], actionCount: metadata.actions.count), metadata: metadata,
                extraTensors: file.tensors)
            return
        }
        guard let q = file.tensors["q"] else { throw PolicyFileError("the file has no tensor 'q'") }
        guard let visitsTensor = file.tensors["visits"] else { throw PolicyFileError("the file has no tensor 'visits'") }
        guard case .floats(let values) = q.values else { throw PolicyFileError("tensor 'q' must hold floats, not \(q.dtype)") }
        guard case .integers(let visits) = visitsTensor.values else {
            throw PolicyFileError("tensor 'visits' must hold integers, not \(visitsTensor.dtype)")
        }
        guard q.shape.count >= 2, q.shape.allSatisfy({ $0 > 0 }) else {
            throw PolicyFileError("tensor 'q' has shape \(q.shape): it needs state dimensions and an action dimension, none empty")
        }
        guard visitsTensor.shape == q.shape else {
            throw PolicyFileError("tensor 'visits' has shape \(visitsTensor.shape) but 'q' has \(q.shape)")
        }
        guard q.shape.last == metadata.actions.count, q.shape.count - 1 == metadata.stateDimensions.count else {
            throw PolicyFileError(
                "tensor 'q' has shape \(q.shape), which does not match the metadata's \(metadata.stateDimensions.count) state dimensions and \(metadata.actions.count) actions"
            )
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw PolicyFileError("tensor 'q' holds a non-finite value (\(values[bad])) at flat index \(bad)")
        }
        if let bad = values.firstIndex(where: { abs($0) > Limits.value }) {
            throw PolicyFileError("tensor 'q' holds \(values[bad]) at flat index \(bad), beyond ±\(Limits.value)")
        }
        if visits.contains(where: { $0 < 0 }) { throw PolicyFileError("tensor 'visits' holds a negative count") }
        if visits.contains(where: { $0 > Limits.visits }) {
            throw PolicyFileError("tensor 'visits' holds a count above \(Limits.visits)")
        }
        self.init(
            table: QTable(stateShape: Array(q.shape.dropLast()), actionCount: q.shape.last!, values: values, visits: visits),
            metadata: metadata,
            extraTensors: file.tensors.filter { $0.key != "q" && $0.key != "visits" })
    }

    /// Loads and checks a policy file.
    public static func load(from path: String) throws(PolicyFileError) -> Policy {
        let bytes = try AtomicFile.read(path)
        do {
            return try Policy(decoding: bytes)
        } catch {
            throw PolicyFileError("\(path): \(error.message)", kind: error.kind)
        }
    }

    /// Saves atomically (temporary file in the same folder, then rename).
    public func save(to path: String) throws(PolicyFileError) {
        // A value that is not a number would make a file every command refuses: say so instead.
        // (Only `q`'s: other tensors may hold NaN on purpose, a league's "no rating yet".)
        guard table.values.allSatisfy(\.isFinite) else {
            throw PolicyFileError("cannot save \(path): the run learned a value that is not a finite number", kind: .inputOutput)
        }
        try AtomicFile.write(encoded(), to: path)
    }
}
