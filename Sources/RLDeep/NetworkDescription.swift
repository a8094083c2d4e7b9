import Foundation
import RLNeural
import RLTabular

/// What a policy file says of a deep agent's networks (its `network` metadata, JSON): the
/// hidden layers' activation and each network's sizes, inputs first. With it, and the
/// `policy.…` tensors, PyTorch rebuilds the `nn.Sequential` and loads the state dictionary
/// as it is.
public struct NetworkDescription: Codable, Equatable, Sendable {
    /// `relu` or `tanh`, after every hidden layer (the last layer has none).
    public var activation: String
    /// The action network's sizes: inputs, hidden widths, one output per action.
    public var policy: [Int]
    /// The critic's sizes (PPO), or `nil`.
    public var value: [Int]?

    /// The largest network a file may describe: wider or deeper is refused before any weight is read.
    public static let maximumWidth = 1 << 16
    public static let maximumLayers = 16

    public init(activation: String, policy: [Int], value: [Int]? = nil) {
        self.activation = activation
        self.policy = policy
        self.value = value
    }

    /// Describes an agent's networks from its action network and its tensors (a critic is
    /// whatever `value.…` they hold).
    public init(policyNetwork: MLP<Float>, tensors: [String: Tensor]) {
        let hidden = policyNetwork.layers.count > 1 ? policyNetwork.layers[0].activation : .identity
        activation = hidden == .tanh ? "tanh" : "relu"
        policy = [policyNetwork.inputSize] + policyNetwork.layers.map(\.outputSize)
        var valueSizes: [Int] = []
        var index = 0
        while let weight = tensors["value.\(index).weight"], weight.shape.count == 2 {
            if valueSizes.isEmpty { valueSizes.append(weight.shape[1]) }
            valueSizes.append(weight.shape[0])
            index += 2
        }
        value = valueSizes.isEmpty ? nil : valueSizes
    }

    /// The JSON a policy file stores.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }

    /// Reads a file's description, checked: an activation this `rl` knows and bounded sizes.
    public init(json text: String) throws(PolicyFileError) {
        guard let decoded = try? JSONDecoder().decode(NetworkDescription.self, from: Data(text.utf8)) else {
            throw PolicyFileError("the policy's network description is malformed")
        }
        guard ["relu", "tanh"].contains(decoded.activation) else {
            throw PolicyFileError("the policy's network activation '\(decoded.activation.prefix(40))' is neither relu nor tanh")
        }
        for sizes in [decoded.policy] + (decoded.value.map { [$0] } ?? []) {
            guard (2...Self.maximumLayers + 1).contains(sizes.count), sizes.allSatisfy({ (1...Self.maximumWidth).contains($0) }) else {
                throw PolicyFileError(
                    "the policy's network sizes must be 2 to \(Self.maximumLayers + 1) widths in 1...\(Self.maximumWidth)")
            }
        }
        self = decoded
    }

    /// The hidden layers' activation.
    public var hiddenActivation: Activation { activation == "tanh" ? .tanh : .relu }

    /// The action network, its weights from `policy.…` tensors: every shape checked against the
    /// description and every weight finite, in one line when not.
    public func makePolicyNetwork(from tensors: [String: Tensor]) throws(PolicyFileError) -> MLP<Float> {
        try Self.network(sizes: policy, activation: hiddenActivation, prefix: "policy", from: tensors)
    }

    /// A network of `sizes` whose weights are the tensors under `prefix`.
    public static func network(sizes: [Int], activation: Activation, prefix: String, from tensors: [String: Tensor])
        throws(PolicyFileError) -> MLP<Float>
    {
        var layers: [DenseLayer<Float>] = []
        for index in 0..<(sizes.count - 1) {
            let last = index == sizes.count - 2
            let layer = DenseLayer<Float>(inputSize: sizes[index], outputSize: sizes[index + 1], activation: last ? .identity : activation)
            for (name, matrix, shape) in [
                ("\(prefix).\(2 * index).weight", layer.weight, [sizes[index + 1], sizes[index]]),
                ("\(prefix).\(2 * index).bias", layer.bias, [sizes[index + 1]]),
            ] {
                guard let tensor = tensors[name] else { throw PolicyFileError("the policy has no tensor '\(name)'") }
                guard tensor.shape == shape, case .floats(let values) = tensor.values else {
                    throw PolicyFileError(
                        "tensor '\(name)' has shape \(tensor.shape) (\(tensor.dtype)); the network needs floats of shape \(shape)")
                }
                guard values.allSatisfy({ $0.isFinite && abs($0) <= Double(Float.greatestFiniteMagnitude) }) else {
                    throw PolicyFileError("tensor '\(name)' holds a weight that is not a finite single-precision number")
                }
                for (offset, value) in values.enumerated() { matrix[offset] = Float(value) }
            }
            layers.append(layer)
        }
        return MLP(layers: layers)
    }
}

extension MLP where Scalar == Float {
    /// The network's parameters as single-precision tensors under `prefix`: a PyTorch
    /// `nn.Sequential` state dictionary.
    public func stateDictionary(prefix: String) -> [String: Tensor] {
        var tensors: [String: Tensor] = [:]
        for (name, shape, value) in namedParameters(prefix: prefix) {
            tensors[name] = Tensor(shape: shape, float32: value.values)
        }
        return tensors
    }
}
