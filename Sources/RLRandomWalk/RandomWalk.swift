import RLCore

/// Sutton & Barto's random walk (2nd ed., Example 6.2; §7.1's 19-state walk; Example 9.1's
/// 1000-state walk): a row of states between two terminal ends; every episode starts in the
/// middle state; reaching the right end pays +1, the left end `leftReward` (0 in Example 6.2, −1
/// in Figure 7.2 and Example 9.1). Observations number the cells 0…states + 1, the ends included.
///
/// The policy picks the direction; the walk picks how far: 1…`maximumJump` states, uniformly, from
/// a generator of its own (1 always, for the classic walks, which draw nothing). A jump past an
/// end lands on it: Example 9.1's "all the probability that would have gone into those missing
/// neighbors goes into the probability of terminating on that side".
public struct RandomWalk: ModelledEnvironment, Resumable, Sendable {
    /// A move: left or right.
    public enum Move: Int, CaseIterable, Sendable, CustomStringConvertible {
        case left, right
        public var description: String { self == .left ? "left" : "right" }
    }

    public let states: Int
    public let leftReward: Double
    /// The longest jump: 1 for the walks of chapters 6, 7 and 12, 100 for Example 9.1's.
    public let maximumJump: Int
    public let observationSpace: Discrete
    public let actionSpace = EnumSpace<Move>()
    public private(set) var position: Int
    /// v_π of each non-terminal state (cells 1…states) under the equiprobable policy, γ = 1.
    /// Solved on each read (Example 9.1's walk takes a banded elimination of about 10⁷
    /// operations), so that a walk that is only played never pays for it: read it once.
    public var trueValues: [Double] {
        maximumJump == 1
            // A straight line from the left end's reward to the right end's (1/6…5/6 in Example 6.2).
            ? (1...states).map { leftReward + (1 - leftReward) * Double($0) / Double(states + 1) }
            : Self.solveBellmanEquations(states: states, leftReward: leftReward, maximumJump: maximumJump)
    }
    var generator: Xoshiro256StarStar

    /// - Precondition: at least 3 states, an odd number when every jump is 1 (so that there is a
    ///   middle one; with longer jumps an even count starts at the left one of the two middles,
    ///   state 500 of 1000, the book's); `maximumJump` at least 1.
    public init(states: Int = 5, leftReward: Double = 0, maximumJump: Int = 1) {
        precondition(
            states >= 3 && (states % 2 == 1 || maximumJump > 1), "a random walk of single steps has an odd number of states, at least 3")
        precondition(maximumJump >= 1, "a jump is at least one state")
        self.states = states
        self.leftReward = leftReward
        self.maximumJump = maximumJump
        observationSpace = Discrete(states + 2)
        position = (states + 1) / 2
        generator = Xoshiro256StarStar(seed: 0)
    }

    /// The middle state; a seed reseeds the jumps' generator.
    public mutating func reset(seed: UInt64?) -> Int {
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        position = (states + 1) / 2
        return position
    }

    public mutating func step(_ move: Move) -> Step<Int> {
        let jump = maximumJump == 1 ? 1 : 1 + generator.nextIndex(below: maximumJump)
        position = min(max(position + (move == .right ? jump : -jump), 0), states + 1)
        let atLeft = position == 0, atRight = position == states + 1
        return Step(observation: position, reward: atRight ? 1 : atLeft ? leftReward : 0, terminated: atLeft || atRight, truncated: false)
    }

    public var generatorState: [UInt64] {
        get { generator.state }
        set { generator.state = newValue }
    }

    /// The dynamics as a table: every episode starts in the middle state; from a non-terminal
    /// state each move jumps 1…`maximumJump` states that way with probability 1/`maximumJump`
    /// each, the jumps past an end merged into one outcome on it; the ends are terminal and stay
    /// where they are.
    public var model: TabularModel {
        let states = states, leftReward = leftReward, maximumJump = maximumJump
        var start = Array(repeating: 0.0, count: states + 2)
        start[(states + 1) / 2] = 1
        return TabularModel(stateCount: states + 2, actionCount: 2, initialDistribution: start) { state, action in
            guard state != 0 && state != states + 1 else {
                return [Outcome(probability: 1, nextState: state, reward: 0, terminated: true)]
            }
            let direction = action == Move.right.rawValue ? 1 : -1
            // The landing cells in order of the jump's length, each with its count of jumps:
            // those past an end land on it (a count, not a sum of 1/maximumJump's, which would
            // round past 1).
            var landings: [(cell: Int, jumps: Int)] = []
            for jump in 1...maximumJump {
                let next = min(max(state + direction * jump, 0), states + 1)
                if landings.last?.cell == next {
                    landings[landings.count - 1].jumps += 1
                } else {
                    landings.append((next, 1))
                }
            }
            return landings.map { landing in
                let atLeft = landing.cell == 0, atRight = landing.cell == states + 1
                return Outcome(
                    probability: Double(landing.jumps) / Double(maximumJump), nextState: landing.cell,
                    reward: atRight ? 1 : atLeft ? leftReward : 0, terminated: atLeft || atRight)
            }
        }
    }

