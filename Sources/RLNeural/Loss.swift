/// A loss averaged over every element of a prediction, with its gradient.
public protocol Loss: Sendable {
    /// The loss of `prediction` against `target` (same shape), and `∂L/∂prediction` written
    /// into `gradient` (resized to the prediction's shape, without allocating once it has room).
    func evaluate<Scalar: NeuralScalar>(prediction: Matrix<Scalar>, target: Matrix<Scalar>, gradient: Matrix<Scalar>) -> Scalar
}

/// PyTorch's `MSELoss()`: the mean of `(prediction − target)²` (CleanRL's DQN and PPO values).
public struct MeanSquaredError: Loss {
    public init() {}

    @_specialize(where Scalar == Float)
    public func evaluate<Scalar: NeuralScalar>(prediction: Matrix<Scalar>, target: Matrix<Scalar>, gradient: Matrix<Scalar>) -> Scalar {
        let count = checkShapes(prediction, target, gradient)
        let scale = 2 / Scalar(count)
        var sum: Scalar = 0
        for index in 0..<count {
            let difference = prediction[index] - target[index]
            sum += difference * difference
            gradient[index] = scale * difference
        }
        return sum / Scalar(count)
    }
}

/// PyTorch's `HuberLoss(delta)`: the mean of `½d²` where `|d| < delta` and `delta·(|d| − ½delta)`
/// elsewhere, `d = prediction − target`. With `delta = 1` it is `SmoothL1Loss()` (SB3's DQN loss),
/// which for another `beta` is this loss with `delta = beta` divided by `beta`.
public struct HuberLoss: Loss {
    /// Where the quadratic part meets the linear one.
    public var delta: Double

    public init(delta: Double = 1) {
        precondition(delta > 0, "Huber's delta is positive")
        self.delta = delta
    }

    @_specialize(where Scalar == Float)
    public func evaluate<Scalar: NeuralScalar>(prediction: Matrix<Scalar>, target: Matrix<Scalar>, gradient: Matrix<Scalar>) -> Scalar {
        let count = checkShapes(prediction, target, gradient)
        let delta = Scalar(self.delta)
        let scale = 1 / Scalar(count)
        var sum: Scalar = 0
        for index in 0..<count {
            let difference = prediction[index] - target[index]
            if abs(difference) < delta {
                sum += difference * difference / 2
                gradient[index] = scale * difference
            } else {
                sum += delta * (abs(difference) - delta / 2)
                gradient[index] = scale * (difference < 0 ? -delta : delta)
            }
        }
        return sum / Scalar(count)
    }
}

/// Checks that prediction and target agree, sizes the gradient like them, and returns the count.
private func checkShapes<Scalar: NeuralScalar>(_ prediction: Matrix<Scalar>, _ target: Matrix<Scalar>, _ gradient: Matrix<Scalar>)
    -> Int
{
    precondition(prediction.rows == target.rows && prediction.columns == target.columns, "a target of the prediction's shape")
    precondition(gradient.columns == prediction.columns, "a gradient of the prediction's shape")
    precondition(prediction.count > 0, "a loss over at least one element")
    gradient.resize(rows: prediction.rows)
    return prediction.count
}
