import Foundation
import RLCliffWalking
import RLCore
import RLPong
import RLTabular

/// The environments `rl` can build by name and rebuild from a policy file.
public enum EnvironmentName: String, Sendable, CaseIterable, Codable {
    case pong
    case cliffWalking = "cliff-walking"

    /// Where `rl train` saves, and other commands look, by default.
    public var defaultPolicyPath: String { "policies/\(rawValue).safetensors" }
}

/// Cliff Walking's settings: only its step cap.
public struct CliffWalkingConfiguration: Sendable, Equatable, Codable {
    /// Episodes are truncated after this many steps (a wandering policy still ends).
    public var maxSteps = 200
    public init(maxSteps: Int = 200) { self.maxSteps = maxSteps }
}

/// An environment with its configuration, ready to build.
public enum EnvironmentSpec: Sendable, Equatable {
    case pong(PongConfiguration)
    case cliffWalking(CliffWalkingConfiguration)

    public var name: EnvironmentName {
        switch self {
        case .pong: .pong
        case .cliffWalking: .cliffWalking
        }
    }

    /// The configuration as JSON, as stored in policy files.
    public var configurationJSON: String {
        switch self {
        case .pong(let configuration): JSONText.encode(configuration)
        case .cliffWalking(let configuration): JSONText.encode(configuration)
        }
    }

    /// The observation mode, for environments that have one.
    public var observationMode: String? {
        if case .pong(let configuration) = self { return configuration.observation.rawValue }
        return nil
    }

    /// Rebuilds the spec a policy file names.
    public init(policy metadata: PolicyMetadata) throws(PolicyFileError) {
        guard let name = EnvironmentName(rawValue: metadata.environment) else {
            throw PolicyFileError("unknown environment '\(metadata.environment)' (this rl knows \(EnvironmentName.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        switch name {
        case .pong:
            guard let configuration = JSONText.decode(PongConfiguration.self, from: metadata.configuration) else {
                throw PolicyFileError("the policy's Pong configuration is malformed")
            }
            do { try configuration.validate() } catch { throw PolicyFileError("the policy's Pong configuration is invalid: \(error.message)") }
            self = .pong(configuration)
        case .cliffWalking:
            guard let configuration = JSONText.decode(CliffWalkingConfiguration.self, from: metadata.configuration),
                  configuration.maxSteps > 0 else {
                throw PolicyFileError("the policy's Cliff Walking configuration is malformed")
            }
            self = .cliffWalking(configuration)
        }
    }
}

/// JSON with sorted snake_case keys, as used in files and `--json` output.
public enum JSONText {
    public static func encode(_ value: some Encodable, pretty: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from text: String) -> T? {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(type, from: Data(text.utf8))
    }
}

/// What `rl` logs and reports of an environment's counters: Pong's, or none.
public protocol ReportedCounters: EpisodeCounters {
    /// Pong's hits, misses and avoidable misses; `nil` for other environments.
    var pong: PongCounters? { get }
}

extension PongCounters: ReportedCounters {
    public var pong: PongCounters? { self }
}

extension NoCounters: ReportedCounters {
    public var pong: PongCounters? { nil }
}
