import RLNeural

/// DQN's networks and their update: the online Q-network Adam trains, the target network it
/// bootstraps from, and the scratch matrices a gradient step writes, allocated once.
///
/// One gradient step is Stable-Baselines3's `DQN.train` loop body:
///
///     target  = r + (1 − done) · γ · max_a Q_target(s′, a)      (Double DQN: Q_target(s′, argmax_a Q(s′, a)))
///     loss    = SmoothL1(Q(s, a), target), the batch's mean
///     clip the gradients' global norm, then one Adam step.
public final class DQNLearner {
    /// The network trained and played: its argmax is the greedy action.
    public let online: MLP<Float>
    /// The network targets are computed with, following ``online`` by ``updateTarget(tau:)``.
    public let target: MLP<Float>
    /// Adam over the online network's parameters.
    public let optimizer: Adam<Float>
    /// The online network's parameters, kept: `MLP.parameters` builds a new array each call.
    let parameters: [Parameter<Float>]
    /// Double DQN's target rather than DQN's.
    public let doubleQ: Bool
    /// The global norm gradients are clipped to.
    public let maxGradientNorm: Double

    /// Q(s, a) of each transition, `[batch, 1]`.
    let chosenValues: Matrix<Float>
    /// The targets, `[batch, 1]`.
    let targets: Matrix<Float>
    /// ∂L/∂Q(s, a), `[batch, 1]`.
    let chosenGradient: Matrix<Float>
    /// ∂L/∂Q(s, ·): the chosen action's gradient, zero elsewhere, `[batch, actions]`.
    let outputGradient: Matrix<Float>
    let loss = HuberLoss(delta: 1)

    /// A learner over `online`, whose target network starts as a copy of it (SB3 loads the
    /// online state dictionary into the target).
    public init(online: MLP<Float>, learningRate: Double, adamEpsilon: Double, maxGradientNorm: Double, doubleQ: Bool, batchSize: Int) {
        self.online = online
        target = MLP(
            layers: online.layers.map { DenseLayer(inputSize: $0.inputSize, outputSize: $0.outputSize, activation: $0.activation) })
        target.copyParameters(from: online)
        parameters = online.parameters
        optimizer = Adam(parameters: parameters, learningRate: learningRate, epsilon: adamEpsilon)
        self.doubleQ = doubleQ
        self.maxGradientNorm = maxGradientNorm
        chosenValues = Matrix(rows: batchSize, columns: 1)
        targets = Matrix(rows: batchSize, columns: 1)
        chosenGradient = Matrix(rows: batchSize, columns: 1)
        outputGradient = Matrix(rows: batchSize, columns: online.outputSize)
    }

    /// Writes each transition's target into ``targets``: its reward, plus γ times the next
    /// state's value unless the transition terminated the episode. Computed in single
    /// precision, in PyTorch's order.
    public func computeTargets(for batch: ReplayBatch, discount: Double) {
        let nextValues = target.forward(batch.nextObservations)
        let actionCount = online.outputSize
        // Only Double DQN needs the online network's opinion of s′; it runs before the forward
        // pass on s, whose activations the backward pass needs.
        let onlineNextValues = doubleQ ? online.forward(batch.nextObservations) : nextValues
        let gamma = Float(discount)
        targets.resize(rows: batch.size)
        for row in 0..<batch.size {
            let base = row * actionCount
            var best = 0
            for action in 1..<actionCount where onlineNextValues[base + action] > onlineNextValues[base + best] {
                best = action
            }
            let bootstrap = nextValues[base + best]
            targets[row] = batch.rewards[row] + (1 - batch.dones[row]) * gamma * bootstrap
        }
    }

    /// One gradient step on `batch`; returns the loss before the step.
    @discardableResult
    public func gradientStep(on batch: ReplayBatch, discount: Double) -> Float {
        computeTargets(for: batch, discount: discount)
        let values = online.forward(batch.observations)
        let actionCount = online.outputSize
        chosenValues.resize(rows: batch.size)
        for row in 0..<batch.size { chosenValues[row] = values[row * actionCount + batch.actions[row]] }
        let batchLoss = loss.evaluate(prediction: chosenValues, target: targets, gradient: chosenGradient)
        // The gather's backward pass: the gradient flows to the action taken only.
        outputGradient.resize(rows: batch.size)
        outputGradient.fill(with: 0)
        for row in 0..<batch.size { outputGradient[row * actionCount + batch.actions[row]] = chosenGradient[row] }
        online.backward(outputGradient)
        clipGradientNorm(parameters, maxNorm: maxGradientNorm)
        optimizer.step()
        return batchLoss
    }

    /// Moves the target network towards the online one: `θ′ ← (1 − τ)·θ′ + τ·θ` (SB3's
    /// `polyak_update`); τ = 1 copies.
    public func updateTarget(tau: Double) {
        if tau == 1 {
            // A copy by pointers, not `MLP.copyParameters`: that one allocates on every call (six
            // allocations for three layers in a release build), which would be one every few steps.
            for (mine, theirs) in zip(target.layers, online.layers) {
                mine.weight.pointer.update(from: theirs.weight.pointer, count: theirs.weight.count)
                mine.bias.pointer.update(from: theirs.bias.pointer, count: theirs.bias.count)
            }
            return
        }
        let keep = Float(1 - tau)
        let take = Float(tau)
        func blend(_ destination: Matrix<Float>, _ source: Matrix<Float>) {
            for index in 0..<destination.count { destination[index] = destination[index] * keep + take * source[index] }
        }
        for (mine, theirs) in zip(target.layers, online.layers) {
            blend(mine.weight, theirs.weight)
            blend(mine.bias, theirs.bias)
        }
    }
}
