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

    @Option(
        help:
            "Other tables: show only the panels where a dimension outside the grid has this value, NAME=VALUE[,NAME=VALUE...] (pong-duel's many panels)."
    )
    var slice: String?

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

    @Option(
        help:
            "A continuous world's policy: the two coordinates --heatmap and the text grid span, X,Y by name or number (default the first two)."
    )
    var axes: String?

    @Option(
        help:
            "A continuous world's policy: where the other coordinates are held, NAME=VALUE,... (default the world's typical point: the middle of each range unless the world says otherwise)."
    )
    var at: String?

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

    /// `--slice NAME=VALUE,...`, checked for form (the names and ranges are the world's to check).
    func parsedSlices() throws -> [(name: String, value: Int)] {
        try (slice ?? "").split(separator: ",").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = Int(parts[1]) else {
                throw CommandError.usage("--slice takes NAME=VALUE pairs, got '\(pair)'")
            }
            return (String(parts[0]), value)
        }
    }

    func run() throws {
        let path = policy ?? defaultPolicyPath(world: Registry.defaultWorld.id)
        let loaded: LoadedPolicy
        do { loaded = try LoadedPolicy(path: path) } catch { throw CommandError(error) }
        let out = ConsoleStream.standardOutput
        if let view = loaded.world?.valueFunction {
            try inspectValueFunction(view, loaded, out: out)
            return
        }
        if axes != nil || at != nil {
            throw CommandError.usage("--axes and --at read a continuous world's policy; \(path) holds a table")
        }
        let panels: [PolicyPanel]
        let slices = try parsedSlices()
        do {
            panels = try loaded.panels(PanelSelection(paddle: paddle, direction: direction, slices: slices))
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
            let picture = PolicyHeatmap.picture(panels, table: loaded.policy.table, actions: loaded.policy.metadata.actions)
            // A PNG holds at most 16384 pixels a side: too many panels is a choice to narrow, not a crash.
            guard picture.width <= 16384 && picture.height <= 16384 else {
                throw CommandError.usage(
                    "--heatmap: \(panels.count) panels make a \(Int(picture.width))×\(Int(picture.height)) picture, more than 16384 pixels a side: "
                        + "show fewer with --slice NAME=VALUE (the panels' titles name the dimensions: \(panels[0].title))"
                )
            }
            try savePNG(picture, to: heatmap)
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

extension InspectCommand {
    /// A linear policy on a continuous world: its value function over two coordinates, as a
    /// picture (`--heatmap`), as action values at one point (`--state`), or as a greedy-action
    /// grid under the summary.
    func inspectValueFunction(_ view: ValueFunctionView, _ loaded: LoadedPolicy, out: ConsoleStream) throws {
        let policy = loaded.policy
        let names = view.dimensionNames
        func dimension(_ name: Substring) throws -> Int {
            guard let index = view.dimension(named: String(name)) else {
                throw CommandError.usage("no coordinate '\(name)' (this world has \(names.joined(separator: ", ")))")
            }
            return index
        }
        if let state {
            let numbers = state.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard numbers.count == names.count, numbers.allSatisfy({ $0?.isFinite == true }) else {
                throw CommandError.usage("--state takes \(names.count) numbers, \(names.joined(separator: ",")), got '\(state)'")
            }
            let values = view.actionValues(policy, at: numbers.map { $0! })
            let best = values.indices.max { values[$0] < values[$1] }!
            for (index, name) in loaded.policy.metadata.actions.enumerated() {
                out.writeLine(
                    "\(name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(fixed(values[index], 4))\(index == best ? "  (greedy)" : "")"
                )
            }
            return
        }
        let chosen = try axes.map { try $0.split(separator: ",").map(dimension) } ?? [view.defaultAxes.x, view.defaultAxes.y]
        guard chosen.count == 2, chosen[0] != chosen[1], names.count >= 2 else {
            throw CommandError.usage("--axes takes two different coordinates of \(names.joined(separator: ", ")), got '\(axes ?? "")'")
        }
        var fixedValues = view.defaultPoint
        for pair in (at ?? "").split(separator: ",") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = Double(parts[1]), value.isFinite else {
                throw CommandError.usage("--at takes NAME=VALUE pairs, got '\(pair)'")
            }
            fixedValues[try dimension(parts[0])] = value
        }
        let others = names.indices.filter { !chosen.contains($0) }
        let note = others.isEmpty ? "" : "at " + others.map { "\(names[$0])=\(formatNumber(fixedValues[$0]))" }.joined(separator: ", ")
        let (x, y) = (chosen[0], chosen[1])
        if let heatmap {
            do { try PictureFile.checkPNGPath(heatmap, option: "--heatmap") } catch { throw CommandError.usage(error.message) }
            let grid = view.grid(policy, x: x, y: y, fixed: fixedValues, columns: 60, rows: 60)
            let value = view.hasCritic(policy) ? "-V" : "-max q"
            try savePNG(
                ValueHeatmap.picture(
                    grid, title: "\(loaded.worldID): cost-to-go, \(value) over \(names[x]) x \(names[y])",
                    note: note.isEmpty ? "\(loaded.policy.metadata.summary.episodes) episodes" : note,
                    xName: names[x], xRange: view.low[x]...view.high[x], yName: names[y], yRange: view.low[y]...view.high[y]),
                to: heatmap)
            out.writeLine("Heatmap of the cost-to-go over \(names[x]) × \(names[y]) written to \(heatmap).")
            return
        }
        if export != nil || format != .text {
            throw CommandError.usage(
                "--export and --format csv|json read tables; \(loaded.path) holds a linear policy's weights (rl inspect --heatmap draws them)"
            )
        }
        out.write(PolicySummaryText.render(PolicySummary(loaded), loaded: loaded))
        if summaryOnly { return }
        let grid = view.grid(policy, x: x, y: y, fixed: fixedValues, columns: 48, rows: 16)
        let letters = loaded.policy.metadata.actions.map { String($0.prefix(1)) }
        out.writeLine("")
        out.writeLine(
            "Greedy action over \(names[x]) (left to right, \(formatNumber(view.low[x])) to \(formatNumber(view.high[x]))) "
                + "and \(names[y]) (top to bottom, \(formatNumber(view.high[y])) to \(formatNumber(view.low[y])))\(note.isEmpty ? "" : ", " + note):"
        )
        out.writeLine(zip(letters, loaded.policy.metadata.actions).map { "\($0) \($1)" }.joined(separator: "  "))
        for row in grid.greedy { out.writeLine(row.map { letters[$0] }.joined()) }
    }
}
