import RLCore
import RLFeatures
import RLTabular

/// Sarsa(λ) with a linear q̂ (Sutton & Barto §12.7, the box): δ ← R − q̂(S, A); the traces of
/// x(S, A) grow by x (accumulating) or are set to x (replacing; 1 for binary features; clearing
/// also sets the traces of S's features under the other actions to 0, Figure 12.11's variant); if S′
/// is terminal, w ← w + α δ z and the episode ends; else choose A′ from S′ ε-greedily,
/// δ ← δ + γ q̂(S′, A′), w ← w + α δ z, z ← γ λ z. Traces start at zero in every episode.
public struct LinearSarsaLambdaAgent<Features: FeatureMap, ActionSpace: FiniteSpace & Sendable>: LinearAgent
where Features.Observation: Equatable & Sendable {
    public var values: LinearActionValues<Features, ActionSpace>
    public let settings: SarsaLambdaSettings
    /// z, flat like the weights.
    public var traces: EligibilityTraces

    public init(
        features: Features, actionSpace: ActionSpace, hyperparameters: Hyperparameters, settings: SarsaLambdaSettings, seed: UInt64
    ) {
        values = LinearActionValues(features: features, actionSpace: actionSpace, hyperparameters: hyperparameters, seed: seed)
        self.settings = settings
        traces = EligibilityTraces(count: values.weights.count)
    }

    /// Moves ε and α along their schedules; traces start at zero.
    public mutating func beginEpisode(_ episode: Int, of episodeCount: Int) {
        values.exploration.beginEpisode(episode, of: episodeCount)
        traces.clear()
    }

    @inlinable @inline(__always) @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        values.loadCurrent(transition.observation)
        let action = values.actionSpace.index(of: transition.action)
        var delta = transition.reward - values.value(of: values.current, action: action)
        let actionCount = values.actionCount
        for slot in 0..<values.current.count {
            let index = values.current.indices[slot] &* actionCount &+ action
            switch settings.traces {
            case .accumulating: traces.add(values.current.values[slot], at: index)
            case .replacing: traces.set(values.current.values[slot], at: index)
            case .clearing:
                traces.set(values.current.values[slot], at: index)
                let first = values.current.indices[slot] &* actionCount
                for other in first..<first &+ actionCount where other != index { traces.zero(at: other) }
            }
            values.weights.recordVisitInPlace(state: values.current.indices[slot], action: action)
        }
        values.loadNext(transition.nextObservation)
        var nextAction: Int?
        if !transition.terminated {
            let chosen = values.action(over: values.next, mode: .training)
            delta += values.exploration.discount * values.value(of: values.next, action: chosen)
            nextAction = chosen
        }
        traces.addScaled(values.stepSize * delta, to: &values.weights)
        traces.scale(by: values.exploration.discount * settings.lambda)
        values.advance(to: transition.nextObservation)
        return nextAction.map { values.actionSpace.element(at: $0) }
    }
}
