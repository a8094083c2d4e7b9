import RLCore
import RLPlanning
import RLTabular

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

    /// Computes both returns by dynamic programming over the model and the remaining steps, so
    /// with no sampling noise. The policy is the one `rl eval` plays: in each state, greedy on
    /// `table`, ties between equally valued actions broken uniformly at random (so each tied
    /// action has an equal share). `nil` when the computation would be too long.
    public init?(table: QTable, world: WorldModel) {
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
            let tied = table.greedyActions(in: state)
            return tied.map { (action: $0, probability: 1 / Double(tied.count)) }
        }
        exactReturn = model.expectedInitialValue(finiteHorizonValues(ofChoices: choices, in: model, steps: world.stepCap))
        optimalReturn = optimalFiniteHorizonPlan(model, steps: world.stepCap).expectedReturn
        gap = optimalReturn - exactReturn
    }
}
