#if os(Linux)
import Foundation
import RLTestSupport
import Testing
@testable import RLExperiments

/// Kills a real writer process in the middle of its work and checks what it left: every line or
/// event it reported as added is in the file, and the file reads cleanly.
///
/// The writer is this same test executable, started again to run only
/// ``childWriter()`` (on Linux, `swift test` runs tests in one plain executable).
@Suite struct InterruptionTests {
    static let childVariable = "RL_EXPERIMENTS_CHILD_WRITER"

    /// Does nothing in a normal test run. Started by the tests below with `childVariable` set to
    /// `jsonl:<file>` or `tensorboard:<folder>`, it appends records as fast as it can, reporting
    /// `added N` on standard output after each, until it is killed (or after a bounded time, so a
    /// lost child ends by itself).
    @Test func childWriter() throws {
        guard let request = ProcessInfo.processInfo.environment[Self.childVariable] else { return }
        let (kind, path) = (request.prefix { $0 != ":" }, String(request.drop { $0 != ":" }.dropFirst()))
        let deadline = Date().addingTimeInterval(60)
        let jsonl = kind == "jsonl" ? try JSONLinesWriter(path: path, durability: .syncOnClose) : nil
        let board = kind == "tensorboard" ? try TensorBoardWriter(logDirectory: path, hostName: "child") : nil
        var added = 0
        while Date() < deadline && added < 1_000_000 {
            try jsonl?.append(["seed": added, "padding": added % 7])
            try board?.addScalar("progress", Double(added), step: added)
            added += 1
            FileHandle.standardOutput.write(Data("added \(added)\n".utf8))
        }
    }

    /// Starts the child writer, waits until it has added `atLeast` records, sends it `signal`, and
    /// returns the highest count it reported.
    func interruptChild(_ request: String, atLeast: Int, signal: Int32) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["--testing-library", "swift-testing", "--filter", "InterruptionTests/childWriter"]
        process.environment = ProcessInfo.processInfo.environment.merging([Self.childVariable: request]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()

        var text = ""
        func reported() -> Int {
            text.split(separator: "\n").compactMap { $0.hasPrefix("added ") ? Int($0.dropFirst(6)) : nil }.max() ?? 0
        }
        while reported() < atLeast {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }  // the child ended before writing enough: reported below
            text += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        text += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
        return reported()
    }

    @Test(arguments: [SIGKILL, SIGINT])
    func aKilledJSONLinesWriterLosesNoReportedLine(signal: Int32) throws {
        let path = temporaryFolder("interrupted-jsonl") + "/sweep.jsonl"
        let reported = try interruptChild("jsonl:" + path, atLeast: 200, signal: signal)
        #expect(reported >= 200)
        let content = try JSONLines.read([String: Int].self, from: path)
        // Every reported line is there; one more may have been written before its report.
        #expect(content.values.count == reported || content.values.count == reported + 1)
        #expect(content.values.enumerated().allSatisfy { $1["seed"] == $0 })
        let resumed = try JSONLinesWriter(path: path)
        #expect(resumed.repairedBytes == content.tornBytes)
        try resumed.append(["seed": -1])
        try resumed.close()
        #expect(try JSONLines.read([String: Int].self, from: path).values.count == content.values.count + 1)
    }

    @Test(arguments: [SIGKILL, SIGINT])
    func tensorBoardReadsAKilledWritersFile(signal: Int32) throws {
        let folder = temporaryFolder("interrupted-tensorboard")
        let reported = try interruptChild("tensorboard:" + folder, atLeast: 200, signal: signal)
        #expect(reported >= 200)
        let progress = try #require(try readWithTensorBoard(folder).scalars["progress"])
        #expect(progress.count == reported || progress.count == reported + 1)
        #expect(progress.enumerated().allSatisfy { Int($1[0]) == $0 && Int($1[1]) == $0 })
    }
}
#endif
