import RLCore
import RLPlanning
import RLTabular
import Synchronization

/// A policy's exact expected return on a world with a model, next to the best possible one.
public struct ExactEvaluation: Sendable, Equatable {
    /// The expected undiscounted return of the policy as `rl eval` plays it, from the initial
    /// distribution, within the step cap.
    public var exactReturn: Double
    /// The best expected return any policy (even one that looks at the clock) can have under
    /// the same cap.
    public var optimalReturn: Double
    /// `optimalReturn − exactReturn`: never negative, up to rounding.
    public var gap: Double

    /// The largest number of outcome visits (step cap × outcomes of the model) computed: beyond
    /// it (a huge custom lake with a huge cap) `rl eval` reports no exact return.
    public static let maximumWork = 500_000_000

    /// The optimal returns computed so far in this process, by world and configuration: the
    /// optimum is the world's, not the policy's, and its backward induction visits every action's
    /// outcomes (Jack's car rental: 2 million a step, 100 steps), the policy's evaluation only the
    /// greedy ones. `rl eval` of several policies, and the tests that evaluate every agent on
    /// every world, compute it once.
    static let optima = Mutex<[String: Double]>([:])

    /// Computes both returns by dynamic programming over the model and the remaining steps, so
    /// with no sampling noise. The policy is the one `rl eval` plays: in each state, greedy on
    /// `table`, ties between equally valued actions broken uniformly at random (so each tied
    /// action has an equal share). `nil` when the computation would be too long.
    /// - Parameter worldKey: names the world and its configuration (so its model and step cap)
    ///   for the cache of optima; `nil` computes the optimum anew.
    public init?(table: QTable, world: WorldModel, worldKey: String? = nil) {
        let model = world.model
        guard model.stateCount == table.stateCount, model.actionCount == table.actionCount else { return nil }
        var outcomeCount = 0
        for state in 0..<model.stateCount {
            for action in 0..<model.actionCount { outcomeCount += model.outcomes(from: state, taking: action).count }
        }
        guard
            outcomeCount.multipliedReportingOverflow(by: world.stepCap).partialValue <= Self.maximumWork
                && !outcomeCount.multipliedReportingOverflow(by: world.stepCap).overflow
        else { return nil }
        let choices = (0..<model.stateCount).map { state in
            // Greedy among the actions the state allows, as `rl eval` plays: a table read from a
            // file knows no legal sets, and an action the model does not allow has no outcome
            // (no reward and no future: Jack's unmovable cars read as the end of the business).
            let legal = model.legalActions(in: state).actions(of: model.actionCount)
            let best = legal.map { table[state, $0] }.max() ?? 0
            let tied = legal.filter { table[state, $0] == best }
            return tied.map { (action: $0, probability: 1 / Double(tied.count)) }
        }
        exactReturn = model.expectedInitialValue(finiteHorizonValues(ofChoices: choices, in: model, steps: world.stepCap))
        if let worldKey, let known = Self.optima.withLock({ $0[worldKey] }) {
            optimalReturn = known
        } else {
            let optimum = optimalFiniteHorizonPlan(model, steps: world.stepCap).expectedReturn
            if let worldKey { Self.optima.withLock { $0[worldKey] = optimum } }
            optimalReturn = optimum
        }
        gap = optimalReturn - exactReturn
    }
}
