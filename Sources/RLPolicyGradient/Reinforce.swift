import RLCore
import RLFeatures

/// REINFORCE: Monte-Carlo policy-gradient control (episodic) for π* (Sutton & Barto, 2nd ed.,
/// §13.3, the box on p. 328), with a soft-max policy in linear preferences
/// (``SoftmaxLinearPolicy``). After each episode S₀, A₀, R₁, …, S_{T−1}, A_{T−1}, R_T, for
/// t = 0, 1, …, T − 1 in order:
///
///     G ← Σ_{k=t+1}^{T} γ^{k−t−1} R_k
///     θ ← θ + α γᵗ G ∇ ln π(A_t|S_t, θ)
///
/// each eligibility vector taken at θ as updated so far in the episode, as the box's loop does.
/// The policy is stochastic by design, so `evaluation` draws from it too: its most probable
/// action is another policy, which on Example 13.1's corridor never ends an episode.
public struct Reinforce<Features: FeatureMap, ActionSpace: FiniteSpace>: EpisodicAgent {
    public typealias Observation = Features.Observation
    public typealias Action = ActionSpace.Element

    public struct Settings: Sendable, Equatable {
        /// α.
        public var stepSize: Double
        /// γ.
        public var discount: Double
        /// See ``SoftmaxLinearPolicy``: 0 is the book's policy.
        public var minimumProbability: Double

        public init(stepSize: Double, discount: Double = 1, minimumProbability: Double = 0) {
            self.stepSize = stepSize
            self.discount = discount
            self.minimumProbability = minimumProbability
        }
    }

    public let actionSpace: ActionSpace
    public let settings: Settings
    /// π(a|s, θ), with θ.
    public var policy: SoftmaxLinearPolicy<Features> { storedPolicy }
    @usableFromInline var storedPolicy: SoftmaxLinearPolicy<Features>
    @usableFromInline var generator: Xoshiro256StarStar
    /// G_t of the last episode, t = 0…T − 1 (storage kept).
    @usableFromInline var returns: [Double] = []

    /// - Parameter weights: θ's first values (0 when `nil`), action-major.
    public init(features: Features, actionSpace: ActionSpace, settings: Settings, weights: [Double]? = nil, seed: UInt64) {
        self.actionSpace = actionSpace
        self.settings = settings
        storedPolicy = SoftmaxLinearPolicy(
            features: features, actionCount: actionSpace.count, weights: weights, minimumProbability: settings.minimumProbability)
        generator = Xoshiro256StarStar(seed: seed)
    }

    /// A draw from π(·|s, θ), in either mode.
    @inlinable public mutating func action(for observation: Observation, mode: AgentMode) -> Action {
        storedPolicy.evaluate(observation)
        return actionSpace.element(at: storedPolicy.sample(generator.nextUnitDouble()))
    }

    @inlinable public mutating func learn(fromEpisode episode: EpisodeBuffer<Observation, Action>) {
        computeReturns(episode, discount: settings.discount, into: &returns)
        var discounting = 1.0  // γᵗ
        for (t, step) in episode.transitions.enumerated() {
            storedPolicy.evaluate(step.observation)
            storedPolicy.ascend(actionSpace.index(of: step.action), by: settings.stepSize * discounting * returns[t])
            discounting *= settings.discount
        }
    }
}

/// G_t = R_{t+1} + γ G_{t+1} for every step of `episode`, walking backwards (G_T = 0).
@inlinable func computeReturns<Observation, Action>(
    _ episode: EpisodeBuffer<Observation, Action>, discount: Double, into returns: inout [Double]
) {
    let transitions = episode.transitions
    returns.removeAll(keepingCapacity: true)
    returns.append(contentsOf: repeatElement(0, count: transitions.count))
    var following = 0.0
    for t in transitions.indices.reversed() {
        following = transitions[t].reward + discount * following
        returns[t] = following
    }
}
