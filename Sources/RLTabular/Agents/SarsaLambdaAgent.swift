import RLCore

/// Sarsa(λ) with eligibility traces (Sutton & Barto, 2nd ed., §12.7; the tabular box of the
/// first edition's Figure 7.11).
///
/// The box: take A, observe R, S′; choose A′ from S′ ε-greedily; δ ← R + γ Q(S′,A′) − Q(S,A);
/// e(S,A) ← e(S,A) + 1 (accumulating) or 1 (replacing; clearing also sets e(S,b) ← 0 for the
/// other actions b, §12.7's variant in Figure 12.11); for every pair: Q ← Q + α δ e,
/// e ← γ λ e; S ← S′; A ← A′. Traces start at zero in every episode.
///
/// Only pairs with a live trace are swept, and a trace that decays below ``traceCutoff`` is
/// dropped: the neglected change is under α · |δ| · 10⁻¹⁰ per step, and a step costs the
/// live traces, not the whole table.
public struct SarsaLambdaAgent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: EpsilonGreedyAgent {
    /// Traces smaller than this are set to zero.
    public static var traceCutoff: Double { 1e-10 }

    public let observationSpace: ObservationSpace
    public let actionSpace: ActionSpace
    public var table: QTable
    public let settings: SarsaLambdaSettings
    public var exploration: EpsilonGreedy
    /// e(s,a), flat like the table.
    @usableFromInline var traces: [Double]
    /// The flat indices whose trace is not zero.
    @usableFromInline var live: [Int]

    public init(
        observationSpace: ObservationSpace, actionSpace: ActionSpace,
        hyperparameters: Hyperparameters, settings: SarsaLambdaSettings, seed: UInt64
    ) {
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
        self.settings = settings
        table = QTable(observationSpace: observationSpace, actionSpace: actionSpace)
        exploration = EpsilonGreedy(hyperparameters: hyperparameters, seed: seed)
        traces = Array(repeating: 0, count: table.count)
        live = []
        live.reserveCapacity(table.count)
    }

    @inlinable public mutating func ownLearnedTables() { table.makeUnique() }

    /// Moves ε and α along their schedules; traces start at zero in every episode.
    public mutating func beginEpisode(_ episode: Int, of episodeCount: Int) {
        exploration.beginEpisode(episode, of: episodeCount)
        clearTraces()
    }

    @inlinable @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        let state = observationSpace.index(of: transition.observation)
        let action = actionSpace.index(of: transition.action)
        var delta = transition.reward - table[state, action]
        var nextAction: Int?
        if !transition.terminated {
            let nextState = observationSpace.index(of: transition.nextObservation)
            let chosen = exploration.action(in: table, state: nextState, of: observationSpace, mode: .training)
            delta += exploration.discount * table[nextState, chosen]
            nextAction = chosen
        }
        let pair = state &* table.actionCount &+ action
        if traces[pair] == 0 { live.append(pair) }
        switch settings.traces {
        case .accumulating: traces[pair] += 1
        case .replacing: traces[pair] = 1
        case .clearing:
            traces[pair] = 1
            // The other actions' traces go to 0; the sweep below drops them from the live list.
            let first = state &* table.actionCount
            for other in first..<first &+ table.actionCount where other != pair { traces[other] = 0 }
        }
        table.recordVisitInPlace(state: state, action: action)

        let step = exploration.learningRate * delta
        let decay = exploration.discount * settings.lambda
        var index = 0
        while index < live.count {
            let flat = live[index]
            table.addInPlace(step * traces[flat], atFlatIndex: flat)
            traces[flat] *= decay
            if traces[flat] < Self.traceCutoff {
                traces[flat] = 0
                live[index] = live[live.count - 1]
                live.removeLast()
            } else {
                index += 1
            }
        }
        if transition.terminated || transition.truncated { clearTraces() }
        return nextAction.map { actionSpace.element(at: $0) }
    }

    @usableFromInline
    mutating func clearTraces() {
        for flat in live { traces[flat] = 0 }
        live.removeAll(keepingCapacity: true)
    }
}

/// How Sarsa(λ)'s traces grow on a visit.
public enum TraceKind: String, Sendable, Codable, CaseIterable {
    /// e ← e + 1.
    case accumulating
    /// e ← 1.
    case replacing
    /// e ← 1, and the traces of the state's other actions ← 0 (Figure 12.11's "replacing traces
    /// ... clearing the traces of other actions", §12.7).
    case clearing
}

/// λ and the kind of traces.
public struct SarsaLambdaSettings: AgentSettings {
    /// How far credit reaches back: 0 is one-step SARSA, 1 is Monte Carlo-like.
    public var lambda = 0.9
    public var traces = TraceKind.accumulating

    public init() {}
    public init(lambda: Double, traces: TraceKind = .accumulating) {
        self.lambda = lambda
        self.traces = traces
    }

    public func validate() throws(SettingError) {
        guard lambda >= 0 && lambda <= 1 else { throw SettingError("lambda must be in 0...1, got \(lambda)") }
    }
}

/// `sarsa-lambda`.
public enum SarsaLambda: AgentRegistration {
    public static let id = "sarsa-lambda"
    public static let summary = "Sarsa(λ) with accumulating, replacing or clearing eligibility traces (S&B §12.7)"
    public static var flags: [SettingFlag<SarsaLambdaSettings>] {
        [
            .number("lambda", \.lambda, in: 0...1, help: "Trace decay λ (default 0.9)."),
            .choice(
                "traces", \.traces,
                help:
                    "Eligibility traces: accumulating (default), replacing, or clearing (replacing, and the other actions' traces set to 0)."
            ),
        ]
    }
    public static let sharedSettings: Set<SharedSetting> = [.learningRate, .discount, .epsilon]
    public static let extraTensorNames: [String] = []
    public static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(SarsaLambdaAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
