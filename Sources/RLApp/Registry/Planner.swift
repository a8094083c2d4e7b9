import RLCore
import RLPlanning
import RLRender
import RLTabular

/// An agent that does not learn from episodes but solves a world from its published model
/// (``ModelledWorld``): `rl train --agent value-iteration --env taxi`. Planners
/// are listed beside the learning agents (``Registry/planners``) and open only for worlds that
/// publish a model; any other world refuses them in one line. The policy file they save is like
/// any other: `q` holds the action values of the solution, the extra tensor `v` its state
/// values, and `visits` the sweeps (or rounds) that backed every pair up.
public struct Planner: Sendable {
    /// The name on the command line and in policy files (`value-iteration`).
    public var id: String
    /// One line for `rl train --help`.
    public var summary: String
    /// Solves a model with a discount and a tolerance.
    public var solve: @Sendable (_ model: TabularModel, _ discount: Double, _ tolerance: Double) -> PlanningResult
    /// Whether it needs a discount below 1 to be sure to end (policy iteration evaluates its
    /// first policy, which may never end an episode).
    public var needsDiscountBelowOne: Bool

    /// The tolerance planners solve to: the book's θ.
    public static let tolerance = 1e-10
    /// The extra tensor holding the state values.
    public static let valuesTensor = "v"

    /// `value-iteration`: Sutton & Barto §4.4.
    public static let valueIteration = Planner(
        id: "value-iteration", summary: "value iteration: solves a world from its model (S&B §4.4)",
        solve: { model, discount, tolerance in RLPlanning.valueIteration(model, discount: discount, tolerance: tolerance) },
        needsDiscountBelowOne: false)
    /// `policy-iteration`: Sutton & Barto §4.3.
    public static let policyIteration = Planner(
        id: "policy-iteration", summary: "policy iteration: solves a world from its model (S&B §4.3)",
        solve: { model, discount, tolerance in RLPlanning.policyIteration(model, discount: discount, tolerance: tolerance) },
        needsDiscountBelowOne: true)

    /// How the command line sees it: an agent with no flags and no settings.
    public var agentDescription: AgentDescription {
        AgentDescription(
            id: id, summary: summary, registration: nil, flagHelp: [], sharedSettings: [.discount], extraTensorNames: [Self.valuesTensor],
            settings: { (given: [(name: String, value: String?)]) throws(SettingError) -> String in
                if let flag = given.first { throw SettingError("--\(flag.name) is not a flag of agent \(id)") }
                return JSONText.encode(NoAgentSettings())
            },
            checkSettings: { (text: String) throws(SettingError) in
                guard JSONText.decode(NoAgentSettings.self, from: text) != nil else {
                    throw SettingError("the settings of agent \(id) are malformed")
                }
            })
    }
}

/// What a planner did, in `rl train`'s outcome.
public struct PlanningOutcome: Sendable, Codable, Equatable {
    /// Sweeps (value iteration) or improvement rounds (policy iteration).
    public var iterations: Int
    public var converged: Bool
    public var tolerance: Double
    public var discount: Double
    /// The discounted value of the solution over the initial distribution.
    public var expectedValue: Double
}

/// Solving world `W` with a planner and saving the solution as a policy file.
enum PlanningRun<W: WorldRegistration> where W.World.ObservationSpace: FiniteSpace {
    static func plan(_ planner: Planner, _ configuration: W.Configuration, _ options: TrainingOptions) throws(RunError) -> TrainingOutcome {
        guard let worldModel = WorldCapabilities.model(of: W.self, configuration) else {
            throw .plannerNeedsModel(planner, world: W.self, configuration)
        }
        guard options.logPath == nil else {
            throw .unsupported("agent \(planner.id) plays no episodes: it has no log to write (drop --log)")
        }
        let discount = options.hyperparameters.discount
        if planner.needsDiscountBelowOne && discount >= 1 {
            throw .unsupported(
                "agent \(planner.id) needs --discount below 1 (its first policy may never end an episode); value-iteration takes 1")
        }
        let model = worldModel.model
        let world = W.makeWorld(configuration)
        let clock = ContinuousClock()
        let start = clock.now
        let solution = planner.solve(model, discount, Planner.tolerance)
        let elapsed = max(seconds(clock.now - start), 1e-9)

        var values: [Double] = []
        values.reserveCapacity(model.stateCount * model.actionCount)
        for state in 0..<model.stateCount {
            // An action the state does not allow has no outcomes to value (the gambler's stake
            // beyond his capital): its entry stays 0, as a learning agent leaves it.
            let legal = model.legalActions(in: state)
            for action in 0..<model.actionCount {
                values.append(
                    legal.contains(action)
                        ? model.actionValue(state: state, action: action, values: solution.values, discount: discount) : 0)
            }
        }
        let shape = world.observationSpace.shape
        let table = QTable(
            stateShape: shape, actionCount: model.actionCount, values: values,
            visits: Array(repeating: Int64(solution.iterations), count: values.count))
        let expectedValue = model.expectedInitialValue(solution.values)
        let summary = TrainingSummary(
            episodes: 0, steps: 0, finalMeanReturn: expectedValue, window: 0,
            bestReturn: expectedValue, interrupted: false)
        let policy = Policy(
            table: table,
            metadata: PolicyMetadata(
                world: W.self, configuration: configuration, layout: W.layout(configuration), options: options, summary: summary,
                trainingState: nil, agent: planner.id),
            extraTensors: [Planner.valuesTensor: Tensor(shape: shape, floats: solution.values)])
        do { try policy.save(to: options.outputPath) } catch { throw .file(error) }
        var outcome = TrainingOutcome(
            environment: W.id, agent: planner.id, episodes: 0, episodesRequested: 0, episodesThisRun: 0, steps: 0,
            seconds: elapsed, stepsPerSecond: 0, episodesPerSecond: 0, finalMeanReturn: expectedValue, bestReturn: expectedValue,
            seed: options.seed, policy: options.outputPath, log: nil, interrupted: false, resumed: false, lastEvaluation: nil)
        outcome.planning = PlanningOutcome(
            iterations: solution.iterations, converged: solution.converged,
            tolerance: Planner.tolerance, discount: discount, expectedValue: expectedValue)
        return outcome
    }
}

/// What `rl train` says after a planner ran.
public enum PlanningText {
    public static func summary(_ outcome: TrainingOutcome, _ planning: PlanningOutcome) -> [String] {
        let what = outcome.agent == Planner.valueIteration.id ? "sweeps" : "improvement rounds"
        return [
            "Solved \(outcome.environment) with \(outcome.agent): \(planning.iterations) \(what) in \(fixed(outcome.seconds * 1000, 3)) ms, "
                + (planning.converged ? "converged to \(planning.tolerance)" : "NOT converged to \(planning.tolerance)")
                + " (γ \(formatNumber(planning.discount))).",
            "Discounted value of the start: \(fixed(planning.expectedValue, 4)); 'rl eval' gives its exact return within the step cap.",
            "Policy saved to \(outcome.policy) (q: the solution's action values; v: its state values).",
        ]
    }
}
