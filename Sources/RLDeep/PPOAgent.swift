import RLCore
import RLNeural
import RLTabular

/// Proximal Policy Optimization (Schulman et al. 2017) with Stable-Baselines3 2.x's semantics
/// (`ppo.py`, `on_policy_algorithm.py`, `buffers.py`, `policies.py`), for discrete actions.
///
/// The loop, as SB3's `learn`: collect a rollout of ``PPOSettings/stepsPerRollout`` steps from
/// each of ``PPOSettings/environmentCount`` copies of the world, sampling actions from the
/// actor's logits; compute GAE(λ) advantages and λ-returns; then for
/// ``PPOSettings/epochs`` passes over the shuffled rollout, one gradient step per minibatch on
/// `clipped surrogate + c_ent · entropy loss + c_vf · value loss`. Repeat until the steps taken
/// reach the total.
///
/// The actor and the critic are separate networks (SB3's `MlpPolicy`: `net_arch` pi and vf
/// apart), initialised as SB3's `ortho_init` does, and trained by one Adam. Every buffer is
/// allocated when the agent is made or in the first rollout: a step or a minibatch allocates
/// nothing. The networks are classes: a copy of the agent shares them.
///
/// Where it differs from SB3, knowingly: random numbers come from xoshiro256** streams derived
/// from the seed (not PyTorch's or NumPy's), so the same seed gives other weights, actions and
/// minibatches than SB3's; and the schedules stop at their end values, where zoo's `lin_`
/// schedules go a hair below 0 in the last update of a run whose rollouts overshoot the total.
public struct PPOAgent: DeepAgent {
    public let inputWidth: Int
    public let actionCount: Int
    public let hyperparameters: Hyperparameters
    public let settings: PPOSettings
    /// The actor: observation → one logit per action (saved as `policy.…`).
    public let policyNetwork: MLP<Float>
    /// The critic: observation → V (saved as `value.…`).
    public let valueNetwork: MLP<Float>
    let optimizer: Adam<Float>
    /// Both networks' parameters, the actor's first: what the optimiser and the clipping see.
    let parameters: [Parameter<Float>]
    /// Draws the actions of rollouts.
    var actionGenerator: Xoshiro256StarStar
    /// Shuffles each epoch's minibatches.
    var shuffleGenerator: Xoshiro256StarStar
    /// Epochs of updates so far (SB3's `_n_updates`).
    public internal(set) var updateCount = 0
    /// Minibatch steps so far, and the seconds the updates took (for `rl bench`).
    public internal(set) var gradientSteps = 0
    public internal(set) var secondsInGradientSteps = 0.0
    public internal(set) var diagnostics: [(name: String, value: Double)] = []

    // Storage reused by every rollout and update.
    var rollout: RolloutBuffer
    let currentObservations: Matrix<Float>
    let terminalObservation: Matrix<Float>
    let rolloutDistribution: Categorical<Float>
    let updateDistribution: Categorical<Float>
    var lastValues: [Float]
    /// `VecNormalize`'s state: the observations' and the discounted returns' running statistics,
    /// each copy's return so far, and the raw observations and truncated copies' last ones.
    var observationStatistics: RunningMeanVariance
    var returnStatistics = RunningMeanVariance(width: 1)
    var discountedReturns: [Double]
    let rawObservations: Matrix<Float>
    let cutObservations: Matrix<Float>
    var wasCut: [Bool]
    var lastDones: [Float]
    var permutation: [Int]
    let fullMinibatch: PPOMinibatch
    let shortMinibatch: PPOMinibatch?

    /// Purposes of the agent's own generators, derived from its seed.
    enum Stream {
        static let initialisation: UInt64 = 1
        static let actions: UInt64 = 2
        static let shuffling: UInt64 = 3
    }

