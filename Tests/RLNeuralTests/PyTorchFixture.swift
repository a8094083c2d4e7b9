import Foundation
import RLNeural

/// Tests/Fixtures/pytorch/networks.json, written by scripts/pytorch-golden.
struct PyTorchFixture: Decodable {
    struct Tensors: Decodable {
        var weight: [Double]
        var bias: [Double]
    }
    struct Gradients: Decodable {
        var loss: Double
        var gradients: [Tensors]
        var inputGradient: [Double]
    }
    struct CategoricalCase: Decodable {
        var actions: [Int]
        var advantages: [Double]
        var entropyCoefficient: Double
        var logProbabilities: [Double]
        var entropies: [Double]
        var loss: Double
        var gradients: [Tensors]
        var inputGradient: [Double]
    }
    struct AdamStep: Decodable {
        var normBeforeClipping: Double
        var layers: [Tensors]
    }
    struct AdamCase: Decodable {
        var learningRate: Double
        var beta1: Double
        var beta2: Double
        var epsilon: Double
        var maxNorm: Double
        var steps: [AdamStep]
    }
    struct Network: Decodable {
        var name: String
        var sizes: [Int]
        var activation: String
        var batch: Int
        var layers: [Tensors]
        var input: [Double]
        var output: [Double]
        var target: [Double]
        var mse: Gradients
        var huber1: Gradients
        var smoothL1: Gradients
        var huber2: Gradients
        var categorical: CategoricalCase
        var adam: AdamCase
    }
    struct Orthogonal: Decodable {
        var rows: Int
        var columns: Int
        var gain: Double
        var gaussian: [Double]
        var expected: [Double]
    }
    var torch: String
    /// Computed in float32.
    var networks: [Network]
    /// The same weights, batches and settings computed in float64.
    var networks64: [Network]
    var orthogonal: [Orthogonal]

    static func load() throws -> PyTorchFixture {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/pytorch/networks.json")
        return try JSONDecoder().decode(PyTorchFixture.self, from: Data(contentsOf: url))
    }
}

extension PyTorchFixture.Network {
    /// The fixture's network in `Scalar`, its weights set as PyTorch had them.
    func network<Scalar: NeuralScalar>(_: Scalar.Type) -> MLP<Scalar> {
        let hidden = Activation(rawValue: activation)!
        let layers = (0..<sizes.count - 1).map { index in
            let layer = DenseLayer<Scalar>(
                inputSize: sizes[index], outputSize: sizes[index + 1], activation: index == sizes.count - 2 ? .identity : hidden)
            for (offset, value) in self.layers[index].weight.enumerated() { layer.weight[offset] = Scalar(value) }
            for (offset, value) in self.layers[index].bias.enumerated() { layer.bias[offset] = Scalar(value) }
            return layer
        }
        return MLP(layers: layers)
    }

    func inputMatrix<Scalar: NeuralScalar>(_: Scalar.Type) -> Matrix<Scalar> {
        Matrix(rows: batch, columns: sizes[0], values: input.map { Scalar($0) })
    }

    func targetMatrix<Scalar: NeuralScalar>(_: Scalar.Type) -> Matrix<Scalar> {
        Matrix(rows: batch, columns: sizes[sizes.count - 1], values: target.map { Scalar($0) })
    }
}
