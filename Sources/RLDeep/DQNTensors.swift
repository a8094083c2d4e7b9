import RLNeural
import RLTabular

extension DQNAgent {
    /// The online network as `policy.0.weight`, `policy.0.bias`, `policy.2.weight`, … and the
    /// target network as `target.…`: PyTorch state dictionaries in single precision.
    public var tensors: [String: Tensor] {
        learner.online.stateDictionary(prefix: "policy").merging(learner.target.stateDictionary(prefix: "target")) { online, _ in online }
    }

    /// Puts back the networks of a file: `policy.…` is required; `target.…`, when the file has
    /// none (a state dictionary from elsewhere), starts as a copy of the policy, as a new
    /// agent's does. Nothing is changed unless every tensor fits.
    /// - Throws: a one-line ``PolicyFileError`` naming the first tensor that is missing, of the
    ///   wrong shape or not finite.
    public mutating func restore(tensors: [String: Tensor]) throws(PolicyFileError) {
        let policy = try Self.checked(tensors, for: learner.online, prefix: "policy")
        let hasTarget = tensors.keys.contains { $0.hasPrefix("target.") }
        let target = hasTarget ? try Self.checked(tensors, for: learner.target, prefix: "target") : policy
        for (network, values) in [(learner.online, policy), (learner.target, target)] {
            for (parameter, parameterValues) in zip(network.namedParameters(prefix: ""), values) {
                for index in parameterValues.indices { parameter.value[index] = parameterValues[index] }
            }
        }
    }

    /// Each of `network`'s parameters' values from `tensors`, in ``MLP/namedParameters(prefix:)``'s order.
    static func checked(_ tensors: [String: Tensor], for network: MLP<Float>, prefix: String) throws(PolicyFileError) -> [[Float]] {
        var result: [[Float]] = []
        for parameter in network.namedParameters(prefix: prefix) {
            guard let tensor = tensors[parameter.name] else { throw PolicyFileError("the file has no tensor '\(parameter.name)'") }
            guard tensor.shape == parameter.shape else {
                throw PolicyFileError("tensor '\(parameter.name)' has shape \(tensor.shape), expected \(parameter.shape)")
            }
            guard case .floats(let values) = tensor.values, values.count == parameter.value.count else {
                throw PolicyFileError("tensor '\(parameter.name)' must hold \(parameter.value.count) floating-point values")
            }
            let floats = values.map(Float.init)
            guard floats.allSatisfy(\.isFinite) else {
                throw PolicyFileError("tensor '\(parameter.name)' holds a value that is not finite")
            }
            result.append(floats)
        }
        return result
    }
}

extension DQNAgent {
    /// The names of what resuming needs besides the networks.
    enum TrainingTensor {
        static let optimizer = "dqn.adam"
        static let counts = "dqn.counts"
        static let explorationGenerator = "dqn.exploration_generator"
        static let samplingGenerator = "dqn.sampling_generator"
        static let worldGenerator = "dqn.world_generator"
        static let lastLoss = "dqn.last_loss"
        static let buffer = "dqn.buffer"
    }

