/// A world with no state: each step pulls one of `armCount` arms and pays a reward (Sutton &
/// Barto, 2nd ed., ch. 2, the k-armed bandit). `optimalArm` is what Figure 2.2's "% optimal
/// action" is measured against.
public protocol Bandit {
    var armCount: Int { get }
    /// The arm with the highest expected reward.
    var optimalArm: Int { get }
    /// A new problem (the testbed draws the arms' means), seeded as ``Environment/reset(seed:)``.
    mutating func reset(seed: UInt64?)
    /// Pulls `arm` (in `0..<armCount`) and returns its reward.
    mutating func pull(_ arm: Int) -> Double
}

/// An agent for a world with no state: it picks an arm, then learns from its reward
/// (sample averages, a constant step size, UCB, gradient bandits).
public protocol BanditAgent {
    /// The arm to pull next.
    mutating func selectArm() -> Int
    /// Learns from the reward the arm paid.
    mutating func learn(arm: Int, reward: Double)
}

/// What a bandit run did at each step: its reward and whether it pulled the optimal arm (the
/// two panels of Figure 2.2). Written into storage the caller keeps, so many runs allocate once.
public struct BanditTrace {
    /// The reward of each step.
    public var rewards: [Double] { storedRewards }
    /// Whether each step pulled the optimal arm.
    public var optimal: [Bool] { storedOptimal }
    @usableFromInline var storedRewards: [Double]
    @usableFromInline var storedOptimal: [Bool]

    public init(steps: Int) {
        storedRewards = Array(repeating: 0, count: steps)
        storedOptimal = Array(repeating: false, count: steps)
    }

    @inlinable public var steps: Int { storedRewards.count }

    @inlinable
    mutating func record(step: Int, reward: Double, optimal isOptimal: Bool) {
        storedRewards[step] = reward
        storedOptimal[step] = isOptimal
    }
}

/// Plays `trace.steps` pulls of a bandit agent, learning after each, and records them.
@inlinable
public func play<B: Bandit, A: BanditAgent>(_ agent: inout A, on bandit: inout B, into trace: inout BanditTrace) {
    for step in 0..<trace.steps {
        let arm = agent.selectArm()
        let reward = bandit.pull(arm)
        agent.learn(arm: arm, reward: reward)
        trace.record(step: step, reward: reward, optimal: arm == bandit.optimalArm)
    }
}
