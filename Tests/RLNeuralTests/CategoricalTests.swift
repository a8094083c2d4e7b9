import Foundation
import RLCore
import RLNeural
import Testing

@Suite struct CategoricalTests {
    @Test func probabilitiesSumToOneAndEntropyIsBounded() {
        let head = Categorical<Float>(actionCount: 4)
        head.update(logits: Matrix(rows: 3, columns: 4, values: [0, 0, 0, 0, 1, 2, 3, 4, -50, 0, 50, 0]))
        for row in 0..<3 {
            let sum = (0..<4).reduce(Float(0)) { $0 + head.probabilities[row, $1] }
            #expect(isClose(sum, 1, within: 1e-6))
        }
        #expect(isClose(head.entropy(row: 0), log(4), within: 1e-6))
        #expect(isClose(head.entropy(row: 2), 0, within: 1e-6))
    }

    /// Samples follow the probabilities (4000 draws a row, within 4 standard errors), and the
    /// same seed draws the same actions.
    @Test func samplingFollowsTheProbabilitiesAndTheSeed() {
        let head = Categorical<Float>(actionCount: 3)
        head.update(logits: Matrix(rows: 2, columns: 3, values: [log(0.2), log(0.5), log(0.3), 0, -1000, 0]))
        var generator = Xoshiro256StarStar(seed: 9)
        let draws = 4000
        for row in 0..<2 {
            var counts = [0, 0, 0]
            for _ in 0..<draws { counts[head.sample(row: row, using: &generator)] += 1 }
            for action in 0..<3 {
                let p = Double(head.probabilities[row, action])
                let standardError = (p * (1 - p) / Double(draws)).squareRoot()
                #expect(
                    isClose(Double(counts[action]) / Double(draws), p, within: 4 * standardError + 1e-12), "row \(row) action \(action)")
            }
        }
        func actions(seed: UInt64) -> [Int] {
            var generator = Xoshiro256StarStar(seed: seed)
            return (0..<100).map { _ in head.sample(row: 0, using: &generator) }
        }
        #expect(actions(seed: 4) == actions(seed: 4))
        #expect(actions(seed: 4) != actions(seed: 5))
    }

    @Test func impossibleActionsAreNeverDrawnAndAddNoEntropy() {
        let head = Categorical<Float>(actionCount: 3)
        head.update(logits: Matrix(rows: 1, columns: 3, values: [0, 0, -.infinity]))
        var generator = Xoshiro256StarStar(seed: 1)
        var twin = generator
        for _ in 0..<1000 {
            #expect(head.sample(row: 0, using: &generator) != 2)
            _ = twin.next()
        }
        #expect(generator.next() == twin.next())
        // PyTorch's entropy for the same logits: log 2, finite; and finite gradients.
        #expect(isClose(head.entropy(row: 0), log(2), within: 1e-6))
        let gradient = Matrix<Float>(rows: 0, columns: 3)
        head.backward(actions: [1], logProbabilityWeights: [1], entropyWeight: 0.5, into: gradient)
        #expect(gradient.values.allSatisfy { $0.isFinite })
        #expect(gradient[0, 2] == 0)
    }
}
