import RLCore
import Testing

@testable import RLPong

/// Pong without bins: the same game as the binned court, seen as exact coordinates.
@Suite struct ContinuousPongTests {
    /// Plays both courts with the same serves and actions and compares every state.
    @Test(arguments: [PongConfiguration(observation: .continuous), PongConfiguration(observation: .continuous, allowsStay: true)])
    func itPlaysTheBinnedCourtsGameStepForStep(configuration: PongConfiguration) throws {
        var continuous = try ContinuousPong(configuration: configuration)
        var binned = try PongEnvironment(configuration: configuration)
        var actions = Xoshiro256StarStar(seed: 11)
        for episode in 0..<20 {
            var point = continuous.reset(seed: UInt64(episode))
            _ = binned.reset(seed: UInt64(episode))
            var finished = false
            while !finished {
                #expect(point == PongCoordinates(binned.state))
                #expect(continuous.observationSpace.contains(point), "\(point) is outside the box")
                let action = continuous.actionSpace.element(at: actions.nextInt(in: 0...(continuous.actionSpace.count - 1)))
                let step = continuous.step(action)
                let reference = binned.step(action)
                #expect(step.reward == reference.reward)
                #expect(step.terminated == reference.terminated && step.truncated == reference.truncated)
                #expect(continuous.counters == binned.counters)
                point = step.observation
                finished = step.terminated || step.truncated
            }
        }
    }

    @Test func theObservationSpaceIsTheReachableBoxAndPassesTheChecker() throws {
        let pong = try ContinuousPong()
        // docs/PONG.md: paddle −3…30, ball x 1…53 (it turns once at or below x = 3), ball y −3…43, velocities ±3.
        #expect(pong.observationSpace.low == [-3, 1, -3, -3, -3])
        #expect(pong.observationSpace.high == [30, 53, 43, 3, 3])
        try checkEnvironment(pong, seed: 4, steps: 20_000)
        #expect(PongCoordinates.dimensionNames == ["paddleY", "ballX", "ballY", "ballVelocityX", "ballVelocityY"])
    }

    @Test func itsGeneratorCarriesOverLikeTheBinnedCourts() throws {
        var first = try ContinuousPong(seed: 5)
        for _ in 0..<50 { _ = first.step(.up) }
        var second = try ContinuousPong(seed: 99)
        second.generatorState = first.generatorState
        #expect(first.reset(seed: nil) == second.reset(seed: nil))
    }
}
