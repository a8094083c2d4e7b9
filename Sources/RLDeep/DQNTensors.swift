import RLNeural
import RLTabular

extension DQNAgent {
    /// The online network as `policy.0.weight`, `policy.0.bias`, `policy.2.weight`, … and the
    /// target network as `target.…`: PyTorch state dictionaries in single precision.
    public var tensors: [String: Tensor] {
        learner.online.stateDictionary(prefix: "policy").merging(learner.target.stateDictionary(prefix: "target")) { online, _ in online }
    }

    /// Puts back the networks of a file: `policy.…` is required; `target.…`, when the file has
    /// none (a state dictionary from elsewhere), starts as a copy of the policy, as a new
    /// agent's does. Nothing is changed unless every tensor fits.
    /// - Throws: a one-line ``PolicyFileError`` naming the first tensor that is missing, of the
    ///   wrong shape or not finite.
    public mutating func restore(tensors: [String: Tensor]) throws(PolicyFileError) {
        let policy = try Self.checked(tensors, for: learner.online, prefix: "policy")
        let hasTarget = tensors.keys.contains { $0.hasPrefix("target.") }
        let target = hasTarget ? try Self.checked(tensors, for: learner.target, prefix: "target") : policy
        for (network, values) in [(learner.online, policy), (learner.target, target)] {
            for (parameter, parameterValues) in zip(network.namedParameters(prefix: ""), values) {
                for index in parameterValues.indices { parameter.value[index] = parameterValues[index] }
            }
        }
    }

    /// Each of `network`'s parameters' values from `tensors`, in ``MLP/namedParameters(prefix:)``'s order.
    static func checked(_ tensors: [String: Tensor], for network: MLP<Float>, prefix: String) throws(PolicyFileError) -> [[Float]] {
        var result: [[Float]] = []
        for parameter in network.namedParameters(prefix: prefix) {
            guard let tensor = tensors[parameter.name] else { throw PolicyFileError("the file has no tensor '\(parameter.name)'") }
            guard tensor.shape == parameter.shape else {
                throw PolicyFileError("tensor '\(parameter.name)' has shape \(tensor.shape), expected \(parameter.shape)")
            }
            guard case .floats(let values) = tensor.values, values.count == parameter.value.count else {
                throw PolicyFileError("tensor '\(parameter.name)' must hold \(parameter.value.count) floating-point values")
            }
            let floats = values.map(Float.init)
            guard floats.allSatisfy(\.isFinite) else {
                throw PolicyFileError("tensor '\(parameter.name)' holds a value that is not finite")
            }
            result.append(floats)
        }
        return result
    }
}
