import RLCore
import RLNeural
import Testing

/// Every layer, loss and head against central finite differences, in Float64 (the same generic
/// code as the Float32 core): `∂L/∂θ ≈ (L(θ + h) − L(θ − h)) / 2h` for every weight, bias and
/// input of a network. With h = 1e-5 the differences err by O(h²) ≈ 1e-10 plus rounding ≈ 1e-11;
/// the worst entry measured is 5e-7 relative (an entry under a thousandth of its tensor's largest
/// judged against that thousandth), the bound 1e-6.
@Suite struct FiniteDifferenceTests {
    static let step = 1e-5
    static let tolerance = Tolerance(relative: 1e-6, floorShare: 1e-3)

    /// A loss of the network's output: its value, and `∂L/∂output` written into the matrix.
    typealias Objective = (Matrix<Double>, Matrix<Double>) -> Double

    @Test func meanSquaredErrorThroughEveryActivation() {
        for activation in Activation.allCases {
            let target = randomMatrix(rows: 6, columns: 3, seed: 7)
            check(activation: activation, label: "MSE \(activation)") { output, gradient in
                MeanSquaredError().evaluate(prediction: output, target: target, gradient: gradient)
            }
        }
    }

    @Test func huberOnBothBranches() {
        for activation in [Activation.tanh, .relu] {
            // Targets spread ±3 around outputs near 0: some differences under delta, some over.
            let target = randomMatrix(rows: 6, columns: 3, seed: 8, scale: 3)
            for delta in [0.5, 1, 2] {
                check(activation: activation, label: "Huber δ=\(delta) \(activation)") { output, gradient in
                    HuberLoss(delta: delta).evaluate(prediction: output, target: target, gradient: gradient)
                }
            }
        }
    }

    @Test func categoricalLogProbabilityAndEntropy() {
        let actions = [0, 2, 1, 1, 2, 0]
        let weights = [0.7, -1.3, 0.2, 2.1, -0.4, 1.0]
        for activation in [Activation.tanh, .relu] {
            for entropyWeight in [0.0, -0.05, 0.3] {
                let head = Categorical<Double>(actionCount: 3)
                check(activation: activation, label: "categorical \(activation) entropy weight \(entropyWeight)") { logits, gradient in
                    head.update(logits: logits)
                    head.backward(actions: actions, logProbabilityWeights: weights, entropyWeight: entropyWeight, into: gradient)
                    var loss = 0.0
                    for row in 0..<logits.rows {
                        loss += weights[row] * head.logProbability(of: actions[row], row: row) + entropyWeight * head.entropy(row: row)
                    }
                    return loss
                }
            }
        }
    }

    @Test func largeLogitsStayFinite() {
        let head = Categorical<Float>(actionCount: 3)
        head.update(logits: Matrix(rows: 1, columns: 3, values: [1000, 0, -1000]))
        #expect(head.logProbability(of: 0, row: 0) == 0)
        #expect(head.logProbability(of: 2, row: 0) == -2000)
        #expect(head.entropy(row: 0) == 0)
    }

    /// A 3 → 5 → 4 → 3 network on a batch of 6: every parameter and input checked.
    private func check(activation: Activation, label: String, objective: Objective) {
        var generator = Xoshiro256StarStar(seed: 20)
        let mlp = MLP<Double>(sizes: [3, 5, 4, 3], hiddenActivation: activation, using: &generator)
        let input = randomMatrix(rows: 6, columns: 3, seed: 9, scale: 2)
        let gradient = Matrix<Double>(rows: 0, columns: 3)
        _ = objective(mlp.forward(input), gradient)
        mlp.backward(gradient, propagatingToInput: true)
        // Copies: the finite differences overwrite the network's buffers.
        let analytic = mlp.parameters.map { $0.gradient.values }
        let analyticInput = mlp.inputGradient.values
        let scratch = Matrix<Double>(rows: 0, columns: 3)
        func loss() -> Double { objective(mlp.forward(input), scratch) }
        for (index, parameter) in mlp.parameters.enumerated() {
            let numeric = centralDifferences(of: parameter.value, loss)
            assertClose(analytic[index], numeric, tolerance: Self.tolerance, "\(label): parameter \(index)")
        }
        let numericInput = centralDifferences(of: input, loss)
        assertClose(analyticInput, numericInput, tolerance: Self.tolerance, "\(label): input")
    }

    private func centralDifferences(of values: Matrix<Double>, _ loss: () -> Double) -> [Double] {
        (0..<values.count).map { index in
            let original = values[index]
            values[index] = original + Self.step
            let above = loss()
            values[index] = original - Self.step
            let below = loss()
            values[index] = original
            return (above - below) / (2 * Self.step)
        }
    }
}

/// A matrix of standard normal draws times `scale`, from `seed`.
func randomMatrix(rows: Int, columns: Int, seed: UInt64, scale: Double = 1) -> Matrix<Double> {
    var generator = Xoshiro256StarStar(seed: seed)
    return Matrix(rows: rows, columns: columns, values: (0..<rows * columns).map { _ in scale * generator.nextGaussian() })
}
