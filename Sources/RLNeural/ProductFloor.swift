import RLCore

/// The matrix products of a network's training step, and their time through BLAS alone: the
/// floor a deep agent's gradient step is measured against (`rl bench --agent dqn|ppo`). What a
/// step adds to these products (activations, the loss, Adam, sampling a batch) is the overhead
/// the share of the floor shows.
public struct MatrixProduct: Sendable, Equatable {
    /// `C[m × n] = A[m × k] · B[k × n]`, with either side transposed as the layers need it.
    public var m: Int
    public var n: Int
    public var k: Int
    public var transposingA: Bool
    public var transposingB: Bool

    public init(m: Int, n: Int, k: Int, transposingA: Bool = false, transposingB: Bool = false) {
        self.m = m
        self.n = n
        self.k = k
        self.transposingA = transposingA
        self.transposingB = transposingB
    }

    /// Floating-point operations: a multiply and an add per term.
    public var operations: Int { 2 * m * n * k }

    /// A network's forward pass on `batch` rows: `x · Wᵀ` per layer, as ``DenseLayer`` computes it.
    public static func forward(sizes: [Int], batch: Int) -> [MatrixProduct] {
        zip(sizes, sizes.dropFirst()).map { inputs, outputs in
            MatrixProduct(m: batch, n: outputs, k: inputs, transposingB: true)
        }
    }

    /// Its backward pass: every layer's weight gradient `δᵀ · x`, and the gradient for its input
    /// `δ · W` in every layer but the first.
    public static func backward(sizes: [Int], batch: Int) -> [MatrixProduct] {
        zip(sizes, sizes.dropFirst()).enumerated().flatMap { index, layer in
            let (inputs, outputs) = layer
            let weight = MatrixProduct(m: outputs, n: inputs, k: batch, transposingA: true)
            return index == 0 ? [weight] : [weight, MatrixProduct(m: batch, n: inputs, k: outputs)]
        }
    }
}

/// Times a list of products through BLAS alone on preallocated matrices.
public enum ProductFloor {
    /// The seconds one pass over `products` takes, the best of `repeats` timings of `rounds`
    /// passes each.
    public static func secondsPerPass(_ products: [MatrixProduct], rounds: Int = 200, repeats: Int = 5) -> Double {
        _ = BLASThreads.single
        let largest = products.map { max($0.m * $0.k, $0.k * $0.n, $0.m * $0.n) }.max() ?? 1
        let a = UnsafeMutablePointer<Float>.allocate(capacity: largest)
        let b = UnsafeMutablePointer<Float>.allocate(capacity: largest)
        let c = UnsafeMutablePointer<Float>.allocate(capacity: largest)
        defer { a.deallocate(); b.deallocate(); c.deallocate() }
        for index in 0..<largest {
            a[index] = Float(index % 7) * 0.01
            b[index] = Float(index % 5) * 0.02
            c[index] = 0
        }
        let clock = ContinuousClock()
        var best = Double.infinity
        for _ in 0..<max(1, repeats) {
            let start = clock.now
            for _ in 0..<max(1, rounds) {
                for product in products {
                    Float.multiply(
                        transposingA: product.transposingA, transposingB: product.transposingB, m: product.m, n: product.n,
                        k: product.k, alpha: 1, a: a, lda: product.transposingA ? product.m : product.k, b: b,
                        ldb: product.transposingB ? product.k : product.n, beta: 0, c: c, ldc: product.n)
                }
            }
            best = min(best, seconds(clock.now - start) / Double(max(1, rounds)))
        }
        return best
    }
}
