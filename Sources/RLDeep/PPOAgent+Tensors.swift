import RLCore
import RLNeural
import RLTabular

extension PPOAgent {
    /// The actor as `policy.0.weight`, `policy.0.bias`, `policy.2.weight`, … and the critic as
    /// `value.0.weight`, …: PyTorch state dictionaries in single precision, weights `[out, in]`.
    /// Under `ppo.`, what resuming needs besides the networks: the generators of actions and
    /// of minibatches, and the epochs of updates so far. (Adam's moments are not saved: RLNeural
    /// keeps them to itself, so a resumed run starts them again from zero.)
    public var tensors: [String: Tensor] {
        var tensors = policyNetwork.stateDictionary(prefix: "policy").merging(valueNetwork.stateDictionary(prefix: "value")) { actor, _ in
            actor
        }
        tensors[ResumeTensor.actionGenerator] = Tensor(shape: [4], integers: actionGenerator.state.map { Int64(bitPattern: $0) })
        tensors[ResumeTensor.shuffleGenerator] = Tensor(shape: [4], integers: shuffleGenerator.state.map { Int64(bitPattern: $0) })
        tensors[ResumeTensor.updateCount] = Tensor(shape: [1], integers: [Int64(updateCount)])
        if let normalization = observationNormalization { tensors.merge(normalization.tensors) { mine, _ in mine } }
        return tensors
    }

    /// The names of the resuming tensors.
    enum ResumeTensor {
        static let actionGenerator = "ppo.action_generator"
        static let shuffleGenerator = "ppo.shuffle_generator"
        static let updateCount = "ppo.n_updates"
    }

    /// Puts back the networks from `tensors`, all or nothing: every tensor is checked (present,
    /// of its parameter's shape, finite) before any is written. The `ppo.` tensors are optional
    /// (a state dictionary written by PyTorch has none); when there, they are checked too.
    public mutating func restore(tensors: [String: Tensor]) throws(PolicyFileError) {
        func generatorState(_ name: String) throws(PolicyFileError) -> [UInt64]? {
            guard let tensor = tensors[name] else { return nil }
            guard tensor.shape == [4], case .integers(let words) = tensor.values, words.count == 4,
                Xoshiro256StarStar.isValidState(words.map { UInt64(bitPattern: $0) })
            else { throw PolicyFileError("tensor '\(name)' is not a generator's state (four integers, not all zero)") }
            return words.map { UInt64(bitPattern: $0) }
        }
        let actionState = try generatorState(ResumeTensor.actionGenerator)
        let shuffleState = try generatorState(ResumeTensor.shuffleGenerator)
        var updates: Int?
        if let tensor = tensors[ResumeTensor.updateCount] {
            guard tensor.shape == [1], case .integers(let values) = tensor.values, values.count == 1, values[0] >= 0 else {
                throw PolicyFileError("tensor '\(ResumeTensor.updateCount)' is not a count of updates")
            }
            updates = Int(values[0])
        }
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
        if let actionState { actionGenerator.state = actionState }
        if let shuffleState { shuffleGenerator.state = shuffleState }
        if let updates { updateCount = updates }
    }

    /// Both networks' parameters under their file names.
    var namedParameters: [(name: String, shape: [Int], value: Matrix<Float>)] {
        policyNetwork.namedParameters(prefix: "policy") + valueNetwork.namedParameters(prefix: "value")
    }
}
