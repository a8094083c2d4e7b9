import Foundation
import RLCore
import RLPong
import RLPongRender
import RLTabular
import Testing

@testable import RLApp

/// A policy trained briefly, saved and loaded back as `rl watch` would.
nonisolated(unsafe) private let trainedPolicy: LoadedPolicy = {
    let folder = temporaryFolder()
    let options = TrainingOptions(PongWorld.self, episodes: 200, seed: 2, outputPath: folder + "/p.safetensors")
    _ = try! runTraining(options)
    return try! LoadedPolicy(path: folder + "/p.safetensors")
}()

@Suite struct WatchSessionTests {
    static var policy: LoadedPolicy { trainedPolicy }

    @Test func framesFormOneStreamAcrossEpisodes() throws {
        var session = try WatchSession(policy: Self.policy, seed: 1, epsilon: 1)
        #expect(session.frameCount == 1 && session.episode == 1 && session.environment.state.stepCount == 0)
        var lastStep = 0
        while session.outcome == nil {
            session.advance()
            #expect(session.environment.state.stepCount == lastStep + 1)
            lastStep += 1
        }
        // The last frame of the episode carries its banner; the next one is the next serve.
        #expect(session.episodesFinished == 1)
        let outcome = try #require(session.outcome)
        #expect(outcome == (session.environment.state.lives == 0 ? .gameOver : .timeUp))
        #expect(session.frame().scene().texts.last == outcome.bannerText)
        session.advance()
        #expect(session.episode == 2 && session.outcome == nil && session.environment.state.stepCount == 0)
        #expect(session.frameCount == lastStep + 2)
    }

    @Test func theSameSeedShowsTheSameGames() throws {
        var first = try WatchSession(policy: Self.policy, seed: 7)
        var second = try WatchSession(policy: Self.policy, seed: 7)
        for _ in 0..<500 {
            first.advance()
            second.advance()
        }
        #expect(first.environment.state == second.environment.state)
        var other = try WatchSession(policy: Self.policy, seed: 8)
        for _ in 0..<500 { other.advance() }
        #expect(other.environment.state != first.environment.state)
    }

    @Test func theOverlayShowsTheActionThatIsThenTaken() throws {
        var session = try WatchSession(policy: Self.policy, seed: 1)
        for _ in 0..<50 {
            let view = session.agentView
            let state = session.environment.observationSpace.index(of: session.environment.observation)
            // Greedy: the chosen action has the row's best value.
            #expect(view.actionValues[view.chosenAction] == Self.policy.policy.table.maxValue(in: state))
            let paddle = session.environment.state.paddleY
            let expected = min(max(paddle + (view.chosenAction == 0 ? 3 : -3), -3), 30)
            session.advance()
            if session.outcome == nil && session.environment.state.stepCount > 0 {
                #expect(session.environment.state.paddleY == expected)
            }
        }
    }

    @Test func skippingAnEpisodeServesTheNextOne() throws {
        var session = try WatchSession(policy: Self.policy, seed: 1)
        for _ in 0..<10 { session.advance() }
        session.skipEpisode()
        #expect(session.episode == 2 && session.episodesFinished == 1 && session.environment.state.stepCount == 0)
    }

    @Test func controlsChangeSpeedPauseAndOverlay() {
        var controls = WatchControls(stepsPerSecond: 30)
        controls.apply(.faster)
        #expect(controls.stepsPerSecond == 45)
        controls.apply(.slower)
        controls.apply(.slower)
        #expect(controls.stepsPerSecond == 20)
        // Speeds not on the list move to their neighbours; the ends stay put.
        var odd = WatchControls(stepsPerSecond: 7)
        odd.apply(.faster)
        #expect(odd.stepsPerSecond == 10)
        var slowest = WatchControls(stepsPerSecond: 1)
        slowest.apply(.slower)
        #expect(slowest.stepsPerSecond == 1)
        controls.apply(.togglePause)
        #expect(controls.isPaused && controls.status == "PAUSED")
        controls.apply(.togglePause)
        #expect(controls.status == "20 STEPS/S")
        controls.apply(.toggleAgentView)
        #expect(controls.showsAgentView)
    }

    @Test func onlyPongPoliciesCanBeWatched() throws {
        let folder = temporaryFolder()
        let options = TrainingOptions(CliffWalkingWorld.self, episodes: 5, seed: 1, outputPath: folder + "/c.safetensors")
        _ = try runTraining(options)
        let loaded = try LoadedPolicy(path: folder + "/c.safetensors")
        #expect(throws: WatchError.self) { try WatchSession(policy: loaded, seed: 1) }
    }
}

@Suite struct TerminalKeyTests {
    @Test func terminalBytesBecomeTheWindowsRequests() {
        let typed = Array(" +-nsvq".utf8) + [0x1B, UInt8(ascii: "["), UInt8(ascii: "C"), 0x1B, UInt8(ascii: "["), UInt8(ascii: "D"), 0x1B]
        #expect(
            WatchRequest.requests(fromTerminalInput: typed)
                == [.togglePause, .faster, .slower, .nextEpisode, .screenshot, .toggleAgentView, .quit, .faster, .slower, .quit])
        #expect(WatchRequest.requests(fromTerminalInput: Array("xyz".utf8)).isEmpty)
    }
}
