import RLCore

/// Sutton & Barto's gambler's problem (2nd ed., Example 4.3): a gambler with capital s in
/// 1…goal − 1 stakes a whole number a ≤ min(s, goal − s) on a coin that comes up heads with
/// probability p_h; heads adds the stake, tails takes it away. Reaching the goal pays +1 and
/// ends the episode; reaching 0 ends it with nothing. Its model is data, for the planners.
public enum GamblersProblem {
    /// The model: states 0…goal (capital; 0 and the goal are terminal), action a − 1 stakes a,
    /// and capital s allows the first min(s, goal − s) actions.
    /// - Precondition: `2 ≤ goal ≤ 129` (stakes are at most 64, the legal sets' limit) and
    ///   `0 < headsProbability < 1`.
    public static func model(goal: Int = 100, headsProbability: Double = 0.4) -> TabularModel {
        precondition((2...129).contains(goal) && headsProbability > 0 && headsProbability < 1)
        let maximumStake = goal / 2
        let legal = (0...goal).map { capital in
            LegalActions.first(capital == 0 || capital == goal ? 1 : min(capital, goal - capital))
        }
        var start = Array(repeating: 0.0, count: goal + 1)
        start[goal / 2] = 1
        return TabularModel(
            stateCount: goal + 1, actionCount: maximumStake, initialDistribution: start, legalActions: legal
        ) { capital, action in
            guard capital > 0 && capital < goal else {
                // A terminal state: nothing more happens (planners never value it above 0).
                return [Outcome(probability: 1, nextState: capital, reward: 0, terminated: true)]
            }
            let stake = action + 1
            // A stake beyond the capital, or past the goal, is not allowed: no outcome.
            guard stake <= min(capital, goal - capital) else { return [] }
            let win = capital + stake, loss = capital - stake
            return [
                Outcome(probability: headsProbability, nextState: win, reward: win == goal ? 1 : 0, terminated: win == goal),
                Outcome(probability: 1 - headsProbability, nextState: loss, reward: 0, terminated: loss == 0),
            ]
        }
    }
}