    /// What an interrupted run needs to go on exactly besides ``tensors``: Adam's moments, the
    /// replay buffer's rows, the generators (the agent's and the world's), the counts.
    public var trainingTensors: [String: Tensor] {
        var saved = ResumeTensors()
        saved.set(
            TrainingTensor.optimizer, optimizer: learner.optimizer, names: learner.online.namedParameters(prefix: "policy").map(\.name))
        saved.set(TrainingTensor.counts, integers: [stepCount, episodeCount, updateCount])
        saved.set(TrainingTensor.explorationGenerator, generator: explorationGenerator)
        saved.set(TrainingTensor.samplingGenerator, generator: samplingGenerator)
        if let pausedWorldGenerator {
            saved.set(TrainingTensor.worldGenerator, integers: pausedWorldGenerator.map { Int(Int64(bitPattern: $0)) })
        }
        if let lastLoss { saved.set(TrainingTensor.lastLoss, doubles: [lastLoss]) }
        let rows = replayBuffer.count, width = inputWidth
        let prefix = TrainingTensor.buffer
        saved.set(prefix + ".observations", floats: Array(replayBuffer.observations[0..<rows * width]), shape: [rows, width])
        saved.set(prefix + ".next_observations", floats: Array(replayBuffer.nextObservations[0..<rows * width]), shape: [rows, width])
        saved.set(prefix + ".actions", integers: replayBuffer.actions[0..<rows].map { Int($0) })
        saved.set(prefix + ".rewards", floats: Array(replayBuffer.rewards[0..<rows]))
        saved.set(prefix + ".dones", floats: Array(replayBuffer.dones[0..<rows]))
        saved.set(prefix + ".position", integers: [replayBuffer.position, replayBuffer.isFull ? 1 : 0])
        return saved.tensors
    }

    /// Puts back ``trainingTensors`` read from a file, all or nothing: every tensor is checked
    /// (present, of its size, in range) before any is written.
    public mutating func restoreTraining(from tensors: [String: Tensor]) throws(PolicyFileError) {
        let saved = ResumeTensors(tensors)
        let optimizerState = try saved.optimizerState(
            TrainingTensor.optimizer, for: learner.optimizer, names: learner.online.namedParameters(prefix: "policy").map(\.name))
        let counts = try saved.integers(TrainingTensor.counts, count: 3, in: 0...(1 << 40))
        let exploration = try saved.generatorState(TrainingTensor.explorationGenerator)
        let sampling = try saved.generatorState(TrainingTensor.samplingGenerator)
        let world = try saved.worldGeneratorState(TrainingTensor.worldGenerator)
        let loss = saved.has(TrainingTensor.lastLoss) ? try saved.doubles(TrainingTensor.lastLoss, count: 1)[0] : nil
        let prefix = TrainingTensor.buffer
        let position = try saved.integers(prefix + ".position", count: 2, in: 0...Int64(replayBuffer.capacity))
        guard position[0] < replayBuffer.capacity, position[1] <= 1 else {
            throw PolicyFileError("tensor '\(prefix).position' is not a position in a buffer of \(replayBuffer.capacity)")
        }
        let isFull = position[1] == 1
        let rows = isFull ? replayBuffer.capacity : position[0]
        guard rows <= counts[0] else { throw PolicyFileError("the replay buffer holds more transitions than the run took steps") }
        let width = inputWidth
        let observations = try saved.floats(prefix + ".observations", count: rows * width)
        let nextObservations = try saved.floats(prefix + ".next_observations", count: rows * width)
        let actions = try saved.integers(prefix + ".actions", count: rows, in: 0...Int64(actionCount - 1))
        let rewards = try saved.floats(prefix + ".rewards", count: rows)
        let dones = try saved.floats(prefix + ".dones", count: rows)
        guard dones.allSatisfy({ $0 == 0 || $0 == 1 }) else {
            throw PolicyFileError("tensor '\(prefix).dones' holds a value other than 0 and 1")
        }

        learner.optimizer.restore(stepCount: optimizerState.stepCount, moments: optimizerState.moments)
        (stepCount, episodeCount, updateCount) = (counts[0], counts[1], counts[2])
        explorationGenerator.state = exploration
        samplingGenerator.state = sampling
        pausedWorldGenerator = world
        lastLoss = loss
        replayBuffer.restore(
            observations: observations, nextObservations: nextObservations, actions: actions.map { Int32($0) }, rewards: rewards,
            dones: dones, position: position[0], isFull: isFull)
    }

    /// Environment steps taken in all, by this process and any it resumed.
    public var environmentSteps: Int { stepCount }

    /// The world's generators a resumed run puts back, if it stopped.
    public var savedWorldGenerators: [[UInt64]] { pausedWorldGenerator.map { [$0] } ?? [] }
}
