import Foundation
import RLCore
import RLTabular
import Testing

// README-EXAMPLE-START
/// A corridor of 6 cells: start in cell 0, reach cell 5 for +1; every step costs 0.01.
struct Corridor: Environment {
    let observationSpace = Discrete(6)
    let actionSpace = Discrete(2)          // 0 = left, 1 = right
    var position = 0

    mutating func reset(seed: UInt64?) -> Int {
        position = 0
        return position
    }

    mutating func step(_ action: Int) -> Step<Int> {
        position = min(max(position + (action == 1 ? 1 : -1), 0), 5)
        let done = position == 5
        return Step(observation: position, reward: done ? 1 : -0.01, terminated: done, truncated: false)
    }
}

func trainCorridor() throws -> Double {
    var environment = TimeLimit(Corridor(), maxSteps: 100)   // a step cap, as a wrapper
    try checkEnvironment(environment)                          // the contract, checked
    var agent = QLearningAgent(
        observationSpace: environment.observationSpace, actionSpace: environment.actionSpace,
        hyperparameters: Hyperparameters(learningRate: .constant(0.5), discount: 0.9, epsilon: .linear(from: 1, to: 0.05, over: 0.5)),
        seed: 42)
    _ = train(&agent, on: &environment, episodes: 200, seed: 1)
    let greedy = evaluate(&agent, on: &environment, episodes: 1, seed: 2)
    return greedy[0].totalReward                               // 1 − 4 × 0.01 = 0.96
}
// README-EXAMPLE-END

@Suite struct CustomEnvironmentExampleTests {
    @Test func theReadmeExampleLearnsTheShortestPath() throws {
        #expect(abs(try trainCorridor() - 0.96) < 1e-9)
    }

    /// The README shows this file's example word for word, so the README cannot rot.
    @Test func theReadmeShowsThisExample() throws {
        let here = URL(fileURLWithPath: #filePath)
        let source = try String(contentsOf: here, encoding: .utf8)
        let readme = try String(contentsOf: here.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(source.range(of: "// README-EXAMPLE-START\n"))
        let end = try #require(source.range(of: "// README-EXAMPLE-END"))
        let example = String(source[start.upperBound..<end.lowerBound])
        #expect(readme.contains(example))
    }
}
