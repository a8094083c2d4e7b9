import RLCore

/// Monte Carlo ES, exploring starts (Sutton & Barto, 2nd ed., the box on p. 99): after each
/// episode, walking backwards with G ← γ G + R_{t+1}, every first visit of a pair (S_t, A_t)
/// appends G to Returns(S_t, A_t), sets Q(S_t, A_t) to their average and π(S_t) to
/// argmax_a Q(S_t, a). Q starts at 0 and π at `initialPolicy` (Example 5.3: stick on 20 or 21).
/// The exploring starts themselves are the trainer's (`train(exploringStarts:on:episodes:seed:)`);
/// the agent acts greedily with respect to π in every mode.
///
/// Ties in the argmax keep π(S_t) where it is among the best, else take the lowest action.
/// `rl train --agent monte-carlo-es` runs it through ``MonteCarloESTabularAgent``.
public struct MonteCarloESAgent<States: FiniteSpace, Actions: FiniteSpace>: EpisodicAgent {
    public typealias Observation = States.Element
    public typealias Action = Actions.Element
    public let states: States
    public let actions: Actions
    public let discount: Double
    /// Σ of the first-visit returns of each pair, `state × actions.count + action`.
    public private(set) var returnSums: [Double]
    /// How many returns each pair has had.
    public private(set) var visits: [Int]
    /// π, by the state's index: the index of its action.
    public private(set) var policy: [Int]
    /// The first step of each pair in the episode being learned from (−1: not seen).
    var firstStep: [Int]

    public init(states: States, actions: Actions, discount: Double = 1, initialPolicy: (Observation) -> Action) {
        self.states = states
        self.actions = actions
        self.discount = discount
        let pairs = states.count * actions.count
        returnSums = Array(repeating: 0, count: pairs)
        visits = Array(repeating: 0, count: pairs)
        firstStep = Array(repeating: -1, count: pairs)
        policy = (0..<states.count).map { actions.index(of: initialPolicy(states.element(at: $0))) }
    }

    /// Q(s, a): the average return of the pair, 0 before any.
    public func value(of observation: Observation, _ action: Action) -> Double {
        value(pair: states.index(of: observation) * actions.count + actions.index(of: action))
    }

    /// Puts back what a saved run learned (checked by the caller: the pairs' sizes, π's actions).
    mutating func restore(returnSums: [Double], visits: [Int], policy: [Int]) {
        self.returnSums = returnSums
        self.visits = visits
        self.policy = policy
    }

    func value(pair: Int) -> Double { visits[pair] == 0 ? 0 : returnSums[pair] / Double(visits[pair]) }

    /// π(s).
    public func action(for observation: Observation, mode: AgentMode) -> Action {
        actions.element(at: policy[states.index(of: observation)])
    }

    public mutating func learn(fromEpisode episode: EpisodeBuffer<Observation, Action>) {
        learn(fromEpisode: episode, following: 0)
    }

    /// Learns from an episode whose return after its last step is `following` (0 when it
    /// terminated; what the episode's last state is worth when a step cap cut it).
    public mutating func learn(fromEpisode episode: EpisodeBuffer<Observation, Action>, following last: Double) {
        let transitions = episode.transitions
        let pairs = transitions.map { states.index(of: $0.observation) * actions.count + actions.index(of: $0.action) }
        for (t, pair) in pairs.enumerated() where firstStep[pair] < 0 { firstStep[pair] = t }
        var following = last
        for t in transitions.indices.reversed() {
            following = discount * following + transitions[t].reward
            let pair = pairs[t]
            // "Unless the pair S_t, A_t appears in S_0, A_0, ..., S_{t−1}, A_{t−1}".
            guard firstStep[pair] == t else { continue }
            returnSums[pair] += following
            visits[pair] += 1
            let state = pair / actions.count, first = state * actions.count
            var best = policy[state], bestValue = value(pair: first + best)
            for action in 0..<actions.count where value(pair: first + action) > bestValue {
                best = action
                bestValue = value(pair: first + action)
            }
            policy[state] = best
        }
        for pair in pairs { firstStep[pair] = -1 }
    }
}
