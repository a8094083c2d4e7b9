// neural-bench: RLNeural's forward and backward passes against the same matrix products called
// straight through cblas_sgemm (the BLAS-only floor), single-threaded, in Float32.
//
//   swift run -c release neural-bench            # about half a minute
//   swift run -c release neural-bench --quick    # a few seconds, fewer and shorter rounds
//
// Each figure is the best of several rounds (the machine is shared), in GFLOP/s counting only
// the products' 2·m·n·k; the ratio is the floor's time over ours. It also counts the heap
// allocations that 1000 warm steps make (malloc, calloc and realloc, the whole process).
import CAllocationCounter
import COpenBLAS
import RLCore
import RLNeural

let quick = CommandLine.arguments.contains("--quick")
let rounds = quick ? 3 : 7
let clock = ContinuousClock()
openblas_set_num_threads(1)

/// Seconds per call of `body`, the best of `rounds` rounds of `iterations` calls.
func secondsPerCall(iterations: Int, _ body: () -> Void) -> Double {
    secondsPerCall(iterations: iterations, body, against: nil).0
}

/// Seconds per call of `body` and of `other`, their rounds taken in turn so that both see the
/// same moments of a shared machine; the best round of each.
func secondsPerCall(iterations: Int, _ body: () -> Void, against other: (() -> Void)?) -> (Double, Double) {
    for _ in 0..<max(iterations / 10, 1) {
        body()
        other?()
    }
    func round(_ work: () -> Void) -> Double {
        let start = clock.now
        for _ in 0..<iterations { work() }
        let elapsed = clock.now - start
        return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18) / Double(iterations)
    }
    var best = (Double.infinity, Double.infinity)
    for _ in 0..<rounds {
        best.0 = min(best.0, round(body))
        if let other { best.1 = min(best.1, round(other)) }
    }
    return best
}

func format(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    return String(rounded)
}

func filled(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix<Float> {
    var generator = Xoshiro256StarStar(seed: seed)
    let matrix = Matrix<Float>(rows: rows, columns: columns)
    for index in 0..<matrix.count { matrix[index] = Float(generator.nextUnitDouble() - 0.5) }
    return matrix
}

/// The products of one dense layer's step, straight through BLAS: forward `y = x · Wᵀ`,
/// backward `∂W = ∂yᵀ · x` and (when `propagating`) `∂x = ∂y · W`.
func rawLayerStep(
    batch: Int, inputs: Int, outputs: Int, x: Matrix<Float>, w: Matrix<Float>, y: Matrix<Float>, dy: Matrix<Float>,
    dw: Matrix<Float>, dx: Matrix<Float>, propagating: Bool
) {
    cblas_sgemm(
        CblasRowMajor, CblasNoTrans, CblasTrans, blasint(batch), blasint(outputs), blasint(inputs), 1, x.pointer, blasint(inputs),
        w.pointer, blasint(inputs), 0, y.pointer, blasint(outputs))
    cblas_sgemm(
        CblasRowMajor, CblasTrans, CblasNoTrans, blasint(outputs), blasint(inputs), blasint(batch), 1, dy.pointer, blasint(outputs),
        x.pointer, blasint(inputs), 0, dw.pointer, blasint(inputs))
    if propagating {
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasNoTrans, blasint(batch), blasint(inputs), blasint(outputs), 1, dy.pointer,
            blasint(outputs), w.pointer, blasint(inputs), 0, dx.pointer, blasint(inputs))
    }
}

// The counter must see an allocation made here, or its zeros below would prove nothing.
let probeStart = rl_allocation_count()
let probe = [Int](repeating: 1, count: 1000 + CommandLine.arguments.count)
precondition(rl_allocation_count() > probeStart && probe.count > 0, "the allocation counter counts nothing")

let batch = 64
let width = 256
let iterations = quick ? 300 : 2000
print("neural-bench: Float32, one BLAS thread, batch \(batch), best of \(rounds) rounds")
print("case                                   GFLOP/s   floor GFLOP/s   ratio   allocations/step")

/// One 256 → 256 layer: forward, then backward to its weights, bias and input.
func layerCase(_ activation: Activation) {
    var generator = Xoshiro256StarStar(seed: 1)
    let layer = DenseLayer<Float>(inputSize: width, outputSize: width, activation: activation)
    Initialisation.pytorchDefault.initialise(layer, using: &generator)
    let x = filled(batch, width, seed: 2)
    let dy = filled(batch, width, seed: 3)
    let y = Matrix<Float>(rows: batch, columns: width)
    let dw = Matrix<Float>(rows: width, columns: width)
    let dx = Matrix<Float>(rows: batch, columns: width)
    let flops = 3 * 2 * Double(batch * width * width)
    let (ours, floor) = secondsPerCall(
        iterations: iterations,
        {
            layer.forward(x)
            layer.backward(input: x, outputGradient: dy, propagatingToInput: true)
        },
        against: {
            rawLayerStep(
                batch: batch, inputs: width, outputs: width, x: x, w: layer.weight, y: y, dy: dy, dw: dw, dx: dx, propagating: true)
        })
    let before = rl_allocation_count()
    for _ in 0..<1000 {
        layer.forward(x)
        layer.backward(input: x, outputGradient: dy, propagatingToInput: true)
    }
    let allocations = Double(rl_allocation_count() - before) / 1000
    report("layer 64×256 · 256×256, \(activation)", flops, ours, floor, allocations)
}

