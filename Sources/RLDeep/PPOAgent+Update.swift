import RLCore
import RLNeural

extension PPOAgent {
    /// What each update measures, under Stable-Baselines3's logger keys, in ``diagnostics``' order.
    static let diagnosticNames = [
        "train/entropy_loss", "train/policy_gradient_loss", "train/value_loss", "train/approx_kl", "train/clip_fraction", "train/loss",
        "train/explained_variance", "train/n_updates", "train/clip_range", "train/learning_rate",
    ]

    /// SB3's `PPO.train()` on the rollout just collected: `timesteps` of `totalSteps` taken so
    /// far fix the learning rate and the clip range (`progress_remaining = 1 − timesteps/total`);
    /// then ``PPOSettings/epochs`` passes of shuffled minibatches, one gradient step each.
    mutating func update(timesteps: Int, of totalSteps: Int) {
        // SB3 with zoo's `lin_` schedules goes a hair below 0 in the last update of a run that
        // overshoots its total (progress_remaining < 0); Schedule stops at its end value.
        let learningRate = hyperparameters.learningRate.value(atStep: timesteps, of: totalSteps)
        let clipRange = Schedule.linear(from: settings.clipRange, to: settings.clipRangeEnd, over: 1)
            .value(atStep: timesteps, of: totalSteps)
        optimizer.learningRate = learningRate

        var totals = (entropyLoss: 0.0, policyLoss: 0.0, valueLoss: 0.0, clipFraction: 0.0, minibatches: 0)
        var lastEpochKL = (sum: 0.0, minibatches: 0)
        var lastLoss = 0.0
        for _ in 0..<settings.epochs {
            // np.random.permutation: a fresh permutation for every epoch.
            for index in permutation.indices { permutation[index] = index }
            for index in stride(from: permutation.count - 1, to: 0, by: -1) {
                permutation.swapAt(index, shuffleGenerator.nextIndex(below: index + 1))
            }
            lastEpochKL = (0, 0)
            var start = 0
            while start < rollout.count {
                let minibatch = rollout.count - start >= fullMinibatch.size ? fullMinibatch : shortMinibatch!
                minibatch.gather(from: rollout, indices: permutation, start: start)
                let measured = step(on: minibatch, clipRange: clipRange)
                totals.entropyLoss += measured.entropyLoss
                totals.policyLoss += measured.surrogate.loss
                totals.valueLoss += measured.valueLoss
                totals.clipFraction += measured.surrogate.clipFraction
                totals.minibatches += 1
                lastEpochKL.sum += measured.surrogate.approximateKL
                lastEpochKL.minibatches += 1
                lastLoss = measured.loss
                gradientSteps += 1
                start += minibatch.size
            }
            updateCount += 1
        }
        let minibatches = Double(totals.minibatches)
        let values = [
            totals.entropyLoss / minibatches, totals.policyLoss / minibatches, totals.valueLoss / minibatches,
            // SB3 logs the KL of the last epoch only (its list is reset every epoch).
            lastEpochKL.sum / Double(lastEpochKL.minibatches), totals.clipFraction / minibatches, lastLoss, rollout.explainedVariance,
            Double(updateCount), clipRange, learningRate,
        ]
        diagnostics = Array(zip(Self.diagnosticNames, values)).map { (name: $0.0, value: $0.1) }
    }

    /// One gradient step on `minibatch`: SB3's loop body from `evaluate_actions` to
    /// `optimizer.step()`.
    func step(on minibatch: PPOMinibatch, clipRange: Double)
        -> (surrogate: SurrogateMeasurement, valueLoss: Double, entropyLoss: Double, loss: Double)
    {
        let size = minibatch.size
        policyNetwork.forward(minibatch.observations)
        updateDistribution.update(logits: policyNetwork.output)
        let values = valueNetwork.forward(minibatch.observations)
        var entropySum = 0.0
        // The minibatch's arrays and the matrices' pointers are reached once, not per row: each
        // is a class's stored `var`, and every access to one pays an exclusivity check.
        let allLogProbabilities = updateDistribution.logProbabilities.pointer, entropies = updateDistribution.entropies.pointer
        let actionCount = updateDistribution.actionCount
        minibatch.logProbabilities.withUnsafeMutableBufferPointer { logProbabilities in
            minibatch.actions.withUnsafeBufferPointer { actions in
                for row in 0..<size {
                    let action = actions[row]
                    precondition(action >= 0 && action < actionCount, "action \(action) of \(actionCount)")
                    logProbabilities[row] = allLogProbabilities[row * actionCount + action]
                    entropySum += Double(entropies[row])
                }
            }
        }
        let surrogate = minibatch.advantages.withUnsafeMutableBufferPointer { advantages in
            if settings.normalizeAdvantage { PPOObjective.normalizeAdvantages(advantages.baseAddress!, count: size) }
            return minibatch.logProbabilities.withUnsafeBufferPointer { logProbabilities in
                minibatch.oldLogProbabilities.withUnsafeBufferPointer { oldLogProbabilities in
                    minibatch.logProbabilityWeights.withUnsafeMutableBufferPointer { weights in
                        PPOObjective.clippedSurrogate(
                            logProbabilities: logProbabilities.baseAddress!, oldLogProbabilities: oldLogProbabilities.baseAddress!,
                            advantages: advantages.baseAddress!, count: size, clipRange: clipRange, gradient: weights.baseAddress!)
                    }
                }
            }
        }
        // F.mse_loss(returns, values), weighted by the value coefficient in the gradient.
        let valueLoss = Double(
            MeanSquaredError().evaluate(prediction: values, target: minibatch.returns, gradient: minibatch.valueGradient))
        let valueWeight = Float(settings.valueCoefficient)
        let valueGradient = minibatch.valueGradient.pointer
        for row in 0..<size { valueGradient[row] *= valueWeight }
        let entropyLoss = -entropySum / Double(size)
        let loss = surrogate.loss + settings.entropyCoefficient * entropyLoss + settings.valueCoefficient * valueLoss

        // ∂(c_ent · −mean H)/∂H = −c_ent/n for each row.
        updateDistribution.backward(
            actions: minibatch.actions, logProbabilityWeights: minibatch.logProbabilityWeights,
            entropyWeight: Float(-settings.entropyCoefficient / Double(size)), into: minibatch.logitGradient)
        policyNetwork.backward(minibatch.logitGradient)
        valueNetwork.backward(minibatch.valueGradient)
        clipGradientNorm(parameters, maxNorm: settings.maxGradientNorm)
        optimizer.step()
        return (surrogate, valueLoss, entropyLoss, loss)
    }
}
