import RLCore
import RLNeural
import RLTabular

/// Deep Q-learning (Mnih et al. 2015) as Stable-Baselines3 2.x runs it on one environment
/// (`dqn.py`, `off_policy_algorithm.py`), step for step:
///
/// 1. act: uniformly at random for the first `learningStarts` steps, then ε-greedily on the
///    online network, ε following its schedule over the run's steps;
/// 2. store the transition (terminated, not truncated, counts as done);
/// 3. every `targetUpdateInterval` steps, move the target network towards the online one;
/// 4. every `trainFrequency` steps once past `learningStarts`, take `gradientSteps` gradient
///    steps on minibatches drawn from the replay buffer (``DQNLearner``).
///
/// Every random draw comes from generators derived from the agent's seed: the same seed gives
/// the same networks, byte for byte. Once the first gradient step has run, neither acting nor
/// learning allocates (measured: 0 heap allocations per step over a 50,000-step run).
///
/// The networks live in a class (``DQNLearner``): a copy of the agent shares them.
public struct DQNAgent: DeepAgent {
    public typealias Settings = DQNSettings

    public let settings: DQNSettings
    public let hyperparameters: Hyperparameters
    /// Inputs per observation.
    public let inputWidth: Int
    /// Outputs of the networks: one Q-value per action.
    public let actionCount: Int
    /// The networks and their update.
    public let learner: DQNLearner
    /// The transitions seen, the latest `bufferSize` of them.
    public internal(set) var replayBuffer: ReplayBuffer
    let batch: ReplayBatch
    /// ε-greedy's coin and random actions.
    var explorationGenerator: Xoshiro256StarStar
    /// Minibatch draws.
    var samplingGenerator: Xoshiro256StarStar

    /// Environment steps taken so far (SB3's `num_timesteps`).
    public internal(set) var stepCount = 0
    /// Episodes finished so far.
    public internal(set) var episodeCount = 0
    /// Gradient steps taken so far (`_n_updates`).
    public internal(set) var updateCount = 0
    /// Seconds the rounds of learning took (for `rl bench`).
    public private(set) var secondsInGradientSteps = 0.0
    /// The mean loss of the last round of learning.
    public internal(set) var lastLoss: Double?
    /// ε as of the last step.
    public private(set) var explorationRate = 1.0
    /// The world's generators as a stopped run left them, just before the reset it did not do:
    /// the next ``train(makeEnvironment:encoder:totalSteps:seed:onEpisode:)`` goes on from
    /// there. `nil` until a run stops early.
    var pausedWorldGenerator: [UInt64]?

    /// Where each stream of the agent's draws comes from, for ``derivedSeed(_:purpose:)``.
    enum SeedPurpose {
        static let networks: UInt64 = 1
        static let exploration: UInt64 = 2
        static let sampling: UInt64 = 3
    }

    public init(inputWidth: Int, actionCount: Int, hyperparameters: Hyperparameters, settings: DQNSettings, seed: UInt64) {
        precondition(inputWidth > 0 && actionCount > 0, "a network with inputs and actions")
        self.inputWidth = inputWidth
        self.actionCount = actionCount
        self.hyperparameters = hyperparameters
        self.settings = settings
        var networkGenerator = Xoshiro256StarStar(seed: derivedSeed(seed, purpose: SeedPurpose.networks))
        let online = MLP<Float>(
            sizes: [inputWidth] + settings.hiddenLayers + [actionCount], hiddenActivation: settings.activation.activation,
            using: &networkGenerator)
        learner = DQNLearner(
            online: online, learningRate: hyperparameters.learningRate.start, adamEpsilon: settings.adamEpsilon,
            maxGradientNorm: settings.maxGradientNorm, doubleQ: settings.doubleQ, batchSize: settings.batchSize)
        replayBuffer = ReplayBuffer(capacity: settings.bufferSize, observationWidth: inputWidth)
        batch = ReplayBatch(size: settings.batchSize, observationWidth: inputWidth)
        explorationGenerator = Xoshiro256StarStar(seed: derivedSeed(seed, purpose: SeedPurpose.exploration))
        samplingGenerator = Xoshiro256StarStar(seed: derivedSeed(seed, purpose: SeedPurpose.sampling))
    }

    public var policyNetwork: MLP<Float> { learner.online }

    /// The action index for the encoded observation in `row` (`[1, inputWidth]`): SB3's
    /// `_sample_action`, random before learning starts, ε-greedy after.
    mutating func chooseAction(for row: Matrix<Float>) -> Int {
        if stepCount < settings.learningStarts {
            return explorationGenerator.nextIndex(below: actionCount)
        }
        if explorationGenerator.nextUnitDouble() < explorationRate {
            return explorationGenerator.nextIndex(below: actionCount)
        }
        let values = learner.online.forward(row)
        var best = 0
        for action in 1..<actionCount where values[action] > values[best] { best = action }
        return best
    }

    /// One round of learning: `gradientSteps` updates at the learning rate the schedule gives now.
    mutating func learn(totalSteps: Int) {
        learner.optimizer.learningRate = hyperparameters.learningRate.value(atStep: stepCount, of: totalSteps)
        var lossSum = 0.0
        for _ in 0..<settings.gradientSteps {
            replayBuffer.sample(into: batch, using: &samplingGenerator)
            lossSum += Double(learner.gradientStep(on: batch, discount: hyperparameters.discount))
        }
        updateCount += settings.gradientSteps
        lastLoss = lossSum / Double(settings.gradientSteps)
    }

