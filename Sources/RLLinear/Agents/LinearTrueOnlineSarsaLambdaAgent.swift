import RLCore
import RLFeatures
import RLTabular

/// True online Sarsa(λ) (Sutton & Barto §12.8, the box; van Seijen et al. 2016), with dutch
/// traces: with x = x(S, A) and x′ = x(S′, A′) (0 when S′ is terminal), Q = wᵀx, Q′ = wᵀx′,
/// δ = R + γQ′ − Q, z ← γλz + (1 − αγλ zᵀx) x, w ← w + α(δ + Q − Q_old) z − α(Q − Q_old) x,
/// Q_old ← Q′. Traces and Q_old start at zero in every episode.
public struct LinearTrueOnlineSarsaLambdaAgent<Features: FeatureMap, ActionSpace: FiniteSpace & Sendable>: LinearAgent
where Features.Observation: Equatable & Sendable {
    public var values: LinearActionValues<Features, ActionSpace>
    public let settings: TrueOnlineSarsaLambdaSettings
    /// z, flat like the weights.
    public var traces: EligibilityTraces
    /// Q_old: the last step's Q′.
    public var previousValue = 0.0

    public init(
        features: Features, actionSpace: ActionSpace, hyperparameters: Hyperparameters,
        settings: TrueOnlineSarsaLambdaSettings, seed: UInt64
    ) {
        values = LinearActionValues(features: features, actionSpace: actionSpace, hyperparameters: hyperparameters, seed: seed)
        self.settings = settings
        traces = EligibilityTraces(count: values.weights.count)
    }

    /// Moves ε and α along their schedules; traces and Q_old start at zero.
    public mutating func beginEpisode(_ episode: Int, of episodeCount: Int) {
        values.exploration.beginEpisode(episode, of: episodeCount)
        traces.clear()
        previousValue = 0
    }

    @inlinable @inline(__always) @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        values.loadCurrent(transition.observation)
        let action = values.actionSpace.index(of: transition.action)
        let actionCount = values.actionCount
        let value = values.value(of: values.current, action: action)
        values.loadNext(transition.nextObservation)
        var nextValue = 0.0
        var nextAction: Int?
        if !transition.terminated {
            let chosen = values.action(over: values.next, mode: .training)
            nextValue = values.value(of: values.next, action: chosen)
            nextAction = chosen
        }
        let alpha = values.stepSize, decay = values.exploration.discount * settings.lambda
        let delta = transition.reward + values.exploration.discount * nextValue - value
        // zᵀx with the traces before this step's decay.
        var tracesAlongFeatures = 0.0
        for slot in 0..<values.current.count {
            tracesAlongFeatures += traces[values.current.indices[slot] &* actionCount &+ action] * values.current.values[slot]
        }
        traces.scale(by: decay)
        let growth = 1 - alpha * decay * tracesAlongFeatures
        for slot in 0..<values.current.count {
            traces.add(growth * values.current.values[slot], at: values.current.indices[slot] &* actionCount &+ action)
        }
        traces.addScaled(alpha * (delta + value - previousValue), to: &values.weights)
        values.add(-alpha * (value - previousValue), along: values.current, action: action)
        previousValue = nextValue
        values.advance(to: transition.nextObservation)
        return nextAction.map { values.actionSpace.element(at: $0) }
    }
}
