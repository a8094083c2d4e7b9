import RLCore
import Testing

@testable import RLPongDuel

@Suite struct PongDuelSpaceTests {
    @Test func theStateCountsAreTheDocumentedOnes() {
        let classic = PongDuelObservationSpace(configuration: .classic)
        #expect(classic.shape == [12, 12, 17, 16, 2, 2] && classic.count == 156_672)
        let fast = PongDuelObservationSpace(configuration: .fast)
        #expect(fast.shape == [9, 9, 15, 11, 2, 9] && fast.count == 240_570)
        #expect(PongDuelObservationSpace.stateCount(of: .classic) == 156_672)
        #expect(PongDuelObservationSpace.stateCount(of: .fast) == 240_570)
        #expect(PongDuelActionSpace().names == ["up", "down", "stay"])
    }

    /// Every reachable value of every dimension has a bin, and the extremes take the first and
    /// the last bin: no bin is wasted, none is missing.
    @Test(arguments: [PongDuelCourt.classic, .fast])
    func everyReachableValueHasABin(court: PongDuelCourt) {
        let configuration = PongDuelConfiguration(court: court)
        let space = PongDuelObservationSpace(configuration: configuration)
        let positions = PongDuelPositionSpace(configuration: configuration)
        let low = positions.element(at: 0), high = positions.element(at: positions.count - 1)
        let first = space.map(low), last = space.map(high)
        #expect(first == PongDuelObservation(paddle: 0, opponentPaddle: 0, ballX: 0, ballY: 0, ballMovingAway: 0, ballVerticalSpeed: 0))
        #expect(space.index(of: last) == space.count - 1)
        for paddle in positions.paddle {
            var element = low
            element.paddleY = paddle
            element.opponentPaddleY = paddle
            #expect(space.contains(space.map(element)))
        }
        for x in positions.ballX {
            var element = low
            element.ballX = x
            #expect(space.contains(space.map(element)))
        }
        for y in positions.ballY {
            var element = low
            element.ballY = y
            #expect(space.contains(space.map(element)))
        }
        for speed in positions.verticalSpeeds {
            var element = high
            element.ballVelocityY = speed
            #expect(space.contains(space.map(element)))
        }
    }

    /// Many games between every pair of scripts: every observation lies in the position space
    /// and its index round-trips; its bins lie in the tabular space and round-trip too.
    @Test(arguments: [PongDuelCourt.classic, .fast])
    func everyObservationPlayedLiesInItsSpaces(court: PongDuelCourt) throws {
        let configuration = PongDuelConfiguration(court: court)
        var world = try PongDuel(configuration: configuration)
        let positions = world.observationSpace
        let bins = PongDuelObservationSpace(configuration: configuration)
        var seen = Set<Int>()
        var checked = 0
        for (game, kinds) in [
            (PongDuelScript.Kind.random, PongDuelScript.Kind.random), (.random, .tracker),
            (.tracker, .predictor), (.predictor, .random),
        ].enumerated() {
            var left = PongDuelScript(kinds.0, configuration: configuration, seed: UInt64(game))
            var right = PongDuelScript(kinds.1, configuration: configuration, seed: UInt64(game) + 50)
            for episode in 0..<6 {
                var observations = world.reset(seed: UInt64(100 * game + episode))
                while true {
                    for observation in [observations.left, observations.right] {
                        let index = positions.index(of: observation)
                        let binned = bins.map(observation)
                        guard positions.contains(observation), positions.element(at: index) == observation,
                            bins.contains(binned), bins.element(at: bins.index(of: binned)) == binned
                        else {
                            Issue.record("\(observation) or its bins \(binned) left the space")
                            return
                        }
                        seen.insert(bins.index(of: binned))
                        checked += 1
                    }
                    let step = world.step(
                        Pair(
                            left: left.action(for: observations.left, mode: .evaluation),
                            right: right.action(for: observations.right, mode: .evaluation)))
                    observations = step.observations
                    if step.isLast { break }
                }
            }
        }
        #expect(checked > 10_000 && seen.count > 1_000)
    }

    @Test func thePositionSpaceRoundTrips() {
        for configuration in [PongDuelConfiguration.classic, .fast] {
            let space = PongDuelPositionSpace(configuration: configuration)
            var generator = Xoshiro256StarStar(seed: 1)
            for _ in 0..<2_000 {
                let index = generator.nextIndex(below: space.count)
                let element = space.element(at: index)
                #expect(space.contains(element) && space.index(of: element) == index)
            }
            let bins = PongDuelObservationSpace(configuration: configuration)
            for _ in 0..<2_000 {
                let index = generator.nextIndex(below: bins.count)
                #expect(bins.index(of: bins.element(at: index)) == index)
            }
        }
    }

    @Test(arguments: [PongDuelCourt.classic, .fast])
    func theWorldPassesTheTwoAgentCheck(court: PongDuelCourt) throws {
        var configuration = PongDuelConfiguration(court: court)
        configuration.stepCap = 2_000
        for seed in UInt64(0)..<3 { try checkTwoAgentEnvironment(try PongDuel(configuration: configuration), seed: seed) }
    }
}
