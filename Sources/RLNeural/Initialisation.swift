import RLCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a layer's weights and bias are first drawn. Every draw comes from the caller's seeded
/// generator, weights row after row and then the bias, layer after layer: the same seed gives
/// the same bytes (PyTorch's own generator is not used, so the numbers differ from PyTorch's
/// while following its distributions).
public enum Initialisation: Sendable, Equatable {
    /// PyTorch's `nn.Linear` default: weight and bias uniform in `±1/√fan_in` (its
    /// `kaiming_uniform_(a=√5)` works out to that bound).
    case pytorchDefault
    /// An orthogonal weight times `gain` and a constant bias: `torch.nn.init.orthogonal_` and
    /// `constant_`, CleanRL's and SB3's `layer_init` for PPO (gain √2 for hidden layers, 0.01
    /// for the policy's output, 1 for the value's).
    case orthogonal(gain: Double, bias: Double)

    /// CleanRL's hidden-layer initialisation: orthogonal with gain √2, bias 0.
    public static let orthogonalHidden = Initialisation.orthogonal(gain: 2.0.squareRoot(), bias: 0)

    /// Fills `layer`'s weight and bias.
    public func initialise<Scalar: NeuralScalar, Generator: RandomNumberGenerator>(
        _ layer: DenseLayer<Scalar>, using generator: inout Generator
    ) {
        switch self {
        case .pytorchDefault:
            let bound = 1 / Double(layer.inputSize).squareRoot()
            for index in 0..<layer.weight.count { layer.weight[index] = Scalar(uniform(bound, using: &generator)) }
            for index in 0..<layer.bias.count { layer.bias[index] = Scalar(uniform(bound, using: &generator)) }
        case .orthogonal(let gain, let bias):
            let rows = layer.outputSize
            let columns = layer.inputSize
            var gaussian = [Double](repeating: 0, count: rows * columns)
            for index in gaussian.indices { gaussian[index] = generator.nextGaussian() }
            let orthogonal = orthogonalMatrix(fromGaussian: gaussian, rows: rows, columns: columns)
            for index in orthogonal.indices { layer.weight[index] = Scalar(gain * orthogonal[index]) }
            layer.bias.fill(with: Scalar(bias))
        }
    }
}

/// Uniform in `[-bound, bound)`.
private func uniform<Generator: RandomNumberGenerator>(_ bound: Double, using generator: inout Generator) -> Double {
    (2 * generator.nextUnitDouble() - 1) * bound
}

/// The orthogonal matrix `torch.nn.init.orthogonal_` makes of a Gaussian `rows × columns` matrix
/// (row-major), before its gain: the Q of the QR decomposition of the matrix (of its transpose
/// when it is wide), with each column's sign set so that R's diagonal is positive, transposed
/// back when wide. Rows are orthonormal when `rows ≤ columns`, columns when `rows ≥ columns`.
///
/// PyTorch takes Householder's QR and multiplies Q by the signs of R's diagonal; modified
/// Gram–Schmidt gives R a positive diagonal by construction, so it reaches the same unique Q.
/// Each column is orthogonalised twice ("twice is enough") so that Q stays orthogonal to
/// rounding for any shape a network has.
public func orthogonalMatrix(fromGaussian gaussian: [Double], rows: Int, columns: Int) -> [Double] {
    precondition(gaussian.count == rows * columns, "\(gaussian.count) values for a \(rows) × \(columns) matrix")
    let wide = rows < columns
    // The tall matrix A (m ≥ n), stored column by column for Gram–Schmidt.
    let m = wide ? columns : rows
    let n = wide ? rows : columns
    var q = [Double](repeating: 0, count: m * n)  // column j at q[j * m ..< (j + 1) * m]
    for i in 0..<m {
        for j in 0..<n {
            q[j * m + i] = wide ? gaussian[j * columns + i] : gaussian[i * columns + j]
        }
    }
    for j in 0..<n {
        for _ in 0..<2 {
            for k in 0..<j {
                var dot = 0.0
                for i in 0..<m { dot += q[k * m + i] * q[j * m + i] }
                for i in 0..<m { q[j * m + i] -= dot * q[k * m + i] }
            }
        }
        var norm = 0.0
        for i in 0..<m { norm += q[j * m + i] * q[j * m + i] }
        norm = norm.squareRoot()
        precondition(norm > 0, "a Gaussian matrix of full rank")
        for i in 0..<m { q[j * m + i] /= norm }
    }
    // Back to rows × columns, row-major: Q itself when tall, Qᵀ when wide.
    var result = [Double](repeating: 0, count: rows * columns)
    for r in 0..<rows {
        for c in 0..<columns {
            result[r * columns + c] = wide ? q[r * m + c] : q[c * m + r]
        }
    }
    return result
}
