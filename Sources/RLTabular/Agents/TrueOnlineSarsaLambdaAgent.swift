import RLCore

/// True online Sarsa(λ) on a table (Sutton & Barto §12.8, the box, with one-hot features: x(S, A)
/// is the pair's entry): with Q = Q(S, A) and Q′ = Q(S′, A′) (0 when S′ is terminal),
/// δ = R + γQ′ − Q; z ← γλz, then z(S, A) grows by 1 − αγλ z_old(S, A) (dutch traces);
/// Q ← Q + α(δ + Q − Q_old) z, and Q(S, A) loses α(Q − Q_old); Q_old ← Q′. Traces and Q_old
/// start at zero in every episode. The linear form (`RLLinear`) runs the same box over any
/// features; over one-hot features the two agree.
///
/// As in the tabular Sarsa(λ), only live traces are swept and a trace below ``traceCutoff`` in
/// size is dropped.
public struct TrueOnlineSarsaLambdaAgent<ObservationSpace: FiniteSpace, ActionSpace: FiniteSpace>: EpsilonGreedyAgent {
    /// Traces smaller than this in size are set to zero.
    public static var traceCutoff: Double { 1e-10 }

    public let observationSpace: ObservationSpace
    public let actionSpace: ActionSpace
    public var table: QTable
    public let settings: TrueOnlineSarsaLambdaSettings
    public var exploration: EpsilonGreedy
    /// z, flat like the table.
    @usableFromInline var traces: [Double]
    /// The flat indices whose trace is live.
    @usableFromInline var live: [Int]
    @usableFromInline var isLive: [Bool]
    /// Q_old: the last step's Q′.
    @usableFromInline var previousValue = 0.0

    public init(
        observationSpace: ObservationSpace, actionSpace: ActionSpace,
        hyperparameters: Hyperparameters, settings: TrueOnlineSarsaLambdaSettings, seed: UInt64
    ) {
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
        self.settings = settings
        table = QTable(observationSpace: observationSpace, actionSpace: actionSpace)
        exploration = EpsilonGreedy(hyperparameters: hyperparameters, seed: seed)
        traces = Array(repeating: 0, count: table.count)
        isLive = Array(repeating: false, count: table.count)
        live = []
        live.reserveCapacity(min(table.count, 1 << 16))
    }

    @inlinable public mutating func ownLearnedTables() { table.makeUnique() }

    /// Moves ε and α along their schedules; traces and Q_old start at zero.
    public mutating func beginEpisode(_ episode: Int, of episodeCount: Int) {
        exploration.beginEpisode(episode, of: episodeCount)
        for flat in live {
            traces[flat] = 0
            isLive[flat] = false
        }
        live.removeAll(keepingCapacity: true)
        previousValue = 0
    }

    @inlinable @discardableResult
    public mutating func learn(from transition: Transition<Observation, Action>) -> Action? {
        let state = observationSpace.index(of: transition.observation)
        let action = actionSpace.index(of: transition.action)
        let value = table[state, action]
        var nextValue = 0.0
        var nextAction: Int?
        if !transition.terminated {
            let nextState = observationSpace.index(of: transition.nextObservation)
            let chosen = exploration.action(in: table, state: nextState, of: observationSpace, mode: .training)
            nextValue = table[nextState, chosen]
            nextAction = chosen
        }
        let alpha = exploration.learningRate, decay = exploration.discount * settings.lambda
        let delta = transition.reward + exploration.discount * nextValue - value
        let pair = state &* table.actionCount &+ action
        let growth = 1 - alpha * decay * traces[pair]
        if !isLive[pair] {
            isLive[pair] = true
            live.append(pair)
        }
        table.recordVisitInPlace(state: state, action: action)
        let step = alpha * (delta + value - previousValue)
        var index = 0
        while index < live.count {
            let flat = live[index]
            var trace = traces[flat] * decay
            if flat == pair { trace += growth }
            table.addInPlace(step * trace, atFlatIndex: flat)
            if abs(trace) < Self.traceCutoff {
                traces[flat] = 0
                isLive[flat] = false
                live[index] = live[live.count - 1]
                live.removeLast()
            } else {
                traces[flat] = trace
                index += 1
            }
        }
        table.addInPlace(-alpha * (value - previousValue), atFlatIndex: pair)
        previousValue = nextValue
        return nextAction.map { actionSpace.element(at: $0) }
    }
}

/// What true online Sarsa(λ) needs beyond the shared settings: λ.
public struct TrueOnlineSarsaLambdaSettings: AgentSettings {
    /// How far credit reaches back: 0 is one-step Sarsa.
    public var lambda = 0.9

    public init() {}
    public init(lambda: Double) { self.lambda = lambda }

    public func validate() throws(SettingError) {
        guard lambda >= 0 && lambda <= 1 else { throw SettingError("lambda must be in 0...1, got \(lambda)") }
    }
}

/// `true-online-sarsa-lambda`.
public enum TrueOnlineSarsaLambda: AgentRegistration {
    public static let id = "true-online-sarsa-lambda"
    public static let summary = "True online Sarsa(λ) with dutch traces (S&B §12.8)"
    public static var flags: [SettingFlag<TrueOnlineSarsaLambdaSettings>] {
        [.number("lambda", \.lambda, in: 0...1, help: "Trace decay λ (default 0.9).")]
    }
    public static let sharedSettings: Set<SharedSetting> = [.learningRate, .discount, .epsilon]
    public static let extraTensorNames: [String] = []
    public static func open<Body: AgentBody>(_ body: inout Body) {
        body.run(TrueOnlineSarsaLambdaAgent<Body.ObservationSpace, Body.ActionSpace>.self)
    }
}
