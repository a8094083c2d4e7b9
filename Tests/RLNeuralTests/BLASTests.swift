import COpenBLAS
import RLCore
import RLNeural
import Testing

@Suite struct BLASTests {
    /// The first product sets OpenBLAS to one thread (sweeps scale by processes), and a layer's
    /// forward pass is the product it should be: `y = x · Wᵀ + b`, checked by hand in Double.
    @Test func oneThreadAndTheProductByHand() {
        var generator = Xoshiro256StarStar(seed: 11)
        let layer = DenseLayer<Float>(inputSize: 37, outputSize: 19, activation: .identity)
        Initialisation.pytorchDefault.initialise(layer, using: &generator)
        let input = Matrix<Float>(rows: 7, columns: 37, values: (0..<7 * 37).map { _ in Float(generator.nextGaussian()) })
        layer.forward(input)
        #expect(openblas_get_num_threads() == 1)
        for row in 0..<7 {
            for output in 0..<19 {
                var expected = Double(layer.bias[output])
                for inputIndex in 0..<37 { expected += Double(input[row, inputIndex]) * Double(layer.weight[output, inputIndex]) }
                #expect(isClose(Double(layer.output[row, output]), expected, within: 1e-5 * max(1, abs(expected))))
            }
        }
    }
}
