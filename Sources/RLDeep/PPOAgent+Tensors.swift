import RLCore
import RLNeural
import RLTabular

extension PPOAgent {
    /// The actor as `policy.0.weight`, `policy.0.bias`, `policy.2.weight`, … and the critic as
    /// `value.0.weight`, …: PyTorch state dictionaries in single precision, weights `[out, in]`.
    /// Under `ppo.`, what resuming needs besides the networks: the generators of actions and
    /// of minibatches, and the epochs of updates so far. (Adam's moments are not saved: RLNeural
    /// keeps them to itself, so a resumed run starts them again from zero.)
    public var tensors: [String: Tensor] {
        var tensors = policyNetwork.stateDictionary(prefix: "policy").merging(valueNetwork.stateDictionary(prefix: "value")) { actor, _ in
            actor
        }
        tensors[ResumeTensor.actionGenerator] = Tensor(shape: [4], integers: actionGenerator.state.map { Int64(bitPattern: $0) })
        tensors[ResumeTensor.shuffleGenerator] = Tensor(shape: [4], integers: shuffleGenerator.state.map { Int64(bitPattern: $0) })
        tensors[ResumeTensor.updateCount] = Tensor(shape: [1], integers: [Int64(updateCount)])
        if let normalization = observationNormalization { tensors.merge(normalization.tensors) { mine, _ in mine } }
        return tensors
    }

    /// The names of the resuming tensors.
    enum ResumeTensor {
        static let actionGenerator = "ppo.action_generator"
        static let shuffleGenerator = "ppo.shuffle_generator"
        static let updateCount = "ppo.n_updates"
    }

    /// Puts back the networks from `tensors`, all or nothing: every tensor is checked (present,
    /// of its parameter's shape, finite) before any is written. The `ppo.` tensors are optional
    /// (a state dictionary written by PyTorch has none); when there, they are checked too.
    public mutating func restore(tensors: [String: Tensor]) throws(PolicyFileError) {
        func generatorState(_ name: String) throws(PolicyFileError) -> [UInt64]? {
            guard let tensor = tensors[name] else { return nil }
            guard tensor.shape == [4], case .integers(let words) = tensor.values, words.count == 4,
                Xoshiro256StarStar.isValidState(words.map { UInt64(bitPattern: $0) })
            else { throw PolicyFileError("tensor '\(name)' is not a generator's state (four integers, not all zero)") }
            return words.map { UInt64(bitPattern: $0) }
        }
        let actionState = try generatorState(ResumeTensor.actionGenerator)
        let shuffleState = try generatorState(ResumeTensor.shuffleGenerator)
        var updates: Int?
        if let tensor = tensors[ResumeTensor.updateCount] {
            guard tensor.shape == [1], case .integers(let values) = tensor.values, values.count == 1, values[0] >= 0 else {
                throw PolicyFileError("tensor '\(ResumeTensor.updateCount)' is not a count of updates")
            }
            updates = Int(values[0])
        }
        let named = namedParameters
        var checked: [[Double]] = []
        for (name, shape, _) in named {
            guard let tensor = tensors[name] else { throw PolicyFileError("the policy file has no tensor '\(name)'") }
            guard tensor.shape == shape else {
                throw PolicyFileError("tensor '\(name)' has shape \(tensor.shape); this network needs \(shape)")
            }
            guard case .floats(let values) = tensor.values, values.count == shape.reduce(1, *) else {
                throw PolicyFileError("tensor '\(name)' does not hold \(shape.reduce(1, *)) floating-point values")
            }
            // A value a Float cannot hold would become infinite.
            guard values.allSatisfy({ $0.isFinite && Float($0).isFinite }) else {
                throw PolicyFileError("tensor '\(name)' holds a value that is not a finite Float32")
            }
            checked.append(values)
        }
        for ((_, _, parameter), values) in zip(named, checked) {
            for index in values.indices { parameter[index] = Float(values[index]) }
        }
        if let actionState { actionGenerator.state = actionState }
        if let shuffleState { shuffleGenerator.state = shuffleState }
        if let updates { updateCount = updates }
    }

