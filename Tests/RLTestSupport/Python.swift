import Foundation

/// What a process (a Python script, pip, pytest) printed and how it ended.
public struct PythonRun: Sendable {
    public var status: Int32
    /// Standard output and standard error, together.
    public var output: String
}

/// Runs `python3 -c script arguments...`: the interoperability tests check our files with the
/// real `safetensors` and `numpy` packages (which `scripts/setup --test` installs).
public func runPython(_ script: String, arguments: [String]) throws -> PythonRun {
    try runProcess(["python3", "-c", script] + arguments)
}

/// Runs `command` (found on PATH) in `directory` (default: the current one) with `environment`
/// (default: this process's), its standard output and error read together.
public func runProcess(_ command: [String], in directory: URL? = nil, environment: [String: String]? = nil) throws -> PythonRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = command
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = environment }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return PythonRun(status: process.terminationStatus, output: text)
}
