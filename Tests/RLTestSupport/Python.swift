import Foundation

/// What a Python script printed and how it ended.
public struct PythonRun: Sendable {
    public var status: Int32
    /// Standard output and standard error, together.
    public var output: String
}

/// Runs `python3 -c script arguments...`: the interoperability tests check our files with the
/// real `safetensors` and `numpy` packages (which `scripts/setup --test` installs).
public func runPython(_ script: String, arguments: [String]) throws -> PythonRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return PythonRun(status: process.terminationStatus, output: text)
}