    /// Both networks' parameters under their file names.
    var namedParameters: [(name: String, shape: [Int], value: Matrix<Float>)] {
        policyNetwork.namedParameters(prefix: "policy") + valueNetwork.namedParameters(prefix: "value")
    }
}

extension PPOAgent {
    /// The names of what resuming needs besides ``tensors``.
    enum TrainingTensor {
        static let optimizer = "ppo.adam"
        /// Environment steps, episodes, the next rollout step, the next copy, gradient steps.
        static let counts = "ppo.counts"
        static let rollout = "ppo.rollout"
        static let lastDones = "ppo.last_dones"
        static let wasCut = "ppo.was_cut"
        static let cutObservations = "ppo.cut_observations"
        static let discountedReturns = "ppo.discounted_returns"
        static let observationStatistics = "ppo.observation_statistics"
        static let returnStatistics = "ppo.return_statistics"
        static let diagnostics = "ppo.diagnostics"
        static func world(_ copy: Int) -> String { "ppo.world.\(copy)" }
    }

    /// The most actions a copy's episode may replay: a bound on what a file can make a resume do.
    static let maximumReplayedActions = 100_000_000

    /// What a stopped run needs to go on exactly besides ``tensors``: Adam's moments, the
    /// rollout collected so far, the normalisation's statistics, the counts and, for each copy of
    /// the world, its generators when its episode began and the actions since (which replay it).
    public var trainingTensors: [String: Tensor] {
        var saved = ResumeTensors()
        saved.set(TrainingTensor.optimizer, optimizer: optimizer, names: namedParameters.map(\.name))
        saved.set(TrainingTensor.counts, integers: [timesteps, episodeCount, rolloutStep, nextCopy, gradientSteps])
        let prefix = TrainingTensor.rollout
        saved.set(prefix + ".observations", floats: rollout.observations, shape: [rollout.count, inputWidth])
        saved.set(prefix + ".actions", integers: rollout.actions)
        saved.set(prefix + ".rewards", floats: rollout.rewards)
        saved.set(prefix + ".episode_starts", floats: rollout.episodeStarts)
        saved.set(prefix + ".values", floats: rollout.values)
        saved.set(prefix + ".log_probabilities", floats: rollout.logProbabilities)
        saved.set(TrainingTensor.lastDones, floats: lastDones)
        saved.set(TrainingTensor.wasCut, integers: wasCut.map { $0 ? 1 : 0 })
        saved.set(TrainingTensor.cutObservations, floats: cutObservations.values, shape: [settings.environmentCount, inputWidth])
        saved.set(TrainingTensor.discountedReturns, doubles: discountedReturns)
        for (name, statistics) in [
            (TrainingTensor.observationStatistics, observationStatistics), (TrainingTensor.returnStatistics, returnStatistics),
        ] {
            saved.set(name + ".mean", doubles: statistics.mean)
            saved.set(name + ".var", doubles: statistics.variance)
            saved.set(name + ".count", doubles: [statistics.count])
        }
        if !diagnostics.isEmpty { saved.set(TrainingTensor.diagnostics, doubles: diagnostics.map(\.value)) }
        for (copy, replay) in worldReplays.enumerated() {
            if let generators = replay.generatorsAtReset {
                saved.set(TrainingTensor.world(copy) + ".generators", integers: generators.map { Int(Int64(bitPattern: $0)) })
            }
            saved.set(TrainingTensor.world(copy) + ".actions", integers: replay.actions.map { Int($0) })
        }
        return saved.tensors
    }

