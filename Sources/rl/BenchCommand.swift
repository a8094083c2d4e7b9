import RLRender
import ArgumentParser
import RLApp

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure steps per second of Pong and of training (use a release build).")

    @Option(parsing: .unconditional, help: "Environment steps to time (1...1000000000).")
    var envSteps = 50_000_000

    @Option(help: "Training episodes to time (1...1000000).")
    var episodes = 6000

    @Option(parsing: .unconditional, help: "Repeats; the best run is reported (1...20).")
    var repeats = 3

    @Flag(help: "Print the figures as JSON on stdout.")
    var json = false

    func validate() throws {
        guard (1...1_000_000_000).contains(envSteps) else { throw ValidationError("--env-steps must be in 1...1000000000") }
        guard (1...1_000_000).contains(episodes) else { throw ValidationError("--episodes must be in 1...1000000") }
        guard (1...20).contains(repeats) else { throw ValidationError("--repeats must be in 1...20") }
    }

    func run() throws {
        #if DEBUG
        ConsoleStream.standardError.writeLine("warning: this is a debug build; for real figures run: swift run -c release rl bench")
        #endif
        let report = runBenchmark(environmentSteps: envSteps, episodes: episodes, repeats: repeats)
        if json {
            ConsoleStream.standardOutput.writeLine(JSONText.encode(report))
            return
        }
        let out = ConsoleStream.standardOutput
        out.writeLine("Pong environment alone:  \(grouped(Int(report.envStepsPerSecond.rounded()))) steps/s")
        out.writeLine("Training (env + agent):  \(grouped(Int(report.trainStepsPerSecond.rounded()))) steps/s")
        out.writeLine("\(episodes)-episode training run: \(fixed(report.train6000Seconds, 3)) s (\(grouped(report.train6000Steps)) steps)")
        out.writeLine("(best of \(report.repeats) runs)")
    }
}
