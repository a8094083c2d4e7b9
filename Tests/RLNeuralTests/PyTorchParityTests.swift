import RLNeural
import Testing

/// RLNeural against PyTorch itself: the numbers scripts/pytorch-golden recorded for the same
/// weights and batch.
///
/// The Float32 core must agree to 1e-5 relative with PyTorch's float32 and with PyTorch's
/// float64 (the exact answer, to float32's eyes), an entry under a tenth of its tensor's largest
/// being judged against that tenth. Small entries are sums that cancel, where any float32 result
/// is off by more: PyTorch's own float32 misses its float64 by 1.06e-5 relative on an input
/// gradient of the tanh network's policy loss (0.7 % of the largest) and by 8e-6 on another
/// (1.3 %), where ours misses by 1.7e-5 and 3.7e-6, so the two float32 answers differ by 1.2e-5
/// there. The Float64 path must agree with PyTorch's
/// float64 to 1e-10, entry by entry: the same arithmetic, rounded differently.
@Suite struct PyTorchParityTests {
    let fixture: PyTorchFixture

    init() throws {
        fixture = try PyTorchFixture.load()
    }

    /// Each network in both precisions, with the tolerance of each.
    private func eachCase(_ body: (PyTorchFixture.Network, any NeuralScalar.Type, Tolerance) -> Void) {
        #expect(fixture.networks.count == fixture.networks64.count)
        for (network32, network64) in zip(fixture.networks, fixture.networks64) {
            body(network32, Float.self, Tolerance(relative: 1e-5, floorShare: 1e-1))
            body(network64, Float.self, Tolerance(relative: 1e-5, floorShare: 1e-1))
            body(network64, Double.self, Tolerance(relative: 1e-10, floorShare: 1e-6))
        }
    }

    @Test func forwardOutputs() {
        eachCase { network, type, tolerance in check(network, type, tolerance) }
        func check<Scalar: NeuralScalar>(_ network: PyTorchFixture.Network, _ type: Scalar.Type, _ tolerance: Tolerance) {
            let mlp = network.network(type)
            let output = mlp.forward(network.inputMatrix(type))
            assertClose(output.values.map(Double.init), network.output, tolerance: tolerance, "\(network.name) \(type) output")
        }
    }

    @Test func lossesAndGradients() {
        eachCase { network, type, tolerance in
            check(network, MeanSquaredError(), network.mse, "mse", type, tolerance)
            check(network, HuberLoss(delta: 1), network.huber1, "huber δ=1", type, tolerance)
            check(network, HuberLoss(delta: 1), network.smoothL1, "smooth L1", type, tolerance)
            check(network, HuberLoss(delta: 2), network.huber2, "huber δ=2", type, tolerance)
        }
        func check<Scalar: NeuralScalar>(
            _ network: PyTorchFixture.Network, _ loss: some Loss, _ expected: PyTorchFixture.Gradients, _ name: String,
            _ type: Scalar.Type, _ tolerance: Tolerance
        ) {
            let mlp = network.network(type)
            let output = mlp.forward(network.inputMatrix(type))
            let gradient = Matrix<Scalar>(rows: 0, columns: mlp.outputSize)
            let value = loss.evaluate(prediction: output, target: network.targetMatrix(type), gradient: gradient)
            let label = "\(network.name) \(name) \(type)"
            assertClose([Double(value)], [expected.loss], tolerance: tolerance, "\(label) loss")
            mlp.backward(gradient, propagatingToInput: true)
            compareGradients(mlp, expected.gradients, label, tolerance)
            assertClose(
                mlp.inputGradient.values.map(Double.init), expected.inputGradient, tolerance: tolerance, "\(label) input gradient")
        }
    }

    @Test func huberTakesBothBranches() {
        // Otherwise the fixture would not prove the linear branch.
        for network in fixture.networks {
            let differences = zip(network.output, network.target).map { abs($0 - $1) }
            #expect(differences.contains { $0 > 2 } && differences.contains { $0 < 1 }, "\(network.name)")
        }
    }

