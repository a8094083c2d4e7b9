import RLCore
import RLNeural
import RLTabular

extension PPOAgent {
    /// The actor as `policy.0.weight`, `policy.0.bias`, `policy.2.weight`, … and the critic as
    /// `value.0.weight`, …: PyTorch state dictionaries in single precision, weights `[out, in]`.
    public var tensors: [String: Tensor] {
        var tensors: [String: Tensor] = [:]
        for (name, shape, value) in namedParameters {
            tensors[name] = Tensor(shape: shape, float32: value.values)
        }
        return tensors
    }

    /// Puts back the networks from `tensors`, all or nothing: every tensor is checked (present,
    /// of its parameter's shape, finite) before any is written.
    public mutating func restore(tensors: [String: Tensor]) throws(PolicyFileError) {
        let named = namedParameters
        var checked: [[Double]] = []
        for (name, shape, _) in named {
            guard let tensor = tensors[name] else { throw PolicyFileError("the policy file has no tensor '\(name)'") }
            guard tensor.shape == shape else {
                throw PolicyFileError("tensor '\(name)' has shape \(tensor.shape); this network needs \(shape)")
            }
            guard case .floats(let values) = tensor.values, values.count == shape.reduce(1, *) else {
                throw PolicyFileError("tensor '\(name)' does not hold \(shape.reduce(1, *)) floating-point values")
            }
            // A value a Float cannot hold would become infinite.
            guard values.allSatisfy({ $0.isFinite && Float($0).isFinite }) else {
                throw PolicyFileError("tensor '\(name)' holds a value that is not a finite Float32")
            }
            checked.append(values)
        }
        for ((_, _, parameter), values) in zip(named, checked) {
            for index in values.indices { parameter[index] = Float(values[index]) }
        }
    }

    /// Both networks' parameters under their file names.
    var namedParameters: [(name: String, shape: [Int], value: Matrix<Float>)] {
        policyNetwork.namedParameters(prefix: "policy") + valueNetwork.namedParameters(prefix: "value")
    }
}
