import RLCore
import RLCliffWalking
import RLPong
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
    /// The environment's configuration, as an object.
    public var configuration: EnvironmentSpec
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
        configuration = loaded.environment
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
                environment: environment, configuration: configuration.configurationJSON, observation: observation,
                stateDimensions: stateDimensions, actions: actions, hyperparameters: hyperparameters, seed: seed,
                summary: training))
    }
}

extension EnvironmentSpec: Codable {
    /// Encodes the configuration alone; the environment's name travels beside it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .pong(let configuration): try container.encode(configuration)
        case .cliffWalking(let configuration): try container.encode(configuration)
        }
    }

    /// Decodes a configuration, telling the environments apart by their keys.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let pong = try? container.decode(PongConfiguration.self) {
            self = .pong(pong)
        } else {
            self = .cliffWalking(try container.decode(CliffWalkingConfiguration.self))
        }
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
                text += "\(coordinates),\(policy.metadata.actions[action]),\(table[state, action]),\(table.visitCount(state: state, action: action))\n"
            }
        }
        return text
    }
}

/// Row-major coordinates of a flat index (the Q-table's layout).
