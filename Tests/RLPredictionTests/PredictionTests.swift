import RLCore
import RLPrediction
import RLRandomWalk
import Testing

/// The random walks and the value estimators of Example 6.2 and Figure 7.2, on numbers worked
/// out by hand.
@Suite struct PredictionTests {
    typealias Move = RandomWalk.Move

    /// The walk's transitions for a list of moves from the middle.
    static func transitions(_ moves: [Move], walk: RandomWalk = RandomWalk(states: 5)) -> [Transition<Int, Move>] {
        var world = walk
        var state = world.reset(seed: nil)
        return moves.map { move in
            let step = world.step(move)
            defer { state = step.observation }
            return Transition(
                observation: state, action: move, reward: step.reward, nextObservation: step.observation,
                terminated: step.terminated, truncated: false)
        }
    }

    static let start = [0] + Array(repeating: 0.5, count: 5) + [0]

    @Test func theWalksTrueValuesAreTheBooks() {
        let five = RandomWalk(states: 5).trueValues
        #expect(zip(five, [1.0, 2, 3, 4, 5].map { $0 / 6 }).allSatisfy { abs($0 - $1) < 1e-12 })
        let nineteen = RandomWalk(states: 19, leftReward: -1).trueValues
        #expect(zip(nineteen, (1...19).map { Double($0) / 10 - 1 }).allSatisfy { abs($0 - $1) < 1e-12 })
        // Reaching an end ends the episode and pays its reward.
        let left = Self.transitions([.left, .left, .left])
        #expect(left.last!.terminated && left.last!.reward == 0 && left.last!.nextObservation == 0)
    }

    @Test func temporalDifferenceIsTheBoxOnPage120() {
        // C B A to the left end: only V(A) moves, 0.5 + 0.1 (0 − 0.5) = 0.45 (Example 6.2's remark).
        var td = TemporalDifference<Move>(initialValues: Self.start, stepSize: 0.1)
        for transition in Self.transitions([.left, .left, .left]) { td.learn(from: transition) }
        #expect(td.values == [0, 0.45, 0.5, 0.5, 0.5, 0.5, 0])
    }

    @Test func constantAlphaMonteCarloMovesEveryVisitedStateTowardsItsReturn() {
        var mc = ConstantAlphaMonteCarlo<Move>(initialValues: Self.start, stepSize: 0.1)
        // C B A, return 0: V(C) and V(B) and V(A) each 0.5 + 0.1 (0 − 0.5) = 0.45.
        for transition in Self.transitions([.left, .left, .left]) { mc.learn(from: transition) }
        #expect(mc.values == Self.start, "nothing moves before the episode ends")
        mc.endEpisode()
        #expect(zip(mc.values, [0, 0.45, 0.45, 0.45, 0.5, 0.5, 0]).allSatisfy { abs($0 - $1) < 1e-12 })
        // C D E, return 1: V(C) 0.45 + 0.1 (1 − 0.45) = 0.505; V(D), V(E) 0.5 + 0.1 × 0.5 = 0.55.
        for transition in Self.transitions([.right, .right, .right]) { mc.learn(from: transition) }
        mc.endEpisode()
        #expect(zip(mc.values, [0, 0.45, 0.45, 0.505, 0.55, 0.55, 0]).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test func twoStepTDIsTheBoxOnPage144() {
        // C D E → right end (T = 3), n = 2, α = 0.1, γ = 1:
        // τ = 0: G = R1 + R2 + V(E) = 0.5, V(C) stays 0.5; τ = 1: G = R2 + R3 = 1, V(D) = 0.55;
        // after the end, τ = 2: G = R3 = 1, V(E) = 0.55.
        var estimator = NStepTemporalDifference<Move>(initialValues: Self.start, steps: 2, stepSize: 0.1)
        let steps = Self.transitions([.right, .right, .right])
        estimator.learn(from: steps[0])
        estimator.learn(from: steps[1])
        #expect(estimator.values == Self.start)
        estimator.learn(from: steps[2])
        #expect(abs(estimator.values[4] - 0.55) < 1e-12 && estimator.values[5] == 0.5)
        estimator.endEpisode()
        #expect(zip(estimator.values, [0, 0.5, 0.5, 0.5, 0.55, 0.55, 0]).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test func oneStepIsTDAndManyStepsAreMonteCarlo() {
        // On the same random walks: n = 1 is TD(0) exactly, and n beyond any episode's length is
        // constant-α Monte Carlo exactly.
        let walk = RandomWalk(states: 19, leftReward: -1)
        let zeros = Array(repeating: 0.0, count: 21)
        var one = NStepTemporalDifference<Move>(initialValues: zeros, steps: 1, stepSize: 0.2)
        var td = TemporalDifference<Move>(initialValues: zeros, stepSize: 0.2)
        var many = NStepTemporalDifference<Move>(initialValues: zeros, steps: 100_000, stepSize: 0.2)
        var mc = ConstantAlphaMonteCarlo<Move>(initialValues: zeros, stepSize: 0.2)
        for learner in 0..<4 {
            var world = walk
            var policy = EquiprobableWalk(seed: 11)
            switch learner {
            case 0: predict(&one, following: &policy, on: &world, episodes: 20, seed: nil)
            case 1: predict(&td, following: &policy, on: &world, episodes: 20, seed: nil)
            case 2: predict(&many, following: &policy, on: &world, episodes: 20, seed: nil)
            default: predict(&mc, following: &policy, on: &world, episodes: 20, seed: nil)
            }
        }
        #expect(zip(one.values, td.values).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(zip(many.values, mc.values).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(one.values != many.values)
    }

    @Test func tdLearnsTheTrueValues() {
        var world = RandomWalk(states: 5)
        var policy = EquiprobableWalk(seed: 3)
        var td = TemporalDifference<Move>(initialValues: Self.start, stepSize: 0.01)
        predict(&td, following: &policy, on: &world, episodes: 5000, seed: nil)
        #expect(zip(td.values[1...5], world.trueValues).allSatisfy { abs($0 - $1) < 0.05 }, "\(td.values)")
    }
}
