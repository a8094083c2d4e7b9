/// Adam with PyTorch's exact update (`torch.optim.Adam`, its single-tensor path on the CPU,
/// without weight decay or AMSGrad): at step t,
///
///     m ← m + (1 − β₁)(g − m)          v ← β₂·v + (1 − β₂)·g²
///     p ← p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
///
/// with the bias corrections in Double and the element-wise work in the parameters' type, as
/// PyTorch does. `epsilon` is a setting because PPO takes 1e-5 where PyTorch's default is 1e-8.
public final class Adam<Scalar: NeuralScalar> {
    /// The step size; change it between steps to follow a ``Schedule`` (RLCore's, the one the
    /// tabular agents use).
    public var learningRate: Double
    /// β₁, the decay of the first moment.
    public let beta1: Double
    /// β₂, the decay of the second moment.
    public let beta2: Double
    /// ε, added to the denominator.
    public let epsilon: Double
    /// Steps taken so far.
    public private(set) var stepCount = 0
    /// The parameters the optimiser moves.
    public let parameters: [Parameter<Scalar>]
    let firstMoments: [Matrix<Scalar>]
    let secondMoments: [Matrix<Scalar>]

    /// An optimiser over `parameters` (a network's ``MLP/parameters``, or several networks'
    /// together, as CleanRL's PPO gives one Adam both actor and critic).
    public init(parameters: [Parameter<Scalar>], learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        precondition(learningRate >= 0 && epsilon >= 0, "a learning rate and an epsilon that are not negative")
        precondition((0..<1).contains(beta1) && (0..<1).contains(beta2), "betas in [0, 1)")
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        firstMoments = parameters.map { Matrix(rows: $0.value.rows, columns: $0.value.columns) }
        secondMoments = parameters.map { Matrix(rows: $0.value.rows, columns: $0.value.columns) }
    }

    /// Each parameter's first and second moments, in ``parameters``' order: with
    /// ``stepCount``, everything a resumed run needs to go on exactly.
    public var moments: [(first: Matrix<Scalar>, second: Matrix<Scalar>)] {
        Array(zip(firstMoments, secondMoments))
    }

    /// Puts back a saved state: the steps taken and each parameter's moments (in ``parameters``'
    /// order, of its size).
    /// - Precondition: one pair of moments per parameter, each of its parameter's size.
    public func restore(stepCount: Int, moments: [(first: [Scalar], second: [Scalar])]) {
        precondition(stepCount >= 0 && moments.count == parameters.count, "a step count and moments for every parameter")
        for (index, pair) in moments.enumerated() {
            precondition(pair.first.count == firstMoments[index].count && pair.second.count == secondMoments[index].count)
            for element in pair.first.indices {
                firstMoments[index][element] = pair.first[element]
                secondMoments[index][element] = pair.second[element]
            }
        }
        self.stepCount = stepCount
    }

    /// Moves every parameter one step against its gradient.
    @_specialize(where Scalar == Float)
    public func step() {
        stepCount += 1
        let t = Double(stepCount)
        let biasCorrection1 = 1 - pow(beta1, t)
        let biasCorrection2 = 1 - pow(beta2, t)
        let stepSize = Scalar(learningRate / biasCorrection1)
        let biasCorrection2Root = Scalar(biasCorrection2.squareRoot())
        let firstWeight = Scalar(1 - beta1)
        let secondDecay = Scalar(beta2)
        let secondWeight = Scalar(1 - beta2)
        let epsilon = Scalar(self.epsilon)
        for index in parameters.indices {
            Scalar.adamUpdate(
                parameter: parameters[index].value.pointer, gradient: parameters[index].gradient.pointer,
                firstMoment: firstMoments[index].pointer, secondMoment: secondMoments[index].pointer,
                count: parameters[index].value.count, firstWeight: firstWeight, secondDecay: secondDecay, secondWeight: secondWeight,
                stepSize: stepSize, biasCorrection2Root: biasCorrection2Root, epsilon: epsilon)
        }
    }
}

/// `base` to the power `exponent`, for the bias corrections (β^t for a whole-number t).
private func pow(_ base: Double, _ exponent: Double) -> Double {
    var result = 1.0
    var remaining = Int(exponent)
    var factor = base
    // By squaring, as C's pow would be exact enough; kept here so that RLNeural's numbers do not
    // hang on the platform's libm for this.
    while remaining > 0 {
        if remaining & 1 == 1 { result *= factor }
        factor *= factor
        remaining >>= 1
    }
    return result
}
