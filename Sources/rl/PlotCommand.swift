import ArgumentParser
import RLApp
import RLRender
import RLSDL

struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw a learning curve from a training log (rl train --log run.csv) as a PNG.",
        discussion: "Return and steps per episode with their moving average; with --eval-every in training, the greedy evaluations as dots."
    )

    @Argument(help: "The CSV log written by 'rl train --log'.")
    var log: String

    @Option(help: "The PNG file to write.")
    var out = "curve.png"

    @Option(parsing: .unconditional, help: "Episodes in the moving average (1...1000000).")
    var window = 100

    @Option(parsing: .unconditional, help: "Picture width in pixels (300...8000).")
    var width = 1000

    @Option(parsing: .unconditional, help: "Picture height in pixels (300...8000).")
    var height = 700

    func validate() throws {
        try requireFlag("window", window, in: 1...1_000_000)
        try requireFlag("width", width, in: 300...8000)
        try requireFlag("height", height, in: 300...8000)
    }

    func run() throws {
        let curve: LearningCurve
        do { try PictureFile.checkPNGPath(out, option: "--out") } catch { throw CommandError.usage(error.message) }
        do { curve = try LearningCurve.load(from: log) } catch { throw CommandError(error) }
        try savePNG(
            LearningCurveChart.picture(
                curve, window: window, width: width, height: height, title: log.split(separator: "/").last.map(String.init) ?? log), to: out
        )
        ConsoleStream.standardOutput.writeLine("Learning curve of \(curve.episodes.count) episodes written to \(out).")
    }
}
