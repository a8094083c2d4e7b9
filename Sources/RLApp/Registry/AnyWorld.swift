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

    /// A world with finite observations (its agents learn tables).
    public init<W: WorldRegistration>(_ world: W.Type) where W.World.ObservationSpace: FiniteSpace {
        self.init(world) { ConfiguredWorld(W.self, $0) }
    }

    /// A world with real coordinates (its agents learn linear functions of features).
    public init<W: ContinuousWorld>(_ world: W.Type) {
        self.init(world) { ConfiguredWorld(W.self, $0) }
    }

    /// A finite world with a continuous variant: the configuration its own flags make decides
    /// which registration plays it; the variant's flags apply only to the variant.
    public init<W: ContinuousVariantWorld>(_ world: W.Type) {
        typealias Variant = W.ContinuousVariant
        let ownNames = Set(W.flags.map(\.name))
        let variantFlags = Variant.flags.filter { !ownNames.contains($0.name) }
        self.init(world, extraFlagHelp: variantFlags.map { ($0.name, $0.valueName, $0.help) }) {
            (configuration, others) throws(SettingError) -> ConfiguredWorld in
            guard var variant = W.continuousVariant(of: configuration) else {
                if let (name, _) = others.first {
                    throw SettingError("--\(name) applies to world \(W.id) only with its real coordinates (\(W.continuousVariantFlag))")
                }
                try W.validate(configuration)
                return ConfiguredWorld(W.self, configuration)
            }
            for (name, value) in others {
                guard let flag = variantFlags.first(where: { $0.name == name }) else {
                    throw SettingError("--\(name) is not a flag of world \(W.id)")
                }
                try flag.apply(&variant, value)
            }
            try Variant.validate(variant)
            return ConfiguredWorld(Variant.self, variant)
        } decode: { (text: String) throws(WorldConfigurationError) -> ConfiguredWorld in
            // A stored variant configuration is the world's with the variant's settings added.
            guard let own = JSONText.decode(W.Configuration.self, from: text), W.continuousVariant(of: own) != nil else {
                return ConfiguredWorld(W.self, try W.configuration(fromJSON: text))
            }
            return ConfiguredWorld(Variant.self, try Variant.configuration(fromJSON: text))
        }
    }

    private init<W: WorldRegistration>(_ world: W.Type, configured: @escaping (W.Configuration) -> ConfiguredWorld) {
        self.init(world, extraFlagHelp: []) { (configuration, others) throws(SettingError) -> ConfiguredWorld in
            if let (name, _) = others.first { throw SettingError("--\(name) is not a flag of world \(W.id)") }
            try W.validate(configuration)
            return configured(configuration)
        } decode: { (text: String) throws(WorldConfigurationError) -> ConfiguredWorld in
            configured(try W.configuration(fromJSON: text))
        }
    }

    /// - Parameters:
    ///   - extraFlagHelp: flags beyond the world's own (a variant's), for help and parsing.
    ///   - configured: the world for a configuration made from the defaults, a preset and the
    ///     world's own flags, given the flags that are not the world's; it validates.
    ///   - decode: the world for a stored configuration, validated.
    private init<W: WorldRegistration>(
        _ world: W.Type, extraFlagHelp: [(name: String, valueName: String?, help: String)],
        configured: @escaping (W.Configuration, [(name: String, value: String?)]) throws(SettingError) -> ConfiguredWorld,
        decode: @escaping (String) throws(WorldConfigurationError) -> ConfiguredWorld
    ) {
        id = W.id
        summary = W.summary
        registration = ObjectIdentifier(world)
        flagHelp = W.flags.map { ($0.name, $0.valueName, $0.help) } + extraFlagHelp
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
            for group in W.exclusiveFlags {
                let named = group.filter { name in given.contains { $0.name == name } }
                if named.count > 1 {
                    throw SettingError("\(named.map { "--" + $0 }.joined(separator: " and ")) set the same thing: give one")
                }
            }
            var others: [(name: String, value: String?)] = []
            for (name, value) in given {
                guard let flag = W.flags.first(where: { $0.name == name }) else {
                    others.append((name, value))
                    continue
                }
                try flag.apply(&configuration, value)
            }
            return try configured(configuration, others)
        }
        self.decode = decode
    }

    /// The world under its defaults, a preset and flags (name, value), checked.
    public func configure(preset: String? = nil, flags: [(name: String, value: String?)] = []) throws(SettingError) -> ConfiguredWorld {
        try configureWith(preset, flags)
    }

    /// The world under a configuration read as JSON (a policy file's, a sweep's), decoded and checked.
    public func configured(fromJSON text: String) throws(WorldConfigurationError) -> ConfiguredWorld {
        try decode(text)
    }

    /// The hyperparameters an agent starts from under the world's default configuration (and an
    /// optional preset). A configured world's own (``ConfiguredWorld/defaultHyperparameters(forAgent:preset:)``)
    /// may differ: Pong's continuous variant has its own.
    public func defaultHyperparameters(forAgent agent: String, preset: String? = nil) -> Hyperparameters {
        // A world's defaults are valid by construction; an unknown preset falls back to them.
        let configured = (try? configure(preset: preset)) ?? (try! configure())
        return configured.defaultHyperparameters(forAgent: agent, preset: preset)
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
