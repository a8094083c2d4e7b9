import ArgumentParser
import Foundation
import RLApp
import RLBook
import RLCore
import RLRender

/// `rl book`: Sutton & Barto's figures, one command each, at the book's run counts.
struct BookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "book",
        abstract: "Draw a figure of Sutton & Barto's book (2nd ed.) from its experiment, at the book's run count.",
        discussion: """
            'rl book --list' names every figure. 'rl book 2.2' runs the figure's experiment on every core, \
            in memory, draws it as a PNG (--out, default figures/2.2.png) and prints its key numbers; \
            --check compares them with the values the book gives (exit 65 when one differs). Run r of \
            every series uses seed --seed + r. See docs/BOOK.md.
            """)

    @Argument(help: "The figure's number, as the book prints it (2.2, 6.4).")
    var id: String?

    @Flag(help: "List the figures rl draws, with their titles and sections.")
    var list = false

    @Option(help: "The PNG to draw (default figures/ID.png).")
    var out: String?

    @Option(parsing: .unconditional, help: "Runs of each series (1...100000; default the book's).")
    var runs: Int?

    @Flag(help: "Small run counts, for tests: enough for --check's tolerances, fast in a debug build.")
    var quick = false

    @Option(parsing: .unconditional, help: "The seed of the first run; run r uses seed + r (default 1).")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Runs at once (default: the number of cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Compare with the book's values; exit 65 when one is outside its tolerance.")
    var check = false

    @Flag(help: "Print the data as JSON on stdout (progress and words go to stderr).")
    var json = false

    @Flag(help: "Print only the checks and failures.")
    var quiet = false

    static let maximumRuns = 100_000

    func validate() throws {
        try requireFlag("runs", runs, in: 1...Self.maximumRuns)
        try requireFlag("jobs", jobs, in: 1...1024)
        if list {
            if id != nil { throw ValidationError("--list lists every figure: drop the figure's id") }
            return
        }
        guard let id else { throw ValidationError("name a figure (rl book 2.2) or give --list") }
        guard Book.figure(id) != nil else { throw ValidationError("rl book has no figure \(id) (it draws \(Book.idList))") }
        if quick && runs != nil { throw ValidationError("--quick sets the run count: drop --runs or --quick") }
        if let out {
            do { try PictureFile.checkPNGPath(out, option: "--out") } catch { throw ValidationError(error.message) }
        }
    }

    func run() throws {
        if list { return printList() }
        let book = Book.figure(id!)!
        let options = BookRunOptions(runs: runs ?? (quick ? book.quickRuns : book.runs), seed: seed, jobs: jobs, quick: quick)
        // The picture says what was played: --quick's shorter runs, and the run count.
        let figure = book.sized(quick: quick).counting(runs: options.runs)
        let output = out ?? "figures/\(figure.id).png"
        let human = json ? ConsoleStream.standardError : ConsoleStream.standardOutput
        let bar = BookProgress(stream: ConsoleStream.standardError, quiet: quiet)
        catchInterrupts()
        let run: BookRun
        do {
            run = try runFigure(figure, options: options, progress: { bar.show(done: $0, total: $1) }, shouldStop: { wasInterrupted })
        } catch {
            bar.finish()
            if wasInterrupted {
                ConsoleStream.standardError.writeLine("Interrupted: figure \(figure.id) was not drawn.")
                throw ExitCode(interruptExitCode)
            }
            throw CommandError("figure \(figure.id): \(error.message)")
        }
        bar.finish()
        let result = BookResult(run)
        try savePNG(BookChart.picture(result, figure: figure), to: output)
        if !quiet {
            for line in BookText.summary(result, run: run, picture: output) { human.writeLine(line) }
        }
        if check || quiet {
            for line in BookText.checks(result) { human.writeLine(line) }
        }
        if json { ConsoleStream.standardOutput.writeLine(JSONText.encode(result)) }
        if check && !result.passed {
            throw CommandError(
                "figure \(figure.id): \(result.checks.count { !$0.passed }) of \(result.checks.count) checks failed",
                exitCode: ExitStatus.dataError)
        }
    }

    func printList() {
        if json {
            ConsoleStream.standardOutput.writeLine(
                JSONText.encode(
                    Book.figures.map {
                        BookListEntry(
                            id: $0.id, printedAs: $0.printedAs, title: $0.title, section: $0.section, page: $0.page, runs: $0.runs,
                            settings: $0.settings)
                    }))
            return
        }
        // Columns as wide as their longest entry, so that every title starts in the same column.
        let idWidth = Book.figures.map(\.id.count).max()! + 2, sectionWidth = Book.figures.map(\.section.count).max()! + 1
        for figure in Book.figures {
            ConsoleStream.standardOutput.writeLine(
                figure.id.padding(to: idWidth) + figure.section.padding(to: sectionWidth) + " " + figure.title)
        }
    }
}

/// One figure in `rl book --list --json`.
struct BookListEntry: Encodable {
    var id, printedAs, title, section: String
    var page, runs: Int
    var settings: String
}

/// The progress bar of a figure's runs, as `rl train` draws its episodes: redrawn in place on a
/// terminal, nothing otherwise.
final class BookProgress: @unchecked Sendable {
    private let stream: ConsoleStream
    private let quiet: Bool
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var lastDraw = -Double.infinity
    private var shown = false

    init(stream: ConsoleStream, quiet: Bool) {
        self.stream = stream
        self.quiet = quiet
        start = clock.now
    }

    /// Called under the runner's lock: one thread at a time.
    func show(done: Int, total: Int) {
        guard !quiet, stream.isTerminal else { return }
        let elapsed = seconds(clock.now - start)
        guard done == total || elapsed - lastDraw >= 0.1 else { return }
        lastDraw = elapsed
        stream.write("\r" + TrainingProgressView.bar(episodes: done, total: total, elapsedSeconds: elapsed, unit: "runs") + "\u{1B}[K")
        shown = true
    }

    func finish() {
        if shown { stream.write("\n"); shown = false }
    }
}
