import Foundation

/// Runs the real `rl` binary, as a user would.
struct RLRun {
    var status: Int32
    var standardOutput: String
    var standardError: String

    var errorLines: [Substring] { standardError.split(separator: "\n") }
    var json: [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(standardOutput.utf8)) as? [String: Any]
    }
}

enum RL {
    /// The `rl` built next to the test bundle.
    static let executable: URL = {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("rl"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("rl"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("rl"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug/rl"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    /// - Parameter environment: variables to set (a nil value removes one) on top of ours.
    static func start(_ arguments: [String], in folder: String, environment: [String: String?] = [:]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            var variables = ProcessInfo.processInfo.environment
            for (name, value) in environment { variables[name] = value }
            process.environment = variables
        }
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        // Never the developer's terminal: `rl watch` would switch it to key-at-a-time mode.
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, output, error)
    }

    /// Reads `pipe` until `text` has appeared in it (or it closes): a started run has got that far.
    static func read(until text: String, from pipe: Pipe) {
        let reader = pipe.fileHandleForReading
        var seen = ""
        while !seen.contains(text) {
            let chunk = reader.availableData
            if chunk.isEmpty { return }
            seen += String(decoding: chunk, as: UTF8.self)
        }
    }

    /// `rl train` with `arguments` twice in `folder`: left alone into `alone.safetensors`, and into
    /// `stopped.safetensors` stopped by `signal` (SIGTERM unless given) after the report that
    /// begins `report`, then resumed. Returns the exit statuses of the run left alone and of the
    /// stopped one, and the resume's run; the test compares the two files.
    static func trainStoppedAndResumed(
        _ arguments: [String], in folder: String, by signal: Int32 = SIGTERM, after report: String = "episodes 500:"
    ) throws -> (aloneStatus: Int32, stoppedStatus: Int32, resumed: RLRun) {
        let alone = try run(arguments + ["--quiet", "--out", "alone.safetensors"], in: folder)
        let (process, output, _) = try start(arguments + ["--out", "stopped.safetensors"], in: folder)
        read(until: report, from: output)
        kill(process.processIdentifier, signal)
        _ = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (alone.status, process.terminationStatus, try run(["train", "--resume", "stopped.safetensors", "--quiet"], in: folder))
    }

    static func run(_ arguments: [String], in folder: String = temporaryFolder(), environment: [String: String?] = [:]) throws -> RLRun {
        let (process, output, error) = try start(arguments, in: folder, environment: environment)
        // Read before waiting, so a full pipe cannot block the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return RLRun(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }
}

func temporaryFolder() -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("rl-cli-\(UUID().uuidString)").path
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
