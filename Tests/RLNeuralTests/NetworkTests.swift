import RLCore
import RLNeural
import Testing

@Suite struct NetworkTests {
    @Test func stateDictionaryNamesAndShapesAreSequentials() {
        var generator = Xoshiro256StarStar(seed: 1)
        let mlp = MLP<Float>(sizes: [4, 64, 64, 2], hiddenActivation: .tanh, using: &generator)
        let named = mlp.namedParameters(prefix: "policy")
        #expect(
            named.map(\.name) == [
                "policy.0.weight", "policy.0.bias", "policy.2.weight", "policy.2.bias", "policy.4.weight", "policy.4.bias",
            ])
        #expect(named.map(\.shape) == [[64, 4], [64], [64, 64], [64], [2, 64], [2]])
        #expect(mlp.parameterCount == 4 * 64 + 64 + 64 * 64 + 64 + 64 * 2 + 2)
        // Row-major [out, in]: element (o, i) of PyTorch's weight.
        #expect(named[0].value[3 * 4 + 1] == mlp.layers[0].weight[3, 1])
    }

    /// A row's output does not depend on the other rows of its batch, and the batch can shrink
    /// and grow back without the buffers moving.
    @Test func batchesOfAnySizeWithoutReallocating() {
        var generator = Xoshiro256StarStar(seed: 2)
        let mlp = MLP<Float>(sizes: [3, 16, 2], hiddenActivation: .relu, using: &generator)
        let big = Matrix<Float>(rows: 8, columns: 3, values: (0..<24).map { Float($0) / 10 - 1 })
        let batchOutput = mlp.forward(big).values
        let pointer = mlp.output.pointer
        let row = Matrix<Float>(rows: 1, columns: 3, values: [big[5, 0], big[5, 1], big[5, 2]])
        let single = mlp.forward(row)
        #expect(single.rows == 1)
        #expect(isClose(single[0, 0], batchOutput[10], within: 1e-6))
        #expect(isClose(single[0, 1], batchOutput[11], within: 1e-6))
        #expect(mlp.forward(big).values == batchOutput)
        #expect(mlp.output.pointer == pointer)
    }

    @Test func copyParametersMakesATwin() {
        var generator = Xoshiro256StarStar(seed: 3)
        let online = MLP<Float>(sizes: [4, 8, 2], hiddenActivation: .relu, using: &generator)
        let target = MLP<Float>(sizes: [4, 8, 2], hiddenActivation: .relu, using: &generator)
        let input = Matrix<Float>(rows: 2, columns: 4, values: [1, 2, 3, 4, -1, 0, 1, 0.5])
        #expect(online.forward(input).values != target.forward(input).values)
        target.copyParameters(from: online)
        #expect(online.forward(input).values == target.forward(input).values)
    }

    @Test func clippingLeavesSmallGradientsAloneAndScalesLargeOnes() {
        let value = Matrix<Double>(rows: 1, columns: 2)
        let gradient = Matrix<Double>(rows: 1, columns: 2, values: [3, 4])
        let parameters = [Parameter(value: value, gradient: gradient)]
        #expect(clipGradientNorm(parameters, maxNorm: 10) == 5)
        #expect(gradient.values == [3, 4])
        #expect(clipGradientNorm(parameters, maxNorm: 1) == 5)
        let factor = 1 / (5 + 1e-6)
        #expect(gradient.values == [3 * factor, 4 * factor])
        gradient.fill(with: 0)
        #expect(clipGradientNorm(parameters, maxNorm: 1) == 0)
        #expect(gradient.values == [0, 0])
    }

    /// One Adam step by hand: m = 0.1 g, v = 0.001 g², both bias-corrected back to g and g², so
    /// the first step is lr · g / (|g| + ε), whatever β.
    @Test func adamsFirstStepIsTheLearningRateTimesTheSign() {
        let value = Matrix<Double>(rows: 1, columns: 3, values: [1, 1, 1])
        let gradient = Matrix<Double>(rows: 1, columns: 3, values: [0.5, -2, 0])
        let adam = Adam(parameters: [Parameter(value: value, gradient: gradient)], learningRate: 0.1, epsilon: 1e-8)
        adam.step()
        #expect(isClose(value[0], 1 - 0.1 * 0.5 / (0.5 + 1e-8), within: 1e-12))
        #expect(isClose(value[1], 1 + 0.1 * 2 / (2 + 1e-8), within: 1e-12))
        #expect(value[2] == 1)
        #expect(adam.stepCount == 1)
    }

    /// The learning rate follows RLCore's Schedule, the tabular agents' own: CleanRL's PPO
    /// anneals `lr · (1 − (update − 1) / updates)`, which is `linear(from: lr, to: 0, over: 1)`.
    @Test func learningRateFollowsTheSharedSchedule() {
        let schedule = Schedule.linear(from: 2.5e-4, to: 0, over: 1)
        let updates = 488
        for update in [1, 2, 100, 488] {
            let cleanRL = (1 - Double(update - 1) / Double(updates)) * 2.5e-4
            #expect(isClose(schedule.value(atStep: update - 1, of: updates), cleanRL, within: 1e-18))
        }
        let adam = Adam<Float>(parameters: [], learningRate: schedule.value(atStep: 0, of: updates))
        adam.learningRate = schedule.value(atStep: 244, of: updates)
        #expect(isClose(adam.learningRate, 1.25e-4, within: 1e-18))
        // CleanRL's DQN epsilon: linear from 1 to 0.05 over half the steps, then flat.
        let epsilon = Schedule.linear(from: 1, to: 0.05, over: 0.5)
        #expect(isClose(epsilon.value(atStep: 250, of: 1000), 1 - 0.95 * 0.5, within: 1e-12))
        #expect(epsilon.value(atStep: 900, of: 1000) == 0.05)
        #expect(Schedule.constant(3e-4).value(atStep: 7, of: 10) == 3e-4)
    }
}
