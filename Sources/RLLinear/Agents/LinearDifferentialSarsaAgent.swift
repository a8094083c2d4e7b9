import RLCore
import RLFeatures
import RLTabular

/// Differential semi-gradient Sarsa for a continuing task (Sutton & Barto §10.3, the box on
/// p. 251): no discount; an estimate R̄ of the average reward per step stands in for it. Take A,
/// observe R and S′; choose A′ from S′ ε-greedily with the current w;
/// δ = R − R̄ + q̂(S′, A′, w) − q̂(S, A, w); R̄ ← R̄ + β δ; w ← w + α δ x(S) for A; then A′ is
/// the action taken. w = 0 and R̄ = 0 at the start (the book's Example 10.2).
///
/// With one-hot features (``OneHotFeatures``) it is the tabular case of Example 10.2: a value per
/// state-action pair. γ is not read. A terminated step (the task's end, which a continuing task
/// never reaches) bootstraps from nothing: δ = R − R̄ − q̂(S, A). A truncated one (a
/// ``TimeLimit``) bootstraps as any other, and R̄ is kept from episode to episode.
public struct LinearDifferentialSarsaAgent<Features: FeatureMap, ActionSpace: FiniteSpace & Sendable>: LinearAgent
where Features.Observation: Equatable & Sendable {
    public var values: LinearActionValues<Features, ActionSpace>
    public let settings: DifferentialSarsaSettings
    /// R̄, the estimate of the average reward per step.
    public var averageReward = 0.0

    public init(
        features: Features, actionSpace: ActionSpace, hyperparameters: Hyperparameters, settings: DifferentialSarsaSettings, seed: UInt64
    ) {
        values = LinearActionValues(features: features, actionSpace: actionSpace, hyperparameters: hyperparameters, seed: seed)
        self.settings = settings
    }

    @inlinable @inline(__always) @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        values.loadCurrent(transition.observation)
        let action = values.actionSpace.index(of: transition.action)
        // δ = R − R̄ + q̂(S′, A′) − q̂(S, A), all with the w and R̄ from before this step.
        var delta = transition.reward - averageReward - values.value(of: values.current, action: action)
        var nextAction: Int?
        values.loadNext(transition.nextObservation)
        if !transition.terminated {
            let chosen = values.action(over: values.next, mode: .training)
            delta += values.value(of: values.next, action: chosen)
            nextAction = chosen
        }
        averageReward += settings.averageRewardStepSize * delta
        values.add(values.stepSize * delta, along: values.current, action: action)
        values.advance(to: transition.nextObservation)
        return nextAction.map { values.actionSpace.element(at: $0) }
    }

    /// R̄, saved beside the weights so a resumed run continues with it.
    public var extraTensors: [String: Tensor] {
        [Self.averageRewardTensor: Tensor(shape: [1], floats: [averageReward])]
    }

    /// The name of R̄'s tensor in a policy file.
    public static var averageRewardTensor: String { DifferentialSarsaSettings.averageRewardTensor }

    /// Puts back saved weights and R̄.
    /// - Throws: when the weights do not fit, or R̄ is missing or not one number.
    public mutating func restore(table: QTable, extraTensors: [String: Tensor]) throws(PolicyFileError) {
        guard let tensor = extraTensors[Self.averageRewardTensor], tensor.shape == [1], case .floats(let saved) = tensor.values,
            let value = saved.first, value.isFinite
        else { throw PolicyFileError("the policy has no \(Self.averageRewardTensor): one finite number") }
        try restore(weights: table)
        averageReward = value
    }
}
