import RLCore
import Testing

@testable import RLPong

/// Every reachable position maps to a valid bin: found by walking every reachable state.
@Suite struct DiscretisationTests {
    struct BallState: Hashable { var x, y, vx, vy: Int }

    /// Every (paddle, ball) state reachable from any serve under every action, with lives
    /// high enough that episodes never end.
    func reachableStates(_ configuration: PongConfiguration) throws -> [PongState] {
        var environment = try PongEnvironment(configuration: configuration, seed: 1)
        let m = configuration.movementStep
        var frontier: [PongState] = []
        for x in (configuration.courtWidth / 2)...configuration.courtWidth {
            for y in 0...(configuration.courtHeight - configuration.serveTopMargin) {
                frontier.append(
                    PongState(paddleY: configuration.paddleHeight, ballX: x, ballY: y, ballVelocityX: m, ballVelocityY: m, lives: 1_000))
            }
        }
        var seen = Set(frontier)
        let actions = (0..<environment.actionSpace.count).map { environment.actionSpace.element(at: $0) }
        while let state = frontier.popLast() {
            for action in actions {
                _ = environment.restore(state)
                _ = environment.step(action)
                var next = environment.state
                next.lives = 1_000
                next.score = 0
                next.stepCount = 0
                if seen.insert(next).inserted { frontier.append(next) }
            }
        }
        return Array(seen)
    }

    @Test(arguments: [PongObservationMode.classic, .markov])
    func everyReachablePositionHasAValidBinAndEveryBinIsUsed(mode: PongObservationMode) throws {
        let configuration = PongConfiguration(observation: mode)
        let states = try reachableStates(configuration)
        var environment = try PongEnvironment(configuration: configuration)
        let space = environment.observationSpace
        var indices = Set<Int>()
        for state in states {
            let observation = environment.restore(state)
            #expect(space.contains(observation), "\(state) → \(observation)")
            indices.insert(space.index(of: observation))
            #expect(observation.paddle == (state.paddleY - configuration.paddleBins.lowerBound) / 3)
            #expect(observation.ballY == (state.ballY - configuration.ballYBins.lowerBound) / 3)
            #expect(observation.ballX == (state.ballX - configuration.ballXBins.lowerBound) / 3)
        }
        // The bounds are tight: the extremes are reached, so no bin is wasted at either end.
        #expect(states.map(\.paddleY).min() == configuration.paddleBins.lowerBound)
        #expect(states.map(\.paddleY).max() == configuration.paddleBins.upperBound)
        #expect(states.map(\.ballY).min() == configuration.ballYBins.lowerBound)
        #expect(states.map(\.ballY).max() == configuration.ballYBins.upperBound)
        #expect(states.map(\.ballX).min() == configuration.ballXBins.lowerBound)
        #expect(states.map(\.ballX).max() == configuration.ballXBins.upperBound)
        #expect(Set(states.map { environment.restore($0).paddle }).count == space.paddleCount)
        #expect(Set(states.map { environment.restore($0).ballY }).count == space.ballYCount)
        #expect(Set(states.map { environment.restore($0).ballX }).count == space.ballXCount)
        #expect(indices.allSatisfy { $0 >= 0 && $0 < space.count })
    }

    @Test func theDefaultGridIsTwelveBySixteenByEighteen() throws {
        let classic = PongObservationSpace(configuration: PongConfiguration(observation: .classic))
        #expect(classic.shape == [12, 16, 18])
        let markov = PongObservationSpace(configuration: PongConfiguration(observation: .markov))
        #expect(markov.shape == [12, 16, 18, 2, 2])
        #expect(markov.count == 12 * 16 * 18 * 4)
        for index in 0..<markov.count { #expect(markov.index(of: markov.element(at: index)) == index) }
    }

    @Test func classicHidesTheDirectionAndMarkovShowsIt() throws {
        let state = PongState(paddleY: 10, ballX: 30, ballY: 20, ballVelocityX: -3, ballVelocityY: 3, lives: 3)
        var classic = try PongEnvironment(configuration: PongConfiguration(observation: .classic))
        var markov = try PongEnvironment(configuration: PongConfiguration(observation: .markov))
        let seenClassic = classic.restore(state)
        let seenMarkov = markov.restore(state)
        #expect(seenClassic.ballMovingRight == 0 && seenClassic.ballMovingUp == 0)
        #expect(seenMarkov.ballMovingRight == 0 && seenMarkov.ballMovingUp == 1)
        #expect(seenMarkov.paddle == 4 && seenMarkov.ballY == 7 && seenMarkov.ballX == 9)
    }
}