    /// Puts back ``trainingTensors`` read from a file, all or nothing: every tensor is checked
    /// (present, of its size, in range) before any is written.
    public mutating func restoreTraining(from tensors: [String: Tensor]) throws(PolicyFileError) {
        let saved = ResumeTensors(tensors)
        let copies = settings.environmentCount, size = rollout.count, width = inputWidth
        let optimizerState = try saved.optimizerState(TrainingTensor.optimizer, for: optimizer, names: namedParameters.map(\.name))
        let counts = try saved.integers(TrainingTensor.counts, count: 5, in: 0...(1 << 40))
        guard counts[0] > 0, counts[2] < settings.stepsPerRollout, counts[3] < copies else {
            throw PolicyFileError("tensor '\(TrainingTensor.counts)' is not where a stopped run of this agent can stand")
        }
        let prefix = TrainingTensor.rollout
        let observations = try saved.floats(prefix + ".observations", count: size * width)
        let actions = try saved.integers(prefix + ".actions", count: size, in: 0...Int64(actionCount - 1))
        let rewards = try saved.floats(prefix + ".rewards", count: size)
        let starts = try saved.floats(prefix + ".episode_starts", count: size)
        let values = try saved.floats(prefix + ".values", count: size)
        let logProbabilities = try saved.floats(prefix + ".log_probabilities", count: size)
        let dones = try saved.floats(TrainingTensor.lastDones, count: copies)
        guard (starts + dones).allSatisfy({ $0 == 0 || $0 == 1 }) else {
            throw PolicyFileError("tensor '\(prefix).episode_starts' or '\(TrainingTensor.lastDones)' holds a value other than 0 and 1")
        }
        let cut = try saved.integers(TrainingTensor.wasCut, count: copies, in: 0...1)
        let cutRows = try saved.floats(TrainingTensor.cutObservations, count: copies * width)
        let returns = try saved.doubles(TrainingTensor.discountedReturns, count: copies)
        func statistics(_ name: String, width: Int) throws(PolicyFileError) -> RunningMeanVariance {
            let mean = try saved.doubles(name + ".mean", count: width)
            let variance = try saved.doubles(name + ".var", count: width)
            let count = try saved.doubles(name + ".count", count: 1)[0]
            guard variance.allSatisfy({ $0 >= 0 }), count > 0 else { throw PolicyFileError("tensor '\(name)' holds no running statistics") }
            return RunningMeanVariance(mean: mean, variance: variance, count: count)
        }
        let observationState = try statistics(TrainingTensor.observationStatistics, width: width)
        let returnState = try statistics(TrainingTensor.returnStatistics, width: 1)
        let measured =
            saved.has(TrainingTensor.diagnostics) ? try saved.doubles(TrainingTensor.diagnostics, count: Self.diagnosticNames.count) : nil
        var replays: [WorldReplay] = []
        for copy in 0..<copies {
            let name = TrainingTensor.world(copy)
            let generators = saved.has(name + ".generators") ? try saved.worldGeneratorState(name + ".generators") : nil
            let replayed = try saved.integers(
                name + ".actions", maximumCount: Self.maximumReplayedActions, in: 0...Int64(actionCount - 1))
            replays.append(WorldReplay(generatorsAtReset: generators, actions: replayed.map { Int32($0) }))
        }

        optimizer.restore(stepCount: optimizerState.stepCount, moments: optimizerState.moments)
        (timesteps, episodeCount, rolloutStep, nextCopy, gradientSteps) = (counts[0], counts[1], counts[2], counts[3], counts[4])
        rollout.observations = observations
        rollout.actions = actions
        rollout.rewards = rewards
        rollout.episodeStarts = starts
        rollout.values = values
        rollout.logProbabilities = logProbabilities
        lastDones = dones
        wasCut = cut.map { $0 == 1 }
        cutObservations.pointer.update(from: cutRows, count: cutRows.count)
        discountedReturns = returns
        observationStatistics = observationState
        returnStatistics = returnState
        if let measured { diagnostics = Array(zip(Self.diagnosticNames, measured)).map { (name: $0.0, value: $0.1) } }
        worldReplays = replays
    }

    /// The world generators a resumed run puts back into its copies.
    public var savedWorldGenerators: [[UInt64]] { worldReplays.compactMap(\.generatorsAtReset) }

    /// Environment steps taken in all, by this process and any it resumed.
    public var environmentSteps: Int { timesteps }
}