    public init(inputWidth: Int, actionCount: Int, hyperparameters: Hyperparameters, settings: PPOSettings, seed: UInt64) {
        precondition(inputWidth > 0 && actionCount > 0, "a network needs inputs and actions")
        self.inputWidth = inputWidth
        self.actionCount = actionCount
        self.hyperparameters = hyperparameters
        self.settings = settings
        var generator = Xoshiro256StarStar(seed: derivedSeed(seed, purpose: Stream.initialisation))
        // SB3's ortho_init: √2 for the hidden layers, 0.01 for the action logits, 1 for the value.
        let hiddenInitialisation = Initialisation.orthogonal(gain: 2.0.squareRoot(), bias: 0)
        policyNetwork = MLP(
            sizes: [inputWidth] + settings.hidden + [actionCount], hiddenActivation: settings.activation,
            hiddenInitialisation: hiddenInitialisation, outputInitialisation: .orthogonal(gain: 0.01, bias: 0),
            using: &generator)
        valueNetwork = MLP(
            sizes: [inputWidth] + settings.hidden + [1], hiddenActivation: settings.activation,
            hiddenInitialisation: hiddenInitialisation, outputInitialisation: .orthogonal(gain: 1, bias: 0),
            using: &generator)
        parameters = policyNetwork.parameters + valueNetwork.parameters
        optimizer = Adam(parameters: parameters, learningRate: hyperparameters.learningRate.start, epsilon: settings.adamEpsilon)
        actionGenerator = Xoshiro256StarStar(seed: derivedSeed(seed, purpose: Stream.actions))
        shuffleGenerator = Xoshiro256StarStar(seed: derivedSeed(seed, purpose: Stream.shuffling))

        let copies = settings.environmentCount
        rollout = RolloutBuffer(stepCount: settings.stepsPerRollout, environmentCount: copies, observationWidth: inputWidth)
        currentObservations = Matrix(rows: copies, columns: inputWidth)
        terminalObservation = Matrix(rows: 1, columns: inputWidth)
        rolloutDistribution = Categorical(actionCount: actionCount)
        updateDistribution = Categorical(actionCount: actionCount)
        lastValues = Array(repeating: 0, count: copies)
        observationStatistics = RunningMeanVariance(width: inputWidth)
        discountedReturns = Array(repeating: 0, count: copies)
        rawObservations = Matrix(rows: copies, columns: inputWidth)
        cutObservations = Matrix(rows: copies, columns: inputWidth)
        wasCut = Array(repeating: false, count: copies)
        lastDones = Array(repeating: 1, count: copies)
        permutation = Array(0..<rollout.count)
        // SB3 slices the permutation in batch_size pieces: the last may be shorter.
        let full = min(settings.batchSize, rollout.count)
        let remainder = rollout.count % full
        fullMinibatch = PPOMinibatch(size: full, observationWidth: inputWidth, actionCount: actionCount)
        shortMinibatch = remainder == 0 ? nil : PPOMinibatch(size: remainder, observationWidth: inputWidth, actionCount: actionCount)
    }

    public mutating func train<E: Environment, Encoder: ObservationEncoder>(
        makeEnvironment: (Int) -> E, encoder: Encoder, totalSteps: Int, seed: UInt64,
        onEpisode: (EpisodeRecord<E.Counters>, PPOAgent) -> TrainingControl
    ) -> TrainingResult where Encoder.Observation == E.Observation {
        precondition(encoder.width == inputWidth, "an encoder of \(encoder.width) inputs for a network of \(inputWidth)")
        let copies = settings.environmentCount
        // DummyVecEnv: each copy's first reset seeded, later ones keep its generator going.
        var environments = (0..<copies).map(makeEnvironment)
        precondition(environments[0].actionSpace.count == actionCount, "a world of \(actionCount) actions")
        for copy in 0..<copies {
            let observation = environments[copy].reset(seed: derivedSeed(seed, purpose: UInt64(copy)))
            encoder.encode(observation, into: rawObservations.pointer + copy * inputWidth)
        }
        if settings.normalize { observationStatistics.update(rawObservations.pointer, rows: copies) }
        normaliseObservations()
        // SB3's `_last_episode_starts` begins as ones.
        for copy in 0..<copies { lastDones[copy] = 1 }
        var episodeRewards = [Double](repeating: 0, count: copies)
        var episodeLengths = [Int](repeating: 0, count: copies)
        var episodes = 0
        var timesteps = 0
        let discount = Float(hyperparameters.discount)

        while timesteps < totalSteps {
            for step in 0..<settings.stepsPerRollout {
                policyNetwork.forward(currentObservations)
                rolloutDistribution.update(logits: policyNetwork.output)
                valueNetwork.forward(currentObservations)
                // Everything about the observations acted in is stored before any copy steps:
                // a truncation's bootstrap below runs the critic again.
                for copy in 0..<copies {
                    let index = step * copies + copy
                    let action = rolloutDistribution.sample(row: copy, using: &actionGenerator)
                    let width = inputWidth
                    let source = currentObservations.pointer + copy * width
                    rollout.observations.withUnsafeMutableBufferPointer { stored in
                        (stored.baseAddress! + index * width).update(from: source, count: width)
                    }
                    rollout.actions[index] = action
                    rollout.episodeStarts[index] = lastDones[copy]
                    rollout.values[index] = valueNetwork.output[copy]
                    rollout.logProbabilities[index] = rolloutDistribution.logProbability(of: action, row: copy)
                }
                var stopping = false
                for copy in 0..<copies {
                    let index = step * copies + copy
                    let outcome = environments[copy].step(environments[copy].actionSpace.element(at: rollout.actions[index]))
                    episodeRewards[copy] += outcome.reward
                    episodeLengths[copy] += 1
                    // SB3 (GH #633): a time limit is not the task's end; the step bootstraps from
                    // the observation it cut at, once every copy has stepped (below).
                    wasCut[copy] = outcome.truncated && !outcome.terminated
                    if wasCut[copy] { encoder.encode(outcome.observation, into: cutObservations.pointer + copy * inputWidth) }
                    if settings.normalize {
                        discountedReturns[copy] = discountedReturns[copy] * hyperparameters.discount + outcome.reward
                    }
                    rollout.rewards[index] = Float(outcome.reward)
                    let observation: E.Observation
                    if outcome.isLast {
                        let record = EpisodeRecord(
                            episode: episodes, totalReward: episodeRewards[copy], steps: episodeLengths[copy],
                            terminated: outcome.terminated, truncated: outcome.truncated, counters: environments[copy].counters)
                        if !stopping {
                            episodes += 1
                            stopping = onEpisode(record, self) == .stop
                        }
                        episodeRewards[copy] = 0
                        episodeLengths[copy] = 0
                        observation = environments[copy].reset(seed: nil)
                        lastDones[copy] = 1
                    } else {
                        observation = outcome.observation
                        lastDones[copy] = 0
                    }
                    encoder.encode(observation, into: rawObservations.pointer + copy * inputWidth)
                }
                finishStep(step, discount: discount)
                timesteps += copies
                if stopping { return TrainingResult(episodes: episodes, steps: timesteps, stoppedEarly: true) }
            }
            let finalValues = valueNetwork.forward(currentObservations)
            for copy in 0..<copies { lastValues[copy] = finalValues[copy] }
            rollout.computeReturnsAndAdvantages(
                lastValues: lastValues, lastDones: lastDones, discount: hyperparameters.discount, gaeLambda: settings.gaeLambda)
            let clock = ContinuousClock()
            let started = clock.now
            update(timesteps: timesteps, of: totalSteps)
            secondsInGradientSteps += seconds(clock.now - started)
        }
        return TrainingResult(episodes: episodes, steps: timesteps, stoppedEarly: false)
    }
}

