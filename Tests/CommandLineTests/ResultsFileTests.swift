import Foundation
import Testing

/// `rl report` (and `rl sweep`'s resume) on results files that are missing, damaged or hostile:
/// one line on stderr, the README's exit status, nothing read outside the results' folder.
@Suite struct ResultsFileTests {
    /// A finished two-run sweep in a fresh folder, and its results lines.
    static func sweep() throws -> (folder: String, lines: [String]) {
        let folder = temporaryFolder()
        let run = try RL.run(
            [
                "sweep", "--env", "cliff-walking", "--seeds", "1-2", "--episodes", "20", "--eval-episodes", "2", "--out", "s.jsonl",
                "--quiet",
            ],
            in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let text = try String(contentsOfFile: folder + "/s.jsonl", encoding: .utf8)
        return (folder, text.split(separator: "\n").map(String.init))
    }

    /// A results line with one key set.
    static func editing(_ line: String, _ edit: (inout [String: Any]) -> Void) -> String {
        var object = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        edit(&object)
        return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    static func write(_ lines: [String], to path: String) {
        precondition(FileManager.default.createFile(atPath: path, contents: Data(lines.map { $0 + "\n" }.joined().utf8)))
    }

    static func expect(
        _ arguments: [String], status: Int32, in folder: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> RLRun {
        let run = try RL.run(arguments, in: folder)
        #expect(run.status == status, "rl \(arguments.joined(separator: " ")): \(run.standardError)", sourceLocation: sourceLocation)
        #expect(run.errorLines.count == 1 && run.standardError.hasPrefix("error: "), "\(run.standardError)", sourceLocation: sourceLocation)
        return run
    }

    /// A line with a readable id but a bad body used to count as finished (never redone, and
    /// `rl report` refused the file); a damaged line in the middle stopped `rl sweep` with exit 1
    /// and Swift's DecodingError text. Now: the run is done again, and one line says why (65).
    @Test func aSweepResumesOverDamagedLines() throws {
        let (folder, lines) = try Self.sweep()
        let damaged = [Self.editing(lines[0]) { $0["final"] = "x" }, "{\"id\": ", lines[1]]
        Self.write(damaged, to: folder + "/s.jsonl")
        let resumed = try Self.expect(
            [
                "sweep", "--env", "cliff-walking", "--seeds", "1-2", "--episodes", "20", "--eval-episodes", "2", "--out", "s.jsonl",
                "--quiet",
            ],
            status: 65, in: folder)
        #expect(!resumed.standardError.contains("DecodingError") && resumed.standardError.contains("line 1 (and 1 more)"))
        #expect(resumed.standardOutput.contains("1 runs finished, 1 already in s.jsonl"), "\(resumed.standardOutput)")
        let text = try String(contentsOfFile: folder + "/s.jsonl", encoding: .utf8)
        #expect(text.split(separator: "\n").count == 4)
        // Without the damaged lines, the file is whole again.
        Self.write(text.split(separator: "\n").map(String.init).suffix(2), to: folder + "/s.jsonl")
        #expect(try RL.run(["report", "s.jsonl"], in: folder).status == 0)
    }

    @Test func reportExitStatusesFollowTheReadme() throws {
        let (folder, _) = try Self.sweep()
        _ = try Self.expect(["report", "s.jsonl", "--compare", "1", "9"], status: 64, in: folder)
        _ = try Self.expect(["report", "s.jsonl", "--metric", "nothing"], status: 64, in: folder)
        _ = try Self.expect(["report", "missing.jsonl"], status: 66, in: folder)
        // A folder is not a results file that is there: as `rl eval` of a folder, 66.
        _ = try Self.expect(["report", "."], status: 66, in: folder)
        _ = try Self.expect(["report", "/dev/zero"], status: 66, in: folder)
        try FileManager.default.removeItem(atPath: folder + "/s.runs")
        _ = try Self.expect(["report", "s.jsonl", "--curves", "c.png"], status: 66, in: folder)
    }

    /// A `curve` that leads out of the results' folder (absolute, `..`, a link) is refused, and
    /// what a curve file holds is never echoed.
    @Test func curvesAreReadOnlyInsideTheResultsFolder() throws {
        let (folder, lines) = try Self.sweep()
        let secret = temporaryFolder() + "/secret.csv"
        precondition(FileManager.default.createFile(atPath: secret, contents: Data("TOP-SECRET-LINE\n".utf8)))
        for curve in [secret, "../" + URL(fileURLWithPath: secret).lastPathComponent, "s.runs/../../x.csv", ""] {
            let edited = [Self.editing(lines[0]) { $0["curve"] = curve }] + lines.dropFirst()
            Self.write(edited, to: folder + "/r.jsonl")
            if curve.isEmpty { continue }
            let run = try Self.expect(["report", "r.jsonl", "--curves", "c.png"], status: 65, in: folder)
            #expect(!run.standardError.contains("TOP-SECRET"))
        }
        try FileManager.default.createSymbolicLink(atPath: folder + "/s.runs/link.csv", withDestinationPath: secret)
        Self.write([Self.editing(lines[0]) { $0["curve"] = "s.runs/link.csv" }], to: folder + "/r.jsonl")
        var run = try Self.expect(["report", "r.jsonl", "--curves", "c.png"], status: 65, in: folder)
        #expect(!run.standardError.contains("TOP-SECRET"))
        // A curve inside the folder that is not a log: refused without quoting it.
        precondition(FileManager.default.createFile(atPath: folder + "/s.runs/bad.csv", contents: Data("TOP-SECRET-LINE\n".utf8)))
        Self.write([Self.editing(lines[0]) { $0["curve"] = "s.runs/bad.csv" }], to: folder + "/r.jsonl")
        run = try Self.expect(["report", "r.jsonl", "--curves", "c.png"], status: 65, in: folder)
        #expect(!run.standardError.contains("TOP-SECRET"))
    }

    /// A 2 MB setting label took 13 s and 1.1 GB: bounded when read, refused with 65 at once.
    @Test func hugeLabelsAreRefusedQuickly() throws {
        let (folder, lines) = try Self.sweep()
        let huge = String(repeating: "x", count: 2 << 20)
        for edit: (inout [String: Any]) -> Void in [
            { $0["settings"] = ["learning-rate": huge] }, { $0["settings"] = [huge: "1"] }, { $0["env"] = huge },
            { $0["evaluation"] = Dictionary(uniqueKeysWithValues: (0..<1000).map { ("m\($0)", 1.0) }) },
        ] {
            Self.write(lines.map { Self.editing($0, edit) }, to: folder + "/r.jsonl")
            let start = Date()
            _ = try Self.expect(["report", "r.jsonl", "--profiles", "p.png"], status: 65, in: folder)
            #expect(Date().timeIntervalSince(start) < 10)
        }
    }
}
