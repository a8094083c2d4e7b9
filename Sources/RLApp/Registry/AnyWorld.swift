import RLCore
import RLTabular

/// A registered world with its types erased: what `rl` can say about it before it is configured
/// (help, flags, presets, metrics) and how to configure it. Everything that depends on a
/// configuration (playing it, its model, its picture) is a ``ConfiguredWorld``, made once per
/// run by ``configure(preset:flags:)`` or ``configured(fromJSON:)``.
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
    /// What a sweep's `final` score is (``WorldRegistration/mainMetric``).
    public let mainMetric: String
    /// The capability protocols it adopts.
    public let capabilities: WorldCapability

    private let configureWith: (_ preset: String?, _ flags: [(name: String, value: String?)]) throws(SettingError) -> ConfiguredWorld
    private let decode: (_ json: String) throws(WorldConfigurationError) -> ConfiguredWorld
    private let hyperparameters: (_ agent: String, _ preset: String?) -> Hyperparameters

    /// A world with finite observations (its agents learn tables).
    public init<W: WorldRegistration>(_ world: W.Type) where W.World.ObservationSpace: FiniteSpace {
        self.init(world) { ConfiguredWorld(W.self, $0) }
    }

    /// A world with real coordinates (its agents learn linear functions of features).
    public init<W: ContinuousWorld>(_ world: W.Type) {
        self.init(world) { ConfiguredWorld(W.self, $0) }
    }

    private init<W: WorldRegistration>(_ world: W.Type, configured: @escaping (W.Configuration) -> ConfiguredWorld) {
        id = W.id
        summary = W.summary
        registration = ObjectIdentifier(world)
        flagHelp = W.flags.map { ($0.name, $0.valueName, $0.help) }
        presets = W.presets.map { ($0.name, $0.summary) }
        metricNames = W.metrics.map(\.name)
        mainMetric = W.mainMetric
        capabilities = WorldCapabilities.adopted(by: W.self)
        configureWith = { (preset: String?, given: [(name: String, value: String?)]) throws(SettingError) -> ConfiguredWorld in
            var configuration = W.defaultConfiguration
            if let preset {
                guard let chosen = W.presets.first(where: { $0.name == preset }) else {
                    throw SettingError(
                        W.presets.isEmpty
                            ? "world \(W.id) has no presets"
                            : "world \(W.id) has no preset '\(preset)' (it has \(W.presets.map(\.name).joined(separator: ", ")))")
                }
                chosen.configure(&configuration)
            }
            for (name, value) in given {
                guard let flag = W.flags.first(where: { $0.name == name }) else {
                    throw SettingError("--\(name) is not a flag of world \(W.id)")
                }
                try flag.apply(&configuration, value)
            }
            try W.validate(configuration)
            return configured(configuration)
        }
        decode = { (text: String) throws(WorldConfigurationError) -> ConfiguredWorld in
            configured(try W.configuration(fromJSON: text))
        }
        hyperparameters = { agent, preset in
            W.presets.first { $0.name == preset }?.hyperparameters ?? W.defaultHyperparameters(forAgent: agent)
        }
    }

    /// The world under its defaults, a preset and flags (name, value), checked.
    public func configure(preset: String? = nil, flags: [(name: String, value: String?)] = []) throws(SettingError) -> ConfiguredWorld {
        try configureWith(preset, flags)
    }

    /// The world under a configuration read as JSON (a policy file's, a sweep's), decoded and checked.
    public func configured(fromJSON text: String) throws(WorldConfigurationError) -> ConfiguredWorld {
        try decode(text)
    }

    /// The hyperparameters an agent starts from, under an optional preset.
    public func defaultHyperparameters(forAgent agent: String, preset: String? = nil) -> Hyperparameters {
        hyperparameters(agent, preset)
    }

    /// Whether a flag name is the world's, and whether it takes a value.
    public func takesValue(_ flag: String) -> Bool? {
        flagHelp.first { $0.name == flag }.map { $0.valueName != nil }
    }
}

/// A configuration that cannot be read or is out of range (from a policy file, a sweep or a
/// program): one line that says which world and why.
public struct WorldConfigurationError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(_ message: String) { self.message = message }
}

/// What a table for a configuration of a world looks like, and what policy files call its parts.
public struct TableLayout: Sendable, Equatable {
    public var stateShape: [Int]
    public var actionCount: Int
    public var stateDimensions: [String]
    public var actions: [String]
    public var observation: String?
    /// What a linear agent's rows are (the feature settings and the ranges they cover, JSON),
    /// or `nil` for a table over states.
    public var features: String? = nil
}

extension WorldRegistration {
    /// Decodes and validates a configuration from JSON (a policy file's, or the command line's).
    static func configuration(fromJSON text: String) throws(WorldConfigurationError) -> Configuration {
        guard let configuration = JSONText.decode(Configuration.self, from: text) else {
            throw WorldConfigurationError("the \(id) configuration is malformed")
        }
        do { try validate(configuration) } catch {
            throw WorldConfigurationError("the \(id) configuration is invalid: \(error.message)")
        }
        return configuration
    }
}