    @Test func categoricalHead() {
        eachCase { network, type, tolerance in check(network, type, tolerance) }
        func check<Scalar: NeuralScalar>(_ network: PyTorchFixture.Network, _ type: Scalar.Type, _ tolerance: Tolerance) {
            let expected = network.categorical
            let mlp = network.network(type)
            let logits = mlp.forward(network.inputMatrix(type))
            let head = Categorical<Scalar>(actionCount: mlp.outputSize)
            head.update(logits: logits)
            let label = "\(network.name) categorical \(type)"
            assertClose(
                head.logProbabilities.values.map(Double.init), expected.logProbabilities, tolerance: tolerance, "\(label) log π")
            assertClose(head.entropies.values.map(Double.init), expected.entropies, tolerance: tolerance, "\(label) entropy")
            // L = −mean(log π(a) · A) − c · mean(H).
            let batch = network.batch
            var loss = 0.0
            for row in 0..<batch {
                loss -= Double(head.logProbability(of: expected.actions[row], row: row)) * expected.advantages[row] / Double(batch)
                loss -= expected.entropyCoefficient * Double(head.entropy(row: row)) / Double(batch)
            }
            assertClose([loss], [expected.loss], tolerance: tolerance, "\(label) loss")
            let logitGradient = Matrix<Scalar>(rows: 0, columns: mlp.outputSize)
            head.backward(
                actions: expected.actions, logProbabilityWeights: expected.advantages.map { Scalar(-$0 / Double(batch)) },
                entropyWeight: Scalar(-expected.entropyCoefficient / Double(batch)), into: logitGradient)
            mlp.backward(logitGradient, propagatingToInput: true)
            compareGradients(mlp, expected.gradients, label, tolerance)
            assertClose(
                mlp.inputGradient.values.map(Double.init), expected.inputGradient, tolerance: tolerance, "\(label) input gradient")
        }
    }

    @Test func threeAdamStepsWithClipping() {
        eachCase { network, type, tolerance in check(network, type, tolerance) }
        func check<Scalar: NeuralScalar>(_ network: PyTorchFixture.Network, _ type: Scalar.Type, _ tolerance: Tolerance) {
            let settings = network.adam
            let mlp = network.network(type)
            let adam = Adam(
                parameters: mlp.parameters, learningRate: settings.learningRate, beta1: settings.beta1, beta2: settings.beta2,
                epsilon: settings.epsilon)
            let input = network.inputMatrix(type)
            let target = network.targetMatrix(type)
            let gradient = Matrix<Scalar>(rows: 0, columns: mlp.outputSize)
            for (index, expected) in settings.steps.enumerated() {
                let label = "\(network.name) Adam step \(index + 1) \(type)"
                _ = MeanSquaredError().evaluate(prediction: mlp.forward(input), target: target, gradient: gradient)
                mlp.backward(gradient)
                let norm = clipGradientNorm(mlp.parameters, maxNorm: settings.maxNorm)
                #expect(norm > settings.maxNorm, "\(label): the clipping must bite")
                assertClose([norm], [expected.normBeforeClipping], tolerance: tolerance, "\(label) norm")
                adam.step()
                for (layer, tensors) in zip(mlp.layers, expected.layers) {
                    assertClose(layer.weight.values.map(Double.init), tensors.weight, tolerance: tolerance, "\(label) weight")
                    assertClose(layer.bias.values.map(Double.init), tensors.bias, tolerance: tolerance, "\(label) bias")
                }
            }
        }
    }

    @Test func orthogonalMatchesPyTorchsRecipe() {
        for matrix in fixture.orthogonal {
            let q = orthogonalMatrix(fromGaussian: matrix.gaussian, rows: matrix.rows, columns: matrix.columns)
            // Both in Float64 here: agreement to rounding.
            assertClose(
                q.map { $0 * matrix.gain }, matrix.expected, tolerance: Tolerance(relative: 1e-10, floorShare: 1e-6),
                "\(matrix.rows) × \(matrix.columns)")
        }
    }

    private func compareGradients<Scalar: NeuralScalar>(
        _ mlp: MLP<Scalar>, _ expected: [PyTorchFixture.Tensors], _ label: String, _ tolerance: Tolerance,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(mlp.layers.count == expected.count, sourceLocation: sourceLocation)
        for (index, (layer, tensors)) in zip(mlp.layers, expected).enumerated() {
            assertClose(
                layer.weightGradient.values.map(Double.init), tensors.weight, tolerance: tolerance,
                "\(label) layer \(index) ∂W", sourceLocation: sourceLocation)
            assertClose(
                layer.biasGradient.values.map(Double.init), tensors.bias, tolerance: tolerance,
                "\(label) layer \(index) ∂b", sourceLocation: sourceLocation)
        }
    }
}