    /// v = P v + r solved exactly: for each state s, v(s) − Σ_{s′} P(s, s′) v(s′) = the expected
    /// reward of the step from s, each of the 2 × `maximumJump` jumps having probability
    /// 1/(2 × `maximumJump`) and a jump past an end landing on it.
    static func solveBellmanEquations(states: Int, leftReward: Double, maximumJump: Int) -> [Double] {
        let probability = 1 / Double(2 * maximumJump)
        let rewards = (1...states).map { state in
            // The jumps past the left end pay leftReward, those past the right end 1.
            probability * (Double(max(0, maximumJump - state + 1)) * leftReward + Double(max(0, maximumJump - (states - state))))
        }
        return solveWalkEquations(states: states, maximumJump: maximumJump, rightSide: rewards)
    }

    /// The on-policy distribution μ of §9.2 (eqs. 9.2–9.3) over the states 1…states: η(s) = h(s) +
    /// Σ_s̄ η(s̄) p(s | s̄), the expected time steps spent in s per episode with h the start state,
    /// normalised to sum to 1. Between non-terminal states p(s | s̄) = p(s̄ | s), so η solves the
    /// same banded equations as the values.
    public var onPolicyDistribution: [Double] {
        var start = Array(repeating: 0.0, count: states)
        start[(states + 1) / 2 - 1] = 1
        let visits = Self.solveWalkEquations(states: states, maximumJump: maximumJump, rightSide: start)
        let total = visits.reduce(0, +)
        return visits.map { $0 / total }
    }

    /// Solves (I − P) x = b, P the walk's transitions between non-terminal states under the
    /// equiprobable policy. I − P is banded (no state reaches further than `maximumJump`) and
    /// diagonally dominant, so Gaussian elimination without pivoting keeps the band and is
    /// stable: about states × maximumJump² operations (10⁷ for Example 9.1's walk), not states³.
    static func solveWalkEquations(states: Int, maximumJump: Int, rightSide: [Double]) -> [Double] {
        let band = maximumJump, width = 2 * band + 1
        let probability = 1 / Double(2 * maximumJump)
        // Row i (state i + 1), column j stored at matrix[i][j − i + band].
        var matrix = Array(repeating: Array(repeating: 0.0, count: width), count: states)
        var right = rightSide
        for row in 0..<states {
            matrix[row][band] = 1
            for column in max(0, row - band)..<min(states, row + band + 1) where column != row {
                matrix[row][column - row + band] = -probability
            }
        }
        for pivot in 0..<states {
            for row in (pivot + 1)..<min(pivot + band + 1, states) {
                let factor = matrix[row][pivot - row + band] / matrix[pivot][band]
                if factor == 0 { continue }
                for column in pivot..<min(pivot + band + 1, states) {
                    matrix[row][column - row + band] -= factor * matrix[pivot][column - pivot + band]
                }
                right[row] -= factor * right[pivot]
            }
        }
        var solution = Array(repeating: 0.0, count: states)
        for row in stride(from: states - 1, through: 0, by: -1) {
            var total = right[row]
            for column in (row + 1)..<min(row + band + 1, states) { total -= matrix[row][column - row + band] * solution[column] }
            solution[row] = total / matrix[row][band]
        }
        return solution
    }
}

/// The equiprobable policy of the random walks: left or right with probability ½, from a
/// generator of its own.
public struct EquiprobableWalk: FixedPolicy, Sendable {
    var generator: Xoshiro256StarStar
    public init(seed: UInt64) { generator = Xoshiro256StarStar(seed: seed) }
    public mutating func action(for observation: Int) -> RandomWalk.Move {
        generator.nextIndex(below: 2) == 1 ? .right : .left
    }
}

extension RandomWalk: ExploringStartsEnvironment {
    /// The states between the ends: 1…`states`.
    public var startStateCount: Int { states }
    public func startState(at index: Int) -> Int { 1 + index }

    /// Starts in `state`, one of 1…`states`.
    public mutating func reset(from state: Int, seed: UInt64?) -> Int {
        precondition((1...states).contains(state), "\(state) is not a state between the ends")
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        position = state
        return position
    }
}
