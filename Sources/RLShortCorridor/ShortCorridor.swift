import RLCore

/// Sutton & Barto's short corridor with switched actions (2nd ed., Example 13.1, p. 323): three
/// non-terminal states in a row and the goal at the right end. `right` moves right and `left`
/// moves left, except in the second state, where they are reversed; `left` in the first state
/// stays there. Every step earns −1, the step into the goal too, and the goal ends the episode.
///
/// A policy's features see no difference between the states (x(s, right) = [1, 0],
/// x(s, left) = [0, 1] in every state), so the best it can do is one probability p of `right`
/// everywhere: its start value is v(p) = 2(p − 2) / (p(1 − p)) (``startValue(rightProbability:)``),
/// best at p = 2 − √2 ≈ 0.59 with v = −(6 + 4√2) ≈ −11.6. The world itself is an ordinary
/// MDP: its observation is the state (0, 1, 2; the goal is 3), for any agent that can tell.
/// Nothing in it is random.
public struct ShortCorridor: ModelledEnvironment, Resumable, Sendable {
    public enum Move: Int, Sendable, CaseIterable, CustomStringConvertible {
        case left, right
        public var description: String { self == .left ? "left" : "right" }
    }

    /// The non-terminal states, 0 (the start), 1 (the switched one) and 2.
    public static let states = 3
    /// The goal's observation, right of state 2.
    public static let goal = 3
    /// The state in which the moves are reversed.
    public static let switched = 1
    /// The reward of every step.
    public static let stepReward = -1.0

    /// The states and the goal.
    public let observationSpace = Discrete(ShortCorridor.states + 1)
    public let actionSpace = EnumSpace<Move>()
    public private(set) var state = 0

    public init() {}

    /// Nothing random: no generator to save.
    public var generatorState: [UInt64] {
        get { [] }
        set {}
    }

    /// Every episode starts in state 0; the seed has nothing to reseed.
    public mutating func reset(seed: UInt64?) -> Int {
        state = 0
        return state
    }

    public mutating func step(_ action: Move) -> Step<Int> {
        state = Self.next(from: state, action)
        return Step(observation: state, reward: Self.stepReward, terminated: state == Self.goal, truncated: false)
    }

    /// Where `action` leads from a non-terminal `state`.
    static func next(from state: Int, _ action: Move) -> Int {
        let rightward = (action == .right) != (state == switched)
        return rightward ? state + 1 : max(0, state - 1)
    }

    /// The dynamics as a table: states 0-2 and the goal 3 (which only ends episodes: its own
    /// outcomes, never reached by a step, stay there and end the episode), actions left (0) and
    /// right (1).
    public var model: TabularModel {
        TabularModel(stateCount: Self.states + 1, actionCount: 2, initialDistribution: [1, 0, 0, 0]) { state, action in
            if state == Self.goal { return [Outcome(probability: 1, nextState: state, reward: 0, terminated: true)] }
            let next = Self.next(from: state, Move(rawValue: action)!)
            return [Outcome(probability: 1, nextState: next, reward: Self.stepReward, terminated: next == Self.goal)]
        }
    }

    /// The start state's value under the policy that goes right with probability `p` in every
    /// state (γ = 1): v(p) = 2(p − 2) / (p(1 − p)), from the three Bellman equations
    /// v₀ = −1 + p v₁ + (1 − p) v₀, v₁ = −1 + p v₀ + (1 − p) v₂, v₂ = −1 + (1 − p) v₁.
    /// - Precondition: 0 < p < 1 (otherwise no episode ends).
    public static func startValue(rightProbability p: Double) -> Double {
        precondition(p > 0 && p < 1, "with p = 0 or 1 no episode ends")
        return 2 * (p - 2) / (p * (1 - p))
    }

    /// The p that maximises ``startValue(rightProbability:)``: the root of p² − 4p + 2 = 0 in
    /// (0, 1), 2 − √2 ≈ 0.5858 (the book's "about 0.59").
    public static let bestRightProbability = 2 - 2.0.squareRoot()

    /// The best start value a policy blind to the state can reach, v(2 − √2) = −(6 + 4√2) ≈
    /// −11.657 (the book's "about −11.6", the dashed line of Figures 13.1 and 13.2).
    public static let bestStartValue = -(6 + 4 * 2.0.squareRoot())
}
