import Testing

@testable import RLCore

/// Matching pennies over a few rounds: both sides pick 0 or 1; the left side wins a round
/// (+1, the right −1) when the picks match, the right side when they differ. Each side
/// observes the round number; the game ends after `rounds` rounds, terminated or, if
/// `truncates`, truncated.
struct Pennies: TwoAgentEnvironment {
    var rounds = 3
    var truncates = false
    var round = 0
    let observationSpace = Discrete(4)
    let actionSpace = Discrete(2)
    var resets: [UInt64?] = []

    mutating func reset(seed: UInt64?) -> Pair<Int> {
        resets.append(seed)
        round = 0
        return Pair(repeating: 0)
    }

    mutating func step(_ actions: Pair<Int>) -> TwoAgentStep<Int> {
        round += 1
        let leftWins = actions.left == actions.right
        let over = round == rounds
        return TwoAgentStep(
            observations: Pair(repeating: round), rewards: Pair(left: leftWins ? 1 : -1, right: leftWins ? -1 : 1),
            terminated: Pair(repeating: over && !truncates), truncated: Pair(repeating: over && truncates))
    }
}

/// Always plays `pick`, and records what it was told.
struct Stubborn: Agent {
    var pick: Int
    var modes: [AgentMode] = []
    var learned: [Transition<Int, Int>] = []
    var episodes: [Int] = []
    mutating func action(for observation: Int, mode: AgentMode) -> Int { modes.append(mode); return pick }
    mutating func learn(from transition: Transition<Int, Int>) -> Int? { learned.append(transition); return nil }
    mutating func beginEpisode(_ episode: Int, of episodeCount: Int) { episodes.append(episode) }
}

/// Chooses its next action while learning, as SARSA does: always 1 from `learn`, 0 when asked.
struct OnPolicy: Agent {
    var asked = 0
    var taken: [Int] = []
    mutating func action(for observation: Int, mode: AgentMode) -> Int { asked += 1; return 0 }
    mutating func learn(from transition: Transition<Int, Int>) -> Int? { taken.append(transition.action); return 1 }
}

@Suite struct TwoAgentTrainerTests {
    @Test func anOnPolicyLearnerTakesTheActionItChoseWhileLearning() {
        var world = Pennies()
        var learner = OnPolicy(), other = Stubborn(pick: 1)
        _ = trainTwoAgents(&learner, &other, on: &world, episodes: 2, seed: 1)
        // Asked once per episode, for the first step; afterwards the action it handed back.
        #expect(learner.asked == 2 && learner.taken == [0, 1, 1, 0, 1, 1])
        // The other side is asked every step.
        #expect(other.modes.count == 6)
        var frozen = OnPolicy()
        _ = trainTwoAgents(&frozen, &other, on: &world, modes: Pair(left: .evaluation, right: .training), episodes: 1, seed: 1)
        #expect(frozen.asked == 3 && frozen.taken.isEmpty)
    }

    @Test func bothSidesActEveryStepAndLearnFromTheirOwnSide() {
        var world = Pennies()
        var left = Stubborn(pick: 0), right = Stubborn(pick: 1)
        var records: [TwoAgentEpisodeRecord<NoCounters>] = []
        let result = trainTwoAgents(&left, &right, on: &world, episodes: 2, seed: 4) {
            records.append($0); return .proceed
        }
        #expect(result == TrainingResult(episodes: 2, steps: 6, stoppedEarly: false))
        #expect(world.resets == [4, nil])
        #expect(left.modes.count == 6 && right.modes.count == 6)
        #expect(left.learned.count == 6 && right.learned.count == 6)
        #expect(left.learned.allSatisfy { $0.reward == -1 } && right.learned.allSatisfy { $0.reward == 1 })
        #expect(left.learned[2].terminated && !left.learned[1].terminated && left.learned[2].nextObservation == 3)
        #expect(right.learned[0].action == 1 && right.learned[0].observation == 0)
        #expect(left.episodes == [0, 1] && right.episodes == [0, 1])
        #expect(records.map(\.returns) == [Pair(left: -3, right: 3), Pair(left: -3, right: 3)])
        #expect(records.allSatisfy { $0.terminated && !$0.truncated && $0.steps == 3 })
    }

