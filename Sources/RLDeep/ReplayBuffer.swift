import RLCore
import RLNeural

/// DQN's memory of transitions: Stable-Baselines3's `ReplayBuffer` (without its memory
/// optimisation), allocated whole at the start and written in a circle, the newest transition
/// over the oldest once it is full.
///
/// `done` is the episode's termination only: a step cap is not an end of the task, so a
/// truncated transition still bootstraps from its next observation, the real last one of the
/// episode (SB3's `handle_timeout_termination`).
public struct ReplayBuffer: Sendable {
    /// The most transitions it holds.
    public let capacity: Int
    /// Inputs per observation row.
    public let observationWidth: Int
    /// `capacity` rows of `observationWidth`, row after row.
    public private(set) var observations: [Float]
    /// The observation after each transition's action, laid out like ``observations``.
    public private(set) var nextObservations: [Float]
    /// Each transition's action index.
    public private(set) var actions: [Int32]
    /// Each transition's reward, in single precision as SB3 keeps it.
    public private(set) var rewards: [Float]
    /// 1 where the transition terminated the episode, else 0.
    public private(set) var dones: [Float]
    /// Where the next transition goes.
    public private(set) var position = 0
    /// Whether every row has been written (``position`` has wrapped).
    public private(set) var isFull = false

    /// An empty buffer of `capacity` transitions of `observationWidth`-input observations.
    public init(capacity: Int, observationWidth: Int) {
        precondition(capacity > 0 && observationWidth > 0, "a buffer with rows and columns")
        self.capacity = capacity
        self.observationWidth = observationWidth
        observations = Array(repeating: 0, count: capacity * observationWidth)
        nextObservations = Array(repeating: 0, count: capacity * observationWidth)
        actions = Array(repeating: 0, count: capacity)
        rewards = Array(repeating: 0, count: capacity)
        dones = Array(repeating: 0, count: capacity)
    }

    /// The bytes a buffer of `capacity` transitions takes: what the settings bound.
    public static func bytes(capacity: Int, observationWidth: Int) -> Int {
        let perTransition = 2 * observationWidth * MemoryLayout<Float>.size + MemoryLayout<Int32>.size + 2 * MemoryLayout<Float>.size
        return capacity.multipliedReportingOverflow(by: perTransition).overflow ? .max : capacity * perTransition
    }

    /// The transitions held: the rows sampling draws from.
    public var count: Int { isFull ? capacity : position }

    /// Stores one transition over the oldest when full. Allocates nothing.
    public mutating func add(
        observation: UnsafePointer<Float>, action: Int, reward: Double, nextObservation: UnsafePointer<Float>, terminated: Bool
    ) {
        let start = position * observationWidth
        observations.withUnsafeMutableBufferPointer { ($0.baseAddress! + start).update(from: observation, count: observationWidth) }
        nextObservations.withUnsafeMutableBufferPointer {
            ($0.baseAddress! + start).update(from: nextObservation, count: observationWidth)
        }
        actions[position] = Int32(action)
        rewards[position] = Float(reward)
        dones[position] = terminated ? 1 : 0
        position += 1
        if position == capacity {
            position = 0
            isFull = true
        }
    }

    /// Puts back the rows a saved buffer held: `count` of them (the rows before ``position``, or
    /// all when ``isFull``), laid out as the stored arrays are.
    /// - Precondition: arrays of `count` rows, and `count` is `capacity` when full, else `position`.
    public mutating func restore(
        observations: [Float], nextObservations: [Float], actions: [Int32], rewards: [Float], dones: [Float], position: Int,
        isFull: Bool
    ) {
        let count = actions.count
        precondition((0..<capacity).contains(position) && count == (isFull ? capacity : position), "rows that fit the buffer")
        precondition(observations.count == count * observationWidth && nextObservations.count == observations.count)
        precondition(rewards.count == count && dones.count == count)
        self.observations.replaceSubrange(0..<observations.count, with: observations)
        self.nextObservations.replaceSubrange(0..<nextObservations.count, with: nextObservations)
        self.actions.replaceSubrange(0..<count, with: actions)
        self.rewards.replaceSubrange(0..<count, with: rewards)
        self.dones.replaceSubrange(0..<count, with: dones)
        self.position = position
        self.isFull = isFull
    }

    /// Fills `batch` with `batch.size` transitions drawn uniformly with replacement from the
    /// filled rows (`np.random.randint(0, upper_bound, size=batch_size)`).
    /// - Precondition: the buffer holds a transition.
    public func sample<Generator: RandomNumberGenerator>(into batch: ReplayBatch, using generator: inout Generator) {
        precondition(count > 0, "sampling needs a stored transition")
        let rows = count
        for index in 0..<batch.size {
            batch.indices[index] = generator.nextIndex(below: rows)
        }
        gather(into: batch)
    }

    /// Copies the rows `batch.indices` names into the batch's matrices.
    public func gather(into batch: ReplayBatch) {
        let width = observationWidth
        observations.withUnsafeBufferPointer { observations in
            nextObservations.withUnsafeBufferPointer { nextObservations in
                for (row, index) in batch.indices.enumerated() {
                    precondition(index >= 0 && index < count, "row \(index) of \(count) stored")
                    (batch.observations.pointer + row * width).update(from: observations.baseAddress! + index * width, count: width)
                    (batch.nextObservations.pointer + row * width)
                        .update(from: nextObservations.baseAddress! + index * width, count: width)
                    batch.actions[row] = Int(actions[index])
                    batch.rewards[row] = rewards[index]
                    batch.dones[row] = dones[index]
                }
            }
        }
    }
}

/// One sampled minibatch, allocated once and refilled for every gradient step.
public final class ReplayBatch {
    /// Transitions per batch.
    public let size: Int
    /// The buffer rows drawn.
    public var indices: [Int]
    /// `[size, width]`.
    public let observations: Matrix<Float>
    /// `[size, width]`.
    public let nextObservations: Matrix<Float>
    public var actions: [Int]
    public var rewards: [Float]
    public var dones: [Float]

    public init(size: Int, observationWidth: Int) {
        precondition(size > 0, "a batch of at least one transition")
        self.size = size
        indices = Array(repeating: 0, count: size)
        observations = Matrix(rows: size, columns: observationWidth)
        nextObservations = Matrix(rows: size, columns: observationWidth)
        actions = Array(repeating: 0, count: size)
        rewards = Array(repeating: 0, count: size)
        dones = Array(repeating: 0, count: size)
    }
}
