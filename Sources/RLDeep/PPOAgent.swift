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
    /// Where the run stands, so that a stopped one goes on from there: environment steps and
    /// episodes so far, the next step of the rollout and the next copy to step in it, each copy's
    /// episode so far and how to rebuild its world.
    public internal(set) var timesteps = 0
    public internal(set) var episodeCount = 0
    var rolloutStep = 0
    var nextCopy = 0
    var episodeRewards: [Double]
    var episodeLengths: [Int]
    var worldReplays: [WorldReplay]
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
        episodeRewards = Array(repeating: 0, count: copies)
        episodeLengths = Array(repeating: 0, count: copies)
        worldReplays = Array(repeating: WorldReplay(), count: copies)
        // SB3 slices the permutation in batch_size pieces: the last may be shorter.
        let full = min(settings.batchSize, rollout.count)
        let remainder = rollout.count % full
        fullMinibatch = PPOMinibatch(size: full, observationWidth: inputWidth, actionCount: actionCount)
        shortMinibatch = remainder == 0 ? nil : PPOMinibatch(size: remainder, observationWidth: inputWidth, actionCount: actionCount)
    }

    public mutating func train<E: Environment & Resumable, Encoder: ObservationEncoder>(
        makeEnvironment: (Int) -> E, encoder: Encoder, totalSteps: Int, seed: UInt64,
        onEpisode: (EpisodeRecord<E.Counters>, PPOAgent) -> TrainingControl
    ) -> TrainingResult where Encoder.Observation == E.Observation {
        precondition(encoder.width == inputWidth, "an encoder of \(encoder.width) inputs for a network of \(inputWidth)")
        let copies = settings.environmentCount
        // DummyVecEnv: each copy's first reset seeded, later ones keep its generator going.
        var environments = (0..<copies).map(makeEnvironment)
        precondition(environments[0].actionSpace.count == actionCount, "a world of \(actionCount) actions")
        // A stopped run's copies are rebuilt as they stood: replayed from their episodes' starts.
        let resuming = timesteps > 0
        for copy in 0..<copies {
            let observation =
                resuming
                ? replay(&environments[copy], copy: copy, seed: seed) : startFirstEpisode(&environments[copy], copy: copy, seed: seed)
            encoder.encode(observation, into: rawObservations.pointer + copy * inputWidth)
        }
        if !resuming {
            if settings.normalize { observationStatistics.update(rawObservations.pointer, rows: copies) }
            // SB3's `_last_episode_starts` begins as ones.
            for copy in 0..<copies { lastDones[copy] = 1 }
        }
        // In the middle of a step (some copies stepped) the current observations are not read
        // again before the step ends, which sets them.
        normaliseObservations()
        let startingSteps = timesteps
        var episodes = 0
        var stopping = false
        let discount = Float(hyperparameters.discount)
        let paused = { (agent: PPOAgent) in TrainingResult(episodes: episodes, steps: agent.timesteps - startingSteps, stoppedEarly: true) }

        while rolloutStep > 0 || nextCopy > 0 || timesteps < totalSteps {
            while rolloutStep < settings.stepsPerRollout {
                let step = rolloutStep
                if nextCopy == 0 { collectActions(step: step) }
                while nextCopy < copies {
                    let copy = nextCopy
                    let index = step * copies + copy
                    let action = rollout.actions[index]
                    let outcome = environments[copy].step(environments[copy].actionSpace.element(at: action))
                    worldReplays[copy].actions.append(Int32(action))
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
                            episode: episodeCount, totalReward: episodeRewards[copy], steps: episodeLengths[copy],
                            terminated: outcome.terminated, truncated: outcome.truncated, counters: environments[copy].counters)
                        episodeCount += 1
                        episodes += 1
                        episodeRewards[copy] = 0
                        episodeLengths[copy] = 0
                        worldReplays[copy].restart(from: environments[copy].generatorState)
                        observation = environments[copy].reset(seed: nil)
                        lastDones[copy] = 1
                        nextCopy += 1
                        timesteps += 1
                        encoder.encode(observation, into: rawObservations.pointer + copy * inputWidth)
                        stopping = onEpisode(record, self) == .stop
                        // Stopped between two copies' steps: the rest of the step is the resumed run's.
                        if stopping && nextCopy < copies { return paused(self) }
                    } else {
                        observation = outcome.observation
                        lastDones[copy] = 0
                        nextCopy += 1
                        timesteps += 1
                        encoder.encode(observation, into: rawObservations.pointer + copy * inputWidth)
                    }
                }
                nextCopy = 0
                finishStep(step, discount: discount)
                rolloutStep += 1
                if stopping && rolloutStep < settings.stepsPerRollout { return paused(self) }
            }
            // A finished rollout is learned from before a stop, so that a file never waits on an update.
            rolloutStep = 0
            let finalValues = valueNetwork.forward(currentObservations)
            for copy in 0..<copies { lastValues[copy] = finalValues[copy] }
            rollout.computeReturnsAndAdvantages(
                lastValues: lastValues, lastDones: lastDones, discount: hyperparameters.discount, gaeLambda: settings.gaeLambda)
            let clock = ContinuousClock()
            let started = clock.now
            update(timesteps: timesteps, of: totalSteps)
            secondsInGradientSteps += seconds(clock.now - started)
            if stopping {
                return TrainingResult(episodes: episodes, steps: timesteps - startingSteps, stoppedEarly: timesteps < totalSteps)
            }
        }
        return TrainingResult(episodes: episodes, steps: timesteps - startingSteps, stoppedEarly: false)
    }

    /// The first part of a rollout step: every copy's action sampled from the actor, and
    /// everything about the observations acted in stored before any copy steps (a truncation's
    /// bootstrap runs the critic again).
    mutating func collectActions(step: Int) {
        policyNetwork.forward(currentObservations)
        rolloutDistribution.update(logits: policyNetwork.output)
        valueNetwork.forward(currentObservations)
        let width = inputWidth
        for copy in 0..<settings.environmentCount {
            let index = step * settings.environmentCount + copy
            let action = rolloutDistribution.sample(row: copy, using: &actionGenerator)
            let source = currentObservations.pointer + copy * width
            rollout.observations.withUnsafeMutableBufferPointer { stored in
                (stored.baseAddress! + index * width).update(from: source, count: width)
            }
            rollout.actions[index] = action
            rollout.episodeStarts[index] = lastDones[copy]
            rollout.values[index] = valueNetwork.output[copy]
            rollout.logProbabilities[index] = rolloutDistribution.logProbability(of: action, row: copy)
        }
    }

    /// A fresh run's first reset of copy `copy`, seeded.
    mutating func startFirstEpisode<E: Environment & Resumable>(_ environment: inout E, copy: Int, seed: UInt64) -> E.Observation {
        worldReplays[copy] = WorldReplay()
        episodeRewards[copy] = 0
        episodeLengths[copy] = 0
        return environment.reset(seed: derivedSeed(seed, purpose: UInt64(copy)))
    }

    /// Copy `copy` of the world rebuilt as a stopped run left it: its first reset (which sets up
    /// whatever a world draws once per run), its generators as they were when its episode began,
    /// that episode's reset, then its actions since. Returns its observation now.
    mutating func replay<E: Environment & Resumable>(_ environment: inout E, copy: Int, seed: UInt64) -> E.Observation {
        var observation = environment.reset(seed: derivedSeed(seed, purpose: UInt64(copy)))
        if let generators = worldReplays[copy].generatorsAtReset {
            environment.generatorState = generators
            observation = environment.reset(seed: nil)
        }
        episodeRewards[copy] = 0
        episodeLengths[copy] = 0
        for action in worldReplays[copy].actions {
            let outcome = environment.step(environment.actionSpace.element(at: Int(action)))
            episodeRewards[copy] += outcome.reward
            episodeLengths[copy] += 1
            observation = outcome.observation
            // Only a file that was not rl's could end the episode here: a new one starts.
            if outcome.isLast {
                worldReplays[copy].restart(from: environment.generatorState)
                episodeRewards[copy] = 0
                episodeLengths[copy] = 0
                return environment.reset(seed: nil)
            }
        }
        return observation
    }
}

/// How to rebuild one copy of the world as it stands: its generators just before its episode's
/// reset (`nil` for its first episode, whose reset is seeded) and the actions taken since.
struct WorldReplay {
    var generatorsAtReset: [UInt64]?
    var actions: [Int32]

    init(generatorsAtReset: [UInt64]? = nil, actions: [Int32] = []) {
        self.generatorsAtReset = generatorsAtReset
        self.actions = actions
        // Enough for most episodes: the log grows without allocating.
        self.actions.reserveCapacity(1024)
    }

    /// A new episode, about to be reset from `generators`.
    mutating func restart(from generators: [UInt64]) {
        generatorsAtReset = generators
        actions.removeAll(keepingCapacity: true)
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