/// A 256 → 256 → 256 → 256 tanh network's training step: forward, MSE, backward, clipping,
/// Adam. Its floor is the five products alone (the first layer needs no input gradient).
func trainingStepCase() {
    var generator = Xoshiro256StarStar(seed: 4)
    let mlp = MLP<Float>(
        sizes: [width, width, width, width], hiddenActivation: .tanh, hiddenInitialisation: .orthogonalHidden,
        outputInitialisation: .orthogonal(gain: 1, bias: 0), using: &generator)
    let adam = Adam(parameters: mlp.parameters, learningRate: 2.5e-4, epsilon: 1e-5)
    let parameters = mlp.parameters
    let x = filled(batch, width, seed: 5)
    let target = filled(batch, width, seed: 6)
    let gradient = Matrix<Float>(rows: batch, columns: width)
    let loss = MeanSquaredError()
    func step() {
        _ = loss.evaluate(prediction: mlp.forward(x), target: target, gradient: gradient)
        mlp.backward(gradient)
        clipGradientNorm(parameters, maxNorm: 0.5)
        adam.step()
    }
    let buffers = (0..<3).map { _ in
        (
            y: Matrix<Float>(rows: batch, columns: width), dw: Matrix<Float>(rows: width, columns: width),
            dx: Matrix<Float>(rows: batch, columns: width)
        )
    }
    let flops = 5 * 2 * Double(batch * width * width)
    let (ours, floor) = secondsPerCall(
        iterations: iterations / 3, step,
        against: {
            for (index, layer) in mlp.layers.enumerated() {
                let input = index == 0 ? x : buffers[index - 1].y
                rawLayerStep(
                    batch: batch, inputs: width, outputs: width, x: input, w: layer.weight, y: buffers[index].y, dy: gradient,
                    dw: buffers[index].dw, dx: buffers[index].dx, propagating: index > 0)
            }
        })
    let before = rl_allocation_count()
    for _ in 0..<1000 { step() }
    let allocations = Double(rl_allocation_count() - before) / 1000
    report("MLP 256-256-256-256 tanh, MSE+clip+Adam", flops, ours, floor, allocations)
}

func report(_ label: String, _ flops: Double, _ ours: Double, _ floor: Double, _ allocations: Double) {
    func padded(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(width - text.count, 1)) }
    print(
        padded(label, 39) + padded(format(flops / ours / 1e9, 1), 10) + padded(format(flops / floor / 1e9, 1), 16)
            + padded(format(floor / ours, 3), 8) + format(allocations, 2))
}

/// CleanRL's CartPole actor (4 → 64 → 64 → 2, tanh) on a minibatch of 128: forward, the
/// categorical head (log-probabilities, entropies, one sample a row), its backward pass, the
/// network's, clipping and Adam. Small products, so this one is about overhead, not GFLOP/s.
func policyStepCase() {
    var generator = Xoshiro256StarStar(seed: 9)
    let policy = MLP<Float>(
        sizes: [4, 64, 64, 2], hiddenActivation: .tanh, hiddenInitialisation: .orthogonalHidden,
        outputInitialisation: .orthogonal(gain: 0.01, bias: 0), using: &generator)
    let adam = Adam(parameters: policy.parameters, learningRate: 2.5e-4, epsilon: 1e-5)
    let parameters = policy.parameters
    let head = Categorical<Float>(actionCount: 2)
    let observations = filled(128, 4, seed: 10)
    var actions = [Int](repeating: 0, count: 128)
    let weights = (0..<128).map { _ in Float(generator.nextGaussian()) / 128 }
    let logitGradient = Matrix<Float>(rows: 128, columns: 2)
    func step() {
        head.update(logits: policy.forward(observations))
        for row in 0..<128 { actions[row] = head.sample(row: row, using: &generator) }
        head.backward(actions: actions, logProbabilityWeights: weights, entropyWeight: -0.01 / 128, into: logitGradient)
        policy.backward(logitGradient)
        clipGradientNorm(parameters, maxNorm: 0.5)
        adam.step()
    }
    let seconds = secondsPerCall(iterations: iterations, step)
    let before = rl_allocation_count()
    for _ in 0..<1000 { step() }
    let allocations = Double(rl_allocation_count() - before) / 1000
    print(
        "policy step 128 × (4-64-64-2 tanh), categorical, clip, Adam: \(format(seconds * 1e6, 1)) µs, \(format(allocations, 2)) allocations"
    )
}

layerCase(.identity)
layerCase(.relu)
layerCase(.tanh)
trainingStepCase()
policyStepCase()

/// The element-wise parts of a training step on their own, in ns per parameter.
func elementWiseCases() {
    var generator = Xoshiro256StarStar(seed: 7)
    let mlp = MLP<Float>(sizes: [width, width, width, width], hiddenActivation: .tanh, using: &generator)
    let parameters = mlp.parameters
    for parameter in parameters {
        for index in 0..<parameter.gradient.count { parameter.gradient[index] = Float(generator.nextUnitDouble() - 0.5) }
    }
    let adam = Adam(parameters: parameters, learningRate: 1e-9)
    let count = Double(mlp.parameterCount)
    let adamSeconds = secondsPerCall(iterations: iterations / 3) { adam.step() }
    let clipSeconds = secondsPerCall(iterations: iterations / 3) { clipGradientNorm(parameters, maxNorm: 1e9) }
    let x = filled(batch, width, seed: 8)
    let values = Double(x.count)
    let tanhSeconds = secondsPerCall(iterations: iterations) { Activation.tanh.apply(to: x.pointer, count: x.count) }
    let reluSeconds = secondsPerCall(iterations: iterations) { Activation.relu.apply(to: x.pointer, count: x.count) }
    print(
        "element-wise: Adam \(format(adamSeconds / count * 1e9, 2)) ns a parameter, clipping \(format(clipSeconds / count * 1e9, 2)) ns, "
            + "tanh \(format(tanhSeconds / values * 1e9, 2)) ns a value, ReLU \(format(reluSeconds / values * 1e9, 2)) ns")
}
elementWiseCases()
