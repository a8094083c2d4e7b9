/// The function a layer applies to its affine output, as PyTorch's `nn.ReLU` and `nn.Tanh` do.
public enum Activation: String, Sendable, Equatable, Codable, CaseIterable {
    /// No function: the output layer of a value or logits network.
    case identity
    /// `max(0, x)`.
    case relu
    /// `tanh(x)`.
    case tanh

    /// Applies the function in place to `count` values.
    @inlinable
    public func apply<Scalar: NeuralScalar>(to values: UnsafeMutablePointer<Scalar>, count: Int) {
        switch self {
        case .identity:
            break
        case .relu:
            // max rather than a test: the optimiser turns `x > 0 ? x : 0` into a store of 0 behind
            // a branch, which mispredicts on every other value and does not vectorise. Like
            // PyTorch's, it keeps a NaN.
            for index in 0..<count { values[index] = Swift.max(values[index], 0) }
        case .tanh:
            Scalar.hyperbolicTangent(values, count: count)
        }
    }

    /// `gradient · f′`, where f′ is written in terms of the function's own output `y` (so the
    /// input need not be kept): 1 for the identity, `y > 0` for ReLU (0 at the kink, as PyTorch),
    /// `1 − y²` for tanh.
    @inlinable
    public func backward<Scalar: NeuralScalar>(
        output: UnsafePointer<Scalar>, outputGradient: UnsafePointer<Scalar>, into result: UnsafeMutablePointer<Scalar>,
        count: Int
    ) {
        switch self {
        case .identity:
            result.update(from: outputGradient, count: count)
        case .relu:
            // Both values loaded first, so that this is a select the loop can vectorise, not a
            // branch around a load.
            for index in 0..<count {
                let gradient = outputGradient[index]
                result[index] = output[index] > 0 ? gradient : 0
            }
        case .tanh:
            Scalar.hyperbolicTangentBackward(output: output, outputGradient: outputGradient, into: result, count: count)
        }
    }
}
