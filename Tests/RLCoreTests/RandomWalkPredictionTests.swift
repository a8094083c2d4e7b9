import Testing

@testable import RLCore

/// Sutton & Barto's random walk (Example 6.2): cells 0…6, the walk starts in C (3), the ends
/// 0 and 6 are terminal, and only reaching 6 pays (+1). The episodes are scripted so that
/// every value below can be worked out by hand, for TD(0) and for first-visit Monte Carlo.
@Suite struct RandomWalkPredictionTests {
    static let left = 0, right = 1

    struct RandomWalk: Environment {
        let observationSpace = Discrete(7)
        let actionSpace = Discrete(2)
        var position = 3
        mutating func reset(seed: UInt64?) -> Int {
            position = 3
            return position
        }
        mutating func step(_ action: Int) -> Step<Int> {
            position += action == RandomWalkPredictionTests.right ? 1 : -1
            return Step(observation: position, reward: position == 6 ? 1 : 0, terminated: position == 0 || position == 6, truncated: false)
        }
    }

    /// Three episodes: C B A (left end), C D E (right end), C B C D E (right end).
    static let script = [left, left, left, right, right, right, left, right, right, right, right]

    /// The script's actions, in order, whatever the observation.
    struct Scripted: FixedPolicy {
        var next = 0
        mutating func action(for observation: Int) -> Int {
            defer { next += 1 }
            return RandomWalkPredictionTests.script[next]
        }
    }

    /// TD(0), the book's box in §6.1: V(S) ← V(S) + α [R + γ V(S′) − V(S)], α = 0.1, γ = 1,
    /// V = 0.5 in A…E, and a terminal next state is worth 0.
    struct TemporalDifference: ValueEstimator {
        var values: [Double] = [0, 0.5, 0.5, 0.5, 0.5, 0.5, 0]
        mutating func learn(from transition: Transition<Int, Int>) {
            let next = transition.terminated ? 0 : values[transition.nextObservation]
            values[transition.observation] += 0.1 * (transition.reward + next - values[transition.observation])
        }
        func value(of observation: Int) -> Double { values[observation] }
    }

    @Test func temporalDifferenceMatchesTheBooksFirstEpisodeAndTheUpdatesByHand() {
        var world = RandomWalk()
        var policy = Scripted()
        var estimator = TemporalDifference()
        var seen: [[Double]] = []
        predict(&estimator, following: &policy, on: &world, episodes: 3, seed: 0) { _, estimate in seen.append(estimate.values) }
        func near(_ a: [Double], _ b: [Double]) -> Bool { zip(a, b).allSatisfy { abs($0 - $1) < 1e-12 } }
        // Episode 1 ends on the left: only V(A) moves, 0.5 + 0.1 (0 − 0.5) = 0.45 (the book's
        // remark under Example 6.2).
        #expect(near(seen[0], [0, 0.45, 0.5, 0.5, 0.5, 0.5, 0]))
        // Episode 2 ends on the right: only V(E) moves, 0.5 + 0.1 (1 − 0.5) = 0.55.
        #expect(near(seen[1], [0, 0.45, 0.5, 0.5, 0.5, 0.55, 0]))
        // Episode 3: V(D) += 0.1 (0.55 − 0.5) = 0.505; V(E) += 0.1 (1 − 0.55) = 0.595.
        #expect(near(seen[2], [0, 0.45, 0.5, 0.5, 0.505, 0.595, 0]))
    }

    /// First-visit Monte Carlo prediction (§5.1) of the scripted behaviour, as an agent that
    /// sees whole episodes: V(s) is the average of the returns following first visits to s.
    struct FirstVisitPrediction: EpisodicAgent {
        var policy = Scripted()
        var returnSums = [Double](repeating: 0, count: 7)
        var visits = [Int](repeating: 0, count: 7)
        var value: [Double] { zip(returnSums, visits).map { $1 == 0 ? 0 : $0 / Double($1) } }

        mutating func action(for observation: Int, mode: AgentMode) -> Int { policy.action(for: observation) }

        mutating func learn(fromEpisode episode: EpisodeBuffer<Int, Int>) {
            let steps = episode.transitions
            var returnFollowing = 0.0  // G ← γ G + R, γ = 1, walking backwards
            for t in steps.indices.reversed() {
                returnFollowing += steps[t].reward
                let state = steps[t].observation
                if !steps[..<t].contains(where: { $0.observation == state }) {
                    returnSums[state] += returnFollowing
                    visits[state] += 1
                }
            }
        }
    }

    @Test func firstVisitMonteCarloAveragesTheReturnsByHand() {
        var world = RandomWalk()
        var agent = FirstVisitPrediction()
        let result = train(episodic: &agent, on: &world, episodes: 3, seed: 0)
        #expect(result.episodes == 3 && result.steps == 11)
        // C: returns 0, 1, 1 (its second visit in episode 3 is not a first one): 2/3.
        // B: 0, 1. A: 0. D and E: 1, 1.
        #expect(agent.visits == [0, 1, 2, 3, 2, 2, 0])
        #expect(agent.value == [0, 0, 0.5, 2.0 / 3.0, 1, 1, 0])
    }
}
