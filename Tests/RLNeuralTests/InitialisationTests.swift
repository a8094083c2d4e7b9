import Foundation
import RLCore
import RLNeural
import Testing

@Suite struct InitialisationTests {
    @Test func sameSeedSameBytesOtherSeedOtherBytes() {
        func weights(seed: UInt64, _ initialisation: Initialisation) -> [[Float]] {
            var generator = Xoshiro256StarStar(seed: seed)
            let mlp = MLP<Float>(
                sizes: [4, 64, 64, 2], hiddenActivation: .tanh, hiddenInitialisation: initialisation,
                outputInitialisation: initialisation, using: &generator)
            return mlp.parameters.map(\.value.values)
        }
        for initialisation in [Initialisation.pytorchDefault, .orthogonalHidden] {
            #expect(
                weights(seed: 1, initialisation).map { $0.map(\.bitPattern) }
                    == weights(seed: 1, initialisation).map { $0.map(\.bitPattern) })
            #expect(weights(seed: 1, initialisation) != weights(seed: 2, initialisation))
        }
    }

    /// PyTorch's nn.Linear default: U(−1/√fan_in, 1/√fan_in) for weight and bias alike.
    @Test func pyTorchDefaultIsUniformWithinOneOverRootFanIn() {
        var generator = Xoshiro256StarStar(seed: 3)
        let layer = DenseLayer<Double>(inputSize: 64, outputSize: 256, activation: .relu)
        Initialisation.pytorchDefault.initialise(layer, using: &generator)
        let bound = 1 / 8.0
        let weights = layer.weight.values
        #expect(weights.allSatisfy { abs($0) <= bound })
        #expect(layer.bias.values.allSatisfy { abs($0) <= bound })
        #expect(weights.max()! > 0.99 * bound)
        #expect(weights.min()! < -0.99 * bound)
        // A uniform variable on ±b has mean 0 and variance b²/3; 16384 draws pin both to ~1 %.
        let mean = weights.reduce(0, +) / Double(weights.count)
        let variance = weights.reduce(0) { $0 + $1 * $1 } / Double(weights.count)
        #expect(isClose(mean, 0, within: 0.01 * bound))
        #expect(isClose(variance, bound * bound / 3, within: 0.03 * bound * bound / 3))
    }

    /// Orthogonal with a gain: W·Wᵀ = gain²·I when wide, Wᵀ·W = gain²·I when tall (or square),
    /// and the bias constant.
    @Test func orthogonalIsOrthogonalWithItsGain() {
        for (rows, columns) in [(64, 4), (4, 64), (64, 64), (2, 64), (1, 1)] {
            for gain in [Double(2).squareRoot(), 0.01, 1] {
                var generator = Xoshiro256StarStar(seed: UInt64(rows * 1000 + columns))
                let layer = DenseLayer<Double>(inputSize: columns, outputSize: rows, activation: .tanh)
                Initialisation.orthogonal(gain: gain, bias: 0.25).initialise(layer, using: &generator)
                let wide = rows < columns
                let size = wide ? rows : columns
                var worst = 0.0
                for i in 0..<size {
                    for j in 0..<size {
                        var dot = 0.0
                        for k in 0..<(wide ? columns : rows) {
                            dot += wide ? layer.weight[i, k] * layer.weight[j, k] : layer.weight[k, i] * layer.weight[k, j]
                        }
                        worst = max(worst, abs(dot - (i == j ? gain * gain : 0)))
                    }
                }
                #expect(worst < 1e-13 * max(gain * gain, 1), "\(rows) × \(columns), gain \(gain)")
                #expect(layer.bias.values == [Double](repeating: 0.25, count: rows))
            }
        }
    }

    /// Box–Muller from our generator: standard normal moments over 100 000 draws.
    @Test func gaussianDrawsHaveStandardMoments() {
        var generator = Xoshiro256StarStar(seed: 5)
        let draws = (0..<100_000).map { _ in generator.nextGaussian() }
        let mean = draws.reduce(0, +) / Double(draws.count)
        let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws.count)
        let fourth = draws.reduce(0) { $0 + pow($1 - mean, 4) } / Double(draws.count)
        #expect(isClose(mean, 0, within: 0.01))
        #expect(isClose(variance, 1, within: 0.015))
        #expect(isClose(fourth, 3, within: 0.1))
        #expect(draws.allSatisfy { $0.isFinite })
    }
}
