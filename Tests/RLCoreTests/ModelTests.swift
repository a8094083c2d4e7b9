import Testing

@testable import RLCore

/// A generator that returns the same word forever: `nextUnitDouble()` is then a chosen number.
private struct Fixed: RandomNumberGenerator {
    let word: UInt64
    init(unit: Double) { word = UInt64(unit * 0x1.0p53) << 11 }
    mutating func next() -> UInt64 { word }
}

/// Two states; from state 0, action 0 pays 1 and moves to state 1, which is absorbing.
private let twoStates = TabularModel(stateCount: 2, actionCount: 1, initialDistribution: [1, 0]) { state, _ in
    state == 0
        ? [Outcome(probability: 1, nextState: 1, reward: 1, terminated: true)]
        : [Outcome(probability: 1, nextState: 1, reward: 0, terminated: true)]
}

/// A world that claims `twoStates` but pays `reward` for its one move.
private struct Liar: ModelledEnvironment {
    var reward: Double
    var state = 0
    let observationSpace = Discrete(2)
    let actionSpace = Discrete(1)
    var model: TabularModel { twoStates }
    mutating func reset(seed: UInt64?) -> Int { state = 0; return 0 }
    mutating func step(_ action: Int) -> Step<Int> {
        state = 1
        return Step(observation: 1, reward: reward, terminated: true, truncated: false)
    }
}

@Suite struct ModelTests {
    @Test func outcomesKeepTheirOrderAndDuplicates() {
        let model = TabularModel(stateCount: 2, actionCount: 2, initialDistribution: [0.5, 0.5]) { state, action in
            Array(
                repeating: Outcome(
                    probability: 1 / Double(state + action + 1), nextState: action, reward: Double(state), terminated: false),
                count: state + action + 1)
        }
        #expect(model.outcomes(from: 1, taking: 1).count == 3)
        #expect(model.outcomes(from: 0, taking: 1).map(\.nextState) == [1, 1])
        #expect(model.outcomes(from: 1, taking: 0).allSatisfy { $0.reward == 1 })
    }

    @Test func samplingFollowsGymnasiumsCategoricalSample() {
        // numpy.argmax(cumsum(p) > u): the first outcome whose running total exceeds u.
        let model = TabularModel(stateCount: 3, actionCount: 1, initialDistribution: [0.25, 0.5, 0.25]) { _, _ in
            (0..<3).map { Outcome(probability: [0.25, 0.5, 0.25][$0], nextState: $0, reward: 0, terminated: false) }
        }
        for (unit, expected) in [(0.0, 0), (0.2499, 0), (0.25, 1), (0.5, 1), (0.75, 2), (0.9999, 2)] {
            var generator = Fixed(unit: unit)
            #expect(model.sampleOutcome(from: 0, taking: 0, using: &generator).nextState == expected)
            #expect(model.sampleInitialState(using: &generator) == expected)
        }
    }

    @Test func checkModelFindsBrokenModels() throws {
        try checkModel(twoStates)
        let leaky = TabularModel(stateCount: 1, actionCount: 1, initialDistribution: [1]) { _, _ in
            [Outcome(probability: 0.5, nextState: 0, reward: 0, terminated: false)]
        }
        #expect(throws: ModelCheckFailure.self) { try checkModel(leaky) }
        let lost = TabularModel(stateCount: 1, actionCount: 1, initialDistribution: [1]) { _, _ in
            [Outcome(probability: 1, nextState: 3, reward: 0, terminated: false)]
        }
        #expect(throws: ModelCheckFailure.self) { try checkModel(lost) }
        let unstarted = TabularModel(stateCount: 2, actionCount: 1, initialDistribution: [0.5, 0.25]) { _, _ in
            [Outcome(probability: 1, nextState: 0, reward: 0, terminated: true)]
        }
        #expect(throws: ModelCheckFailure.self) { try checkModel(unstarted) }
    }

    @Test func checkModelOfAnEnvironmentCatchesALie() throws {
        try checkModel(of: Liar(reward: 1))
        do {
            try checkModel(of: Liar(reward: 2))
            Issue.record("a world paying 2 where its model says 1 passed the check")
        } catch {
            #expect(error.description == "state 0, action 0 gave (state 1, reward 2.0, terminated true), which the model does not list")
        }
    }
}
