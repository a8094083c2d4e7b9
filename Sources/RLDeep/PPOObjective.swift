import RLNeural

/// What PPO's clipped surrogate measured on one minibatch (SB3's `train/…` logs).
public struct SurrogateMeasurement: Sendable, Equatable {
    /// `−mean(min(A·r, A·clamp(r, 1 ± ε)))`, SB3's `policy_gradient_loss`.
    public var loss: Double
    /// The share of ratios with `|r − 1| > ε`.
    public var clipFraction: Double
    /// `mean((r − 1) − log r)`, Schulman's unbiased estimate of KL(old ‖ new).
    public var approximateKL: Double
}

/// The two pieces of PPO's update that are pure arithmetic on a minibatch: advantage
/// normalisation and the clipped surrogate with its gradient (Schulman et al. 2017, eq. 7;
/// SB3's `ppo.py`).
public enum PPOObjective {
    /// SB3's `(advantages − mean) / (std + 1e-8)`, in place, where `std` is PyTorch's default,
    /// the unbiased one (divided by `count − 1`). SB3 skips a minibatch of one (GH #325), and
    /// so does this.
    public static func normalizeAdvantages(_ advantages: UnsafeMutablePointer<Float>, count: Int) {
        guard count > 1 else { return }
        var sum = 0.0
        for index in 0..<count { sum += Double(advantages[index]) }
        let mean = sum / Double(count)
        var squares = 0.0
        for index in 0..<count {
            let deviation = Double(advantages[index]) - mean
            squares += deviation * deviation
        }
        let standardDeviation = (squares / Double(count - 1)).squareRoot()
        let scale = 1 / (standardDeviation + 1e-8)
        for index in 0..<count { advantages[index] = Float((Double(advantages[index]) - mean) * scale) }
    }

    /// The clipped surrogate loss `L = −(1/n) Σ min(A·r, A·clamp(r, 1 − ε, 1 + ε))` with
    /// `r = exp(log π − log π_old)`, and `∂L/∂log π` for each row written into `gradient`.
    ///
    /// The gradient is PyTorch's: through `min`, the chosen side's (a tie splits it evenly,
    /// which adds up to the same), and through `clamp`, 1 inside `[1 − ε, 1 + ε]` (ends
    /// included) and 0 outside. So a row whose unclipped term is the smaller (or equal) one
    /// gets `−A·r/n`, and a row clipped away gets 0.
    public static func clippedSurrogate(
        logProbabilities: UnsafePointer<Float>, oldLogProbabilities: UnsafePointer<Float>, advantages: UnsafePointer<Float>,
        count: Int, clipRange: Double, gradient: UnsafeMutablePointer<Float>
    ) -> SurrogateMeasurement {
        precondition(count > 0, "a minibatch of at least one transition")
        let low = Float(1 - clipRange)
        let high = Float(1 + clipRange)
        let scale = 1 / Float(count)
        var lossSum = 0.0
        var clipped = 0
        var divergenceSum = 0.0
        for row in 0..<count {
            let logRatio = logProbabilities[row] - oldLogProbabilities[row]
            let ratio = Float.exponential(logRatio)
            let advantage = advantages[row]
            let unclipped = advantage * ratio
            let clampedTerm = advantage * min(max(ratio, low), high)
            lossSum -= Double(min(unclipped, clampedTerm))
            gradient[row] = unclipped <= clampedTerm ? -scale * unclipped : 0
            if abs(ratio - 1) > Float(clipRange) { clipped += 1 }
            divergenceSum += Double((ratio - 1) - logRatio)
        }
        let n = Double(count)
        return SurrogateMeasurement(loss: lossSum / n, clipFraction: Double(clipped) / n, approximateKL: divergenceSum / n)
    }
}
