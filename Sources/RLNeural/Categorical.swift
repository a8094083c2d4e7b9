import RLCore

/// A categorical distribution over discrete actions for each row of a batch of logits: PyTorch's
/// `Categorical(logits=...)`, as CleanRL's PPO uses it. It keeps log-probabilities,
/// probabilities and entropies for the last logits it saw, and turns the gradient of a loss made
/// of log-probabilities and entropies into the gradient with respect to the logits.
public final class Categorical<Scalar: NeuralScalar> {
    /// The number of actions (columns of the logits).
    public let actionCount: Int
    /// `log π(a | row)`, `[batch, actionCount]`: the log-softmax of the logits.
    public let logProbabilities: Matrix<Scalar>
    /// `π(a | row)`, `[batch, actionCount]`.
    public let probabilities: Matrix<Scalar>
    /// `H(π(· | row)) = −Σ π log π`, one column.
    public let entropies: Matrix<Scalar>

    public init(actionCount: Int) {
        precondition(actionCount > 0, "a distribution over at least one action")
        self.actionCount = actionCount
        logProbabilities = Matrix(rows: 0, columns: actionCount)
        probabilities = Matrix(rows: 0, columns: actionCount)
        entropies = Matrix(rows: 0, columns: 1)
    }

    /// The number of rows the last logits had.
    public var batchSize: Int { entropies.rows }

    /// Computes the distribution of every row of `logits`, `[batch, actionCount]`.
    @_specialize(where Scalar == Float)
    public func update(logits: Matrix<Scalar>) {
        precondition(logits.columns == actionCount, "\(logits.columns) logits for \(actionCount) actions")
        let batch = logits.rows
        logProbabilities.resize(rows: batch)
        probabilities.resize(rows: batch)
        entropies.resize(rows: batch)
        for row in 0..<batch {
            let z = logits.pointer + row * actionCount
            let logP = logProbabilities.pointer + row * actionCount
            let p = probabilities.pointer + row * actionCount
            // log-sum-exp shifted by the largest logit, so no exponential overflows.
            var largest = z[0]
            for action in 1..<actionCount where z[action] > largest { largest = z[action] }
            var sum: Scalar = 0
            for action in 0..<actionCount { sum += Scalar.exponential(z[action] - largest) }
            let logSum = largest + Scalar.logarithm(sum)
            var entropy: Scalar = 0
            for action in 0..<actionCount {
                logP[action] = z[action] - logSum
                p[action] = Scalar.exponential(logP[action])
                // An impossible action (a logit of −∞, a masked one) adds nothing, not 0 · −∞.
                entropy -= p[action] > 0 ? p[action] * logP[action] : 0
            }
            entropies[row] = entropy
        }
    }

    /// `log π(action | row)`.
    @inlinable
    public func logProbability(of action: Int, row: Int) -> Scalar { logProbabilities[row, action] }

    /// `H(π(· | row))`.
    @inlinable
    public func entropy(row: Int) -> Scalar { entropies[row] }

    /// An action drawn from row `row`'s distribution with one draw of `generator`: the first
    /// action whose cumulative probability exceeds a uniform number in [0, 1).
    public func sample<Generator: RandomNumberGenerator>(row: Int, using generator: inout Generator) -> Int {
        let u = generator.nextUnitDouble()
        var cumulative = 0.0
        for action in 0..<actionCount {
            cumulative += Double(probabilities[row, action])
            if u < cumulative { return action }
        }
        // Rounding can leave the total a hair under 1: the last action with any mass.
        var action = actionCount - 1
        while action > 0 && probabilities[row, action] == 0 { action -= 1 }
        return action
    }

    /// `∂L/∂logits` for `L = Σ_row logProbabilityWeights[row] · log π(actions[row] | row) +
    /// entropyWeight · Σ_row H(row)`, written into `logitGradient` (resized to the batch).
    ///
    /// A policy-gradient loss is of this form: the weights are `∂L/∂log π` (for PPO's clipped
    /// objective, what the clipped ratio and the advantage make of it) and `entropyWeight` is
    /// `−coefficient / batch` for a mean entropy bonus. Uses `∂log π(a)/∂z = 1[a] − π` and
    /// `∂H/∂z = −π ⊙ (log π + H)`.
    @_specialize(where Scalar == Float)
    public func backward(actions: [Int], logProbabilityWeights: [Scalar], entropyWeight: Scalar, into logitGradient: Matrix<Scalar>) {
        let batch = batchSize
        precondition(actions.count == batch && logProbabilityWeights.count == batch, "one action and one weight per row")
        precondition(logitGradient.columns == actionCount, "a gradient of the logits' shape")
        logitGradient.resize(rows: batch)
        for row in 0..<batch {
            let p = probabilities.pointer + row * actionCount
            let logP = logProbabilities.pointer + row * actionCount
            let g = logitGradient.pointer + row * actionCount
            let weight = logProbabilityWeights[row]
            let entropy = entropies[row]
            for action in 0..<actionCount {
                let entropyTerm = p[action] > 0 ? p[action] * (logP[action] + entropy) : 0
                g[action] = -weight * p[action] - entropyWeight * entropyTerm
            }
            precondition(actions[row] >= 0 && actions[row] < actionCount, "action \(actions[row]) of \(actionCount)")
            g[actions[row]] += weight
        }
    }
}
