/// A steady schedule of steps in real time: step k of a run is due at
/// start + k × 1000 / speed milliseconds (so 700 steps/s really is 700, not 1000/1 = 1 ms each).
/// The one pacing clock of `rl watch` and `rl play`; the time is passed in, so tests drive it.
public struct StepClock: Sendable {
    private var start: Int
    private var steps = 0
    /// Steps per second.
    public private(set) var speed: Int
    /// A step later than this behind schedule (a dragged window, a stopped terminal) restarts
    /// the schedule instead of racing to catch up.
    public static let stallMilliseconds = 250

    public init(now: Int, stepsPerSecond: Int) {
        start = now
        speed = stepsPerSecond
    }

    /// When the next step is due, in milliseconds.
    public var nextDue: Int { start + Int((Double(steps + 1) * 1000 / Double(speed)).rounded(.up)) }

    /// Whether the next step is due; if so it counts as taken.
    public mutating func isDue(_ now: Int) -> Bool {
        guard now >= nextDue else { return false }
        if now - nextDue > Self.stallMilliseconds { restart(at: now) } else { steps += 1 }
        return true
    }

    /// A fresh schedule from `now`, at a new speed if given.
    public mutating func restart(at now: Int, stepsPerSecond: Int? = nil) {
        start = now
        steps = 0
        if let stepsPerSecond { speed = stepsPerSecond }
    }

    /// Milliseconds until the next step is due.
    public func wait(now: Int) -> Int { max(0, nextDue - now) }
}
