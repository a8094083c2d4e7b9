import Testing

@testable import RLCore

/// The shapes the next methods need, each tested on a case computed by hand: a bandit with no
/// state, an agent that learns from whole episodes (with exploring starts), and prediction of a
/// fixed policy's state values.
@Suite struct LearningShapesTests {
    // MARK: Bandits (S&B ch. 2)

    /// Arm i pays i + 1, always.
    struct Steady: Bandit {
        let armCount = 2
        var optimalArm: Int { 1 }
        mutating func reset(seed: UInt64?) {}
        mutating func pull(_ arm: Int) -> Double { Double(arm + 1) }
    }

    /// Greedy on sample averages from initial estimates Q₀ (§2.4, §2.6); ties to the lowest arm.
    struct SampleAverage: BanditAgent {
        var estimates: [Double]
        var pulls: [Int]
        init(arms: Int, initial: Double) { estimates = Array(repeating: initial, count: arms); pulls = Array(repeating: 0, count: arms) }
        mutating func selectArm() -> Int {
            estimates.indices.max { estimates[$0] < estimates[$1] || (estimates[$0] == estimates[$1] && $0 > $1) }!
        }
        mutating func learn(arm: Int, reward: Double) {
            pulls[arm] += 1
            estimates[arm] += (reward - estimates[arm]) / Double(pulls[arm])
        }
    }

    @Test func realisticStartsStickAndOptimisticStartsExplore() {
        var bandit = Steady()
        var trace = BanditTrace(steps: 5)
        var realistic = SampleAverage(arms: 2, initial: 0)
        play(&realistic, on: &bandit, into: &trace)
        // Arm 0 pays 1 > 0 = arm 1's estimate, so greedy never tries arm 1.
        #expect(trace.rewards == [1, 1, 1, 1, 1] && trace.optimal == [false, false, false, false, false])
        var optimistic = SampleAverage(arms: 2, initial: 5)
        play(&optimistic, on: &bandit, into: &trace)
        // Arm 0 disappoints (1 < 5), arm 1 is tried, pays 2 and is kept.
        #expect(trace.rewards == [1, 2, 2, 2, 2] && trace.optimal == [false, true, true, true, true])
    }

    /// ε-greedy on sample averages (the box of §2.4), exploring with its own generator.
    struct EpsilonGreedySampleAverage: BanditAgent {
        var estimates = [0.0, 0.0]
        var pulls = [0, 0]
        let epsilon: Double
        var generator: Xoshiro256StarStar
        mutating func selectArm() -> Int {
            if generator.nextUnitDouble() < epsilon { return generator.nextIndex(below: 2) }
            return estimates[1] > estimates[0] ? 1 : 0
        }
        mutating func learn(arm: Int, reward: Double) {
            pulls[arm] += 1
            estimates[arm] += (reward - estimates[arm]) / Double(pulls[arm])
        }
    }

    @Test func epsilonGreedyFindsTheBetterArmAndRecordsExactlyWhatItPulled() {
        var bandit = Steady()
        var trace = BanditTrace(steps: 200)
        var agent = EpsilonGreedySampleAverage(epsilon: 0.1, generator: Xoshiro256StarStar(seed: 3))
        play(&agent, on: &bandit, into: &trace)
        // Whatever the draws: each step's reward says which arm paid (1 or 2), the optimal flag
        // is exactly "arm 1", and a steady arm's sample average is its payment exactly.
        #expect(zip(trace.rewards, trace.optimal).allSatisfy { reward, optimal in reward == (optimal ? 2 : 1) })
        #expect(agent.pulls[0] + agent.pulls[1] == 200 && trace.optimal.filter { $0 }.count == agent.pulls[1])
        #expect(agent.pulls[1] > 0 && agent.estimates[1] == 2 && (agent.pulls[0] == 0 || agent.estimates[0] == 1))
        // Once arm 1 has been tried, greedy steps take it: at least the greedy share is optimal.
        let firstOptimal = trace.optimal.firstIndex(of: true)!
        #expect(trace.optimal[firstOptimal...].filter { !$0 }.count < 200 / 10)
        // The same seed plays the same steps.
        var again = EpsilonGreedySampleAverage(epsilon: 0.1, generator: Xoshiro256StarStar(seed: 3))
        var replay = BanditTrace(steps: 200)
        play(&again, on: &bandit, into: &replay)
        #expect(replay.rewards == trace.rewards && replay.optimal == trace.optimal)
    }

    // MARK: Whole episodes and exploring starts (S&B ch. 5)

    /// A line of 5 cells; the walk starts where it is told (or in the middle) and ends at either
    /// end: +1 on the right, 0 on the left.
    struct Line: ExploringStartsEnvironment {
        let observationSpace = Discrete(5)
        let actionSpace = Discrete(2)
        var position = 2
        var startStateCount: Int { 3 }
        func startState(at index: Int) -> Int { index + 1 }
        mutating func reset(seed: UInt64?) -> Int { position = 2; return position }
        mutating func reset(from state: Int, seed: UInt64?) -> Int { position = state; return position }
        mutating func step(_ action: Int) -> Step<Int> {
            position += action == 1 ? 1 : -1
            return Step(observation: position, reward: position == 4 ? 1 : 0, terminated: position == 0 || position == 4, truncated: false)
        }
    }

