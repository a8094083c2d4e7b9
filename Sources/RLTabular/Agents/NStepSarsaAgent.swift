import RLCore

/// n-step SARSA (Sutton & Barto, 2nd ed., the box of §7.2, p. 147): SARSA whose target is the
/// n-step return, the next n rewards and then the value of the pair reached n steps later.
///
/// The box, at step t: take A_t, observe R_{t+1}, S_{t+1}; if S_{t+1} is terminal, T ← t + 1,
/// else select A_{t+1} ε-greedily from S_{t+1}; τ ← t − n + 1; if τ ≥ 0:
/// G ← Σ_{i=τ+1}^{min(τ+n, T)} γ^{i−τ−1} R_i, plus γ^n Q(S_{τ+n}, A_{τ+n}) if τ + n < T, and
/// Q(S_τ, A_τ) ← Q(S_τ, A_τ) + α [G − Q(S_τ, A_τ)]; until τ = T − 1. The last n − 1 updates,
/// which the box makes while t runs past T, are made at the episode's last step. A′ is returned
/// to the trainer, which takes it next, as SARSA's.
///
/// A step cap (truncated) ends the episode at a state that is not terminal: the last updates
/// bootstrap from it, with the A′ the policy chooses there (as ``SarsaAgent`` does). S, A and R
/// of the last n + 1 steps are kept in preallocated rings, the box's "mod n + 1" storage.
public struct NStepSarsaAgent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: EpsilonGreedyAgent {
    public let observationSpace: ObservationSpace
    public let actionSpace: ActionSpace
    public var table: QTable
    public var exploration: EpsilonGreedy
    public let settings: NStepSettings
    @inlinable public mutating func ownLearnedTables() { table.makeUnique() }
    /// S_t, A_t and R_t by t mod (n + 1) (R_0 unused).
    @usableFromInline var states: [Int]
    @usableFromInline var actions: [Int]
    @usableFromInline var rewards: [Double]
    /// t: the steps learned from so far in this episode (0 between episodes).
    @usableFromInline var time = 0

    public init(
        observationSpace: ObservationSpace, actionSpace: ActionSpace,
        hyperparameters: Hyperparameters, settings: NStepSettings, seed: UInt64
    ) {
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
        self.settings = settings
        table = QTable(observationSpace: observationSpace, actionSpace: actionSpace)
        exploration = EpsilonGreedy(hyperparameters: hyperparameters, seed: seed)
        states = Array(repeating: 0, count: settings.n + 1)
        actions = Array(repeating: 0, count: settings.n + 1)
        rewards = Array(repeating: 0, count: settings.n + 1)
    }

    @inlinable @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        let n = settings.n, t = time
        if t == 0 {
            states[0] = observationSpace.index(of: transition.observation)
            actions[0] = actionSpace.index(of: transition.action)
        }
        let next = (t + 1) % (n + 1)
        rewards[next] = transition.reward
        states[next] = observationSpace.index(of: transition.nextObservation)
        if !transition.terminated {
            actions[next] = exploration.action(in: table, state: states[next], of: observationSpace, mode: .training)
        }
        guard transition.terminated || transition.truncated else {
            if t - n + 1 >= 0 { update(t - n + 1, through: t + 1, bootstrapping: true) }
            time = t + 1
            return actionSpace.element(at: actions[next])
        }
        // T = t + 1: the updates of τ = t − n + 1, …, T − 1, bootstrapping only past a step cap.
        for tau in max(t - n + 1, 0)...t { update(tau, through: t + 1, bootstrapping: !transition.terminated) }
        time = 0
        return nil
    }

    /// Q(S_τ, A_τ) towards the return of the rewards R_{τ+1}, …, R_h, h = min(τ + n, end), then
    /// γ^{h−τ} Q(S_h, A_h) when `bootstrapping` or h is not the end.
    @inlinable
    mutating func update(_ tau: Int, through end: Int, bootstrapping: Bool) {
        let n = settings.n, horizon = min(tau + n, end)
        var target = 0.0, discount = 1.0
        for i in (tau + 1)...horizon {
            target += discount * rewards[i % (n + 1)]
            discount *= exploration.discount
        }
        if horizon < end || bootstrapping { target += discount * table[states[horizon % (n + 1)], actions[horizon % (n + 1)]] }
        table.moveInPlace(state: states[tau % (n + 1)], action: actions[tau % (n + 1)], towards: target, rate: exploration.learningRate)
    }
}

/// How many steps an n-step method looks ahead.
public struct NStepSettings: AgentSettings {
    /// n: the rewards summed before the target bootstraps.
    public var n = 4
    /// The largest n: the agent keeps n + 1 steps and sums n rewards at every step.
    public static let largestN = 10_000

    public init() {}
    public init(n: Int) { self.n = n }

    public func validate() throws(SettingError) {
        guard (1...Self.largestN).contains(n) else { throw SettingError("n must be in 1...\(Self.largestN), got \(n)") }
    }
}

/// `n-step-sarsa`.
public enum NStepSarsa: AgentRegistration {
    public static let id = "n-step-sarsa"
    public static let summary = "n-step SARSA (on-policy, the n-step return, S&B §7.2)"
    public static var flags: [SettingFlag<NStepSettings>] {
        [.integer("n", \.n, in: 1...NStepSettings.largestN, help: "Steps of rewards before the target bootstraps, n (default 4).")]
    }
    public static let sharedSettings: Set<SharedSetting> = [.learningRate, .discount, .epsilon]
    public static let extraTensorNames: [String] = []
    public static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(NStepSarsaAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
