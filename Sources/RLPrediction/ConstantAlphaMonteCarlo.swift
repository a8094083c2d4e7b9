import RLCore

/// Every-visit constant-α Monte Carlo prediction (Sutton & Barto, 2nd ed., eq. 6.1):
/// after the episode, V(S_t) ← V(S_t) + α [G_t − V(S_t)] for t = 0, 1, …, T − 1, in order.
public struct ConstantAlphaMonteCarlo<Action>: ValueEstimator {
    public private(set) var values: [Double]
    public let stepSize: Double
    public let discount: Double
    /// The episode so far: each step's state and the reward that followed it (storage kept).
    var states: [Int] = []
    var rewards: [Double] = []
    var returns: [Double] = []

    public init(initialValues: [Double], stepSize: Double, discount: Double = 1) {
        values = initialValues
        self.stepSize = stepSize
        self.discount = discount
    }

    public mutating func learn(from transition: Transition<Int, Action>) {
        states.append(transition.observation)
        rewards.append(transition.reward)
    }

    public mutating func endEpisode() {
        // G_t ← R_{t+1} + γ G_{t+1}, walking backwards; then the updates in the episode's order.
        returns.removeAll(keepingCapacity: true)
        var following = 0.0
        for reward in rewards.reversed() {
            following = reward + discount * following
            returns.append(following)
        }
        for (t, state) in states.enumerated() {
            values[state] += stepSize * (returns[states.count - 1 - t] - values[state])
        }
        states.removeAll(keepingCapacity: true)
        rewards.removeAll(keepingCapacity: true)
    }

    public func value(of observation: Int) -> Double { values[observation] }
}
