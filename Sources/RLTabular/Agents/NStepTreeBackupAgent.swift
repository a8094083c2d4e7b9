import RLCore

/// n-step Tree Backup (Sutton & Barto, 2nd ed., the box of §7.5, p. 154): off-policy n-step
/// learning without importance sampling. The target follows the actions taken while the greedy
/// policy π would have taken them, and at every step adds the values of the actions not taken,
/// weighted by π.
///
/// The box, at step t: take A_t, observe R_{t+1}, S_{t+1}; if S_{t+1} is terminal, T ← t + 1,
/// else choose A_{t+1} (here ε-greedily, the behaviour); τ ← t + 1 − n; if τ ≥ 0: G ← R_T if
/// t + 1 ≥ T, else R_{t+1} + γ Σ_a π(a|S_{t+1}) Q(S_{t+1}, a); for k = min(t, T − 1) down
/// through τ + 1: G ← R_k + γ Σ_{a≠A_k} π(a|S_k) Q(S_k, a) + γ π(A_k|S_k) G; then
/// Q(S_τ, A_τ) ← Q(S_τ, A_τ) + α [G − Q(S_τ, A_τ)]; until τ = T − 1. The last n − 1 updates
/// are made at the episode's last step. π is greedy, ties shared: with m best actions each has
/// π = 1/m, so Σ_a π(a|s) Q(s, a) = max_a Q(s, a) and Σ_{a≠A_k} π(a|S_k) Q(S_k, a) =
/// (1 − π(A_k|S_k)) max_a Q(S_k, a). With n = 1 it is Q-learning.
///
/// A step cap (truncated) ends the episode at a state that is not terminal: the target there is
/// R_{t+1} + γ max_a Q(S_{t+1}, a), as at any other step. A′ is returned to the trainer, which
/// takes it next: the backup follows the actions really taken.
public struct NStepTreeBackupAgent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: EpsilonGreedyAgent {
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
        guard transition.terminated || transition.truncated else {
            actions[next] = exploration.action(in: table, state: states[next], of: observationSpace, mode: .training)
            if t + 1 - n >= 0 { update(t + 1 - n, last: t, terminal: false) }
            time = t + 1
            return actionSpace.element(at: actions[next])
        }
        for tau in max(t + 1 - n, 0)...t { update(tau, last: t, terminal: transition.terminated) }
        time = 0
        return nil
    }

    /// Q(S_τ, A_τ) towards the tree-backup return built backwards from step `last` + 1 (S_{t+1},
    /// terminal or not) to τ + 1.
    @inlinable
    mutating func update(_ tau: Int, last t: Int, terminal: Bool) {
        let n = settings.n, gamma = exploration.discount
        var target = rewards[(t + 1) % (n + 1)]
        if !terminal { target += gamma * table.maxValue(in: states[(t + 1) % (n + 1)], of: observationSpace) }
        var k = t
        while k > tau {
            let state = states[k % (n + 1)], action = actions[k % (n + 1)]
            let legal = observationSpace.legalActions(inState: state)
            let followed = table.greedyProbability(of: action, in: state, legal: legal)
            target = rewards[k % (n + 1)] + gamma * ((1 - followed) * table.maxValue(in: state, legal: legal) + followed * target)
            k -= 1
        }
        table.moveInPlace(state: states[tau % (n + 1)], action: actions[tau % (n + 1)], towards: target, rate: exploration.learningRate)
    }
}

/// `n-step-tree-backup`.
public enum NStepTreeBackup: AgentRegistration {
    public static let id = "n-step-tree-backup"
    public static let summary = "n-step Tree Backup (off-policy without importance sampling, learns the greedy policy, S&B §7.5)"
    public static var flags: [SettingFlag<NStepSettings>] {
        [.integer("n", \.n, in: 1...NStepSettings.largestN, help: "Steps the backup follows before it bootstraps, n (default 4).")]
    }
    public static let sharedSettings: Set<SharedSetting> = [.learningRate, .discount, .epsilon]
    public static let extraTensorNames: [String] = []
    public static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(NStepTreeBackupAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
