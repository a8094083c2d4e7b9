import CNeuralKernels
import COpenBLAS

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The element types a network can run in: `Float` for training, and `Double` so that the very
/// same layers, losses and heads can be checked against central finite differences (which
/// Float32 is too coarse for). Each type brings its own BLAS product and elementary functions.
public protocol NeuralScalar: BinaryFloatingPoint, Sendable {
    /// `C = alpha · op(A) · op(B) + beta · C` on row-major matrices (BLAS's `gemm`), where
    /// `op(A)` is `m × k`, `op(B)` is `k × n` and `C` is `m × n`.
    static func multiply(
        transposingA: Bool, transposingB: Bool, m: Int, n: Int, k: Int,
        alpha: Self, a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int,
        beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)
    /// The hyperbolic tangent.
    static func hyperbolicTangent(_ x: Self) -> Self
    /// The hyperbolic tangent of `count` values, in place.
    static func hyperbolicTangent(_ values: UnsafeMutablePointer<Self>, count: Int)
    /// `e` to the power `x`.
    static func exponential(_ x: Self) -> Self
    /// The natural logarithm.
    static func logarithm(_ x: Self) -> Self
    /// `gradient · (1 − output²)` for `count` values: tanh's backward pass.
    static func hyperbolicTangentBackward(
        output: UnsafePointer<Self>, outputGradient: UnsafePointer<Self>, into result: UnsafeMutablePointer<Self>, count: Int)
    /// The column sums of the row-major `rows × columns` matrix at `matrix`, each column's rows
    /// added in order.
    static func columnSums(of matrix: UnsafePointer<Self>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<Self>)
    /// Adam's update of one tensor (``Adam/step()``).
    static func adamUpdate(
        parameter: UnsafeMutablePointer<Self>, gradient: UnsafeMutablePointer<Self>, firstMoment: UnsafeMutablePointer<Self>,
        secondMoment: UnsafeMutablePointer<Self>, count: Int, firstWeight: Self, secondDecay: Self, secondWeight: Self,
        stepSize: Self, biasCorrection2Root: Self, epsilon: Self)
}

extension NeuralScalar {
    /// The loops themselves, for Float64 (Float32 runs the same operations in C, `CNeuralKernels`,
    /// as wide as the processor allows: the same bits, sooner).
    @inlinable
    public static func hyperbolicTangentBackward(
        output: UnsafePointer<Self>, outputGradient: UnsafePointer<Self>, into result: UnsafeMutablePointer<Self>, count: Int
    ) {
        for index in 0..<count {
            let y = output[index]
            result[index] = outputGradient[index] * (1 - y * y)
        }
    }

    @inlinable
    public static func columnSums(of matrix: UnsafePointer<Self>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<Self>) {
        sums.update(repeating: 0, count: columns)
        for row in 0..<rows {
            let values = matrix + row * columns
            for column in 0..<columns { sums[column] += values[column] }
        }
    }

    @inlinable
    public static func adamUpdate(
        parameter p: UnsafeMutablePointer<Self>, gradient g: UnsafeMutablePointer<Self>, firstMoment m: UnsafeMutablePointer<Self>,
        secondMoment v: UnsafeMutablePointer<Self>, count: Int, firstWeight: Self, secondDecay: Self, secondWeight: Self,
        stepSize: Self, biasCorrection2Root: Self, epsilon: Self
    ) {
        @inline(__always)
        func update(_ element: Int, _ first: Self) {
            let gradient = g[element]
            m[element] = first
            v[element] = v[element] * secondDecay + secondWeight * gradient * gradient
            // v is never negative: abs tells the compiler so, and it drops the C library call that
            // would set errno for a negative square root, which kept the loop from vectorising.
            let denominator = abs(v[element]).squareRoot() / biasCorrection2Root + epsilon
            p[element] = p[element] + (-stepSize) * first / denominator
        }
        // PyTorch's lerp, whose formula depends on the weight's side of ½ (β₁ = 0.9 takes the first).
        if firstWeight < 0.5 {
            for element in 0..<count { update(element, m[element] + firstWeight * (g[element] - m[element])) }
        } else {
            let complement = 1 - firstWeight
            for element in 0..<count { update(element, g[element] - (g[element] - m[element]) * complement) }
        }
    }
}

