/// One rollout of an on-policy agent: `stepCount` steps of `environmentCount` copies, what
/// Stable-Baselines3's `RolloutBuffer` holds, in single precision as it does. Transition
/// `(step, copy)` is at index `step · environmentCount + copy` (SB3's `[n_steps, n_envs]`).
///
/// Allocated once; every rollout overwrites it in place.
public struct RolloutBuffer: Sendable {
    /// Steps per copy (`n_steps`).
    public let stepCount: Int
    /// Copies of the world (`n_envs`).
    public let environmentCount: Int
    /// Inputs per encoded observation.
    public let observationWidth: Int
    /// The encoded observations the actions were chosen in, `observationWidth` per transition.
    public var observations: [Float]
    /// The actions taken, as indices.
    public var actions: [Int]
    /// The rewards, with `γ · V(terminal observation)` added where a time limit cut the episode.
    public var rewards: [Float]
    /// 1 where the transition's observation began an episode (SB3's `episode_starts`).
    public var episodeStarts: [Float]
    /// `V(observation)` when the transition was collected.
    public var values: [Float]
    /// `log π(action | observation)` when the transition was collected.
    public var logProbabilities: [Float]
    /// GAE(λ) advantages, from ``computeReturnsAndAdvantages(lastValues:lastDones:discount:gaeLambda:)``.
    public var advantages: [Float]
    /// λ-returns: `advantages + values`, the value network's targets.
    public var returns: [Float]

    public init(stepCount: Int, environmentCount: Int, observationWidth: Int) {
        precondition(stepCount > 0 && environmentCount > 0 && observationWidth > 0, "a rollout of at least one transition")
        self.stepCount = stepCount
        self.environmentCount = environmentCount
        self.observationWidth = observationWidth
        let size = stepCount * environmentCount
        observations = Array(repeating: 0, count: size * observationWidth)
        actions = Array(repeating: 0, count: size)
        rewards = Array(repeating: 0, count: size)
        episodeStarts = Array(repeating: 0, count: size)
        values = Array(repeating: 0, count: size)
        logProbabilities = Array(repeating: 0, count: size)
        advantages = Array(repeating: 0, count: size)
        returns = Array(repeating: 0, count: size)
    }

    /// Transitions in the rollout.
    public var count: Int { stepCount * environmentCount }

    /// GAE(λ) and the λ-returns, SB3's `compute_returns_and_advantage` line for line: walking
    /// back from the last step, `δ = r + γ·V(next)·(1 − done) − V`, `A = δ + γλ·(1 − done)·A(next)`,
    /// where "done" after the last step is `lastDones` (the copy's last step ended an episode)
    /// and elsewhere the next transition's episode start. A truncated episode counts as done
    /// here: its bootstrap is already in its last reward.
    ///
    /// - Parameters:
    ///   - lastValues: `V` of each copy's observation after the last step.
    ///   - lastDones: 1 for a copy whose last step ended its episode, else 0.
    public mutating func computeReturnsAndAdvantages(lastValues: [Float], lastDones: [Float], discount: Double, gaeLambda: Double) {
        precondition(lastValues.count == environmentCount && lastDones.count == environmentCount, "one value and one flag per copy")
        // As NumPy rounds them: γ alone, and the Python product γλ, each to single precision.
        let gamma = Float(discount)
        let gammaLambda = Float(discount * gaeLambda)
        for copy in 0..<environmentCount {
            var lastAdvantage: Float = 0
            for step in stride(from: stepCount - 1, through: 0, by: -1) {
                let index = step * environmentCount + copy
                let nextNonTerminal: Float
                let nextValue: Float
                if step == stepCount - 1 {
                    nextNonTerminal = 1 - lastDones[copy]
                    nextValue = lastValues[copy]
                } else {
                    nextNonTerminal = 1 - episodeStarts[index + environmentCount]
                    nextValue = values[index + environmentCount]
                }
                let delta = rewards[index] + gamma * nextValue * nextNonTerminal - values[index]
                lastAdvantage = delta + gammaLambda * nextNonTerminal * lastAdvantage
                advantages[index] = lastAdvantage
            }
        }
        for index in 0..<count { returns[index] = advantages[index] + values[index] }
    }

    /// SB3's `explained_variance(values, returns)`: `1 − Var[returns − values] / Var[returns]`
    /// (population variances), NaN when the returns do not vary.
    public var explainedVariance: Double {
        var returnSum = 0.0
        var residualSum = 0.0
        for index in 0..<count {
            returnSum += Double(returns[index])
            residualSum += Double(returns[index]) - Double(values[index])
        }
        let returnMean = returnSum / Double(count)
        let residualMean = residualSum / Double(count)
        var returnVariance = 0.0
        var residualVariance = 0.0
        for index in 0..<count {
            let deviation = Double(returns[index]) - returnMean
            let residual = Double(returns[index]) - Double(values[index]) - residualMean
            returnVariance += deviation * deviation
            residualVariance += residual * residual
        }
        return returnVariance == 0 ? .nan : 1 - residualVariance / returnVariance
    }
}
