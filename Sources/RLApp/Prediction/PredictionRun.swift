import RLCore
import RLPrediction

/// How `rl predict` learns state values: the book's tabular prediction methods.
public enum PredictionMethod: String, CaseIterable, Sendable, Codable {
    /// TD(0) (§6.1, box p. 120).
    case td
    /// n-step TD (§7.1, box p. 144), n from ``PredictionSettings/steps``.
    case nStepTD = "n-step-td"
    /// Constant-α Monte Carlo (§6.1, eq. 6.1): every-visit, V(S) ← V(S) + α[G − V(S)].
    case monteCarlo = "monte-carlo"
    /// First-visit Monte Carlo with sample averages (§5.1, box p. 92): no step size.
    case firstVisitMonteCarlo = "first-visit-monte-carlo"
}

/// What a prediction run evaluates and how: the method, its step size, the runs.
public struct PredictionSettings: Sendable, Equatable {
    public var method = PredictionMethod.td
    /// α (not read by first-visit Monte Carlo, which averages).
    public var stepSize = 0.1
    /// n of n-step TD.
    public var steps = 4
    /// γ.
    public var discount = 1.0
    /// V before any episode (Example 6.2 starts at 0.5).
    public var initialValue = 0.0
    public var episodes = 100
    public var runs = 100
    public var seed: UInt64 = 1

    public init() {}

    /// The most episodes of all runs together: a run of the book's size is far below it.
    public static let maximumTotalEpisodes = 100_000_000

    /// - Throws: a setting out of range, in one line.
    public func validate() throws(SettingError) {
        guard stepSize.isFinite, stepSize > 0, stepSize <= 1 else { throw SettingError("--step-size must be in (0, 1], got \(stepSize)") }
        guard (1...10_000).contains(steps) else { throw SettingError("--n must be in 1...10000, got \(steps)") }
        guard discount.isFinite, (0...1).contains(discount) else { throw SettingError("--discount must be in 0...1, got \(discount)") }
        guard initialValue.isFinite, abs(initialValue) <= 1e9 else {
            throw SettingError("--initial-value must be a finite number of at most 1e9 in size, got \(initialValue)")
        }
        guard (1...1_000_000).contains(episodes) else { throw SettingError("--episodes must be in 1...1000000, got \(episodes)") }
        guard (1...100_000).contains(runs) else { throw SettingError("--runs must be in 1...100000, got \(runs)") }
        guard episodes * runs <= Self.maximumTotalEpisodes else {
            throw SettingError("--episodes × --runs must be at most \(Self.maximumTotalEpisodes), got \(episodes * runs)")
        }
    }
}

/// What a prediction run learned: the estimates, the true values when the model gives them,
/// and the RMS error after every episode (the curves of Example 6.2 and Figure 7.2).
public struct PredictionOutcome: Sendable, Equatable {
    /// The states the error is measured over: those the policy can reach from a start state
    /// without the episode ending on the way (the book's non-terminal states).
    public var states: [Int]
    /// v_π of ``states``, by iterative policy evaluation of the model; `nil` when it did not
    /// settle (a policy that may never end an episode, with γ = 1).
    public var trueValues: [Double]?
    /// The estimates of ``states`` after the last episode, averaged over the runs.
    public var values: [Double]
    /// After each episode, the RMS error over ``states`` averaged over the runs (empty without
    /// true values).
    public var errors: [Double]
    /// Runs played to their end (fewer than asked when stopped).
    public var runs: Int
}