extension PPOAgent {
    /// One minibatch step's products: the actor's and the critic's forward and backward passes.
    public var gradientStepProducts: [MatrixProduct] {
        let batch = fullMinibatch.size
        let actor = [inputWidth] + settings.hidden + [actionCount]
        let critic = [inputWidth] + settings.hidden + [1]
        return [actor, critic].flatMap { MatrixProduct.forward(sizes: $0, batch: batch) + MatrixProduct.backward(sizes: $0, batch: batch) }
    }
}

extension PPOAgent {
    /// After every copy has stepped, as `VecNormalize` and SB3's rollout do it: update the
    /// observations' statistics with the new ones, normalise the rewards by the discounted
    /// returns' spread, then add γ·V of each cut copy's last observation (normalised with the
    /// updated statistics) to its reward, and make the new observations the current ones.
    mutating func finishStep(_ step: Int, discount: Float) {
        let copies = settings.environmentCount
        if settings.normalize {
            observationStatistics.update(rawObservations.pointer, rows: copies)
            discountedReturns.withUnsafeBufferPointer { returnStatistics.update($0.baseAddress!, rows: copies) }
            let spread = (returnStatistics.variance[0] + ObservationNormalization.epsilon).squareRoot()
            for copy in 0..<copies {
                let index = step * copies + copy
                let scaled = Double(rollout.rewards[index]) / spread
                rollout.rewards[index] = Float(min(max(scaled, -ObservationNormalization.clip), ObservationNormalization.clip))
                if lastDones[copy] == 1 { discountedReturns[copy] = 0 }
            }
        }
        for copy in 0..<copies where wasCut[copy] {
            terminalObservation.pointer.update(from: cutObservations.pointer + copy * inputWidth, count: inputWidth)
            if settings.normalize { runningNormalization.apply(to: terminalObservation.pointer, rows: 1) }
            rollout.rewards[step * copies + copy] += discount * valueNetwork.forward(terminalObservation)[0]
        }
        normaliseObservations()
    }

    /// The raw observations, normalised when asked, into the current ones.
    mutating func normaliseObservations() {
        currentObservations.pointer.update(from: rawObservations.pointer, count: settings.environmentCount * inputWidth)
        if settings.normalize { runningNormalization.apply(to: currentObservations.pointer, rows: settings.environmentCount) }
    }

    /// The statistics as training applies them (double precision, as SB3's).
    var runningNormalization: ObservationNormalization {
        ObservationNormalization(mean: observationStatistics.mean, variance: observationStatistics.variance)
    }

    /// The statistics as the policy file keeps them (single precision), which `rl eval` applies.
    public var observationNormalization: ObservationNormalization? {
        guard settings.normalize else { return nil }
        return ObservationNormalization(
            mean: observationStatistics.mean.map { Double(Float($0)) }, variance: observationStatistics.variance.map { Double(Float($0)) })
    }
}
