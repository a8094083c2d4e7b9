import ArgumentParser
import RLApp
import RLRender
import RLSDL
import RLTabular

#if canImport(Glibc)
import Glibc
#endif

extension BallDirection: ExpressibleByArgument {}

/// When to colour terminal output.
enum ColourChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

struct InspectCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what a policy learned: a summary, then its greedy action in every state.",
        discussion: """
            Each grid lays out the states of the policy's world: for Pong, one paddle position (and, for \
            markov policies, one ball direction), rows the ball's height (top first), columns the ball's x, \
            the paddle's side on the left; for other worlds, the last two state dimensions. A cell shows \
            the greedy action (↑ up, ↓ down, ← left, → right, = stay, ? tie, · never visited). A policy of \
            a world this rl does not know still shows its summary and table, and exports.
            """)

    @Argument(help: "Policy file (default: policies/pong.safetensors, else the shipped policies/pretrained/pong.safetensors).")
    var policy: String?

    @Option(parsing: .unconditional, help: "Show only this paddle bin (0 = lowest).")
    var paddle: Int?

    @Option(help: "Markov policies: show only this ball direction (left-up, left-down, right-up, right-down).")
    var direction: BallDirection?

    @Flag(help: "Show each action's value beside the arrow.")
    var values = false

    @Option(help: "Output format: text (summary and grids), csv (one row per state and action) or json.")
    var format: Format = .text

    @Flag(help: "Print only the summary.")
    var summaryOnly = false

    @Option(help: "Colour the grids: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColourChoice?

    @Option(parsing: .unconditional, help: "Widest line of the grids, in columns (40...1000); wider grids are split.")
    var width = 120

    @Option(help: "Write the Q-table to this NumPy .npy file (numpy.load reads it) instead of printing it.")
    var export: String?

    @Option(help: "Draw the policy as a PNG picture: a panel per paddle position, cells coloured by value with the greedy action's arrow.")
    var heatmap: String?

    @Option(
        parsing: .unconditional, help: "Explain one state, given as its coordinates (Pong: P,Y,X[,DX,DY] bins; Cliff Walking: ROW,COLUMN).")
    var state: String?

    func validate() throws {
        try requireFlag("width", width, in: 40...1000)
        if let paddle, paddle < 0 { throw ValidationError("--paddle must be 0 or more, got \(paddle)") }
        // --state, --export and --heatmap each do one job instead of the dump: asking for two,
        // or for dump options with them, would silently drop something.
        let jobs = [("--state", state), ("--export", export), ("--heatmap", heatmap)].filter { $0.1 != nil }.map(\.0)
        if jobs.count > 1 { throw ValidationError("\(jobs.joined(separator: " and ")) each do one job: give one of them") }
        let dumpOptions = [
            ("--values", values), ("--summary-only", summaryOnly), ("--color", color != nil),
            ("--format \(format.rawValue)", format != .text),
        ]
        .filter(\.1).map(\.0)
        if let job = jobs.first, !dumpOptions.isEmpty {
            throw ValidationError("\(job) does not combine with \(dumpOptions.joined(separator: ", "))")
        }
        if format != .text, let option = dumpOptions.first(where: { !$0.hasPrefix("--format") }) {
            throw ValidationError("\(option) applies to --format text only")
        }
    }

    func run() throws {
        let path = policy ?? defaultPolicyPath(world: Registry.defaultWorld.id)
        let loaded: LoadedPolicy
        do { loaded = try LoadedPolicy(path: path) } catch { throw CommandError(error) }
        let out = ConsoleStream.standardOutput
        let panels: [PolicyPanel]
        do {
            panels = try loaded.panels(PanelSelection(paddle: paddle, direction: direction))
        } catch {
            throw CommandError.usage(error.message)
        }

        if let state {
            let explanation: StateExplanation
            do { explanation = try StateExplanation(parsing: state, policy: loaded.policy) } catch {
                throw CommandError.usage(error.message)
            }
            out.write(explanation.render(loaded))
            return
        }
        if let heatmap {
            do { try PictureFile.checkPNGPath(heatmap, option: "--heatmap") } catch { throw CommandError.usage(error.message) }
            try savePNG(PolicyHeatmap.picture(panels, table: loaded.policy.table, actions: loaded.policy.metadata.actions), to: heatmap)
            out.writeLine("Heatmap of \(panels.count) panel\(panels.count == 1 ? "" : "s") written to \(heatmap).")
            return
        }
        if let export {
            guard export.hasSuffix(".npy") else {
                throw CommandError.usage("--export writes a NumPy file: give it a name ending in .npy, got \(export)")
            }
            do {
                try AtomicFile.write(NumPyFile.encode(shape: loaded.policy.table.shape, values: loaded.policy.table.values), to: export)
            } catch {
                throw CommandError(error)
            }
            out.writeLine(
                "Q-table \(loaded.policy.table.shape) written to \(export) (numpy.load reads it; axes \((loaded.policy.metadata.stateDimensions + ["action"]).joined(separator: ", ")))."
            )
            return
        }
        switch format {
        case .csv:
            out.write(PolicyCSV.render(loaded.policy))
        case .json:
            out.writeLine(JSONText.encode(PolicyDocument(loaded)))
        case .text:
            out.write(PolicySummaryText.render(PolicySummary(loaded), loaded: loaded))
            if summaryOnly { return }
            let choice = color ?? .auto
            let colour = choice == .always || (choice == .auto && out.isTerminal && getenv("NO_COLOR") == nil)
            out.write(
                "\n"
                    + PolicyDump.render(
                        panels, table: loaded.policy.table, actions: loaded.policy.metadata.actions,
                        options: DumpOptions(showsValues: values, usesColour: colour, width: width)))
        }
    }
}