/// OpenBLAS runs on one thread per process: sweeps scale by running processes side by side, and
/// a second BLAS thread per process would only fight them for the cores. A static `let` runs
/// once, on first use, whichever thread gets there first.
enum BLASThreads {
    static let single: Void = openblas_set_num_threads(1)
}

@inline(__always)
func cblasTranspose(_ transposing: Bool) -> CBLAS_TRANSPOSE {
    transposing ? CblasTrans : CblasNoTrans
}

extension Float: NeuralScalar {
    @inlinable @inline(__always)
    public static func multiply(
        transposingA: Bool, transposingB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        blasFloatProduct(transposingA, transposingB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }
    @inlinable @inline(__always) public static func hyperbolicTangent(_ x: Float) -> Float { fastHyperbolicTangent(x) }
    @inlinable public static func hyperbolicTangent(_ values: UnsafeMutablePointer<Float>, count: Int) {
        fastHyperbolicTangent(values, count: count)
    }
    @inlinable @inline(__always) public static func exponential(_ x: Float) -> Float { expf(x) }
    @inlinable @inline(__always) public static func logarithm(_ x: Float) -> Float { logf(x) }
    @inlinable public static func hyperbolicTangentBackward(
        output: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>, into result: UnsafeMutablePointer<Float>, count: Int
    ) {
        rl_tanh_backward_f32(output, outputGradient, result, count)
    }
    @inlinable public static func columnSums(
        of matrix: UnsafePointer<Float>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<Float>
    ) {
        rl_column_sums_f32(matrix, rows, columns, sums)
    }
    @inlinable public static func adamUpdate(
        parameter: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>, firstMoment: UnsafeMutablePointer<Float>,
        secondMoment: UnsafeMutablePointer<Float>, count: Int, firstWeight: Float, secondDecay: Float, secondWeight: Float,
        stepSize: Float, biasCorrection2Root: Float, epsilon: Float
    ) {
        rl_adam_f32(
            parameter, gradient, firstMoment, secondMoment, count, firstWeight, secondDecay, secondWeight, stepSize,
            biasCorrection2Root, epsilon)
    }
}

extension Double: NeuralScalar {
    @inlinable @inline(__always)
    public static func multiply(
        transposingA: Bool, transposingB: Bool, m: Int, n: Int, k: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        blasDoubleProduct(transposingA, transposingB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }
    @inlinable @inline(__always) public static func hyperbolicTangent(_ x: Double) -> Double { tanh(x) }
    // Float64 is the proofs' precision: the C library's tanh, correctly rounded or nearly.
    @inlinable public static func hyperbolicTangent(_ values: UnsafeMutablePointer<Double>, count: Int) {
        for index in 0..<count { values[index] = tanh(values[index]) }
    }
    @inlinable @inline(__always) public static func exponential(_ x: Double) -> Double { exp(x) }
    @inlinable @inline(__always) public static func logarithm(_ x: Double) -> Double { log(x) }
}

// The BLAS calls themselves stay out of line: they are what costs, and inlining them would only
// spread COpenBLAS's types into modules that import RLNeural.
@usableFromInline
func blasFloatProduct(
    _ transposingA: Bool, _ transposingB: Bool, _ m: Int, _ n: Int, _ k: Int,
    _ alpha: Float, _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
    _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int
) {
    _ = BLASThreads.single
    cblas_sgemm(
        CblasRowMajor, cblasTranspose(transposingA), cblasTranspose(transposingB), blasint(m), blasint(n), blasint(k),
        alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
}

@usableFromInline
func blasDoubleProduct(
    _ transposingA: Bool, _ transposingB: Bool, _ m: Int, _ n: Int, _ k: Int,
    _ alpha: Double, _ a: UnsafePointer<Double>, _ lda: Int, _ b: UnsafePointer<Double>, _ ldb: Int,
    _ beta: Double, _ c: UnsafeMutablePointer<Double>, _ ldc: Int
) {
    _ = BLASThreads.single
    cblas_dgemm(
        CblasRowMajor, cblasTranspose(transposingA), cblasTranspose(transposingB), blasint(m), blasint(n), blasint(k),
        alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
}

/// The processor kernels OpenBLAS chose at run time (`Zen`, `Haswell`, …). Its products sum in
/// an order each kernel family fixes: the same seed gives the same networks on every machine
/// whose OpenBLAS runs the same kernels (the golden files of deep runs record it).
public var blasCoreName: String {
    guard let name = openblas_get_corename() else { return "unknown" }
    return String(cString: name)
}
