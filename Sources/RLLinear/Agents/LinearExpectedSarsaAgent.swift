import RLCore
import RLFeatures
import RLTabular

/// Semi-gradient Expected Sarsa (§10.1 with §6.6's target): the target averages q̂(S′, ·) under
/// the ε-greedy policy, (1 − ε) max + ε mean; off-policy in form, so the next action is chosen
/// after the update.
public struct LinearExpectedSarsaAgent<Features: FeatureMap, ActionSpace: FiniteSpace & Sendable>: LinearAgent
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
        values.loadNext(transition.nextObservation)
        if !transition.terminated {
            target += values.exploration.discount * values.epsilonGreedyExpectation(over: values.next)
        }
        let delta = target - values.value(of: values.current, action: action)
        values.add(values.stepSize * delta, along: values.current, action: action)
        values.advance(to: transition.nextObservation)
        return nil
    }
}