    @Test func aSideInEvaluationNeitherLearnsNorFollowsTheSchedule() {
        var world = Pennies(truncates: true)
        var learner = Stubborn(pick: 1), fixed = Stubborn(pick: 1)
        _ = trainTwoAgents(&learner, &fixed, on: &world, modes: Pair(left: .training, right: .evaluation), episodes: 3, seed: nil)
        #expect(learner.learned.count == 9 && fixed.learned.isEmpty)
        #expect(learner.episodes == [0, 1, 2] && fixed.episodes.isEmpty)
        #expect(fixed.modes.allSatisfy { $0 == .evaluation } && learner.modes.allSatisfy { $0 == .training })
        // A truncated step still reaches the learner, marked truncated and not terminated.
        #expect(learner.learned[2].truncated && !learner.learned[2].terminated)
    }

    @Test func theCallbackCanStopAndEvaluationIsPairedAndGreedy() {
        var world = Pennies()
        var left = Stubborn(pick: 0), right = Stubborn(pick: 0)
        let result = trainTwoAgents(&left, &right, on: &world, episodes: 10, seed: nil) { $0.episode == 1 ? .stop : .proceed }
        #expect(result == TrainingResult(episodes: 2, steps: 6, stoppedEarly: true))

        var evaluated = Pennies()
        var a = Stubborn(pick: 1), b = Stubborn(pick: 1)
        let records = evaluateTwoAgents(&a, &b, on: &evaluated, episodes: 2, seed: 5)
        #expect(records.map(\.returns) == [Pair(left: 3, right: -3), Pair(left: 3, right: -3)])
        #expect(a.learned.isEmpty && b.learned.isEmpty && a.modes.allSatisfy { $0 == .evaluation })
        #expect(evaluated.resets == [evaluationEpisodeSeed(5, episode: 0), evaluationEpisodeSeed(5, episode: 1)])
    }

    @Test func aResumedRunPicksUpWhereItStoppedAndEvaluationCanStop() {
        var world = Pennies()
        var left = Stubborn(pick: 0), right = Stubborn(pick: 0)
        let result = trainTwoAgents(&left, &right, on: &world, episodes: 5, startingAt: 3, seed: 9)
        #expect(result == TrainingResult(episodes: 2, steps: 6, stoppedEarly: false))
        // Only episode 0 is seeded; the schedules hear the true episode numbers.
        #expect(world.resets == [nil, nil] && left.episodes == [3, 4])

        var calls = 0
        let records = evaluateTwoAgents(&left, &right, on: &world, episodes: 10, seed: 1) {
            calls += 1; return calls == 2
        }
        #expect(records.count == 2)
    }

    @Test func aMappedAgentSeesAndLearnsMappedObservations() {
        struct Doubling: ObservationMapping { func map(_ input: Int) -> Int { 2 * input } }
        var mapped = MappedAgent(Stubborn(pick: 1), mapping: Doubling())
        var world = Pennies()
        var other = Stubborn(pick: 0)
        _ = trainTwoAgents(&mapped, &other, on: &world, episodes: 1, seed: 1)
        #expect(mapped.base.learned.map(\.observation) == [0, 2, 4])
        #expect(mapped.base.learned.map(\.nextObservation) == [2, 4, 6])
        #expect(mapped.base.episodes == [0])
    }

    @Test func pairsIndexBySideAndSwap() {
        var pair = Pair(left: "a", right: "b")
        pair[.right] = "c"
        #expect(pair[.left] == "a" && pair.right == "c" && pair.swapped == Pair(left: "c", right: "a"))
        #expect(pair.map { $0.uppercased() } == Pair(left: "A", right: "C"))
        #expect(Side.left.opponent == .right && Side.right.opponent == .left)
    }

    @Test func theTwoAgentCheckAcceptsAGoodWorldAndCatchesABadOne() throws {
        try checkTwoAgentEnvironment(Pennies())
        struct Endless: TwoAgentEnvironment {
            let observationSpace = Discrete(1)
            let actionSpace = Discrete(1)
            mutating func reset(seed: UInt64?) -> Pair<Int> { Pair(repeating: 0) }
            mutating func step(_ actions: Pair<Int>) -> TwoAgentStep<Int> {
                TwoAgentStep(
                    observations: Pair(repeating: 0), rewards: Pair(repeating: 0),
                    terminated: Pair(repeating: false), truncated: Pair(repeating: false))
            }
        }
        #expect(throws: EnvironmentCheckFailure.self) { try checkTwoAgentEnvironment(Endless(), steps: 100) }
        var escaping = Pennies()
        escaping.rounds = 4  // round 4 is outside Discrete(4)
        #expect(throws: EnvironmentCheckFailure.self) { try checkTwoAgentEnvironment(escaping) }
    }
}
