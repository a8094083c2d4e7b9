import Foundation
import RLApp
import Testing

/// Every script in scripts/ runs here in its short form against the rl these tests built (or in
/// .ci/run: setup and lint), and the agents and worlds scripts and the README name are the registry's.
@Suite struct ScriptsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The scripts this suite runs; the rest must be run by .ci/run.
    static let runHere = [
        "bench-sweep", "compare-sb3", "compare_sb3.py", "default-gaps.py", "fit-tanh.py", "format", "gymnasium-golden", "lint",
        "pytorch-golden", "quality",
        "sutton-barto", "toy-text-gap", "toy-text-thresholds.py",
    ]

    /// Runs scripts/`name` with `RL` set to the rl under test; standard output and error apart.
    func script(_ name: String, _ arguments: [String] = []) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let path = Self.root.appendingPathComponent("scripts/" + name).path
        process.arguments = (name.hasSuffix(".py") ? ["python3", path] : ["bash", path]) + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["RL": RL.executable.path]) { $1 }
        let folder = temporaryFolder()
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        // Standard error to a file, so neither pipe can fill while the other is read.
        let errorsPath = folder + "/stderr.txt"
        #expect(FileManager.default.createFile(atPath: errorsPath, contents: nil))
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorsPath))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outputData, as: UTF8.self), try String(contentsOfFile: errorsPath, encoding: .utf8)
        )
    }

    func source(_ path: String) throws -> String { try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8) }

    /// The numbers in a line, in order ("seed 2: 96.0% ..." gives 2, 96).
    func numbers(_ line: Substring) -> [Double] {
        line.split { !"0123456789.-".contains($0) }.compactMap { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: "."))) }
    }

    @Test func everyScriptRunsInCI() throws {
        let scripts = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("scripts").path)
        let ci = try source(".ci/run")
        for name in scripts {
            #expect(Self.runHere.contains(name) || ci.contains("scripts/\(name)"), "scripts/\(name) runs neither here nor in .ci/run")
        }
        #expect(ci.contains("scripts/setup --test") && ci.contains("scripts/lint"))
    }

    /// The Stable-Baselines3 comparison checks what it is asked before it installs anything (its
    /// real run takes minutes and Stable-Baselines3 from PyPI: docs/DEEP.md gives its figures).
    @Test func compareSB3RefusesBadRequestsInOneLine() throws {
        for (arguments, status) in [
            (["--algorithms", "a2c"], Int32(64)), (["--seeds", "one"], 64), (["--steps-scale", "0"], 64),
            (["--rl", "/nonexistent/rl"], 69),
        ] {
            let run = try script("compare-sb3", arguments)
            #expect(run.status == status, "\(arguments): \(run.errors)")
            #expect(run.errors.split(separator: "\n").count == 1, "\(arguments): \(run.errors)")
        }
    }

    @Test func qualityReportsTheShareWithNoAvoidableMissPerSeedAndTheirMean() throws {
        let run = try script("quality", ["--quick"])
        #expect(run.status == 0, "\(run.errors)")
        let lines = run.output.split(separator: "\n")
        try #require(lines.count == 3, "\(run.output)")
        let shares = lines.prefix(2).map { numbers($0) }
        #expect(shares.map { $0.first } == [1, 2] && lines[0].hasSuffix("% of episodes with no avoidable miss"), "\(run.output)")
        #expect(lines[2].hasPrefix("mean over seeds 1-2: "))
        let mean = try #require(numbers(lines[2]).last)
        #expect(abs(mean - shares.map { $0[1] / 100 }.reduce(0, +) / 2) < 0.001, "\(run.output)")
        // The defaults learn Pong within 1000 episodes (the full measure: 100% over 6000).
        #expect(mean > 0.5, "\(run.output)")
    }

    @Test func toyTextGapReportsDefaultRunsCloseToTheOptimum() throws {
        let run = try script("toy-text-gap", ["--quick", "--env", "frozen-lake"])
        #expect(run.status == 0, "\(run.errors)")
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 2, "\(run.output)")
        for (index, line) in lines.enumerated() {
            #expect(line.hasPrefix("seed \(index + 1): exact return ") && line.hasSuffix(" s"), "\(line)")
            let values = numbers(line)  // seed, exact, optimum, gap %, seconds
            try #require(values.count == 5, "\(line)")
            #expect(values[1] <= values[2] + 1e-4 && values[3] >= 0 && values[3] < 5, "\(line)")
        }
    }

    @Test func suttonBartoReproducesTheBooksOrderingsWithTheRegistrysAgents() throws {
        let run = try script("sutton-barto", ["5"])
        #expect(run.status == 0, "\(run.errors)")
        var value: [String: [Double]] = [:]
        for line in run.output.split(separator: "\n") where line.hasPrefix("  ") {
            let parts = line.split(separator: " ")
            value[String(parts[0]), default: []].append(Double(parts[1]) ?? .nan)
        }
        // Figure 6.4: SARSA and Expected SARSA earn more online than Q-learning on the cliff;
        // Figure 6.5: Double Q-learning goes left far less than Q-learning.
        let cliff = try #require(value["q-learning"]?.first), left = try #require(value["q-learning"]?.last)
        #expect(try #require(value["sarsa"]?.first) > cliff && (try #require(value["expected-sarsa"]?.first)) > cliff, "\(run.output)")
        #expect(try #require(value["double-q-learning"]?.first) < left / 2, "\(run.output)")

        // The agents and worlds it names are registered, and the README shows the same rows.
        let text = try source("scripts/sutton-barto")
        let loops = text.split(separator: "\n").filter { $0.hasPrefix("for agent in ") }
            .map { $0.dropFirst("for agent in ".count).prefix { $0 != ";" }.split(separator: " ").map(String.init) }
        #expect(loops.count == 2 && loops.joined().allSatisfy { Registry.agent($0) != nil }, "\(loops)")
        for world in ["cliff-walking", "maximization-bias"] {
            #expect(text.contains("average \(world) ") && Registry.world(world) != nil)
        }
        let readme = try source("README.md")
        let block = try #require(
            readme.components(separatedBy: "Figure 6.4, Cliff Walking").dropFirst().first?.components(separatedBy: "```").first)
        let shown = block.split(separator: "\n").filter { $0.hasPrefix("  ") }.map { String($0.split(separator: " ")[0]) }
        #expect(shown == loops.joined().map { $0 }, "README: \(shown)")
    }

    @Test func benchSweepTimesBothJobCounts() throws {
        let run = try script("bench-sweep", ["--quick"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(
            run.output.contains("4 runs, 100 episodes each,") && run.output.contains("--jobs 1: ")
                && run.output.contains("--jobs 2: ") && run.output.contains("speed-up"), "\(run.output)")
    }

    @Test func defaultGapsComparesWithValueIteration() throws {
        let run = try script("default-gaps.py", ["--quick"])
        #expect(run.status == 0, "\(run.errors)")
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 3 && lines[0].hasPrefix("| world | agent | value iteration |"), "\(run.output)")
        // Q-learning's Cliff Walking defaults end on the optimal path, as value iteration's policy.
        #expect(lines[2].hasPrefix("| cliff-walking | q-learning | -13.0000 | -13.0000 | yes |"), "\(run.output)")
        // Its agents are the registry's learning agents, in order, and its worlds are registered.
        let text = try source("scripts/default-gaps.py")
        let listed = try #require(text.components(separatedBy: "agents = [").dropFirst().first?.prefix { $0 != "]" })
        #expect(
            listed.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }
                == Registry.builtInAgents.map(\.id).filter { !Registry.isDeep($0) })
        let worlds = text.components(separatedBy: #"["--env", ""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(!worlds.isEmpty && worlds.allSatisfy { Registry.world($0) != nil }, "\(worlds)")
    }

    /// The tanh's coefficients: the same in C and Swift, and within the 6 units in the last place
    /// ActivationTests allows, by the script's own Float32 arithmetic (its fit takes ten minutes:
    /// `--check` measures the committed coefficients only).
    @Test func fitTanhChecksTheCommittedCoefficients() throws {
        let run = try script("fit-tanh.py", ["--check"])
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        #expect(run.output.hasPrefix("9 coefficients, the same in tanh.c and FastTanh.swift"), "\(run.output)")
        let worst = try #require(run.output.split(separator: "\n").last.map(numbers)?.last)
        #expect(worst > 0 && worst <= 6, "\(run.output)")
        #expect(try script("fit-tanh.py", ["--nonsense"]).status == 64)
    }

    @Test func toyTextThresholdsRunsEveryRegisteredAgent() throws {
        let run = try script("toy-text-thresholds.py", ["--quick"])
        #expect(run.status == 0, "\(run.errors)")
        let lines = run.output.split(separator: "\n")
        // Its default agents are the registry's learning agents, in order.
        #expect(
            lines.map { String($0.split(separator: " ", omittingEmptySubsequences: true)[2]) }
                == Registry.builtInAgents.map(\.id).filter { !Registry.isDeep($0) },
            "\(run.output)")
        // An agent the world does not suit (the bandit methods) says so on its line.
        let frozenLake = try #require(Registry.world("frozen-lake")).configure()
        for line in lines {
            let agent = String(line.split(separator: " ", omittingEmptySubsequences: true)[2])
            #expect(line.hasPrefix("frozen-lake 4x4 "), "\(line)")
            #expect(
                Registry.canLearn(agent, on: frozenLake)
                    ? line.contains("reached [") && line.contains("optimum 0.7442") : line.contains("cannot learn this world"), "\(line)")
        }
        #expect(lines.contains { !$0.contains("reached [None]") }, "no agent reached the threshold: \(run.output)")
        // Every world it trains on is registered.
        let text = try source("scripts/toy-text-thresholds.py")
        let worlds = text.components(separatedBy: #"["--env", ""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(!worlds.isEmpty && worlds.allSatisfy { Registry.world($0) != nil }, "\(worlds)")
    }

    /// With the PyTorch that wrote Tests/Fixtures/pytorch/networks.json, scripts/pytorch-golden
    /// writes it again byte for byte (one thread, fixed draws). PyTorch is not a test dependency:
    /// without it the script must say what it needs and exit with status 3.
    @Test func pytorchGoldenRegeneratesTheCommittedFile() throws {
        let path = temporaryFolder() + "/networks.json"
        let run = try script("pytorch-golden", ["--out", path])
        if run.status == 3 {
            #expect(run.errors.contains("needs PyTorch"), "\(run.errors)")
            return
        }
        #expect(run.status == 0, "\(run.errors)")
        let committed = try Data(contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/pytorch/networks.json"))
        let new = try Data(contentsOf: URL(fileURLWithPath: path))
        let version = { (data: Data) in (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["torch"] as? String }
        // Another PyTorch may round differently: then only the layout must match.
        if try version(committed) == version(new) {
            #expect(committed == new)
        } else {
            let keys = { (data: Data) in try (JSONSerialization.jsonObject(with: data) as? [String: Any])?.keys.sorted() }
            #expect(try keys(committed) == keys(new))
        }
    }

    /// The regenerated golden files are the committed ones: the same Gymnasium gives the same
    /// models, and NumPy's planning answers agree to rounding (they are sums in BLAS order).
    @Test func gymnasiumGoldenRegeneratesTheCommittedFiles() throws {
        let folder = temporaryFolder() + "/golden"
        let run = try script("gymnasium-golden", ["--out", folder])
        #expect(run.status == 0, "\(run.errors)")
        let committed = Self.root.appendingPathComponent("Tests/Fixtures/gymnasium")
        let names = try FileManager.default.contentsOfDirectory(atPath: committed.path).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == names)
        for name in names {
            let old = try Data(contentsOf: committed.appendingPathComponent(name))
            let new = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            if old == new { continue }
            let difference = firstDifference(
                try JSONSerialization.jsonObject(with: old), try JSONSerialization.jsonObject(with: new), at: name)
            #expect(difference == nil, "\(difference ?? "")")
        }
    }

    /// Where two JSON values differ (numbers: by more than 1e-12, relative), or nil.
    func firstDifference(_ a: Any, _ b: Any, at path: String) -> String? {
        switch (a, b) {
        case (let a as [String: Any], let b as [String: Any]):
            guard Set(a.keys) == Set(b.keys) else { return "\(path): keys \(a.keys.sorted()) vs \(b.keys.sorted())" }
            return a.keys.sorted().lazy.compactMap { self.firstDifference(a[$0]!, b[$0]!, at: path + "." + $0) }.first
        case (let a as [Any], let b as [Any]):
            guard a.count == b.count else { return "\(path): \(a.count) vs \(b.count) elements" }
            return zip(a, b).enumerated().lazy.compactMap { self.firstDifference($0.element.0, $0.element.1, at: path + "[\($0.offset)]") }
                .first
        default:
            if "\(a)" == "\(b)" { return nil }
            if let x = (a as? NSNumber)?.doubleValue, let y = (b as? NSNumber)?.doubleValue, abs(x - y) <= 1e-12 * max(1, abs(x), abs(y)) {
                return nil
            }
            return "\(path): \(a) vs \(b)"
        }
    }

    @Test func formatFixesWhatLintFindsWithTheRepositorysSettings() throws {
        let file = temporaryFolder() + "/Messy.swift"
        try "import RLCore\nimport Foundation\nstruct Messy {\n  var x = 1\n}\n".write(toFile: file, atomically: true, encoding: .utf8)
        let before = try script("lint", [file])
        #expect(
            before.status != 0 && before.errors.contains("[Indentation]") && before.errors.contains("[OrderedImports]"), "\(before.errors)")
        #expect(try script("format", [file]).status == 0)
        let after = try script("lint", [file])
        #expect(after.status == 0, "\(after.errors)")
        // .swift-format's 4-space indents, not swift format's default of 2.
        #expect(
            try String(contentsOfFile: file, encoding: .utf8) == "import Foundation\nimport RLCore\n\nstruct Messy {\n    var x = 1\n}\n")
    }
}
