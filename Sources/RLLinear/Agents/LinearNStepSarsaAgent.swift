import RLCore
import RLFeatures
import RLTabular

/// Episodic semi-gradient n-step Sarsa (Sutton & Barto §10.2, the box on p. 247): the last n + 1
/// states' features, actions and rewards are kept (the box's "index mod n + 1"); at time t,
/// after R_{t+1} and S_{t+1} are observed and A_{t+1} is chosen ε-greedily with the current w,
/// the pair of time τ = t − n + 1 is updated:
/// G = Σ_{i=τ+1}^{min(τ+n, T)} γ^{i−τ−1} R_i, plus γⁿ q̂(S_{τ+n}, A_{τ+n}) when τ + n < T, and
/// w ← w + α [G − q̂(S_τ, A_τ)] x(S_τ) for A_τ. When S_{t+1} is terminal (T = t + 1) the pairs
/// still waiting (τ up to T − 1) are updated at once, their returns cut at T. A step cap that
/// truncates the episode is not the end of the task: the waiting pairs are updated with returns
/// cut at t + 1 that bootstrap from q̂(S_{t+1}, A_{t+1}). With n = 1 it is ``LinearSarsaAgent``'s update.
public struct LinearNStepSarsaAgent<Features: FeatureMap, ActionSpace: FiniteSpace & Sendable>: LinearAgent
where Features.Observation: Equatable & Sendable {
    public var values: LinearActionValues<Features, ActionSpace>
    public let settings: NStepSarsaSettings
    /// x(S_t), A_t and R_t of the last n + 1 times, at t mod (n + 1).
    @usableFromInline var storedFeatures: [ActiveFeatures]
    @usableFromInline var storedActions: [Int]
    @usableFromInline var storedRewards: [Double]
    /// t: transitions learned from in this episode.
    @usableFromInline var time = 0

    public init(
        features: Features, actionSpace: ActionSpace, hyperparameters: Hyperparameters, settings: NStepSarsaSettings, seed: UInt64
    ) {
        values = LinearActionValues(features: features, actionSpace: actionSpace, hyperparameters: hyperparameters, seed: seed)
        self.settings = settings
        storedFeatures = Array(repeating: features.makeActiveFeatures(), count: settings.steps + 1)
        storedActions = Array(repeating: 0, count: settings.steps + 1)
        storedRewards = Array(repeating: 0, count: settings.steps + 1)
    }

    /// n.
    @inlinable public var steps: Int { settings.steps }

    /// Moves ε and α along their schedules; the episode's memory starts empty (t = 0).
    public mutating func beginEpisode(_ episode: Int, of episodeCount: Int) {
        values.exploration.beginEpisode(episode, of: episodeCount)
        time = 0
    }

    @inlinable @inline(__always) @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        let slots = steps + 1, t = time
        let slot = t % slots, nextSlot = (t + 1) % slots
        // S_t and A_t (stored at t − 1 as S_{t+1} and A_{t+1}, except at t = 0).
        if t == 0 { values.features.activeFeatures(of: transition.observation, into: &storedFeatures[slot]) }
        storedActions[slot] = values.actionSpace.index(of: transition.action)
        storedRewards[nextSlot] = transition.reward
        var nextAction: Int?
        if !transition.terminated {
            values.features.activeFeatures(of: transition.nextObservation, into: &storedFeatures[nextSlot])
            let chosen = values.action(over: storedFeatures[nextSlot], mode: .training)
            storedActions[nextSlot] = chosen
            nextAction = chosen
        }
        time = t + 1
        let tau = t - steps + 1
        if transition.terminated || transition.truncated {
            // T = t + 1 (or the cap): every pair still waiting is updated now.
            for waiting in max(tau, 0)...t { update(at: waiting, horizon: t + 1, bootstraps: !transition.terminated) }
        } else if tau >= 0 {
            update(at: tau, horizon: tau + steps, bootstraps: true)
        }
        return nextAction.map { values.actionSpace.element(at: $0) }
    }

    /// w ← w + α [G_{τ:h} − q̂(S_τ, A_τ)] x(S_τ), with G_{τ:h} = Σ_{i=τ+1}^{h} γ^{i−τ−1} R_i, plus
    /// γ^{h−τ} q̂(S_h, A_h) when `bootstraps`.
    @inlinable @inline(__always)
    mutating func update(at tau: Int, horizon: Int, bootstraps: Bool) {
        let slots = steps + 1, discount = values.exploration.discount
        var target = 0.0, power = 1.0
        for index in (tau + 1)...horizon {
            target += power * storedRewards[index % slots]
            power *= discount
        }
        if bootstraps {
            target += power * values.value(of: storedFeatures[horizon % slots], action: storedActions[horizon % slots])
        }
        let slot = tau % slots, action = storedActions[slot]
        let delta = target - values.value(of: storedFeatures[slot], action: action)
        values.add(values.stepSize * delta, along: storedFeatures[slot], action: action)
    }
}

/// n-step Sarsa's one setting.
public struct NStepSarsaSettings: AgentSettings {
    /// The largest n accepted.
    public static let maximumSteps = 4096
    /// n: how many rewards a return sums before it bootstraps (1 is one-step Sarsa).
    public var steps = 4

    public init() {}
    public init(steps: Int) { self.steps = steps }

    public func validate() throws(SettingError) {
        guard (1...Self.maximumSteps).contains(steps) else {
            throw SettingError("steps must be in 1...\(Self.maximumSteps), got \(steps)")
        }
    }
}