    public mutating func train<E: Environment & Resumable, Encoder: ObservationEncoder>(
        makeEnvironment: (Int) -> E, encoder: Encoder, totalSteps: Int, seed: UInt64,
        onEpisode: (EpisodeRecord<E.Counters>, DQNAgent) -> TrainingControl
    ) -> TrainingResult where Encoder.Observation == E.Observation {
        precondition(encoder.width == inputWidth, "an encoder of \(encoder.width) inputs for a network of \(inputWidth)")
        var environment = makeEnvironment(0)
        precondition(environment.actionSpace.count == actionCount, "\(environment.actionSpace.count) actions for \(actionCount) outputs")
        var current = Matrix<Float>(rows: 1, columns: inputWidth)
        var next = Matrix<Float>(rows: 1, columns: inputWidth)
        encoder.encode(environment.reset(seed: derivedSeed(seed, purpose: 0)), into: current.pointer)
        // A stopped run goes on with the reset it did not do, from the generators it left.
        if let paused = pausedWorldGenerator {
            environment.generatorState = paused
            encoder.encode(environment.reset(seed: nil), into: current.pointer)
            pausedWorldGenerator = nil
        }
        var episodes = 0
        var steps = 0
        var episodeReward = 0.0
        var episodeSteps = 0
        if stepCount < totalSteps { explorationRate = hyperparameters.epsilon.value(atStep: stepCount, of: totalSteps) }
        while stepCount < totalSteps {
            let action = chooseAction(for: current)
            let step = environment.step(environment.actionSpace.element(at: action))
            stepCount += 1
            steps += 1
            episodeReward += step.reward
            episodeSteps += 1
            encoder.encode(step.observation, into: next.pointer)
            replayBuffer.add(
                observation: current.pointer, action: action, reward: step.reward, nextObservation: next.pointer,
                terminated: step.terminated)
            // SB3's `_on_step`, counted in environment steps: the target update, then ε.
            if stepCount % settings.targetUpdateInterval == 0 { learner.updateTarget(tau: settings.tau) }
            explorationRate = hyperparameters.epsilon.value(atStep: stepCount, of: totalSteps)
            if step.terminated || step.truncated {
                let record = EpisodeRecord(
                    episode: episodeCount, totalReward: episodeReward, steps: episodeSteps, terminated: step.terminated,
                    truncated: step.truncated, counters: environment.counters)
                episodeCount += 1
                episodes += 1
                if onEpisode(record, self) == .stop {
                    // The step is finished (its learning too) before the run stops, so that a
                    // resumed run starts at the next one: learning reads none of the world.
                    learnIfDue(totalSteps: totalSteps)
                    pausedWorldGenerator = environment.generatorState
                    return TrainingResult(episodes: episodes, steps: steps, stoppedEarly: stepCount < totalSteps)
                }
                episodeReward = 0
                episodeSteps = 0
                encoder.encode(environment.reset(seed: nil), into: current.pointer)
            } else {
                swap(&current, &next)
            }
            learnIfDue(totalSteps: totalSteps)
        }
        return TrainingResult(episodes: episodes, steps: steps, stoppedEarly: false)
    }

    /// The end of SB3's rollout of `train_freq` steps: learn once past `learning_starts`.
    mutating func learnIfDue(totalSteps: Int) {
        guard stepCount % settings.trainFrequency == 0 && stepCount > settings.learningStarts else { return }
        let clock = ContinuousClock()
        let started = clock.now
        learn(totalSteps: totalSteps)
        secondsInGradientSteps += seconds(clock.now - started)
    }

    /// SB3's logger keys for DQN.
    public var diagnostics: [(name: String, value: Double)] {
        var values: [(name: String, value: Double)] = []
        if let lastLoss { values.append((name: "train/loss", value: lastLoss)) }
        values.append((name: "train/learning_rate", value: learner.optimizer.learningRate))
        values.append((name: "rollout/exploration_rate", value: explorationRate))
        values.append((name: "train/n_updates", value: Double(updateCount)))
        return values
    }
}

extension DQNAgent {
    /// Gradient steps so far.
    public var gradientSteps: Int { updateCount }

    /// One gradient step's products: the target network's forward pass on the next observations
    /// (and the online network's too for Double DQN), the online network's forward and backward
    /// passes on the batch.
    public var gradientStepProducts: [MatrixProduct] {
        let sizes = [inputWidth] + settings.hiddenLayers + [actionCount]
        let batch = settings.batchSize
        let next = MatrixProduct.forward(sizes: sizes, batch: batch)
        return next + (settings.doubleQ ? next : []) + MatrixProduct.forward(sizes: sizes, batch: batch)
            + MatrixProduct.backward(sizes: sizes, batch: batch)
    }
}

extension DQNAgent {
    /// The replay buffer grows with the inputs: a world's one-hot states may not fit.
    public static func validate(_ settings: DQNSettings, inputWidth: Int, actionCount: Int) throws(SettingError) {
        try settings.validate(inputWidth: inputWidth, actionCount: actionCount)
    }
}
