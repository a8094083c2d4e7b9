import Testing

@testable import RLCore

/// A corridor: start at 0, step right (+1) or left (−1, floored at 0); reaching `length`
/// terminates with reward 1. Every other step gives 0. A tiny environment for the trainer.
struct Corridor: Environment {
    var length = 4
    var position = 0
    let observationSpace = Discrete(5)
    let actionSpace = Discrete(2)
    var resets: [UInt64?] = []

    mutating func reset(seed: UInt64?) -> Int {
        resets.append(seed)
        position = 0
        return position
    }

    mutating func step(_ action: Int) -> Step<Int> {
        position = max(0, position + (action == 1 ? 1 : -1))
        return Step(observation: position, reward: position == length ? 1 : 0, terminated: position == length, truncated: false)
    }
}

/// Always steps right, and records what it was told.
struct RightWalker: Agent {
    var modes: [AgentMode] = []
    var learned: [Transition<Int, Int>] = []
    var episodes: [Int] = []
    mutating func action(for observation: Int, mode: AgentMode) -> Int { modes.append(mode); return 1 }
    mutating func learn(from transition: Transition<Int, Int>) -> Int? { learned.append(transition); return nil }
    mutating func beginEpisode(_ episode: Int, of episodeCount: Int) { episodes.append(episode) }
}

/// An on-policy agent in miniature: when asked, it would step left; the action it chooses while
/// learning is right. Only the trainer taking the learned choice reaches the corridor's end.
struct OnPolicyWalker: Agent {
    var asked = 0
    var taken: [Int] = []
    mutating func action(for observation: Int, mode: AgentMode) -> Int { asked += 1; return observation == 0 ? 1 : 0 }
    mutating func learn(from transition: Transition<Int, Int>) -> Int? { taken.append(transition.action); return 1 }
}

@Suite struct TrainerTests {
    @Test func trainingLearnsFromEveryStepAndSeedsOnlyTheFirstReset() {
        var environment = Corridor()
        var agent = RightWalker()
        var records: [EpisodeRecord<NoCounters>] = []
        let result = train(&agent, on: &environment, episodes: 3, seed: 9) {
            records.append($0); return .proceed
        }
        #expect(result == TrainingResult(episodes: 3, steps: 12, stoppedEarly: false))
        #expect(environment.resets == [9, nil, nil])
        #expect(agent.learned.count == 12)
        #expect(agent.learned[3].terminated && agent.learned[3].reward == 1 && agent.learned[3].nextObservation == 4)
        #expect(agent.episodes == [0, 1, 2])
        #expect(records.map(\.totalReward) == [1, 1, 1] && records.map(\.steps) == [4, 4, 4])
        #expect(agent.modes.allSatisfy { $0 == .training })
    }

    @Test func theActionAnOnPolicyAgentChoseWhileLearningIsTheOneTaken() {
        var environment = Corridor()
        var agent = OnPolicyWalker()
        let result = train(&agent, on: &environment, episodes: 3, seed: 1)
        // Asked once per episode (its first action); every later action is the learned choice.
        #expect(agent.asked == 3 && result.steps == 12 && agent.taken.allSatisfy { $0 == 1 })
    }

    @Test func aResumedRunStartsAtItsEpisodeAndKeepsTheWholeSchedule() {
        var environment = Corridor()
        var agent = RightWalker()
        let result = train(&agent, on: &environment, episodes: 5, startingAt: 3, seed: 9) { _, _ in .proceed }
        #expect(result == TrainingResult(episodes: 2, steps: 8, stoppedEarly: false))
        // Episodes 3 and 4 of 5; only episode 0 would have reset with the seed.
        #expect(agent.episodes == [3, 4] && environment.resets == [nil, nil])
    }

    @Test func theCallbackCanStopTraining() {
        var environment = Corridor()
        var agent = RightWalker()
        let result = train(&agent, on: &environment, episodes: 10, seed: nil) { $0.episode == 1 ? .stop : .proceed }
        #expect(result == TrainingResult(episodes: 2, steps: 8, stoppedEarly: true))
    }

    @Test func evaluationNeitherLearnsNorExplores() {
        var environment = Corridor()
        var agent = RightWalker()
        let records = evaluate(&agent, on: &environment, episodes: 2, seed: 5)
        #expect(records.count == 2 && agent.learned.isEmpty && agent.episodes.isEmpty)
        #expect(agent.modes.allSatisfy { $0 == .evaluation })
        #expect(environment.resets == [evaluationEpisodeSeed(5, episode: 0), evaluationEpisodeSeed(5, episode: 1)])
    }

    @Test func timeLimitTruncatesButNeverHidesTermination() {
        var capped = TimeLimit(Corridor(), maxSteps: 2)
        _ = capped.reset(seed: nil)
        #expect(!capped.step(1).isLast)
        let second = capped.step(1)
        #expect(second.truncated && !second.terminated)
        var exact = TimeLimit(Corridor(), maxSteps: 4)
        _ = exact.reset(seed: nil)
        for _ in 0..<3 { _ = exact.step(1) }
        let last = exact.step(1)
        #expect(last.terminated && !last.truncated)
    }

    @Test func environmentCheckAcceptsAGoodEnvironmentAndCatchesOneThatNeverEnds() throws {
        try checkEnvironment(TimeLimit(Corridor(), maxSteps: 50))
        struct Endless: Environment {
            let observationSpace = Discrete(1)
            let actionSpace = Discrete(1)
            mutating func reset(seed: UInt64?) -> Int { 0 }
            mutating func step(_ action: Int) -> Step<Int> { Step(observation: 0, reward: 0, terminated: false, truncated: false) }
        }
        #expect(throws: EnvironmentCheckFailure.self) { try checkEnvironment(Endless(), steps: 100) }
    }

    @Test func environmentCheckCatchesObservationsOutsideTheSpace() {
        struct Escaping: Environment {
            let observationSpace = Discrete(2)
            let actionSpace = Discrete(1)
            var count = 0
            mutating func reset(seed: UInt64?) -> Int { count = 0; return 0 }
            mutating func step(_ action: Int) -> Step<Int> {
                count += 1
                return Step(observation: count, reward: 0, terminated: count == 5, truncated: false)
            }
        }
        #expect(throws: EnvironmentCheckFailure.self) { try checkEnvironment(Escaping()) }
    }
}
