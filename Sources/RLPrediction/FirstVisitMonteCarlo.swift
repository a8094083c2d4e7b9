import RLCore

/// First-visit Monte Carlo prediction (Sutton & Barto, 2nd ed., the box on p. 92): V(s) is the
/// average of the returns that followed the first visit to s in each episode so far. The
/// averages are kept as sums and counts, so V(s) is exactly the mean of `Returns(s)`.
public struct FirstVisitMonteCarlo<Space: FiniteSpace, Action>: ValueEstimator {
    public typealias Observation = Space.Element
    public let space: Space
    public let discount: Double
    /// Σ of the first-visit returns of each state (by the space's index).
    public private(set) var returnSums: [Double]
    /// How many first-visit returns each state has had.
    public private(set) var visits: [Int]
    /// The episode so far: each step's state and the reward that followed it (storage kept).
    var states: [Int] = []
    var rewards: [Double] = []
    /// The first time step of each state in this episode, −1 where it has not been seen.
    var firstStep: [Int]

    public init(space: Space, discount: Double = 1) {
        self.space = space
        self.discount = discount
        returnSums = Array(repeating: 0, count: space.count)
        visits = Array(repeating: 0, count: space.count)
        firstStep = Array(repeating: -1, count: space.count)
    }

    public mutating func learn(from transition: Transition<Observation, Action>) {
        let state = space.index(of: transition.observation)
        if firstStep[state] < 0 { firstStep[state] = states.count }
        states.append(state)
        rewards.append(transition.reward)
    }

    public mutating func endEpisode() {
        // G ← γ G + R_{t+1}, walking backwards; "unless S_t appears in S_0, ..., S_{t−1}".
        var following = 0.0
        for t in states.indices.reversed() {
            following = discount * following + rewards[t]
            if firstStep[states[t]] == t {
                returnSums[states[t]] += following
                visits[states[t]] += 1
            }
        }
        for state in states { firstStep[state] = -1 }
        states.removeAll(keepingCapacity: true)
        rewards.removeAll(keepingCapacity: true)
    }

    /// The average first-visit return; 0 for a state never visited.
    public func value(of observation: Observation) -> Double {
        let state = space.index(of: observation)
        return visits[state] == 0 ? 0 : returnSums[state] / Double(visits[state])
    }
}