    /// First-visit Monte Carlo with sample averages of the undiscounted return; acts right in
    /// cell 1 and left elsewhere unless forced.
    struct FirstVisitMonteCarlo: EpisodicAgent {
        var sums = [[Double]](repeating: [0, 0], count: 5)
        var counts = [[Int]](repeating: [0, 0], count: 5)
        var episodesSeen: [[Int]] = []
        func action(for observation: Int, mode: AgentMode) -> Int { observation == 1 ? 1 : 0 }
        mutating func learn(fromEpisode episode: EpisodeBuffer<Int, Int>) {
            episodesSeen.append(episode.transitions.map(\.observation))
            var returnFollowing = 0.0
            for (t, step) in episode.transitions.enumerated().reversed() {
                returnFollowing += step.reward
                let firstVisit = !episode.transitions.prefix(t).contains { $0.observation == step.observation && $0.action == step.action }
                if firstVisit {
                    sums[step.observation][step.action] += returnFollowing
                    counts[step.observation][step.action] += 1
                }
            }
        }
    }

    @Test func anEpisodicAgentLearnsFromTheWholeEpisodeWithTheForcedFirstAction() {
        var world = Line()
        var agent = FirstVisitMonteCarlo()
        var buffer = EpisodeBuffer<Int, Int>()
        // From cell 3, forced right: 3 → 4, the right end, +1.
        let start = world.reset(from: 3, seed: nil)
        let record = playEpisode(&agent, on: &world, recordingInto: &buffer, from: start, firstAction: 1, mode: .training)
        #expect(record.steps == 1 && record.totalReward == 1 && buffer.transitions.map(\.action) == [1])
        // From cell 1, forced left: 1 → 0, the left end, 0; the buffer holds only this episode.
        _ = world.reset(from: 1, seed: nil)
        let ended = playEpisode(&agent, on: &world, recordingInto: &buffer, from: 1, firstAction: 0, mode: .training)
        #expect(ended.steps == 1 && ended.totalReward == 0 && buffer.count == 1)
        agent.learn(fromEpisode: buffer)
        #expect(agent.sums[1][0] == 0 && agent.counts[1][0] == 1)
    }

    @Test func exploringStartsDrawEveryStartAndFirstActionAndTheAgentLearnsEach() {
        var world = TimeLimit(Line(), maxSteps: 20)
        var agent = FirstVisitMonteCarlo()
        let result = train(exploringStarts: &agent, on: &world, episodes: 300, seed: 7)
        #expect(result.episodes == 300 && agent.episodesSeen.count == 300)
        // Every start cell began some episodes, with each first action.
        let starts = agent.episodesSeen.map { $0[0] }
        #expect(Set(starts) == [1, 2, 3] && [1, 2, 3].allSatisfy { cell in starts.filter { $0 == cell }.count > 60 })
        // Forced right from cell 3 always reaches the right end: Q(3, right) = 1 exactly.
        #expect(agent.counts[3][1] > 0 && agent.sums[3][1] == Double(agent.counts[3][1]))
        // Left from cell 1 always ends at the left end: Q(1, left) = 0.
        #expect(agent.counts[1][0] > 0 && agent.sums[1][0] == 0)
        // The same seed draws the same starts.
        var again = FirstVisitMonteCarlo()
        var sameWorld = TimeLimit(Line(), maxSteps: 20)
        _ = train(exploringStarts: &again, on: &sameWorld, episodes: 300, seed: 7)
        #expect(again.episodesSeen == agent.episodesSeen)
    }

    // MARK: Prediction (S&B §6.1)

    /// Always right.
    struct Right: FixedPolicy {
        mutating func action(for observation: Int) -> Int { 1 }
    }

    /// TD(0): V(S) ← V(S) + α [R + γ V(S′) − V(S)], V = 0 at the ends.
    struct TemporalDifference: ValueEstimator {
        var values: [Double] = [0, 0.5, 0.5, 0.5, 0]
        let stepSize = 0.1
        var episodesEnded = 0
        mutating func learn(from transition: Transition<Int, Int>) {
            let next = transition.terminated ? 0 : values[transition.nextObservation]
            values[transition.observation] += stepSize * (transition.reward + next - values[transition.observation])
        }
        func value(of observation: Int) -> Double { values[observation] }
        mutating func endEpisode() { episodesEnded += 1 }
    }

    @Test func temporalDifferencePredictionMatchesTheUpdatesByHand() {
        var world = Line()
        var policy = Right()
        var estimator = TemporalDifference()
        var seen: [[Double]] = []
        predict(&estimator, following: &policy, on: &world, episodes: 2, seed: 1) { _, estimate in seen.append(estimate.values) }
        // Episode 1 (2 → 3 → 4): V(2) += 0.1 (0 + 0.5 − 0.5) = 0.5; V(3) += 0.1 (1 + 0 − 0.5) = 0.55.
        #expect(abs(seen[0][2] - 0.5) < 1e-12 && abs(seen[0][3] - 0.55) < 1e-12)
        // Episode 2: V(2) += 0.1 (0.55 − 0.5) = 0.505; V(3) += 0.1 (1 − 0.55) = 0.595.
        #expect(abs(seen[1][2] - 0.505) < 1e-12 && abs(seen[1][3] - 0.595) < 1e-12)
        #expect(estimator.episodesEnded == 2 && estimator.value(of: 1) == 0.5)
    }
}