/// Prediction as its own mode (Sutton & Barto ch. 6, 7, 9): a fixed policy, the equiprobable
/// random one over the actions each state allows, plays episodes sampled from a world's model,
/// and an estimator learns v_π from them. Nothing is trained or saved: the result is the
/// estimates and their error against the exact v_π.
public enum PredictionRun {
    /// Runs `settings.runs` independent runs on `model`; `shouldStop` is asked between runs.
    public static func run(
        _ model: WorldModel, settings: PredictionSettings, shouldStop: () -> Bool = { false }
    ) -> PredictionOutcome {
        let tabular = model.model
        let states = measuredStates(of: tabular)
        let truth = trueValues(of: tabular, discount: settings.discount).map { values in states.map { values[$0] } }
        var errorSums = Array(repeating: 0.0, count: truth == nil ? 0 : settings.episodes)
        var valueSums = Array(repeating: 0.0, count: states.count)
        var finished = 0
        let initial = Array(repeating: settings.initialValue, count: tabular.stateCount)
        for run in 0..<settings.runs {
            if shouldStop() { break }
            let seed = derivedSeed(settings.seed, purpose: UInt64(run))
            func play<V: ValueEstimator>(_ estimator: V) where V.Observation == Int, V.Action == Int {
                var estimator = estimator
                var policy = EquiprobablePolicy(model: tabular, seed: derivedSeed(seed, purpose: 1))
                var world = TimeLimit(SampledModelWorld(model: tabular), maxSteps: model.stepCap)
                predict(&estimator, following: &policy, on: &world, episodes: settings.episodes, seed: seed) { episode, estimator in
                    guard let truth else { return }
                    let estimates = estimator.values(of: states)
                    var squares = 0.0
                    for (estimate, value) in zip(estimates, truth) { squares += (estimate - value) * (estimate - value) }
                    errorSums[episode] += states.isEmpty ? 0 : (squares / Double(states.count)).squareRoot()
                }
                for (index, estimate) in estimator.values(of: states).enumerated() { valueSums[index] += estimate }
            }
            switch settings.method {
            case .td:
                play(TemporalDifference<Int>(initialValues: initial, stepSize: settings.stepSize, discount: settings.discount))
            case .nStepTD:
                play(
                    NStepTemporalDifference<Int>(
                        initialValues: initial, steps: settings.steps, stepSize: settings.stepSize, discount: settings.discount))
            case .monteCarlo:
                play(ConstantAlphaMonteCarlo<Int>(initialValues: initial, stepSize: settings.stepSize, discount: settings.discount))
            case .firstVisitMonteCarlo:
                play(FirstVisitMonteCarlo<Discrete, Int>(space: Discrete(tabular.stateCount), discount: settings.discount))
            }
            finished += 1
        }
        let runs = Double(max(finished, 1))
        return PredictionOutcome(
            states: states, trueValues: truth, values: valueSums.map { $0 / runs },
            errors: finished == 0 ? [] : errorSums.map { $0 / runs }, runs: finished)
    }

    /// The states reachable from a start state through transitions that do not end the episode.
    static func measuredStates(of model: TabularModel) -> [Int] {
        var reached = Array(repeating: false, count: model.stateCount)
        var stack = model.initialDistribution.indices.filter { model.initialDistribution[$0] > 0 }
        for state in stack { reached[state] = true }
        while let state = stack.popLast() {
            for action in 0..<model.actionCount where model.legalActions(in: state).contains(action) {
                for outcome in model.outcomes(from: state, taking: action) where outcome.probability > 0 && !outcome.terminated {
                    if !reached[outcome.nextState] {
                        reached[outcome.nextState] = true
                        stack.append(outcome.nextState)
                    }
                }
            }
        }
        return reached.indices.filter { reached[$0] }
    }

    /// v_π of the equiprobable policy by in-place iterative policy evaluation (§4.1, box p. 75),
    /// until no state moves by more than 1e-12; `nil` when 100,000 sweeps do not settle it.
    static func trueValues(of model: TabularModel, discount: Double) -> [Double]? {
        var values = Array(repeating: 0.0, count: model.stateCount)
        for _ in 0..<100_000 {
            var largest = 0.0
            for state in 0..<model.stateCount {
                let legal = (0..<model.actionCount).filter { model.legalActions(in: state).contains($0) }
                guard !legal.isEmpty else { continue }
                var value = 0.0
                for action in legal {
                    for outcome in model.outcomes(from: state, taking: action) {
                        let next = outcome.terminated ? 0 : values[outcome.nextState]
                        value += outcome.probability * (outcome.reward + discount * next)
                    }
                }
                value /= Double(legal.count)
                guard value.isFinite else { return nil }
                largest = max(largest, abs(value - values[state]))
                values[state] = value
            }
            if largest < 1e-12 { return values }
        }
        return nil
    }
}

/// The equiprobable random policy over the actions each state of a model allows.
struct EquiprobablePolicy: FixedPolicy {
    let model: TabularModel
    var generator: Xoshiro256StarStar

    init(model: TabularModel, seed: UInt64) {
        self.model = model
        generator = Xoshiro256StarStar(seed: seed)
    }

    mutating func action(for observation: Int) -> Int {
        let legal = model.legalActions(in: observation)
        return legal.action(at: generator.nextIndex(below: legal.count(of: model.actionCount)))
    }
}
