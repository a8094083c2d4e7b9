import RLCore
import RLFeatures
import RLTabular

/// Episodic semi-gradient Sarsa (Sutton & Barto §10.1, the box): choose A′ from S′ ε-greedily
/// with the current w, δ = R + γ q̂(S′, A′, w) − q̂(S, A, w), w ← w + α δ x(S) for A; then A′ is
/// the action taken.
public struct LinearSarsaAgent<Features: FeatureMap, ActionSpace: FiniteSpace & Sendable>: LinearAgent
where Features.Observation: Equatable & Sendable {
    public var values: LinearActionValues<Features, ActionSpace>

    public init(features: Features, actionSpace: ActionSpace, hyperparameters: Hyperparameters, settings: NoAgentSettings, seed: UInt64) {
        values = LinearActionValues(features: features, actionSpace: actionSpace, hyperparameters: hyperparameters, seed: seed)
    }

    @inlinable @inline(__always) @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        values.loadCurrent(transition.observation)
        let action = values.actionSpace.index(of: transition.action)
        var target = transition.reward
        var nextAction: Int?
        values.loadNext(transition.nextObservation)
        if !transition.terminated {
            let chosen = values.action(over: values.next, mode: .training)
            target += values.exploration.discount * values.value(of: values.next, action: chosen)
            nextAction = chosen
        }
        let delta = target - values.value(of: values.current, action: action)
        values.add(values.stepSize * delta, along: values.current, action: action)
        values.advance(to: transition.nextObservation)
        return nextAction.map { values.actionSpace.element(at: $0) }
    }
}
