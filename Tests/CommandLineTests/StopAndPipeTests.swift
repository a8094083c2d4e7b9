import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A run stopped by a signal exits 128 + the signal and keeps what it learned; a reader that
/// goes away never costs the run.
@Suite struct StopAndPipeTests {
    /// Reads from `pipe` until `text` has arrived (or the writer has gone).
    static func read(_ pipe: Pipe, until text: String) -> String {
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains(text) {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        return String(decoding: seen, as: UTF8.self)
    }

    @Test(arguments: zip([SIGINT, SIGTERM, SIGHUP], [Int32(130), 143, 129]))
    func aSignalStopsTrainingWith128PlusItAndSaves(signal: Int32, status: Int32) throws {
        let folder = temporaryFolder()
        let (process, output, error) = try RL.start(["train", "--episodes", "10000000", "--out", "p.safetensors"], in: folder)
        // The first report line: training has started, and the handlers are in place.
        #expect(Self.read(output, until: "episodes 500:").contains("episodes 500:"))
        kill(process.processIdentifier, signal)
        let rest = Self.read(output, until: "\u{0}")
        let errors = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "killed by the signal instead of stopping")
        #expect(process.terminationStatus == status, "\(errors)")
        #expect(rest.contains("Interrupted after") && rest.contains("Policy saved to p.safetensors"), "\(rest)")
        #expect(FileManager.default.fileExists(atPath: folder + "/p.safetensors"))
    }

    /// `rl train | head -1`: the pipe closes after the first line; training goes on and saves.
    @Test func aClosedStandardOutputDoesNotLoseTheRun() throws {
        let folder = temporaryFolder()
        let (process, output, error) = try RL.start(["train", "--episodes", "2000", "--out", "p.safetensors"], in: folder)
        #expect(Self.read(output, until: "\n").hasPrefix("episodes 500:"))
        try output.fileHandleForReading.close()
        let errors = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(process.terminationStatus) \(errors)")
        #expect(FileManager.default.fileExists(atPath: folder + "/p.safetensors"))
    }

    /// `--json` with progress on stderr: stderr's reader goes, the JSON still arrives on stdout.
    @Test func aClosedStandardErrorDoesNotLoseTheRunOrTheJSON() throws {
        let folder = temporaryFolder()
        let (process, output, error) = try RL.start(["train", "--episodes", "2000", "--json", "--out", "p.safetensors"], in: folder)
        #expect(Self.read(error, until: "\n").hasPrefix("episodes 500:"))
        try error.fileHandleForReading.close()
        let json = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        #expect(object?["episodes"] as? Int == 2000 && object?["policy"] as? String == "p.safetensors")
        #expect(FileManager.default.fileExists(atPath: folder + "/p.safetensors"))
    }

    /// The same through a shell, as a user types it.
    @Test func headOfAPipeline() throws {
        let folder = temporaryFolder()
        let script = "'\(RL.executable.path)' train --episodes 2000 --out p.safetensors | head -1; echo \"status ${PIPESTATUS[0]}\""
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["-c", script]
        shell.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe()
        shell.standardOutput = output
        shell.standardInput = FileHandle.nullDevice
        try shell.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(text.hasPrefix("episodes 500:") && text.hasSuffix("status 0\n"), "\(text)")
        #expect(FileManager.default.fileExists(atPath: folder + "/p.safetensors"))
    }
}
