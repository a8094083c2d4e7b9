import RLNeural

/// The storage of one PPO minibatch of a fixed size: the transitions gathered from the
/// rollout and the gradients the update writes. A class allocated once per size (a rollout
/// splits into full minibatches and perhaps one shorter one), so that no update allocates.
final class PPOMinibatch {
    /// Transitions in the minibatch.
    let size: Int
    /// Encoded observations, `[size, width]`.
    let observations: Matrix<Float>
    var actions: [Int]
    var oldLogProbabilities: [Float]
    /// The rollout's advantages, normalised in place when the settings ask.
    var advantages: [Float]
    /// The value network's targets, `[size, 1]`.
    let returns: Matrix<Float>
    /// `log π(action | observation)` under the current policy.
    var logProbabilities: [Float]
    /// `∂L/∂log π` for each row, from the clipped surrogate.
    var logProbabilityWeights: [Float]
    /// `∂L/∂logits`, `[size, actionCount]`.
    let logitGradient: Matrix<Float>
    /// `∂L/∂V`, `[size, 1]`.
    let valueGradient: Matrix<Float>

    init(size: Int, observationWidth: Int, actionCount: Int) {
        self.size = size
        observations = Matrix(rows: size, columns: observationWidth)
        actions = Array(repeating: 0, count: size)
        oldLogProbabilities = Array(repeating: 0, count: size)
        advantages = Array(repeating: 0, count: size)
        returns = Matrix(rows: size, columns: 1)
        logProbabilities = Array(repeating: 0, count: size)
        logProbabilityWeights = Array(repeating: 0, count: size)
        logitGradient = Matrix(rows: size, columns: actionCount)
        valueGradient = Matrix(rows: size, columns: 1)
    }

    /// Copies the transitions `indices[start ..< start + size]` of `rollout`.
    func gather(from rollout: RolloutBuffer, indices: [Int], start: Int) {
        let width = rollout.observationWidth
        let rows = indices[start..<start + size]
        let observations = observations.pointer, returns = returns.pointer
        // The class's arrays are reached once each, not once per row: every write to a stored
        // array of a class pays an exclusivity check.
        actions.withUnsafeMutableBufferPointer { actions in
            oldLogProbabilities.withUnsafeMutableBufferPointer { oldLogProbabilities in
                advantages.withUnsafeMutableBufferPointer { advantages in
                    rollout.observations.withUnsafeBufferPointer { source in
                        for (row, index) in zip(0..<size, rows) {
                            (observations + row * width).update(from: source.baseAddress! + index * width, count: width)
                            actions[row] = rollout.actions[index]
                            oldLogProbabilities[row] = rollout.logProbabilities[index]
                            advantages[row] = rollout.advantages[index]
                            returns[row] = rollout.returns[index]
                        }
                    }
                }
            }
        }
    }
}
