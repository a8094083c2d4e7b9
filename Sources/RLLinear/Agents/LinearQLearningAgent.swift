import RLCore
import RLFeatures
import RLTabular

/// Semi-gradient Q-learning with a linear q̂ (Sutton & Barto §10.1 with §6.5's target):
/// δ = R + γ maxₐ q̂(S′, a, w) − q̂(S, A, w), w ← w + α δ ∇q̂(S, A, w) (= x(S) for action A).
/// A terminated step's target is R alone; a truncated one still bootstraps.
public struct LinearQLearningAgent<Features: FeatureMap, ActionSpace: FiniteSpace & Sendable>: LinearAgent
where Features.Observation: Equatable & Sendable {
    public var values: LinearActionValues<Features, ActionSpace>

    public init(features: Features, actionSpace: ActionSpace, hyperparameters: Hyperparameters, settings: NoAgentSettings, seed: UInt64) {
        values = LinearActionValues(features: features, actionSpace: actionSpace, hyperparameters: hyperparameters, seed: seed)
    }

    @inlinable @inline(__always) @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        values.loadCurrent(transition.observation)
        let action = values.actionSpace.index(of: transition.action)
        // The target first, then the error: the same arithmetic as the tabular agent's, so over
        // one-hot features the weights are the table bit for bit.
        var target = transition.reward
        values.loadNext(transition.nextObservation)
        if !transition.terminated { target += values.exploration.discount * values.maxValue(over: values.next) }
        let delta = target - values.value(of: values.current, action: action)
        values.add(values.stepSize * delta, along: values.current, action: action)
        values.advance(to: transition.nextObservation)
        return nil
    }
}
