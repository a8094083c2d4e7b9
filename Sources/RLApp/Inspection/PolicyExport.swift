import Foundation
import RLCore
import RLTabular

/// A whole policy as one JSON document (`rl inspect --format json`): shape, metadata, summary
/// figures and the table, flat in row-major order (`numpy.array(q).reshape(shape)`).
public struct PolicyDocument: Sendable, Codable, Equatable {
    /// (state dimensions..., actions).
    public var shape: [Int]
    public var stateDimensions: [String]
    public var actions: [String]
    public var environment: String
    public var observation: String?
    /// The world's configuration, as an object.
    public var configuration: JSONValue
    public var agent: String
    public var agentSettings: JSONValue
    public var hyperparameters: Hyperparameters
    public var seed: UInt64
    public var training: TrainingSummary
    public var summary: PolicySummary
    /// The values, row-major over `shape`.
    public var q: [Double]
    /// The visit counts, row-major over `shape`.
    public var visits: [Int64]

    public init(_ loaded: LoadedPolicy) {
        let metadata = loaded.policy.metadata
        shape = loaded.policy.table.shape
        stateDimensions = metadata.stateDimensions
        actions = metadata.actions
        environment = metadata.environment
        observation = metadata.observation
        configuration = JSONValue(parsing: metadata.configuration)
        agent = metadata.agent
        agentSettings = JSONValue(parsing: metadata.agentSettings)
        hyperparameters = metadata.hyperparameters
        seed = metadata.seed
        training = metadata.summary
        summary = PolicySummary(loaded)
        q = loaded.policy.table.values
        visits = loaded.policy.table.visits
    }

    /// The policy this document describes (what a round trip gives back).
    public var policy: Policy {
        Policy(
            table: QTable(stateShape: Array(shape.dropLast()), actionCount: shape.last ?? 1, values: q, visits: visits),
            metadata: PolicyMetadata(
                environment: environment, configuration: JSONText.encode(configuration), observation: observation,
                stateDimensions: stateDimensions, actions: actions, hyperparameters: hyperparameters, seed: seed,
                summary: training, agent: agent, agentSettings: JSONText.encode(agentSettings)))
    }
}

/// The table as CSV (`rl inspect --format csv`): one row per (state..., action) with its value
/// and visit count, in the table's row-major order.
public enum PolicyCSV {
    public static func render(_ policy: Policy) -> String {
        let table = policy.table
        let states = MultiDiscrete(table.stateShape)
        var text = (policy.metadata.stateDimensions + ["action", "value", "visits"]).joined(separator: ",") + "\n"
        for state in 0..<table.stateCount {
            let coordinates = states.element(at: state).map(String.init).joined(separator: ",")
            for action in 0..<table.actionCount {
                text +=
                    "\(coordinates),\(policy.metadata.actions[action]),\(table[state, action]),\(table.visitCount(state: state, action: action))\n"
            }
        }
        return text
    }
}

/// Row-major coordinates of a flat index (the Q-table's layout).

/// Any JSON value, for embedding a world's configuration (which only the world knows the type
/// of) in a document as an object rather than as a string.
public enum JSONValue: Sendable, Codable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses JSON text; text that is not JSON becomes a string.
    public init(parsing text: String) {
        self = (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .string(text)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
