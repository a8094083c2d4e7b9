import ArgumentParser
import Foundation
import RLApp
import RLCore

struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Learn the state values of the equiprobable random policy and measure their error.",
        discussion: """
            Prediction, not control (Sutton & Barto ch. 6-7): the random policy (every action a state allows \
            equally likely) plays episodes sampled from the world's model, and a method learns v_pi from them. \
            The error is the RMS error over the states the policy reaches before an episode ends, against v_pi \
            computed exactly from the model, averaged over the runs: the curves of Example 6.2 and Figure 7.2. \
            Works on every world that publishes a model (the world's own flags follow, as for rl train). \
            Ctrl-C stops between runs and reports the runs finished.
            """)

    @OptionGroup var worldOption: WorldOption

    @Option(help: "td, n-step-td, monte-carlo (constant alpha) or first-visit-monte-carlo (sample averages).")
    var method: String = PredictionMethod.td.rawValue

    @Option(name: .customLong("step-size"), parsing: .unconditional, help: "Step size alpha, in (0, 1] (default 0.1).")
    var stepSize = 0.1

    @Option(name: .customLong("n"), parsing: .unconditional, help: "n of n-step TD, 1...10000 (default 4).")
    var steps = 4

    @Option(parsing: .unconditional, help: "Discount gamma, 0...1 (default 1).")
    var discount = 1.0

    @Option(name: .customLong("initial-value"), parsing: .unconditional, help: "V before any episode (default 0; Example 6.2 uses 0.5).")
    var initialValue = 0.0

    @Option(parsing: .unconditional, help: "Episodes a run, 1...1000000 (default 100).")
    var episodes = 100

    @Option(parsing: .unconditional, help: "Independent runs averaged, 1...100000 (default 100).")
    var runs = 100

    @Option(parsing: .unconditional, help: "Seed of the runs.")
    var seed: UInt64 = 1

    @Flag(help: "Print the result as JSON on stdout.")
    var json = false

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The world's own flags.", visibility: .hidden))
    var worldFlags: [String] = []

    var settings: PredictionSettings {
        get throws {
            guard let method = PredictionMethod(rawValue: method) else {
                throw ValidationError(
                    "--method: unknown method '\(method)' (one of \(PredictionMethod.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            var settings = PredictionSettings()
            settings.method = method
            settings.stepSize = stepSize
            settings.steps = steps
            settings.discount = discount
            settings.initialValue = initialValue
            settings.episodes = episodes
            settings.runs = runs
            settings.seed = seed
            return settings
        }
    }

    func validate() throws {
        let settings = try self.settings
        do throws(SettingError) { try settings.validate() } catch { throw ValidationError(error.message) }
    }

    /// The world's flags as name and value, checked against its declarations.
    func parsedWorldFlags(of world: AnyWorld) throws -> [SettingFlags.Flag] {
        do throws(SettingFlags.Failure) {
            return try SettingFlags.parse(worldFlags, declarations: [world.takesValue], owners: "world \(world.id)").map(\.flag)
        } catch {
            throw CommandError.usage(error.message)
        }
    }

    func run() throws {
        let world = worldOption.world
        let configured: ConfiguredWorld
        do { configured = try world.configure(flags: parsedWorldFlags(of: world)) } catch let error as CommandError {
            throw error
        } catch {
            throw CommandError(error)
        }
        guard let model = configured.model else {
            throw CommandError.usage(
                "world \(world.id) publishes no model: rl predict samples its episodes from a model and measures against v_pi computed from it"
            )
        }
        let settings = try settings
        catchInterrupts()
        let outcome = PredictionRun.run(model, settings: settings) { wasInterrupted }
        if json {
            print(JSONText.encode(PredictionReport(world: configured, settings: settings, outcome: outcome)))
        } else {
            for line in Self.lines(world: configured, settings: settings, outcome: outcome) { print(line) }
        }
    }

    /// The report in words: the error curve at a few episodes, then each state's value.
    static func lines(world: ConfiguredWorld, settings: PredictionSettings, outcome: PredictionOutcome) -> [String] {
        let described = world.description.isEmpty ? world.id : "\(world.id) (\(world.description))"
        var method = settings.method.rawValue
        if settings.method == .nStepTD { method += ", n \(settings.steps)" }
        if settings.method != .firstVisitMonteCarlo { method += ", step size \(formatNumber(settings.stepSize))" }
        var lines = [
            "Predicting the random policy's values on \(described): \(method), gamma \(formatNumber(settings.discount)), "
                + "\(settings.episodes) episodes × \(outcome.runs) runs" + (outcome.runs < settings.runs ? " (interrupted)" : "")
        ]
        if outcome.errors.isEmpty {
            lines.append("No exact v_pi: evaluating the random policy on the model did not settle (it may never end an episode).")
        } else {
            lines.append("RMS error over \(outcome.states.count) states, averaged over the runs:")
            var marks = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 100_000, 1_000_000].filter { $0 < settings.episodes }
            marks.append(settings.episodes)
            for episode in marks { lines.append("  after episode \(episode): \(fixed(outcome.errors[episode - 1], 4))") }
        }
        let shown = min(outcome.states.count, 30)
        lines.append(
            "State values (\(shown == outcome.states.count ? "every" : "the first \(shown) of \(outcome.states.count)") measured state):")
        for index in 0..<shown {
            var line = "  state \(outcome.states[index]): estimate \(fixed(outcome.values[index], 4))"
            if let truth = outcome.trueValues { line += ", v_pi \(fixed(truth[index], 4))" }
            lines.append(line)
        }
        return lines
    }

    static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
}

/// `rl predict --json`.
struct PredictionReport: Encodable {
    var world: String
    var configuration: String
    var method: String
    var stepSize: Double?
    var n: Int?
    var discount: Double
    var initialValue: Double
    var episodes: Int
    var runs: Int
    var seed: UInt64
    var states: [Int]
    var trueValues: [Double]?
    var values: [Double]
    var rmsError: [Double]

    init(world: ConfiguredWorld, settings: PredictionSettings, outcome: PredictionOutcome) {
        self.world = world.id
        configuration = world.configuration
        method = settings.method.rawValue
        stepSize = settings.method == .firstVisitMonteCarlo ? nil : settings.stepSize
        n = settings.method == .nStepTD ? settings.steps : nil
        discount = settings.discount
        initialValue = settings.initialValue
        episodes = settings.episodes
        runs = outcome.runs
        seed = settings.seed
        states = outcome.states
        trueValues = outcome.trueValues
        values = outcome.values
        rmsError = outcome.errors
    }

    enum CodingKeys: String, CodingKey {
        case world, configuration, method, n, discount, episodes, runs, seed, states, values
        case stepSize = "step_size", initialValue = "initial_value", trueValues = "true_values", rmsError = "rms_error"
    }
}
