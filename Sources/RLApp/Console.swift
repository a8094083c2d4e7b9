import RLRender
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A standard stream (`stdout` or `stderr`) that knows whether it is a terminal.
public struct ConsoleStream: Sendable {
    let descriptor: Int32
    /// Whether the stream is a terminal (progress is drawn in place there).
    public let isTerminal: Bool

    public static var standardOutput: ConsoleStream { ConsoleStream(descriptor: STDOUT_FILENO, isTerminal: isatty(STDOUT_FILENO) != 0) }
    public static var standardError: ConsoleStream { ConsoleStream(descriptor: STDERR_FILENO, isTerminal: isatty(STDERR_FILENO) != 0) }

    /// Writes unbuffered, so lines interleave correctly with other output. When the reader has
    /// gone (EPIPE: `rl train | head -1`), the stream is closed for good: this and later writes
    /// are dropped, and the work goes on (the caller ignores SIGPIPE so that it survives to see
    /// EPIPE), so a closed output never costs a training run.
    public func write(_ text: String) {
        guard !isClosed else { return }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                #if canImport(Glibc)
                Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
            }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { markClosed() }
                return
            }
            offset += written
        }
    }

    public func writeLine(_ text: String) { write(text + "\n") }

    /// Whether a write found the stream's reader gone.
    public var isClosed: Bool {
        descriptor < 32 && closedStreams.load(ordering: .relaxed) & (1 << UInt32(descriptor)) != 0
    }

    private func markClosed() {
        guard descriptor >= 0 && descriptor < 32 else { return }
        closedStreams.bitwiseOr(1 << UInt32(descriptor), ordering: .relaxed)
    }
}

/// One bit per descriptor whose reader has gone: shared, because every `ConsoleStream` value for
/// a descriptor is the same stream.
private let closedStreams = Atomic<UInt32>(0)

/// Draws training progress: a bar redrawn in place on a terminal (episodes, episodes/s, ETA),
/// plain lines otherwise; and the tutorial's report every interval.
public final class TrainingProgressView {
    private let stream: ConsoleStream
    private let quiet: Bool
    private var lastDraw = -Double.infinity
    private var barShown = false
    /// Seconds between redraws of the bar, so drawing never slows training down.
    private let redrawInterval = 0.1

    public init(stream: ConsoleStream, quiet: Bool) {
        self.stream = stream
        self.quiet = quiet
    }

    public func handle(_ event: TrainingEvent) {
        guard !quiet else { return }
        switch event {
        case .progress(let episodes, let total, _, let elapsed):
            guard stream.isTerminal, episodes == total || elapsed - lastDraw >= redrawInterval else { return }
            lastDraw = elapsed
            stream.write("\r" + Self.bar(episodes: episodes, total: total, elapsedSeconds: elapsed) + "\u{1B}[K")
            barShown = true
            if episodes == total { finish() }
        case .stepProgress(let steps, let total, let elapsed):
            guard stream.isTerminal, steps == total || elapsed - lastDraw >= redrawInterval else { return }
            lastDraw = elapsed
            stream.write("\r" + Self.bar(episodes: steps, total: total, elapsedSeconds: elapsed, unit: "steps") + "\u{1B}[K")
            barShown = true
            if steps == total { finish() }
        case .report(let report):
            clearBar()
            stream.writeLine(Self.reportLine(report))
        case .evaluation(let point):
            clearBar()
            stream.writeLine(Self.evaluationLine(point))
        case .note(let line):
            clearBar()
            stream.writeLine(line)
        }
    }

    /// Ends the bar's line, so what follows starts on a fresh one.
    public func finish() {
        if barShown { stream.write("\n"); barShown = false }
    }

    private func clearBar() {
        if barShown { stream.write("\r\u{1B}[K"); barShown = false }
    }

    /// `[#########.........]  3000/6000 episodes  25000 episodes/s  ETA 0.1 s`
    public static func bar(episodes: Int, total: Int, elapsedSeconds: Double, width: Int = 30, unit: String = "episodes") -> String {
        let fraction = total > 0 ? Double(episodes) / Double(total) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let rate = elapsedSeconds > 0 ? Double(episodes) / elapsedSeconds : 0
        let remaining = rate > 0 ? Double(total - episodes) / rate : 0
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            + "\(episodes)/\(total) \(unit)  \(Int(rate.rounded())) \(unit)/s  ETA \(fixed(remaining, 1)) s"
    }

    /// The tutorial's report, in English.
    public static func reportLine(_ report: IntervalReport) -> String {
        "episodes \(report.episodes): average return \(fixed(report.averageReturn, 1)), average steps \(fixed(report.averageSteps, 1)), best return \(formatNumber(report.bestReturn))"
    }

    /// A greedy evaluation made during training, in the report's words.
    public static func evaluationLine(_ point: EvaluationPoint) -> String {
        "episodes \(point.episodes): greedy evaluation over \(point.evaluationEpisodes) episodes: average return \(fixed(point.meanReturn, 1)), average steps \(fixed(point.meanSteps, 1))"
            + point.metrics.sorted { $0.key < $1.key }.map { ", \($0.key.replacingUnderscores()) \(fixed($0.value, 2))" }.joined()
    }
}

/// A large count with thousands separators: 1,234,567. Any Int, Int.min included (its
/// magnitude is read as unsigned, where `abs` would trap).
public func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (index, character) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
        result.append(character)
    }
    return (value < 0 ? "-" : "") + result
}
