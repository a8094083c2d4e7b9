import RLCore

/// n-step TD for estimating V ≈ v_π (Sutton & Barto, 2nd ed., §7.1, the box on p. 144). At
/// step t (once R_{t+1} and S_{t+1} are seen), τ = t − n + 1 is the step whose estimate is
/// updated, if τ ≥ 0:
///
///     G ← Σ_{i=τ+1}^{min(τ+n, T)} γ^{i−τ−1} R_i;  if τ + n < T: G ← G + γⁿ V(S_{τ+n});
///     V(S_τ) ← V(S_τ) + α [G − V(S_τ)]
///
/// and after the episode's last step the remaining τ up to T − 1 are updated (``endEpisode()``).
/// With n = 1 it is TD(0); with n ≥ T, constant-α Monte Carlo.
public struct NStepTemporalDifference<Action>: ValueEstimator {
    public private(set) var values: [Double]
    public let steps: Int
    public let stepSize: Double
    public let discount: Double
    /// S_0, S_1, … and R_1, R_2, … of the episode so far (storage kept between episodes).
    var states: [Int] = []
    var rewards: [Double] = []
    /// T, once the episode has ended.
    var end: Int?

    /// - Precondition: `steps ≥ 1`.
    public init(initialValues: [Double], steps: Int, stepSize: Double, discount: Double = 1) {
        precondition(steps >= 1)
        values = initialValues
        self.steps = steps
        self.stepSize = stepSize
        self.discount = discount
    }

    public mutating func learn(from transition: Transition<Int, Action>) {
        if states.isEmpty { states.append(transition.observation) }
        rewards.append(transition.reward)  // R_{t+1}
        states.append(transition.nextObservation)  // S_{t+1}
        let t = rewards.count - 1
        if transition.terminated || transition.truncated { end = t + 1 }
        update(t - steps + 1)
    }

    public mutating func endEpisode() {
        let finalStep = end ?? rewards.count
        // The box's loop goes on after T without acting, until τ = T − 1.
        for tau in max(0, rewards.count - steps + 1)..<finalStep { update(tau) }
        states.removeAll(keepingCapacity: true)
        rewards.removeAll(keepingCapacity: true)
        end = nil
    }

    /// The update of V(S_τ), when τ is a step of the episode.
    mutating func update(_ tau: Int) {
        guard tau >= 0 else { return }
        let finalStep = end ?? Int.max
        var target = 0.0
        var weight = 1.0
        for i in (tau + 1)...min(tau + steps, min(finalStep, rewards.count)) {
            target += weight * rewards[i - 1]
            weight *= discount
        }
        if tau + steps < finalStep { target += weight * values[states[tau + steps]] }
        values[states[tau]] += stepSize * (target - values[states[tau]])
    }

    public func value(of observation: Int) -> Double { values[observation] }
}
