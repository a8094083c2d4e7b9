import RLApp

/// Paces a watched session on the steady schedule of a ``StepClock`` (the one clock `rl play`
/// uses too), holds the banner a while at the end of each episode, and moves nothing while
/// paused. Shared by the window and the terminal; the time is passed in, so tests drive it.
struct Pacer {
    private var clock: StepClock
    /// Set while an episode's banner is shown: when to move on.
    private(set) var bannerEnd: Int?

    init(now: Int, stepsPerSecond: Int) {
        clock = StepClock(now: now, stepsPerSecond: stepsPerSecond)
    }

    private var nextDue: Int { clock.nextDue }
    private var speed: Int { clock.speed }

    private mutating func restart(at now: Int, speed: Int) {
        clock.restart(at: now, stepsPerSecond: speed)
    }

    /// Advances the session when its time has come. Returns whether it did.
    mutating func advanceIfDue(_ session: inout any WatchableSession, controls: WatchControls, now: Int) -> Bool {
        if controls.isPaused || controls.stepsPerSecond != speed {
            restart(at: now, speed: controls.stepsPerSecond)
            if controls.isPaused { return false }
        }
        if session.isEpisodeOver {
            if bannerEnd == nil { bannerEnd = now + bannerMilliseconds }
            guard now >= bannerEnd! else { return false }
            // The banner is done: the next episode's serve, on a fresh schedule.
            bannerEnd = nil
            session.advance()
            restart(at: now, speed: speed)
            return true
        }
        guard clock.isDue(now) else { return false }
        session.advance()
        return true
    }

    /// Whether the session should stop: a frame limit reached, or an episode limit reached and
    /// its last banner up long enough (at once when the episode was skipped, without a banner).
    func isFinished(_ session: any WatchableSession, limits: WatchLimits, now: Int) -> Bool {
        if let frames = limits.frames, session.frameCount >= frames { return true }
        if let episodes = limits.episodes, session.episodesFinished >= episodes {
            guard session.isEpisodeOver else { return true }
            return bannerEnd.map { now >= $0 } ?? false
        }
        return false
    }

    /// Milliseconds to wait before anything is due (capped, so input stays responsive).
    func waitTime(now: Int, controls: WatchControls, cap: Int) -> Int {
        if controls.isPaused { return cap }
        let due = bannerEnd ?? nextDue
        return min(cap, max(0, due - now))
    }

    /// Starts a fresh schedule (after the `n` key).
    mutating func reset(now: Int) {
        bannerEnd = nil
        restart(at: now, speed: speed)
    }
}
