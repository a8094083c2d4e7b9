import RLCore
import RLNeural
import Testing

/// Float32's elementwise loops run in C, as wide as the processor allows (`CNeuralKernels`):
/// they must give the bits of the plain loops written here, operation for operation, whatever the
/// length (whole vectors and the leftover lanes).
@Suite struct ElementwiseKernelTests {
    func randomValues(_ count: Int, _ generator: inout Xoshiro256StarStar, scale: Float = 2) -> [Float] {
        (0..<count).map { _ in Float(generator.nextUnitDouble() * 2 - 1) * scale }
    }

    @Test(arguments: [1, 7, 8, 9, 63, 64, 65, 1000])
    func tanhBackwardIsTheLoopBitForBit(count: Int) {
        var generator = Xoshiro256StarStar(seed: UInt64(count))
        let output = randomValues(count, &generator, scale: 1), gradient = randomValues(count, &generator)
        var result = [Float](repeating: 0, count: count)
        Float.hyperbolicTangentBackward(output: output, outputGradient: gradient, into: &result, count: count)
        let expected = (0..<count).map { gradient[$0] * (1 - output[$0] * output[$0]) }
        #expect(result.map(\.bitPattern) == expected.map(\.bitPattern))
    }

    @Test(arguments: [(1, 1), (3, 7), (256, 64), (5, 17), (2, 33)])
    func columnSumsAddEachColumnsRowsInOrder(rows: Int, columns: Int) {
        var generator = Xoshiro256StarStar(seed: UInt64(rows * 100 + columns))
        let matrix = randomValues(rows * columns, &generator)
        var sums = [Float](repeating: .nan, count: columns)
        Float.columnSums(of: matrix, rows: rows, columns: columns, into: &sums)
        var expected = [Float](repeating: 0, count: columns)
        for row in 0..<rows {
            for column in 0..<columns { expected[column] += matrix[row * columns + column] }
        }
        #expect(sums.map(\.bitPattern) == expected.map(\.bitPattern))
    }

    @Test(arguments: [(9, Float(0.1)), (64, 0.1), (33, 0.7)])
    func adamIsTheLoopBitForBit(count: Int, firstWeight: Float) {
        var generator = Xoshiro256StarStar(seed: UInt64(count))
        var parameter = randomValues(count, &generator), gradient = randomValues(count, &generator)
        var first = randomValues(count, &generator, scale: 0.1)
        var second = randomValues(count, &generator, scale: 0.01).map(abs)
        var (expectedParameter, expectedFirst, expectedSecond) = (parameter, first, second)
        let (secondDecay, secondWeight, stepSize, root, epsilon): (Float, Float, Float, Float, Float) = (0.999, 0.001, 3e-4, 0.3, 1e-8)
        Float.adamUpdate(
            parameter: &parameter, gradient: &gradient, firstMoment: &first, secondMoment: &second, count: count,
            firstWeight: firstWeight, secondDecay: secondDecay, secondWeight: secondWeight, stepSize: stepSize,
            biasCorrection2Root: root, epsilon: epsilon)
        for index in 0..<count {
            let g = gradient[index], m = expectedFirst[index]
            let moment = firstWeight < 0.5 ? m + firstWeight * (g - m) : g - (g - m) * (1 - firstWeight)
            expectedFirst[index] = moment
            expectedSecond[index] = expectedSecond[index] * secondDecay + secondWeight * g * g
            let denominator = abs(expectedSecond[index]).squareRoot() / root + epsilon
            expectedParameter[index] = expectedParameter[index] + (-stepSize) * moment / denominator
        }
        #expect(parameter.map(\.bitPattern) == expectedParameter.map(\.bitPattern))
        #expect(first.map(\.bitPattern) == expectedFirst.map(\.bitPattern))
        #expect(second.map(\.bitPattern) == expectedSecond.map(\.bitPattern))
    }
}
