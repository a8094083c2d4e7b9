import Foundation
import RLApp
import Testing

@testable import rl

/// The watch loop's timing, driven by a fake clock: no window, no sleeping.
@Suite struct PacerTests {
    func session(epsilon: Double = 0) throws -> any WatchableSession {
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("policies/pretrained/pong.safetensors").path
        return try WatchSession(policy: try LoadedPolicy(path: shipped, expecting: "pong"), seed: 1, epsilon: epsilon)
    }

    /// Runs the loop as the renderers do, one fake millisecond at a time, until it finishes.
    func play(_ session: inout any WatchableSession, limits: WatchLimits, controls: WatchControls, until deadline: Int = 600_000) -> Int? {
        var pacer = Pacer(now: 0, stepsPerSecond: controls.stepsPerSecond)
        for now in 0...deadline {
            if pacer.isFinished(session, limits: limits, now: now) { return now }
            _ = pacer.advanceIfDue(&session, controls: controls, now: now)
        }
        return nil
    }

    @Test func anEpisodeLimitEndsAfterTheLastBanner() throws {
        var session = try session(epsilon: 1)
        let finished = try #require(
            play(&session, limits: WatchLimits(frames: nil, episodes: 1), controls: WatchControls(stepsPerSecond: 1000)))
        #expect(session.episodesFinished == 1 && session.isEpisodeOver)
        // The episode's steps at 1 ms each, then the banner's hold.
        let steps = session.stepCount
        #expect(finished >= steps + bannerMilliseconds && finished <= steps + bannerMilliseconds + 2)
    }

    @Test func aSkippedEpisodeEndsTheLimitAtOnce() throws {
        var session = try session()
        var pacer = Pacer(now: 0, stepsPerSecond: 30)
        session.skipEpisode()
        pacer.reset(now: 0)
        #expect(pacer.isFinished(session, limits: WatchLimits(frames: nil, episodes: 1), now: 0))
    }

    @Test func stepsFollowTheSpeedExactly() throws {
        for speed in [1, 30, 240, 700, 1000] {
            var session = try session()
            var pacer = Pacer(now: 0, stepsPerSecond: speed)
            let controls = WatchControls(stepsPerSecond: speed)
            var advanced = 0
            for now in 0..<2000 where pacer.advanceIfDue(&session, controls: controls, now: now) { advanced += 1 }
            // Two seconds at `speed` steps per second, unless an episode ended on the way.
            if !session.isEpisodeOver { #expect(abs(advanced - 2 * speed) <= 1, "\(speed) steps/s gave \(advanced) in 2 s") }
        }
    }

    @Test func pausingStopsTheGameAndDoesNotSpin() throws {
        var session = try session()
        var pacer = Pacer(now: 0, stepsPerSecond: 30)
        var controls = WatchControls(stepsPerSecond: 30)
        controls.apply(.togglePause)
        for now in 0..<1000 { #expect(!pacer.advanceIfDue(&session, controls: controls, now: now)) }
        #expect(session.frameCount == 1)
        #expect(pacer.waitTime(now: 1000, controls: controls, cap: 50) == 50)
        controls.apply(.togglePause)
        #expect(pacer.waitTime(now: 1000, controls: controls, cap: 50) > 0)
    }

    @Test func waitingForABannerSleepsUntilItEnds() throws {
        var session = try session(epsilon: 1)
        var pacer = Pacer(now: 0, stepsPerSecond: 1000)
        let controls = WatchControls(stepsPerSecond: 1000)
        var now = 0
        while !session.isEpisodeOver { _ = pacer.advanceIfDue(&session, controls: controls, now: now); now += 1 }
        _ = pacer.advanceIfDue(&session, controls: controls, now: now)
        #expect(pacer.waitTime(now: now, controls: controls, cap: 10_000) == bannerMilliseconds)
    }
}
