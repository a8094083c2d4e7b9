import RLCliffWalking
import RLCore
import RLPong
import RLTabular

/// A policy file with the environment it was trained for, rebuilt from the file alone.
public struct LoadedPolicy: Sendable {
    public var policy: Policy
    public var environment: EnvironmentSpec
    public var path: String

    /// Loads `path`, rebuilds its environment and checks that the table fits it.
    /// - Parameter expected: when given, the policy must be for this environment.
    public init(path: String, expecting expected: EnvironmentName? = nil) throws(PolicyFileError) {
        let policy = try Policy.load(from: path)
        let environment: EnvironmentSpec
        do {
            environment = try EnvironmentSpec(policy: policy.metadata)
        } catch {
            throw PolicyFileError("\(path): \(error.message)")
        }
        if let expected, expected != environment.name {
            throw PolicyFileError("\(path) is a policy for \(environment.name.rawValue), not \(expected.rawValue)")
        }
        let (stateShape, actionCount) = environment.tableShape
        guard policy.table.stateShape == stateShape, policy.table.actionCount == actionCount else {
            throw PolicyFileError("\(path): table shape \(policy.table.shape) does not match its environment, which needs \(stateShape + [actionCount])")
        }
        guard policy.metadata.actions == environment.actionNames,
              policy.metadata.stateDimensions == environment.stateDimensionNames,
              policy.metadata.observation == environment.observationMode else {
            throw PolicyFileError("\(path): the metadata's observation, state dimensions or actions do not match its configuration")
        }
        self.policy = policy
        self.environment = environment
        self.path = path
    }

    /// A greedy agent over the loaded table.
    func agent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>(
        observationSpace: ObservationSpace, actionSpace: ActionSpace, seed: UInt64
    ) -> QLearningAgent<ObservationSpace, ActionSpace> {
        QLearningAgent(observationSpace: observationSpace, actionSpace: actionSpace,
                       hyperparameters: policy.metadata.hyperparameters, table: policy.table, seed: seed)
    }
}

extension EnvironmentSpec {
    /// The names of the table's state dimensions, as policy files store them.
    public var stateDimensionNames: [String] {
        switch self {
        case .pong(let configuration): PongObservationSpace(configuration: configuration).dimensionNames
        case .cliffWalking: ["row", "column"]
        }
    }

    /// The names of the actions, in index order.
    public var actionNames: [String] {
        switch self {
        case .pong(let configuration): PongActionSpace(allowsStay: configuration.allowsStay).names
        case .cliffWalking: GridMove.allCases.map(\.description)
        }
    }

    /// The Q-table shape this environment needs: state dimensions and action count.
    public var tableShape: (state: [Int], actions: Int) {
        switch self {
        case .pong(let configuration):
            (PongObservationSpace(configuration: configuration).shape, PongActionSpace(allowsStay: configuration.allowsStay).count)
        case .cliffWalking:
            ([CliffWalking.rows, CliffWalking.columns], GridMoveSpace().count)
        }
    }
}
