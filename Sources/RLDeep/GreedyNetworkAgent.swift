import RLCore
import RLNeural

/// Plays a network greedily: the action with the largest output (a Q-value or a logit) for the
/// encoded observation, ties to the lowest index, as `argmax` breaks them. What `rl eval` and
/// `rl watch` play for every deep agent.
public struct GreedyNetworkAgent<Encoder: ObservationEncoder, ActionSpace: FiniteSpace>: ScriptedAgent {
    public typealias Observation = Encoder.Observation
    public typealias Action = ActionSpace.Element

    public let network: MLP<Float>
    public let encoder: Encoder
    public let actionSpace: ActionSpace
    /// The statistics the inputs are normalised with (`obs_mean`, `obs_var`), if the agent kept any.
    public let normalization: ObservationNormalization?
    private let row: Matrix<Float>

    /// - Precondition: the network reads `encoder.width` inputs and gives one output per action.
    public init(network: MLP<Float>, encoder: Encoder, actionSpace: ActionSpace, normalization: ObservationNormalization? = nil) {
        precondition(network.inputSize == encoder.width && network.outputSize == actionSpace.count, "a network that fits")
        self.network = network
        self.encoder = encoder
        self.actionSpace = actionSpace
        self.normalization = normalization
        row = Matrix(rows: 1, columns: encoder.width)
    }

    /// The network's outputs for one observation.
    public func outputs(for observation: Observation) -> [Float] {
        encode(observation)
        return network.forward(row).values
    }

    private func encode(_ observation: Observation) {
        encoder.encode(observation, into: row.pointer)
        normalization?.apply(to: row.pointer, rows: 1)
    }

    public mutating func action(for observation: Observation, mode: AgentMode) -> Action {
        encode(observation)
        let output = network.forward(row)
        var best = 0
        for index in 1..<actionSpace.count where output[index] > output[best] { best = index }
        return actionSpace.element(at: best)
    }
}
