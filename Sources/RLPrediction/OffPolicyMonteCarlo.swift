import RLCore

/// How off-policy Monte Carlo averages the returns it scales by importance-sampling ratios
/// (Sutton & Barto, 2nd ed., §5.5).
public enum ImportanceSampling: Sendable, Equatable {
    /// Eq. 5.5: V(s) = Σ ρ_{t:T−1} G_t / |𝒯(s)|: unbiased, but of unbounded variance.
    case ordinary
    /// Eq. 5.6: V(s) = Σ ρ_{t:T−1} G_t / Σ ρ_{t:T−1} (0 while the denominator is 0): biased,
    /// the bias falling to zero, of far lower variance.
    case weighted
}

/// First-visit off-policy Monte Carlo prediction of a target policy π from episodes of a
/// behaviour policy b (Sutton & Barto, 2nd ed., §5.5, eqs. 5.3–5.6): each first visit's return G_t
/// is scaled by ρ_{t:T−1} = Π_{k=t}^{T−1} π(A_k|S_k) / b(A_k|S_k), and the scaled returns are
/// averaged as ``ImportanceSampling`` says. Sums are kept, so a value is exactly the equation's.
public struct OffPolicyMonteCarlo<Space: FiniteSpace, Action>: ValueEstimator {
    public typealias Observation = Space.Element
    public let space: Space
    public let sampling: ImportanceSampling
    public let discount: Double
    /// π(a|s) / b(a|s).
    let ratio: @Sendable (Observation, Action) -> Double
    /// Σ ρ_{t:T−1} G_t over each state's first visits.
    public private(set) var scaledReturnSums: [Double]
    /// Σ ρ_{t:T−1} over each state's first visits (the weighted average's denominator).
    public private(set) var ratioSums: [Double]
    /// |𝒯(s)|: the first visits (the ordinary average's denominator).
    public private(set) var visits: [Int]
    var states: [Int] = []
    var ratios: [Double] = []
    var rewards: [Double] = []
    var firstStep: [Int]

    /// - Parameter ratio: π(a|s) / b(a|s) for the action taken in a state.
    public init(
        space: Space, sampling: ImportanceSampling, discount: Double = 1, ratio: @escaping @Sendable (Observation, Action) -> Double
    ) {
        self.space = space
        self.sampling = sampling
        self.discount = discount
        self.ratio = ratio
        scaledReturnSums = Array(repeating: 0, count: space.count)
        ratioSums = Array(repeating: 0, count: space.count)
        visits = Array(repeating: 0, count: space.count)
        firstStep = Array(repeating: -1, count: space.count)
    }

    public mutating func learn(from transition: Transition<Observation, Action>) {
        let state = space.index(of: transition.observation)
        if firstStep[state] < 0 { firstStep[state] = states.count }
        states.append(state)
        ratios.append(ratio(transition.observation, transition.action))
        rewards.append(transition.reward)
    }

    public mutating func endEpisode() {
        // Backwards: G ← γ G + R_{t+1} and W ← W ρ_t, so W = ρ_{t:T−1} at step t.
        var following = 0.0, weight = 1.0
        for t in states.indices.reversed() {
            following = discount * following + rewards[t]
            weight *= ratios[t]
            if firstStep[states[t]] == t {
                scaledReturnSums[states[t]] += weight * following
                ratioSums[states[t]] += weight
                visits[states[t]] += 1
            }
        }
        for state in states { firstStep[state] = -1 }
        states.removeAll(keepingCapacity: true)
        ratios.removeAll(keepingCapacity: true)
        rewards.removeAll(keepingCapacity: true)
    }

    public func value(of observation: Observation) -> Double {
        let state = space.index(of: observation)
        switch sampling {
        case .ordinary: return visits[state] == 0 ? 0 : scaledReturnSums[state] / Double(visits[state])
        case .weighted: return ratioSums[state] == 0 ? 0 : scaledReturnSums[state] / ratioSums[state]
        }
    }
}
