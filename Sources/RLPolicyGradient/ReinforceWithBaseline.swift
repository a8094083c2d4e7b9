import RLCore
import RLFeatures

/// REINFORCE with baseline (episodic), for estimating π_θ ≈ π* (Sutton & Barto, 2nd ed., §13.4,
/// the box on p. 330): ``Reinforce`` with a learned state value v̂(s, w) = wᵀx(s) subtracted from
/// the return. After each episode, for t = 0, 1, …, T − 1 in order:
///
///     G ← Σ_{k=t+1}^{T} γ^{k−t−1} R_k
///     δ ← G − v̂(S_t, w)
///     w ← w + α^w δ ∇v̂(S_t, w)          (∇v̂(S_t, w) = x(S_t))
///     θ ← θ + α^θ γᵗ δ ∇ ln π(A_t|S_t, θ)
///
/// δ is computed once, before w moves, and serves both updates, as in the box (the Python
/// reproduction recomputes it after w's update). Some printings carry γᵗ in w's update too
/// (from memory); with γ = 1, as in Figure 13.2, the two agree.
public struct ReinforceWithBaseline<PolicyFeatures: FeatureMap, ValueFeatures: FeatureMap, ActionSpace: FiniteSpace>: EpisodicAgent
where ValueFeatures.Observation == PolicyFeatures.Observation {
    public typealias Observation = PolicyFeatures.Observation
    public typealias Action = ActionSpace.Element

    public struct Settings: Sendable, Equatable {
        /// α^θ, the policy's step size.
        public var policyStepSize: Double
        /// α^w, the baseline's step size.
        public var valueStepSize: Double
        /// γ.
        public var discount: Double
        /// See ``SoftmaxLinearPolicy``: 0 is the book's policy.
        public var minimumProbability: Double

        public init(policyStepSize: Double, valueStepSize: Double, discount: Double = 1, minimumProbability: Double = 0) {
            self.policyStepSize = policyStepSize
            self.valueStepSize = valueStepSize
            self.discount = discount
            self.minimumProbability = minimumProbability
        }
    }

    public let actionSpace: ActionSpace
    public let settings: Settings
    /// π(a|s, θ), with θ.
    public var policy: SoftmaxLinearPolicy<PolicyFeatures> { storedPolicy }
    @usableFromInline var storedPolicy: SoftmaxLinearPolicy<PolicyFeatures>
    /// x(s) of the baseline.
    public let valueFeatures: ValueFeatures
    /// w, one weight per value feature (0 at first).
    public var valueWeights: [Double] { storedValueWeights }
    @usableFromInline var storedValueWeights: [Double]
    @usableFromInline var generator: Xoshiro256StarStar
    @usableFromInline var returns: [Double] = []
    @usableFromInline var active: ActiveFeatures

    /// - Parameter weights: θ's first values (0 when `nil`), action-major.
    public init(
        policyFeatures: PolicyFeatures, valueFeatures: ValueFeatures, actionSpace: ActionSpace, settings: Settings,
        weights: [Double]? = nil, seed: UInt64
    ) {
        self.actionSpace = actionSpace
        self.settings = settings
        storedPolicy = SoftmaxLinearPolicy(
            features: policyFeatures, actionCount: actionSpace.count, weights: weights,
            minimumProbability: settings.minimumProbability)
        self.valueFeatures = valueFeatures
        storedValueWeights = Array(repeating: 0, count: valueFeatures.featureCount)
        active = valueFeatures.makeActiveFeatures()
        generator = Xoshiro256StarStar(seed: seed)
    }

    /// v̂(s, w) = wᵀx(s).
    public func value(of observation: Observation) -> Double {
        valueFeatures.activeFeatures(of: observation).withActive { indices, values in
            var total = 0.0
            for slot in indices.indices { total += valueWeights[indices[slot]] * values[slot] }
            return total
        }
    }

    /// A draw from π(·|s, θ), in either mode (see ``Reinforce``).
    @inlinable public mutating func action(for observation: Observation, mode: AgentMode) -> Action {
        storedPolicy.evaluate(observation)
        return actionSpace.element(at: storedPolicy.sample(generator.nextUnitDouble()))
    }

    @inlinable public mutating func learn(fromEpisode episode: EpisodeBuffer<Observation, Action>) {
        computeReturns(episode, discount: settings.discount, into: &returns)
        var discounting = 1.0  // γᵗ
        for (t, step) in episode.transitions.enumerated() {
            valueFeatures.activeFeatures(of: step.observation, into: &active)
            let active = self.active  // read while w is written
            let error = active.withActive { indices, values in  // δ
                var estimate = 0.0
                for slot in indices.indices { estimate += storedValueWeights[indices[slot]] * values[slot] }
                let error = returns[t] - estimate
                for slot in indices.indices { storedValueWeights[indices[slot]] += settings.valueStepSize * error * values[slot] }
                return error
            }
            storedPolicy.evaluate(step.observation)
            storedPolicy.ascend(actionSpace.index(of: step.action), by: settings.policyStepSize * discounting * error)
            discounting *= settings.discount
        }
    }
}
