/// A fixed policy to evaluate: prediction, not control (Sutton & Barto, 2nd ed., §6.1, §7.1,
/// §9): the behaviour is given, and an estimator learns the state values v_π it leads to.
public protocol FixedPolicy<Observation, Action> {
    associatedtype Observation
    associatedtype Action
    /// The action taken in `observation` (drawn from the policy's own generator when it is stochastic).
    mutating func action(for observation: Observation) -> Action
}

/// Something that learns state values V(s) from the transitions of a fixed policy (TD(0),
/// n-step TD, Monte Carlo prediction).
public protocol ValueEstimator<Observation, Action> {
    associatedtype Observation
    associatedtype Action
    /// Learns from one transition.
    mutating func learn(from transition: Transition<Observation, Action>)
    /// The current estimate of V(s).
    func value(of observation: Observation) -> Double
    /// Called when an episode ends (an n-step estimator flushes its last updates here).
    mutating func endEpisode()
    /// The current estimates of several states at once (a linear estimator reuses one feature
    /// buffer for all of them; an RMS error over 1000 states is read after every episode).
    func values(of observations: [Observation]) -> [Double]
}

extension ValueEstimator {
    @inlinable public mutating func endEpisode() {}
    @inlinable public func values(of observations: [Observation]) -> [Double] { observations.map { value(of: $0) } }
}

/// Plays `episodes` episodes of `policy` and lets `estimator` learn from every transition; the
/// first reset uses `seed`. `onEpisode` sees the estimator after each episode (the RMS error
/// curves of Example 6.2 and Figure 7.2 are measured there).
@inlinable
public func predict<E: Environment, P: FixedPolicy, V: ValueEstimator>(
    _ estimator: inout V, following policy: inout P, on environment: inout E, episodes: Int, seed: UInt64?,
    onEpisode: (Int, V) -> Void = { _, _ in }
) where P.Observation == E.Observation, P.Action == E.Action, V.Observation == E.Observation, V.Action == E.Action {
    for episode in 0..<episodes {
        var observation = environment.reset(seed: episode == 0 ? seed : nil)
        while true {
            let action = policy.action(for: observation)
            let step = environment.step(action)
            estimator.learn(
                from: Transition(
                    observation: observation, action: action, reward: step.reward,
                    nextObservation: step.observation, terminated: step.terminated, truncated: step.truncated))
            observation = step.observation
            if step.terminated || step.truncated { break }
        }
        estimator.endEpisode()
        onEpisode(episode, estimator)
    }
}
