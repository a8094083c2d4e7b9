import RLCore
import RLFeatures

/// One-step actor–critic (episodic), for estimating π_θ ≈ π* (Sutton & Barto, 2nd ed., §13.5,
/// the box on p. 332): a soft-max policy in linear preferences (``SoftmaxLinearPolicy``, the
/// actor) and a linear state value v̂(s, w) = wᵀx(s) (the critic), both learned at every step.
///
///     I ← 1 at the episode's first step
///     A ~ π(·|S, θ); take A, observe S′, R
///     δ ← R + γ v̂(S′, w) − v̂(S, w)         (v̂(S′, w) = 0 when S′ is terminal)
///     w ← w + α^w δ ∇v̂(S, w)                (∇v̂(S, w) = x(S))
///     θ ← θ + α^θ I δ ∇ ln π(A|S, θ)
///     I ← γ I;  S ← S′
///
/// δ is computed once, before w moves, and serves both updates, as in the box. A step cap
/// (truncated, not terminated) is not the end of the task: δ bootstraps from v̂(S′, w) there, and
/// the next episode starts again with I = 1. A table is the case of one-hot features.
///
/// The policy is stochastic by design, so `evaluation` draws from it too (as ``Reinforce``).
public struct OneStepActorCritic<PolicyFeatures: FeatureMap, ValueFeatures: FeatureMap, ActionSpace: FiniteSpace>: Agent
where ValueFeatures.Observation == PolicyFeatures.Observation {
    public typealias Observation = PolicyFeatures.Observation
    public typealias Action = ActionSpace.Element

    public struct Settings: Sendable, Equatable {
        /// α^θ, the actor's step size.
        public var policyStepSize: Double
        /// α^w, the critic's step size.
        public var valueStepSize: Double
        /// γ.
        public var discount: Double

        public init(policyStepSize: Double, valueStepSize: Double, discount: Double = 1) {
            self.policyStepSize = policyStepSize
            self.valueStepSize = valueStepSize
            self.discount = discount
        }
    }

    public let actionSpace: ActionSpace
    public let settings: Settings
    /// π(a|s, θ), with θ.
    public var policy: SoftmaxLinearPolicy<PolicyFeatures> { storedPolicy }
    @usableFromInline var storedPolicy: SoftmaxLinearPolicy<PolicyFeatures>
    /// x(s) of the critic.
    public let valueFeatures: ValueFeatures
    /// w, one weight per value feature (0 at first).
    public var valueWeights: [Double] { storedValueWeights }
    @usableFromInline var storedValueWeights: [Double]
    /// I, γᵗ at the episode's step t.
    public var discounting: Double { storedDiscounting }
    @usableFromInline var storedDiscounting = 1.0
    @usableFromInline var generator: Xoshiro256StarStar
    @usableFromInline var active: ActiveFeatures

    /// - Parameters:
    ///   - weights: θ's first values (0 when `nil`), action-major.
    ///   - valueWeights: w's first values (0 when `nil`).
    public init(
        policyFeatures: PolicyFeatures, valueFeatures: ValueFeatures, actionSpace: ActionSpace, settings: Settings,
        weights: [Double]? = nil, valueWeights: [Double]? = nil, seed: UInt64
    ) {
        precondition(valueWeights == nil || valueWeights!.count == valueFeatures.featureCount, "w needs one weight per feature")
        self.actionSpace = actionSpace
        self.settings = settings
        storedPolicy = SoftmaxLinearPolicy(features: policyFeatures, actionCount: actionSpace.count, weights: weights)
        self.valueFeatures = valueFeatures
        storedValueWeights = valueWeights ?? Array(repeating: 0, count: valueFeatures.featureCount)
        active = valueFeatures.makeActiveFeatures()
        generator = Xoshiro256StarStar(seed: seed)
    }

    /// v̂(s, w) = wᵀx(s).
    public func value(of observation: Observation) -> Double {
        valueFeatures.activeFeatures(of: observation).withActive { indices, values in
            var total = 0.0
            for slot in indices.indices { total += storedValueWeights[indices[slot]] * values[slot] }
            return total
        }
    }

    /// A draw from π(·|s, θ), in either mode.
    @inlinable public mutating func action(for observation: Observation, mode: AgentMode) -> Action {
        storedPolicy.evaluate(observation)
        return actionSpace.element(at: storedPolicy.sample(generator.nextUnitDouble()))
    }

    /// v̂(s, w) for the features in ``active``.
    @inlinable func activeValue() -> Double {
        active.withActive { indices, values in
            var total = 0.0
            for slot in indices.indices { total += storedValueWeights[indices[slot]] * values[slot] }
            return total
        }
    }

    /// One step of the box: δ, then w, then θ, then I.
    @inlinable @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        var following = 0.0  // v̂(S′, w), 0 at a terminal state
        if !transition.terminated {
            valueFeatures.activeFeatures(of: transition.nextObservation, into: &active)
            following = activeValue()
        }
        valueFeatures.activeFeatures(of: transition.observation, into: &active)
        let error = transition.reward + settings.discount * following - activeValue()  // δ
        let active = self.active  // read while w is written
        active.withActive { indices, values in
            for slot in indices.indices { storedValueWeights[indices[slot]] += settings.valueStepSize * error * values[slot] }
        }
        storedPolicy.evaluate(transition.observation)
        storedPolicy.ascend(actionSpace.index(of: transition.action), by: settings.policyStepSize * storedDiscounting * error)
        storedDiscounting *= settings.discount
        if transition.terminated || transition.truncated { storedDiscounting = 1 }
        return nil
    }
}
